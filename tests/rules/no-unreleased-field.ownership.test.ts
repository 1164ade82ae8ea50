// Rule tests for `leaks/no-unreleased-field`: what a class owns — every kind of resource it creates and keeps in a field (initializer, constructor, method, collection, `#private`, static), what it only borrows, and classes with no disposal method at all.
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/no-unreleased-field.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

const CLOSED = { released: 'closed', release: 'close' };
const DESTROYED = { released: 'destroyed', release: 'destroy' };
const CLEARED = { released: 'cleared', release: 'clear' };

export const valid: ValidTestCase<Options>[] = [
  {
    name: 'A one-shot timeout armed by a method only its callers call (once, at shutdown): it ends by itself',
    code: `import * as net from 'node:net';
export class Conn {
  private closeTimer: NodeJS.Timeout | undefined;
  private readonly sock: net.Socket;
  constructor(port: number) {
    this.sock = net.connect(port);
  }
  terminate(): void {
    this.sock.end();
    this.closeTimer = setTimeout(() => this.sock.destroy(), 30_000);
  }
  close(): void {
    this.sock.destroy();
  }
}`,
  },
  {
    name: 'A debounce timeout armed again on every data event, cleared before each re-arm and by close()',
    code: `import * as net from 'node:net';
export class Batcher {
  private timer: NodeJS.Timeout | undefined;
  private readonly sock: net.Socket;
  constructor(port: number) {
    this.sock = net.connect(port);
    this.sock.on('data', () => this.schedule());
  }
  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), 100);
  }
  flush(): void {}
  close(): void {
    clearTimeout(this.timer);
    this.sock.destroy();
  }
}`,
  },
  {
    name: 'Incident 2 fixed: one client kept as a member, reused, and closed when the monitor stops',
    code: `import { Client } from 'undici';
export class HealthMonitor {
  private readonly client = new Client('http://director:25555');
  async check(): Promise<number> {
    const { statusCode, body } = await this.client.request({ path: '/info', method: 'GET' });
    await body.dump();
    return statusCode;
  }
  async stop(): Promise<void> {
    await this.client.close();
  }
}`,
  },
  {
    name: 'Incident 5 fixed: the interval started in start() is cleared by stop()',
    code: `export class Exporter {
  private timer: NodeJS.Timeout | undefined;
  constructor(private readonly refresh: () => void) {}
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(this.refresh, 10_000);
  }
  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}`,
  },
  {
    name: 'A server created in listen() and closed through a promise in close()',
    code: `import * as http from 'node:http';
export class StatusServer {
  private server: http.Server | undefined;
  listen(port: number): void {
    if (this.server) return;
    this.server = http.createServer((req, res) => res.end('ok'));
    this.server.listen(port);
  }
  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}`,
  },
  {
    name: 'A WebSocket server and a watcher, both closed',
    code: `import * as fs from 'node:fs';
import { WebSocketServer } from 'ws';
export class LiveReload {
  private readonly wss = new WebSocketServer({ port: 35729 });
  private readonly watcher = fs.watch('src', () => this.reload());
  reload(): void {
    for (const client of this.wss.clients) client.send('reload');
  }
  close(): void {
    this.watcher.close();
    this.wss.close();
  }
}`,
  },
  {
    name: 'A worker terminated and a pg pool ended by shutdown()',
    code: `import pg from 'pg';
import { Worker } from 'node:worker_threads';
export class Indexer {
  private readonly pool = new pg.Pool();
  private readonly worker = new Worker(new URL('./indexer-worker.js', import.meta.url));
  async shutdown(): Promise<void> {
    await this.worker.terminate();
    await this.pool.end();
  }
}`,
  },
  {
    name: 'A Disposable and an AsyncDisposable member, disposed by [Symbol.asyncDispose]()',
    code: `declare class Lease implements Disposable {
  [Symbol.dispose](): void;
}
declare class Session implements AsyncDisposable {
  [Symbol.asyncDispose](): Promise<void>;
}
export class Worker implements AsyncDisposable {
  private readonly lease = new Lease();
  private readonly session = new Session();
  async [Symbol.asyncDispose](): Promise<void> {
    this.lease[Symbol.dispose]();
    await this.session[Symbol.asyncDispose]();
  }
}`,
  },
  {
    name: 'A #private client closed through its private name',
    code: `import { Client } from 'undici';
export class Director {
  #client = new Client('http://director:25555');
  async close(): Promise<void> {
    await this.#client.close();
  }
}`,
  },
  {
    name: 'Resources that are not resources: a Map, an AbortController, a URL',
    code: `export class Registry {
  private readonly entries = new Map<string, number>();
  private readonly controller = new AbortController();
  private readonly base = new URL('http://localhost');
  start(): void {
    this.entries.set('start', Date.now());
  }
}`,
  },
  {
    name: 'Borrowed: a client received as a constructor parameter property',
    code: `import type { Client } from 'undici';
export class HealthMonitor {
  constructor(private readonly client: Client) {}
  async stop(): Promise<void> {
    console.log('monitor stopped');
  }
}`,
  },
  {
    name: 'Borrowed: a client received by the constructor and stored by assignment, in a class with no disposal method',
    code: `import type { Client } from 'undici';
export class HealthMonitor {
  private readonly client: Client;
  constructor(client: Client) {
    this.client = client;
  }
  ping(): Promise<unknown> {
    return this.client.request({ path: '/ping', method: 'GET' });
  }
}`,
  },
  {
    name: 'Borrowed: an agent read out of an options object',
    code: `import type { Agent } from 'undici';
export class Fetcher {
  private readonly agent: Agent;
  constructor(options: { agent: Agent }) {
    this.agent = options.agent;
  }
  close(): void {
    console.log('fetcher closed', this.agent.closed);
  }
}`,
  },
  {
    name: 'Borrowed: a socket handed in through a setter',
    code: `import type { Socket } from 'node:net';
export class Framer {
  #socket: Socket | undefined;
  set socket(value: Socket) {
    this.#socket = value;
  }
  close(): void {
    this.#socket = undefined;
  }
}`,
  },
  {
    name: 'Borrowed: a socket handed in as a method argument, also through a local',
    code: `import type { Socket } from 'node:net';
export class Session {
  private socket: Socket | undefined;
  attach(socket: Socket): void {
    const current = socket;
    this.socket = current;
  }
  detach(socket: Socket): void {
    this.socket = socket;
  }
  end(): void {
    this.socket = undefined;
  }
}`,
  },
  {
    name: 'Borrowed: connections handed to a connection listener are tracked, not created, by the class',
    code: `import * as net from 'node:net';
export class Relay {
  private readonly server = net.createServer();
  private readonly connections = new Set<net.Socket>();
  listen(port: number): void {
    this.server.on('connection', (socket) => {
      this.connections.add(socket);
      socket.once('close', () => this.connections.delete(socket));
    });
    this.server.listen(port);
  }
  close(): void {
    this.server.close();
  }
}`,
  },
  {
    name: 'Borrowed: a function that hands back the one socket its module keeps is no factory',
    code: `import type { Socket } from 'node:net';
import { sharedSocket } from './owners.js';
export class Reporter {
  private socket: Socket | undefined;
  connect(port: number): void {
    this.socket = sharedSocket(port);
  }
  close(): void {
    this.socket = undefined;
  }
}`,
  },
  {
    name: 'Static: a class-wide agent without a static disposal method lives as long as the class (not reported)',
    code: `import { Agent } from 'undici';
export class Api {
  static readonly agent = new Agent({ keepAliveTimeout: 10_000 });
  async close(): Promise<void> {
    console.log('api closed');
  }
}`,
  },
  {
    name: 'Static: a class-wide agent released by a static close() through `this`',
    code: `import { Agent } from 'undici';
export class Api {
  static readonly agent = new Agent({ keepAliveTimeout: 10_000 });
  static async close(): Promise<void> {
    await this.agent.close();
  }
}`,
  },
  {
    name: 'Static: a class-wide agent released by a static close() through the class name',
    code: `import { Agent } from 'undici';
export class Api {
  static readonly agent = new Agent({ keepAliveTimeout: 10_000 });
  static async close(): Promise<void> {
    await Api.agent.close();
  }
}`,
  },
  {
    name: 'A client created lazily with `??=` and closed in close()',
    code: `import { Client } from 'undici';
export class Director {
  #client: Client | undefined;
  constructor(private readonly url: string) {}
  get client(): Client {
    return (this.#client ??= new Client(this.url));
  }
  async close(): Promise<void> {
    await this.#client?.close();
  }
}`,
  },
  {
    name: 'JavaScript: a client created in the constructor and closed in close()',
    filename: 'script.js',
    code: `import { Client } from 'undici';
export class HealthMonitor {
  /** @param {string} url */
  constructor(url) {
    this.client = new Client(url);
  }
  async close() {
    await this.client.close();
  }
}`,
  },
];

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: "A one-shot retry timeout armed anew by a method the class runs again (a 'close' listener), never cleared by close(): it reconnects after close",
    code: `import * as net from 'node:net';
export class Conn {
  private retryTimer: NodeJS.Timeout | undefined;
  private sock: net.Socket;
  constructor(private readonly port: number) {
    this.sock = this.connect();
  }
  private connect(): net.Socket {
    const sock = net.connect(this.port);
    sock.on('close', () => this.scheduleRetry());
    return sock;
  }
  scheduleRetry(): void {
    this.retryTimer = setTimeout(() => {
      this.sock = this.connect();
    }, 1_000);
  }
  close(): void {
    this.sock.destroy();
  }
}`,
    output: `import * as net from 'node:net';
export class Conn {
  private retryTimer: NodeJS.Timeout | undefined;
  private sock: net.Socket;
  constructor(private readonly port: number) {
    this.sock = this.connect();
  }
  private connect(): net.Socket {
    const sock = net.connect(this.port);
    sock.on('close', () => this.scheduleRetry());
    return sock;
  }
  scheduleRetry(): void {
    this.retryTimer = setTimeout(() => {
      this.sock = this.connect();
    }, 1_000);
  }
  close(): void {
    this.sock.destroy();
    clearTimeout(this.retryTimer);
  }
}`,
    errors: [
      {
        messageId: 'notReleased',
        line: 14,
        column: 23,
        data: { field: 'retryTimer', resource: 'timeout', ...CLEARED, disposals: '`close()`' },
      },
    ],
  },
  {
    name: 'Incident 2: the member client is never closed when the monitor stops',
    code: `import { Client } from 'undici';
export class HealthMonitor {
  private readonly client = new Client('http://director:25555');
  async check(): Promise<number> {
    const { statusCode, body } = await this.client.request({ path: '/info', method: 'GET' });
    await body.dump();
    return statusCode;
  }
  async stop(): Promise<void> {
    console.log('monitor stopped');
  }
}`,
    output: `import { Client } from 'undici';
export class HealthMonitor {
  private readonly client = new Client('http://director:25555');
  async check(): Promise<number> {
    const { statusCode, body } = await this.client.request({ path: '/info', method: 'GET' });
    await body.dump();
    return statusCode;
  }
  async stop(): Promise<void> {
    console.log('monitor stopped');
    await this.client.close();
  }
}`,
    errors: [{ messageId: 'notReleased', line: 3, column: 29, data: { field: 'client', resource: 'undici Client', ...CLOSED, disposals: '`stop()`' } }],
  },
  {
    name: 'Incident 5: the interval started in start() is never cleared by stop()',
    code: `export class Exporter {
  private timer: NodeJS.Timeout | undefined;
  constructor(private readonly refresh: () => void) {}
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(this.refresh, 10_000);
  }
  stop(): void {
    console.log('exporter stopped');
  }
}`,
    output: `export class Exporter {
  private timer: NodeJS.Timeout | undefined;
  constructor(private readonly refresh: () => void) {}
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(this.refresh, 10_000);
  }
  stop(): void {
    console.log('exporter stopped');
    clearInterval(this.timer);
  }
}`,
    errors: [{ messageId: 'notReleased', line: 6, column: 18, data: { field: 'timer', resource: 'interval', ...CLEARED, disposals: '`stop()`' } }],
  },
  {
    name: 'An undici Agent created in the constructor, not closed by a synchronous close()',
    code: `import { Agent } from 'undici';
export class Gateway {
  private readonly agent: Agent;
  constructor() {
    this.agent = new Agent({ keepAliveTimeout: 10_000 });
  }
  close(): void {
    console.log('gateway closed');
  }
}`,
    output: `import { Agent } from 'undici';
export class Gateway {
  private readonly agent: Agent;
  constructor() {
    this.agent = new Agent({ keepAliveTimeout: 10_000 });
  }
  close(): void {
    console.log('gateway closed');
    void this.agent.close();
  }
}`,
    errors: [{ messageId: 'notReleased', line: 5, column: 18, data: { field: 'agent', resource: 'undici Agent', ...CLOSED, disposals: '`close()`' } }],
  },
  {
    name: 'A keep-alive http.Agent never destroyed by dispose()',
    code: `import * as http from 'node:http';
export class Upstream {
  readonly agent = new http.Agent({ keepAlive: true });
  dispose(): void {
    console.log('upstream disposed');
  }
}`,
    output: `import * as http from 'node:http';
export class Upstream {
  readonly agent = new http.Agent({ keepAlive: true });
  dispose(): void {
    console.log('upstream disposed');
    this.agent.destroy();
  }
}`,
    errors: [{ messageId: 'notReleased', line: 3, column: 20, data: { field: 'agent', resource: 'http.Agent', ...DESTROYED, disposals: '`dispose()`' } }],
  },
  {
    name: 'A socket connected in connect() never destroyed by disconnect()',
    code: `import * as net from 'node:net';
export class LineClient {
  private socket: net.Socket | undefined;
  connect(port: number): void {
    if (this.socket) return;
    this.socket = net.connect(port);
  }
  disconnect(): void {
    console.log('disconnected');
  }
}`,
    output: `import * as net from 'node:net';
export class LineClient {
  private socket: net.Socket | undefined;
  connect(port: number): void {
    if (this.socket) return;
    this.socket = net.connect(port);
  }
  disconnect(): void {
    console.log('disconnected');
    this.socket?.destroy();
  }
}`,
    errors: [{ messageId: 'notReleased', line: 6, column: 19, data: { field: 'socket', resource: 'net.Socket', ...DESTROYED, disposals: '`disconnect()`' } }],
  },
  {
    name: 'A socket created in a local, wired up, then stored, never destroyed by end()',
    code: `import * as net from 'node:net';
export class Tail {
  private readonly socket: net.Socket;
  constructor(port: number, onLine: (line: string) => void) {
    const socket = net.connect(port);
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => onLine(chunk));
    this.socket = socket;
  }
  end(): void {
    console.log('tail ended');
  }
}`,
    output: `import * as net from 'node:net';
export class Tail {
  private readonly socket: net.Socket;
  constructor(port: number, onLine: (line: string) => void) {
    const socket = net.connect(port);
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => onLine(chunk));
    this.socket = socket;
  }
  end(): void {
    console.log('tail ended');
    this.socket.destroy();
  }
}`,
    errors: [{ messageId: 'notReleased', line: 5, column: 20, data: { field: 'socket', resource: 'net.Socket', ...DESTROYED, disposals: '`end()`' } }],
  },
  {
    name: 'A socket from a factory function in another file, never destroyed by terminate()',
    code: `import type { Socket } from 'node:net';
import { openSocket } from './owners.js';
export class Probe {
  private readonly socket: Socket;
  constructor(port: number) {
    this.socket = openSocket(port);
  }
  terminate(): void {
    console.log('probe terminated');
  }
}`,
    output: `import type { Socket } from 'node:net';
import { openSocket } from './owners.js';
export class Probe {
  private readonly socket: Socket;
  constructor(port: number) {
    this.socket = openSocket(port);
  }
  terminate(): void {
    console.log('probe terminated');
    this.socket.destroy();
  }
}`,
    errors: [{ messageId: 'notReleased', line: 6, column: 19, data: { field: 'socket', resource: 'net.Socket', ...DESTROYED, disposals: '`terminate()`' } }],
  },
  {
    name: 'An http.Server created in the constructor, never closed by shutdown()',
    code: `import * as http from 'node:http';
export class MetricsEndpoint {
  private readonly server: http.Server;
  constructor(port: number) {
    this.server = http.createServer((req, res) => res.end('# metrics'));
    this.server.listen(port);
  }
  shutdown(): void {
    console.log('metrics endpoint down');
  }
}`,
    output: `import * as http from 'node:http';
export class MetricsEndpoint {
  private readonly server: http.Server;
  constructor(port: number) {
    this.server = http.createServer((req, res) => res.end('# metrics'));
    this.server.listen(port);
  }
  shutdown(): void {
    console.log('metrics endpoint down');
    this.server.close();
  }
}`,
    errors: [{ messageId: 'notReleased', line: 5, column: 19, data: { field: 'server', resource: 'http.Server', ...CLOSED, disposals: '`shutdown()`' } }],
  },
  {
    name: 'A WebSocket opened in the constructor, never closed by close()',
    code: `import WebSocket from 'ws';
export class Feed {
  private readonly ws: WebSocket;
  constructor(url: string) {
    this.ws = new WebSocket(url);
  }
  close(): void {
    console.log('feed closed');
  }
}`,
    output: `import WebSocket from 'ws';
export class Feed {
  private readonly ws: WebSocket;
  constructor(url: string) {
    this.ws = new WebSocket(url);
  }
  close(): void {
    console.log('feed closed');
    this.ws.close();
  }
}`,
    errors: [{ messageId: 'notReleased', line: 5, column: 15, data: { field: 'ws', resource: 'WebSocket', ...CLOSED, disposals: '`close()`' } }],
  },
  {
    name: 'A file watcher in a field initializer, never closed by stop()',
    code: `import * as fs from 'node:fs';
export class ConfigReloader {
  private readonly watcher = fs.watch('config', () => this.reload());
  reload(): void {
    console.log('reloading');
  }
  stop(): void {
    console.log('stopped watching');
  }
}`,
    output: `import * as fs from 'node:fs';
export class ConfigReloader {
  private readonly watcher = fs.watch('config', () => this.reload());
  reload(): void {
    console.log('reloading');
  }
  stop(): void {
    console.log('stopped watching');
    this.watcher.close();
  }
}`,
    errors: [{ messageId: 'notReleased', line: 3, column: 30, data: { field: 'watcher', resource: 'fs.FSWatcher', ...CLOSED, disposals: '`stop()`' } }],
  },
  {
    name: 'A timeout used as a repeating timer (re-armed after each poll), never cleared by stop()',
    code: `export class Poller {
  private timer: NodeJS.Timeout | undefined;
  constructor(private readonly poll: () => void) {}
  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.poll();
      this.schedule();
    }, 5_000);
  }
  stop(): void {
    console.log('poller stopped');
  }
}`,
    output: `export class Poller {
  private timer: NodeJS.Timeout | undefined;
  constructor(private readonly poll: () => void) {}
  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.poll();
      this.schedule();
    }, 5_000);
  }
  stop(): void {
    console.log('poller stopped');
    clearTimeout(this.timer);
  }
}`,
    errors: [{ messageId: 'notReleased', line: 6, column: 18, data: { field: 'timer', resource: 'timeout', ...CLEARED, disposals: '`stop()`' } }],
  },
  {
    name: 'A Disposable member never disposed by dispose()',
    code: `declare class Lease implements Disposable {
  [Symbol.dispose](): void;
}
export class Job {
  private readonly lease = new Lease();
  dispose(): void {
    console.log('job disposed');
  }
}`,
    output: `declare class Lease implements Disposable {
  [Symbol.dispose](): void;
}
export class Job {
  private readonly lease = new Lease();
  dispose(): void {
    console.log('job disposed');
    this.lease[Symbol.dispose]();
  }
}`,
    errors: [{ messageId: 'notReleased', line: 5, column: 28, data: { field: 'lease', resource: 'Disposable', released: 'disposed', release: 'dispose', disposals: '`dispose()`' } }],
  },
  {
    name: 'A #private client never closed by close()',
    code: `import { Client } from 'undici';
export class Director {
  #client = new Client('http://director:25555');
  async close(): Promise<void> {
    console.log('director closed');
  }
}`,
    output: `import { Client } from 'undici';
export class Director {
  #client = new Client('http://director:25555');
  async close(): Promise<void> {
    console.log('director closed');
    await this.#client.close();
  }
}`,
    errors: [{ messageId: 'notReleased', line: 3, column: 13, data: { field: '#client', resource: 'undici Client', ...CLOSED, disposals: '`close()`' } }],
  },
  {
    name: 'A #private interval started in start() and never cleared by stop()',
    code: `export class Heartbeat {
  #timer: NodeJS.Timeout | undefined;
  start(beat: () => void): void {
    if (this.#timer) return;
    this.#timer = setInterval(beat, 1_000);
  }
  stop(): void {
    console.log('heartbeat stopped');
  }
}`,
    output: `export class Heartbeat {
  #timer: NodeJS.Timeout | undefined;
  start(beat: () => void): void {
    if (this.#timer) return;
    this.#timer = setInterval(beat, 1_000);
  }
  stop(): void {
    console.log('heartbeat stopped');
    clearInterval(this.#timer);
  }
}`,
    errors: [{ messageId: 'notReleased', line: 5, column: 19, data: { field: '#timer', resource: 'interval', ...CLEARED, disposals: '`stop()`' } }],
  },
  {
    name: 'A client created lazily with `??=` (no overwrite: it is only created when unset), never closed by close()',
    code: `import { Client } from 'undici';
export class Director {
  #client: Client | undefined;
  constructor(private readonly url: string) {}
  get client(): Client {
    return (this.#client ??= new Client(this.url));
  }
  async close(): Promise<void> {
    console.log('director closed');
  }
}`,
    output: `import { Client } from 'undici';
export class Director {
  #client: Client | undefined;
  constructor(private readonly url: string) {}
  get client(): Client {
    return (this.#client ??= new Client(this.url));
  }
  async close(): Promise<void> {
    console.log('director closed');
    await this.#client?.close();
  }
}`,
    errors: [{ messageId: 'notReleased', line: 6, column: 30, data: { field: '#client', resource: 'undici Client', ...CLOSED, disposals: '`close()`' } }],
  },
  {
    name: 'A pool created lazily with `||=` in a method, never ended by end()',
    code: `import pg from 'pg';
export class Repository {
  private pool: pg.Pool | undefined;
  query(text: string): Promise<pg.QueryResult> {
    this.pool ||= new pg.Pool();
    return this.pool.query(text);
  }
  async end(): Promise<void> {
    console.log('repository closed');
  }
}`,
    output: `import pg from 'pg';
export class Repository {
  private pool: pg.Pool | undefined;
  query(text: string): Promise<pg.QueryResult> {
    this.pool ||= new pg.Pool();
    return this.pool.query(text);
  }
  async end(): Promise<void> {
    console.log('repository closed');
    await this.pool?.end();
  }
}`,
    errors: [{ messageId: 'notReleased', line: 5, column: 19, data: { field: 'pool', resource: 'pg Pool', released: 'ended', release: 'end', disposals: '`end()`' } }],
  },
  {
    name: 'Static: a class-wide agent with a static close() that does not close it',
    code: `import { Agent } from 'undici';
export class Api {
  static readonly agent = new Agent({ keepAliveTimeout: 10_000 });
  static async close(): Promise<void> {
    console.log('api closed');
  }
}`,
    output: `import { Agent } from 'undici';
export class Api {
  static readonly agent = new Agent({ keepAliveTimeout: 10_000 });
  static async close(): Promise<void> {
    console.log('api closed');
    await this.agent.close();
  }
}`,
    errors: [{ messageId: 'notReleased', line: 3, column: 27, data: { field: 'agent', resource: 'undici Agent', ...CLOSED, disposals: '`close()`' } }],
  },
  {
    name: 'Static and instance fields are judged separately: the instance close() does not stand in for a static one',
    code: `import { Agent } from 'undici';
export class Api {
  static readonly shared = new Agent();
  private readonly own = new Agent();
  static async close(): Promise<void> {
    await this.shared.close();
  }
  async close(): Promise<void> {
    console.log('instance closed');
  }
}`,
    output: `import { Agent } from 'undici';
export class Api {
  static readonly shared = new Agent();
  private readonly own = new Agent();
  static async close(): Promise<void> {
    await this.shared.close();
  }
  async close(): Promise<void> {
    console.log('instance closed');
    await this.own.close();
  }
}`,
    errors: [{ messageId: 'notReleased', line: 4, column: 26, data: { field: 'own', resource: 'undici Agent', ...CLOSED, disposals: '`close()`' } }],
  },
  {
    name: 'No disposal method at all: the health monitor of incident 2 keeps its client forever',
    code: `import { Client } from 'undici';
export class HealthMonitor {
  private readonly client = new Client('http://director:25555');
  async check(): Promise<number> {
    const { statusCode, body } = await this.client.request({ path: '/info', method: 'GET' });
    await body.dump();
    return statusCode;
  }
}`,
    output: null,
    errors: [{ messageId: 'noDisposal', line: 3, column: 29, data: { field: 'client', resource: 'undici Client', ...CLOSED, className: 'HealthMonitor' } }],
  },
  {
    name: 'No disposal method at all: a guarded start() with nothing that stops it',
    code: `export class Exporter {
  private timer: NodeJS.Timeout | undefined;
  start(refresh: () => void): void {
    if (this.timer) return;
    this.timer = setInterval(refresh, 10_000);
  }
}`,
    output: null,
    errors: [{ messageId: 'noDisposal', line: 5, column: 18, data: { field: 'timer', resource: 'interval', ...CLEARED, className: 'Exporter' } }],
  },
  {
    name: 'No disposal method at all: one report per field, however often the field is set',
    code: `import * as net from 'node:net';
export class Mirror {
  private socket = net.connect(7000);
  private readonly server = net.createServer((s) => s.pipe(this.socket));
  listen(port: number): void {
    this.server.listen(port);
  }
}`,
    output: null,
    errors: [
      { messageId: 'noDisposal', line: 3, column: 20, data: { field: 'socket', resource: 'net.Socket', ...DESTROYED, className: 'Mirror' } },
      { messageId: 'noDisposal', line: 4, column: 29, data: { field: 'server', resource: 'net.Server', ...CLOSED, className: 'Mirror' } },
    ],
  },
  {
    name: 'JavaScript: a client created in the constructor, never closed by close()',
    filename: 'script.js',
    code: `import { Client } from 'undici';
export class HealthMonitor {
  /** @param {string} url */
  constructor(url) {
    this.client = new Client(url);
  }
  async close() {
    console.log('closed');
  }
}`,
    output: `import { Client } from 'undici';
export class HealthMonitor {
  /** @param {string} url */
  constructor(url) {
    this.client = new Client(url);
  }
  async close() {
    console.log('closed');
    await this.client.close();
  }
}`,
    errors: [{ messageId: 'notReleased', line: 5, column: 19, data: { field: 'client', resource: 'undici Client', ...CLOSED, disposals: '`close()`' } }],
  },
  {
    name: 'JavaScript: an interval in a class with no disposal method',
    filename: 'script.js',
    code: `export class Ticker {
  /** @param {() => void} tick */
  constructor(tick) {
    this.timer = setInterval(tick, 1_000);
  }
}`,
    output: null,
    errors: [{ messageId: 'noDisposal', line: 4, column: 18, data: { field: 'timer', resource: 'interval', ...CLEARED, className: 'Ticker' } }],
  },
];

ruleTester.run('no-unreleased-field (ownership)', rule, { valid, invalid });
