// Rule tests for `leaks/no-leaked-timer`: intervals — the run/stop shape of incident 5, poll-until-ready, every way to clear one, and hand-offs to an owner.
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/no-leaked-timer.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

const INTERVAL = {
  resource: 'interval',
  released: 'cleared',
  advice: 'Clear it with `clearInterval()` on every path, or return or store the handle so an owner can.',
};
const INTERVAL_DISCARDED = { ...INTERVAL, how: 'not stored anywhere', consequence: 'it runs until the process exits' };

const valid: ValidTestCase<Options>[] = [
  {
    name: "Kept in an enclosing function's local that the abort listener clears",
    code: `export function ticker(signal: AbortSignal, tick: () => void): void {
  let timer: NodeJS.Timeout | undefined;
  signal.addEventListener('abort', () => clearInterval(timer));
  const start = (): void => {
    timer = setInterval(tick, 1_000);
  };
  start();
}`,
  },
  {
    name: "Kept in an enclosing function's local that a returned stop() clears",
    code: `export function ticker(tick: () => void): () => void {
  let timer: NodeJS.Timeout | undefined;
  const onConnect = (): void => {
    timer = setInterval(tick, 150);
  };
  onConnect();
  return () => clearInterval(timer);
}`,
  },
  {
    name: 'Incident 5 fixed: the abort handler clears the ticker',
    code: `export function run(signal: AbortSignal, refresh: () => void): void {
  const ticker = setInterval(refresh, 10_000);
  signal.addEventListener('abort', () => clearInterval(ticker), { once: true });
}`,
  },
  {
    name: 'The abort handler is a named closure that clears the ticker',
    code: `export function run(signal: AbortSignal, refresh: () => void): void {
  const ticker = setInterval(refresh, 10_000);
  const stop = (): void => clearInterval(ticker);
  signal.addEventListener('abort', stop, { once: true });
}`,
  },
  {
    name: 'The run loop clears the ticker on every exit, cancellation included',
    code: `export async function run(signal: AbortSignal, refresh: () => Promise<void>, nextEvent: () => Promise<string>): Promise<void> {
  const ticker = setInterval(() => void refresh(), 30_000);
  for (;;) {
    const event = await nextEvent();
    if (signal.aborted) {
      clearInterval(ticker);
      return;
    }
    if (event === 'stop') break;
  }
  clearInterval(ticker);
}`,
  },
  {
    name: 'Poll until ready: the callback clears its own handle',
    code: `export function waitUntilReady(isReady: () => boolean, onReady: () => void): void {
  const poll = setInterval(() => {
    if (!isReady()) return;
    clearInterval(poll);
    onReady();
  }, 250);
}`,
  },
  {
    name: 'Poll until ready inside a promise executor, cleared before resolving',
    code: `export function waitFor(isReady: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const poll = setInterval(() => {
      if (isReady()) {
        clearInterval(poll);
        resolve();
      }
    }, 100);
  });
}`,
  },
  {
    name: 'Cleared in `finally`, so the early return clears it too',
    code: `export async function syncAll(jobs: string[], sync: (job: string) => Promise<boolean>, report: () => void): Promise<boolean> {
  const progress = setInterval(report, 5_000);
  try {
    for (const job of jobs) {
      if (!(await sync(job))) return false;
    }
    return true;
  } finally {
    clearInterval(progress);
  }
}`,
  },
  {
    name: '`if (t) clearInterval(t)` in `finally` for an interval started on one branch',
    code: `export async function upload(send: () => Promise<void>, progress: () => void, verbose: boolean): Promise<void> {
  let ticker: NodeJS.Timeout | undefined;
  if (verbose) ticker = setInterval(progress, 1000);
  try {
    await send();
  } finally {
    if (ticker) clearInterval(ticker);
  }
}`,
  },
  {
    name: '`timer.close()` clears it',
    code: `export async function measure(read: () => number, work: () => Promise<void>): Promise<number[]> {
  const samples: number[] = [];
  const sampler = setInterval(() => samples.push(read()), 100);
  try {
    await work();
  } finally {
    sampler.close();
  }
  return samples;
}`,
  },
  {
    name: '`timer[Symbol.dispose]()` clears it',
    code: `export async function measure(read: () => number, work: () => Promise<void>): Promise<number[]> {
  const samples: number[] = [];
  const sampler = setInterval(() => samples.push(read()), 100);
  try {
    await work();
  } finally {
    sampler[Symbol.dispose]();
  }
  return samples;
}`,
  },
  {
    name: '`using` clears it however the function exits',
    code: `export async function measure(read: () => number, work: () => Promise<void>): Promise<number[]> {
  const samples: number[] = [];
  using sampler = setInterval(() => samples.push(read()), 100);
  await work();
  return samples;
}`,
  },
  {
    name: 'Cleared through an alias',
    code: `export function sampleOnce(read: () => number): number {
  const sampler = setInterval(read, 100);
  const handle = sampler;
  clearInterval(handle);
  return read();
}`,
  },
  {
    name: '`clearTimeout` clears an interval too',
    code: `export function sampleOnce(read: () => number): number {
  const sampler = setInterval(read, 100);
  clearTimeout(sampler);
  return read();
}`,
  },
  {
    name: 'Returning the handle hands it to the caller (`unref()` on the way does not matter)',
    code: `export function startHeartbeat(send: () => void): NodeJS.Timeout {
  const heartbeat = setInterval(send, 30_000);
  heartbeat.unref();
  return heartbeat;
}`,
  },
  {
    name: 'Returning the new interval directly',
    code: `export function startHeartbeat(send: () => void): NodeJS.Timeout {
  return setInterval(send, 30_000);
}`,
  },
  {
    name: 'Returning a function that clears it',
    code: `export function startHeartbeat(send: () => void): () => void {
  const heartbeat = setInterval(send, 30_000);
  return () => clearInterval(heartbeat);
}`,
  },
  {
    name: 'Returning an object whose `stop()` clears it',
    code: `export function startExporter(refresh: () => void): { stop(): void } {
  const ticker = setInterval(refresh, 10_000);
  return {
    stop() {
      clearInterval(ticker);
    },
  };
}`,
  },
  {
    name: 'start() and stop() closures sharing a variable of the outer function',
    code: `export function createTicker(tick: () => void): { start(): void; stop(): void } {
  let ticker: NodeJS.Timeout | undefined;
  return {
    start() {
      ticker = setInterval(tick, 1000);
    },
    stop() {
      clearInterval(ticker);
      ticker = undefined;
    },
  };
}`,
  },
  {
    name: 'Stored in a module variable that `stop()` clears',
    code: `let ticker: NodeJS.Timeout | undefined;
export function start(refresh: () => void): void {
  ticker = setInterval(refresh, 10_000);
}
export function stop(): void {
  clearInterval(ticker);
}`,
  },
  {
    name: 'Stored in a module-level Map that outlives the function',
    code: `const pollers = new Map<string, NodeJS.Timeout>();
export function watch(id: string, poll: () => void): void {
  pollers.set(id, setInterval(poll, 1000));
}
export function unwatch(id: string): void {
  clearInterval(pollers.get(id));
  pollers.delete(id);
}`,
  },
  {
    name: 'Cleared when the socket it pings closes',
    code: `import type { Socket } from 'node:net';
export function keepAlive(socket: Socket): void {
  const heartbeat = setInterval(() => socket.write('ping\\n'), 30_000);
  socket.once('close', () => clearInterval(heartbeat));
}`,
  },
  {
    name: 'Handed to a function in the program that clears it',
    code: `function stopTicker(ticker: NodeJS.Timeout): void {
  clearInterval(ticker);
}
export async function run(work: () => Promise<void>, tick: () => void): Promise<void> {
  const ticker = setInterval(tick, 1000);
  await work();
  stopTicker(ticker);
}`,
  },
  {
    name: 'A class field is the class-field rule\'s business, not this rule\'s',
    code: `export class Exporter {
  private timer: NodeJS.Timeout | undefined;
  start(refresh: () => void): void {
    this.timer = setInterval(refresh, 10_000);
  }
}`,
  },
  {
    name: 'A local that ends up in a private field',
    code: `export class Poller {
  #ticker?: NodeJS.Timeout;
  start(poll: () => void): void {
    const ticker = setInterval(poll, 1000);
    ticker.unref();
    this.#ticker = ticker;
  }
}`,
  },
  {
    name: 'A field initialiser is the class-field rule\'s business too',
    code: `export class Exporter {
  private refreshes = 0;
  private readonly ticker = setInterval(() => this.refreshes++, 10_000);
}`,
  },
  {
    name: 'Stored on an object the caller owns',
    code: `export function start(state: { ticker?: NodeJS.Timeout }, tick: () => void): void {
  state.ticker = setInterval(tick, 1000);
}`,
  },
  {
    name: 'Started on one branch and closed with `ticker?.close()` in `finally`',
    code: `export async function upload(verbose: boolean, send: () => Promise<void>, tick: () => void): Promise<void> {
  const ticker = verbose ? setInterval(tick, 1000) : undefined;
  try {
    await send();
  } finally {
    ticker?.close();
  }
}`,
  },
  {
    name: 'Cleared by an `onabort` handler',
    code: `export function run(signal: AbortSignal, tick: () => void): void {
  const ticker = setInterval(tick, 1000);
  signal.onabort = () => clearInterval(ticker);
}`,
  },
  {
    name: 'Pushed straight into an array the caller owns',
    code: `export function start(handles: NodeJS.Timeout[], tick: () => void): void {
  handles.push(setInterval(tick, 1000));
}`,
  },
  {
    name: 'Kept in a variable, then pushed into an array the caller owns',
    code: `export function start(handles: NodeJS.Timeout[], tick: () => void): void {
  const ticker = setInterval(tick, 1000);
  handles.push(ticker);
}`,
  },
  {
    name: 'Set in a Map the caller owns',
    code: `export function watch(pollers: Map<string, NodeJS.Timeout>, id: string, poll: () => void): void {
  pollers.set(id, setInterval(poll, 1000));
}`,
  },
  {
    name: 'Handed to a `DisposableStack` that the function disposes',
    code: `export async function measure(tick: () => void, work: () => Promise<void>): Promise<void> {
  using stack = new DisposableStack();
  stack.use(setInterval(tick, 1000));
  await work();
}`,
  },
];

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: "Kept only in an enclosing function's local that nothing reads to clear it (issue #13 §3)",
    code: `export function watch(tick: () => void): void {
  let timer: NodeJS.Timeout | undefined;
  const onConnect = (): void => {
    timer = setInterval(tick, 150);
  };
  onConnect();
  console.log('watching', timer !== undefined);
}`,
    output: null,
    errors: [
      {
        messageId: 'discarded',
        line: 4,
        column: 13,
        data: { ...INTERVAL, how: 'stored only in `timer`, which nothing reads to release it,', consequence: 'it runs until the process exits' },
      },
    ],
  },
  {
    name: 'Incident 5: the abort handler never clears the ticker',
    code: `export function run(signal: AbortSignal, refresh: () => void): void {
  const ticker = setInterval(refresh, 10_000);
  signal.addEventListener('abort', () => console.log('exporter stopped'), { once: true });
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 2, column: 18, data: { ...INTERVAL, name: 'ticker', path: 'when `run()` ends at line 4' } }],
  },
  {
    name: 'Incident 5: the run loop returns on cancellation without clearing the ticker',
    code: `export async function run(signal: AbortSignal, refresh: () => Promise<void>, nextEvent: () => Promise<string>): Promise<void> {
  const ticker = setInterval(() => void refresh(), 30_000);
  for (;;) {
    const event = await nextEvent();
    if (signal.aborted) return;
    if (event === 'stop') break;
  }
  clearInterval(ticker);
}`,
    output: null,
    errors: [{
      messageId: 'leak',
      line: 2,
      column: 18,
      data: { ...INTERVAL, name: 'ticker', path: 'when `run()` returns at line 5' },
      suggestions: [
        {
          messageId: 'suggestRelease',
          output: `export async function run(signal: AbortSignal, refresh: () => Promise<void>, nextEvent: () => Promise<string>): Promise<void> {
  const ticker = setInterval(() => void refresh(), 30_000);
  for (;;) {
    const event = await nextEvent();
    if (signal.aborted) {
      clearInterval(ticker);
      return;
    }
    if (event === 'stop') break;
  }
  clearInterval(ticker);
}`,
        },
        {
          messageId: 'suggestFinally',
          output: `export async function run(signal: AbortSignal, refresh: () => Promise<void>, nextEvent: () => Promise<string>): Promise<void> {
  const ticker = setInterval(() => void refresh(), 30_000);
  try {
    for (;;) {
      const event = await nextEvent();
      if (signal.aborted) return;
      if (event === 'stop') break;
    }
  } finally {
    clearInterval(ticker);
  }
}`,
        },
      ],
    }],
  },
  {
    name: 'A returned `stop()` that does not clear the ticker',
    code: `export function startExporter(refresh: () => void): { stop(): void } {
  const ticker = setInterval(refresh, 10_000);
  return {
    stop() {
      console.log('stopping');
    },
  };
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 2, column: 18, data: { ...INTERVAL, name: 'ticker', path: 'when `startExporter()` returns at line 3' } }],
  },
  {
    name: 'A class method whose abort handler never clears its local ticker',
    code: `export class Exporter {
  private refreshes = 0;
  run(signal: AbortSignal): void {
    const ticker = setInterval(() => this.refreshes++, 10_000);
    signal.addEventListener('abort', () => console.log(this.refreshes), { once: true });
  }
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 4, column: 20, data: { ...INTERVAL, name: 'ticker', path: 'when `run()` ends at line 6' } }],
  },
  {
    name: 'Poll until ready: the callback never clears its own handle',
    code: `export function waitUntilReady(isReady: () => boolean, onReady: () => void): void {
  const poll = setInterval(() => {
    if (isReady()) onReady();
  }, 250);
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 2, column: 16, data: { ...INTERVAL, name: 'poll', path: 'when `waitUntilReady()` ends at line 5' } }],
  },
  {
    name: 'Poll until ready inside a promise executor that resolves but never clears',
    code: `export function waitFor(isReady: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const poll = setInterval(() => {
      if (isReady()) resolve();
    }, 100);
  });
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 3, column: 18, data: { ...INTERVAL, name: 'poll', path: 'when the function ends at line 6' } }],
  },
  {
    name: 'Discarded: `setInterval(fn, ms);` as a statement',
    code: `export function startHeartbeat(send: () => void): void {
  setInterval(send, 30_000);
}`,
    output: null,
    errors: [{ messageId: 'discarded', line: 2, column: 3, data: INTERVAL_DISCARDED }],
  },
  {
    name: 'Discarded: `.unref()` only stops it holding the process open',
    code: `export function startHeartbeat(send: () => void): void {
  setInterval(send, 30_000).unref();
}`,
    output: null,
    errors: [{ messageId: 'discarded', line: 2, column: 3, data: INTERVAL_DISCARDED }],
  },
  {
    name: 'Kept, `unref()`-ed, and never cleared',
    code: `export function startHeartbeat(send: () => void): void {
  const heartbeat = setInterval(send, 30_000);
  heartbeat.unref();
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 2, column: 21, data: { ...INTERVAL, name: 'heartbeat', path: 'when `startHeartbeat()` ends at line 4' } }],
  },
  {
    name: 'The handle of `setInterval(...).unref()` kept and never cleared',
    code: `export function startHeartbeat(send: () => void): void {
  const heartbeat = setInterval(send, 30_000).unref();
  console.log(heartbeat.hasRef());
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 2, column: 21, data: { ...INTERVAL, name: 'heartbeat', path: 'when `startHeartbeat()` ends at line 4' } }],
  },
  {
    name: 'Discarded inside a listener registered on every connect',
    code: `import { EventEmitter } from 'node:events';
export function onConnect(events: EventEmitter, ping: () => void): void {
  events.on('connect', () => {
    setInterval(ping, 15_000);
  });
}`,
    output: null,
    errors: [{ messageId: 'discarded', line: 4, column: 5, data: INTERVAL_DISCARDED }],
  },
  {
    name: 'Discarded in a class method (not stored in a field)',
    code: `export class Exporter {
  start(refresh: () => void): void {
    setInterval(refresh, 10_000);
  }
}`,
    output: null,
    errors: [{ messageId: 'discarded', line: 3, column: 5, data: INTERVAL_DISCARDED }],
  },
  {
    name: 'Cleared at the end but not on the early return',
    code: `export async function syncAll(jobs: string[], sync: (job: string) => Promise<boolean>, report: () => void): Promise<boolean> {
  const progress = setInterval(report, 5_000);
  for (const job of jobs) {
    if (!(await sync(job))) return false;
  }
  clearInterval(progress);
  return true;
}`,
    output: null,
    errors: [{
      messageId: 'leak',
      line: 2,
      column: 20,
      data: { ...INTERVAL, name: 'progress', path: 'when `syncAll()` returns at line 4' },
      suggestions: [
        {
          messageId: 'suggestRelease',
          output: `export async function syncAll(jobs: string[], sync: (job: string) => Promise<boolean>, report: () => void): Promise<boolean> {
  const progress = setInterval(report, 5_000);
  for (const job of jobs) {
    if (!(await sync(job))) {
      clearInterval(progress);
      return false;
    }
  }
  clearInterval(progress);
  return true;
}`,
        },
        {
          messageId: 'suggestFinally',
          output: `export async function syncAll(jobs: string[], sync: (job: string) => Promise<boolean>, report: () => void): Promise<boolean> {
  const progress = setInterval(report, 5_000);
  try {
    for (const job of jobs) {
      if (!(await sync(job))) return false;
    }
    return true;
  } finally {
    clearInterval(progress);
  }
}`,
        },
      ],
    }],
  },
  {
    name: 'Cleared only in `catch`, so the successful path leaves it running',
    code: `export async function upload(send: () => Promise<void>, progress: () => void): Promise<void> {
  const ticker = setInterval(progress, 1000);
  try {
    await send();
  } catch (error) {
    clearInterval(ticker);
    throw error;
  }
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 2, column: 18, data: { ...INTERVAL, name: 'ticker', path: 'when `upload()` ends at line 9' } }],
  },
  {
    name: 'Cleared on one branch only',
    code: `export function watchQueue(depth: () => number, alert: () => void, once: boolean): void {
  const monitor = setInterval(() => {
    if (depth() > 100) alert();
  }, 1000);
  if (once) {
    clearInterval(monitor);
    return;
  }
  console.log('watching');
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 2, column: 19, data: { ...INTERVAL, name: 'monitor', path: 'when `watchQueue()` ends at line 10' } }],
  },
  {
    name: 'A second interval overwrites the handle of the first',
    code: `export function restart(tick: () => void): void {
  let ticker = setInterval(tick, 1000);
  ticker = setInterval(tick, 500);
  clearInterval(ticker);
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 2, column: 16, data: { ...INTERVAL, name: 'ticker', path: 'before it is overwritten on line 3' } }],
  },
  {
    name: 'A `NodeJS.Timeout` handle assigned after its declaration and never cleared',
    code: `export function keepAlive(write: () => void): NodeJS.Timeout | undefined {
  let timer: NodeJS.Timeout | undefined;
  timer = setInterval(write, 20_000);
  timer.unref();
  return undefined;
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 3, column: 11, data: { ...INTERVAL, name: 'timer', path: 'when `keepAlive()` returns at line 5' } }],
  },
  {
    name: 'Clearing another interval does not clear this one',
    code: `export function swap(tick: () => void, old: NodeJS.Timeout): void {
  const ticker = setInterval(tick, 1000);
  clearInterval(old);
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 2, column: 18, data: { ...INTERVAL, name: 'ticker', path: 'when `swap()` ends at line 4' } }],
  },
  {
    name: 'Returns before the abort handler that would clear it is registered',
    code: `export function run(signal: AbortSignal, tick: () => void): void {
  const ticker = setInterval(tick, 1000);
  if (signal.aborted) return;
  signal.addEventListener('abort', () => clearInterval(ticker), { once: true });
}`,
    output: null,
    errors: [{
      messageId: 'leak',
      line: 2,
      column: 18,
      data: { ...INTERVAL, name: 'ticker', path: 'when `run()` returns at line 3' }
    }],
  },
  {
    name: 'Only lent to `console.log`, which does not keep it',
    code: `export function start(tick: () => void): void {
  const ticker = setInterval(tick, 1000);
  console.log('started', ticker);
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 2, column: 18, data: { ...INTERVAL, name: 'ticker', path: 'when `start()` ends at line 4' } }],
  },
];

ruleTester.run('no-leaked-timer (intervals)', rule, { valid, invalid });
