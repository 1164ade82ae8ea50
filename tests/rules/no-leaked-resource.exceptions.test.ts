// Rule tests for `leaks/no-leaked-resource`: the exception tier (`checkExceptionPaths`), a call or `await` that can throw before an unprotected release.
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/no-leaked-resource.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

/** The shared tester enables JSX, so its default file is react.tsx: lint these cases as file.ts unless they name a file. */
const inTs = <T extends { filename?: string }>(test: T): T => ({ filename: 'file.ts', ...test });

const CHECK: Options = [{ checkExceptionPaths: true }];
const USING = 'Release it in a `finally` block, or declare it with `await using` (or `using`).';
// Sockets are ended, not disposed (disposal drops what was written): a `finally` is the remedy.
const SOCKET = { resource: 'net.Socket', released: 'destroyed', remedy: 'Release it in a `finally` block.' };
const FILE_HANDLE = { resource: 'FileHandle', released: 'closed', remedy: USING };

/** The issue's own example: the release is skipped when the read throws. */
const READ_THEN_CLOSE = `import { open } from 'node:fs/promises';
export async function read(path: string): Promise<string> {
  const handle = await open(path, 'r');
  const text = await handle.readFile('utf8');
  await handle.close();
  return text;
}`;

const valid: ValidTestCase<Options>[] = [
  {
    // Without the option, only normal paths count.
    code: READ_THEN_CLOSE,
  },
  {
    code: READ_THEN_CLOSE,
    options: [{ checkExceptionPaths: false }],
  },
  {
    // The release is in `finally`.
    code: `import { open } from 'node:fs/promises';
export async function read(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}`,
    options: CHECK,
  },
  {
    // `await using` releases on every path, exceptions included.
    code: `import { open } from 'node:fs/promises';
export async function read(path: string): Promise<string> {
  await using handle = await open(path, 'r');
  return handle.readFile('utf8');
}`,
    options: CHECK,
  },
  {
    // `using` for a synchronous Disposable.
    code: `declare class Lease implements Disposable {
  [Symbol.dispose](): void;
}
export function work(input: string): unknown {
  using lease = new Lease();
  return JSON.parse(input);
}`,
    options: CHECK,
  },
  {
    // A catch that releases and rethrows, and a release after the try.
    code: `import * as net from 'node:net';
export function send(port: number, payload: string): void {
  const socket = net.connect(port);
  try {
    socket.write(JSON.stringify(JSON.parse(payload)));
  } catch (error) {
    socket.destroy();
    throw error;
  }
  socket.end();
}`,
    options: CHECK,
  },
  {
    // Registering listeners on the resource itself does not count as a throwing call.
    code: `import * as net from 'node:net';
export function ping(port: number, onData: (chunk: Buffer) => void): void {
  const socket = net.connect(port);
  socket.on('data', onData);
  socket.once('error', () => socket.destroy());
  socket.end('ping');
}`,
    options: CHECK,
  },
  {
    // Calls before the acquisition do not matter.
    code: `import * as net from 'node:net';
export function ping(port: number, raw: string): void {
  const line = JSON.parse(raw) as string;
  const socket = net.connect(port);
  socket.end(line);
}`,
    options: CHECK,
  },
  {
    // Calls after the release do not matter.
    code: `import * as net from 'node:net';
export async function ping(port: number, report: (line: string) => Promise<void>): Promise<void> {
  const socket = net.connect(port);
  socket.end('ping');
  await report('sent');
}`,
    options: CHECK,
  },
  {
    // Calls inside a callback do not run between acquisition and release.
    code: `import * as net from 'node:net';
export function ping(port: number): void {
  const socket = net.connect(port);
  socket.on('data', (chunk) => console.log(JSON.parse(String(chunk))));
  socket.end('ping');
}`,
    options: CHECK,
  },
  {
    // An alias released in finally.
    code: `import * as net from 'node:net';
export async function ping(port: number, send: (s: net.Socket) => Promise<void>): Promise<void> {
  const socket = net.connect(port);
  const alias = socket;
  try {
    await send(alias);
  } finally {
    alias.destroy();
  }
}`,
    options: [{ checkExceptionPaths: true, unknownCallees: 'borrow' }],
  },
  {
    // Handed off right away: nothing can throw in between.
    code: `import * as net from 'node:net';
export function dial(port: number): net.Socket {
  const socket = net.connect(port);
  return socket;
}`,
    options: CHECK,
  },
  {
    // A loop body with try/finally.
    code: `import { open } from 'node:fs/promises';
export async function sizes(paths: string[]): Promise<number[]> {
  const result: number[] = [];
  for (const path of paths) {
    const handle = await open(path, 'r');
    try {
      result.push((await handle.stat()).size);
    } finally {
      await handle.close();
    }
  }
  return result;
}`,
    options: CHECK,
  },
  {
    // A try/finally that does not release: only the exception path (work() throws) skips the release,
    // and exception paths are not judged without the option.
    code: `import * as net from 'node:net';
export async function send(port: number, work: () => Promise<void>): Promise<void> {
  const socket = net.connect(port);
  try {
    await work();
  } finally {
    console.log('done');
  }
  socket.end();
}`,
  },
  {
    // A completion flag: the finally destroys the socket exactly when the normal release did not run.
    code: `import * as net from 'node:net';
export async function send(port: number, work: () => Promise<void>): Promise<void> {
  const socket = net.connect(port);
  let done = false;
  try {
    await work();
    socket.end();
    done = true;
  } finally {
    if (!done) socket.destroy();
  }
}`,
    options: CHECK,
  },
];

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    code: READ_THEN_CLOSE,
    options: CHECK,
    errors: [
      {
        messageId: 'exception',
        line: 3,
        column: 24,
        endLine: 3,
        endColumn: 39,
        data: { name: 'handle', ...FILE_HANDLE, thrower: 'handle.readFile()', line: 4 },
      },
    ],
    output: `import { open } from 'node:fs/promises';
export async function read(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const text = await handle.readFile('utf8');
    return text;
  } finally {
    await handle.close();
  }
}`,
  },
  {
    // A synchronous call that throws on bad input.
    code: `import * as net from 'node:net';
export function relay(port: number, text: string): void {
  const socket = net.connect(port);
  const message = JSON.parse(text) as { line: string };
  socket.end(message.line);
}`,
    options: CHECK,
    errors: [
      {
        messageId: 'exception',
        line: 3,
        column: 18,
        endLine: 3,
        endColumn: 35,
        data: { name: 'socket', ...SOCKET, thrower: 'JSON.parse()', line: 4 }
      },
    ],
    output: null,
  },
  {
    // A constructor that throws.
    code: `import * as net from 'node:net';
export function relay(port: number, raw: string): void {
  const socket = net.connect(port);
  const url = new URL(raw);
  socket.end(url.pathname);
}`,
    options: CHECK,
    errors: [{
      messageId: 'exception',
      line: 3,
      column: 18,
      data: { name: 'socket', ...SOCKET, thrower: 'new URL()', line: 4 }
    }],
    output: null,
  },
  {
    // The first of several throwing calls is named.
    code: `import { open } from 'node:fs/promises';
export async function copyHeader(path: string, target: string): Promise<void> {
  const handle = await open(path, 'r');
  const { buffer } = await handle.read(Buffer.alloc(4), 0, 4, 0);
  await handle.writeFile(buffer);
  await handle.close();
  JSON.stringify(target);
}`,
    options: CHECK,
    errors: [{ messageId: 'exception', line: 3, column: 24, data: { name: 'handle', ...FILE_HANDLE, thrower: 'handle.read()', line: 4 } }],
    output: null,
  },
  {
    // A try whose catch does not release only moves the problem.
    code: `import * as net from 'node:net';
export async function send(port: number, work: () => Promise<void>): Promise<void> {
  const socket = net.connect(port);
  try {
    await work();
  } catch (error) {
    console.error(error);
  }
  await work();
  socket.end();
}`,
    options: CHECK,
    errors: [{ messageId: 'exception', line: 3, column: 18, data: { name: 'socket', ...SOCKET, thrower: 'work()', line: 9 } }],
    output: `import * as net from 'node:net';
export async function send(port: number, work: () => Promise<void>): Promise<void> {
  const socket = net.connect(port);
  try {
    try {
      await work();
    } catch (error) {
      console.error(error);
    }
    await work();
  } finally {
    socket.end();
  }
}`,
  },
  {
    // The incident-2 client: closed on the normal path, not when the request throws.
    code: `import { Client } from 'undici';
export async function health(origin: string): Promise<number> {
  const client = new Client(origin);
  const { statusCode, body } = await client.request({ path: '/health', method: 'GET' });
  await body.dump();
  await client.close();
  return statusCode;
}`,
    options: CHECK,
    errors: [
      {
        messageId: 'exception',
        line: 3,
        column: 18,
        endLine: 3,
        endColumn: 36,
        // undici's Client declares no [Symbol.asyncDispose]: `await using` would not type-check.
        data: { name: 'client', resource: 'undici Client', released: 'closed', thrower: 'client.request()', line: 4, remedy: 'Release it in a `finally` block.' },
      },
    ],
    output: `import { Client } from 'undici';
export async function health(origin: string): Promise<number> {
  const client = new Client(origin);
  try {
    const { statusCode, body } = await client.request({ path: '/health', method: 'GET' });
    await body.dump();
    return statusCode;
  } finally {
    await client.close();
  }
}`,
  },
  {
    // A throwing call inside a branch between acquisition and release.
    code: `import * as net from 'node:net';
export function relay(port: number, raw: string, parse: boolean): void {
  const socket = net.connect(port);
  if (parse) {
    const value: unknown = JSON.parse(raw);
    socket.write(String(value));
  }
  socket.end();
}`,
    options: CHECK,
    errors: [{
      messageId: 'exception',
      line: 3,
      column: 18,
      data: { name: 'socket', ...SOCKET, thrower: 'JSON.parse()', line: 5 },
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import * as net from 'node:net';
export function relay(port: number, raw: string, parse: boolean): void {
  const socket = net.connect(port);
  try {
    if (parse) {
      const value: unknown = JSON.parse(raw);
      socket.write(String(value));
    }
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
    // An explicit rethrow in a catch without release is a normal exit, reported without the option.
    code: `import * as net from 'node:net';
export function send(port: number, payload: string): void {
  const socket = net.connect(port);
  try {
    socket.write(JSON.stringify(JSON.parse(payload)));
  } catch (error) {
    console.error(error);
    throw error;
  }
  socket.end();
}`,
    errors: [
      {
        messageId: 'leak',
        line: 3,
        column: 18,
        data: {
          name: 'socket',
          ...SOCKET,
          advice: 'End or destroy it on every path, or hand it to an owner.',
          path: 'when `send()` throws at line 8',
        },
      },
    ],
    output: `import * as net from 'node:net';
export function send(port: number, payload: string): void {
  const socket = net.connect(port);
  try {
    socket.write(JSON.stringify(JSON.parse(payload)));
  } catch (error) {
    console.error(error);
    socket.end();
    throw error;
  }
  socket.end();
}`,
  },
  {
    // Waiting for a promise that can reject, between acquisition and release.
    code: `import * as net from 'node:net';
export async function ping(port: number, ready: Promise<void>): Promise<void> {
  const socket = net.connect(port);
  await ready;
  socket.end('ping');
}`,
    options: CHECK,
    errors: [{ messageId: 'exception', line: 3, column: 18, endLine: 3, endColumn: 35 }],
    output: null,
  },
  {
    // Awaited acquisition in a loop body: the release after a throwing read is skipped on an exception.
    code: `import { open } from 'node:fs/promises';
export async function sizes(paths: string[]): Promise<number[]> {
  const result: number[] = [];
  for (const path of paths) {
    const handle = await open(path, 'r');
    const stats = await handle.stat();
    await handle.close();
    result.push(stats.size);
  }
  return result;
}`,
    options: CHECK,
    errors: [{ messageId: 'exception', line: 5, column: 26, data: { name: 'handle', ...FILE_HANDLE, thrower: 'handle.stat()', line: 6 } }],
    output: null,
  },
  {
    // A hand-off after a throwing await: the socket is lost if the handshake throws.
    code: `import * as net from 'node:net';
const registry = new Set<net.Socket>();
export async function register(port: number, handshake: (s: net.Socket) => Promise<void>): Promise<void> {
  const socket = net.connect(port);
  await handshake(socket);
  registry.add(socket);
}`,
    options: [{ checkExceptionPaths: true, unknownCallees: 'borrow' }],
    errors: [{ messageId: 'exception', line: 4, column: 18, data: { name: 'socket', ...SOCKET, thrower: 'handshake()', line: 5 } }],
    output: null,
  },
  {
    // Released only in catch: the normal path still leaks, and that is what is reported.
    code: `import * as net from 'node:net';
export function send(port: number, payload: string): void {
  const socket = net.connect(port);
  try {
    socket.write(JSON.stringify(JSON.parse(payload)));
  } catch {
    socket.destroy();
  }
}`,
    options: CHECK,
    errors: [
      {
        messageId: 'leak',
        line: 3,
        column: 18,
        data: {
          name: 'socket',
          ...SOCKET,
          advice: 'End or destroy it on every path, or hand it to an owner.',
          path: 'when `send()` ends at line 9',
        },
      },
    ],
    output: null,
  },
  {
    // The same try/finally with the option: the exception path is reported as such, naming the call.
    code: `import * as net from 'node:net';
export async function send(port: number, work: () => Promise<void>): Promise<void> {
  const socket = net.connect(port);
  try {
    await work();
  } finally {
    console.log('done');
  }
  socket.end();
}`,
    options: CHECK,
    errors: [{ messageId: 'exception', line: 3, column: 18, data: { name: 'socket', ...SOCKET, thrower: 'work()', line: 5 } }],
    output: `import * as net from 'node:net';
export async function send(port: number, work: () => Promise<void>): Promise<void> {
  const socket = net.connect(port);
  try {
    try {
      await work();
    } finally {
      console.log('done');
    }
  } finally {
    socket.end();
  }
}`,
  },
  {
    // A numeric descriptor has no \`[Symbol.dispose]\`: the remedy is a \`finally\` only (review leftover of #13).
    code: `import { closeSync, openSync, writeSync } from 'node:fs';
export function stamp(path: string, line: string): void {
  const fd = openSync(path, 'a');
  writeSync(fd, line);
  closeSync(fd);
}`,
    options: CHECK,
    errors: [
      {
        messageId: 'exception',
        line: 3,
        column: 14,
        data: { name: 'fd', resource: 'file descriptor', released: 'closed', thrower: 'writeSync()', line: 4, remedy: 'Release it in a `finally` block.' },
      },
    ],
    output: null,
  },
];

ruleTester.run('no-leaked-resource (exceptions)', rule, { valid: valid.map(inTs), invalid: invalid.map(inTs) });
