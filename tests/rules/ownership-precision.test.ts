// The ownership model's precision rules, each kept as the reduced shape of false reports on real code (the
// tests/realworld ledger; letters are the shapes of the precision issue): a resource's own release methods release it
// (A), an exception path needs a throw point that can throw (G), and a call returning its argument extended creates
// nothing, nor does anything outlive process.exit() (L). (Shape E, overwrites, lives in no-unreleased-field.overwrite.test.ts.) Each shape is silent; each
// look-alike that really leaks still reports.
import noLeakedResource from '../../rules/no-leaked-resource.js';
import noLeakedTimer from '../../rules/no-leaked-timer.js';
import noUnconsumedBody from '../../rules/no-unconsumed-body.js';
import noUnreleasedField from '../../rules/no-unreleased-field.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

/** A cursor that is only Disposable (no catalog entry) and has close(), as MongoDB's and TypeORM's are (declared, as in a `.d.ts`). */
const CURSOR = `declare class Cursor implements AsyncDisposable {
  next(): Promise<number>;
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}`;

/** A query runner that is only Disposable and is released with release() (TypeORM's QueryRunner). */
const RUNNER = `declare class QueryRunner implements AsyncDisposable {
  query(sql: string): Promise<unknown[]>;
  release(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}
declare const dataSource: { createQueryRunner(): QueryRunner };`;

const DISPOSABLE = { resource: 'Disposable', released: 'disposed', advice: 'Declare it with `using` (or `await using`), or dispose it on every path.' };

ruleTester.run('no-leaked-resource: a resource type\'s own release methods (shape A)', noLeakedResource, {
  valid: [
    {
      name: 'A Disposable cursor closed with its own close()',
      code: `${CURSOR}
export async function first(): Promise<number> {
  const cursor = new Cursor();
  const r = await cursor.next();
  await cursor.close();
  return r;
}`,
    },
    {
      name: 'A Disposable query runner released with release() in finally (TypeORM)',
      code: `${RUNNER}
export async function version(): Promise<unknown[]> {
  const queryRunner = dataSource.createQueryRunner();
  try {
    return await queryRunner.query('SELECT version()');
  } finally {
    await queryRunner.release();
  }
}`,
    },
    {
      name: 'A DisposableStack disposed with dispose()',
      code: `export function collect(handles: Disposable[]): number {
  const stack = new DisposableStack();
  for (const handle of handles) stack.use(handle);
  const count = handles.length;
  stack.dispose();
  return count;
}`,
    },
    {
      name: 'A compound of a release verb: closeAll()',
      code: `declare class Mux implements Disposable {
  closeAll(): void;
  [Symbol.dispose](): void;
}
export function run(): void {
  const mux = new Mux();
  mux.closeAll();
}`,
    },
    {
      name: 'Disposed through a constant that holds Symbol.dispose (puppeteer\'s disposeSymbol)',
      code: `const disposeSymbol: typeof Symbol.dispose = Symbol.dispose;
declare class Handle implements Disposable {
  [disposeSymbol](): void;
}
export function touch(): void {
  const handle = new Handle();
  handle[disposeSymbol]();
}`,
    },
  ],
  invalid: [
    {
      name: 'The same cursor, with a method that only reads it: still a leak',
      code: `${CURSOR}
export async function first(): Promise<number> {
  const cursor = new Cursor();
  const r = await cursor.next();
  return r;
}`,
      output: `${CURSOR}
export async function first(): Promise<number> {
  await using cursor = new Cursor();
  const r = await cursor.next();
  return r;
}`,
      options: [{ fixStyle: 'using' }],
      errors: [{ messageId: 'leak', line: 7, column: 18, data: { name: 'cursor', ...DISPOSABLE, path: 'when `first()` returns at line 9' } }],
    },
    {
      name: 'A release-like word that is not a release verb compound (endsWith) does not release',
      code: `declare class Tail implements Disposable {
  endsWith(suffix: string): boolean;
  [Symbol.dispose](): void;
}
export function check(): boolean {
  const tail = new Tail();
  return tail.endsWith('x');
}`,
      output: `declare class Tail implements Disposable {
  endsWith(suffix: string): boolean;
  [Symbol.dispose](): void;
}
export function check(): boolean {
  using tail = new Tail();
  return tail.endsWith('x');
}`,
      options: [{ fixStyle: 'using' }],
      errors: [{ messageId: 'leak', line: 6, column: 16, data: { name: 'tail', ...DISPOSABLE, path: 'when `check()` returns at line 7' } }],
    },
  ],
});

ruleTester.run('no-unreleased-field: a field released by its own release methods (shape A)', noUnreleasedField, {
  valid: [
    {
      name: 'A Disposable field closed by close()',
      code: `${CURSOR}
export class Reader {
  private cursor: Cursor | undefined = new Cursor();
  async close(): Promise<void> {
    await this.cursor?.close();
  }
}`,
    },
    {
      name: 'A DisposableStack field disposed in [Symbol.dispose]() through dispose()',
      code: `export class Page implements Disposable {
  readonly #disposables = new DisposableStack();
  [Symbol.dispose](): void {
    this.#disposables.dispose();
  }
}`,
    },
    {
      name: 'A field disposed through a constant that holds Symbol.dispose',
      code: `const disposeSymbol: typeof Symbol.dispose = Symbol.dispose;
declare class Session implements Disposable {
  [disposeSymbol](): void;
}
export class Browser {
  readonly #session = new Session();
  close(): void {
    this.#session[disposeSymbol]();
  }
}`,
    },
  ],
  invalid: [],
});

const CHECK = [{ checkExceptionPaths: true }] as const;
const SOCKET = { resource: 'net.Socket', released: 'destroyed', remedy: 'Release it in a `finally` block.' };
const SOCKET_ADVICE = 'End or destroy it on every path, or hand it to an owner.';

/** A socket written to, then ended; `between` runs in between (the exception tier's throw point, if it can throw). */
const sendWith = (helpers: string, between: string): string => `import * as net from 'node:net';
import { EventEmitter } from 'node:events';
${helpers}
export async function send(port: number, bus: EventEmitter): Promise<void> {
  const socket = net.connect(port);
  ${between}
  await new Promise<void>((resolve) => socket.end(resolve));
}`;

/** An in-memory emitter that is Disposable for `using`-scoped subscriptions (puppeteer's EventEmitter). */
const EMITTER = `import { EventEmitter as NodeEmitter } from 'node:events';
class Emitter implements Disposable {
  readonly #handlers = new Map<string, Array<() => void>>();
  constructor(private readonly source: NodeEmitter = new NodeEmitter()) {}
  on(type: string, handler: () => void): this { this.#handlers.set(type, [...(this.#handlers.get(type) ?? []), handler]); this.source.on(type, handler); return this; }
  [Symbol.dispose](): void { for (const [type, hs] of this.#handlers) for (const h of hs) this.source.off(type, h); this.#handlers.clear(); }
}`;

ruleTester.run('no-leaked-resource: a class of the program is a resource only when its disposal releases one', noLeakedResource, {
  valid: [
    {
      name: 'An in-memory emitter whose disposal only removes its listeners',
      code: `${EMITTER}
export function watch(source: NodeEmitter): Emitter {
  const wrapper = new Emitter(source);
  wrapper.on('data', () => console.log('data'));
  console.log('watching');
  return wrapper;
}
export function local(): void {
  const scratch = new Emitter();
  scratch.on('x', () => undefined);
}`,
    },
    {
      name: 'A runner whose release() only sets a flag (the connection is per query, pooled elsewhere)',
      code: `class Runner implements AsyncDisposable {
  released = false;
  async query(sql: string): Promise<string> { return sql; }
  async release(): Promise<void> { this.released = true; }
  async [Symbol.asyncDispose](): Promise<void> { await this.release(); }
}
export async function version(): Promise<string> {
  const runner = new Runner();
  const v = await runner.query('SELECT version()');
  if (!v) throw new Error('no version');
  return v;
}`,
    },
    {
      name: 'Disposal that passes an owning object to a function that only checks it (an imported assert)',
      code: `import * as net from 'node:net';
import { check } from './helpers';
class Connection implements Disposable {
  readonly #socket = net.connect(80);
  [Symbol.dispose](): void { this.#socket.destroy(); }
}
class Page implements Disposable {
  constructor(private readonly connection: Connection | undefined) {}
  [Symbol.dispose](): void {
    check(this.connection, 'Connection closed');
    console.log('page closed');
  }
}
export function open(connection: Connection): string {
  const page = new Page(connection);
  return String(page);
}`,
    },
    {
      name: 'Disposal that emits, disposes an in-memory child and a DisposableStack of in-memory wrappers',
      code: `${EMITTER}
class Context implements Disposable {
  readonly #disposables = new DisposableStack();
  readonly child = new Emitter();
  constructor(parent: NodeEmitter) {
    const wrapped = this.#disposables.use(new Emitter(parent));
    wrapped.on('closed', () => this[Symbol.dispose]());
  }
  [Symbol.dispose](): void {
    this.child[Symbol.dispose]();
    this.#disposables.dispose();
  }
}
export function open(parent: NodeEmitter): string {
  const context = new Context(parent);
  return String(context.child);
}`,
    },
  ],
  invalid: [
    {
      name: 'A class that clears a timer it owns is a resource',
      code: `class Ticker implements Disposable {
  readonly #timer = setInterval(() => console.log('tick'), 1000);
  [Symbol.dispose](): void { clearInterval(this.#timer); }
}
export function tick(): void {
  const ticker = new Ticker();
  console.log(ticker);
}`,
      output: `class Ticker implements Disposable {
  readonly #timer = setInterval(() => console.log('tick'), 1000);
  [Symbol.dispose](): void { clearInterval(this.#timer); }
}
export function tick(): void {
  using ticker = new Ticker();
  console.log(ticker);
}`,
      options: [{ fixStyle: 'using' }],
      errors: [{ messageId: 'leak', line: 6, column: 18, data: { name: 'ticker', ...DISPOSABLE, path: 'when `tick()` ends at line 8' } }],
    },
    {
      name: 'Through a private method it calls on this: a socket destroyed',
      code: `import * as net from 'node:net';
class Conn implements Disposable {
  readonly #socket = net.connect(80);
  #shutdown(): void { this.#socket.destroy(); }
  [Symbol.dispose](): void { this.#shutdown(); }
}
export function ping(): void {
  const conn = new Conn();
  console.log(conn);
}`,
      output: `import * as net from 'node:net';
class Conn implements Disposable {
  readonly #socket = net.connect(80);
  #shutdown(): void { this.#socket.destroy(); }
  [Symbol.dispose](): void { this.#shutdown(); }
}
export function ping(): void {
  using conn = new Conn();
  console.log(conn);
}`,
      options: [{ fixStyle: 'using' }],
      errors: [{ messageId: 'leak', line: 8, column: 16, data: { name: 'conn', ...DISPOSABLE, path: 'when `ping()` ends at line 10' } }],
    },
    {
      name: 'Disposal that hands its socket to a helper that destroys it',
      code: `import * as net from 'node:net';
import { closeSocket } from './helpers';
class Conn implements Disposable {
  readonly #socket = net.connect(80);
  [Symbol.dispose](): void { closeSocket(this.#socket); }
}
export function ping(): void {
  const conn = new Conn();
  console.log(conn);
}`,
      output: `import * as net from 'node:net';
import { closeSocket } from './helpers';
class Conn implements Disposable {
  readonly #socket = net.connect(80);
  [Symbol.dispose](): void { closeSocket(this.#socket); }
}
export function ping(): void {
  using conn = new Conn();
  console.log(conn);
}`,
      options: [{ fixStyle: 'using' }],
      errors: [{ messageId: 'leak', line: 8, column: 16, data: { name: 'conn', ...DISPOSABLE, path: 'when `ping()` ends at line 10' } }],
    },
    {
      name: 'Closing a transport typed by an interface: the implementation may hold anything',
      code: `interface Transport { send(message: string): void; close(): void }
class Connection implements Disposable {
  constructor(private readonly transport: Transport) {}
  [Symbol.dispose](): void { this.transport.close(); }
}
export function hello(transport: Transport): void {
  const connection = new Connection(transport);
  console.log(connection);
}`,
      output: `interface Transport { send(message: string): void; close(): void }
class Connection implements Disposable {
  constructor(private readonly transport: Transport) {}
  [Symbol.dispose](): void { this.transport.close(); }
}
export function hello(transport: Transport): void {
  using connection = new Connection(transport);
  console.log(connection);
}`,
      options: [{ fixStyle: 'using' }],
      errors: [{ messageId: 'leak', line: 7, column: 22, data: { name: 'connection', ...DISPOSABLE, path: 'when `hello()` ends at line 9' } }],
    },
    {
      name: 'A close callback the class was given is code the analysis cannot see',
      code: `class Browser implements Disposable {
  constructor(private readonly closeCallback: () => void) {}
  [Symbol.dispose](): void { this.closeCallback.call(null); }
}
export function launch(kill: () => void): void {
  const browser = new Browser(kill);
  console.log(browser);
}`,
      options: [{ fixStyle: 'using' }],
      errors: [
        {
          messageId: 'leak',
          line: 6,
          column: 19,
          data: { name: 'browser', ...DISPOSABLE, path: 'when `launch()` ends at line 8' },
          suggestions: [
            {
              messageId: 'suggestUsing',
              output: `class Browser implements Disposable {
  constructor(private readonly closeCallback: () => void) {}
  [Symbol.dispose](): void { this.closeCallback.call(null); }
}
export function launch(kill: () => void): void {
  using browser = new Browser(kill);
  console.log(browser);
}`,
            },
            {
              messageId: 'suggestFinally',
              output: `class Browser implements Disposable {
  constructor(private readonly closeCallback: () => void) {}
  [Symbol.dispose](): void { this.closeCallback.call(null); }
}
export function launch(kill: () => void): void {
  const browser = new Browser(kill);
  try {
    console.log(browser);
  } finally {
    browser[Symbol.dispose]();
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'A DisposableStack field that holds a socket',
      code: `import * as net from 'node:net';
class Session implements Disposable {
  readonly #disposables = new DisposableStack();
  constructor(port: number) { this.#disposables.adopt(net.connect(port), (s) => s.destroy()); }
  [Symbol.dispose](): void { this.#disposables.dispose(); }
}
export function open(port: number): void {
  const session = new Session(port);
  console.log(session);
}`,
      output: `import * as net from 'node:net';
class Session implements Disposable {
  readonly #disposables = new DisposableStack();
  constructor(port: number) { this.#disposables.adopt(net.connect(port), (s) => s.destroy()); }
  [Symbol.dispose](): void { this.#disposables.dispose(); }
}
export function open(port: number): void {
  using session = new Session(port);
  console.log(session);
}`,
      options: [{ fixStyle: 'using' }],
      errors: [{ messageId: 'leak', line: 8, column: 19, data: { name: 'session', ...DISPOSABLE, path: 'when `open()` ends at line 10' } }],
    },
    {
      name: 'A stack of disposables written in the program (a polyfill) holds whatever it is given',
      code: `class Stack implements Disposable {
  readonly #items: Disposable[] = [];
  use<T extends Disposable>(value: T): T { this.#items.push(value); return value; }
  [Symbol.dispose](): void { for (const item of this.#items.reverse()) item[Symbol.dispose](); }
}
export function run(handles: Disposable[]): number {
  const stack = new Stack();
  for (const handle of handles) stack.use(handle);
  return handles.length;
}`,
      output: `class Stack implements Disposable {
  readonly #items: Disposable[] = [];
  use<T extends Disposable>(value: T): T { this.#items.push(value); return value; }
  [Symbol.dispose](): void { for (const item of this.#items.reverse()) item[Symbol.dispose](); }
}
export function run(handles: Disposable[]): number {
  using stack = new Stack();
  for (const handle of handles) stack.use(handle);
  return handles.length;
}`,
      options: [{ fixStyle: 'using' }],
      errors: [{ messageId: 'leak', line: 7, column: 17, data: { name: 'stack', ...DISPOSABLE, path: 'when `run()` returns at line 9' } }],
    },
    {
      name: 'A release method passed on rather than called (promisify(conn.disconnect)) on an untyped connection',
      code: `import { promisify } from 'node:util';
class Runner implements AsyncDisposable {
  constructor(private readonly connection: any) {}
  async [Symbol.asyncDispose](): Promise<void> { await promisify(this.connection.disconnect).call(this.connection); }
}
export async function run(connection: unknown): Promise<void> {
  const runner = new Runner(connection);
  console.log(runner);
}`,
      output: `import { promisify } from 'node:util';
class Runner implements AsyncDisposable {
  constructor(private readonly connection: any) {}
  async [Symbol.asyncDispose](): Promise<void> { await promisify(this.connection.disconnect).call(this.connection); }
}
export async function run(connection: unknown): Promise<void> {
  await using runner = new Runner(connection);
  console.log(runner);
}`,
      options: [{ fixStyle: 'using' }],
      errors: [{ messageId: 'leak', line: 7, column: 18, data: { name: 'runner', ...DISPOSABLE, path: 'when `run()` ends at line 9' } }],
    },
  ],
});

ruleTester.run('no-unreleased-field: a field holding an in-memory class of the program needs no release', noUnreleasedField, {
  valid: [
    {
      name: 'Children in a map that only hold listeners, and a navigation object replaced per navigation',
      code: `${EMITTER}
export class Tree implements Disposable {
  readonly #children = new Map<string, Emitter>();
  #current?: Emitter;
  add(id: string, parent: NodeEmitter): void { this.#children.set(id, new Emitter(parent)); }
  navigate(): void { this.#current = new Emitter(); }
  [Symbol.dispose](): void { this.#children.clear(); }
}`,
    },
  ],
  invalid: [
    {
      name: 'A field holding a class that owns a timer, never disposed',
      code: `class Ticker implements Disposable {
  readonly #timer = setInterval(() => console.log('tick'), 1000);
  [Symbol.dispose](): void { clearInterval(this.#timer); }
}
export class Clock implements Disposable {
  readonly ticker = new Ticker();
  [Symbol.dispose](): void {
    console.log('bye');
  }
}`,
      output: `class Ticker implements Disposable {
  readonly #timer = setInterval(() => console.log('tick'), 1000);
  [Symbol.dispose](): void { clearInterval(this.#timer); }
}
export class Clock implements Disposable {
  readonly ticker = new Ticker();
  [Symbol.dispose](): void {
    console.log('bye');
    this.ticker[Symbol.dispose]();
  }
}`,
      errors: [{ messageId: 'notReleased', line: 6, column: 21 }],
    },
  ],
});

ruleTester.run('no-leaked-resource: an exception path needs a throw point that can throw (shape G)', noLeakedResource, {
  valid: [
    {
      name: 'A `for await` over an array of plain values has nothing that can reject',
      code: `import * as net from 'node:net';
export async function send(port: number, lines: string[]): Promise<void> {
  try {
    const socket = net.connect(port);
    for await (const line of lines) socket.write(line);
    socket.end();
  } catch (error) {
    console.error(error);
  }
}`,
    },
    {
      name: 'A `for await` over the resource itself is no rejection that leaves it held: an erroring stream is destroyed',
      code: `import { createReadStream } from 'node:fs';
export async function size(path: string): Promise<number> {
  try {
    const stream = createReadStream(path);
    let n = 0;
    for await (const chunk of stream) n += (chunk as Buffer).length;
    return n;
  } catch {
    return -1;
  }
}`,
    },
    {
      name: 'Scheduling a timer, and a call on an untyped value, are no throw points (node-red)',
      options: [{ checkExceptionPaths: true }],
      filename: 'script.js',
      code: `const { spawn } = require('node:child_process');
function run(node, cmd) {
  const child = spawn(cmd, []);
  node.status({ text: 'pid:' + child.pid });
  const timer = setTimeout(() => child.kill(), 1000);
  child.on('exit', () => clearTimeout(timer));
  return child;
}
module.exports = { run };`,
    },
    {
      name: 'A string method of the standard library reads a value: no throw point',
      options: [{ checkExceptionPaths: true }],
      code: `import * as fs from 'node:fs';
export function open(file: string): { stream: fs.WriteStream; major: string | undefined } {
  const stream = fs.createWriteStream(file);
  const major = process.versions.node.split('.')[0];
  return { stream, major };
}`,
    },
    {
      name: 'Building an in-memory stream (a zlib transform, a PassThrough) as an argument of the pipeline that releases the file stream (socket.io)',
      options: [{ checkExceptionPaths: true }],
      code: `import { createReadStream } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { PassThrough, pipeline } from 'node:stream';
import { createGzip } from 'node:zlib';
export function send(file: string, res: ServerResponse, gzip: boolean): void {
  const stream = createReadStream(file);
  if (gzip) pipeline(stream, createGzip(), res, () => {});
  else pipeline(stream, new PassThrough(), res, () => {});
}`,
    },
    {
      name: 'Opening a second socket or file stream is no throw point for the first: failures arrive as \'error\' events',
      options: [{ checkExceptionPaths: true }],
      code: `import * as fs from 'node:fs';
import * as net from 'node:net';
export function pair(a: number, b: number): [net.Socket, net.Socket] {
  const first = net.connect(a);
  const second = net.connect(b);
  return [first, second];
}
export function tee(from: string, to: string): [fs.ReadStream, fs.WriteStream] {
  const source = fs.createReadStream(from);
  const sink = fs.createWriteStream(to);
  return [source, sink];
}`,
    },
    {
      name: 'Sockets in object literals pushed into a local list that a constructor takes (shape J), keyed with String()',
      options: [{ checkExceptionPaths: true }],
      code: `import * as net from 'node:net';
declare class Pool {
  constructor(entries: { socket: net.Socket; key: string }[]);
}
export function make(ports: number[]): Pool {
  const entries: { socket: net.Socket; key: string }[] = [];
  for (const port of ports) entries.push({ socket: net.connect(port), key: String(port) });
  return new Pool(entries);
}`,
    },
    {
      name: 'Binding a method, binding a UDP socket, and awaiting a kept promise that never rejects are no throw points',
      options: [{ checkExceptionPaths: true }],
      code: `import type { ChildProcess } from 'node:child_process';
import * as dgram from 'node:dgram';
import * as net from 'node:net';
function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
  });
}
export class Broadcaster {
  onMessage(message: Buffer): void {
    console.log(message.length);
  }
  start(port: number): dgram.Socket {
    const server = dgram.createSocket('udp4');
    server.on('message', this.onMessage.bind(this));
    server.bind(port);
    return server;
  }
}
export async function stop(child: ChildProcess, port: number): Promise<net.Socket> {
  const done = exited(child);
  const socket = net.connect(port);
  await done;
  return socket;
}`,
    },
    {
      name: 'Acquired inside a try whose catch releases it',
      options: [{ checkExceptionPaths: true }],
      code: `import * as net from 'node:net';
declare function pop(): Promise<number>;
export async function released(port: number): Promise<number> {
  let socket: net.Socket | undefined;
  try {
    socket = net.connect(port);
    const result = await pop();
    socket.end();
    return result;
  } catch (error) {
    socket?.destroy();
    return 0;
  }
}`,
    },
    {
      name: 'A server holds nothing until it listens, and listening hands it to the event loop',
      options: [{ checkExceptionPaths: true }],
      code: `import * as net from 'node:net';
declare function listenPath(): string;
export function serve(): Promise<{ close(): void }> {
  return new Promise((resolve, reject) => {
    const server = net.createServer((connection) => connection.end('bye'));
    server.on('error', reject);
    const where = listenPath();
    server.listen(where, () => resolve({ close: () => server.close() }));
  });
}`,
    },
    {
      name: 'A helper that only captures a stack trace cannot throw (mysql2 captureStackHolder)',
      options: [{ checkExceptionPaths: true }],
      code: `import * as net from 'node:net';
function captureStackHolder(fn: Function): { stack?: string } {
  const holder = {};
  Error.captureStackTrace(holder, fn);
  return holder;
}
export function connect(port: number): { socket: net.Socket; holder: { stack?: string } } {
  const socket = net.connect(port);
  const holder = captureStackHolder(connect);
  return { socket, holder };
}`,
    },
    {
      name: 'A function of the program that only builds a promise (promiseWithResolvers)',
      options: CHECK,
      code: sendWith(
        `function promiseWithResolvers<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}`,
        `const { promise } = promiseWithResolvers<void>();
  console.log(promise);`,
      ),
    },
    {
      name: 'Asking an emitter for its listener count',
      options: CHECK,
      code: sendWith('', `if (bus.listenerCount('data') === 0) console.log('nobody listens');`),
    },
    {
      name: 'A setup method that only creates emitters and registers listeners (puppeteer\'s #initialize)',
      options: CHECK,
      code: sendWith(
        `class Watch {
  readonly #children = new Map<string, EventEmitter>();
  readonly #disposables = new DisposableStack();
  start(bus: EventEmitter): void {
    const own = new EventEmitter();
    this.#children.set('own', own);
    bus.on('close', () => {
      throw new Error('closed');
    });
  }
}`,
        `new Watch().start(bus);`,
      ),
    },
    {
      name: 'A throw caught inside the function is no throw point',
      options: CHECK,
      code: sendWith(
        `function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}`,
        `parse('{}');`,
      ),
    },
  ],
  invalid: [
    {
      name: 'A TLS connection can throw at once (a malformed certificate): a throw point for the socket opened before',
      options: [{ checkExceptionPaths: true }],
      code: `import * as net from 'node:net';
import * as tls from 'node:tls';
export function secure(a: number, b: number): [net.Socket, tls.TLSSocket] {
  const plain = net.connect(a);
  const secured = tls.connect(b);
  return [plain, secured];
}`,
      output: null,
      errors: [{ messageId: 'exception', line: 4, column: 17, data: { name: 'plain', ...SOCKET, thrower: 'tls.connect()', line: 5 } }],
    },
    {
      name: 'String() of an object runs its toString(), which can throw',
      options: [{ checkExceptionPaths: true }],
      code: `import * as net from 'node:net';
export function label(port: number, tag: { toString(): string }): { socket: net.Socket; name: string } {
  const socket = net.connect(port);
  const name = String(tag);
  return { socket, name };
}`,
      output: null,
      errors: [{ messageId: 'exception', line: 3, column: 18, data: { name: 'socket', ...SOCKET, thrower: 'String()', line: 4 } }],
    },
    {
      name: 'Acquired inside a try whose catch handles the rejection and goes on: a normal outcome, reported without checkExceptionPaths',
      code: `import * as net from 'node:net';
declare function pop(): Promise<number>;
export async function caught(port: number): Promise<number> {
  try {
    const socket = net.connect(port);
    const result = await pop();
    socket.end();
    return result;
  } catch (error) {
    console.error(error);
    return 0;
  }
}`,
      output: `import * as net from 'node:net';
declare function pop(): Promise<number>;
export async function caught(port: number): Promise<number> {
  try {
    const socket = net.connect(port);
    try {
      const result = await pop();
      return result;
    } finally {
      socket.end();
    }
  } catch (error) {
    console.error(error);
    return 0;
  }
}`,
      errors: [
        {
          messageId: 'leak',
          line: 5,
          column: 20,
          data: { name: 'socket', ...SOCKET, path: 'when the `await` on line 6 rejects and the `catch` on line 9 goes on', advice: 'Destroy it in a `finally` block.' },
        },
      ],
    },
    {
      name: 'A `for await` loop is an await too: its iterable can reject into the catch that goes on',
      code: `import * as net from 'node:net';
export async function relay(port: number, source: AsyncIterable<Buffer>): Promise<void> {
  try {
    const socket = net.connect(port);
    for await (const chunk of source) socket.write(chunk);
    socket.end();
  } catch (error) {
    console.error(error);
  }
}`,
      output: `import * as net from 'node:net';
export async function relay(port: number, source: AsyncIterable<Buffer>): Promise<void> {
  try {
    const socket = net.connect(port);
    try {
      for await (const chunk of source) socket.write(chunk);
    } finally {
      socket.end();
    }
  } catch (error) {
    console.error(error);
  }
}`,
      errors: [
        {
          messageId: 'leak',
          line: 4,
          column: 20,
          data: { name: 'socket', ...SOCKET, path: 'when the `for await` on line 5 rejects and the `catch` on line 7 goes on', advice: 'Destroy it in a `finally` block.' },
        },
      ],
    },
    {
      name: 'A library function that builds the stream in the middle of the pipeline can throw',
      options: [{ checkExceptionPaths: true }],
      code: `import { createReadStream } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { pipeline } from 'node:stream';
declare function encoderFor(res: ServerResponse): NodeJS.ReadWriteStream;
export function send(file: string, res: ServerResponse): void {
  const stream = createReadStream(file);
  pipeline(stream, encoderFor(res), res, () => {});
}`,
      output: null,
      errors: [
        {
          messageId: 'exception',
          line: 6,
          column: 18,
          data: { name: 'stream', resource: 'fs.ReadStream', released: 'closed', thrower: 'encoderFor()', line: 7, remedy: 'Release it in a `finally` block, or declare it with `await using` (or `using`).' },
        },
      ],
    },
    {
      name: 'A function of the program that throws is a throw point',
      options: CHECK,
      code: sendWith(
        `function check(port: number): void {
  if (port === 0) throw new Error('no port');
}`,
        `check(port);`,
      ),
      output: null,
      errors: [{ messageId: 'exception', line: 7, column: 18, data: { name: 'socket', ...SOCKET, thrower: 'check()', line: 8 } }],
    },
    {
      name: 'A function of the program that calls code it does not have is a throw point',
      options: CHECK,
      code: sendWith(
        `import { readFileSync } from 'node:fs';
function config(): string {
  return readFileSync('/etc/app.json', 'utf8');
}`,
        `config();`,
      ),
      output: null,
      errors: [{ messageId: 'exception', line: 8, column: 18, data: { name: 'socket', ...SOCKET, thrower: 'config()', line: 9 } }],
    },
  ],
});

ruleTester.run('no-leaked-resource: a call that returns its argument extended is no new resource (shape L)', noLeakedResource, {
  valid: [
    {
      name: 'Object.assign(socket, { tag }) returns the socket it was given, which is returned (TypeORM)',
      code: `import * as net from 'node:net';
export function tagged(port: number): net.Socket & { tag: string } {
  const socket = net.connect(port);
  Object.assign(socket, { tag: 'primary' });
  return Object.assign(socket, { tag: 'primary' });
}`,
    },
  ],
  invalid: [],
});

ruleTester.run('no-leaked-timer: a cancel closure returned through Object.assign(promise, { cancel }) (shape J)', noLeakedTimer, {
  valid: [
    {
      name: 'The returned promise carries the closure that clears the interval',
      code: `export function ticker(ms: number): Promise<void> & { cancel(): void } {
  const timer = setInterval(() => console.log('tick'), ms);
  const done = new Promise<void>((resolve) => setTimeout(resolve, ms * 10));
  return Object.assign(done, { cancel: () => clearInterval(timer) });
}`,
    },
  ],
  invalid: [
    {
      name: 'The closure it carries only reads the interval',
      code: `export function ticker(ms: number): Promise<void> & { cancel(): void } {
  const timer = setInterval(() => console.log('tick'), ms);
  const done = new Promise<void>((resolve) => setTimeout(resolve, ms * 10));
  return Object.assign(done, { cancel: () => console.log(timer) });
}`,
      output: null,
      errors: [
        {
          messageId: 'leak',
          line: 2,
          column: 17,
          data: {
            name: 'timer',
            resource: 'interval',
            released: 'cleared',
            path: 'when `ticker()` returns at line 4',
            advice: 'Clear it with `clearInterval()` on every path, or return or store the handle so an owner can.',
          },
        },
      ],
    },
  ],
});

ruleTester.run('no-leaked-resource: nothing outlives process.exit() (shape L)', noLeakedResource, {
  valid: [
    {
      name: 'The branch that exits the process leaves the socket to the operating system',
      code: `import * as net from 'node:net';
export function cli(port: number): void {
  const socket = net.connect(port);
  if (port === 0) {
    console.error('no port');
    process.exit(2);
  } else {
    socket.end();
  }
}`,
    },
    {
      name: 'Under checkExceptionPaths: process.exit() is no throw point, and nothing runs after it',
      options: [{ checkExceptionPaths: true }],
      code: `import * as net from 'node:net';
export async function main(port: number, work: (s: net.Socket) => Promise<void>): Promise<void> {
  const socket = net.connect(port);
  try {
    await work(socket);
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
  socket.end();
}`,
    },
  ],
  invalid: [
    {
      name: 'Setting process.exitCode and returning does not end the process',
      code: `import * as net from 'node:net';
export function cli(port: number): void {
  const socket = net.connect(port);
  if (port === 0) {
    process.exitCode = 2;
    return;
  }
  socket.end();
}`,
      output: `import * as net from 'node:net';
export function cli(port: number): void {
  const socket = net.connect(port);
  if (port === 0) {
    process.exitCode = 2;
    socket.end();
    return;
  }
  socket.end();
}`,
      errors: [{ messageId: 'leak', line: 3, column: 18, data: { name: 'socket', ...SOCKET, path: 'when `cli()` returns at line 6', advice: SOCKET_ADVICE } }],
    },
    {
      name: 'A function of the program named exit does not end the process',
      code: `import * as net from 'node:net';
const runner = { exit(code: number): void { console.log('exit', code); } };
export function cli(port: number): void {
  const socket = net.connect(port);
  if (port === 0) {
    runner.exit(2);
  } else {
    socket.end();
  }
}`,
      output: null,
      errors: [{ messageId: 'leak', line: 4, column: 18, data: { name: 'socket', ...SOCKET, path: 'when `cli()` ends at line 10', advice: SOCKET_ADVICE } }],
    },
  ],
});

ruleTester.run('no-unreleased-field: readable-stream streams are in memory, like node:stream\'s (shape I)', noUnreleasedField, {
  valid: [
    {
      name: 'A message stream that parses through an in-memory readable-stream Duplex (tedious\'s bl BufferList)',
      code: `import { Duplex } from 'readable-stream';
class BufferList extends Duplex {
  append(chunk: Buffer): void {
    this.push(chunk);
  }
}
export class IncomingMessageStream {
  private readonly bl = new BufferList();
  feed(chunk: Buffer): void {
    this.bl.append(chunk);
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'A class that keeps a real socket and has nothing to release it: still reported',
      code: `import * as net from 'node:net';
export class IncomingMessageStream {
  private readonly socket = net.connect(1433);
  feed(chunk: Buffer): void {
    this.socket.write(chunk);
  }
}`,
      output: null,
      errors: [{ messageId: 'noDisposal', line: 3, column: 29, data: { field: 'socket', resource: 'net.Socket', released: 'destroyed', release: 'destroy', className: 'IncomingMessageStream' } }],
    },
  ],
});

ruleTester.run('no-leaked-resource: a lookup in code the program does not have is no acquisition (shape C)', noLeakedResource, {
  valid: [
    {
      name: 'getInstanceByKey() and findOrCreate() hand back sockets the pool owns',
      code: `import type { Socket } from 'node:net';
declare class ConnectionPool {
  getInstanceByKey(key: string): Socket;
  findOrCreate(key: string): Socket;
}
export function route(pool: ConnectionPool, key: string, last: Socket | null): boolean {
  pool.findOrCreate(key);
  return pool.getInstanceByKey(key) === last;
}`,
    },
  ],
  invalid: [
    {
      name: 'The same pool\'s createConnection() makes a new socket, dropped here',
      code: `import type { Socket } from 'node:net';
declare class ConnectionPool {
  createConnection(key: string): Socket;
}
export function probe(pool: ConnectionPool, key: string): void {
  pool.createConnection(key);
}`,
      output: null,
      errors: [{ messageId: 'discarded', line: 6, column: 3 }],
    },
    {
      name: 'A catalog kind created by a method whose name does not say so: mysql2\'s pool.getConnection() checks one out',
      code: `import type { Pool } from 'mysql2/promise';
export async function count(pool: Pool): Promise<number> {
  const conn = await pool.getConnection();
  const [rows] = await conn.query('SELECT 1');
  return Array.isArray(rows) ? rows.length : 0;
}`,
      output: null,
      errors: [
        {
          messageId: 'leak',
          line: 3,
          column: 22,
          suggestions: [
            {
              messageId: 'suggestFinally',
              output: `import type { Pool } from 'mysql2/promise';
export async function count(pool: Pool): Promise<number> {
  const conn = await pool.getConnection();
  try {
    const [rows] = await conn.query('SELECT 1');
    return Array.isArray(rows) ? rows.length : 0;
  } finally {
    conn.release();
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'fs.promises.opendir() opens a directory handle (a catalog name, not a creation verb compound)',
      code: `import { opendir } from 'node:fs/promises';
export async function first(path: string): Promise<string | undefined> {
  const dir = await opendir(path);
  const entry = await dir.read();
  return entry?.name;
}`,
      output: `import { opendir } from 'node:fs/promises';
export async function first(path: string): Promise<string | undefined> {
  const dir = await opendir(path);
  try {
    const entry = await dir.read();
    return entry?.name;
  } finally {
    await dir.close();
  }
}`,
      errors: [{ messageId: 'leak', line: 3, column: 21 }],
    },
  ],
});

ruleTester.run('no-leaked-resource: a release attempted inside try … catch in a helper is a release (shape K)', noLeakedResource, {
  valid: [
    {
      name: 'closeQuietly() destroys the socket and swallows what destroy() throws',
      options: CHECK,
      code: `import * as net from 'node:net';
function closeQuietly(s: net.Socket): void {
  try {
    s.destroy();
  } catch {
    // already gone
  }
}
export function helperRelease(port: number): void {
  const s = net.connect(port);
  s.write('x');
  closeQuietly(s);
}`,
    },
  ],
  invalid: [
    {
      name: 'A helper whose try does other work before the release leaks when that work throws',
      code: `import * as net from 'node:net';
function sayByeAndClose(s: net.Socket): void {
  try {
    s.write(JSON.stringify({ bye: s.remoteAddress }));
    s.destroy();
  } catch {
    console.error('bye failed');
  }
}
export function helperRelease(port: number): void {
  const s = net.connect(port);
  sayByeAndClose(s);
}`,
      output: null,
      errors: [
        {
          messageId: 'leak',
          line: 11,
          column: 13,
          suggestions: [
            {
              messageId: 'suggestFinally',
              output: `import * as net from 'node:net';
function sayByeAndClose(s: net.Socket): void {
  try {
    s.write(JSON.stringify({ bye: s.remoteAddress }));
    s.destroy();
  } catch {
    console.error('bye failed');
  }
}
export function helperRelease(port: number): void {
  const s = net.connect(port);
  try {
    sayByeAndClose(s);
  } finally {
    s.end();
  }
}`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-leaked-resource: no resource exists on the path where its acquisition threw (shape H)', noLeakedResource, {
  valid: [
    {
      name: 'The acquisition is the only thing the try can throw from: its catch holds nothing',
      code: `import * as net from 'node:net';
export function open(port: number): net.Socket {
  let s: net.Socket;
  try {
    s = net.connect(port);
  } catch (e) {
    throw new Error('connect failed', { cause: e });
  }
  return s;
}`,
    },
    {
      name: 'The last statement of a try acquires: the catch that replaces the stream cannot overwrite it (minio)',
      code: `import * as fs from 'node:fs';
import { stat } from 'node:fs/promises';
export async function partStream(file: string): Promise<fs.WriteStream> {
  let stream: fs.WriteStream;
  try {
    await stat(file);
    stream = fs.createWriteStream(file, { flags: 'a' });
  } catch {
    stream = fs.createWriteStream(file, { flags: 'w' });
  }
  return stream;
}`,
    },
    {
      name: 'The same under checkExceptionPaths: the catch\'s own call is no throw point for a stream that cannot be there',
      options: [{ checkExceptionPaths: true }],
      code: `import * as fs from 'node:fs';
import { stat } from 'node:fs/promises';
export async function partStream(file: string): Promise<fs.WriteStream> {
  let stream: fs.WriteStream;
  try {
    await stat(file);
    stream = fs.createWriteStream(file, { flags: 'a' });
  } catch {
    stream = fs.createWriteStream(file, { flags: 'w' });
  }
  return stream;
}`,
    },
    {
      name: 'An awaited acquisition in a try whose catch rethrows: only its own rejection reaches the catch',
      code: `import * as net from 'node:net';
declare function connectLater(port: number): Promise<net.Socket>;
export async function launch(port: number, cleanup: () => void): Promise<net.Socket> {
  let socket: net.Socket;
  try {
    socket = await connectLater(port);
  } catch (error) {
    cleanup();
    throw error;
  }
  return socket;
}`,
    },
  ],
  invalid: [
    {
      name: 'Something that can throw after the acquisition: the catch does hold the socket',
      code: `import * as net from 'node:net';
export function openThenWrite(port: number): net.Socket {
  let s: net.Socket;
  try {
    s = net.connect(port);
    s.write('hello');
  } catch (e) {
    throw new Error('connect failed', { cause: e });
  }
  return s;
}`,
      errors: [
        {
          messageId: 'leak',
          line: 5,
          column: 9,
          data: { name: 's', resource: 'net.Socket', released: 'destroyed', path: 'when `openThenWrite()` throws at line 8', advice: 'End or destroy it on every path, or hand it to an owner.' },
          suggestions: [],
        },
      ],
    },
  ],
});

ruleTester.run('no-leaked-resource: a resource in an object literal is handed to the function that keeps that property (shape J)', noLeakedResource, {
  valid: [
    {
      name: 'Options whose property the callee passes to a constructor that keeps it (puppeteer BidiBrowser.create)',
      code: `import * as net from 'node:net';
class Session {
  constructor(readonly socket: net.Socket) {}
  close(): void { this.socket.destroy(); }
}
class Browser {
  static create(opts: { connection: net.Socket; name: string }): Browser {
    const session = new Session(opts.connection);
    return new Browser(session, opts.name);
  }
  static make({ connection }: { connection: net.Socket }): Session { return new Session(connection); }
  static adopt(opts: { connection: net.Socket }): Session {
    const { connection } = opts;
    return new Session(connection);
  }
  constructor(readonly session: Session, readonly name: string) {}
}
export function launch(port: number): Browser {
  const connection = net.connect(port);
  return Browser.create({ connection, name: 'x' });
}
export function launchDestructured(port: number): Session {
  const connection = net.connect(port);
  return Browser.make({ connection });
}
export function launchCopied(port: number): Session {
  return Browser.adopt({ connection: net.connect(port) });
}`,
    },
  ],
  invalid: [
    {
      name: 'The callee only reads the property: still the caller\'s to release',
      code: `import * as net from 'node:net';
function peek(opts: { connection: net.Socket }): string {
  return String(opts.connection.remoteAddress);
}
export function probe(port: number): string {
  const connection = net.connect(port);
  return peek({ connection });
}`,
      errors: [
        {
          messageId: 'leak',
          line: 6,
          column: 22,
          data: { name: 'connection', resource: 'net.Socket', released: 'destroyed', path: 'when `probe()` returns at line 7', advice: 'End or destroy it on every path, or hand it to an owner.' },
          suggestions: [
            {
              messageId: 'suggestFinally',
              output: `import * as net from 'node:net';
function peek(opts: { connection: net.Socket }): string {
  return String(opts.connection.remoteAddress);
}
export function probe(port: number): string {
  const connection = net.connect(port);
  try {
    return peek({ connection });
  } finally {
    connection.end();
  }
}`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-leaked-resource: a branch whose test is constant is no path (mysql2)', noLeakedResource, {
  valid: [
    {
      name: 'The throw needs `options.Promise || Promise` to be falsy: the global Promise always exists',
      code: `import * as net from 'node:net';
export function connect(options: { port: number; Promise?: PromiseConstructor }): Promise<net.Socket> {
  const socket = net.connect(options.port);
  const Impl = options.Promise || Promise;
  if (!Impl) {
    throw new Error('no Promise implementation available');
  }
  return new Impl((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('error', (err) => reject(err));
  });
}`,
    },
    {
      name: 'Under checkExceptionPaths: the calls in the branch that never runs are no throw points, nor is building an error',
      options: [{ checkExceptionPaths: true }],
      code: `import * as net from 'node:net';
export function connect(options: { port: number; Promise?: PromiseConstructor }): Promise<net.Socket> {
  const socket = net.connect(options.port);
  const Impl = options.Promise || Promise;
  if (!Impl) {
    throw new Error('no Promise implementation for port ' + String(options.port));
  }
  return new Impl((resolve) => socket.once('connect', () => resolve(socket)));
}
export function pair(port: number): { socket: net.Socket; error: Error } {
  const socket = net.connect(port);
  const error = new TypeError('not yet');
  return { socket, error };
}`,
    },
    {
      name: 'The same in a JavaScript file',
      filename: 'script.js',
      code: `const net = require('node:net');
function connect(opts) {
  const socket = net.connect(opts.port);
  const Impl = opts.Promise || Promise;
  if (!Impl) {
    throw new Error('no Promise implementation available');
  }
  return new Impl((resolve) => socket.once('connect', () => resolve(socket)));
}
module.exports = { connect };`,
    },
  ],
  invalid: [
    {
      name: 'Without the fallback the test can be falsy: the throw leaks the socket',
      code: `import * as net from 'node:net';
export function connect(options: { port: number; Promise?: PromiseConstructor }): Promise<net.Socket> {
  const socket = net.connect(options.port);
  const Impl = options.Promise;
  if (!Impl) {
    throw new Error('no Promise implementation available');
  }
  return new Impl((resolve) => socket.once('connect', () => resolve(socket)));
}`,
      errors: [
        {
          messageId: 'leak',
          line: 3,
          column: 18,
          data: { name: 'socket', resource: 'net.Socket', released: 'destroyed', path: 'when `connect()` throws at line 6', advice: 'End or destroy it on every path, or hand it to an owner.' },
          suggestions: [
            {
              messageId: 'suggestRelease',
              output: `import * as net from 'node:net';
export function connect(options: { port: number; Promise?: PromiseConstructor }): Promise<net.Socket> {
  const socket = net.connect(options.port);
  const Impl = options.Promise;
  if (!Impl) {
    socket.end();
    throw new Error('no Promise implementation available');
  }
  return new Impl((resolve) => socket.once('connect', () => resolve(socket)));
}`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-unconsumed-body: a response that went to the upgrade event, or has no status, has no body', noUnconsumedBody, {
  valid: [
    {
      name: 'Piped unless it is an upgrade (http-proxy)',
      code: `import * as http from 'node:http';
import type { Duplex } from 'node:stream';
export function proxy(options: http.RequestOptions, socket: Duplex): void {
  const proxyReq = http.request(options);
  proxyReq.on('response', (res) => {
    if (!res.upgrade) {
      socket.write('HTTP/1.1 ' + res.statusCode + '\\r\\n\\r\\n');
      res.pipe(socket);
    }
  });
  proxyReq.end();
}`,
    },
    {
      name: 'A response without a status code is rejected as a bug (minio)',
      code: `import * as http from 'node:http';
export function status(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http.get(url, (response) => {
      if (!response.statusCode) {
        reject(new Error('BUG: no status'));
        return;
      }
      response.resume();
      resolve(response.statusCode);
    });
  });
}`,
    },
  ],
  invalid: [
    {
      name: 'Consumed only when it is an upgrade: the ordinary response leaks',
      code: `import * as http from 'node:http';
export function leaky(url: string): void {
  http.get(url, (response) => {
    if (response.upgrade) {
      response.resume();
    }
  });
}`,
      errors: [
        {
          messageId: 'leak',
          line: 3,
          column: 18,
          suggestions: [
            {
              messageId: 'suggestRelease',
              output: `import * as http from 'node:http';
export function leaky(url: string): void {
  http.get(url, (response) => {
    if (response.upgrade) {
      response.resume();
    }
    response.resume();
  });
}`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-unreleased-field: a field released through an alias, an element taken out, or a helper handed out as a listener (shape D)', noUnreleasedField, {
  valid: [
    {
      name: 'close() takes the client, or the one still being connected, into a local and ends it (bullmq)',
      code: `import * as net from 'node:net';
export class Listener {
  private client?: net.Socket;
  private clientPromise?: Promise<net.Socket>;
  private standalone = true;
  connect(port: number): void {
    this.client = net.connect(port);
  }
  async close(): Promise<void> {
    const client = this.client ?? (await this.clientPromise?.catch(() => undefined));
    this.clientPromise = undefined;
    if (client) {
      client.removeAllListeners();
      if (this.standalone) client.end();
    }
  }
}`,
    },
    {
      name: 'Each element is disposed as it is taken out, by a private helper the class registers as a listener (puppeteer)',
      code: `import { EventEmitter } from 'node:events';
export class Manager extends EventEmitter {
  readonly #handlers = [['disconnected', this.#removeClient]] as const;
  #clients = new Map<EventEmitter, DisposableStack>();
  addClient(client: EventEmitter): void {
    const subscriptions = new DisposableStack();
    subscriptions.defer(() => client.removeAllListeners());
    this.#clients.set(client, subscriptions);
    for (const [event, handler] of this.#handlers) client.on(event, () => handler.call(this, client));
  }
  #removeClient(client: EventEmitter): void {
    const subscriptions = this.#clients.get(client);
    subscriptions?.dispose();
    this.#clients.delete(client);
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'The helper that disposes elements is never called nor handed out',
      code: `export class Leaky {
  #clients = new Map<string, DisposableStack>();
  add(key: string): void { this.#clients.set(key, new DisposableStack()); }
  #remove(key: string): void { this.#clients.get(key)?.dispose(); }
}`,
      errors: [{ messageId: 'noDisposal', line: 3, column: 51 }],
    },
  ],
});

ruleTester.run('no-leaked-resource: resources kept in a collection, released through the callbacks that clear it (shape J)', noLeakedResource, {
  valid: [
    {
      name: 'A map of sockets returned to the caller: the next iteration does not replace the previous socket',
      code: `import * as net from 'node:net';
export function connectAll(ports: number[]): Map<number, net.Socket> {
  const result = new Map<number, net.Socket>();
  for (const port of ports) {
    result.set(port, net.connect(port));
  }
  return result;
}`,
    },
    {
      name: 'Sockets pushed into a list that callbacks close; the abort callback calls the closer (tedious)',
      code: `import dgram from 'node:dgram';
export async function sendInParallel(addresses: string[], port: number, request: Buffer, signal: AbortSignal): Promise<Buffer> {
  return await new Promise<Buffer>((resolve, reject) => {
    const sockets: dgram.Socket[] = [];
    const onMessage = (message: Buffer) => {
      clearSockets();
      resolve(message);
    };
    const clearSockets = () => {
      for (const socket of sockets) {
        socket.removeListener('message', onMessage);
        socket.close();
      }
    };
    const onAbort = () => {
      clearSockets();
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    for (let j = 0; j < addresses.length; j++) {
      const socket = dgram.createSocket('udp4');
      sockets.push(socket);
      socket.on('message', onMessage);
      socket.send(request, 0, request.length, port, addresses[j]);
    }
  });
}`,
    },
  ],
  invalid: [
    {
      name: 'A list that nothing releases: reported where the function returns, not at the next iteration',
      code: `import * as net from 'node:net';
export function dropAll(ports: number[]): number {
  const sockets: net.Socket[] = [];
  for (const port of ports) {
    sockets.push(net.connect(port));
  }
  return sockets.length;
}`,
      errors: [
        {
          messageId: 'leak',
          line: 5,
          column: 18,
          data: { name: 'sockets', resource: 'net.Socket', released: 'destroyed', path: 'when `dropAll()` returns at line 7', advice: 'End or destroy it on every path, or hand it to an owner.' },
        },
      ],
    },
    {
      name: 'Closed only by a listener for an event that may never come',
      code: `import dgram from 'node:dgram';
export function listen(addresses: string[]): void {
  const sockets: dgram.Socket[] = [];
  const clearSockets = () => {
    for (const socket of sockets) socket.close();
  };
  for (let j = 0; j < addresses.length; j++) {
    const socket = dgram.createSocket('udp4');
    sockets.push(socket);
    socket.on('message', clearSockets);
  }
}`,
      errors: [
        {
          messageId: 'leak',
          line: 8,
          column: 20,
          data: { name: 'socket', resource: 'dgram.Socket', released: 'closed', path: 'when `listen()` ends at line 12', advice: 'Close it on every path, or hand it to an owner.' },
        },
      ],
    },
  ],
});

const RACE = (handlers: string): string => `export function stopNode(node: { close(): Promise<void> }, ms: number): Promise<void> {
  let closeTimer: NodeJS.Timeout | undefined;
  const closeTimeout = new Promise<void>((resolve, reject) => {
    closeTimer = setTimeout(() => reject(new Error('Close timed out')), ms);
  });
  return Promise.race([node.close(), closeTimeout])${handlers};
}`;

ruleTester.run('no-leaked-timer: a raced timeout cleared in both settle handlers (shape J)', noLeakedTimer, {
  valid: [
    { name: '.then(onOk).catch(onError), both clearing (node-red)', code: RACE('.then(() => {\n    clearTimeout(closeTimer);\n  }).catch((err) => {\n    clearTimeout(closeTimer);\n    console.error(err);\n  })') },
    { name: '.then(onOk, onError), both clearing', code: RACE('.then(() => clearTimeout(closeTimer), (err) => {\n    clearTimeout(closeTimer);\n    throw err;\n  })') },
  ],
  invalid: [
    {
      name: 'Cleared only when the race fulfils: a rejection keeps the timer armed',
      code: RACE('.then(() => {\n    clearTimeout(closeTimer);\n  }).catch((err) => {\n    console.error(err);\n  })'),
      errors: [{ messageId: 'race', line: 4, column: 18 }],
    },
  ],
});

ruleTester.run('no-unconsumed-body: aborting the request a response belongs to releases the response (ws)', noUnconsumedBody, {
  valid: [
    {
      name: 'Aborted directly, or by a helper that aborts or destroys it on every path',
      code: `import * as http from 'node:http';
function abortHandshake(stream: http.ClientRequest, message: string): void {
  if (stream.socket && !stream.socket.destroyed) {
    stream.abort();
  } else {
    stream.destroy(new Error(message));
  }
}
export function open(url: string, maxRedirects: number): void {
  let redirects = 0;
  const req = http.get(url);
  req.on('response', (res) => {
    if (res.statusCode === 302 && ++redirects > maxRedirects) {
      abortHandshake(req, 'Maximum redirects exceeded');
      return;
    }
    req.abort();
  });
}`,
    },
  ],
  invalid: [
    {
      name: 'Ending the request only finishes sending it: the response is still unread',
      code: `import * as http from 'node:http';
export function open(url: string): void {
  const req = http.get(url);
  req.on('response', (res) => {
    req.end();
  });
}`,
      output: `import * as http from 'node:http';
export function open(url: string): void {
  const req = http.get(url);
  req.on('response', (res) => {
    req.end();
    res.resume();
  });
}`,
      errors: [{ messageId: 'leak', line: 4, column: 23 }],
    },
    {
      name: 'A helper that only logs the request: the response is still unread',
      code: `import * as http from 'node:http';
function describe(stream: http.ClientRequest): void {
  console.log(stream.path);
}
export function open(url: string): void {
  const req = http.get(url);
  req.on('response', (res) => {
    describe(req);
  });
}`,
      output: `import * as http from 'node:http';
function describe(stream: http.ClientRequest): void {
  console.log(stream.path);
}
export function open(url: string): void {
  const req = http.get(url);
  req.on('response', (res) => {
    describe(req);
    res.resume();
  });
}`,
      errors: [
        {
          messageId: 'leak',
          line: 7,
          column: 23,
        },
      ],
    },
  ],
});

ruleTester.run('no-leaked-resource: a promise that is not awaited yet cannot throw where it is made (puppeteer)', noLeakedResource, {
  valid: [],
  invalid: [
    {
      name: 'The stream leaks where the awaited send rejects, not where the finish promise is built',
      options: [{ checkExceptionPaths: true }],
      code: `import * as fs from 'node:fs';
declare const client: { send(method: string): Promise<void> };
export async function capture(path: string): Promise<void> {
  const stream = fs.createWriteStream(path);
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('error', reject);
    stream.on('finish', resolve);
  });
  await client.send('HeapProfiler.enable');
  stream.end();
  await finished;
}`,
      errors: [
        {
          messageId: 'exception',
          line: 4,
          column: 18,
          data: { name: 'stream', resource: 'fs.WriteStream', released: 'ended', thrower: 'client.send()', line: 9, remedy: 'Release it in a `finally` block.' },
        },
      ],
    },
  ],
});

/** A cursor as a database driver declares it: async-iterable and Disposable. */
const ITERABLE_CURSOR = `declare class Cursor implements AsyncDisposable {
  [Symbol.asyncIterator](): AsyncIterator<number>;
  next(): Promise<number | null>;
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}
declare function openCursor(): Cursor;`;

ruleTester.run('no-leaked-resource: consuming an async-iterable resource releases it (shape B)', noLeakedResource, {
  valid: [
    {
      name: 'for await over the cursor, and over one handed to a function that drains it',
      code: `${ITERABLE_CURSOR}
export async function print(): Promise<void> {
  const cursor = openCursor();
  for await (const row of cursor) console.log(row);
}
async function drain(c: Cursor): Promise<number> {
  let n = 0;
  for await (const row of c) n += row;
  return n;
}
export async function sum(): Promise<number> {
  const cursor = openCursor();
  return await drain(cursor);
}`,
    },
  ],
  invalid: [
    {
      name: 'Reading one row with next() does not consume the cursor',
      code: `${ITERABLE_CURSOR}
export async function first(): Promise<number | null> {
  const cursor = openCursor();
  return await cursor.next();
}`,
      output: `${ITERABLE_CURSOR}
export async function first(): Promise<number | null> {
  await using cursor = openCursor();
  return await cursor.next();
}`,
      options: [{ fixStyle: 'using' }],
      errors: [{ messageId: 'leak', line: 9, column: 18, data: { name: 'cursor', ...DISPOSABLE, path: 'when `first()` returns at line 10' } }],
    },
  ],
});

ruleTester.run('no-leaked-resource: reading a socket to its end with for await releases it (shape L)', noLeakedResource, {
  valid: [
    {
      name: 'for await over the socket',
      code: `import * as net from 'node:net';
export async function readAll(port: number): Promise<string> {
  const socket = net.connect(port);
  let out = '';
  for await (const chunk of socket) out += String(chunk);
  return out;
}`,
    },
    {
      name: 'Leaving the loop early: the iterator destroys the socket',
      code: `import * as net from 'node:net';
export async function firstChunk(port: number): Promise<Buffer | undefined> {
  const socket = net.connect(port);
  for await (const chunk of socket) {
    return chunk as Buffer;
  }
  return undefined;
}`,
    },
  ],
  invalid: [
    {
      name: 'Iterating something else while writing to the socket does not end it',
      code: `import * as net from 'node:net';
export async function relay(port: number, lines: AsyncIterable<string>): Promise<void> {
  const socket = net.connect(port);
  for await (const line of lines) socket.write(line);
}`,
      output: `import * as net from 'node:net';
export async function relay(port: number, lines: AsyncIterable<string>): Promise<void> {
  const socket = net.connect(port);
  try {
    for await (const line of lines) socket.write(line);
  } finally {
    socket.end();
  }
}`,
      errors: [{ messageId: 'leak', line: 3, column: 18 }],
    },
  ],
});

ruleTester.run('no-leaked-resource: what a listening server\'s listener captures lives as long as the server (shape L)', noLeakedResource, {
  valid: [
    {
      name: 'A WebSocket-like server captured by the upgrade listener of a server that listens',
      code: `import * as http from 'node:http';
import * as net from 'node:net';
export function serve(port: number): void {
  const wss = new net.Server();
  const server = http.createServer();
  server.on('upgrade', (req, socket) => {
    wss.emit('connection', socket);
  });
  server.listen(port);
}`,
    },
  ],
  invalid: [
    {
      name: 'The server never listens: nothing keeps the captured server alive for the process',
      code: `import * as http from 'node:http';
import * as net from 'node:net';
export function probe(): void {
  const wss = new net.Server();
  const server = http.createServer();
  server.on('upgrade', (req, socket) => {
    wss.emit('connection', socket);
  });
  server.close();
}`,
      errors: [
        {
          messageId: 'leak',
          line: 4,
          column: 15,
          suggestions: [
            {
              messageId: 'suggestFinally',
              output: `import * as http from 'node:http';
import * as net from 'node:net';
export function probe(): void {
  const wss = new net.Server();
  try {
    const server = http.createServer();
    server.on('upgrade', (req, socket) => {
      wss.emit('connection', socket);
    });
    server.close();
  } finally {
    wss.close();
  }
}`,
            },
          ],
        },
      ],
    },
  ],
});
