// Rule tests for `leaks/no-unreleased-field`: the shape of the edit — one disposal method gets a fix (`?.` for fields that may be unset, `await` or `void` for releases that return a promise, clear functions for timers, loops for collections, before a final `return`), several get one suggestion each.
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/no-unreleased-field.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

const CLIENT = { resource: 'undici Client', released: 'closed', release: 'close' };
const SOCKET = { resource: 'net.Socket', released: 'destroyed', release: 'destroy' };
const INTERVAL = { resource: 'interval', released: 'cleared', release: 'clear' };
const DISPOSABLE = { resource: 'Disposable', released: 'disposed', release: 'dispose' };

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: '`?.` for a field declared optional',
    code: `import { Client } from 'undici';
export class Monitor {
  private client?: Client;
  constructor(url?: string) {
    if (url) this.client = new Client(url);
  }
  async close(): Promise<void> {
    console.log('closing');
  }
}`,
    output: `import { Client } from 'undici';
export class Monitor {
  private client?: Client;
  constructor(url?: string) {
    if (url) this.client = new Client(url);
  }
  async close(): Promise<void> {
    console.log('closing');
    await this.client?.close();
  }
}`,
    errors: [{ messageId: 'notReleased', line: 5, column: 28, data: { field: 'client', ...CLIENT, disposals: '`close()`' } }],
  },
  {
    name: '`?.` for a field set outside the constructor, even when its declared type is not optional',
    code: `import * as net from 'node:net';
export class LineClient {
  private socket!: net.Socket;
  open(port: number): void {
    if (this.socket) return;
    this.socket = net.connect(port);
  }
  close(): void {
    console.log('closing');
  }
}`,
    output: `import * as net from 'node:net';
export class LineClient {
  private socket!: net.Socket;
  open(port: number): void {
    if (this.socket) return;
    this.socket = net.connect(port);
  }
  close(): void {
    console.log('closing');
    this.socket?.destroy();
  }
}`,
    errors: [{ messageId: 'notReleased', line: 6, column: 19, data: { field: 'socket', ...SOCKET, disposals: '`close()`' } }],
  },
  {
    name: '`?.` before `[Symbol.dispose]()` for a Disposable set outside the constructor',
    code: `declare class Lease implements Disposable {
  [Symbol.dispose](): void;
}
export class Job {
  private lease: Lease | undefined;
  acquire(): void {
    if (this.lease) return;
    this.lease = new Lease();
  }
  dispose(): void {
    console.log('job disposed');
  }
}`,
    output: `declare class Lease implements Disposable {
  [Symbol.dispose](): void;
}
export class Job {
  private lease: Lease | undefined;
  acquire(): void {
    if (this.lease) return;
    this.lease = new Lease();
  }
  dispose(): void {
    console.log('job disposed');
    this.lease?.[Symbol.dispose]();
  }
}`,
    errors: [{ messageId: 'notReleased', line: 8, column: 18, data: { field: 'lease', ...DISPOSABLE, disposals: '`dispose()`' } }],
  },
  {
    name: '`void` for an async dispose in a method that is not async',
    code: `declare class Session implements AsyncDisposable {
  [Symbol.asyncDispose](): Promise<void>;
}
export class Job {
  private readonly session = new Session();
  stop(): void {
    console.log('job stopped');
  }
}`,
    output: `declare class Session implements AsyncDisposable {
  [Symbol.asyncDispose](): Promise<void>;
}
export class Job {
  private readonly session = new Session();
  stop(): void {
    console.log('job stopped');
    void this.session[Symbol.asyncDispose]();
  }
}`,
    errors: [{ messageId: 'notReleased', line: 5, column: 30, data: { field: 'session', ...DISPOSABLE, disposals: '`stop()`' } }],
  },
  {
    name: '`await` in [Symbol.asyncDispose]() when it is the only disposal method',
    code: `import { Client } from 'undici';
export class Monitor implements AsyncDisposable {
  private readonly client = new Client('http://director:25555');
  async [Symbol.asyncDispose](): Promise<void> {
    console.log('monitor disposed');
  }
}`,
    output: `import { Client } from 'undici';
export class Monitor implements AsyncDisposable {
  private readonly client = new Client('http://director:25555');
  async [Symbol.asyncDispose](): Promise<void> {
    console.log('monitor disposed');
    await this.client.close();
  }
}`,
    errors: [{ messageId: 'notReleased', line: 3, column: 29, data: { field: 'client', ...CLIENT, disposals: '`[Symbol.asyncDispose]()`' } }],
  },
  {
    name: 'No `await` for a release that returns nothing, even in an async method',
    code: `import * as net from 'node:net';
export class Relay {
  private readonly socket = net.connect(7000);
  async close(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
  }
}`,
    output: `import * as net from 'node:net';
export class Relay {
  private readonly socket = net.connect(7000);
  async close(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    this.socket.destroy();
  }
}`,
    errors: [{ messageId: 'notReleased', line: 3, column: 29, data: { field: 'socket', ...SOCKET, disposals: '`close()`' } }],
  },
  {
    name: 'Inserted before a final `return` in an async method',
    code: `import { Client } from 'undici';
export class Monitor {
  private readonly client = new Client('http://director:25555');
  async stop(): Promise<boolean> {
    console.log('monitor stopped');
    return true;
  }
}`,
    output: `import { Client } from 'undici';
export class Monitor {
  private readonly client = new Client('http://director:25555');
  async stop(): Promise<boolean> {
    console.log('monitor stopped');
    await this.client.close();
    return true;
  }
}`,
    errors: [{ messageId: 'notReleased', line: 3, column: 29, data: { field: 'client', ...CLIENT, disposals: '`stop()`' } }],
  },
  {
    name: 'Inserted before a final `return` that hands back a promise, with `void` in a method that is not async',
    code: `import { Client } from 'undici';
export class Monitor {
  private readonly client = new Client('http://director:25555');
  constructor(private readonly flush: () => Promise<void>) {}
  close(): Promise<void> {
    return this.flush();
  }
}`,
    output: `import { Client } from 'undici';
export class Monitor {
  private readonly client = new Client('http://director:25555');
  constructor(private readonly flush: () => Promise<void>) {}
  close(): Promise<void> {
    void this.client.close();
    return this.flush();
  }
}`,
    errors: [{ messageId: 'notReleased', line: 3, column: 29, data: { field: 'client', ...CLIENT, disposals: '`close()`' } }],
  },
  {
    name: 'Into an empty disposal method',
    code: `import { Client } from 'undici';
export class Monitor {
  private readonly client = new Client('http://director:25555');
  async stop(): Promise<void> {}
}`,
    output: `import { Client } from 'undici';
export class Monitor {
  private readonly client = new Client('http://director:25555');
  async stop(): Promise<void> {
    await this.client.close();
  }
}`,
    errors: [{ messageId: 'notReleased', line: 3, column: 29, data: { field: 'client', ...CLIENT, disposals: '`stop()`' } }],
  },
  {
    name: 'Into an empty disposal method of a class nested in a function, at its indentation',
    code: `import { Client } from 'undici';
export function createMonitor(url: string): { stop(): Promise<void> } {
  class Monitor {
    readonly client = new Client(url);
    async stop(): Promise<void> {}
  }
  return new Monitor();
}`,
    output: `import { Client } from 'undici';
export function createMonitor(url: string): { stop(): Promise<void> } {
  class Monitor {
    readonly client = new Client(url);
    async stop(): Promise<void> {
      await this.client.close();
    }
  }
  return new Monitor();
}`,
    errors: [{ messageId: 'notReleased', line: 4, column: 23, data: { field: 'client', ...CLIENT, disposals: '`stop()`' } }],
  },
  {
    name: 'Two fields, one disposal method: each gets its release, one pass after the other',
    code: `import { Client } from 'undici';
export class Monitor {
  private readonly client = new Client('http://director:25555');
  private timer: NodeJS.Timeout | undefined;
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => console.log(this.client.closed), 30_000);
  }
  async stop(): Promise<void> {
    console.log('monitor stopped');
  }
}`,
    output: [
      `import { Client } from 'undici';
export class Monitor {
  private readonly client = new Client('http://director:25555');
  private timer: NodeJS.Timeout | undefined;
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => console.log(this.client.closed), 30_000);
  }
  async stop(): Promise<void> {
    console.log('monitor stopped');
    await this.client.close();
  }
}`,
      `import { Client } from 'undici';
export class Monitor {
  private readonly client = new Client('http://director:25555');
  private timer: NodeJS.Timeout | undefined;
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => console.log(this.client.closed), 30_000);
  }
  async stop(): Promise<void> {
    console.log('monitor stopped');
    await this.client.close();
    clearInterval(this.timer);
  }
}`,
    ],
    errors: [
      { messageId: 'notReleased', line: 3, column: 29, data: { field: 'client', ...CLIENT, disposals: '`stop()`' } },
      { messageId: 'notReleased', line: 7, column: 18, data: { field: 'timer', ...INTERVAL, disposals: '`stop()`' } },
    ],
  },
  {
    name: 'A loop for a Set of sockets filled by a method',
    code: `import * as net from 'node:net';
export class Fanout {
  private readonly sockets = new Set<net.Socket>();
  add(port: number): void {
    this.sockets.add(net.connect(port));
  }
  close(): void {
    console.log('closing');
  }
}`,
    output: `import * as net from 'node:net';
export class Fanout {
  private readonly sockets = new Set<net.Socket>();
  add(port: number): void {
    this.sockets.add(net.connect(port));
  }
  close(): void {
    console.log('closing');
    for (const item of this.sockets) item.destroy();
  }
}`,
    errors: [{ messageId: 'notReleased', line: 5, column: 22, data: { field: 'sockets', ...SOCKET, disposals: '`close()`' } }],
  },
  {
    name: 'A loop with `clearInterval` for an array of intervals',
    code: `export class Scheduler {
  private readonly timers: NodeJS.Timeout[] = [];
  every(ms: number, job: () => void): void {
    this.timers.push(setInterval(job, ms));
  }
  stop(): void {
    console.log('scheduler stopped');
  }
}`,
    output: `export class Scheduler {
  private readonly timers: NodeJS.Timeout[] = [];
  every(ms: number, job: () => void): void {
    this.timers.push(setInterval(job, ms));
  }
  stop(): void {
    console.log('scheduler stopped');
    for (const item of this.timers) clearInterval(item);
  }
}`,
    errors: [{ messageId: 'notReleased', line: 4, column: 22, data: { field: 'timers', ...INTERVAL, disposals: '`stop()`' } }],
  },
  {
    name: 'A loop over the values of a Map of sockets',
    code: `import * as net from 'node:net';
export class Peers {
  private readonly byId = new Map<string, net.Socket>();
  connect(id: string, port: number): void {
    this.byId.get(id)?.destroy();
    this.byId.set(id, net.connect(port));
  }
  close(): void {
    console.log('closing');
  }
}`,
    output: `import * as net from 'node:net';
export class Peers {
  private readonly byId = new Map<string, net.Socket>();
  connect(id: string, port: number): void {
    this.byId.get(id)?.destroy();
    this.byId.set(id, net.connect(port));
  }
  close(): void {
    console.log('closing');
    for (const item of this.byId.values()) item.destroy();
  }
}`,
    errors: [{ messageId: 'notReleased', line: 6, column: 23, data: { field: 'byId', ...SOCKET, disposals: '`close()`' } }],
  },
  {
    name: 'A collection of clients with an async close(): closed together, not one await after the other',
    code: `import { Client } from 'undici';
export class Upstreams {
  private readonly clients = new Set<Client>();
  add(url: string): void {
    this.clients.add(new Client(url));
  }
  async close(): Promise<void> {
    console.log('closing');
  }
}`,
    output: `import { Client } from 'undici';
export class Upstreams {
  private readonly clients = new Set<Client>();
  add(url: string): void {
    this.clients.add(new Client(url));
  }
  async close(): Promise<void> {
    console.log('closing');
    await Promise.all(Array.from(this.clients, (item) => item.close()));
  }
}`,
    errors: [{ messageId: 'notReleased', line: 5, column: 22, data: { field: 'clients', ...CLIENT, disposals: '`close()`' } }],
  },
  {
    name: 'A collection of clients with an async close(), in a disposal method that is not async: `void Promise.all(…)`',
    code: `import { Client } from 'undici';
export class Upstreams {
  private readonly clients: Client[] = [];
  add(url: string): void {
    this.clients.push(new Client(url));
  }
  stop(): void {
    console.log('stopping');
  }
}`,
    output: `import { Client } from 'undici';
export class Upstreams {
  private readonly clients: Client[] = [];
  add(url: string): void {
    this.clients.push(new Client(url));
  }
  stop(): void {
    console.log('stopping');
    void Promise.all(Array.from(this.clients, (item) => item.close()));
  }
}`,
    errors: [{ messageId: 'notReleased', line: 5, column: 23, data: { field: 'clients', ...CLIENT, disposals: '`stop()`' } }],
  },
  {
    name: 'Several disposal methods: one suggestion for each, no fix',
    code: `import { Client } from 'undici';
export class Monitor implements AsyncDisposable {
  private readonly client = new Client('http://director:25555');
  async close(): Promise<void> {
    console.log('monitor closed');
  }
  async [Symbol.asyncDispose](): Promise<void> {
    console.log('monitor disposed');
  }
}`,
    output: null,
    errors: [
      {
        messageId: 'notReleased',
        line: 3,
        column: 29,
        data: { field: 'client', ...CLIENT, disposals: '`close()` or `[Symbol.asyncDispose]()`' },
        suggestions: [
          {
            messageId: 'addRelease',
            data: { field: 'client', method: 'close' },
            output: `import { Client } from 'undici';
export class Monitor implements AsyncDisposable {
  private readonly client = new Client('http://director:25555');
  async close(): Promise<void> {
    console.log('monitor closed');
    await this.client.close();
  }
  async [Symbol.asyncDispose](): Promise<void> {
    console.log('monitor disposed');
  }
}`,
          },
          {
            messageId: 'addRelease',
            data: { field: 'client', method: '[Symbol.asyncDispose]' },
            output: `import { Client } from 'undici';
export class Monitor implements AsyncDisposable {
  private readonly client = new Client('http://director:25555');
  async close(): Promise<void> {
    console.log('monitor closed');
  }
  async [Symbol.asyncDispose](): Promise<void> {
    console.log('monitor disposed');
    await this.client.close();
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'Several disposal methods, one of them not async: each suggestion fits its method',
    code: `declare class Session implements AsyncDisposable {
  [Symbol.asyncDispose](): Promise<void>;
}
export class Exporter {
  private timer: NodeJS.Timeout | undefined;
  private readonly session = new Session();
  start(refresh: () => void): void {
    if (this.timer) return;
    this.timer = setInterval(refresh, 10_000);
  }
  stop(): void {
    clearInterval(this.timer);
  }
  async shutdown(): Promise<void> {
    this.stop();
  }
}`,
    output: null,
    errors: [
      {
        messageId: 'notReleased',
        line: 6,
        column: 30,
        data: { field: 'session', ...DISPOSABLE, disposals: '`stop()` or `shutdown()`' },
        suggestions: [
          {
            messageId: 'addRelease',
            data: { field: 'session', method: 'stop' },
            output: `declare class Session implements AsyncDisposable {
  [Symbol.asyncDispose](): Promise<void>;
}
export class Exporter {
  private timer: NodeJS.Timeout | undefined;
  private readonly session = new Session();
  start(refresh: () => void): void {
    if (this.timer) return;
    this.timer = setInterval(refresh, 10_000);
  }
  stop(): void {
    clearInterval(this.timer);
    void this.session[Symbol.asyncDispose]();
  }
  async shutdown(): Promise<void> {
    this.stop();
  }
}`,
          },
          {
            messageId: 'addRelease',
            data: { field: 'session', method: 'shutdown' },
            output: `declare class Session implements AsyncDisposable {
  [Symbol.asyncDispose](): Promise<void>;
}
export class Exporter {
  private timer: NodeJS.Timeout | undefined;
  private readonly session = new Session();
  start(refresh: () => void): void {
    if (this.timer) return;
    this.timer = setInterval(refresh, 10_000);
  }
  stop(): void {
    clearInterval(this.timer);
  }
  async shutdown(): Promise<void> {
    this.stop();
    await this.session[Symbol.asyncDispose]();
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'Several disposal methods through the `disposalMethods` option',
    options: [{ disposalMethods: ['halt', 'park'] }],
    code: `import * as net from 'node:net';
export class Relay {
  private readonly socket = net.connect(7000);
  halt(): void {
    console.log('halted');
  }
  park(): void {
    console.log('parked');
  }
}`,
    output: null,
    errors: [
      {
        messageId: 'notReleased',
        line: 3,
        column: 29,
        data: { field: 'socket', ...SOCKET, disposals: '`halt()` or `park()`' },
        suggestions: [
          {
            messageId: 'addRelease',
            data: { field: 'socket', method: 'halt' },
            output: `import * as net from 'node:net';
export class Relay {
  private readonly socket = net.connect(7000);
  halt(): void {
    console.log('halted');
    this.socket.destroy();
  }
  park(): void {
    console.log('parked');
  }
}`,
          },
          {
            messageId: 'addRelease',
            data: { field: 'socket', method: 'park' },
            output: `import * as net from 'node:net';
export class Relay {
  private readonly socket = net.connect(7000);
  halt(): void {
    console.log('halted');
  }
  park(): void {
    console.log('parked');
    this.socket.destroy();
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'An own disposal method and an inherited one: a suggestion for the own one only',
    code: `import * as net from 'node:net';
import { Connection } from './services.js';
export class Relay extends Connection {
  private readonly heartbeat = setInterval(() => this.socket?.write('ping'), 1_000);
  connect(port: number): void {
    if (this.socket) return;
    this.socket = net.connect(port);
  }
  close(): void {
    console.log('relay closed');
  }
}`,
    output: null,
    errors: [
      {
        messageId: 'notReleased',
        line: 4,
        column: 32,
        data: { field: 'heartbeat', ...INTERVAL, disposals: '`close()` or `stop()` (inherited from `Connection`)' },
        suggestions: [
          {
            messageId: 'addRelease',
            data: { field: 'heartbeat', method: 'close' },
            output: `import * as net from 'node:net';
import { Connection } from './services.js';
export class Relay extends Connection {
  private readonly heartbeat = setInterval(() => this.socket?.write('ping'), 1_000);
  connect(port: number): void {
    if (this.socket) return;
    this.socket = net.connect(port);
  }
  close(): void {
    console.log('relay closed');
    clearInterval(this.heartbeat);
  }
}`,
          },
        ],
      },
    ],
  },
];

ruleTester.run('no-unreleased-field (fixes)', rule, { valid: [], invalid });
