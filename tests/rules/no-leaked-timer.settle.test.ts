// Rule tests for `leaks/no-leaked-timer`: a timer a Promise executor arms must be cleared wherever the promise settles,
// and one cleared in an emitter's listeners must be cleared on each way the emitter's operation can end.
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/no-leaked-timer.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();
const TS = 'file.ts';
const JS = 'script.js';

const TIMEOUT = { resource: 'timeout', consequence: 'it holds its closure and keeps the event loop alive for the whole delay' };

const valid: ValidTestCase<Options>[] = [
  {
    name: "A connect timeout cleared once on 'close', which follows every outcome of the connection attempt",
    code: `import * as net from 'node:net';
export function dial(port: number, callback: (err?: Error, sock?: net.Socket) => void): void {
  const sock = net.connect(port);
  const timer = setTimeout(() => sock.destroy(), 10_000);
  sock.once('connect', () => callback(undefined, sock));
  sock.once('close', () => clearTimeout(timer));
  sock.on('error', (err) => callback(err));
}`,
  },
  {
    name: "A request timeout cleared on 'response' and on 'error'",
    code: `import * as http from 'node:http';
export function get(url: string, ms: number, done: (err: Error | null, status?: number) => void): void {
  const req = http.get(url);
  const timer = setTimeout(() => req.destroy(new Error('timeout')), ms);
  req.on('response', (res) => {
    clearTimeout(timer);
    res.resume();
    done(null, res.statusCode);
  });
  req.on('error', (err) => {
    clearTimeout(timer);
    done(err);
  });
}`,
  },
  {
    name: "A listener on an emitter without known outcomes (a plain EventEmitter's 'ready') is trusted",
    code: `import { EventEmitter } from 'node:events';
export function wait(bus: EventEmitter, onSlow: () => void): void {
  const timer = setTimeout(onSlow, 5_000);
  bus.once('ready', () => clearTimeout(timer));
}`,
  },
  {
    name: 'Cleared on every outcome',
    code: `export function withTimeout(ms: number, work: () => Promise<void>): Promise<void> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('timeout')), ms);
    work().then(
      () => { clearTimeout(t); resolve(); },
      (e: unknown) => { clearTimeout(t); reject(e); },
    );
  });
}`,
  },
  {
    name: 'Cleared through a local cleanup function called before settling',
    code: `import { EventEmitter } from 'node:events';
export function waitFor(events: EventEmitter, ms: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => onFailed('timed out'), ms);
    const cleanup = () => {
      clearTimeout(timeout);
      events.off('done', onDone);
      events.off('failed', onFailed);
    };
    function onDone(value: unknown) { cleanup(); resolve(value); }
    function onFailed(reason: unknown) { cleanup(); reject(new Error(String(reason))); }
    events.on('done', onDone);
    events.on('failed', onFailed);
  });
}`,
  },
  {
    name: "A timer that may not be armed, cleared under a null check (crawlee's fixed pause)",
    code: `export function pause(running: () => number, timeoutMs: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let timeout: NodeJS.Timeout | undefined;
    if (timeoutMs) {
      timeout = setTimeout(() => {
        clearInterval(interval);
        reject(new Error('stuck'));
      }, timeoutMs);
    }
    const interval = setInterval(() => {
      if (running() <= 0) {
        if (timeout) clearTimeout(timeout);
        clearInterval(interval);
        resolve();
      }
    }, 100);
  });
}`,
  },
  {
    name: "A settle point in the catch of the code that arms the timer: no timer yet",
    code: `import * as os from 'node:os';
export function sample(ms: number): Promise<number> {
  return new Promise((resolve, reject) => {
    try {
      const first = os.cpus().length;
      setTimeout(() => resolve(os.cpus().length - first), ms);
    } catch (err) {
      reject(err);
    }
  });
}`,
  },
  {
    name: 'A reject before the timer is armed',
    code: `export function delay(ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    if (ms > 2147483647) return reject(new RangeError('too long'));
    setTimeout(resolve, ms);
  });
}`,
  },
  {
    name: 'A plain delay: the timer is the only way the promise settles',
    code: `export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));`,
  },
  {
    name: 'A timer whose callback does not settle and that is never cleared: left to the lifetime rules',
    code: `export function poll(check: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(() => console.log('still waiting'), 1000);
    if (check()) resolve();
  });
}`,
  },
  {
    name: 'The handle is handed on: someone else clears it',
    code: `export function start(ms: number, timers: Set<NodeJS.Timeout>): Promise<void> {
  return new Promise((resolve) => {
    timers.add(setTimeout(() => resolve(), ms));
    resolve();
  });
}`,
  },
  {
    name: 'Cleared in a JavaScript executor on both outcomes',
    filename: JS,
    code: `export function race(ms, work) {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('timeout')), ms);
    work.then((v) => { clearTimeout(t); resolve(v); }).catch((e) => { clearTimeout(t); reject(e); });
  });
}`,
  },
  {
    name: 'Cleared in `.finally()` on the chain that settles the promise (p-timeout)',
    code: `export function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    work.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}`,
  },
  {
    name: 'Kept in a variable of the function that awaits the promise and clears it in `finally`',
    code: `export async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await new Promise<T>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), ms);
      work.then(resolve, reject);
    });
  } finally {
    clearTimeout(timer);
  }
}`,
  },
];

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: "Event outcomes: a connect timeout cleared only on 'connect' stays armed when the socket errors (issue #13 §1)",
    code: `import * as net from 'node:net';
export function dial(port: number, callback: (err?: Error, sock?: net.Socket) => void): void {
  const sock = net.connect(port);
  const timer = setTimeout(() => sock.destroy(), 10_000);
  sock.once('connect', () => {
    clearTimeout(timer);
    callback(undefined, sock);
  });
  sock.on('error', (err) => callback(err));
}`,
    filename: TS,
    output: null,
    errors: [
      {
        messageId: 'leak',
        line: 4,
        column: 17,
        data: {
          name: 'timer',
          resource: 'timeout',
          released: 'cleared',
          path: "when \`sock\` emits 'error' (only on 'connect', line 5)",
          advice: "Clear it on 'error' too, or once on 'close', which follows every outcome.",
        },
      },
    ],
  },
  {
    name: "Event outcomes: a request timeout cleared only on 'response' stays armed when the request errors",
    code: `import * as http from 'node:http';
export function get(url: string, ms: number, done: (err: Error | null, status?: number) => void): void {
  const req = http.get(url);
  const timer = setTimeout(() => req.destroy(new Error('timeout')), ms);
  req.on('response', (res) => {
    clearTimeout(timer);
    res.resume();
    done(null, res.statusCode);
  });
  req.on('error', (err) => done(err));
}`,
    filename: TS,
    output: null,
    errors: [
      {
        messageId: 'leak',
        line: 4,
        column: 17,
        data: {
          name: 'timer',
          resource: 'timeout',
          released: 'cleared',
          path: "when \`req\` emits 'error' (only on 'response', line 5)",
          advice: "Clear it on 'error' too, or once on 'close', which follows every outcome.",
        },
      },
    ],
  },
  {
    name: "The socket errors and the connect timeout stays armed (the issue's event outcome)",
    code: `import * as net from 'node:net';
export function connect(port: number, ms: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const sock = net.connect(port);
    const timer = setTimeout(() => { sock.destroy(); reject(new Error('timeout')); }, ms);
    sock.once('connect', () => { clearTimeout(timer); resolve(sock); });
    sock.on('error', (err) => reject(err));
  });
}`,
    errors: [{ messageId: 'settled', line: 5, column: 19, data: { ...TIMEOUT, name: 'timer', how: 'rejects', line: 7 } }],
  },
  {
    name: "Cleared after an early return on error (knex's acquireConnection)",
    code: `declare const pool: { acquire(cb: (err: Error | null, c?: object) => void): void; release(c: object): void };
export function acquire(ms: number): Promise<object> {
  return new Promise((resolve, reject) => {
    let wasRejected = false;
    const t = setTimeout(() => { wasRejected = true; reject(new Error('timeout')); }, ms);
    pool.acquire((err, connection) => {
      if (err) return reject(err);
      clearTimeout(t);
      if (wasRejected) pool.release(connection!);
      else resolve(connection!);
    });
  });
}`,
    errors: [{ messageId: 'settled', line: 5, column: 15, data: { ...TIMEOUT, name: 't', how: 'rejects', line: 7 } }],
  },
  {
    name: "The timeout rejects while the polling interval runs on (crawlee's pause)",
    code: `export function pause(running: () => number, timeoutMs: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let timeout: NodeJS.Timeout | undefined;
    if (timeoutMs) timeout = setTimeout(() => reject(new Error('stuck')), timeoutMs);
    const interval = setInterval(() => {
      if (running() <= 0) {
        if (timeout) clearTimeout(timeout);
        clearInterval(interval);
        resolve();
      }
    }, 100);
  });
}`,
    errors: [
      {
        messageId: 'settled',
        line: 5,
        column: 22,
        data: { name: 'interval', resource: 'interval', consequence: 'it runs until the process exits', how: 'rejects', line: 4 },
      },
    ],
  },
  {
    name: 'A watchdog with no handle: the reply settles first and the timer stays armed',
    code: `import { EventEmitter } from 'node:events';
export function waitResponse(id: number, receiver: EventEmitter, ms: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const listener = (msg: { id: number; value: unknown }) => {
      if (msg.id === id) {
        resolve(msg.value);
        receiver.off('message', listener);
      }
    };
    receiver.on('message', listener);
    setTimeout(() => {
      receiver.off('message', listener);
      reject(new Error('timed out'));
    }, ms);
  });
}`,
    errors: [{ messageId: 'settledDiscarded', line: 11, column: 5, data: { ...TIMEOUT, how: 'resolves', line: 6 } }],
  },
  {
    name: 'Settled by `.then(resolve, reject)`: the timer races the work and is never cleared',
    code: `export function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error('timeout')), ms);
    work.then(resolve, reject);
  });
}`,
    errors: [{ messageId: 'settledDiscarded', line: 3, column: 5, data: { ...TIMEOUT, how: 'resolves', line: 4 } }],
  },
  {
    name: 'Cleared on success only',
    code: `export function withTimeout(ms: number, work: () => Promise<void>): Promise<void> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('timeout')), ms);
    work().then(() => { clearTimeout(t); resolve(); }, (e: unknown) => reject(e));
  });
}`,
    errors: [{ messageId: 'settled', line: 3, column: 15, data: { ...TIMEOUT, name: 't', how: 'rejects', line: 4 } }],
  },
  {
    name: "JavaScript: a check's message path ends the client but leaves the timeout armed (uptime-kuma's MQTT monitor)",
    filename: JS,
    code: `import { EventEmitter } from 'node:events';
export function check(client, topic, seconds) {
  return new Promise((resolve, reject) => {
    client.on('message', (messageTopic) => {
      if (messageTopic === topic) {
        client.end();
        resolve('ok');
      }
    });
    setTimeout(() => {
      client.end();
      reject(new Error('Timeout'));
    }, seconds * 1000);
  });
}
export const unused = EventEmitter;`,
    errors: [{ messageId: 'settledDiscarded', line: 10, column: 5, data: { ...TIMEOUT, how: 'resolves', line: 7 } }],
  },
];

ruleTester.run('no-leaked-timer (settle points)', rule, {
  valid: valid.map((test) => ({ filename: TS, ...test })),
  invalid: invalid.map((test) => ({ filename: TS, ...test })),
});
