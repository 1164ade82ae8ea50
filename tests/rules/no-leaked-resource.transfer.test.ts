// Rule tests for `leaks/no-leaked-resource`: handing a resource to an owner (return, yield, fields, outer variables, collections, wrappers) versus lending it.
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/no-leaked-resource.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

/** The shared tester enables JSX, so its default file is react.tsx: lint these cases as file.ts unless they name a file. */
const inTs = <T extends { filename?: string }>(test: T): T => ({ filename: 'file.ts', ...test });

const SOCKET = { resource: 'net.Socket', released: 'destroyed', advice: 'End or destroy it on every path, or hand it to an owner.' };

const valid: ValidTestCase<Options>[] = [
  {
    name: "Stored in an enclosing function's local that the returned closure destroys",
    code: `import * as net from 'node:net';
export function monitor(port: number, onLine: (line: string) => void): () => void {
  let socket: net.Socket | undefined;
  const open = (): void => {
    socket = net.connect(port);
    socket.on('data', (d) => onLine(String(d)));
  };
  open();
  return () => socket?.destroy();
}`,
  },
  {
    name: "A FileHandle's descriptor given to a read stream (`{ fd: handle.fd }`): the stream takes the file over (get-uri)",
    code: `import { createReadStream, type ReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
export async function openStream(path: string): Promise<ReadStream> {
  const handle = await open(path, 'r');
  const fd = handle.fd;
  const stat = await handle.stat();
  if (stat.size === 0) {
    await handle.close();
    throw new Error('empty');
  }
  return createReadStream(path, { autoClose: true, fd });
}`,
  },
  {
    code: `import * as net from 'node:net';
export function dial(port: number): net.Socket {
  const socket = net.connect(port);
  socket.setNoDelay(true);
  return socket;
}`,
  },
  {
    // Returned inside an object.
    code: `import * as net from 'node:net';
export function dial(port: number) {
  const socket = net.connect(port);
  return { socket, port };
}`,
  },
  {
    // Returned inside an array.
    code: `import * as net from 'node:net';
export function dialPair(port: number): [net.Socket, net.Socket] {
  const primary = net.connect(port);
  const backup = net.connect(port + 1);
  return [primary, backup];
}`,
  },
  {
    // Returned inside a closure.
    code: `import * as net from 'node:net';
export function dialer(port: number): () => void {
  const socket = net.connect(port);
  socket.write('hello');
  return () => socket.end();
}`,
  },
  {
    // Returned inside an object of closures.
    code: `import * as net from 'node:net';
export function channel(port: number) {
  const socket = net.connect(port);
  return {
    send: (line: string) => socket.write(line),
    close: () => socket.end(),
  };
}`,
  },
  {
    // An arrow function's expression body returns it.
    code: `import * as net from 'node:net';
export const dial = (port: number): net.Socket => net.connect(port);`,
  },
  {
    // Returned through a receiver-returning method.
    code: `import * as net from 'node:net';
export function dial(port: number): net.Socket {
  return net.connect(port).setNoDelay(true);
}`,
  },
  {
    // yield hands each socket to the consumer.
    code: `import * as net from 'node:net';
export function* dialAll(ports: number[]): Generator<net.Socket> {
  for (const port of ports) {
    const socket = net.connect(port);
    yield socket;
  }
}`,
  },
  {
    // Assigned to a field in the constructor.
    code: `import * as net from 'node:net';
export class Connection {
  private readonly socket: net.Socket;
  constructor(port: number) {
    const socket = net.connect(port);
    socket.setKeepAlive(true);
    this.socket = socket;
  }
  close(): void {
    this.socket.destroy();
  }
}`,
  },
  {
    // A field initializer.
    code: `import * as net from 'node:net';
export class Connection {
  private readonly socket = net.connect(80);
  close(): void {
    this.socket.destroy();
  }
}`,
  },
  {
    // A module variable.
    code: `import * as net from 'node:net';
let active: net.Socket | undefined;
export function open(port: number): void {
  active = net.connect(port);
}
export function close(): void {
  active?.destroy();
}`,
  },
  {
    // A variable of the enclosing function, closed by another closure.
    code: `import * as net from 'node:net';
export function connector(port: number) {
  let socket: net.Socket | undefined;
  return {
    open(): void {
      socket = net.connect(port);
    },
    close(): void {
      socket?.destroy();
    },
  };
}`,
  },
  {
    // Map.set into a module map.
    code: `import * as net from 'node:net';
const sockets = new Map<string, net.Socket>();
export function open(id: string, port: number): void {
  const socket = net.connect(port);
  sockets.set(id, socket);
}`,
  },
  {
    // Set.add into a field.
    code: `import * as net from 'node:net';
export class Registry {
  private readonly sockets = new Set<net.Socket>();
  open(port: number): void {
    const socket = net.connect(port);
    this.sockets.add(socket);
  }
}`,
  },
  {
    // Array push into a field.
    code: `import * as net from 'node:net';
export class Pool {
  private readonly idle: net.Socket[] = [];
  grow(port: number): void {
    this.idle.push(net.connect(port));
  }
}`,
  },
  {
    // A promise resolves with it.
    code: `import * as net from 'node:net';
export function connected(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port);
    socket.once('connect', () => resolve(socket));
    socket.once('error', (error) => {
      socket.destroy();
      reject(error);
    });
  });
}`,
  },
  {
    // A constructor in the program wraps it.
    code: `import * as net from 'node:net';
import { SocketOwner } from './owners.js';
const owners: SocketOwner[] = [];
export function open(port: number): void {
  const socket = net.connect(port);
  const owner = new SocketOwner(socket);
  owners.push(owner);
}`,
  },
  {
    // A library constructor wraps it: the TLS socket owns the plain one.
    code: `import * as net from 'node:net';
import * as tls from 'node:tls';
export function upgrade(port: number): tls.TLSSocket {
  const plain = net.connect(port);
  return new tls.TLSSocket(plain);
}`,
  },
  {
    // A function in another file keeps it in a module list.
    code: `import * as net from 'node:net';
import { keepSocket } from './owners.js';
export function open(port: number): void {
  const socket = net.connect(port);
  keepSocket(socket);
}`,
  },
  {
    // A function in another file adds it to a registry.
    code: `import * as net from 'node:net';
import { adopt } from './helpers.js';
export function open(port: number): void {
  adopt(net.connect(port));
}`,
  },
  {
    // An unknown callee (no body in the program) takes it, by default.
    code: `import * as net from 'node:net';
declare function register(socket: net.Socket): void;
export function open(port: number): void {
  const socket = net.connect(port);
  register(socket);
}`,
  },
  {
    // A Node-style callback takes it.
    code: `import * as net from 'node:net';
export function open(port: number, callback: (error: Error | null, socket?: net.Socket) => void): void {
  const socket = net.connect(port);
  socket.once('connect', () => callback(null, socket));
}`,
  },
  {
    // Stored on an object that outlives the call.
    code: `import * as net from 'node:net';
export function attach(target: { socket?: net.Socket }, port: number): void {
  const socket = net.connect(port);
  target.socket = socket;
}`,
  },
  {
    // Kept on one branch, destroyed on the other.
    code: `import * as net from 'node:net';
const pool: net.Socket[] = [];
export function checkIn(port: number, reusable: boolean): void {
  const socket = net.connect(port);
  if (reusable) {
    pool.push(socket);
  } else {
    socket.destroy();
  }
}`,
  },
  {
    // A returned closure that only reads it still keeps it reachable for the caller.
    code: `import * as net from 'node:net';
export function counter(port: number): () => number {
  const socket = net.connect(port);
  return () => socket.bytesRead;
}`,
  },
  {
    // The promise's resolver may have any name.
    code: `import * as net from 'node:net';
export function dial(port: number): Promise<net.Socket> {
  return new Promise<net.Socket>((ok) => {
    const socket = net.connect(port, () => ok(socket));
  });
}`,
  },
  {
    // Stored inside an entry object kept in a field's map.
    code: `import * as net from 'node:net';
export class Tracker {
  private readonly pending = new Map<string, { socket: net.Socket; started: number }>();
  open(id: string, port: number): void {
    const socket = net.connect(port);
    this.pending.set(id, { socket, started: Date.now() });
  }
}`,
  },
  {
    // Written into a local array by index, and the array is returned.
    code: `import * as net from 'node:net';
export function dialAll(ports: number[]): net.Socket[] {
  const sockets: net.Socket[] = [];
  for (let i = 0; i < ports.length; i++) {
    sockets[i] = net.connect(ports[i] ?? 80);
  }
  return sockets;
}`,
  },
];

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: "Stored only in an enclosing function's local that nothing reads to end it: no hand-off",
    code: `import * as net from 'node:net';
export function monitor(port: number, onLine: (line: string) => void): () => void {
  let socket: net.Socket | undefined;
  const open = (): void => {
    socket = net.connect(port);
    socket.on('data', (d) => onLine(String(d)));
  };
  open();
  return () => console.log('stopped', socket?.remoteAddress);
}`,
    output: null,
    errors: [
      {
        messageId: 'discarded',
        line: 5,
        column: 14,
        data: { ...SOCKET, how: 'stored only in `socket`, which nothing reads to release it,', consequence: 'it stays open' },
      },
    ],
  },
  {
    name: 'The descriptor handed to a stream on one path only: the early throw leaves the FileHandle open',
    code: `import { createReadStream, type ReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
export async function openStream(path: string): Promise<ReadStream> {
  const handle = await open(path, 'r');
  const fd = handle.fd;
  const stat = await handle.stat();
  if (stat.size === 0) throw new Error('empty');
  return createReadStream(path, { autoClose: true, fd });
}`,
    output: `import { createReadStream, type ReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
export async function openStream(path: string): Promise<ReadStream> {
  const handle = await open(path, 'r');
  const fd = handle.fd;
  const stat = await handle.stat();
  if (stat.size === 0) {
    await handle.close();
    throw new Error('empty');
  }
  return createReadStream(path, { autoClose: true, fd });
}`,
    errors: [
      {
        messageId: 'leak',
        line: 4,
        column: 24,
        data: {
          name: 'handle',
          resource: 'FileHandle',
          released: 'closed',
          path: 'when `openStream()` throws at line 7',
          advice: 'Close it in a `finally` block, or declare it with `await using`.',
        },
      },
    ],
  },
  {
    name: 'Only its descriptor read (logged): the FileHandle itself is still to close',
    code: `import { open } from 'node:fs/promises';
export async function size(path: string): Promise<number> {
  const handle = await open(path, 'r');
  const fd = handle.fd;
  console.log(fd);
  return (await handle.stat()).size;
}`,
    output: null,
    errors: [
      {
        messageId: 'leak',
        line: 3,
        column: 24,
        data: {
          name: 'handle',
          resource: 'FileHandle',
          released: 'closed',
          path: 'when `size()` returns at line 6',
          advice: 'Close it in a `finally` block, or declare it with `await using`.',
        },
      },
    ],
  },
  {
    // A function in another file that only reads it borrows it.
    code: `import * as net from 'node:net';
import { describeSocket } from './helpers.js';
export function label(port: number): string {
  const socket = net.connect(port);
  return describeSocket(socket);
}`,
    errors: [
      {
        messageId: 'leak',
        line: 4,
        column: 18,
        endLine: 4,
        endColumn: 35,
        data: { name: 'socket', ...SOCKET, path: 'when `label()` returns at line 5' },
        suggestions: [
          {
            messageId: 'suggestFinally',
            output: `import * as net from 'node:net';
import { describeSocket } from './helpers.js';
export function label(port: number): string {
  const socket = net.connect(port);
  try {
    return describeSocket(socket);
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
import { socketLabel } from './owners.js';
export function log(port: number): void {
  const socket = net.connect(port);
  console.log(socketLabel(socket));
}`,
    errors: [{
      messageId: 'leak',
      line: 4,
      column: 18,
      data: { name: 'socket', ...SOCKET, path: 'when `log()` ends at line 6' },
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import * as net from 'node:net';
import { socketLabel } from './owners.js';
export function log(port: number): void {
  const socket = net.connect(port);
  try {
    console.log(socketLabel(socket));
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
    // A local function that only reads it borrows it.
    code: `import * as net from 'node:net';
function describe(socket: net.Socket): string {
  return socket.remoteAddress ?? 'unknown';
}
export function log(port: number): void {
  const socket = net.connect(port);
  console.log(describe(socket));
}`,
    errors: [{
      messageId: 'leak',
      line: 6,
      column: 18,
      endLine: 6,
      endColumn: 35,
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import * as net from 'node:net';
function describe(socket: net.Socket): string {
  return socket.remoteAddress ?? 'unknown';
}
export function log(port: number): void {
  const socket = net.connect(port);
  try {
    console.log(describe(socket));
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
    // console.log lends it.
    code: `import * as net from 'node:net';
export function log(port: number): void {
  const socket = net.connect(port);
  console.log(socket);
}`,
    errors: [{
      messageId: 'leak',
      line: 3,
      column: 18,
      data: { name: 'socket', ...SOCKET, path: 'when `log()` ends at line 5' },
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import * as net from 'node:net';
export function log(port: number): void {
  const socket = net.connect(port);
  try {
    console.log(socket);
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
    // util.inspect lends it.
    code: `import * as net from 'node:net';
import { inspect } from 'node:util';
export function dump(port: number): string {
  const socket = net.connect(port);
  return inspect(socket);
}`,
    errors: [{
      messageId: 'leak',
      line: 4,
      column: 18,
      data: { name: 'socket', ...SOCKET, path: 'when `dump()` returns at line 5' },
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import * as net from 'node:net';
import { inspect } from 'node:util';
export function dump(port: number): string {
  const socket = net.connect(port);
  try {
    return inspect(socket);
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
    // Handed off on one branch only.
    code: `import * as net from 'node:net';
const registry = new Set<net.Socket>();
export function open(port: number, keep: boolean): void {
  const socket = net.connect(port);
  if (keep) {
    registry.add(socket);
  }
}`,
    errors: [{ messageId: 'leak', line: 4, column: 18, data: { name: 'socket', ...SOCKET, path: 'when `open()` ends at line 8' } }],
    output: null,
  },
  {
    // Returned on one path; the early return drops it.
    code: `import * as net from 'node:net';
export function dial(port: number): net.Socket | null {
  const socket = net.connect(port);
  if (port < 1024) {
    return null;
  }
  return socket;
}`,
    errors: [
      {
        messageId: 'leak',
        line: 3,
        column: 18,
        endLine: 3,
        endColumn: 35,
        data: { name: 'socket', ...SOCKET, path: 'when `dial()` returns at line 5' },
      },
    ],
    output: `import * as net from 'node:net';
export function dial(port: number): net.Socket | null {
  const socket = net.connect(port);
  if (port < 1024) {
    socket.end();
    return null;
  }
  return socket;
}`,
  },
  {
    // A local collection that does not outlive the function is not an owner.
    code: `import * as net from 'node:net';
export function probeAll(ports: number[]): number {
  const batch = new Set<net.Socket>();
  const socket = net.connect(ports[0] ?? 80);
  batch.add(socket);
  return batch.size;
}`,
    errors: [{ messageId: 'leak', line: 4, column: 18, data: { name: 'socket', ...SOCKET, path: 'when `probeAll()` returns at line 6' } }],
    output: null,
  },
  {
    // A callee that hands its parameter straight back neither stores nor releases it.
    code: `import * as net from 'node:net';
function tune(socket: net.Socket): net.Socket {
  socket.setNoDelay(true);
  return socket;
}
export function ping(port: number): void {
  const socket = net.connect(port);
  tune(socket);
  socket.write('ping');
}`,
    errors: [{
      messageId: 'leak',
      line: 7,
      column: 18,
      data: { name: 'socket', ...SOCKET, path: 'when `ping()` ends at line 10' },
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import * as net from 'node:net';
function tune(socket: net.Socket): net.Socket {
  socket.setNoDelay(true);
  return socket;
}
export function ping(port: number): void {
  const socket = net.connect(port);
  try {
    tune(socket);
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
    // Copying it into a local variable is not a hand-off.
    code: `import * as net from 'node:net';
export function ping(port: number): void {
  const socket = net.connect(port);
  let current = socket;
  current.write('ping');
}`,
    errors: [{ messageId: 'leak', line: 3, column: 18, data: { name: 'socket', ...SOCKET, path: 'when `ping()` ends at line 6' } }],
    output: null,
  },
  {
    // Yielded on one path only.
    code: `import * as net from 'node:net';
export function* dialAll(ports: number[]): Generator<net.Socket> {
  for (const port of ports) {
    const socket = net.connect(port);
    if (port > 0) {
      yield socket;
    }
  }
}`,
    errors: [
      {
        messageId: 'leak',
        line: 4,
        column: 20,
        endLine: 4,
        endColumn: 37,
        data: { name: 'socket', ...SOCKET, path: 'when its block ends at line 8' },
      },
    ],
    output: null,
  },
  {
    // Held by a local object that is only logged: the object does not outlive the function.
    code: `import * as net from 'node:net';
export function debug(port: number): void {
  const socket = net.connect(port);
  const entry = { socket, port };
  console.log(entry);
}`,
    errors: [{ messageId: 'leak', line: 3, column: 18, data: { name: 'socket', ...SOCKET, path: 'when `debug()` ends at line 6' } }],
    output: null,
  },
  {
    // Created straight into a local object that never leaves the function.
    code: `import * as net from 'node:net';
export function debug(port: number): number {
  const entry = { socket: net.connect(port), port };
  return entry.port;
}`,
    errors: [{ messageId: 'leak', line: 3, column: 27, endLine: 3, endColumn: 44 }],
    output: null,
  },
];

ruleTester.run('no-leaked-resource (transfer)', rule, { valid: valid.map(inTs), invalid: invalid.map(inTs) });
