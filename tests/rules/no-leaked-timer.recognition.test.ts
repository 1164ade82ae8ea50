// Rule tests for `leaks/no-leaked-timer`: which calls are timers (through the checker, not by spelling) — globals, globalThis/window, node:timers imports, JavaScript files, browser number handles — and look-alikes that are not.
import * as path from 'node:path';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/no-leaked-timer.js';
import { createRuleTester, fixturesDir } from '../rule-tester.js';

const ruleTester = createRuleTester();

// JavaScript is linted as `script.js`: a `file.js` would share its base name with `file.ts`.
const JS = 'script.js';

/** Browser-style code: lib dom without Node types, so timers return `number` handles (tests/fixtures/dom). */
const domFixturesDir = path.join(fixturesDir, 'dom');
const domRuleTester = new RuleTester({
  languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: domFixturesDir } },
});

const INTERVAL = {
  resource: 'interval',
  released: 'cleared',
  advice: 'Clear it with `clearInterval()` on every path, or return or store the handle so an owner can.',
};
const INTERVAL_DISCARDED = { ...INTERVAL, how: 'not stored anywhere', consequence: 'it runs until the process exits' };
const TIMEOUT_RACE = {
  resource: 'timeout',
  released: 'cleared',
  race: 'Promise.race',
  consequence: 'it holds its closure and keeps the event loop alive for the whole delay',
};

const valid: ValidTestCase<Options>[] = [
  {
    name: 'A user function named setInterval is not a timer',
    code: `function setInterval(callback: () => void, everyMs: number): number {
  callback();
  return everyMs;
}
export function schedule(task: () => void): void {
  setInterval(task, 1000);
}`,
  },
  {
    name: 'A parameter named setInterval shadows the global',
    code: `export function schedule(setInterval: (callback: () => void, ms: number) => number, task: () => void): void {
  setInterval(task, 1000);
}`,
  },
  {
    name: 'A local arrow function named setInterval shadows the global',
    code: `export function schedule(task: () => void): number {
  const setInterval = (callback: () => void, ms: number): number => {
    callback();
    return ms;
  };
  const handle = setInterval(task, 1000);
  return handle + 1;
}`,
  },
  {
    name: 'A method named setInterval on a user object',
    code: `const clock = {
  ticks: 0,
  setInterval(callback: () => void, ms: number): number {
    this.ticks += ms;
    callback();
    return this.ticks;
  },
};
export function schedule(task: () => void): void {
  clock.setInterval(task, 1000);
}`,
  },
  {
    name: 'A method named setInterval on a user class',
    code: `class FakeClock {
  readonly scheduled: Array<() => void> = [];
  setInterval(callback: () => void, _ms: number): number {
    return this.scheduled.push(callback);
  }
}
export function schedule(clock: FakeClock, task: () => void): void {
  const ticker = clock.setInterval(task, 1000);
  console.log(ticker);
}`,
  },
  {
    name: '`const timer = 5` is a number, not a timer',
    code: `export function backoff(attempt: number): number {
  const timer = 5;
  return timer * 2 ** attempt;
}`,
  },
  {
    name: 'An aliased node:timers interval cleared with an aliased clear',
    code: `import { setInterval as every, clearInterval as stopEvery } from 'node:timers';
export function run(signal: AbortSignal, refresh: () => void): void {
  const ticker = every(refresh, 10_000);
  signal.addEventListener('abort', () => stopEvery(ticker), { once: true });
}`,
  },
  {
    name: '`globalThis.setInterval` cleared with `globalThis.clearInterval`',
    code: `export function run(signal: AbortSignal, refresh: () => void): void {
  const ticker = globalThis.setInterval(refresh, 10_000);
  signal.addEventListener('abort', () => globalThis.clearInterval(ticker), { once: true });
}`,
  },
  {
    name: 'A namespace import of node:timers, cleared in `finally`',
    code: `import * as timers from 'node:timers';
export async function upload(send: () => Promise<void>, progress: () => void): Promise<void> {
  const ticker = timers.setInterval(progress, 1000);
  try {
    await send();
  } finally {
    timers.clearInterval(ticker);
  }
}`,
  },
  {
    name: 'A JavaScript file that clears its interval',
    filename: JS,
    code: `export function run(signal, refresh) {
  const ticker = setInterval(refresh, 10_000);
  signal.addEventListener('abort', () => clearInterval(ticker), { once: true });
}
`,
  },
  {
    name: 'A `NodeJS.Timeout` handle cleared on every path',
    code: `export function watchQueue(depth: () => number, alert: () => void, once: boolean): void {
  let monitor: NodeJS.Timeout | null = null;
  monitor = setInterval(() => {
    if (depth() > 100) alert();
  }, 1000);
  if (once) console.log('once');
  clearInterval(monitor);
}`,
  },
  {
    name: 'Functions named setInterval imported from a scheduler module in the program',
    code: `import { setInterval as schedule } from './scheduler.js';
export function register(run: () => void): number {
  schedule(run, 60_000);
  const job = schedule(run, 1000);
  return job.id;
}`,
  },
];

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: '`globalThis.setInterval` discarded',
    code: `export function startHeartbeat(send: () => void): void {
  globalThis.setInterval(send, 30_000);
}`,
    output: null,
    errors: [{ messageId: 'discarded', line: 2, column: 3, data: INTERVAL_DISCARDED }],
  },
  {
    name: '`globalThis.setInterval` kept and never cleared',
    code: `export function run(signal: AbortSignal, refresh: () => void): void {
  const ticker = globalThis.setInterval(refresh, 10_000);
  signal.addEventListener('abort', () => console.log('stopped'), { once: true });
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 2, column: 18, data: { ...INTERVAL, name: 'ticker', path: 'when `run()` ends at line 4' } }],
  },
  {
    name: 'An aliased import from node:timers, discarded',
    code: `import { setInterval as every } from 'node:timers';
export function startHeartbeat(send: () => void): void {
  every(send, 30_000);
}`,
    output: null,
    errors: [{ messageId: 'discarded', line: 3, column: 3, data: INTERVAL_DISCARDED }],
  },
  {
    name: 'An aliased import from node:timers, kept and never cleared',
    code: `import { setInterval as every } from 'node:timers';
export function run(signal: AbortSignal, refresh: () => void): void {
  const ticker = every(refresh, 10_000);
  signal.addEventListener('abort', () => console.log('stopped'), { once: true });
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 3, column: 18, data: { ...INTERVAL, name: 'ticker', path: 'when `run()` ends at line 5' } }],
  },
  {
    name: 'An import from `timers` without the node: prefix',
    code: `import { setInterval } from 'timers';
export function startHeartbeat(send: () => void): void {
  setInterval(send, 30_000).unref();
}`,
    output: null,
    errors: [{ messageId: 'discarded', line: 3, column: 3, data: INTERVAL_DISCARDED }],
  },
  {
    name: 'A namespace import of node:timers',
    code: `import * as timers from 'node:timers';
export function startHeartbeat(send: () => void): void {
  timers.setInterval(send, 30_000);
}`,
    output: null,
    errors: [{ messageId: 'discarded', line: 3, column: 3, data: INTERVAL_DISCARDED }],
  },
  {
    name: 'A discarded interval in a JavaScript file',
    filename: JS,
    code: `export function startHeartbeat(send) {
  setInterval(send, 30_000);
}
`,
    output: null,
    errors: [{ messageId: 'discarded', line: 2, column: 3, data: INTERVAL_DISCARDED }],
  },
  {
    name: 'A JavaScript run loop that returns on cancellation without clearing',
    filename: JS,
    code: `/** @param {AbortSignal} signal @param {() => Promise<string>} nextEvent */
export async function run(signal, nextEvent) {
  const ticker = setInterval(() => console.log('tick'), 1000);
  for (;;) {
    await nextEvent();
    if (signal.aborted) return;
  }
}
`,
    output: null,
    errors: [{
      messageId: 'leak',
      line: 3,
      column: 18,
      data: { ...INTERVAL, name: 'ticker', path: 'when `run()` returns at line 6' },
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `/** @param {AbortSignal} signal @param {() => Promise<string>} nextEvent */
export async function run(signal, nextEvent) {
  const ticker = setInterval(() => console.log('tick'), 1000);
  try {
    for (;;) {
      await nextEvent();
      if (signal.aborted) return;
    }
  } finally {
    clearInterval(ticker);
  }
}
`,
        },
        {
          messageId: 'suggestRelease',
          output: `/** @param {AbortSignal} signal @param {() => Promise<string>} nextEvent */
export async function run(signal, nextEvent) {
  const ticker = setInterval(() => console.log('tick'), 1000);
  for (;;) {
    await nextEvent();
    if (signal.aborted) {
      clearInterval(ticker);
      return;
    }
  }
}
`,
        },
      ],
    }],
  },
  {
    name: 'node:timers under another name in CommonJS (destructured `require`)',
    filename: path.join(fixturesDir, 'file.cjs'),
    code: `const { setInterval: every } = require('node:timers');
function startHeartbeat(send) {
  every(send, 30_000);
}
module.exports = { startHeartbeat };
`,
    output: null,
    errors: [{ messageId: 'discarded', line: 3, column: 3, data: INTERVAL_DISCARDED }],
  },
  {
    name: 'A `NodeJS.Timeout | null` handle cleared on one branch only',
    code: `export function watchQueue(depth: () => number, alert: () => void, once: boolean): void {
  let monitor: NodeJS.Timeout | null = null;
  monitor = setInterval(() => {
    if (depth() > 100) alert();
  }, 1000);
  if (once) clearInterval(monitor);
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 3, column: 13, data: { ...INTERVAL, name: 'monitor', path: 'when `watchQueue()` ends at line 7' } }],
  },
  {
    name: 'Node\'s `global.setInterval`',
    code: `export function startHeartbeat(send: () => void): void {
  global.setInterval(send, 30_000);
}`,
    output: null,
    errors: [{ messageId: 'discarded', line: 2, column: 3, data: INTERVAL_DISCARDED }],
  },
];

ruleTester.run('no-leaked-timer (recognition)', rule, { valid, invalid });

const domValid: ValidTestCase<Options>[] = [
  {
    name: 'Browser: `window.setInterval` cleared with `window.clearInterval` when the page is hidden',
    code: `export function startClock(render: () => void): void {
  const id: number = window.setInterval(render, 1000);
  window.addEventListener('pagehide', () => window.clearInterval(id), { once: true });
}`,
  },
  {
    name: 'Browser: a number handle returned to the caller',
    code: `export function startClock(render: () => void): number {
  return setInterval(render, 1000);
}`,
  },
  {
    name: 'Browser: a race whose number handle is cleared in `finally`',
    code: `export async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer = 0;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = window.setTimeout(() => reject(new Error('timed out')), ms);
      }),
    ]);
  } finally {
    window.clearTimeout(timer);
  }
}`,
  },
  {
    name: 'Browser: a one-shot `window.setTimeout`',
    code: `export function hideLater(element: HTMLElement): void {
  window.setTimeout(() => element.remove(), 3000);
}`,
  },
];

const domInvalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: 'Browser: `window.setInterval` discarded',
    code: `export function startClock(render: () => void): void {
  window.setInterval(render, 1000);
}`,
    output: null,
    errors: [{ messageId: 'discarded', line: 2, column: 3, data: INTERVAL_DISCARDED }],
  },
  {
    name: 'Browser: a number handle from `window.setInterval` never cleared',
    code: `export function startClock(render: () => void, signal: AbortSignal): void {
  const id: number = window.setInterval(render, 1000);
  signal.addEventListener('abort', () => console.log('stopped', id), { once: true });
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 2, column: 22, data: { ...INTERVAL, name: 'id', path: 'when `startClock()` ends at line 4' } }],
  },
  {
    name: 'Browser: the global setInterval (a number handle) cleared on one path only',
    code: `export function poll(check: () => boolean, onReady: () => void, immediate: boolean): void {
  const id = setInterval(() => {
    if (check()) onReady();
  }, 500);
  if (immediate) return;
  clearInterval(id);
}`,
    output: null,
    errors: [{
      messageId: 'leak',
      line: 2,
      column: 14,
      data: { ...INTERVAL, name: 'id', path: 'when `poll()` returns at line 5' },
      suggestions: [
        {
          messageId: 'suggestRelease',
          output: `export function poll(check: () => boolean, onReady: () => void, immediate: boolean): void {
  const id = setInterval(() => {
    if (check()) onReady();
  }, 500);
  if (immediate) {
    clearInterval(id);
    return;
  }
  clearInterval(id);
}`,
        },
      ],
    }],
  },
  {
    name: 'Browser: `window.setTimeout` raced and never cleared',
    code: `export function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) => window.setTimeout(() => reject(new Error('timed out')), ms)),
  ]);
}`,
    output: null,
    errors: [{ messageId: 'race', line: 4, column: 39, data: { ...TIMEOUT_RACE, line: 2 } }],
  },
];

domRuleTester.run('no-leaked-timer (recognition, browser)', rule, { valid: domValid, invalid: domInvalid });
