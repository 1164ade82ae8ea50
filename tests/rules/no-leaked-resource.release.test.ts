// Rule tests for `leaks/no-leaked-resource`: what counts as releasing a resource (catalog methods, `using`, stacks, pipelines, callbacks, callees).
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/no-leaked-resource.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

/** The shared tester enables JSX, so its default file is react.tsx: lint these cases as file.ts unless they name a file. */
const inTs = <T extends { filename?: string }>(test: T): T => ({ filename: 'file.ts', ...test });

const SOCKET = { resource: 'net.Socket', released: 'destroyed', advice: 'End or destroy it on every path, or hand it to an owner.' };
const FILE_HANDLE = { resource: 'FileHandle', released: 'closed', advice: 'Close it in a `finally` block, or declare it with `await using`.' };
const DISPOSABLE = {
  resource: 'Disposable',
  released: 'disposed',
  advice: 'Declare it with `using` (or `await using`), or dispose it on every path.',
};
const READLINE = {
  resource: 'readline.Interface',
  released: 'closed',
  advice: 'Close it on every path, or read it to the end with `for await`.',
};

/** A Disposable the program defines: any class with `[Symbol.dispose]` is a resource. */
const LEASE = `declare class Lease implements Disposable {
  touch(): void;
  [Symbol.dispose](): void;
}
`;

const valid: ValidTestCase<Options>[] = [
  {
    // x.close()
    code: `import WebSocket from 'ws';
export function notify(url: string, message: string): void {
  const ws = new WebSocket(url);
  ws.send(message);
  ws.close();
}`,
  },
  {
    // x?.close()
    code: `import * as fs from 'node:fs';
export function watchIf(dir: string, enabled: boolean): void {
  const watcher = enabled ? fs.watch(dir) : undefined;
  watcher?.on('change', () => {});
  watcher?.close();
}`,
  },
  {
    // await x.close()
    code: `import { open } from 'node:fs/promises';
export async function append(path: string, line: string): Promise<void> {
  const handle = await open(path, 'a');
  await handle.appendFile(line);
  await handle.close();
}`,
  },
  {
    // if (x) x.destroy(), with the acquisition assigned on one branch
    code: `import * as net from 'node:net';
export function maybePing(port: number): void {
  let socket: net.Socket | undefined;
  if (port > 0) socket = net.connect(port);
  socket?.write('ping');
  if (socket) socket.destroy();
}`,
  },
  {
    // if (x !== undefined) { x.destroy(); }
    code: `import * as net from 'node:net';
export function maybePing(port: number, enabled: boolean): void {
  const socket = enabled ? net.connect(port) : undefined;
  if (socket !== undefined) {
    socket.destroy();
  }
}`,
  },
  {
    // x && x.destroy()
    code: `import * as net from 'node:net';
export function maybePing(port: number, enabled: boolean): void {
  const socket = enabled ? net.connect(port) : null;
  socket && socket.destroy();
}`,
  },
  {
    // using
    code: `${LEASE}export function work(): void {
  using lease = new Lease();
  lease.touch();
}`,
  },
  {
    // await using on an awaited acquisition
    code: `import { open } from 'node:fs/promises';
export async function read(path: string): Promise<string> {
  await using handle = await open(path, 'r');
  return handle.readFile('utf8');
}`,
  },
  {
    // [Symbol.dispose]() called directly
    code: `${LEASE}export function work(): void {
  const lease = new Lease();
  lease.touch();
  lease[Symbol.dispose]();
}`,
  },
  {
    // [Symbol.asyncDispose]() awaited
    code: `import { open } from 'node:fs/promises';
export async function read(path: string): Promise<string> {
  const handle = await open(path, 'r');
  const text = await handle.readFile('utf8');
  await handle[Symbol.asyncDispose]();
  return text;
}`,
  },
  {
    // DisposableStack.use
    code: `${LEASE}export function work(): void {
  using stack = new DisposableStack();
  const lease = stack.use(new Lease());
  lease.touch();
}`,
  },
  {
    // DisposableStack.adopt
    code: `import * as net from 'node:net';
export function ping(port: number): void {
  using stack = new DisposableStack();
  const socket = net.connect(port);
  stack.adopt(socket, (s) => s.destroy());
  socket.write('ping');
}`,
  },
  {
    // DisposableStack.defer
    code: `import * as net from 'node:net';
export function ping(port: number): void {
  using stack = new DisposableStack();
  const socket = net.connect(port);
  stack.defer(() => socket.destroy());
  socket.write('ping');
}`,
  },
  {
    // AsyncDisposableStack.use on an awaited acquisition
    code: `import { open } from 'node:fs/promises';
export async function copyHeader(from: string, to: string): Promise<void> {
  await using stack = new AsyncDisposableStack();
  const source = stack.use(await open(from, 'r'));
  const target = stack.use(await open(to, 'w'));
  const { buffer } = await source.read(Buffer.alloc(64), 0, 64, 0);
  await target.write(buffer);
}`,
  },
  {
    // stream/promises pipeline releases both ends
    code: `import * as fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
export async function copy(from: string, to: string): Promise<void> {
  await pipeline(fs.createReadStream(from), fs.createWriteStream(to));
}`,
  },
  {
    // stream.pipeline with a callback, on variables
    code: `import * as fs from 'node:fs';
import { pipeline } from 'node:stream';
export function copy(from: string, to: string, done: (error: Error | null) => void): void {
  const input = fs.createReadStream(from);
  const output = fs.createWriteStream(to);
  pipeline(input, output, (error) => done(error));
}`,
  },
  {
    // for await reads a ReadStream to the end
    code: `import * as fs from 'node:fs';
export async function count(path: string): Promise<number> {
  const stream = fs.createReadStream(path);
  let bytes = 0;
  for await (const chunk of stream) {
    bytes += (chunk as Buffer).length;
  }
  return bytes;
}`,
  },
  {
    // A release in a callback registered for the resource's end (the example).
    code: `import * as net from 'node:net';
export function stream(port: number, onData: (chunk: Buffer) => void): void {
  const socket = net.connect(port);
  socket.on('data', onData);
  socket.on('error', () => socket.destroy());
}`,
  },
  {
    // A release in a callback registered on an AbortSignal.
    code: `import WebSocket from 'ws';
export function follow(url: string, signal: AbortSignal): void {
  const ws = new WebSocket(url);
  ws.on('message', (data) => console.log(String(data)));
  signal.addEventListener('abort', () => ws.close());
}`,
  },
  {
    // The same, with listener options.
    code: `import * as fs from 'node:fs';
export function watchUntil(dir: string, signal: AbortSignal, onChange: () => void): void {
  const watcher = fs.watch(dir);
  watcher.on('change', onChange);
  signal.addEventListener('abort', () => watcher.close(), { once: true });
}`,
  },
  {
    // A function in the same file whose body releases the parameter on every path.
    code: `import * as net from 'node:net';
function shutDown(socket: net.Socket): void {
  socket.removeAllListeners();
  socket.end();
}
export function ping(port: number): void {
  const socket = net.connect(port);
  socket.write('ping');
  shutDown(socket);
}`,
  },
  {
    // A function in another file that releases the parameter.
    code: `import * as net from 'node:net';
import { closeSocket } from './helpers.js';
export function ping(port: number): void {
  const socket = net.connect(port);
  socket.write('ping');
  closeSocket(socket);
}`,
  },
  {
    // A function in another file that releases it through a further function.
    code: `import * as net from 'node:net';
import { shutDown } from './owners.js';
export function ping(port: number): void {
  const socket = net.connect(port);
  socket.write('ping');
  shutDown(socket);
}`,
  },
  {
    // A function in another file that closes the handle in its `finally`.
    code: `import { open } from 'node:fs/promises';
import { readAndClose } from './owners.js';
export async function read(path: string): Promise<string> {
  const handle = await open(path, 'r');
  return readAndClose(handle);
}`,
  },
  {
    // A release in `finally`.
    code: `import * as net from 'node:net';
export function ping(port: number, line: string): void {
  const socket = net.connect(port);
  try {
    socket.write(line);
  } finally {
    socket.destroy();
  }
}`,
  },
  {
    // A release in both branches, with different release methods.
    code: `import * as net from 'node:net';
export function finish(port: number, graceful: boolean): void {
  const socket = net.connect(port);
  if (graceful) {
    socket.end();
  } else {
    socket.resetAndDestroy();
  }
}`,
  },
  {
    // A release whose promise is voided.
    code: `import { open } from 'node:fs/promises';
export async function touch(path: string): Promise<void> {
  const handle = await open(path, 'a');
  void handle.close();
}`,
  },
  {
    // Releases collected in Promise.all.
    code: `import { open } from 'node:fs/promises';
export async function pair(a: string, b: string): Promise<void> {
  const first = await open(a, 'r');
  const second = await open(b, 'r');
  await Promise.all([first.close(), second.close()]);
}`,
  },
  {
    // readline closed.
    code: `import * as readline from 'node:readline';
export function ask(question: string, onAnswer: (answer: string) => void): void {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  rl.question(question, (answer) => {
    rl.close();
    onAnswer(answer);
  });
}`,
  },
  {
    // readline/promises read to the end with for await.
    code: `import * as readline from 'node:readline';
export async function lines(): Promise<number> {
  const rl = readline.createInterface({ input: process.stdin });
  let count = 0;
  for await (const _line of rl) count++;
  return count;
}`,
  },
  {
    // A computed release method name.
    code: `import * as net from 'node:net';
export function ping(port: number): void {
  const socket = net.connect(port);
  socket['destroy']();
}`,
  },
  {
    // A function in the program that releases on both branches releases on all its paths.
    code: `import * as net from 'node:net';
function finish(socket: net.Socket, graceful: boolean): void {
  if (graceful) {
    socket.end();
  } else {
    socket.destroy();
  }
}
export function ping(port: number, graceful: boolean): void {
  const socket = net.connect(port);
  socket.write('ping');
  finish(socket, graceful);
}`,
  },
  {
    // An arrow function in the program that releases its parameter.
    code: `import * as net from 'node:net';
const hangUp = (socket: net.Socket): void => {
  socket.end();
};
export function ping(port: number): void {
  const socket = net.connect(port);
  hangUp(socket);
}`,
  },
  {
    // A method of the same class that releases its parameter.
    code: `import * as net from 'node:net';
export class Dialer {
  ping(port: number): void {
    const socket = net.connect(port);
    socket.write('ping');
    this.retire(socket);
  }
  private retire(socket: net.Socket): void {
    socket.destroy();
  }
}`,
  },
  {
    // A release chained with .finally() on the work that uses the handle.
    code: `import { open } from 'node:fs/promises';
export async function read(path: string): Promise<string> {
  const handle = await open(path, 'r');
  return handle.readFile('utf8').finally(() => handle.close());
}`,
  },
  {
    // await using on a server (net.Server has [Symbol.asyncDispose]).
    code: `import * as net from 'node:net';
import { once } from 'node:events';
export async function freePort(): Promise<number> {
  await using server = net.createServer();
  server.listen(0);
  await once(server, 'listening');
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}`,
  },
  {
    // using on a child process (ChildProcess has [Symbol.dispose]).
    code: `import { spawn } from 'node:child_process';
export function probe(command: string): number | undefined {
  using child = spawn(command);
  return child.pid;
}`,
  },
  {
    // await using on a worker.
    code: `import { Worker } from 'node:worker_threads';
export async function start(file: string): Promise<void> {
  await using worker = new Worker(file);
  worker.postMessage('ping');
}`,
  },
  {
    // readline over a file stream, read to the end with for await.
    code: `import * as fs from 'node:fs';
import * as readline from 'node:readline';
export async function countLines(path: string): Promise<number> {
  const rl = readline.createInterface({ input: fs.createReadStream(path), crlfDelay: Infinity });
  let count = 0;
  for await (const _line of rl) count++;
  return count;
}`,
  },
  {
    // A null check with == null before the release.
    code: `import * as net from 'node:net';
export function maybePing(port: number, enabled: boolean): void {
  const socket = enabled ? net.connect(port) : null;
  if (socket == null) {
    return;
  }
  socket.end('ping');
}`,
  },
  {
    // Released straight on the acquisition.
    code: `import * as net from 'node:net';
export function knock(port: number): void {
  net.connect(port).end('bye');
}`,
  },
];

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    // The callee releases only when asked to: the caller still owns the socket.
    code: `import * as net from 'node:net';
import { endSocketIf } from './owners.js';
export function ping(port: number, done: boolean): void {
  const socket = net.connect(port);
  socket.write('ping');
  endSocketIf(socket, done);
}`,
    errors: [
      {
        messageId: 'leak',
        line: 4,
        column: 18,
        endLine: 4,
        endColumn: 35,
        data: { name: 'socket', ...SOCKET, path: 'when `ping()` ends at line 7' },
        suggestions: [
          {
            messageId: 'suggestFinally',
            output: `import * as net from 'node:net';
import { endSocketIf } from './owners.js';
export function ping(port: number, done: boolean): void {
  const socket = net.connect(port);
  try {
    socket.write('ping');
    endSocketIf(socket, done);
  } finally {
    socket.end();
  }
}`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    // The local callee returns before its release on one path.
    code: `import * as net from 'node:net';
function finish(socket: net.Socket, line: string): void {
  if (!line) return;
  socket.end(line);
}
export function ping(port: number, line: string): void {
  const socket = net.connect(port);
  finish(socket, line);
}`,
    errors: [{
      messageId: 'leak',
      line: 7,
      column: 18,
      data: { name: 'socket', ...SOCKET, path: 'when `ping()` ends at line 9' },
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import * as net from 'node:net';
function finish(socket: net.Socket, line: string): void {
  if (!line) return;
  socket.end(line);
}
export function ping(port: number, line: string): void {
  const socket = net.connect(port);
  try {
    finish(socket, line);
  } finally {
    socket.end();
  }
}`,
        },
      ],
    }],
    output: null,
  },
  {
    // A DisposableStack is itself a Disposable.
    code: `export function work(): void {
  const stack = new DisposableStack();
  stack.defer(() => console.log('done'));
}`,
    errors: [
      {
        messageId: 'leak',
        line: 2,
        column: 17,
        endLine: 2,
        endColumn: 38,
        data: { name: 'stack', ...DISPOSABLE, path: 'when `work()` ends at line 4' },
      },
    ],
    output: `export function work(): void {
  const stack = new DisposableStack();
  try {
    stack.defer(() => console.log('done'));
  } finally {
    stack[Symbol.dispose]();
  }
}`,
  },
  {
    // The lease handed to the stack is released by it; the stack itself leaks.
    code: `${LEASE}export function work(): void {
  const stack = new DisposableStack();
  const lease = stack.use(new Lease());
  lease.touch();
}`,
    errors: [{ messageId: 'leak', line: 6, column: 17, data: { name: 'stack', ...DISPOSABLE, path: 'when `work()` ends at line 9' } }],
    output: null,
  },
  {
    code: `${LEASE}export function work(): void {
  const lease = new Lease();
  lease.touch();
}`,
    errors: [{ messageId: 'leak', line: 6, column: 17, endLine: 6, endColumn: 28 }],
    output: `declare class Lease implements Disposable {
  touch(): void;
  [Symbol.dispose](): void;
}
export function work(): void {
  const lease = new Lease();
  try {
    lease.touch();
  } finally {
    lease[Symbol.dispose]();
  }
}`,
  },
  {
    // Destroying a different socket does not release this one.
    code: `import * as net from 'node:net';
export function swap(port: number, previous: net.Socket): void {
  const socket = net.connect(port);
  previous.destroy();
  socket.write('hello');
}`,
    errors: [{
      messageId: 'leak',
      line: 3,
      column: 18,
      data: { name: 'socket', ...SOCKET, path: 'when `swap()` ends at line 6' },
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import * as net from 'node:net';
export function swap(port: number, previous: net.Socket): void {
  const socket = net.connect(port);
  try {
    previous.destroy();
    socket.write('hello');
  } finally {
    socket.end();
  }
}`,
        },
      ],
    }],
    output: null,
  },
  {
    // A non-release method is not a release.
    code: `import * as net from 'node:net';
export function pause(port: number): void {
  const socket = net.connect(port);
  socket.pause();
  socket.removeAllListeners();
}`,
    errors: [{
      messageId: 'leak',
      line: 3,
      column: 18,
      endLine: 3,
      endColumn: 35,
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import * as net from 'node:net';
export function pause(port: number): void {
  const socket = net.connect(port);
  try {
    socket.pause();
    socket.removeAllListeners();
  } finally {
    socket.end();
  }
}`,
        },
      ],
    }],
    output: null,
  },
  {
    code: `import * as readline from 'node:readline';
export function ask(question: string, onAnswer: (answer: string) => void): void {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  rl.question(question, onAnswer);
}`,
    errors: [
      {
        messageId: 'leak',
        line: 3,
        column: 14,
        data: { name: 'rl', ...READLINE, path: 'when `ask()` ends at line 5' },
        suggestions: [
          {
            messageId: 'suggestFinally',
            output: `import * as readline from 'node:readline';
export function ask(question: string, onAnswer: (answer: string) => void): void {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  try {
    rl.question(question, onAnswer);
  } finally {
    rl.close();
  }
}`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    // `pipeline()` releases what it is given, not what it is not given.
    code: `import * as fs from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
export async function copy(from: string, to: string, transform: Transform): Promise<void> {
  const log = fs.createWriteStream(to + '.log');
  await pipeline(fs.createReadStream(from), transform, fs.createWriteStream(to));
  log.write('copied');
}`,
    errors: [
      {
        messageId: 'leak',
        line: 5,
        column: 15,
        data: {
          name: 'log',
          resource: 'fs.WriteStream',
          released: 'ended',
          advice: 'End it on every path, or pass it to `pipeline()`.',
          path: 'when `copy()` ends at line 8',
        },
      },
    ],
    output: `import * as fs from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
export async function copy(from: string, to: string, transform: Transform): Promise<void> {
  const log = fs.createWriteStream(to + '.log');
  try {
    await pipeline(fs.createReadStream(from), transform, fs.createWriteStream(to));
    log.write('copied');
  } finally {
    log.end();
  }
}`,
  },
  {
    // `await using` releases the declared handle, not a second one opened beside it.
    code: `import { open } from 'node:fs/promises';
export async function copy(from: string, to: string): Promise<void> {
  await using source = await open(from, 'r');
  const target = await open(to, 'w');
  await target.writeFile(await source.readFile());
}`,
    errors: [
      {
        messageId: 'leak',
        line: 4,
        column: 24,
        endLine: 4,
        endColumn: 37,
        data: { name: 'target', ...FILE_HANDLE, path: 'when `copy()` ends at line 6' },
      },
    ],
    output: `import { open } from 'node:fs/promises';
export async function copy(from: string, to: string): Promise<void> {
  await using source = await open(from, 'r');
  const target = await open(to, 'w');
  try {
    await target.writeFile(await source.readFile());
  } finally {
    await target.close();
  }
}`,
  },
  {
    // An abort listener that does not release the resource.
    code: `import WebSocket from 'ws';
export function follow(url: string, signal: AbortSignal): void {
  const ws = new WebSocket(url);
  ws.on('message', (data) => console.log(String(data)));
  signal.addEventListener('abort', () => console.log('aborted'));
}`,
    errors: [
      {
        messageId: 'leak',
        line: 3,
        column: 14,
        endLine: 3,
        endColumn: 32,
        data: {
          name: 'ws',
          resource: 'WebSocket',
          released: 'closed',
          advice: 'Close it on every path, or hand it to an owner.',
          path: 'when `follow()` ends at line 6',
        },
      },
    ],
    output: null,
  },
  {
    // A release in a 'data' listener runs only if data arrives: 'data' is not the socket's end.
    code: `import * as net from 'node:net';
export function firstChunk(port: number, onChunk: (chunk: Buffer) => void): void {
  const socket = net.connect(port);
  socket.once('data', (chunk) => {
    onChunk(chunk);
    socket.destroy();
  });
}`,
    errors: [{ messageId: 'leak', line: 3, column: 18, data: { name: 'socket', ...SOCKET, path: 'when `firstChunk()` ends at line 8' } }],
    output: null,
  },
];

ruleTester.run('no-leaked-resource (release)', rule, { valid: valid.map(inTs), invalid: invalid.map(inTs) });
