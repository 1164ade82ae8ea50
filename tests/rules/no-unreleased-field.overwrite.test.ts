// Rule tests for `leaks/no-unreleased-field`'s overwrite report (`checkOverwrites`, on in `strict`): replacing an owned field
// outside the constructor in a method the class evidently runs again — a start() re-run from a listener, a reconnect on
// 'close', a setter — against the guarded shapes (return early when set, a busy flag, an assert, release the old value
// first) and against methods nothing shows running twice (silent in every config).
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/no-unreleased-field.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

const INTERVAL = { resource: 'interval', released: 'cleared', release: 'clear' };
const SOCKET = { resource: 'net.Socket', released: 'destroyed', release: 'destroy' };

const STRICT: Options = [{ checkOverwrites: true }];

/** An exporter whose stop() clears the interval and whose start() runs again on every 'reload'; `start` is its body. */
const exporter = (start: string, rerun = true): string => `export class Exporter {
  private timer: NodeJS.Timeout | undefined;
  constructor(private readonly refresh: () => void) {}
  start(): void {
${start}
  }
  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }${
    rerun
      ? `
  watch(events: NodeJS.EventEmitter): void {
    events.on('reload', () => this.start());
  }`
      : ''
  }
}`;

/** A line client whose close() destroys the socket and that reconnects on every 'reconnect'; `reconnect` is its body. */
const lineClient = (reconnect: string): string => `import * as net from 'node:net';
export class LineClient {
  private socket: net.Socket;
  constructor(private readonly port: number) {
    this.socket = net.connect(port);
  }
  reconnect(): void {
${reconnect}
  }
  close(): void {
    this.socket.destroy();
  }
  watch(events: NodeJS.EventEmitter): void {
    events.on('reconnect', () => this.reconnect());
  }
}`;

export const valid: ValidTestCase<Options>[] = [
  {
    name: 'Guarded: `if (this.timer) return;` before starting',
    options: STRICT,
    code: exporter(`    if (this.timer) return;
    this.timer = setInterval(this.refresh, 10_000);`),
  },
  {
    name: 'Guarded: throws when already started',
    options: STRICT,
    code: exporter(`    if (this.timer !== undefined) throw new Error('exporter already started');
    this.timer = setInterval(this.refresh, 10_000);`),
  },
  {
    name: 'Guarded: starts only when not started',
    options: STRICT,
    code: exporter(`    if (!this.timer) {
      this.timer = setInterval(this.refresh, 10_000);
    }`),
  },
  {
    name: 'The old interval is cleared first',
    options: STRICT,
    code: exporter(`    clearInterval(this.timer);
    this.timer = setInterval(this.refresh, 10_000);`),
  },
  {
    name: 'The old interval is cleared first by calling stop()',
    options: STRICT,
    code: exporter(`    this.stop();
    this.timer = setInterval(this.refresh, 10_000);`),
  },
  {
    name: 'Reconnect destroys the old socket first',
    options: STRICT,
    code: lineClient(`    this.socket.destroy();
    this.socket = net.connect(this.port);`),
  },
  {
    name: 'Reconnect ends the old socket first, through optional chaining',
    options: STRICT,
    code: `import * as net from 'node:net';
export class LineClient {
  private socket: net.Socket | undefined;
  connect(port: number): void {
    this.socket?.end();
    this.socket = net.connect(port);
  }
  close(): void {
    this.socket?.destroy();
  }
}`,
  },
  {
    name: 'Set once in the constructor, then only used',
    options: STRICT,
    code: lineClient(`    this.socket.write('hello again');`),
  },
  {
    name: 'A reconnect registered in the constructor replaces a socket that has already closed',
    options: STRICT,
    code: `import * as net from 'node:net';
export class LineClient {
  private socket: net.Socket;
  constructor(port: number) {
    this.socket = net.connect(port);
    this.socket.on('close', () => {
      this.socket = net.connect(port);
    });
  }
  close(): void {
    this.socket.destroy();
  }
}`,
  },
  {
    name: 'Adding to a collection is not an overwrite',
    options: STRICT,
    code: `import * as net from 'node:net';
export class Fanout {
  private readonly sockets = new Set<net.Socket>();
  add(port: number): void {
    this.sockets.add(net.connect(port));
  }
  close(): void {
    for (const socket of this.sockets) socket.destroy();
  }
}`,
  },
  {
    name: 'Replacing a borrowed socket is not an overwrite',
    options: STRICT,
    code: `import type { Socket } from 'node:net';
export class Framer {
  private socket: Socket | undefined;
  attach(socket: Socket): void {
    this.socket = socket;
  }
  close(): void {
    this.socket = undefined;
  }
}`,
  },
];

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: 'A one-shot timeout re-armed by a start() that runs again on every reload, without clearing the pending one',
    options: STRICT,
    code: exporter(`    this.timer = setTimeout(this.refresh, 10_000);`),
    output: null,
    errors: [{ messageId: 'overwriteTimeout', line: 5, column: 18, data: { field: 'timer', resource: 'timeout', method: 'start' } }],
  },
  {
    name: 'Incident 5: a start() that can run twice replaces the interval without clearing it',
    options: STRICT,
    code: exporter(`    this.timer = setInterval(this.refresh, 10_000);`),
    output: null,
    errors: [{ messageId: 'overwrite', line: 5, column: 18, data: { field: 'timer', ...INTERVAL, method: 'start' } }],
  },
  {
    name: 'A reconnect that replaces this.socket without destroying the old one',
    options: STRICT,
    code: lineClient(`    this.socket = net.connect(this.port);`),
    output: null,
    errors: [{ messageId: 'overwrite', line: 8, column: 19, data: { field: 'socket', ...SOCKET, method: 'reconnect' } }],
  },
  {
    name: 'A reconnect through a local that is wired up before it replaces the socket',
    options: STRICT,
    code: lineClient(`    const socket = net.connect(this.port);
    socket.setKeepAlive(true);
    this.socket = socket;`),
    output: null,
    errors: [{ messageId: 'overwrite', line: 8, column: 20, data: { field: 'socket', ...SOCKET, method: 'reconnect' } }],
  },
  {
    name: 'A check that logs and goes on is no guard',
    options: STRICT,
    code: exporter(`    if (this.timer) console.log('restarting the exporter');
    this.timer = setInterval(this.refresh, 10_000);`),
    output: null,
    errors: [{ messageId: 'overwrite', line: 6, column: 18, data: { field: 'timer', ...INTERVAL, method: 'start' } }],
  },
  {
    name: 'A guarded start() does not cover a restart() that replaces the interval',
    options: STRICT,
    code: `export class Exporter {
  private timer: NodeJS.Timeout | undefined;
  constructor(private readonly refresh: () => void) {}
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(this.refresh, 10_000);
  }
  restart(): void {
    this.timer = setInterval(this.refresh, 10_000);
  }
  stop(): void {
    clearInterval(this.timer);
  }
  watch(events: NodeJS.EventEmitter): void {
    events.on('reload', () => this.restart());
  }
}`,
    output: null,
    errors: [{ messageId: 'overwrite', line: 9, column: 18, data: { field: 'timer', ...INTERVAL, method: 'restart' } }],
  },
  {
    name: 'A #private interval replaced by a start() that can run twice',
    options: STRICT,
    code: `export class Heartbeat {
  #timer: NodeJS.Timeout | undefined;
  start(beat: () => void): void {
    this.#timer = setInterval(beat, 1_000);
  }
  stop(): void {
    clearInterval(this.#timer);
  }
  restartEach(beats: Array<() => void>): void {
    for (const beat of beats) this.start(beat);
  }
}`,
    output: null,
    errors: [{ messageId: 'overwrite', line: 4, column: 19, data: { field: '#timer', ...INTERVAL, method: 'start' } }],
  },
  {
    name: 'A setter that opens a new socket for every port it is given',
    options: STRICT,
    code: `import * as net from 'node:net';
export class Tail {
  private socket: net.Socket | undefined;
  set port(port: number) {
    this.socket = net.connect(port);
  }
  close(): void {
    this.socket?.destroy();
  }
}`,
    output: null,
    errors: [{ messageId: 'overwrite', line: 5, column: 19, data: { field: 'socket', ...SOCKET, method: 'port' } }],
  },
  {
    name: 'An unguarded start() that stop() does not clear either: both reports, one fix',
    options: STRICT,
    code: `export class Exporter {
  private timer: NodeJS.Timeout | undefined;
  start(refresh: () => void): void {
    this.timer = setInterval(refresh, 10_000);
  }
  stop(): void {
    console.log('stopped');
  }
  retry(refresh: () => void): void {
    setTimeout(() => this.start(refresh), 1_000);
  }
}`,
    output: `export class Exporter {
  private timer: NodeJS.Timeout | undefined;
  start(refresh: () => void): void {
    this.timer = setInterval(refresh, 10_000);
  }
  stop(): void {
    console.log('stopped');
    clearInterval(this.timer);
  }
  retry(refresh: () => void): void {
    setTimeout(() => this.start(refresh), 1_000);
  }
}`,
    errors: [
      { messageId: 'notReleased', line: 4, column: 18, data: { field: 'timer', ...INTERVAL, disposals: '`stop()`' } },
      { messageId: 'overwrite', line: 4, column: 18, data: { field: 'timer', ...INTERVAL, method: 'start' } },
    ],
  },
  {
    name: 'An unguarded start() in a class with no disposal method: both reports, no fix',
    options: STRICT,
    code: `export class Exporter {
  private timer: NodeJS.Timeout | undefined;
  start(refresh: () => void): void {
    this.timer = setInterval(refresh, 10_000);
  }
  reload(refresh: () => void): void {
    this.start(refresh);
  }
  watch(events: NodeJS.EventEmitter, refresh: () => void): void {
    events.on('reload', () => this.reload(refresh));
  }
}`,
    output: null,
    errors: [
      { messageId: 'noDisposal', line: 4, column: 18, data: { field: 'timer', ...INTERVAL, className: 'Exporter' } },
      { messageId: 'overwrite', line: 4, column: 18, data: { field: 'timer', ...INTERVAL, method: 'start' } },
    ],
  },
  {
    name: 'JavaScript: a start() that can run twice',
    options: STRICT,
    filename: 'script.js',
    code: `export class Exporter {
  /** @param {() => void} refresh */
  start(refresh) {
    this.timer = setInterval(refresh, 10_000);
  }
  stop() {
    clearInterval(this.timer);
  }
  /** @param {import('node:events').EventEmitter} events @param {() => void} refresh */
  watch(events, refresh) {
    events.on('reload', () => this.start(refresh));
  }
}`,
    output: null,
    errors: [{ messageId: 'overwrite', line: 4, column: 18, data: { field: 'timer', ...INTERVAL, method: 'start' } }],
  },
  {
    name: 'A reconnect scheduled from its own socket\'s close handler',
    options: STRICT,
    code: `import * as net from 'node:net';
export class LineClient {
  private socket: net.Socket | undefined;
  constructor(private readonly port: number) {}
  connect(): void {
    this.socket = net.connect(this.port);
    this.socket.on('close', () => setTimeout(() => this.connect(), 1_000));
  }
  close(): void {
    this.socket?.destroy();
  }
}`,
    output: null,
    errors: [{ messageId: 'overwrite', line: 6, column: 19, data: { field: 'socket', ...SOCKET, method: 'connect' } }],
  },
];

/** The same shapes with nothing that shows the method running twice, or under `recommended`: no overwrite report. */
const silent: ValidTestCase<Options>[] = [
  {
    name: 'Acceptance: start() sets the interval, stop() clears it, and nothing in the class runs start() again',
    options: STRICT,
    code: exporter(`    this.timer = setInterval(this.refresh, 10_000);`, false),
  },
  {
    name: 'The same start() under the default options, even where a listener re-runs it',
    code: exporter(`    this.timer = setInterval(this.refresh, 10_000);`),
  },
  {
    name: 'A reconnect on every reconnect event, under the default options',
    code: lineClient(`    this.socket = net.connect(this.port);`),
  },
  {
    name: 'start() called once from the constructor',
    options: STRICT,
    code: `export class Relay {
  private timer: NodeJS.Timeout | undefined;
  constructor(private readonly refresh: () => void) {
    this.start();
  }
  private start(): void {
    this.timer = setInterval(this.refresh, 10_000);
  }
  close(): void {
    clearInterval(this.timer);
  }
}`,
  },
  {
    name: 'init() called once from another method that nothing re-runs',
    options: STRICT,
    code: `export class Reporter {
  private timer: NodeJS.Timeout | undefined;
  constructor(private readonly flush: () => void) {}
  start(): void {
    this.init();
  }
  init(): void {
    this.timer = setInterval(this.flush, 5_000);
  }
  stop(): void {
    clearInterval(this.timer);
  }
}`,
  },
  {
    name: 'A busy flag guards the re-run',
    options: STRICT,
    code: exporter(`    if (this.running) return;
    this.running = true;
    this.timer = setInterval(this.refresh, 10_000);`).replace('  private timer', '  private running = false;\n  private timer'),
  },
  {
    name: 'An assert that start() is not running yet guards the re-run',
    options: STRICT,
    code: `function assert(value: unknown, message: string): asserts value {
  if (!value) throw new Error(message);
}
export class Coverage {
  #enabled = false;
  #timer: NodeJS.Timeout | undefined;
  start(poll: () => void): void {
    assert(!this.#enabled, 'Coverage is already enabled');
    this.#enabled = true;
    this.#timer = setInterval(poll, 100);
  }
  stop(): void {
    clearInterval(this.#timer);
    this.#enabled = false;
  }
  watch(events: NodeJS.EventEmitter, poll: () => void): void {
    events.on('restart', () => this.start(poll));
  }
}`,
  },
];
valid.push(...silent);

ruleTester.run('no-unreleased-field (overwrite)', rule, { valid, invalid });
