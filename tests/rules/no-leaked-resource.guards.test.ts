// Rule tests for `leaks/no-leaked-resource`: code the rule must stay quiet on — look-alike names, plain objects, values that need no release.
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/no-leaked-resource.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

/** The shared tester enables JSX, so its default file is react.tsx: lint these cases as file.ts unless they name a file. */
const inTs = <T extends { filename?: string }>(test: T): T => ({ filename: 'file.ts', ...test });

const SOCKET = { resource: 'net.Socket', released: 'destroyed', advice: 'End or destroy it on every path, or hand it to an owner.' };

const valid: ValidTestCase<Options>[] = [
  {
    // Variables named like resources that are not.
    code: `export function names(): number {
  const timer = 5;
  const socket = {};
  const server = { close(): void {} };
  const client = new Map<string, number>();
  return timer + Object.keys(socket).length + client.size + (server ? 1 : 0);
}`,
  },
  {
    // A user function called `connect` that returns a plain object.
    code: `function connect(host: string) {
  return { host, connected: true };
}
export function use(): boolean {
  const connection = connect('db');
  return connection.connected;
}`,
  },
  {
    // A user class named Socket with close(), no Disposable: not a resource.
    code: `class Socket {
  close(): void {}
}
export function use(): Socket {
  const local = new Socket();
  const other = new Socket();
  console.log(other);
  return local;
}`,
  },
  {
    // Parameters are owned by the caller.
    code: `import * as net from 'node:net';
export function greet(socket: net.Socket): void {
  socket.write('hello');
}`,
  },
  {
    // A connection handler's socket belongs to the server.
    code: `import * as net from 'node:net';
export function start(port: number): void {
  net.createServer((socket) => {
    socket.write('hello');
  }).listen(port);
}`,
  },
  {
    // Reading a resource out of a field is not creating one.
    code: `import * as net from 'node:net';
export class Connection {
  private readonly socket = net.connect(80);
  send(line: string): void {
    const socket = this.socket;
    socket.write(line);
  }
  close(): void {
    this.socket.destroy();
  }
}`,
  },
  {
    // Responses belong to another rule; this one is about resources.
    code: `export async function status(url: string): Promise<number> {
  const res = await fetch(url);
  return res.status;
}`,
  },
  {
    // Timers belong to another rule.
    code: `export function tick(onTick: () => void): void {
  const handle = setInterval(onTick, 1000);
  console.log(typeof handle);
}`,
  },
  {
    // Plain streams end when read; they hold no descriptor.
    code: `import { Readable, PassThrough } from 'node:stream';
export function make(): number {
  const source = Readable.from(['a', 'b']);
  const through = new PassThrough();
  return source.readableLength + through.writableLength;
}`,
  },
  {
    // Iterators declare [Symbol.dispose] but finish by themselves.
    code: `export function first(values: number[]): number | undefined {
  const iterator = values.values();
  const entries = new Map([[1, 2]]).entries();
  return iterator.next().value ?? entries.next().value?.[0];
}`,
  },
  {
    // Generators are not resources.
    code: `function* counter(): Generator<number> {
  yield 1;
}
export function start(): number {
  const gen = counter();
  return gen.next().value as number;
}`,
  },
  {
    // Requests, emitters, controllers and hashes need no release.
    code: `import * as http from 'node:http';
import { EventEmitter } from 'node:events';
import { createHash } from 'node:crypto';
export function misc(url: string): string {
  const req = http.request(url);
  req.end();
  const emitter = new EventEmitter();
  emitter.emit('x');
  const controller = new AbortController();
  controller.abort();
  return createHash('sha256').update(url).digest('hex');
}`,
  },
  {
    // Compression transforms are plain streams.
    code: `import { createGzip } from 'node:zlib';
export function gzip(): number {
  const gz = createGzip();
  return gz.bytesWritten;
}`,
  },
  {
    // A resource handed to an owner right away.
    code: `import * as net from 'node:net';
import { SocketOwner } from './owners.js';
export function own(port: number): SocketOwner {
  return new SocketOwner(net.connect(port));
}`,
  },
  {
    // A listening server started from a function.
    code: `import * as http from 'node:http';
export function serve(port: number): void {
  const server = http.createServer((req, res) => res.end('ok'));
  server.listen(port, () => console.log('listening'));
}`,
  },
  {
    // A URL, a Buffer and a Date named like handles.
    code: `export function handles(raw: string): string {
  const handle = new URL(raw);
  const stream = Buffer.from(raw);
  const watcher = new Date();
  return handle.href + stream.length + watcher.getTime();
}`,
  },
  {
    // An object type with a `close` method is not a resource by itself.
    code: `interface Closable {
  close(): void;
}
declare function openThing(): Closable;
export function use(): void {
  const thing = openThing();
  console.log(thing);
}`,
  },
  {
    // A release guarded by the resource's own "already released" flag.
    code: `import * as net from 'node:net';
export function ping(port: number): void {
  const socket = net.connect(port);
  socket.write('ping');
  if (!socket.destroyed) {
    socket.destroy();
  }
}`,
  },
];

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    // The real socket next to look-alikes is still reported, alone.
    code: `import * as net from 'node:net';
function connect(host: string) {
  return { host };
}
export function mixed(port: number): string {
  const socket = {};
  const timer = 5;
  const connection = connect('db');
  const real = net.connect(port);
  real.write(String(timer) + Object.keys(socket).length);
  return connection.host;
}`,
    errors: [
      {
        messageId: 'leak',
        line: 9,
        column: 16,
        endLine: 9,
        endColumn: 33,
        data: { name: 'real', ...SOCKET, path: 'when `mixed()` returns at line 11' },
        suggestions: [
          {
            messageId: 'suggestFinally',
            output: `import * as net from 'node:net';
function connect(host: string) {
  return { host };
}
export function mixed(port: number): string {
  const socket = {};
  const timer = 5;
  const connection = connect('db');
  const real = net.connect(port);
  try {
    real.write(String(timer) + Object.keys(socket).length);
    return connection.host;
  } finally {
    real.end();
  }
}`,
          },
          {
            messageId: 'suggestRelease',
            output: `import * as net from 'node:net';
function connect(host: string) {
  return { host };
}
export function mixed(port: number): string {
  const socket = {};
  const timer = 5;
  const connection = connect('db');
  const real = net.connect(port);
  real.write(String(timer) + Object.keys(socket).length);
  real.end();
  return connection.host;
}`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    // A user class becomes a resource once it is Disposable.
    code: `declare class Socket implements Disposable {
  [Symbol.dispose](): void;
}
export function use(): void {
  const local = new Socket();
  console.log(local);
}`,
    errors: [{ messageId: 'leak', line: 5, column: 17, endLine: 5, endColumn: 29 }],
    output: `declare class Socket implements Disposable {
  [Symbol.dispose](): void;
}
export function use(): void {
  const local = new Socket();
  try {
    console.log(local);
  } finally {
    local[Symbol.dispose]();
  }
}`,
  },
];

ruleTester.run('no-leaked-resource (false-positive guards)', rule, { valid: valid.map(inTs), invalid: invalid.map(inTs) });
