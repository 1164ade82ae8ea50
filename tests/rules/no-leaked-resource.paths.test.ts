// Rule tests for `leaks/no-leaked-resource`: every exit of the resource's scope (return, end, throw, break/continue, loops, switch, try, closures) and how the report names it.
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/no-leaked-resource.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

/** The shared tester enables JSX, so its default file is react.tsx: lint these cases as file.ts unless they name a file. */
const inTs = <T extends { filename?: string }>(test: T): T => ({ filename: 'file.ts', ...test });

const SOCKET = { resource: 'net.Socket', released: 'destroyed', advice: 'End or destroy it on every path, or hand it to an owner.' };
const FILE_HANDLE = { resource: 'FileHandle', released: 'closed', advice: 'Close it in a `finally` block, or declare it with `await using`.' };

const valid: ValidTestCase<Options>[] = [
  {
    // A `finally` that cannot throw lets the `return` hand the socket to the caller.
    code: `import * as net from 'node:net';
export function open(port: number, log: (line: string) => void): net.Socket {
  const socket = net.connect(port);
  try {
    return socket;
  } finally {
    log('opened');
  }
}`,
  },
  {
    // A `throw` inside a callback of the `finally` does not leave it.
    code: `import * as net from 'node:net';
export function open(port: number, checks: (() => boolean)[]): net.Socket {
  const socket = net.connect(port);
  try {
    return socket;
  } finally {
    checks.forEach((check) => {
      if (!check()) throw new Error('failed');
    });
  }
}`,
  },
  {
    // A `throw` the `finally` catches itself does not leave it.
    code: `import * as net from 'node:net';
declare function check(): void;
export function open(port: number, lost: boolean): net.Socket {
  const socket = net.connect(port);
  try {
    return socket;
  } finally {
    try {
      if (lost) throw new Error('lost');
    } catch {
      check();
    }
  }
}`,
  },
  {
    // Rethrowing the error the \`catch\` saved: after a \`return\` from the \`try\` there is none.
    code: `import * as net from 'node:net';
declare function check(): void;
export function open(port: number): net.Socket {
  let error: unknown;
  try {
    const socket = net.connect(port);
    check();
    return socket;
  } catch (e) {
    error = e;
  } finally {
    if (error) throw error;
  }
  throw new Error('unreachable');
}`,
  },
  {
    // The `finally` destroys it before throwing.
    code: `import * as net from 'node:net';
export function open(port: number, ok: () => boolean): net.Socket {
  const socket = net.connect(port);
  try {
    return socket;
  } finally {
    if (!ok()) {
      socket.destroy();
      throw new Error('refused');
    }
  }
}`,
  },
  {
    // `break` out of a case block runs the `finally` that destroys the socket first.
    code: `import * as net from 'node:net';
export function handle(port: number, mode: string): void {
  switch (mode) {
    case 'probe': {
      const socket = net.connect(port);
      try {
        socket.write('probe');
        break;
      } finally {
        socket.destroy();
      }
    }
    default:
      break;
  }
}`,
  },
  {
    // `continue` and `break` inside a `try` whose `finally` destroys the socket.
    code: `import * as net from 'node:net';
export function scan(ports: number[]): void {
  for (const port of ports) {
    const socket = net.connect(port);
    try {
      if (port === 0) continue;
      if (port === 1) break;
      socket.write('x');
    } finally {
      socket.destroy();
    }
  }
}`,
  },
  {
    // Released on both branches before each return.
    code: `import * as net from 'node:net';
export function ping(port: number, quiet: boolean): boolean {
  const socket = net.connect(port);
  if (quiet) {
    socket.destroy();
    return false;
  }
  socket.end('ping');
  return true;
}`,
  },
  {
    // A throw inside a try whose catch releases.
    code: `import * as net from 'node:net';
export function send(port: number, line: string): void {
  const socket = net.connect(port);
  try {
    if (!line) throw new Error('empty line');
    socket.write(line);
  } catch {
    socket.destroy();
    return;
  }
  socket.end();
}`,
  },
  {
    // A loop whose body releases before the block ends.
    code: `import * as net from 'node:net';
export function scan(ports: number[]): void {
  for (const port of ports) {
    const socket = net.connect(port);
    socket.write('probe');
    socket.destroy();
  }
}`,
  },
  {
    // The previous socket is released before the next iteration replaces it.
    code: `import * as net from 'node:net';
export function scan(ports: number[]): void {
  let socket: net.Socket | undefined;
  for (const port of ports) {
    socket?.destroy();
    socket = net.connect(port);
  }
  socket?.destroy();
}`,
  },
  {
    // A `break` that does not leave the socket's block.
    code: `import * as net from 'node:net';
export function probe(port: number, attempts: number): void {
  const socket = net.connect(port);
  for (let i = 0; i < attempts; i++) {
    if (socket.writable) break;
  }
  socket.destroy();
}`,
  },
  {
    // switch: every case releases.
    code: `import * as net from 'node:net';
export function handle(port: number, mode: 'send' | 'reset' | 'close'): void {
  const socket = net.connect(port);
  switch (mode) {
    case 'send':
      socket.end('data');
      break;
    case 'reset':
      socket.resetAndDestroy();
      return;
    default:
      socket.destroy();
  }
}`,
  },
  {
    // try/finally with early returns.
    code: `import { open } from 'node:fs/promises';
export async function readHeader(path: string): Promise<string | null> {
  const handle = await open(path, 'r');
  try {
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(4), 0, 4, 0);
    if (bytesRead < 4) {
      return null;
    }
    return buffer.toString('hex');
  } finally {
    await handle.close();
  }
}`,
  },
  {
    // Acquired inside try, released in finally through optional chaining.
    code: `import * as net from 'node:net';
import { once } from 'node:events';
export async function ping(port: number): Promise<void> {
  let socket: net.Socket | undefined;
  try {
    socket = net.connect(port);
    await once(socket, 'connect');
    socket.write('ping');
  } finally {
    socket?.destroy();
  }
}`,
  },
  {
    // A nested closure that releases, called on every path.
    code: `import * as net from 'node:net';
export function ping(port: number, quiet: boolean): void {
  const socket = net.connect(port);
  const cleanup = (): void => {
    socket.destroy();
  };
  if (quiet) {
    cleanup();
    return;
  }
  socket.write('ping');
  cleanup();
}`,
  },
  {
    // A hoisted function declaration that releases, called at the end.
    code: `import * as net from 'node:net';
export function ping(port: number): void {
  const socket = net.connect(port);
  socket.write('ping');
  finish();
  function finish(): void {
    socket.end();
  }
}`,
  },
  {
    // A ternary that releases on both branches.
    code: `import * as net from 'node:net';
export function finish(port: number, graceful: boolean): void {
  const socket = net.connect(port);
  graceful ? socket.end() : socket.destroy();
}`,
  },
  {
    // An async generator that releases in finally.
    code: `import { open } from 'node:fs/promises';
export async function* chunks(path: string): AsyncGenerator<Buffer> {
  const handle = await open(path, 'r');
  try {
    for (;;) {
      const { bytesRead, buffer } = await handle.read(Buffer.alloc(1024), 0, 1024, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}`,
  },
  {
    // A static method and a getter in a class, both releasing.
    code: `import * as net from 'node:net';
export class Probe {
  static ping(port: number): void {
    const socket = net.connect(port);
    socket.end('ping');
  }
  get reachable(): boolean {
    const socket = net.connect(80);
    const writable = socket.writable;
    socket.destroy();
    return writable;
  }
}`,
  },
  {
    // An explicit throw inside a try whose finally releases.
    code: `import * as net from 'node:net';
export function send(port: number, line: string): void {
  const socket = net.connect(port);
  try {
    if (!line) throw new Error('empty line');
    socket.write(line);
  } finally {
    socket.end();
  }
}`,
  },
  {
    // switch cases falling through into a shared release.
    code: `import * as net from 'node:net';
export function handle(port: number, mode: string): void {
  const socket = net.connect(port);
  switch (mode) {
    case 'a':
    case 'b':
      socket.write(mode);
    // falls through
    default:
      socket.end();
  }
}`,
  },
  {
    // An endless loop left only through a release and break.
    code: `import * as net from 'node:net';
export function waitWritable(port: number): void {
  for (;;) {
    const socket = net.connect(port);
    if (socket.writable) {
      socket.end('ready');
      break;
    }
    socket.destroy();
  }
}`,
  },
  {
    // Nested try: the inner finally releases before the outer catch returns.
    code: `import { open } from 'node:fs/promises';
export async function size(path: string): Promise<number> {
  try {
    const handle = await open(path, 'r');
    try {
      return (await handle.stat()).size;
    } finally {
      await handle.close();
    }
  } catch {
    return -1;
  }
}`,
  },
  {
    // Returns and throws inside nested callbacks belong to the callbacks, not to the function.
    code: `import * as net from 'node:net';
export function ping(port: number, values: number[]): void {
  const socket = net.connect(port);
  const big = values.some((value) => {
    if (value < 0) throw new Error('negative');
    return value > 10;
  });
  socket.end(big ? 'big' : 'small');
}`,
  },
];

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    // return from inside a loop.
    code: `import * as net from 'node:net';
export function firstOpen(ports: number[]): number {
  const probe = net.connect(ports[0] ?? 80);
  for (const port of ports) {
    if (port === 0) {
      return -1;
    }
  }
  probe.destroy();
  return 0;
}`,
    errors: [{ messageId: 'leak', line: 3, column: 17, data: { name: 'probe', ...SOCKET, path: 'when `firstOpen()` returns at line 6' } }],
    output: `import * as net from 'node:net';
export function firstOpen(ports: number[]): number {
  const probe = net.connect(ports[0] ?? 80);
  for (const port of ports) {
    if (port === 0) {
      probe.end();
      return -1;
    }
  }
  probe.destroy();
  return 0;
}`,
  },
  {
    // The end of the body, with the release on one branch.
    code: `import * as net from 'node:net';
export function ping(port: number, ok: boolean): void {
  const socket = net.connect(port);
  if (ok) {
    socket.end('ping');
  }
}`,
    errors: [
      {
        messageId: 'leak',
        line: 3,
        column: 18,
        endLine: 3,
        endColumn: 35,
        data: { name: 'socket', ...SOCKET, path: 'when `ping()` ends at line 7' },
      },
    ],
    output: null,
  },
  {
    // An explicit throw.
    code: `import * as net from 'node:net';
export function send(port: number, line: string): void {
  const socket = net.connect(port);
  if (line.length === 0) {
    throw new Error('empty line');
  }
  socket.end(line);
}`,
    errors: [
      {
        messageId: 'leak',
        line: 3,
        column: 18,
        endLine: 3,
        endColumn: 35,
        data: { name: 'socket', ...SOCKET, path: 'when `send()` throws at line 5' },
      },
    ],
    output: `import * as net from 'node:net';
export function send(port: number, line: string): void {
  const socket = net.connect(port);
  if (line.length === 0) {
    socket.end();
    throw new Error('empty line');
  }
  socket.end(line);
}`,
  },
  {
    // A throw caught by a catch that does not release and rethrows.
    code: `import * as net from 'node:net';
export function send(port: number, line: string): void {
  const socket = net.connect(port);
  try {
    if (!line) throw new Error('empty line');
  } catch (error) {
    console.error(error);
    throw error;
  }
  socket.end(line);
}`,
    errors: [{ messageId: 'leak', line: 3, column: 18, data: { name: 'socket', ...SOCKET, path: 'when `send()` throws at line 8' } }],
    output: `import * as net from 'node:net';
export function send(port: number, line: string): void {
  const socket = net.connect(port);
  try {
    if (!line) throw new Error('empty line');
  } catch (error) {
    console.error(error);
    socket.end();
    throw error;
  }
  socket.end(line);
}`,
  },
  {
    // `break` leaves the loop body that declares the socket.
    code: `import * as net from 'node:net';
export function scan(ports: number[]): void {
  for (const port of ports) {
    const socket = net.connect(port);
    if (port === 0) {
      break;
    }
    socket.destroy();
  }
}`,
    errors: [
      {
        messageId: 'leak',
        line: 4,
        column: 20,
        endLine: 4,
        endColumn: 37,
        data: { name: 'socket', ...SOCKET, path: 'when `break` on line 6 leaves its block' },
      },
    ],
    output: `import * as net from 'node:net';
export function scan(ports: number[]): void {
  for (const port of ports) {
    const socket = net.connect(port);
    if (port === 0) {
      socket.end();
      break;
    }
    socket.destroy();
  }
}`,
  },
  {
    // `continue` leaves the loop body that declares the socket.
    code: `import * as net from 'node:net';
export function scan(ports: number[]): void {
  for (const port of ports) {
    const socket = net.connect(port);
    if (port === 0) {
      continue;
    }
    socket.destroy();
  }
}`,
    errors: [
      {
        messageId: 'leak',
        line: 4,
        column: 20,
        data: { name: 'socket', ...SOCKET, path: 'when `continue` on line 6 leaves its block' },
      },
    ],
    output: `import * as net from 'node:net';
export function scan(ports: number[]): void {
  for (const port of ports) {
    const socket = net.connect(port);
    if (port === 0) {
      socket.end();
      continue;
    }
    socket.destroy();
  }
}`,
  },
  {
    // The loop body ends without a release.
    code: `import * as net from 'node:net';
export function scan(ports: number[]): void {
  for (const port of ports) {
    const socket = net.connect(port);
    socket.write('probe');
  }
}`,
    errors: [
      {
        messageId: 'leak',
        line: 4,
        column: 20,
        endLine: 4,
        endColumn: 37,
        data: { name: 'socket', ...SOCKET, path: 'when its block ends at line 6' },
        suggestions: [
          {
            messageId: 'suggestFinally',
            output: `import * as net from 'node:net';
export function scan(ports: number[]): void {
  for (const port of ports) {
    const socket = net.connect(port);
    try {
      socket.write('probe');
    } finally {
      socket.end();
    }
  }
}`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    // An if block ends without a release.
    code: `import * as net from 'node:net';
export function maybe(port: number, enabled: boolean): void {
  if (enabled) {
    const socket = net.connect(port);
    socket.write('x');
  }
  console.log('done');
}`,
    errors: [{
      messageId: 'leak',
      line: 4,
      column: 20,
      data: { name: 'socket', ...SOCKET, path: 'when its block ends at line 6' },
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import * as net from 'node:net';
export function maybe(port: number, enabled: boolean): void {
  if (enabled) {
    const socket = net.connect(port);
    try {
      socket.write('x');
    } finally {
      socket.end();
    }
  }
  console.log('done');
}`,
        },
      ],
    }],
    output: null,
  },
  {
    // The next iteration overwrites the socket held in an outer variable.
    code: `import * as net from 'node:net';
export function scan(ports: number[]): void {
  let socket: net.Socket | undefined;
  for (const port of ports) {
    socket = net.connect(port);
    socket.write('probe');
  }
  socket?.destroy();
}`,
    errors: [
      {
        messageId: 'leak',
        line: 5,
        column: 14,
        endLine: 5,
        endColumn: 31,
        data: { name: 'socket', ...SOCKET, path: 'before the next loop iteration overwrites it (line 5)' },
      },
    ],
    output: null,
  },
  {
    // A while loop that reconnects without closing the previous connection.
    code: `import * as net from 'node:net';
export function retry(port: number, attempts: number): void {
  let socket: net.Socket | undefined;
  let left = attempts;
  while (left-- > 0) {
    socket = net.connect(port);
  }
  socket?.end();
}`,
    errors: [
      {
        messageId: 'leak',
        line: 6,
        column: 14,
        data: { name: 'socket', ...SOCKET, path: 'before the next loop iteration overwrites it (line 6)' },
      },
    ],
    output: null,
  },
  {
    // A labeled break leaves both loops.
    code: `import * as net from 'node:net';
export function scan(groups: number[][]): void {
  outer: for (const ports of groups) {
    for (const port of ports) {
      const socket = net.connect(port);
      if (port === 0) break outer;
      socket.destroy();
    }
  }
}`,
    errors: [
      {
        messageId: 'leak',
        line: 5,
        column: 22,
        data: { name: 'socket', ...SOCKET, path: 'when `break` on line 6 leaves its block' },
      },
    ],
    output: `import * as net from 'node:net';
export function scan(groups: number[][]): void {
  outer: for (const ports of groups) {
    for (const port of ports) {
      const socket = net.connect(port);
      if (port === 0) {
        socket.end();
        break outer;
      }
      socket.destroy();
    }
  }
}`,
  },
  {
    // A labeled block left by `break`.
    code: `import * as net from 'node:net';
export function probe(port: number): void {
  attempt: {
    const socket = net.connect(port);
    if (!socket.writable) break attempt;
    socket.end();
  }
}`,
    errors: [{ messageId: 'leak', line: 4, column: 20, data: { name: 'socket', ...SOCKET, path: 'when `break` on line 5 leaves its block' } }],
    output: `import * as net from 'node:net';
export function probe(port: number): void {
  attempt: {
    const socket = net.connect(port);
    if (!socket.writable) {
      socket.end();
      break attempt;
    }
    socket.end();
  }
}`,
  },
  {
    // switch: one case returns without releasing.
    code: `import * as net from 'node:net';
export function handle(port: number, mode: 'send' | 'skip' | 'close'): void {
  const socket = net.connect(port);
  switch (mode) {
    case 'send':
      socket.end('data');
      break;
    case 'skip':
      return;
    default:
      socket.destroy();
  }
}`,
    errors: [
      {
        messageId: 'leak',
        line: 3,
        column: 18,
        endLine: 3,
        endColumn: 35,
        data: { name: 'socket', ...SOCKET, path: 'when `handle()` returns at line 9' }
      },
    ],
    output: `import * as net from 'node:net';
export function handle(port: number, mode: 'send' | 'skip' | 'close'): void {
  const socket = net.connect(port);
  switch (mode) {
    case 'send':
      socket.end('data');
      break;
    case 'skip':
      socket.end();
      return;
    default:
      socket.destroy();
  }
}`,
  },
  {
    // switch: a case without default falls out of the switch.
    code: `import * as net from 'node:net';
export function handle(port: number, mode: 'send' | 'close' | 'other'): void {
  const socket = net.connect(port);
  switch (mode) {
    case 'send':
      socket.end('data');
      break;
    case 'close':
      socket.destroy();
      break;
  }
}`,
    errors: [{ messageId: 'leak', line: 3, column: 18, data: { name: 'socket', ...SOCKET, path: 'when `handle()` ends at line 12' } }],
    output: null,
  },
  {
    // switch: a socket declared in a case block is left by `break`.
    code: `import * as net from 'node:net';
export function handle(port: number, mode: string): void {
  switch (mode) {
    case 'probe': {
      const socket = net.connect(port);
      socket.write('probe');
      break;
    }
    default:
      break;
  }
}`,
    errors: [{
      messageId: 'leak',
      line: 5,
      column: 22,
      data: { name: 'socket', ...SOCKET, path: 'when `break` on line 7 leaves its block' },
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import * as net from 'node:net';
export function handle(port: number, mode: string): void {
  switch (mode) {
    case 'probe': {
      const socket = net.connect(port);
      try {
        socket.write('probe');
        break;
      } finally {
        socket.end();
      }
    }
    default:
      break;
  }
}`,
        },
        {
          messageId: 'suggestRelease',
          output: `import * as net from 'node:net';
export function handle(port: number, mode: string): void {
  switch (mode) {
    case 'probe': {
      const socket = net.connect(port);
      socket.write('probe');
      socket.end();
      break;
    }
    default:
      break;
  }
}`,
        },
      ],
    }],
    output: null,
  },
  {
    // try/catch: the catch returns early without closing.
    code: `import { open } from 'node:fs/promises';
export async function readConfig(path: string): Promise<string | null> {
  const handle = await open(path, 'r');
  try {
    const text = await handle.readFile('utf8');
    await handle.close();
    return text;
  } catch {
    return null;
  }
}`,
    errors: [
      {
        messageId: 'leak',
        line: 3,
        column: 24,
        endLine: 3,
        endColumn: 39,
        data: { name: 'handle', ...FILE_HANDLE, path: 'when `readConfig()` returns at line 9' }
      },
    ],
    output: null,
  },
  {
    // try/finally that releases something else; the early return inside try leaks.
    code: `import * as net from 'node:net';
export function send(port: number, line: string, log: string[]): boolean {
  const socket = net.connect(port);
  try {
    if (!line) {
      return false;
    }
    socket.end(line);
    return true;
  } finally {
    log.push('sent');
  }
}`,
    errors: [{ messageId: 'leak', line: 3, column: 18, data: { name: 'socket', ...SOCKET, path: 'when `send()` returns at line 6' } }],
    output: `import * as net from 'node:net';
export function send(port: number, line: string, log: string[]): boolean {
  const socket = net.connect(port);
  try {
    if (!line) {
      socket.end();
      return false;
    }
    socket.end(line);
    return true;
  } finally {
    log.push('sent');
  }
}`,
  },
  {
    // A nested closure: the acquisition belongs to the callback, which ends without releasing.
    code: `import * as http from 'node:http';
import * as net from 'node:net';
export function start(port: number): http.Server {
  return http.createServer((req, res) => {
    const upstream = net.connect(port);
    upstream.write(req.url ?? '/');
    res.end('ok');
  });
}`,
    errors: [
      {
        messageId: 'leak',
        line: 5,
        column: 22,
        endLine: 5,
        endColumn: 39,
        data: { name: 'upstream', ...SOCKET, path: 'when the function ends at line 8' },
        suggestions: [
          {
            messageId: 'suggestFinally',
            output: `import * as http from 'node:http';
import * as net from 'node:net';
export function start(port: number): http.Server {
  return http.createServer((req, res) => {
    const upstream = net.connect(port);
    try {
      upstream.write(req.url ?? '/');
      res.end('ok');
    } finally {
      upstream.end();
    }
  });
}`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    // A releasing closure that is never called.
    code: `import * as net from 'node:net';
export function ping(port: number): void {
  const socket = net.connect(port);
  const cleanup = (): void => {
    socket.destroy();
  };
  socket.write('ping');
}`,
    errors: [{
      messageId: 'leak',
      line: 3,
      column: 18,
      data: { name: 'socket', ...SOCKET, path: 'when `ping()` ends at line 8' },
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import * as net from 'node:net';
export function ping(port: number): void {
  const socket = net.connect(port);
  try {
    const cleanup = (): void => {
      socket.destroy();
    };
    socket.write('ping');
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
    // A releasing closure called on one path only.
    code: `import * as net from 'node:net';
export function ping(port: number, ok: boolean): void {
  const socket = net.connect(port);
  const cleanup = (): void => {
    socket.destroy();
  };
  if (ok) cleanup();
}`,
    errors: [{ messageId: 'leak', line: 3, column: 18, data: { name: 'socket', ...SOCKET, path: 'when `ping()` ends at line 8' } }],
    output: null,
  },
  {
    // An async function returning early after an await.
    code: `import * as net from 'node:net';
import { once } from 'node:events';
export async function ping(port: number): Promise<boolean> {
  const socket = net.connect(port);
  await once(socket, 'connect');
  if (!socket.writable) {
    return false;
  }
  socket.end('ping');
  return true;
}`,
    errors: [{ messageId: 'leak', line: 4, column: 18, data: { name: 'socket', ...SOCKET, path: 'when `ping()` returns at line 7' } }],
    output: `import * as net from 'node:net';
import { once } from 'node:events';
export async function ping(port: number): Promise<boolean> {
  const socket = net.connect(port);
  await once(socket, 'connect');
  if (!socket.writable) {
    socket.end();
    return false;
  }
  socket.end('ping');
  return true;
}`,
  },
  {
    // An arrow function with a block body.
    code: `import * as net from 'node:net';
export const ping = (port: number): void => {
  const socket = net.connect(port);
  socket.write('ping');
};`,
    errors: [{
      messageId: 'leak',
      line: 3,
      column: 18,
      data: { name: 'socket', ...SOCKET, path: 'when `ping()` ends at line 5' },
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import * as net from 'node:net';
export const ping = (port: number): void => {
  const socket = net.connect(port);
  try {
    socket.write('ping');
  } finally {
    socket.end();
  }
};`,
        },
      ],
    }],
    output: null,
  },
  {
    // A class method returning early.
    code: `import * as net from 'node:net';
export class Prober {
  constructor(private readonly port: number) {}
  probe(quick: boolean): boolean {
    const socket = net.connect(this.port);
    if (quick) {
      return false;
    }
    socket.destroy();
    return true;
  }
}`,
    errors: [
      {
        messageId: 'leak',
        line: 5,
        column: 20,
        endLine: 5,
        endColumn: 42,
        data: { name: 'socket', ...SOCKET, path: 'when `probe()` returns at line 7' },
      },
    ],
    output: `import * as net from 'node:net';
export class Prober {
  constructor(private readonly port: number) {}
  probe(quick: boolean): boolean {
    const socket = net.connect(this.port);
    if (quick) {
      socket.end();
      return false;
    }
    socket.destroy();
    return true;
  }
}`,
  },
  {
    // A constructor that opens a socket and keeps it nowhere.
    code: `import * as net from 'node:net';
export class Greeter {
  constructor(port: number) {
    const socket = net.connect(port);
    socket.write('hello');
  }
}`,
    errors: [{
      messageId: 'leak',
      line: 4,
      column: 20,
      data: { name: 'socket', ...SOCKET, path: 'when `constructor()` ends at line 6' },
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import * as net from 'node:net';
export class Greeter {
  constructor(port: number) {
    const socket = net.connect(port);
    try {
      socket.write('hello');
    } finally {
      socket.end();
    }
  }
}`,
        },
      ],
    }],
    output: null,
  },
  {
    // A generator returning before its release.
    code: `import * as net from 'node:net';
export function* ticks(port: number, count: number): Generator<number> {
  const socket = net.connect(port);
  for (let i = 0; i < count; i++) {
    if (i > 10) return;
    yield i;
  }
  socket.destroy();
}`,
    errors: [{ messageId: 'leak', line: 3, column: 18, data: { name: 'socket', ...SOCKET, path: 'when `ticks()` returns at line 5' } }],
    output: `import * as net from 'node:net';
export function* ticks(port: number, count: number): Generator<number> {
  const socket = net.connect(port);
  for (let i = 0; i < count; i++) {
    if (i > 10) {
      socket.end();
      return;
    }
    yield i;
  }
  socket.destroy();
}`,
  },
  {
    // A do-while loop left by `continue`.
    code: `import * as net from 'node:net';
export function drain(queue: number[]): void {
  do {
    const socket = net.connect(queue.pop() ?? 80);
    if (!socket.writable) continue;
    socket.end();
  } while (queue.length > 0);
}`,
    errors: [{ messageId: 'leak', line: 4, column: 20, data: { name: 'socket', ...SOCKET, path: 'when `continue` on line 5 leaves its block' } }],
    output: `import * as net from 'node:net';
export function drain(queue: number[]): void {
  do {
    const socket = net.connect(queue.pop() ?? 80);
    if (!socket.writable) {
      socket.end();
      continue;
    }
    socket.end();
  } while (queue.length > 0);
}`,
  },
  {
    // A release guarded by `&&` on an unrelated condition.
    code: `import * as net from 'node:net';
export function ping(port: number, ok: boolean): void {
  const socket = net.connect(port);
  ok && socket.destroy();
}`,
    errors: [{ messageId: 'leak', line: 3, column: 18, data: { name: 'socket', ...SOCKET, path: 'when `ping()` ends at line 5' } }],
    output: null,
  },
  {
    // else-if chain with a branch that does not release.
    code: `import * as net from 'node:net';
export function finish(port: number, mode: number): void {
  const socket = net.connect(port);
  if (mode === 0) {
    socket.end();
  } else if (mode === 1) {
    socket.destroy();
  } else if (mode === 2) {
    socket.write('later');
  }
}`,
    errors: [{ messageId: 'leak', line: 3, column: 18, data: { name: 'socket', ...SOCKET, path: 'when `finish()` ends at line 11' } }],
    output: null,
  },
  {
    // A nested arrow inside a method inside a callback: the innermost function owns it.
    code: `import * as net from 'node:net';
export function schedule(ports: number[]): void {
  ports.forEach((port) => {
    setTimeout(() => {
      const socket = net.connect(port);
      socket.write('tick');
    }, 1000);
  });
}`,
    errors: [{
      messageId: 'leak',
      line: 5,
      column: 22,
      data: { name: 'socket', ...SOCKET, path: 'when the function ends at line 7' },
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import * as net from 'node:net';
export function schedule(ports: number[]): void {
  ports.forEach((port) => {
    setTimeout(() => {
      const socket = net.connect(port);
      try {
        socket.write('tick');
      } finally {
        socket.end();
      }
    }, 1000);
  });
}`,
        },
      ],
    }],
    output: null,
  },
  {
    // An async arrow held in a class field.
    code: `import * as net from 'node:net';
export class Poller {
  tick = async (port: number): Promise<void> => {
    const socket = net.connect(port);
    await new Promise((resolve) => setTimeout(resolve, 10));
    socket.write('tick');
  };
}`,
    errors: [{ messageId: 'leak', line: 4, column: 20, data: { name: 'socket', ...SOCKET, path: 'when `tick()` ends at line 7' } }],
    output: `import * as net from 'node:net';
export class Poller {
  tick = async (port: number): Promise<void> => {
    const socket = net.connect(port);
    try {
      await new Promise((resolve) => setTimeout(resolve, 10));
      socket.write('tick');
    } finally {
      socket.end();
    }
  };
}`,
  },
  {
    // A getter that opens a socket and returns a property of it.
    code: `import * as net from 'node:net';
export class Probe {
  get writable(): boolean {
    const socket = net.connect(80);
    return socket.writable;
  }
}`,
    errors: [{
      messageId: 'leak',
      line: 4,
      column: 20,
      data: { name: 'socket', ...SOCKET, path: 'when `writable()` returns at line 5' },
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import * as net from 'node:net';
export class Probe {
  get writable(): boolean {
    const socket = net.connect(80);
    try {
      return socket.writable;
    } finally {
      socket.end();
    }
  }
}`,
        },
      ],
    }],
    output: null,
  },
  {
    // A for-in loop body left by continue.
    code: `import * as net from 'node:net';
export function scan(ports: Record<string, number>): void {
  for (const name in ports) {
    const socket = net.connect(ports[name] ?? 80);
    if (name.startsWith('_')) continue;
    socket.end(name);
  }
}`,
    errors: [{ messageId: 'leak', line: 4, column: 20, data: { name: 'socket', ...SOCKET, path: 'when `continue` on line 5 leaves its block' } }],
    output: `import * as net from 'node:net';
export function scan(ports: Record<string, number>): void {
  for (const name in ports) {
    const socket = net.connect(ports[name] ?? 80);
    if (name.startsWith('_')) {
      socket.end();
      continue;
    }
    socket.end(name);
  }
}`,
  },
  {
    // A labeled continue leaves the inner loop's block.
    code: `import * as net from 'node:net';
export function scan(groups: number[][]): void {
  outer: for (const ports of groups) {
    for (const port of ports) {
      const socket = net.connect(port);
      if (port === 0) continue outer;
      socket.destroy();
    }
  }
}`,
    errors: [{ messageId: 'leak', line: 5, column: 22, data: { name: 'socket', ...SOCKET, path: 'when `continue` on line 6 leaves its block' } }],
    output: `import * as net from 'node:net';
export function scan(groups: number[][]): void {
  outer: for (const ports of groups) {
    for (const port of ports) {
      const socket = net.connect(port);
      if (port === 0) {
        socket.end();
        continue outer;
      }
      socket.destroy();
    }
  }
}`,
  },
  {
    // #13 §6: a `throw` in `finally` replaces what the `try` returned, and the socket is dropped.
    code: `import * as net from 'node:net';
export function open(port: number, ok: () => boolean): net.Socket {
  const socket = net.connect(port);
  try {
    return socket;
  } finally {
    if (!ok()) throw new Error('refused');
  }
}`,
    errors: [
      {
        messageId: 'leak',
        line: 3,
        column: 18,
        data: { name: 'socket', ...SOCKET, path: 'when `open()` throws at line 7' },
        suggestions: [
          {
            messageId: 'suggestRelease',
            output: `import * as net from 'node:net';
export function open(port: number, ok: () => boolean): net.Socket {
  const socket = net.connect(port);
  try {
    return socket;
  } finally {
    if (!ok()) {
      socket.end();
      throw new Error('refused');
    }
  }
}`,
          },
        ],
      },
    ],
    output: null,
  },
];

ruleTester.run('no-leaked-resource (paths)', rule, { valid: valid.map(inTs), invalid: invalid.map(inTs) });
