// Rule tests for `leaks/no-leaked-timer`: timeouts — one-shots are fine, partial clears and timeouts racing other work are not.
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/no-leaked-timer.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

const TIMEOUT = {
  resource: 'timeout',
  released: 'cleared',
  advice: 'Clear it with `clearTimeout()` on every path once the work it guards is done.',
};
const TIMEOUT_RACE = {
  resource: 'timeout',
  released: 'cleared',
  race: 'Promise.race',
  consequence: 'it holds its closure and keeps the event loop alive for the whole delay',
};

const valid: ValidTestCase<Options>[] = [
  {
    name: 'A catch that rethrows what it took: the rejection leaves the function (the exception tier judges it)',
    code: `declare function pop(): Promise<number>;
declare function reconnect(): void;
export async function wait(ms: number): Promise<number> {
  try {
    const timeout = setTimeout(() => reconnect(), ms);
    const result = await pop();
    clearTimeout(timeout);
    return result;
  } catch (error) {
    console.error(error);
    throw error;
  }
}`,
  },
  {
    name: 'A catch that goes on after clearing the handle',
    code: `declare function pop(): Promise<number>;
declare function reconnect(): void;
export async function wait(ms: number): Promise<number> {
  let timeout: NodeJS.Timeout | undefined;
  try {
    timeout = setTimeout(() => reconnect(), ms);
    const result = await pop();
    clearTimeout(timeout);
    return result;
  } catch (error) {
    clearTimeout(timeout);
    console.error(error);
    return -1;
  }
}`,
  },
  {
    name: 'A finally clears it on every outcome, the recovered rejection included',
    code: `declare function pop(): Promise<number>;
declare function reconnect(): void;
export async function wait(ms: number): Promise<number> {
  let timeout: NodeJS.Timeout | undefined;
  try {
    timeout = setTimeout(() => reconnect(), ms);
    return await pop();
  } catch (error) {
    console.error(error);
    return -1;
  } finally {
    clearTimeout(timeout);
  }
}`,
  },
  {
    name: 'An await that cannot reject (a function of the program that neither throws nor calls what can) is no way into the catch',
    code: `declare function reconnect(): void;
async function pause(): Promise<void> {}
export async function wait(ms: number): Promise<number> {
  try {
    const timeout = setTimeout(() => reconnect(), ms);
    await pause();
    clearTimeout(timeout);
    return 1;
  } catch (error) {
    console.error(error);
    return 0;
  }
}`,
  },
  {
    name: 'Without checkExceptionPaths, a timeout cleared after an await that may reject is not reported',
    code: `declare function pop(): Promise<number>;
declare function reconnect(): Promise<void>;
export async function wait(ms: number): Promise<number> {
  const timeout = setTimeout(() => void reconnect(), ms);
  const result = await pop();
  clearTimeout(timeout);
  return result;
}`,
  },
  {
    name: 'checkExceptionPaths: cleared in finally',
    options: [{ checkExceptionPaths: true }],
    code: `declare function pop(): Promise<number>;
declare function reconnect(): Promise<void>;
export async function wait(ms: number): Promise<number> {
  const timeout = setTimeout(() => void reconnect(), ms);
  try {
    return await pop();
  } finally {
    clearTimeout(timeout);
  }
}`,
  },
  {
    name: 'checkExceptionPaths: a timeout never cleared is meant to fire, whatever throws',
    options: [{ checkExceptionPaths: true }],
    code: `declare function pop(): Promise<number>;
export async function wait(ms: number): Promise<number> {
  setTimeout(() => console.log('slow'), ms);
  return await pop();
}`,
  },
  {
    name: 'A one-shot timeout as a statement',
    code: `export function flushLater(flush: () => void): void {
  setTimeout(flush, 1000);
}`,
  },
  {
    name: 'A one-shot timeout kept and never cleared (nothing clears it anywhere)',
    code: `export function flushLater(flush: () => void): NodeJS.Timeout | undefined {
  const pending = setTimeout(flush, 1000);
  console.log(pending.hasRef());
  return undefined;
}`,
  },
  {
    name: 'An `unref()`-ed one-shot timeout',
    code: `export function flushLater(flush: () => void): void {
  setTimeout(flush, 1000).unref();
}`,
  },
  {
    name: 'A sleep: a timeout that resolves a promise races nothing',
    code: `export async function retry<T>(attempt: () => Promise<T>, delayMs: number): Promise<T> {
  try {
    return await attempt();
  } catch {
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    return attempt();
  }
}`,
  },
  {
    name: 'A one-shot `setImmediate`',
    code: `export function defer(work: () => void): void {
  setImmediate(work);
}`,
  },
  {
    name: 'A watchdog timeout cleared in `finally`',
    code: `export async function withWatchdog(work: () => Promise<string>, onSlow: () => void): Promise<string> {
  const watchdog = setTimeout(onSlow, 5_000);
  try {
    return await work();
  } finally {
    clearTimeout(watchdog);
  }
}`,
  },
  {
    name: 'A timeout cleared on both branches',
    code: `export async function loadProfile(load: () => Promise<string | null>, onSlow: () => void): Promise<string> {
  const slowWarning = setTimeout(onSlow, 2_000);
  const profile = await load();
  if (profile === null) {
    clearTimeout(slowWarning);
    return 'anonymous';
  }
  clearTimeout(slowWarning);
  return profile;
}`,
  },
  {
    name: 'Race with the kept handle cleared in `finally`',
    code: `export async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(\`timed out after \${ms} ms\`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}`,
  },
  {
    name: 'Race with `if (timer) clearTimeout(timer)` in `finally`',
    code: `export async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timed out')), ms);
      }),
    ]);
  } finally {
    if (timer) clearTimeout(timer);
  }
}`,
  },
  {
    name: 'Race with the kept handle cleared by the race\'s `.finally()`',
    code: `export function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}`,
  },
  {
    name: 'A timeout inside a new Promise that is not raced (awaited alone)',
    code: `export function waitForEvent(target: EventTarget, type: string, ms: number): Promise<Event> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(\`no \${type} within \${ms} ms\`)), ms);
    target.addEventListener(type, (event) => {
      clearTimeout(timer);
      resolve(event);
    }, { once: true });
  });
}`,
  },
  {
    name: 'Racing `AbortSignal.timeout()` involves no timer handle',
    code: `export async function withTimeout(url: string, ms: number): Promise<string> {
  const response = await fetch(url, { signal: AbortSignal.timeout(ms) });
  return response.text();
}`,
  },
  {
    name: 'Race: the executor clears its own timeout when the work settles first',
    code: `export function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  const timeout = new Promise<never>((_, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), ms);
    void work.finally(() => clearTimeout(timer));
  });
  return Promise.race([work, timeout]);
}`,
  },
  {
    name: 'A scheduler function from the program named setTimeout is not a timer, raced or not',
    code: `import { setTimeout } from './scheduler.js';
export function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), ms))]);
}`,
  },
];

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: 'Cleared only after an await inside a try whose catch handles the rejection and goes on (bullmq waitForJob)',
    code: `declare function pop(): Promise<number>;
declare function reconnect(): Promise<void>;
export async function wait(ms: number): Promise<number> {
  try {
    const timeout = setTimeout(() => void reconnect(), ms);
    const result = await pop();
    clearTimeout(timeout);
    return result;
  } catch (error) {
    console.error(error);
    return 0;
  }
}`,
    output: `declare function pop(): Promise<number>;
declare function reconnect(): Promise<void>;
export async function wait(ms: number): Promise<number> {
  try {
    const timeout = setTimeout(() => void reconnect(), ms);
    try {
      const result = await pop();
      return result;
    } finally {
      clearTimeout(timeout);
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
        column: 21,
        data: { ...TIMEOUT, name: 'timeout', path: 'when the `await` on line 6 rejects and the `catch` on line 9 goes on', advice: 'Clear it in a `finally` block.' },
      },
    ],
  },
  {
    name: 'Declared in a nested block of the try: the catch that goes on cannot reach it, and the clear is not the last statement (no fix)',
    code: `declare function pop(key: string): Promise<string | null>;
declare function reconnect(): void;
export async function waitForJob(key: string, block: number): Promise<number> {
  try {
    if (block > 0) {
      const timeout = setTimeout(() => reconnect(), block * 1000 + 1000);
      const result = await pop(key);
      clearTimeout(timeout);
      if (result) return Number(result);
    }
    return 0;
  } catch (error) {
    console.error(error);
  }
  return Infinity;
}`,
    output: null,
    errors: [
      {
        messageId: 'leak',
        line: 6,
        column: 23,
        data: { ...TIMEOUT, name: 'timeout', path: 'when the `await` on line 7 rejects and the `catch` on line 12 goes on', advice: 'Clear it in a `finally` block.' },
      },
    ],
  },
  {
    name: 'A handle declared before the try, armed in it: the catch that goes on returns without clearing it',
    code: `declare function pop(): Promise<number>;
declare function reconnect(): void;
export async function wait(ms: number): Promise<number> {
  let timeout: NodeJS.Timeout | undefined;
  try {
    timeout = setTimeout(() => reconnect(), ms);
    const result = await pop();
    clearTimeout(timeout);
    return result;
  } catch (error) {
    console.error(error);
    return -1;
  }
}`,
    output: null,
    errors: [
      {
        messageId: 'leak',
        line: 6,
        column: 15,
        data: { ...TIMEOUT, name: 'timeout', path: 'when the `await` on line 7 rejects and the `catch` on line 10 goes on', advice: 'Clear it in a `finally` block.' },
      },
    ],
  },
  {
    name: 'A timeout cleared on the normal path but not on the early return',
    code: `export async function loadProfile(load: () => Promise<string | null>, onSlow: () => void): Promise<string> {
  const slowWarning = setTimeout(onSlow, 2_000);
  const profile = await load();
  if (profile === null) return 'anonymous';
  clearTimeout(slowWarning);
  return profile;
}`,
    output: `export async function loadProfile(load: () => Promise<string | null>, onSlow: () => void): Promise<string> {
  const slowWarning = setTimeout(onSlow, 2_000);
  const profile = await load();
  if (profile === null) {
    clearTimeout(slowWarning);
    return 'anonymous';
  }
  clearTimeout(slowWarning);
  return profile;
}`,
    errors: [{ messageId: 'leak', line: 2, column: 23, data: { ...TIMEOUT, name: 'slowWarning', path: 'when `loadProfile()` returns at line 4' } }],
  },
  {
    name: 'A timeout cleared only in `catch`',
    code: `export async function send(post: () => Promise<void>, onSlow: () => void): Promise<void> {
  const slow = setTimeout(onSlow, 2_000);
  try {
    await post();
  } catch (error) {
    clearTimeout(slow);
    throw error;
  }
  console.log('sent');
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 2, column: 16, data: { ...TIMEOUT, name: 'slow', path: 'when `send()` ends at line 10' } }],
  },
  {
    name: 'A timeout cleared on one branch of a switch only',
    code: `export function handle(kind: 'fast' | 'slow' | 'none', onSlow: () => void): string {
  const warning = setTimeout(onSlow, 1_000);
  switch (kind) {
    case 'fast':
      clearTimeout(warning);
      return 'fast';
    case 'slow':
      return 'slow';
    default:
      clearTimeout(warning);
      return 'none';
  }
}`,
    output: `export function handle(kind: 'fast' | 'slow' | 'none', onSlow: () => void): string {
  const warning = setTimeout(onSlow, 1_000);
  switch (kind) {
    case 'fast':
      clearTimeout(warning);
      return 'fast';
    case 'slow':
      clearTimeout(warning);
      return 'slow';
    default:
      clearTimeout(warning);
      return 'none';
  }
}`,
    errors: [{
      messageId: 'leak',
      line: 2,
      column: 19,
      data: { ...TIMEOUT, name: 'warning', path: 'when `handle()` returns at line 8' }
    }],
  },
  {
    name: 'Race: a handle never kept, in a promise written inline in `Promise.race`',
    code: `export function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), ms)),
  ]);
}`,
    output: null,
    errors: [{ messageId: 'race', line: 4, column: 39, data: { ...TIMEOUT_RACE, line: 2 } }],
  },
  {
    name: 'Race: `setTimeout(reject, ms, error)` hands `reject` over directly',
    code: `export function withTimeout(url: string, ms: number): Promise<Response> {
  return Promise.race([
    fetch(url),
    new Promise<never>((_, reject) => {
      setTimeout(reject, ms, new Error('timed out'));
    }),
  ]);
}`,
    output: null,
    errors: [{ messageId: 'race', line: 5, column: 7, data: { ...TIMEOUT_RACE, line: 2 } }],
  },
  {
    name: 'Race: the timeout promise is a local variable',
    code: `export async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  const timeout = new Promise<never>((_, reject) => {
    setTimeout(() => reject(new Error('timed out')), ms);
  });
  return Promise.race([work, timeout]);
}`,
    output: null,
    errors: [{ messageId: 'race', line: 3, column: 5, data: { ...TIMEOUT_RACE, line: 5 } }],
  },
  {
    name: 'Race: the executor is a function expression',
    code: `export async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  const timeout = new Promise<never>(function (_resolve, reject) {
    setTimeout(function () {
      reject(new Error('timed out'));
    }, ms);
  });
  return await Promise.race([work, timeout]);
}`,
    output: null,
    errors: [{ messageId: 'race', line: 3, column: 5, data: { ...TIMEOUT_RACE, line: 7 } }],
  },
  {
    name: 'Race: a helper `timeout(ms)` whose promise is raced',
    code: `function timeout(ms: number): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), ms));
}
export async function fetchConfig(load: () => Promise<string>): Promise<string> {
  return Promise.race([load(), timeout(5_000)]);
}`,
    output: null,
    errors: [{ messageId: 'race', line: 2, column: 37, data: { ...TIMEOUT_RACE, line: 5 } }],
  },
  {
    name: 'Race: the handle is kept but never cleared',
    code: `export async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), ms);
  });
  const result = await Promise.race([work, timeout]);
  console.log(timer === undefined);
  return result;
}`,
    output: null,
    errors: [{ messageId: 'race', line: 4, column: 13, data: { ...TIMEOUT_RACE, line: 6 } }],
  },
  {
    name: 'Race: the kept handle is cleared after the race resolves, but not when the work rejects',
    code: `export async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), ms);
  });
  const result = await Promise.race([work, timeout]);
  clearTimeout(timer);
  return result;
}`,
    output: null,
    errors: [{ messageId: 'race', line: 4, column: 13, data: { ...TIMEOUT_RACE, line: 6 } }],
  },
  {
    name: 'Race: the kept handle is cleared only in `catch`, not when the work wins',
    code: `export async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const result = await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timed out')), ms);
      }),
    ]);
    return result;
  } catch (error) {
    clearTimeout(timer);
    throw error;
  }
}`,
    output: null,
    errors: [{
      messageId: 'leak',
      line: 7,
      column: 17,
      data: { ...TIMEOUT, name: 'timer', path: 'when `withTimeout()` returns at line 10' },
      suggestions: [
        {
          messageId: 'suggestRelease',
          output: `export async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const result = await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timed out')), ms);
      }),
    ]);
    clearTimeout(timer);
    return result;
  } catch (error) {
    clearTimeout(timer);
    throw error;
  }
}`,
        },
      ],
    }],
  },
];

ruleTester.run('no-leaked-timer (timeouts)', rule, { valid, invalid });
