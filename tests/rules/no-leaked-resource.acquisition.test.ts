// Rule tests for `leaks/no-leaked-resource`: which expressions acquire a resource (constructors, factories, awaited, conditional, destructured).
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/no-leaked-resource.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

/** The shared tester enables JSX, so its default file is react.tsx: lint these cases as file.ts unless they name a file. */
const inTs = <T extends { filename?: string }>(test: T): T => ({ filename: 'file.ts', ...test });

const SOCKET = { resource: 'net.Socket', released: 'destroyed', advice: 'End or destroy it on every path, or hand it to an owner.' };
const TLS_SOCKET = { resource: 'tls.TLSSocket', released: 'destroyed', advice: 'End or destroy it on every path, or hand it to an owner.' };
const FILE_HANDLE = { resource: 'FileHandle', released: 'closed', advice: 'Close it in a `finally` block, or declare it with `await using`.' };
const READ_STREAM = {
  resource: 'fs.ReadStream',
  released: 'closed',
  advice: 'Read it to the end (pipe, pipeline, `for await`) or destroy it on every path.',
};
const WRITE_STREAM = { resource: 'fs.WriteStream', released: 'ended', advice: 'End it on every path, or pass it to `pipeline()`.' };
const WATCHER = { resource: 'fs.FSWatcher', released: 'closed', advice: 'Close it when you stop watching.' };
const FD = {
  resource: 'file descriptor',
  released: 'closed',
  advice: 'Close it with `closeSync(fd)` in a `finally` block, or hand it to a stream (`createReadStream(path, { fd })`).',
};
const DISPOSABLE = {
  resource: 'Disposable',
  released: 'disposed',
  advice: 'Declare it with `using` (or `await using`), or dispose it on every path.',
};

const valid: ValidTestCase<Options>[] = [
  {
    name: 'A numeric file descriptor closed in finally, used by readSync in between',
    code: `import * as fs from 'node:fs';
export function head(path: string): Buffer {
  const fd = fs.openSync(path, 'r');
  try {
    const buf = Buffer.alloc(16);
    fs.readSync(fd, buf, 0, 16, 0);
    return buf;
  } finally {
    fs.closeSync(fd);
  }
}`,
  },
  {
    name: 'A numeric file descriptor handed to a read stream, which closes it when done',
    code: `import { createReadStream, openSync, type ReadStream } from 'node:fs';
export function stream(path: string): ReadStream {
  const fd = openSync(path, 'r');
  return createReadStream(path, { fd });
}`,
  },
  {
    name: 'touch: the descriptor closed at once',
    code: `import * as fs from 'node:fs';
export function touch(path: string): void {
  fs.closeSync(fs.openSync(path, 'w'));
}`,
  },
  {
    // The baseline: a socket ended on the only path.
    code: `import * as net from 'node:net';
export function ping(port: number): void {
  const socket = net.connect(port);
  socket.end('ping');
}`,
  },
  {
    // A conditional acquisition released with optional chaining.
    code: `import * as net from 'node:net';
export function maybePing(port: number, enabled: boolean): void {
  const socket = enabled ? net.connect(port) : undefined;
  socket?.end('ping');
}`,
  },
  {
    // An awaited acquisition closed after use.
    code: `import { open } from 'node:fs/promises';
export async function firstLine(path: string): Promise<string> {
  const handle = await open(path, 'r');
  const text = await handle.readFile('utf8');
  await handle.close();
  return text.split('\\n')[0] ?? '';
}`,
  },
  {
    // A function in another file that hands back the socket its module keeps is not a factory.
    code: `import { sharedSocket } from './owners.js';
export function send(port: number, line: string): void {
  const socket = sharedSocket(port);
  socket.write(line);
}`,
  },
  {
    // Looking a socket up in a collection does not create one.
    code: `import type { Socket } from 'node:net';
const sockets = new Map<string, Socket>();
export function send(id: string, line: string): void {
  const socket = sockets.get(id);
  socket?.write(line);
}`,
  },
  {
    // A method in the program that returns a field is not a factory.
    code: `import * as net from 'node:net';
class Connection {
  private readonly socket = net.connect(80);
  current(): net.Socket {
    return this.socket;
  }
}
export function write(connection: Connection): void {
  const socket = connection.current();
  socket.write('x');
}`,
  },
  {
    // A program factory's result, ended by the caller.
    code: `import { openSocket } from './owners.js';
export function ping(port: number): void {
  const socket = openSocket(port);
  socket.end('ping');
}`,
  },
  {
    // A local factory's result, handed back to the caller again.
    code: `import * as net from 'node:net';
function dial(port: number): net.Socket {
  return net.connect(port);
}
export function dialBackup(port: number): net.Socket {
  const socket = dial(port + 1);
  return socket;
}`,
  },
  {
    // Both destructured acquisitions are released.
    code: `import * as net from 'node:net';
export function pair(port: number): void {
  const [primary, backup] = [net.connect(port), net.connect(port + 1)];
  primary.destroy();
  backup.destroy();
}`,
  },
  {
    // An element read out of an array of sockets is not an acquisition.
    code: `import type { Socket } from 'node:net';
export function first(sockets: Socket[]): string {
  const [socket] = sockets;
  const found = sockets.find((s) => s.writable);
  return String(socket?.remotePort) + String(found?.remotePort);
}`,
  },
  {
    // An async factory awaited and closed by the caller.
    code: `import { openForReading } from './owners.js';
export async function head(path: string): Promise<void> {
  const handle = await openForReading(path);
  await handle.close();
}`,
  },
  {
    // The promise of a file handle returned unawaited is handed to the caller.
    code: `import { open } from 'node:fs/promises';
export function openLog(path: string) {
  return open(path, 'a');
}`,
  },
  {
    // A function that keeps the socket it creates before returning it is not a factory: the caller does not own it.
    code: `import * as net from 'node:net';
const registry = new Set<net.Socket>();
function open(port: number): net.Socket {
  const socket = net.connect(port);
  registry.add(socket);
  return socket;
}
export function ping(port: number): void {
  const socket = open(port);
  socket.write('ping');
}`,
  },
  {
    // Get-or-create through a module cache: the cache owns what it hands out.
    code: `import * as net from 'node:net';
const cache = new Map<number, net.Socket>();
function socketFor(port: number): net.Socket {
  let socket = cache.get(port);
  if (!socket) {
    socket = net.connect(port);
    cache.set(port, socket);
  }
  return socket;
}
export function ping(port: number): void {
  const socket = socketFor(port);
  socket.write('ping');
}`,
  },
  {
    // A lazily created member client handed out by a method is owned by the instance.
    code: `import { Client } from 'undici';
export class Api {
  private client?: Client;
  private connection(): Client {
    this.client ??= new Client('http://api.local');
    return this.client;
  }
  async ping(): Promise<number> {
    const client = this.connection();
    const { statusCode, body } = await client.request({ path: '/ping', method: 'GET' });
    await body.dump();
    return statusCode;
  }
  async close(): Promise<void> {
    await this.client?.close();
  }
}`,
  },
  {
    // Awaited acquisitions destructured from Promise.all, both closed.
    code: `import { open } from 'node:fs/promises';
export async function copy(from: string, to: string): Promise<void> {
  const [source, target] = await Promise.all([open(from, 'r'), open(to, 'w')]);
  await target.writeFile(await source.readFile());
  await source.close();
  await target.close();
}`,
  },
  {
    // A conditional acquisition with &&, released behind a null check.
    code: `import * as net from 'node:net';
export function maybePing(port: number, enabled: boolean): void {
  const socket = enabled && net.connect(port);
  if (socket) {
    socket.end('ping');
  }
}`,
  },
  {
    // Sockets created by a map callback and all destroyed.
    code: `import * as net from 'node:net';
export function closeAll(ports: number[]): void {
  const sockets = ports.map((port) => net.connect(port));
  for (const socket of sockets) socket.destroy();
}`,
  },
];

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: 'A numeric file descriptor from openSync, not closed on the early return (reading it with readSync and fstatSync only uses it)',
    code: `import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
export function head(path: string): Buffer {
  const fd = openSync(path, 'r');
  const buf = Buffer.alloc(16);
  readSync(fd, buf, 0, 16, 0);
  if (fstatSync(fd).size < 16) return Buffer.alloc(0);
  closeSync(fd);
  return buf;
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 3, column: 14, data: { name: 'fd', ...FD, path: 'when `head()` returns at line 6' } }],
  },
  {
    name: 'A stream told not to close the descriptor (autoClose: false) only borrows it',
    code: `import { createReadStream, openSync, type ReadStream } from 'node:fs';
export function stream(path: string): ReadStream {
  const fd = openSync(path, 'r');
  return createReadStream(path, { fd, autoClose: false });
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 3, column: 14, data: { name: 'fd', ...FD, path: 'when `stream()` returns at line 4' } }],
  },
  {
    name: "The same with a FileHandle's descriptor: the stream leaves the handle to be closed",
    code: `import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
export async function firstChunk(path: string): Promise<string> {
  const handle = await open(path);
  const stream = createReadStream(path, { fd: handle.fd, autoClose: false });
  for await (const chunk of stream) return String(chunk);
  return '';
}`,
    output: `import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
export async function firstChunk(path: string): Promise<string> {
  const handle = await open(path);
  try {
    const stream = createReadStream(path, { fd: handle.fd, autoClose: false });
    for await (const chunk of stream) return String(chunk);
    return '';
  } finally {
    await handle.close();
  }
}`,
    errors: [{ messageId: 'leak', line: 4, column: 24, data: { name: 'handle', ...FILE_HANDLE, path: 'when `firstChunk()` returns at line 6' } }],
  },
  {
    name: 'A numeric file descriptor opened and dropped',
    code: `import * as fs from 'node:fs';
export function touch(path: string): void {
  fs.openSync(path, 'w');
}`,
    output: null,
    errors: [{ messageId: 'discarded', line: 3, column: 3, data: { ...FD, how: 'not stored anywhere', consequence: 'it stays open' } }],
  },
  {
    // `new net.Socket()`; `connect()` returns the same socket, so it is still the one to destroy.
    code: `import * as net from 'node:net';
export function probe(port: number): void {
  const socket = new net.Socket();
  socket.connect(port);
}`,
    errors: [
      {
        messageId: 'leak',
        line: 3,
        column: 18,
        endLine: 3,
        endColumn: 34,
        data: { name: 'socket', ...SOCKET, path: 'when `probe()` ends at line 5' },
        suggestions: [
          {
            messageId: 'suggestFinally',
            output: `import * as net from 'node:net';
export function probe(port: number): void {
  const socket = new net.Socket();
  try {
    socket.connect(port);
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
    code: `import * as net from 'node:net';
export function ping(port: number, quiet: boolean): boolean {
  const socket = net.connect(port);
  if (quiet) {
    return false;
  }
  socket.end('ping');
  return true;
}`,
    errors: [
      {
        messageId: 'leak',
        line: 3,
        column: 18,
        endLine: 3,
        endColumn: 35,
        data: { name: 'socket', ...SOCKET, path: 'when `ping()` returns at line 5' },
      },
    ],
    output: `import * as net from 'node:net';
export function ping(port: number, quiet: boolean): boolean {
  const socket = net.connect(port);
  if (quiet) {
    socket.end();
    return false;
  }
  socket.end('ping');
  return true;
}`,
  },
  {
    code: `import * as net from 'node:net';
export function greet(path: string): void {
  const socket = net.createConnection({ path });
  socket.write('hello');
}`,
    errors: [{
      messageId: 'leak',
      line: 3,
      column: 18,
      endLine: 3,
      endColumn: 48,
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import * as net from 'node:net';
export function greet(path: string): void {
  const socket = net.createConnection({ path });
  try {
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
    code: `import * as tls from 'node:tls';
export function hello(host: string): void {
  const socket = tls.connect({ host, port: 443, servername: host });
  socket.write('hello');
}`,
    errors: [
      {
        messageId: 'leak',
        line: 3,
        column: 18,
        data: { name: 'socket', ...TLS_SOCKET, path: 'when `hello()` ends at line 5' },
        suggestions: [
          {
            messageId: 'suggestFinally',
            output: `import * as tls from 'node:tls';
export function hello(host: string): void {
  const socket = tls.connect({ host, port: 443, servername: host });
  try {
    socket.write('hello');
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
    // An awaited acquisition: the report is on the call, not on `await`.
    code: `import { open } from 'node:fs/promises';
export async function size(path: string): Promise<number> {
  const handle = await open(path, 'r');
  const stats = await handle.stat();
  return stats.size;
}`,
    errors: [
      {
        messageId: 'leak',
        line: 3,
        column: 24,
        endLine: 3,
        endColumn: 39,
        data: { name: 'handle', ...FILE_HANDLE, path: 'when `size()` returns at line 5' },
      },
    ],
    output: `import { open } from 'node:fs/promises';
export async function size(path: string): Promise<number> {
  const handle = await open(path, 'r');
  try {
    const stats = await handle.stat();
    return stats.size;
  } finally {
    await handle.close();
  }
}`,
  },
  {
    code: `import * as fs from 'node:fs';
export async function touch(path: string): Promise<void> {
  const handle = await fs.promises.open(path, 'a');
  await handle.utimes(new Date(), new Date());
}`,
    errors: [{ messageId: 'leak', line: 3, column: 24, endLine: 3, endColumn: 51 }],
    output: `import * as fs from 'node:fs';
export async function touch(path: string): Promise<void> {
  const handle = await fs.promises.open(path, 'a');
  try {
    await handle.utimes(new Date(), new Date());
  } finally {
    await handle.close();
  }
}`,
  },
  {
    code: `import * as fs from 'node:fs';
export function peek(path: string): boolean {
  const stream = fs.createReadStream(path);
  return stream.readable;
}`,
    errors: [
      {
        messageId: 'leak',
        line: 3,
        column: 18,
        data: { name: 'stream', ...READ_STREAM, path: 'when `peek()` returns at line 4' },
        suggestions: [
          {
            messageId: 'suggestFinally',
            output: `import * as fs from 'node:fs';
export function peek(path: string): boolean {
  const stream = fs.createReadStream(path);
  try {
    return stream.readable;
  } finally {
    stream.close();
  }
}`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    code: `import * as fs from 'node:fs';
export function log(path: string, line: string): void {
  const out = fs.createWriteStream(path, { flags: 'a' });
  out.write(line);
}`,
    errors: [
      {
        messageId: 'leak',
        line: 3,
        column: 15,
        data: { name: 'out', ...WRITE_STREAM, path: 'when `log()` ends at line 5' },
        suggestions: [
          {
            messageId: 'suggestFinally',
            output: `import * as fs from 'node:fs';
export function log(path: string, line: string): void {
  const out = fs.createWriteStream(path, { flags: 'a' });
  try {
    out.write(line);
  } finally {
    out.end();
  }
}`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    code: `import * as fs from 'node:fs';
export function watchOnce(dir: string, onChange: () => void): void {
  const watcher = fs.watch(dir);
  watcher.on('change', onChange);
}`,
    errors: [
      {
        messageId: 'leak',
        line: 3,
        column: 19,
        data: { name: 'watcher', ...WATCHER, path: 'when `watchOnce()` ends at line 5' },
      },
    ],
    output: null,
  },
  {
    // A conditional acquisition: the report is on the call inside the conditional.
    code: `import * as net from 'node:net';
export function maybePing(port: number, enabled: boolean): void {
  const socket = enabled ? net.connect(port) : undefined;
  if (socket) {
    socket.write('ping');
  }
}`,
    errors: [
      {
        messageId: 'leak',
        line: 3,
        column: 28,
        endLine: 3,
        endColumn: 45,
        data: { name: 'socket', ...SOCKET, path: 'when `maybePing()` ends at line 7' }
      },
    ],
    output: null,
  },
  {
    // A conditional acquisition with the resource on the other branch.
    code: `import * as net from 'node:net';
export function connectUnlessOffline(port: number, offline: boolean): void {
  const socket = offline ? null : net.connect(port);
  socket?.write('hello');
}`,
    errors: [{
      messageId: 'leak',
      line: 3,
      column: 35,
      endLine: 3,
      endColumn: 52
    }],
    output: null,
  },
  {
    // A function in the program that returns a socket it created is a factory.
    code: `import * as net from 'node:net';
function dial(port: number) {
  return net.connect(port);
}
export function ping(port: number): void {
  const socket = dial(port);
  socket.write('ping');
}`,
    errors: [
      {
        messageId: 'leak',
        line: 6,
        column: 18,
        endLine: 6,
        endColumn: 28,
        data: { name: 'socket', ...SOCKET, path: 'when `ping()` ends at line 8' },
        suggestions: [
          {
            messageId: 'suggestFinally',
            output: `import * as net from 'node:net';
function dial(port: number) {
  return net.connect(port);
}
export function ping(port: number): void {
  const socket = dial(port);
  try {
    socket.write('ping');
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
    // A factory in another file.
    code: `import { openSocket } from './owners.js';
export function ping(port: number): void {
  const socket = openSocket(port);
  socket.write('ping');
}`,
    errors: [{
      messageId: 'leak',
      line: 3,
      column: 18,
      endLine: 3,
      endColumn: 34,
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import { openSocket } from './owners.js';
export function ping(port: number): void {
  const socket = openSocket(port);
  try {
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
    // An async factory in another file, awaited.
    code: `import { openForReading } from './owners.js';
export async function head(path: string): Promise<string> {
  const handle = await openForReading(path);
  const { buffer } = await handle.read(Buffer.alloc(16), 0, 16, 0);
  return buffer.toString('utf8');
}`,
    errors: [
      {
        messageId: 'leak',
        line: 3,
        column: 24,
        endLine: 3,
        endColumn: 44,
        data: { name: 'handle', ...FILE_HANDLE, path: 'when `head()` returns at line 5' },
      },
    ],
    output: `import { openForReading } from './owners.js';
export async function head(path: string): Promise<string> {
  const handle = await openForReading(path);
  try {
    const { buffer } = await handle.read(Buffer.alloc(16), 0, 16, 0);
    return buffer.toString('utf8');
  } finally {
    await handle.close();
  }
}`,
  },
  {
    // A local async arrow factory.
    code: `import { open } from 'node:fs/promises';
const openLog = async (path: string) => open(path, 'a');
export async function append(path: string, line: string): Promise<void> {
  const handle = await openLog(path);
  await handle.appendFile(line);
}`,
    errors: [{ messageId: 'leak', line: 4, column: 24, endLine: 4, endColumn: 37 }],
    output: `import { open } from 'node:fs/promises';
const openLog = async (path: string) => open(path, 'a');
export async function append(path: string, line: string): Promise<void> {
  const handle = await openLog(path);
  try {
    await handle.appendFile(line);
  } finally {
    await handle.close();
  }
}`,
  },
  {
    // A factory that goes through a local variable and another factory.
    code: `import * as net from 'node:net';
function dial(port: number): net.Socket {
  const socket = net.connect(port);
  socket.setNoDelay(true);
  return socket;
}
function dialBackup(port: number): net.Socket {
  return dial(port + 1);
}
export function ping(port: number): void {
  const backup = dialBackup(port);
  backup.write('ping');
}`,
    errors: [{
      messageId: 'leak',
      line: 11,
      column: 18,
      endLine: 11,
      endColumn: 34,
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import * as net from 'node:net';
function dial(port: number): net.Socket {
  const socket = net.connect(port);
  socket.setNoDelay(true);
  return socket;
}
function dialBackup(port: number): net.Socket {
  return dial(port + 1);
}
export function ping(port: number): void {
  const backup = dialBackup(port);
  try {
    backup.write('ping');
  } finally {
    backup.end();
  }
}`,
        },
      ],
    }],
    output: null,
  },
  {
    // Destructuring: the acquisition held by `backup` is never released.
    code: `import * as net from 'node:net';
export function pair(port: number): void {
  const [primary, backup] = [net.connect(port), net.connect(port + 1)];
  primary.destroy();
}`,
    errors: [
      {
        messageId: 'leak',
        line: 3,
        column: 49,
        endLine: 3,
        endColumn: 70,
        data: { name: 'backup', ...SOCKET, path: 'when `pair()` ends at line 5' },
      },
    ],
    output: null,
  },
  {
    // A resource created and thrown away at once.
    code: `import * as net from 'node:net';
export function knock(port: number): void {
  net.connect(port);
}`,
    errors: [
      {
        messageId: 'discarded',
        line: 3,
        column: 3,
        endLine: 3,
        endColumn: 20,
        data: { ...SOCKET, how: 'not stored anywhere', consequence: 'it stays open' },
      },
    ],
    output: null,
  },
  {
    // `.on()` returns the same socket, which is then dropped.
    code: `import * as net from 'node:net';
export function listen(port: number, onData: (chunk: Buffer) => void): void {
  net.connect(port).on('data', onData);
}`,
    errors: [{ messageId: 'discarded', line: 3, column: 3, endLine: 3, endColumn: 20, data: { ...SOCKET, how: 'not stored anywhere', consequence: 'it stays open' } }],
    output: null,
  },
  {
    code: `import { open } from 'node:fs/promises';
export async function create(path: string): Promise<void> {
  await open(path, 'w');
}`,
    errors: [{ messageId: 'discarded', line: 3, column: 9, endLine: 3, endColumn: 24, data: { ...FILE_HANDLE, how: 'not stored anywhere', consequence: 'it stays open' } }],
    output: null,
  },
  {
    // Any class with `[Symbol.dispose]` is a resource.
    code: `declare class Lease implements Disposable {
  [Symbol.dispose](): void;
}
export function borrow(): void {
  const lease = new Lease();
  console.log(lease);
}`,
    errors: [
      {
        messageId: 'leak',
        line: 5,
        column: 17,
        endLine: 5,
        endColumn: 28,
        data: { name: 'lease', ...DISPOSABLE, path: 'when `borrow()` ends at line 7' },
      },
    ],
    output: `declare class Lease implements Disposable {
  [Symbol.dispose](): void;
}
export function borrow(): void {
  const lease = new Lease();
  try {
    console.log(lease);
  } finally {
    lease[Symbol.dispose]();
  }
}`,
  },
  {
    // A type assertion around the acquisition does not hide it.
    code: `import * as net from 'node:net';
export function ping(port: number): void {
  const socket = net.connect(port) as net.Socket;
  socket.write('ping');
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
export function ping(port: number): void {
  const socket = net.connect(port) as net.Socket;
  try {
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
    // Two acquisitions in one function are judged separately.
    code: `import * as net from 'node:net';
export function both(port: number): void {
  const first = net.connect(port);
  const second = net.connect(port + 1);
  first.end();
  second.write('x');
}`,
    errors: [
      {
        messageId: 'leak',
        line: 4,
        column: 18,
        data: { name: 'second', ...SOCKET, path: 'when `both()` ends at line 7' },
        suggestions: [
          {
            messageId: 'suggestFinally',
            output: `import * as net from 'node:net';
export function both(port: number): void {
  const first = net.connect(port);
  const second = net.connect(port + 1);
  try {
    first.end();
    second.write('x');
  } finally {
    second.end();
  }
}`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    // Awaited acquisitions destructured from Promise.all: the target handle is never closed.
    code: `import { open } from 'node:fs/promises';
export async function copy(from: string, to: string): Promise<void> {
  const [source, target] = await Promise.all([open(from, 'r'), open(to, 'w')]);
  await target.writeFile(await source.readFile());
  await source.close();
}`,
    errors: [
      {
        messageId: 'leak',
        line: 3,
        column: 64,
        endLine: 3,
        endColumn: 77,
        data: { name: 'target', ...FILE_HANDLE, path: 'when `copy()` ends at line 6' },
      },
    ],
    output: null,
  },
  {
    // A conditional acquisition with &&, never released.
    code: `import * as net from 'node:net';
export function maybePing(port: number, enabled: boolean): void {
  const socket = enabled && net.connect(port);
  if (socket) {
    socket.write('ping');
  }
}`,
    errors: [{ messageId: 'leak', line: 3, column: 29, endLine: 3, endColumn: 46 }],
    output: null,
  },
  {
    // A method of a class in the program that creates a client is a factory.
    code: `import { Client } from 'undici';
export class Monitor {
  constructor(private readonly origin: string) {}
  private createClient(): Client {
    return new Client(this.origin);
  }
  async check(): Promise<boolean> {
    const client = this.createClient();
    const { statusCode, body } = await client.request({ path: '/health', method: 'GET' });
    await body.dump();
    return statusCode === 200;
  }
}`,
    errors: [
      {
        messageId: 'leakPooling',
        line: 8,
        column: 20,
        endLine: 8,
        endColumn: 39,
        data: { name: 'client', resource: 'undici Client', released: 'closed', release: 'close', path: 'when `check()` returns at line 11' },
      },
    ],
    output: `import { Client } from 'undici';
export class Monitor {
  constructor(private readonly origin: string) {}
  private createClient(): Client {
    return new Client(this.origin);
  }
  async check(): Promise<boolean> {
    const client = this.createClient();
    try {
      const { statusCode, body } = await client.request({ path: '/health', method: 'GET' });
      await body.dump();
      return statusCode === 200;
    } finally {
      await client.close();
    }
  }
}`,
  },
  {
    // Sockets created by a map callback land in a local array that is never released or handed off.
    code: `import * as net from 'node:net';
export function probeAll(ports: number[]): void {
  const sockets = ports.map((port) => net.connect(port));
  for (const socket of sockets) socket.write('probe');
}`,
    errors: [{
      messageId: 'leak',
      line: 3,
      column: 39,
      endLine: 3,
      endColumn: 56
    }],
    output: null,
  },
];

ruleTester.run('no-leaked-resource (acquisition)', rule, { valid: valid.map(inTs), invalid: invalid.map(inTs) });
