// Rule tests for `leaks/no-unreleased-field`: replacing an owned field outside the constructor — a start() that can run twice, a reconnect that replaces the socket — against the guarded shapes (return early when set, release the old value first).
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/no-unreleased-field.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

const INTERVAL = { resource: 'interval', released: 'cleared', release: 'clear' };
const SOCKET = { resource: 'net.Socket', released: 'destroyed', release: 'destroy' };

/** An exporter whose stop() clears the interval; `start` is the body of its start(). */
const exporter = (start: string): string => `export class Exporter {
  private timer: NodeJS.Timeout | undefined;
  constructor(private readonly refresh: () => void) {}
  start(): void {
${start}
  }
  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}`;

/** A line client whose close() destroys the socket; `reconnect` is the body of its reconnect(). */
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
}`;

export const valid: ValidTestCase<Options>[] = [
  {
    name: 'Guarded: `if (this.timer) return;` before starting',
    code: exporter(`    if (this.timer) return;
    this.timer = setInterval(this.refresh, 10_000);`),
  },
  {
    name: 'Guarded: throws when already started',
    code: exporter(`    if (this.timer !== undefined) throw new Error('exporter already started');
    this.timer = setInterval(this.refresh, 10_000);`),
  },
  {
    name: 'Guarded: starts only when not started',
    code: exporter(`    if (!this.timer) {
      this.timer = setInterval(this.refresh, 10_000);
    }`),
  },
  {
    name: 'The old interval is cleared first',
    code: exporter(`    clearInterval(this.timer);
    this.timer = setInterval(this.refresh, 10_000);`),
  },
  {
    name: 'The old interval is cleared first by calling stop()',
    code: exporter(`    this.stop();
    this.timer = setInterval(this.refresh, 10_000);`),
  },
  {
    name: 'Reconnect destroys the old socket first',
    code: lineClient(`    this.socket.destroy();
    this.socket = net.connect(this.port);`),
  },
  {
    name: 'Reconnect ends the old socket first, through optional chaining',
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
    code: lineClient(`    this.socket.write('hello again');`),
  },
  {
    name: 'A reconnect registered in the constructor replaces a socket that has already closed',
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
    name: 'Incident 5: a start() that can run twice replaces the interval without clearing it',
    code: exporter(`    this.timer = setInterval(this.refresh, 10_000);`),
    output: null,
    errors: [{ messageId: 'overwrite', line: 5, column: 18, data: { field: 'timer', ...INTERVAL, method: 'start' } }],
  },
  {
    name: 'A reconnect that replaces this.socket without destroying the old one',
    code: lineClient(`    this.socket = net.connect(this.port);`),
    output: null,
    errors: [{ messageId: 'overwrite', line: 8, column: 19, data: { field: 'socket', ...SOCKET, method: 'reconnect' } }],
  },
  {
    name: 'A reconnect through a local that is wired up before it replaces the socket',
    code: lineClient(`    const socket = net.connect(this.port);
    socket.setKeepAlive(true);
    this.socket = socket;`),
    output: null,
    errors: [{ messageId: 'overwrite', line: 8, column: 20, data: { field: 'socket', ...SOCKET, method: 'reconnect' } }],
  },
  {
    name: 'A check that logs and goes on is no guard',
    code: exporter(`    if (this.timer) console.log('restarting the exporter');
    this.timer = setInterval(this.refresh, 10_000);`),
    output: null,
    errors: [{ messageId: 'overwrite', line: 6, column: 18, data: { field: 'timer', ...INTERVAL, method: 'start' } }],
  },
  {
    name: 'A guarded start() does not cover a restart() that replaces the interval',
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
}`,
    output: null,
    errors: [{ messageId: 'overwrite', line: 9, column: 18, data: { field: 'timer', ...INTERVAL, method: 'restart' } }],
  },
  {
    name: 'A #private interval replaced by a start() that can run twice',
    code: `export class Heartbeat {
  #timer: NodeJS.Timeout | undefined;
  start(beat: () => void): void {
    this.#timer = setInterval(beat, 1_000);
  }
  stop(): void {
    clearInterval(this.#timer);
  }
}`,
    output: null,
    errors: [{ messageId: 'overwrite', line: 4, column: 19, data: { field: '#timer', ...INTERVAL, method: 'start' } }],
  },
  {
    name: 'A setter that opens a new socket for every port it is given',
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
    code: `export class Exporter {
  private timer: NodeJS.Timeout | undefined;
  start(refresh: () => void): void {
    this.timer = setInterval(refresh, 10_000);
  }
  stop(): void {
    console.log('stopped');
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
}`,
    errors: [
      { messageId: 'notReleased', line: 4, column: 18, data: { field: 'timer', ...INTERVAL, disposals: '`stop()`' } },
      { messageId: 'overwrite', line: 4, column: 18, data: { field: 'timer', ...INTERVAL, method: 'start' } },
    ],
  },
  {
    name: 'An unguarded start() in a class with no disposal method: both reports, no fix',
    code: `export class Exporter {
  private timer: NodeJS.Timeout | undefined;
  start(refresh: () => void): void {
    this.timer = setInterval(refresh, 10_000);
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
    filename: 'script.js',
    code: `export class Exporter {
  /** @param {() => void} refresh */
  start(refresh) {
    this.timer = setInterval(refresh, 10_000);
  }
  stop() {
    clearInterval(this.timer);
  }
}`,
    output: null,
    errors: [{ messageId: 'overwrite', line: 4, column: 18, data: { field: 'timer', ...INTERVAL, method: 'start' } }],
  },
];

ruleTester.run('no-unreleased-field (overwrite)', rule, { valid, invalid });
