// Rule tests for `leaks/no-leaked-resource`: servers that are started serve for the life of the process; child processes and workers end when killed or waited for.
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/no-leaked-resource.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

/** The shared tester enables JSX, so its default file is react.tsx: lint these cases as file.ts unless they name a file. */
const inTs = <T extends { filename?: string }>(test: T): T => ({ filename: 'file.ts', ...test });

const NET_SERVER = {
  resource: 'net.Server',
  released: 'closed',
  advice: 'Close it, or start it listening so that it serves for the life of the process.',
};
const HTTP_SERVER = { ...NET_SERVER, resource: 'http.Server' };
const CHILD = {
  resource: 'child process',
  released: 'killed or waited for',
  advice: "Wait for its 'exit' event (or `once(child, 'exit')`), or kill it on every path.",
};
const WORKER = { resource: 'Worker', released: 'terminated', advice: "Terminate it, or wait for its 'exit' event." };
const DGRAM = { resource: 'dgram.Socket', released: 'closed', advice: 'Close it on every path, or hand it to an owner.' };

const valid: ValidTestCase<Options>[] = [
  {
    // listen() starts it; the server serves for the life of the process.
    code: `import * as http from 'node:http';
export function start(port: number, handler: http.RequestListener): void {
  http.createServer(handler).listen(port);
}`,
  },
  {
    code: `import * as http from 'node:http';
export function start(port: number): void {
  const server = http.createServer();
  server.on('request', (req, res) => res.end('ok'));
  server.listen(port);
}`,
  },
  {
    // A 'connection' handler registered.
    code: `import * as net from 'node:net';
export function start(onConnection: (socket: net.Socket) => void): void {
  const server = net.createServer();
  server.on('connection', onConnection);
}`,
  },
  {
    // The server returned to the caller.
    code: `import * as http from 'node:http';
export function create(handler: http.RequestListener): http.Server {
  const server = http.createServer(handler);
  return server;
}`,
  },
  {
    // A server used to find a free port, then closed.
    code: `import * as net from 'node:net';
import { once } from 'node:events';
export async function freePort(): Promise<number> {
  const server = net.createServer();
  server.listen(0);
  await once(server, 'listening');
  const address = server.address();
  server.close();
  return typeof address === 'object' && address ? address.port : 0;
}`,
  },
  {
    // ws: a server with a 'connection' handler.
    code: `import { WebSocketServer } from 'ws';
export function start(port: number): void {
  const wss = new WebSocketServer({ port });
  wss.on('connection', (ws) => ws.send('hello'));
}`,
  },
  {
    // http2: a secure server that listens.
    code: `import * as http2 from 'node:http2';
export function start(port: number, key: Buffer, cert: Buffer): void {
  const server = http2.createSecureServer({ key, cert });
  server.on('stream', (stream) => stream.end('ok'));
  server.listen(port);
}`,
  },
  {
    // dgram: bind() starts it.
    code: `import * as dgram from 'node:dgram';
export function start(port: number): void {
  const socket = dgram.createSocket('udp4');
  socket.on('message', (msg) => console.log(String(msg)));
  socket.bind(port);
}`,
  },
  {
    // A child whose 'exit' the function waits for with a listener.
    code: `import { spawn } from 'node:child_process';
export function run(command: string, done: (code: number | null) => void): void {
  const child = spawn(command);
  child.on('exit', (code) => done(code));
}`,
  },
  {
    // events.once(child, 'exit').
    code: `import { spawn } from 'node:child_process';
import { once } from 'node:events';
export async function run(command: string): Promise<number | null> {
  const child = spawn(command, { stdio: 'inherit' });
  const [code] = await once(child, 'exit');
  return code as number | null;
}`,
  },
  {
    // A 'close' listener also waits for its end.
    code: `import { spawn } from 'node:child_process';
export function run(command: string, done: () => void): void {
  spawn(command).on('close', done);
}`,
  },
  {
    // Killed.
    code: `import { spawn } from 'node:child_process';
export function probe(command: string): boolean {
  const child = spawn(command);
  const started = child.pid !== undefined;
  child.kill();
  return started;
}`,
  },
  {
    // Unref'd: the process no longer waits for it.
    code: `import { spawn } from 'node:child_process';
export function detach(command: string): void {
  const child = spawn(command, { detached: true, stdio: 'ignore' });
  child.unref();
}`,
  },
  {
    // exec/execFile report completion to their callback: not acquisitions.
    code: `import { exec, execFile } from 'node:child_process';
export function list(done: (out: string) => void): void {
  exec('ls', (error, stdout) => done(error ? '' : stdout));
  execFile('ls', ['-l'], (error, stdout) => done(error ? '' : stdout));
}`,
  },
  {
    // spawnSync returns a result, not a process.
    code: `import { spawnSync } from 'node:child_process';
export function version(): string {
  const result = spawnSync('node', ['--version']);
  return String(result.stdout);
}`,
  },
  {
    // A worker terminated after its answer.
    code: `import { Worker } from 'node:worker_threads';
import { once } from 'node:events';
export async function compute(file: string): Promise<unknown> {
  const worker = new Worker(file);
  const [result] = await once(worker, 'message');
  await worker.terminate();
  return result;
}`,
  },
  {
    // A worker whose 'exit' is observed.
    code: `import { Worker } from 'node:worker_threads';
export function compute(file: string, done: () => void): void {
  const worker = new Worker(file).on('exit', done);
  worker.postMessage('start');
}`,
  },
  {
    // A 'close' listener registered with once().
    code: `import { spawn } from 'node:child_process';
export function run(command: string, done: (code: number | null) => void): void {
  const child = spawn(command);
  child.once('close', (code) => done(code));
}`,
  },
];

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    // A server that is neither started nor closed on the early return.
    code: `import * as net from 'node:net';
export function probe(busy: boolean): boolean {
  const server = net.createServer();
  if (busy) {
    return false;
  }
  server.close();
  return true;
}`,
    errors: [
      {
        messageId: 'leak',
        line: 3,
        column: 18,
        endLine: 3,
        endColumn: 36,
        data: { name: 'server', ...NET_SERVER, path: 'when `probe()` returns at line 5' },
      },
    ],
    output: `import * as net from 'node:net';
export function probe(busy: boolean): boolean {
  const server = net.createServer();
  if (busy) {
    server.close();
    return false;
  }
  server.close();
  return true;
}`,
  },
  {
    // An http server made and never started or closed.
    code: `import * as http from 'node:http';
export function makeServer(): number {
  const server = http.createServer();
  return server.maxHeadersCount ?? 0;
}`,
    errors: [{
      messageId: 'leak',
      line: 3,
      column: 18,
      data: { name: 'server', ...HTTP_SERVER, path: 'when `makeServer()` returns at line 4' },
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import * as http from 'node:http';
export function makeServer(): number {
  const server = http.createServer();
  try {
    return server.maxHeadersCount ?? 0;
  } finally {
    server.close();
  }
}`,
        },
      ],
    }],
    output: null,
  },
  {
    // A child nobody waits for (its pid only compared, not kept: nothing can kill it later).
    code: `import { spawn } from 'node:child_process';
export function run(command: string): boolean {
  const child = spawn(command);
  return child.pid !== undefined;
}`,
    errors: [
      {
        messageId: 'leak',
        line: 3,
        column: 17,
        endLine: 3,
        endColumn: 31,
        data: { name: 'child', ...CHILD, path: 'when `run()` returns at line 4' }
      },
    ],
    output: null,
  },
  {
    // Waiting for 'spawn' is not waiting for its end.
    code: `import { spawn } from 'node:child_process';
import { once } from 'node:events';
export async function start(command: string): Promise<void> {
  const child = spawn(command);
  await once(child, 'spawn');
}`,
    errors: [{ messageId: 'leak', line: 4, column: 17, data: { name: 'child', ...CHILD, path: 'when `start()` ends at line 6' } }],
    output: null,
  },
  {
    // fork, waited for on one path only.
    code: `import { fork } from 'node:child_process';
export function runScript(path: string, wait: boolean): void {
  const child = fork(path);
  if (wait) {
    child.on('exit', () => console.log('done'));
  }
}`,
    errors: [{ messageId: 'leak', line: 3, column: 17, endLine: 3, endColumn: 27, data: { name: 'child', ...CHILD, path: 'when `runScript()` ends at line 7' } }],
    output: null,
  },
  {
    // A child spawned and dropped.
    code: `import { spawn } from 'node:child_process';
export function fire(command: string): void {
  spawn(command);
}`,
    errors: [
      {
        messageId: 'discarded',
        line: 3,
        column: 3,
        endLine: 3,
        endColumn: 17,
        data: { ...CHILD, how: 'not stored anywhere', consequence: 'it stays open' },
      },
    ],
    output: null,
  },
  {
    // A worker that is never terminated.
    code: `import { Worker } from 'node:worker_threads';
export function compute(file: string): void {
  const worker = new Worker(file);
  worker.postMessage('start');
}`,
    errors: [
      {
        messageId: 'leak',
        line: 3,
        column: 18,
        endLine: 3,
        endColumn: 34,
        data: { name: 'worker', ...WORKER, path: 'when `compute()` ends at line 5' }
      },
    ],
    output: null,
  },
  {
    // A 'message' listener is not its end.
    code: `import { Worker } from 'node:worker_threads';
export function compute(file: string, onResult: (value: unknown) => void): void {
  const worker = new Worker(file).on('message', onResult);
  worker.postMessage('start');
}`,
    errors: [{
      messageId: 'leak',
      line: 3,
      column: 18,
      data: { name: 'worker', ...WORKER, path: 'when `compute()` ends at line 5' }
    }],
    output: null,
  },
  {
    // A UDP socket that sends and is never closed.
    code: `import * as dgram from 'node:dgram';
export function announce(port: number, message: string): void {
  const socket = dgram.createSocket('udp4');
  socket.send(message, port, 'localhost');
}`,
    errors: [{
      messageId: 'leak',
      line: 3,
      column: 18,
      data: { name: 'socket', ...DGRAM, path: 'when `announce()` ends at line 5' },
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import * as dgram from 'node:dgram';
export function announce(port: number, message: string): void {
  const socket = dgram.createSocket('udp4');
  try {
    socket.send(message, port, 'localhost');
  } finally {
    socket.close();
  }
}`,
        },
      ],
    }],
    output: null,
  },
  {
    // An 'error' listener alone does not wait for the child's exit.
    code: `import { spawn } from 'node:child_process';
export function run(command: string): void {
  const child = spawn(command);
  child.on('error', (error) => console.error(error));
}`,
    errors: [{ messageId: 'leak', line: 3, column: 17, data: { name: 'child', ...CHILD, path: 'when `run()` ends at line 5' } }],
    output: null,
  },
  {
    // A server started on one path only.
    code: `import * as http from 'node:http';
export function maybeServe(port: number, enabled: boolean): void {
  const server = http.createServer((req, res) => res.end('ok'));
  if (enabled) {
    server.listen(port);
  }
}`,
    errors: [
      {
        messageId: 'leak',
        line: 3,
        column: 18,
        data: { name: 'server', ...HTTP_SERVER, path: 'when `maybeServe()` ends at line 7' },
      },
    ],
    output: null,
  },
];

ruleTester.run('no-leaked-resource (servers and processes)', rule, { valid: valid.map(inTs), invalid: invalid.map(inTs) });
