// Rule tests for `leaks/no-leaked-listener`: listeners an operation adds to an emitter that outlives it.
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { describe, expect, it } from 'vitest';
import rule, { type MessageIds, type Options } from '../../rules/no-leaked-listener.js';
import { createRuleTester } from '../rule-tester.js';
import { typeErrorsIntroduced } from '../typecheck.js';

const ruleTester = createRuleTester();
const TS = 'file.ts';
const JS = 'script.js';
const CJS = 'file.cjs';

const valid: ValidTestCase<Options>[] = [
  // ---- emitters that do not outlive the operation ----
  {
    name: 'Module scope: the listener lives as long as the module',
    code: `process.on('SIGTERM', () => process.exit(0));`,
  },
  {
    name: 'An emitter the function creates dies with it',
    code: `import { EventEmitter } from 'node:events';
export async function run(work: (e: EventEmitter) => Promise<void>) {
  const events = new EventEmitter();
  events.on('progress', (n: number) => console.log(n));
  await work(events);
}`,
  },
  {
    name: 'A socket the function opens: its listeners go with it',
    code: `import * as net from 'node:net';
export function probe(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port);
    socket.on('connect', () => { socket.destroy(); resolve(true); });
    socket.on('error', () => resolve(false));
  });
}`,
  },
  {
    name: 'A child process spawned by the function',
    code: `import { spawn } from 'node:child_process';
export function run(cmd: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd);
    child.on('error', reject);
    child.on('exit', resolve);
  });
}`,
  },
  {
    name: 'The signal of a controller made here',
    code: `export async function get(url: string) {
  const ac = new AbortController();
  ac.signal.addEventListener('abort', () => console.log('aborted'));
  const timer = setTimeout(() => ac.abort(), 1000);
  try {
    return await fetch(url, { signal: ac.signal });
  } finally {
    clearTimeout(timer);
  }
}`,
  },
  {
    name: "A signal stored in an object literal built here (libp2p's fixed reservation)",
    code: `export class Store {
  private readonly reservations = new Map<string, { signal: AbortSignal }>();
  reserve(peer: string, ttl: number) {
    let reservation = this.reservations.get(peer);
    if (reservation == null) {
      reservation = { signal: AbortSignal.timeout(ttl) };
      reservation.signal.addEventListener('abort', () => { this.reservations.delete(peer); });
    }
    this.reservations.set(peer, reservation);
  }
}`,
  },
  {
    name: "A server's connection handler owns the socket it receives",
    code: `import * as net from 'node:net';
export function start(port: number) {
  const server = net.createServer((socket) => {
    socket.on('data', (chunk) => socket.write(chunk));
  });
  server.listen(port);
  return server;
}`,
  },
  {
    name: "A 'connection' listener's socket arrives with the event",
    code: `import * as net from 'node:net';
export function track(server: net.Server, sockets: Set<net.Socket>) {
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
}`,
  },
  {
    name: 'The response of a request handler dies with its request',
    code: `import type { IncomingMessage, ServerResponse } from 'node:http';
export async function handler(req: IncomingMessage, res: ServerResponse) {
  res.on('close', () => console.log('done', req.url));
  res.end('ok');
}`,
  },
  {
    name: "An incoming request's data listeners die with the request",
    code: `import type { IncomingMessage } from 'node:http';
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.on('data', (chunk: Buffer) => { body += chunk; });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}`,
  },
  {
    name: 'An operation that completes on the stream ending lasts as long as the stream',
    code: `export function finished(stream: NodeJS.ReadableStream): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
}`,
  },
  {
    name: "Completing on 'close' through a callback that resolves",
    code: `import type { ChildProcess } from 'node:child_process';
export function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.on('error', (err) => console.error(err));
    child.on('close', (code) => resolve(code));
  });
}`,
  },
  {
    name: 'A synchronous setup helper that wires a socket it is given (called once per socket)',
    code: `import type * as net from 'node:net';
export function wire(socket: net.Socket, log: (line: string) => void) {
  socket.on('error', (err) => log(err.message));
  socket.on('close', () => log('closed'));
}`,
  },
  {
    name: 'A class subscribing to its own events',
    code: `import { EventEmitter } from 'node:events';
export class Pool extends EventEmitter {
  start() {
    this.on('error', (err: Error) => console.error(err));
  }
}`,
  },
  {
    name: "A constructor adding a listener to the class's own field",
    code: `import { EventEmitter } from 'node:events';
export class Worker {
  private readonly bus: EventEmitter;
  constructor(bus: EventEmitter) {
    this.bus = bus;
    this.bus.on('job', (id: string) => this.run(id));
  }
  run(id: string) { return id; }
}`,
  },
  {
    name: 'A field this method has just set to a new socket',
    code: `import * as net from 'node:net';
export class Client {
  private socket?: net.Socket;
  async connect(port: number) {
    this.socket = net.connect(port);
    this.socket.on('data', (d) => console.log(d.length));
  }
}`,
  },
  {
    name: 'An emitter typed `any` is not known to be an emitter',
    code: `export async function run(bus: any) {
  bus.on('x', () => {});
}`,
  },
  {
    name: "A router's `on(method, path, handler)` is not a listener registration",
    code: `interface Router { on(method: string, path: string, handler: () => void): void }
export async function mount(router: Router) {
  router.on('GET', '/health', () => {});
}`,
  },
  // ---- removed ----
  {
    name: 'Removed in `finally`',
    code: `import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
declare function check(): Promise<boolean>;
export async function ready(onFault: () => void) {
  bus.on('fault', onFault);
  try {
    if (!(await check())) throw new Error('not ready');
  } finally {
    bus.off('fault', onFault);
  }
}`,
  },
  {
    name: 'Removed on every path, the throw included',
    code: `import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
declare function check(): Promise<boolean>;
export async function ready(onFault: () => void) {
  bus.on('fault', onFault);
  if (!(await check())) {
    bus.off('fault', onFault);
    throw new Error('not ready');
  }
  bus.off('fault', onFault);
}`,
  },
  {
    name: 'removeListener counts',
    code: `export async function guarded(work: () => Promise<void>) {
  const onWarning = (w: Error) => console.warn(w);
  process.addListener('warning', onWarning);
  try { await work(); } finally { process.removeListener('warning', onWarning); }
}`,
  },
  {
    name: 'removeAllListeners(event) counts',
    code: `import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
export async function collect(work: () => Promise<void>) {
  bus.on('item', (x: unknown) => console.log(x));
  try { await work(); } finally { bus.removeAllListeners('item'); }
}`,
  },
  {
    name: 'removeEventListener on a signal, in finally',
    code: `export async function* pages(signal: AbortSignal, next: () => Promise<string | undefined>) {
  const onAbort = () => console.log('stopped');
  signal.addEventListener('abort', onAbort);
  try {
    for (let page = await next(); page; page = await next()) yield page;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}`,
  },
  {
    name: 'A `{ signal }` option removes the listener when aborted',
    code: `export async function watch(signal: AbortSignal, work: () => Promise<void>) {
  const ac = new AbortController();
  signal.addEventListener('abort', () => console.log('outer abort'), { signal: ac.signal });
  try { await work(); } finally { ac.abort(); }
}`,
  },
  {
    name: 'A listener that stops work the function starts and leaves running',
    code: `export function tick(signal: AbortSignal, fn: () => void) {
  const t = setInterval(fn, 1000);
  signal.addEventListener('abort', () => clearInterval(t), { once: true });
}`,
  },
  {
    name: 'A listener that closes the server the function leaves listening',
    code: `import * as http from 'node:http';
export function serve(signal: AbortSignal, port: number) {
  const server = http.createServer((req, res) => res.end('ok'));
  server.listen(port);
  signal.addEventListener('abort', () => server.close());
  return server;
}`,
  },
  {
    name: "The promise settles only in listeners that remove it first (moleculer's fixed ping)",
    code: `import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
export function ping(nodeID: string, timeout: number) {
  return new Promise((resolve) => {
    const handler = (pong: { nodeID: string }) => {
      if (pong.nodeID === nodeID) {
        clearTimeout(timer);
        bus.off('pong', handler);
        resolve(pong);
      }
    };
    const timer = setTimeout(() => {
      bus.off('pong', handler);
      resolve(null);
    }, timeout);
    bus.on('pong', handler);
  });
}`,
  },
  {
    name: 'The promise settles after a local remover runs on each path',
    code: `import type { ChildProcess } from 'node:child_process';
export function call(cp: ChildProcess) {
  return new Promise((resolve, reject) => {
    const onMessage = (m: unknown) => { unsubscribe(); resolve(m); };
    const onClose = () => { unsubscribe(); reject(new Error('closed')); };
    const unsubscribe = () => { cp.off('message', onMessage); cp.off('close', onClose); };
    cp.on('message', onMessage);
    cp.on('close', onClose);
  });
}`,
  },
  {
    name: 'Removed after settling, on every path of the settling function',
    code: `import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
export function next(): Promise<unknown> {
  return new Promise((resolve) => {
    const onItem = (item: unknown) => {
      resolve(item);
      bus.off('item', onItem);
    };
    bus.on('item', onItem);
  });
}`,
  },
  {
    name: "A `once` listener that settles the promise is gone when it runs",
    code: `import type * as net from 'node:net';
export function drained(socket: net.Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => { socket.off('drain', onDrain); reject(err); };
    const onDrain = () => { socket.off('error', onError); resolve(); };
    socket.once('drain', onDrain);
    socket.once('error', onError);
  });
}`,
  },
  {
    name: 'A listener that removes itself, outside a promise: judged where it runs',
    code: `import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
export function onFirstReady(fn: () => void) {
  const handler = () => { bus.off('ready', handler); fn(); };
  bus.on('ready', handler);
}`,
  },
  {
    name: 'The listener is kept in a list that a stop() method removes (webpack-dev-server, fixed)',
    code: `export class Server {
  private listeners: { name: NodeJS.Signals; listener: () => void }[] = [];
  initialize() {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const listener = () => { void this.stop(); };
      this.listeners.push({ name: signal, listener });
      process.on(signal, listener);
    }
  }
  async stop() {
    for (const item of this.listeners) process.removeListener(item.name, item.listener);
    this.listeners = [];
  }
}`,
  },
  {
    name: 'The listener is kept in a field of the task that removes it when done (piscina, fixed)',
    code: `interface Task { abortListener: (() => void) | null }
export function run(task: Task, signal: AbortSignal, reject: (e: Error) => void) {
  task.abortListener = () => reject(new Error('aborted'));
  signal.addEventListener('abort', task.abortListener);
}`,
  },
  {
    name: 'A subscription that returns its remover, kept by the caller',
    code: `interface Events { on(event: string, fn: () => void): () => void }
export function follow(events: Events, fn: () => void) {
  const off = events.on('change', fn);
  return off;
}`,
  },
  {
    name: 'A removal that loops over event names removes them all (node-mssql)',
    code: `import type { EventEmitter } from 'node:events';
export function query(connection: EventEmitter, run: (done: () => void) => void): Promise<void> {
  const handlers: Record<string, (...args: unknown[]) => void> = {};
  return new Promise((resolve) => {
    connection.on('error', (handlers.error = (e) => console.error(e)));
    connection.on('info', (handlers.info = (i) => console.log(i)));
    run(() => {
      for (const event in handlers) connection.removeListener(event, handlers[event]!);
      resolve();
    });
  });
}`,
  },
  {
    name: 'A script whose main() registers once, called only from the top level',
    code: `async function main() {
  process.on('SIGINT', () => process.exit(130));
  await new Promise((resolve) => setTimeout(resolve, 10));
}
void main();`,
  },
  {
    name: 'A class built once at the top level of a script',
    code: `class App {
  constructor() {
    process.on('SIGTERM', () => this.shutdown());
  }
  shutdown() { process.exit(0); }
}
new App();`,
  },
  {
    name: "events.once() removes its listener",
    code: `import { once } from 'node:events';
import type * as net from 'node:net';
export async function waitConnect(socket: net.Socket) {
  await once(socket, 'connect');
}`,
  },
  {
    name: 'addAbortListener kept in a `using` declaration',
    code: `import { addAbortListener } from 'node:events';
export async function guard(signal: AbortSignal, work: () => Promise<void>) {
  using _listener = addAbortListener(signal, () => console.log('aborted'));
  await work();
}`,
  },
  {
    name: 'A one-time listener for the event the operation waits for, like events.once()',
    code: `import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
export function whenReady(): Promise<void> {
  return new Promise((resolve) => { bus.once('ready', () => resolve()); });
}`,
  },
  {
    name: 'An async IIFE at the top of a script runs once',
    code: `(async () => {
  process.on('SIGINT', () => process.exit(130));
  await new Promise((resolve) => setTimeout(resolve, 10));
})();
export {};`,
  },
  {
    name: 'A connect callback at the top of a script runs once',
    filename: JS,
    code: `import * as net from 'node:net';
const socket = net.connect(8080, () => {
  socket.on('data', (data) => console.log(data));
});`,
  },
  {
    name: 'A helper that adds and removes is not a registration wrapper',
    code: `function during(signal: AbortSignal, fn: () => void, work: () => void) {
  signal.addEventListener('abort', fn);
  try { work(); } finally { signal.removeEventListener('abort', fn); }
}
export function run(signal: AbortSignal) {
  during(signal, () => console.log('aborted'), () => console.log('working'));
}`,
  },
  {
    name: 'A socket created in a loop and kept in a list: the listeners go with it (tedious)',
    code: `import * as net from 'node:net';
export function connectAll(ports: number[]): Promise<net.Socket> {
  const sockets: net.Socket[] = [];
  return new Promise((resolve, reject) => {
    for (let i = 0; i < ports.length; i++) {
      const socket = (sockets[i] = net.connect(ports[i]!));
      socket.on('error', reject);
      socket.on('connect', () => resolve(socket));
    }
  });
}`,
  },
  {
    name: "A chain of registrations on a stream that the operation reads to its end (minio)",
    code: `import type * as stream from 'node:stream';
export function readAll(res: stream.Readable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const body: Buffer[] = [];
    res
      .on('data', (chunk: Buffer) => body.push(chunk))
      .on('error', (e) => reject(e))
      .on('end', () => resolve(Buffer.concat(body)));
  });
}`,
  },
  {
    name: "The signal's own 'abort' listener may settle: the signal will not fire again",
    code: `export function lookup(host: string, signal: AbortSignal, resolveHost: (h: string, cb: (e: Error | null, a?: string) => void) => void): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort);
    resolveHost(host, (err, address) => {
      signal.removeEventListener('abort', onAbort);
      if (err) reject(err);
      else resolve(address);
    });
  });
}`,
  },
  {
    name: 'An async method that adopts the session it is given',
    code: `import { EventEmitter } from 'node:events';
export class Manager {
  private readonly sessions = new Set<EventEmitter>();
  async register(session: EventEmitter): Promise<void> {
    this.sessions.add(session);
    session.once('disconnected', () => this.sessions.delete(session));
    await Promise.resolve();
  }
}`,
  },
  {
    name: "A callback-style destroy that runs once per stream (ws's createWebSocketStream)",
    code: `import { EventEmitter } from 'node:events';
export function wrap(ws: EventEmitter & { terminate(): void }) {
  return {
    destroy(err: Error | null, callback: (e: Error | null) => void) {
      ws.once('close', () => callback(err));
      ws.terminate();
    },
  };
}`,
  },
  {
    name: "A listener that disposes of the object whose interval the method started (the example project's exporter)",
    code: `export class Exporter {
  #ticker: NodeJS.Timeout | undefined;
  start(intervalMs: number, signal?: AbortSignal): void {
    if (this.#ticker) return;
    this.#ticker = setInterval(() => console.log('tick'), intervalMs);
    signal?.addEventListener('abort', () => this.stop(), { once: true });
  }
  stop(): void {
    clearInterval(this.#ticker);
    this.#ticker = undefined;
  }
}`,
  },
  {
    name: 'Added to a destructured signal, removed through the object it came from',
    code: `declare function doFetch(url: string, signal?: AbortSignal): Promise<string>;
export async function get(url: string, options: { signal?: AbortSignal } = {}): Promise<string> {
  const { signal } = options;
  const ac = new AbortController();
  const onAbort = () => ac.abort();
  signal?.addEventListener('abort', onAbort);
  try {
    return await doFetch(url, ac.signal);
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
}`,
  },
  // ---- from the adversarial review ----
  {
    name: 'Removed with `?.` on an optional signal, on every outcome of the promise',
    code: `export function run(work: () => Promise<string>, signal?: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(new Error('aborted'));
    signal?.addEventListener('abort', onAbort, { once: true });
    work().then(
      (v) => { signal?.removeEventListener('abort', onAbort); resolve(v); },
      (e: unknown) => { signal?.removeEventListener('abort', onAbort); reject(e); },
    );
  });
}`,
  },
  {
    name: 'Removed in `.finally()` on the chain that settles the promise',
    code: `export function run(work: () => Promise<string>, signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(new Error('aborted'));
    signal.addEventListener('abort', onAbort);
    work().then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}`,
  },
  {
    name: 'Removed in a `finally` around the await of the promise (a race helper)',
    code: `export async function raceAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  let onAbort: (() => void) | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        onAbort = () => reject(new Error('aborted'));
        signal.addEventListener('abort', onAbort);
      }),
    ]);
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort);
  }
}`,
  },
  {
    name: "A named 'end' listener that resolves: the operation lasts as long as the stream",
    code: `import type { Readable } from 'node:stream';
export function count(stream: Readable): Promise<number> {
  return new Promise((resolve, reject) => {
    let n = 0;
    const onData = (c: Buffer) => { n += c.length; };
    const onEnd = () => resolve(n);
    stream.on('data', onData);
    stream.on('error', reject);
    stream.on('end', onEnd);
  });
}`,
  },
  {
    name: "An async function that waits for the stream's end",
    code: `import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { Readable } from 'node:stream';
export async function count(stream: Readable): Promise<number> {
  let n = 0;
  stream.on('data', (c: Buffer) => { n += c.length; });
  await once(stream, 'end');
  return n;
}
export async function size(stream: Readable): Promise<number> {
  let n = 0;
  stream.on('data', (c: Buffer) => { n += c.length; });
  await finished(stream);
  return n;
}`,
  },
  {
    name: 'A copy that pipes the source to its end',
    code: `import type { Readable, Writable } from 'node:stream';
export function copy(src: Readable, dst: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    src.on('error', reject);
    dst.on('error', reject);
    dst.on('finish', resolve);
    src.pipe(dst);
  });
}`,
  },
  {
    name: 'A helper taking the emitter and the listener registers for its caller (judged at its calls)',
    code: `import type * as net from 'node:net';
export async function talk(sock: net.Socket, onErr: (e: Error) => void) {
  sock.on('error', onErr);
  await new Promise((r) => setTimeout(r, 10));
}`,
  },
  // ---- look-alikes of the invalid cases ----
  {
    name: 'Signal handlers of a class with no end of life of its own: set up once per process',
    code: `import cluster from 'node:cluster';
export class Runner {
  startWorkers(count: number) {
    cluster.on('exit', (worker, code) => { if (code !== 0) cluster.fork(); });
    for (let i = 0; i < count; i++) cluster.fork();
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.on(signal, () => cluster.disconnect(() => process.exit(0)));
    }
  }
}`,
  },
  {
    name: "A child process's entry point wires the process once",
    code: `export default (send: (msg: unknown) => Promise<void>) => {
  process.on('SIGTERM', () => process.exit(0));
  process.on('uncaughtException', async (err) => {
    await send({ failed: String(err) });
    process.exit(1);
  });
};`,
  },
  {
    name: 'The same event and listener removed: no wrong-event report',
    code: `import type { IncomingMessage, ServerResponse } from 'node:http';
export function toRequest(req: IncomingMessage, res: ServerResponse): AbortSignal {
  const ac = new AbortController();
  const onAbort = () => {
    res.off('close', onAbort);
    req.socket.off('close', onAbort);
    ac.abort();
  };
  res.once('close', onAbort);
  req.socket.once('close', onAbort);
  return ac.signal;
}`,
  },
  {
    name: "A process listener in an exported function that removes it in finally",
    code: `declare function log(e: unknown): void;
export function handle(work: () => void) {
  process.on('uncaughtException', log);
  try { work(); } finally { process.off('uncaughtException', log); }
}`,
  },
  {
    name: 'A JavaScript module whose function creates the emitter it listens to',
    filename: JS,
    code: `import { EventEmitter } from 'node:events';
export function make() {
  const e = new EventEmitter();
  e.on('x', () => {});
  return e;
}`,
  },
  {
    name: 'A CommonJS main script registering once',
    filename: CJS,
    code: `function main() {
  process.on('SIGINT', () => process.exit(130));
}
main();`,
  },
  {
    name: 'An untyped emitter in JavaScript is skipped',
    filename: JS,
    code: `export function handle(bus) {
  return new Promise((resolve) => { bus.on('x', resolve); });
}`,
  },
];

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: 'A keep-alive socket gets one more error listener per call',
    code: `import type * as net from 'node:net';
export function send(sock: net.Socket, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    sock.on('error', reject);
    sock.write(line + '\\n', () => resolve());
  });
}`,
    errors: [
      {
        messageId: 'neverRemoved',
        line: 4,
        column: 5,
        data: { event: "'error'", emitter: 'sock', life: 'it outlives the call', fn: '`send()`' },
      },
    ],
  },
  {
    name: "A caller's AbortSignal keeps a listener per fetch",
    code: `export async function fetchWith(url: string, signal: AbortSignal) {
  const ac = new AbortController();
  signal.addEventListener('abort', () => ac.abort(signal.reason));
  return await (await fetch(url, { signal: ac.signal })).text();
}`,
    errors: [
      {
        messageId: 'neverRemoved',
        line: 3,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestFinally',
            data: { removal: "signal.removeEventListener('abort', onAbort)" },
            output: `export async function fetchWith(url: string, signal: AbortSignal) {
  const ac = new AbortController();
  const onAbort = () => ac.abort(signal.reason);
  signal.addEventListener('abort', onAbort);
  try {
    return await (await fetch(url, { signal: ac.signal })).text();
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: '`{ once: true }` alone does not remove it when the signal is never aborted',
    code: `export async function fetchWith(url: string, signal: AbortSignal) {
  const ac = new AbortController();
  signal.addEventListener('abort', () => ac.abort(), { once: true });
  return await fetch(url, { signal: ac.signal });
}`,
    errors: [
      {
        messageId: 'neverRemoved',
        line: 3,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestFinally',
            data: { removal: "signal.removeEventListener('abort', onAbort)" },
            output: `export async function fetchWith(url: string, signal: AbortSignal) {
  const ac = new AbortController();
  const onAbort = () => ac.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    return await fetch(url, { signal: ac.signal });
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'A module-level bus, removed on the normal path only: the throw leaves it',
    code: `import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
declare function check(): Promise<boolean>;
export async function ready(onFault: () => void) {
  bus.on('fault', onFault);
  if (!(await check())) throw new Error('not ready');
  bus.off('fault', onFault);
}`,
    errors: [
      {
        messageId: 'notRemoved',
        line: 5,
        column: 3,
        data: { event: "'fault'", emitter: 'bus', life: 'it lives as long as the process', path: 'when `ready()` throws at line 6' },
        suggestions: [
          {
            messageId: 'suggestFinally',
            data: { removal: "bus.off('fault', onFault)" },
            output: `import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
declare function check(): Promise<boolean>;
export async function ready(onFault: () => void) {
  bus.on('fault', onFault);
  try {
    if (!(await check())) throw new Error('not ready');
  } finally {
    bus.off('fault', onFault);
  }
}` }] },
    ],
  },
  {
    name: 'An early return skips the removal',
    code: `import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
export async function collect(limit: number, onItem: (x: unknown) => void, more: () => Promise<boolean>) {
  bus.on('item', onItem);
  for (let i = 0; i < limit; i++) {
    if (!(await more())) return;
  }
  bus.off('item', onItem);
}`,
    errors: [
      {
        messageId: 'notRemoved',
        line: 4,
        column: 3,
        data: { event: "'item'", emitter: 'bus', life: 'it lives as long as the process', path: 'when `collect()` returns at line 6' },
        suggestions: [
          {
            messageId: 'suggestFinally',
            data: { removal: "bus.off('item', onItem)" },
            output: `import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
export async function collect(limit: number, onItem: (x: unknown) => void, more: () => Promise<boolean>) {
  bus.on('item', onItem);
  try {
    for (let i = 0; i < limit; i++) {
      if (!(await more())) return;
    }
  } finally {
    bus.off('item', onItem);
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'A process listener per request',
    code: `declare function log(e: unknown): void;
export function handle(work: () => void) { process.on('uncaughtException', log); work(); }`,
    errors: [{ messageId: 'neverRemoved', line: 2, column: 44, data: { event: "'uncaughtException'", emitter: 'process', life: 'it lives as long as the process', fn: '`handle()`' } }],
  },
  {
    name: "A timeout settles the promise without removing the listener (moleculer's ping)",
    code: `import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
export function ping(nodeID: string, timeout: number) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), timeout);
    const handler = (pong: { nodeID: string }) => {
      if (pong.nodeID === nodeID) {
        clearTimeout(timer);
        bus.off('pong', handler);
        resolve(pong);
      }
    };
    bus.on('pong', handler);
  });
}`,
    errors: [{ messageId: 'notRemovedOnSettle', line: 13, column: 5, data: { event: "'pong'", emitter: 'bus', life: 'it lives as long as the process', how: 'resolves', line: 5 } }],
  },
  {
    name: 'A timer passed `resolve` itself settles without removing',
    code: `import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
export function nextOrTimeout(ms: number) {
  return new Promise((resolve) => {
    const onItem = (x: unknown) => { bus.off('item', onItem); resolve(x); };
    bus.on('item', onItem);
    setTimeout(resolve, ms);
  });
}`,
    errors: [{ messageId: 'notRemovedOnSettle', line: 6, column: 5, data: { event: "'item'", emitter: 'bus', life: 'it lives as long as the process', how: 'resolves', line: 7 } }],
  },
  {
    name: 'Removed on one branch only before rejecting',
    code: `import type * as net from 'node:net';
export function request(sock: net.Socket, line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      const text = d.toString();
      if (text.startsWith('ERR')) {
        reject(new Error(text));
        return;
      }
      sock.off('data', onData);
      resolve(text);
    };
    sock.on('data', onData);
    sock.write(line);
  });
}`,
    errors: [{ messageId: 'notRemovedOnSettle', line: 13, column: 5, data: { event: "'data'", emitter: 'sock', life: 'it outlives the call', how: 'rejects', line: 7 } }],
  },
  {
    name: "Removed from 'exit' but added to 'close' (fork-ts-checker's RPC)",
    code: `import type { ChildProcess } from 'node:child_process';
export function call(cp: ChildProcess) {
  return new Promise((resolve, reject) => {
    const onMessage = (m: unknown) => { resolve(m); unsubscribe(); };
    const onClose = () => { reject(new Error('closed')); unsubscribe(); };
    const unsubscribe = () => { cp.off('message', onMessage); cp.off('exit', onClose); };
    cp.on('message', onMessage);
    cp.on('close', onClose);
  });
}`,
    errors: [{ messageId: 'wrongEvent', line: 8, column: 5, data: { event: "'close'", emitter: 'cp', removedEvent: "'exit'", line: 6, fn: '`call()`' } }],
  },
  {
    name: "Removed from 'end' but added to the socket's 'close' (tRPC's adapter)",
    code: `import type { IncomingMessage, ServerResponse } from 'node:http';
export function toRequest(req: IncomingMessage, res: ServerResponse): AbortSignal {
  const ac = new AbortController();
  const onAbort = () => {
    res.off('close', onAbort);
    req.socket?.off?.('end', onAbort);
    ac.abort();
  };
  res.once('close', onAbort);
  req.socket?.once?.('close', onAbort);
  return ac.signal;
}`,
    errors: [{ messageId: 'wrongEvent', line: 10, column: 3, data: { event: "'close'", emitter: 'req.socket', removedEvent: "'end'", line: 6, fn: '`toRequest()`' } }],
  },
  {
    name: 'An async generator listening on the caller\'s signal (libp2p\'s query path)',
    code: `interface Options { signal: AbortSignal; peers: string[] }
export async function* queryPath(options: Options) {
  const { signal, peers } = options;
  const found: string[] = [];
  signal.addEventListener('abort', () => { found.length = 0; });
  for (const peer of peers) yield peer;
}`,
    errors: [
      {
        messageId: 'neverRemoved',
        line: 5,
        column: 3,
        data: { event: "'abort'", emitter: 'signal', life: 'an AbortSignal from outside, which can outlive the call', fn: '`queryPath()`' },
        suggestions: [
          {
            messageId: 'suggestFinally',
            data: { removal: "signal.removeEventListener('abort', onAbort)" },
            output: `interface Options { signal: AbortSignal; peers: string[] }
export async function* queryPath(options: Options) {
  const { signal, peers } = options;
  const found: string[] = [];
  const onAbort = () => { found.length = 0; };
  signal.addEventListener('abort', onAbort);
  try {
    for (const peer of peers) yield peer;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: "A constructor forwarding the caller's signal (ky)",
    code: `export class Request {
  private readonly options: { signal?: AbortSignal; timeout: number };
  readonly controller = new AbortController();
  constructor(options: { signal?: AbortSignal }) {
    this.options = { ...options, timeout: 1000 };
    const originalSignal = this.options.signal;
    originalSignal?.addEventListener('abort', () => {
      this.controller.abort(originalSignal.reason);
    });
  }
}`,
    errors: [{ messageId: 'neverRemoved', line: 7, column: 5, data: { event: "'abort'", emitter: 'originalSignal', life: 'an AbortSignal from outside, which can outlive the call', fn: '`constructor()`' } }],
  },
  {
    name: 'A signal looked up in a map, reused on refresh (libp2p\'s reservation store)',
    code: `export class Store {
  private readonly reservations = new Map<string, { signal: AbortSignal }>();
  reserve(peer: string, ttl: number) {
    let reservation = this.reservations.get(peer);
    if (reservation == null) {
      reservation = { signal: AbortSignal.timeout(ttl) };
    }
    this.reservations.set(peer, reservation);
    reservation.signal.addEventListener('abort', () => { this.reservations.delete(peer); });
  }
}`,
    errors: [{ messageId: 'neverRemoved', line: 9, column: 5, data: { event: "'abort'", emitter: 'reservation.signal', life: 'an AbortSignal from outside, which can outlive the call', fn: '`reserve()`' } }],
  },
  {
    name: 'Signal handlers per instance of an exported class (apollo-server)',
    code: `export class Agent {
  constructor(private readonly flush: () => Promise<void>) {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => { void this.flush(); });
    }
  }
  async stop() {
    await this.flush();
  }
}`,
    errors: [{ messageId: 'neverRemoved', line: 4, column: 7, data: { event: 'signal', emitter: 'process', life: 'it lives as long as the process', fn: '`constructor()`' } }],
  },
  {
    name: 'A helper that registers on a signal, called per task (piscina)',
    code: `function onabort(signal: AbortSignal, listener: () => void) {
  signal.addEventListener('abort', listener, { once: true });
}
export function runTask(task: () => void, signal: AbortSignal | null) {
  if (signal !== null) {
    onabort(signal, () => console.log('aborted'));
  }
  task();
}`,
    errors: [{ messageId: 'neverRemoved', line: 6, column: 5, data: { event: "'abort'", emitter: 'signal', life: 'an AbortSignal from outside, which can outlive the call', fn: '`runTask()`' } }],
  },
  {
    name: 'A borrowed socket in an async method of a class',
    code: `import type * as net from 'node:net';
export class Conn {
  constructor(private readonly socket: net.Socket) {}
  async send(line: string): Promise<void> {
    this.socket.on('error', (err) => console.error(err));
    await new Promise<void>((resolve) => this.socket.write(line, () => resolve()));
  }
}`,
    errors: [{ messageId: 'neverRemoved', line: 5, column: 5, data: { event: "'error'", emitter: 'this.socket', life: 'it outlives the call', fn: '`send()`' }, suggestions: [] }],
  },
  {
    name: 'A field of a parameter, inside an operation',
    code: `import type * as net from 'node:net';
export function send(conn: { socket: net.Socket }, data: string): Promise<void> {
  return new Promise((resolve, reject) => {
    conn.socket.once('error', reject);
    conn.socket.write(data, () => resolve());
  });
}`,
    errors: [{ messageId: 'neverRemoved', line: 4, column: 5, data: { event: "'error'", emitter: 'conn.socket', life: 'it outlives the call', fn: '`send()`' } }],
  },
  {
    name: 'A different listener removed from the same event does not count',
    code: `import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
declare const other: () => void;
export async function run(onTick: () => void, work: () => Promise<void>) {
  bus.on('tick', onTick);
  await work();
  bus.off('tick', other);
}`,
    errors: [
      {
        messageId: 'neverRemoved',
        line: 5,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestFinally',
            data: { removal: "bus.off('tick', onTick)" },
            output: `import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
declare const other: () => void;
export async function run(onTick: () => void, work: () => Promise<void>) {
  bus.on('tick', onTick);
  try {
    await work();
    bus.off('tick', other);
  } finally {
    bus.off('tick', onTick);
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'removeAllListeners on another emitter does not count',
    code: `import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
const other = new EventEmitter();
export async function run(work: () => Promise<void>) {
  bus.on('tick', () => {});
  await work();
  other.removeAllListeners('tick');
}`,
    errors: [
      {
        messageId: 'neverRemoved',
        line: 5,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestFinally',
            data: { removal: "bus.off('tick', onTick)" },
            output: `import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
const other = new EventEmitter();
export async function run(work: () => Promise<void>) {
  const onTick = () => {};
  bus.on('tick', onTick);
  try {
    await work();
    other.removeAllListeners('tick');
  } finally {
    bus.off('tick', onTick);
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'prependListener on process per call',
    code: `export async function run(work: () => Promise<void>) {
  process.prependListener('unhandledRejection', (reason: unknown) => console.error(reason));
  await work();
}`,
    errors: [
      {
        messageId: 'neverRemoved',
        line: 2,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestFinally',
            data: { removal: "process.off('unhandledRejection', onUnhandledRejection)" },
            output: `export async function run(work: () => Promise<void>) {
  const onUnhandledRejection = (reason: unknown) => console.error(reason);
  process.prependListener('unhandledRejection', onUnhandledRejection);
  try {
    await work();
  } finally {
    process.off('unhandledRejection', onUnhandledRejection);
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'prependOnceListener on a module emitter per call',
    code: `import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
export async function next(): Promise<void> {
  bus.prependOnceListener('error', () => console.log('failed'));
}`,
    errors: [{ messageId: 'neverRemoved', line: 4, column: 3 }],
  },
  {
    name: 'addListener on an imported emitter per call',
    code: `import { stdin } from 'node:process';
export async function prompt(): Promise<void> {
  stdin.addListener('data', (d) => console.log(d.toString()));
}`,
    errors: [{ messageId: 'neverRemoved', line: 3, column: 3 }],
  },
  {
    name: 'A JavaScript module: process listener per exported call',
    filename: JS,
    code: `export function handle(work) {
  process.on('uncaughtException', (e) => console.error(e));
  work();
}`,
    errors: [{ messageId: 'neverRemoved', line: 2, column: 3 }],
  },
  {
    name: 'CommonJS: a listener on a module-level emitter per exported call',
    filename: CJS,
    code: `const { EventEmitter } = require('node:events');
const bus = new EventEmitter();
exports.query = function (run) {
  return new Promise((resolve, reject) => {
    bus.on('error', (err) => reject(err));
    run().then(resolve);
  });
};`,
    errors: [{ messageId: 'neverRemoved', line: 5, column: 5 }],
  },
  {
    name: 'JavaScript: a timer settles without removing',
    filename: JS,
    code: `import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
export function ping(timeout) {
  return new Promise((resolve) => {
    const handler = () => { bus.off('pong', handler); resolve(true); };
    setTimeout(() => resolve(false), timeout);
    bus.on('pong', handler);
  });
}`,
    errors: [{ messageId: 'notRemovedOnSettle', line: 7, column: 5 }],
  },
  {
    name: 'A one-time listener for a failure that may never come, per call',
    code: `import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
export function job(run: () => Promise<void>): Promise<void> {
  return new Promise((resolve, reject) => {
    bus.once('error', reject);
    run().then(resolve);
  });
}`,
    errors: [{ messageId: 'neverRemoved', line: 5, column: 5, data: { event: "'error'", emitter: 'bus', life: 'it lives as long as the process', fn: '`job()`' } }],
  },
  {
    name: 'A signal handler per async call',
    code: `export async function task(work: () => Promise<void>) {
  process.once('SIGINT', () => console.log('interrupted'));
  await work();
}`,
    errors: [
      {
        messageId: 'neverRemoved',
        line: 2,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestFinally',
            data: { removal: "process.off('SIGINT', onSIGINT)" },
            output: `export async function task(work: () => Promise<void>) {
  const onSIGINT = () => console.log('interrupted');
  process.once('SIGINT', onSIGINT);
  try {
    await work();
  } finally {
    process.off('SIGINT', onSIGINT);
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'Settled by `.then(resolve, reject)` without removing the listener',
    code: `import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
export function progress(run: () => Promise<void>, onStep: (n: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const step = (n: number) => { if (n === 100) { bus.off('step', step); } onStep(n); };
    bus.on('step', step);
    run().then(resolve, reject);
  });
}`,
    errors: [{ messageId: 'notRemovedOnSettle', line: 6, column: 5, data: { event: "'step'", emitter: 'bus', life: 'it lives as long as the process', how: 'resolves', line: 7 } }],
  },
  {
    name: 'Signal handlers per instance of a class whose stop() forgets them (webpack-dev-server)',
    filename: JS,
    code: `export class Server {
  initialize() {
    for (const signal of ['SIGINT', 'SIGTERM']) {
      process.on(signal, () => { this.stop().then(() => process.exit()); });
    }
  }
  async stop() {}
}`,
    errors: [{ messageId: 'neverRemoved', line: 4, column: 7 }],
  },
  {
    name: "Removed from 'close' but added to a signal's 'abort'",
    code: `export async function guarded(signal: AbortSignal, work: () => Promise<void>) {
  const onAbort = () => console.log('aborted');
  signal.addEventListener('abort', onAbort);
  await work();
  signal.removeEventListener('close', onAbort);
}`,
    errors: [{ messageId: 'wrongEvent', line: 3, column: 3, data: { event: "'abort'", emitter: 'signal', removedEvent: "'close'", line: 5, fn: '`guarded()`' } }],
  },
  {
    name: 'Removed only in `catch`: the normal return keeps it',
    code: `import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
export async function watch(onChange: () => void, load: () => Promise<string>) {
  bus.on('change', onChange);
  try {
    return await load();
  } catch (err) {
    bus.off('change', onChange);
    throw err;
  }
}`,
    errors: [
      {
        messageId: 'notRemoved',
        line: 4,
        column: 3,
        data: { event: "'change'", emitter: 'bus', life: 'it lives as long as the process', path: 'when `watch()` returns at line 6' },
        suggestions: [
          {
            messageId: 'suggestFinally',
            data: { removal: "bus.off('change', onChange)" },
            output: `import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
export async function watch(onChange: () => void, load: () => Promise<string>) {
  bus.on('change', onChange);
  try {
    try {
      return await load();
    } catch (err) {
      bus.off('change', onChange);
      throw err;
    }
  } finally {
    bus.off('change', onChange);
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'An exported async arrow on a module emitter',
    code: `import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
export const collect = async (work: () => Promise<void>): Promise<void> => {
  bus.on('item', (x: unknown) => console.log(x));
  await work();
};`,
    errors: [
      {
        messageId: 'neverRemoved',
        line: 4,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestFinally',
            data: { removal: "bus.off('item', onItem)" },
            output: `import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
export const collect = async (work: () => Promise<void>): Promise<void> => {
  const onItem = (x: unknown) => console.log(x);
  bus.on('item', onItem);
  try {
    await work();
  } finally {
    bus.off('item', onItem);
  }
};`,
          },
        ],
      },
    ],
  },
  {
    name: 'A registration helper written as a const arrow, called per request',
    code: `const onAbort = (signal: AbortSignal, listener: () => void) => signal.addEventListener('abort', listener);
export async function handle(signal: AbortSignal, work: () => Promise<void>) {
  onAbort(signal, () => console.log('aborted'));
  await work();
}`,
    errors: [{ messageId: 'neverRemoved', line: 3, column: 3, suggestions: [] }],
  },
  {
    name: 'A module-level function called in a loop runs more than once',
    code: `import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
async function attach(id: number) {
  bus.on('tick', () => console.log(id));
  await Promise.resolve();
}
for (let i = 0; i < 3; i++) void attach(i);`,
    errors: [
      {
        messageId: 'neverRemoved',
        line: 4,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestFinally',
            data: { removal: "bus.off('tick', onTick)" },
            output: `import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
async function attach(id: number) {
  const onTick = () => console.log(id);
  bus.on('tick', onTick);
  try {
    await Promise.resolve();
  } finally {
    bus.off('tick', onTick);
  }
}
for (let i = 0; i < 3; i++) void attach(i);`,
          },
        ],
      },
    ],
  },
  {
    name: 'A field of this with a removal on the success path only',
    code: `import { EventEmitter } from 'node:events';
export class Client {
  private readonly events = new EventEmitter();
  async request(send: () => Promise<boolean>, onReply: (r: unknown) => void): Promise<void> {
    this.events.on('reply', onReply);
    if (!(await send())) return;
    this.events.off('reply', onReply);
  }
}`,
    errors: [
      {
        messageId: 'notRemoved',
        line: 5,
        column: 5,
        data: { event: "'reply'", emitter: 'this.events', life: 'it outlives the call', path: 'when `request()` returns at line 6' },
        // `this.events` is read again in `finally`: a field may name another emitter by then, so no suggestion.
        suggestions: [],
      },
    ],
  },
  {
    name: "Signal handlers that stop the instance's interval still pile up on `process` (apollo-server's agent)",
    code: `export class Agent {
  private timer: NodeJS.Timeout | undefined;
  constructor(intervalMs: number) {
    this.timer = setInterval(() => console.log('report'), intervalMs);
    process.once('SIGTERM', () => this.stop());
  }
  stop(): void {
    clearInterval(this.timer);
  }
}`,
    errors: [{ messageId: 'neverRemoved', line: 5, column: 5, data: { event: "'SIGTERM'", emitter: 'process', life: 'it lives as long as the process', fn: '`constructor()`' } }],
  },
  {
    name: 'A destructured signal is not the same as the field of another object',
    code: `declare function doFetch(url: string, signal?: AbortSignal): Promise<string>;
export async function get(url: string, options: { signal?: AbortSignal }, other: { signal?: AbortSignal }): Promise<string> {
  const { signal } = options;
  const onAbort = () => console.log('aborted');
  signal?.addEventListener('abort', onAbort);
  try {
    return await doFetch(url);
  } finally {
    other.signal?.removeEventListener('abort', onAbort);
  }
}`,
    errors: [{ messageId: 'neverRemoved', line: 5, column: 3, suggestions: [{ messageId: 'suggestFinally', data: { removal: "signal?.removeEventListener('abort', onAbort)" }, output: `declare function doFetch(url: string, signal?: AbortSignal): Promise<string>;
export async function get(url: string, options: { signal?: AbortSignal }, other: { signal?: AbortSignal }): Promise<string> {
  const { signal } = options;
  const onAbort = () => console.log('aborted');
  signal?.addEventListener('abort', onAbort);
  try {
    try {
      return await doFetch(url);
    } finally {
      other.signal?.removeEventListener('abort', onAbort);
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'A listener that disposes of the object, in a method that started nothing of its own',
    code: `export class Fetcher {
  #controller = new AbortController();
  load(url: string, signal: AbortSignal): void {
    signal.addEventListener('abort', () => this.close());
    void fetch(url, { signal: this.#controller.signal });
  }
  close(): void { this.#controller.abort(); }
}`,
    errors: [{ messageId: 'neverRemoved', line: 4, column: 5, data: { event: "'abort'", emitter: 'signal', life: 'an AbortSignal from outside, which can outlive the call', fn: '`load()`' } }],
  },
  // ---- from the adversarial review ----
  {
    name: 'A same-named removal in another function does not remove this one',
    code: `declare function work(signal: AbortSignal): Promise<string>;
export async function leaky(signal: AbortSignal): Promise<string> {
  const ac = new AbortController();
  const onAbort = () => ac.abort();
  signal.addEventListener('abort', onAbort);
  return await work(ac.signal);
}
export async function careful(signal: AbortSignal): Promise<string> {
  const ac = new AbortController();
  const onAbort = () => ac.abort();
  signal.addEventListener('abort', onAbort);
  try {
    return await work(ac.signal);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}`,
    errors: [
      {
        messageId: 'neverRemoved',
        line: 5,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestFinally',
            data: { removal: "signal.removeEventListener('abort', onAbort)" },
            output: `declare function work(signal: AbortSignal): Promise<string>;
export async function leaky(signal: AbortSignal): Promise<string> {
  const ac = new AbortController();
  const onAbort = () => ac.abort();
  signal.addEventListener('abort', onAbort);
  try {
    return await work(ac.signal);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
export async function careful(signal: AbortSignal): Promise<string> {
  const ac = new AbortController();
  const onAbort = () => ac.abort();
  signal.addEventListener('abort', onAbort);
  try {
    return await work(ac.signal);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'An abortable sleep: the timeout ends by itself, the abort listener stays on the signal',
    code: `export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => { clearTimeout(t); reject(new Error('aborted')); });
  });
}`,
    errors: [{ messageId: 'neverRemoved', line: 4, column: 5 }],
  },
  {
    name: 'A SIGINT listener per run that kills a child the run waits for',
    code: `import { spawn } from 'node:child_process';
export function run(cmd: string): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(cmd);
    process.on('SIGINT', () => child.kill());
    child.on('close', resolve);
  });
}`,
    errors: [{ messageId: 'neverRemoved', line: 5, column: 5 }],
  },
  {
    name: "Settled by another emitter's listener without removing (`sock.once('close', reject)`)",
    code: `import { EventEmitter } from 'node:events';
import type * as net from 'node:net';
const bus = new EventEmitter();
export function ping(sock: net.Socket, id: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const handler = (pong: { id: string }) => {
      if (pong.id !== id) return;
      bus.off('pong', handler);
      resolve(pong);
    };
    bus.on('pong', handler);
    sock.once('close', reject);
  });
}`,
    errors: [
      { messageId: 'notRemovedOnSettle', line: 11, column: 5, data: { event: "'pong'", emitter: 'bus', life: 'it lives as long as the process', how: 'rejects', line: 12 } },
      { messageId: 'neverRemoved', line: 12, column: 5 },
    ],
  },
  {
    name: 'A chained registration gets no suggestion (the removal would have to name the chain root)',
    code: `import type * as net from 'node:net';
export async function talk(sock: net.Socket) {
  sock.on('error', (e: Error) => console.error(e)).on('data', (d: Buffer) => console.log(d.length));
  await new Promise((r) => setTimeout(r, 10));
}`,
    errors: [
      { messageId: 'neverRemoved', line: 3, column: 3, data: { event: "'error'", emitter: 'sock', life: 'it outlives the call', fn: '`talk()`' }, suggestions: [] },
      { messageId: 'neverRemoved', line: 3, column: 3, data: { event: "'data'", emitter: 'sock', life: 'it outlives the call', fn: '`talk()`' }, suggestions: [] },
    ],
  },
  {
    name: 'An emitter reached through a call gets no suggestion (`finally` could reach another one)',
    code: `import type * as net from 'node:net';
const conns = new Map<string, net.Socket>();
export async function serve(id: string, work: () => Promise<void>) {
  const onErr = (e: Error) => console.error(e);
  conns.get(id)!.on('error', onErr);
  await work();
  conns.delete(id);
}`,
    errors: [{ messageId: 'neverRemoved', line: 5, column: 3, suggestions: [] }],
  },
  {
    name: 'A returned value that is not a promise gets no `await` in the suggestion',
    code: `import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
export async function count(work: () => Promise<number>): Promise<number> {
  const onTick = () => console.log('tick');
  bus.on('tick', onTick);
  const n = await work();
  return n + 1;
}`,
    errors: [
      {
        messageId: 'neverRemoved',
        line: 5,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestFinally',
            data: { removal: "bus.off('tick', onTick)" },
            output: `import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
export async function count(work: () => Promise<number>): Promise<number> {
  const onTick = () => console.log('tick');
  bus.on('tick', onTick);
  try {
    const n = await work();
    return n + 1;
  } finally {
    bus.off('tick', onTick);
  }
}`,
          },
        ],
      },
    ],
  },
];

ruleTester.run('no-leaked-listener', rule, {
  valid: valid.map((test) => ({ filename: TS, ...test })),
  invalid: invalid.map((test) => ({ filename: TS, ...test })),
});

/** Every suggestion of every invalid case above, with the code it edits, so a new case is type-checked without more work. */
const suggestionEdits = invalid.flatMap((test) =>
  test.errors.flatMap((error, index) =>
    (Array.isArray(error.suggestions) ? error.suggestions : []).map((suggestion) => ({
      label: `${test.name ?? test.code.slice(0, 40)} — error ${index + 1}, ${suggestion.messageId}`,
      fileName: test.filename ?? TS,
      original: test.code,
      output: suggestion.output,
    })),
  ),
);

describe('no-leaked-listener suggestions type-check', () => {
  it('covers the suggestions of the cases above', () => {
    expect(suggestionEdits.length).toBeGreaterThanOrEqual(8);
  });
  for (const edit of suggestionEdits) {
    it(edit.label, () => {
      expect(typeErrorsIntroduced('export {};\n', edit.original, edit.fileName), 'the case itself type-checks').toEqual([]);
      expect(typeErrorsIntroduced(edit.original, edit.output, edit.fileName)).toEqual([]);
    });
  }
});
