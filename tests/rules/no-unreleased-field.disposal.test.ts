// Rule tests for `leaks/no-unreleased-field`: what counts as releasing a field — the disposal methods (by name, `[Symbol.dispose]`, the `disposalMethods` option), aliases, loops over collections, private helpers, and disposal inherited from a base class in the same file or another one.
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/no-unreleased-field.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

const CLOSED = { released: 'closed', release: 'close' };
const DESTROYED = { released: 'destroyed', release: 'destroy' };
const CLEARED = { released: 'cleared', release: 'clear' };
const SOCKET = { resource: 'net.Socket', ...DESTROYED };
const INTERVAL = { resource: 'interval', ...CLEARED };

/** A class that keeps an interval and a socket, with `disposal` as its only disposal method. */
const twoResources = (disposal: string): string => `import * as net from 'node:net';
export class Relay {
  private timer: NodeJS.Timeout | undefined;
  private readonly socket = net.connect(7000);
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.socket.write('ping'), 1_000);
  }
${disposal}
}`;

export const valid: ValidTestCase<Options>[] = [
  {
    // What an arrow-function field stores is not taken as owned (yet): on real code these are event handlers that add
    // and drop per-event objects whose lifetime the events drive (puppeteer's Page and its workers, a false report).
    filename: 'file.ts',
    code: `import * as net from 'node:net';
export class Page {
  readonly #workers = new Map<string, net.Socket>();
  #onAttached = (id: string, port: number): void => {
    this.#workers.set(id, net.connect(port));
  };
  #onDetached = (id: string): void => {
    this.#workers.delete(id);
  };
  attach(events: NodeJS.EventEmitter): void {
    events.on('attached', this.#onAttached);
    events.on('detached', this.#onDetached);
  }
  close(): void {
    console.log('closed');
  }
}`,
  },
  {
    // A helper written as an arrow-function field, called by the disposal method, is followed.
    filename: 'file.ts',
    code: `export class Poller {
  private timer: NodeJS.Timeout | undefined;
  start(): void {
    this.timer = setInterval(() => {}, 1000);
  }
  stop(): void {
    this.#clear();
  }
  #clear = (): void => clearInterval(this.timer);
}`,
  },
  {
    // A disposal method written as an arrow-function field (bound to the instance) is a disposal method.
    filename: 'file.ts',
    code: `export class Poller {
  private timer: NodeJS.Timeout | undefined;
  start(): void {
    this.timer = setInterval(() => {}, 1000);
  }
  close = (): void => {
    clearInterval(this.timer);
  };
}`,
  },
  // The disposal walk looks only at the statements that name the field, an alias of it, or a method of `this`: these
  // releases sit in statements that do not name the field themselves.
  {
    name: 'Released through an alias taken in an earlier statement, in a switch case, and in a callback of another call',
    code: `import * as net from 'node:net';
export class Relay {
  private readonly upstream = net.connect(7000);
  private readonly ticker = setInterval(() => undefined, 1_000);
  private readonly watchdog = setInterval(() => undefined, 5_000);
  private readonly server = net.createServer();
  close(mode: 'fast' | 'slow'): void {
    const upstream = this.upstream;
    const server = this.server;
    switch (mode) {
      case 'fast':
        upstream.destroy();
        break;
      default:
        upstream.end();
    }
    server.close(() => {
      const ticker = this.ticker;
      clearInterval(ticker);
    });
    this.stopWatchdog();
  }
  private stopWatchdog(): void {
    clearInterval(this.watchdog);
  }
}`,
  },
  {
    // The ownership model: a field is released by whatever method releases it, not only by one named like disposal.
    name: 'A release in a method that is not a disposal method counts (flush() closes the client)',
    code: `import { Client } from 'undici';
export class Monitor {
  private readonly client = new Client('http://director:25555');
  async flush(): Promise<void> {
    await this.client.close();
  }
  async close(): Promise<void> {
    console.log('closing');
  }
}`,
  },
  {
    name: 'clear() clears the interval it set in the constructor',
    code: `export class Heart {
  private readonly t: NodeJS.Timeout;
  constructor(ms: number, beat: () => void) {
    this.t = setInterval(beat, ms);
  }
  clear(): void {
    clearInterval(this.t);
  }
}`,
  },
  {
    name: 'A template method: the base shutdown() calls a hook the subclass overrides to clear the interval',
    code: `abstract class Reader {
  async shutdown(): Promise<void> {
    await this.onShutdown();
  }
  protected abstract onShutdown(): Promise<void>;
}
export class Periodic extends Reader {
  private i?: NodeJS.Timeout;
  start(): void {
    if (this.i) return;
    this.i = setInterval(() => {}, 1000);
  }
  protected async onShutdown(): Promise<void> {
    clearInterval(this.i);
  }
}`,
  },
  {
    name: 'A detached child process that the method unrefs at once is meant to outlive its owner',
    code: `import { spawn, type ChildProcess } from 'node:child_process';
export class Launcher {
  private child?: ChildProcess;
  launch(cmd: string): void {
    this.child = spawn(cmd, [], { stdio: 'ignore', detached: true });
    this.child.unref();
  }
}`,
  },
  {
    name: '`disposalMethods` option: close() is no disposal method any more, but it still releases both fields',
    options: [{ disposalMethods: ['halt'] }],
    code: twoResources(`  close(): void {
    clearInterval(this.timer);
    this.socket.destroy();
  }`),
  },
  ...['close', 'dispose', 'destroy', 'stop', 'end', 'shutdown', 'disconnect', 'terminate'].map((name) => ({
    name: `\`${name}()\` is a disposal method`,
    code: twoResources(`  ${name}(): void {
    clearInterval(this.timer);
    this.socket.destroy();
  }`),
  })),
  {
    name: '`[Symbol.dispose]()` is a disposal method',
    code: twoResources(`  [Symbol.dispose](): void {
    clearInterval(this.timer);
    this.socket.end();
  }`),
  },
  {
    name: '`[Symbol.asyncDispose]()` is a disposal method',
    code: `import { Client } from 'undici';
export class Monitor implements AsyncDisposable {
  private readonly client = new Client('http://director:25555');
  async [Symbol.asyncDispose](): Promise<void> {
    await this.client.close();
  }
}`,
  },
  {
    name: 'Any one disposal method that releases the field is enough: [Symbol.asyncDispose]() delegates to close()',
    code: `import { Client } from 'undici';
export class Monitor implements AsyncDisposable {
  private readonly client = new Client('http://director:25555');
  async close(): Promise<void> {
    await this.client.close();
  }
  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}`,
  },
  {
    name: 'Released through an alias: `const c = this.client; await c.close()`',
    code: `import { Client } from 'undici';
export class Monitor {
  private client: Client | undefined = new Client('http://director:25555');
  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    await client?.close();
  }
}`,
  },
  {
    name: 'Released through optional chaining and a null check',
    code: twoResources(`  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.socket?.destroy();
  }`),
  },
  {
    name: 'Released by other release methods of the kind: `timer.close()`, `socket.end()`',
    code: twoResources(`  stop(): void {
    this.timer?.close();
    this.socket.end();
  }`),
  },
  {
    name: 'A collection released by `for … of` in the disposal method',
    code: `import * as net from 'node:net';
export class Fanout {
  private readonly sockets = new Set<net.Socket>();
  add(port: number): void {
    this.sockets.add(net.connect(port));
  }
  close(): void {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }
}`,
  },
  {
    name: 'A collection released by `forEach` with a callback',
    code: `import * as net from 'node:net';
export class Fanout {
  private readonly sockets: net.Socket[] = [];
  add(port: number): void {
    this.sockets.push(net.connect(port));
  }
  close(): void {
    this.sockets.forEach((socket) => socket.destroy());
    this.sockets.length = 0;
  }
}`,
  },
  {
    name: 'A list of timers cleared by `forEach(clearInterval)`',
    code: `export class Scheduler {
  private readonly timers: NodeJS.Timeout[] = [];
  every(ms: number, job: () => void): void {
    this.timers.push(setInterval(job, ms));
  }
  stop(): void {
    this.timers.forEach(clearInterval);
    this.timers.length = 0;
  }
}`,
  },
  {
    name: 'A collection released through an alias of the field',
    code: `import * as net from 'node:net';
export class Fanout {
  private sockets = new Set<net.Socket>();
  add(port: number): void {
    this.sockets.add(net.connect(port));
  }
  close(): void {
    const sockets = this.sockets;
    this.sockets = new Set();
    for (const socket of sockets) socket.destroy();
  }
}`,
  },
  {
    name: 'A Map of sockets released by a loop over its values',
    code: `import * as net from 'node:net';
export class Peers {
  private readonly byId = new Map<string, net.Socket>();
  connect(id: string, port: number): void {
    this.byId.get(id)?.destroy();
    this.byId.set(id, net.connect(port));
  }
  close(): void {
    for (const socket of this.byId.values()) socket.destroy();
    this.byId.clear();
  }
}`,
  },
  {
    name: 'A collection of clients closed together with `Promise.all` over a copy of the set',
    code: `import { Client } from 'undici';
export class Upstreams {
  private readonly clients = new Set<Client>();
  add(url: string): void {
    this.clients.add(new Client(url));
  }
  async close(): Promise<void> {
    await Promise.all([...this.clients].map((client) => client.close()));
    this.clients.clear();
  }
}`,
  },
  {
    name: 'A private helper method called by stop()',
    code: twoResources(`  stop(): void {
    this.clearTimers();
    this.socket.destroy();
  }
  private clearTimers(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }`),
  },
  {
    name: 'A #private helper method, two calls deep',
    code: twoResources(`  async close(): Promise<void> {
    await this.#flush();
  }
  async #flush(): Promise<void> {
    this.#teardown();
  }
  #teardown(): void {
    clearInterval(this.timer);
    this.socket.destroy();
  }`),
  },
  {
    name: 'A compound of a disposal verb (`stopPolling()`) is a disposal method too',
    code: twoResources(`  stopPolling(): void {
    clearInterval(this.timer);
    this.socket.destroy();
  }`),
  },
  {
    name: '`disposalMethods` option: a custom name releases the fields',
    options: [{ disposalMethods: ['halt'] }],
    code: twoResources(`  halt(): void {
    clearInterval(this.timer);
    this.socket.destroy();
  }`),
  },
  {
    name: '`disposalMethods` option: `[Symbol.dispose]()` still counts',
    options: [{ disposalMethods: ['halt'] }],
    code: twoResources(`  [Symbol.dispose](): void {
    clearInterval(this.timer);
    this.socket.destroy();
  }`),
  },
  {
    name: 'Inherited: a subclass is not told to re-release what the base releases',
    code: `import { Client } from 'undici';
class Service {
  protected readonly client = new Client('http://director:25555');
  async close(): Promise<void> {
    await this.client.close();
  }
}
export class HealthMonitor extends Service {
  async check(): Promise<void> {
    const { body } = await this.client.request({ path: '/info', method: 'GET' });
    await body.dump();
  }
}`,
  },
  {
    name: 'Inherited: the subclass sets a field that the base close() clears',
    code: `class Service {
  protected timer: NodeJS.Timeout | undefined;
  close(): void {
    clearInterval(this.timer);
  }
}
export class Exporter extends Service {
  start(refresh: () => void): void {
    if (this.timer) return;
    this.timer = setInterval(refresh, 10_000);
  }
}`,
  },
  {
    name: 'Inherited: an override that releases its own field and chains to super.close()',
    code: `import * as net from 'node:net';
class Service {
  protected timer: NodeJS.Timeout | undefined;
  close(): void {
    clearInterval(this.timer);
  }
}
export class Relay extends Service {
  private readonly socket = net.connect(7000);
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.socket.write('ping'), 1_000);
  }
  override close(): void {
    this.socket.destroy();
    super.close();
  }
}`,
  },
  {
    name: 'Inherited: a super.close() chain over three classes',
    code: `class Base {
  protected timer: NodeJS.Timeout | undefined;
  close(): void {
    clearInterval(this.timer);
  }
}
class Middle extends Base {
  override close(): void {
    console.log('middle closing');
    super.close();
  }
}
export class Leaf extends Middle {
  start(refresh: () => void): void {
    if (this.timer) return;
    this.timer = setInterval(refresh, 10_000);
  }
}`,
  },
  {
    name: 'Inherited across files: the base in services.ts clears the interval a subclass starts',
    code: `import { PollingService } from './services.js';
export class ClusterInfoExporter extends PollingService {
  start(refresh: () => void): void {
    if (this.timer) return;
    this.timer = setInterval(refresh, 10_000);
  }
}`,
  },
  {
    name: 'Inherited across files: an override that chains to the base close() in services.ts',
    code: `import { PollingService } from './services.js';
export class ClusterInfoExporter extends PollingService {
  start(refresh: () => void): void {
    if (this.timer) return;
    this.timer = setInterval(refresh, 10_000);
  }
  override async close(): Promise<void> {
    console.log('exporter closing');
    await super.close();
  }
}`,
  },
  {
    name: 'Inherited across files: the base stop() releases the socket through a private helper',
    code: `import * as net from 'node:net';
import { Connection } from './services.js';
export class LineClient extends Connection {
  connect(port: number): void {
    if (this.socket) return;
    this.socket = net.connect(port);
  }
}`,
  },
];

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: '`disposalMethods` option: a close() that releases nothing is no disposal method, so the class has none',
    options: [{ disposalMethods: ['halt'] }],
    code: twoResources(`  close(): void {
    console.log('closing');
  }`),
    output: null,
    errors: [
      { messageId: 'noDisposal', line: 4, column: 29, data: { field: 'socket', ...SOCKET, className: 'Relay' } },
      { messageId: 'noDisposal', line: 7, column: 18, data: { field: 'timer', ...INTERVAL, className: 'Relay' } },
    ],
  },
  {
    name: 'Clearing a different timer does not release this one',
    code: `export class Exporter {
  private refreshTimer: NodeJS.Timeout | undefined;
  private flushTimer: NodeJS.Timeout | undefined;
  start(refresh: () => void, flush: () => void): void {
    if (this.refreshTimer || this.flushTimer) return;
    this.refreshTimer = setInterval(refresh, 10_000);
    this.flushTimer = setInterval(flush, 60_000);
  }
  stop(): void {
    clearInterval(this.refreshTimer);
  }
}`,
    output: `export class Exporter {
  private refreshTimer: NodeJS.Timeout | undefined;
  private flushTimer: NodeJS.Timeout | undefined;
  start(refresh: () => void, flush: () => void): void {
    if (this.refreshTimer || this.flushTimer) return;
    this.refreshTimer = setInterval(refresh, 10_000);
    this.flushTimer = setInterval(flush, 60_000);
  }
  stop(): void {
    clearInterval(this.refreshTimer);
    clearInterval(this.flushTimer);
  }
}`,
    errors: [{ messageId: 'notReleased', line: 7, column: 23, data: { field: 'flushTimer', ...INTERVAL, disposals: '`stop()`' } }],
  },
  {
    name: 'Only unref() on the interval is no release',
    code: `export class Exporter {
  private readonly timer = setInterval(() => console.log('tick'), 1_000);
  stop(): void {
    this.timer.unref();
  }
}`,
    output: `export class Exporter {
  private readonly timer = setInterval(() => console.log('tick'), 1_000);
  stop(): void {
    this.timer.unref();
    clearInterval(this.timer);
  }
}`,
    errors: [{ messageId: 'notReleased', line: 2, column: 28, data: { field: 'timer', ...INTERVAL, disposals: '`stop()`' } }],
  },
  {
    name: 'A private helper that stop() never calls does not count',
    code: twoResources(`  stop(): void {
    this.socket.destroy();
  }
  private clearTimers(): void {
    clearInterval(this.timer);
  }`),
    output: twoResources(`  stop(): void {
    this.socket.destroy();
    clearInterval(this.timer);
  }
  private clearTimers(): void {
    clearInterval(this.timer);
  }`),
    errors: [{ messageId: 'notReleased', line: 7, column: 18, data: { field: 'timer', ...INTERVAL, disposals: '`stop()`' } }],
  },
  {
    name: 'A helper called by the disposal method that releases only the socket',
    code: twoResources(`  stop(): void {
    this.hangUp();
  }
  private hangUp(): void {
    this.socket.destroy();
  }`),
    output: twoResources(`  stop(): void {
    this.hangUp();
    clearInterval(this.timer);
  }
  private hangUp(): void {
    this.socket.destroy();
  }`),
    errors: [{ messageId: 'notReleased', line: 7, column: 18, data: { field: 'timer', ...INTERVAL, disposals: '`stop()`' } }],
  },
  {
    name: 'A private helper named like a disposal method is a helper, not a second disposal method: one fix, into stop()',
    code: twoResources(`  stop(): void {
    this.closeSocket();
  }
  private closeSocket(): void {
    this.socket.destroy();
  }`),
    output: twoResources(`  stop(): void {
    this.closeSocket();
    clearInterval(this.timer);
  }
  private closeSocket(): void {
    this.socket.destroy();
  }`),
    errors: [{ messageId: 'notReleased', line: 7, column: 18, data: { field: 'timer', ...INTERVAL, disposals: '`stop()`' } }],
  },
  {
    name: 'A collection whose loop only logs its sockets',
    code: `import * as net from 'node:net';
export class Fanout {
  private readonly sockets = new Set<net.Socket>();
  constructor(ports: number[]) {
    for (const port of ports) this.sockets.add(net.connect(port));
  }
  close(): void {
    for (const socket of this.sockets) console.log(socket.remotePort);
  }
}`,
    output: `import * as net from 'node:net';
export class Fanout {
  private readonly sockets = new Set<net.Socket>();
  constructor(ports: number[]) {
    for (const port of ports) this.sockets.add(net.connect(port));
  }
  close(): void {
    for (const socket of this.sockets) console.log(socket.remotePort);
    for (const item of this.sockets) item.destroy();
  }
}`,
    errors: [{ messageId: 'notReleased', line: 5, column: 48, data: { field: 'sockets', ...SOCKET, disposals: '`close()`' } }],
  },
  {
    name: '`disposalMethods` option: a custom disposal method that forgets the interval gets the fix',
    options: [{ disposalMethods: ['halt'] }],
    code: twoResources(`  halt(): void {
    this.socket.destroy();
  }`),
    output: twoResources(`  halt(): void {
    this.socket.destroy();
    clearInterval(this.timer);
  }`),
    errors: [{ messageId: 'notReleased', line: 7, column: 18, data: { field: 'timer', ...INTERVAL, disposals: '`halt()`' } }],
  },
  {
    name: 'Inherited: the base close() does not release a field the subclass adds; nothing to edit in this class',
    code: `import * as net from 'node:net';
class Service {
  protected timer: NodeJS.Timeout | undefined;
  close(): void {
    clearInterval(this.timer);
  }
}
export class Relay extends Service {
  private readonly socket = net.connect(7000);
  send(line: string): void {
    this.socket.write(line);
  }
}`,
    output: null,
    errors: [{ messageId: 'notReleased', line: 9, column: 29, data: { field: 'socket', ...SOCKET, disposals: '`close()` (inherited from `Service`)' } }],
  },
  {
    name: 'Inherited: an override that does not chain to super.close() no longer clears the base field',
    code: `class Service {
  protected timer: NodeJS.Timeout | undefined;
  close(): void {
    clearInterval(this.timer);
  }
}
export class Exporter extends Service {
  start(refresh: () => void): void {
    if (this.timer) return;
    this.timer = setInterval(refresh, 10_000);
  }
  override close(): void {
    console.log('exporter closed');
  }
}`,
    output: `class Service {
  protected timer: NodeJS.Timeout | undefined;
  close(): void {
    clearInterval(this.timer);
  }
}
export class Exporter extends Service {
  start(refresh: () => void): void {
    if (this.timer) return;
    this.timer = setInterval(refresh, 10_000);
  }
  override close(): void {
    console.log('exporter closed');
    clearInterval(this.timer);
  }
}`,
    errors: [{ messageId: 'notReleased', line: 10, column: 18, data: { field: 'timer', ...INTERVAL, disposals: '`close()`' } }],
  },
  {
    name: 'Inherited: an override that chains to super.close() but forgets its own socket gets the fix',
    code: `import * as net from 'node:net';
import { PollingService } from './services.js';
export class Relay extends PollingService {
  private readonly socket = net.connect(7000);
  override async close(): Promise<void> {
    await super.close();
  }
}`,
    output: `import * as net from 'node:net';
import { PollingService } from './services.js';
export class Relay extends PollingService {
  private readonly socket = net.connect(7000);
  override async close(): Promise<void> {
    await super.close();
    this.socket.destroy();
  }
}`,
    errors: [{ messageId: 'notReleased', line: 4, column: 29, data: { field: 'socket', ...SOCKET, disposals: '`close()`' } }],
  },
  {
    name: 'Inherited across files: the base close() in services.ts does not know the subclass socket',
    code: `import * as net from 'node:net';
import { PollingService } from './services.js';
export class Relay extends PollingService {
  private readonly socket = net.connect(7000);
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.socket.write('ping'), 1_000);
  }
}`,
    output: null,
    errors: [{ messageId: 'notReleased', line: 4, column: 29, data: { field: 'socket', ...SOCKET, disposals: '`close()` (inherited from `PollingService`)' } }],
  },
];

ruleTester.run('no-unreleased-field (disposal)', rule, { valid, invalid });
