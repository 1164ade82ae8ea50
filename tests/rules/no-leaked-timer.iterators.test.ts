// Rule tests for `leaks/no-leaked-timer`: `timers/promises` setInterval async iterators — left by `break`, `return` or an abort signal, or never finished.
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/no-leaked-timer.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

const ITERATOR = {
  resource: 'timers/promises interval',
  released: 'finished',
  advice: 'Iterate it with `for await` (leave with `break` or an abort `signal`), or call `return()` on it.',
};

const valid: ValidTestCase<Options>[] = [
  {
    name: 'Incident 5 fixed with timers/promises: the loop ends when the signal aborts',
    code: `import { setInterval } from 'node:timers/promises';
export async function run(signal: AbortSignal, refresh: () => Promise<void>): Promise<void> {
  try {
    for await (const _ of setInterval(10_000, undefined, { signal })) {
      await refresh();
    }
  } catch (error) {
    if (!signal.aborted) throw error;
  }
}`,
  },
  {
    name: 'Left with `break` once ready',
    code: `import { setInterval } from 'node:timers/promises';
export async function waitUntilReady(isReady: () => Promise<boolean>): Promise<void> {
  for await (const _ of setInterval(500)) {
    if (await isReady()) break;
  }
}`,
  },
  {
    name: 'Left with `return`',
    code: `import { setInterval } from 'node:timers/promises';
export async function waitUntilReady(isReady: () => Promise<boolean>): Promise<string> {
  for await (const _ of setInterval(500)) {
    if (await isReady()) return 'ready';
  }
  return 'never';
}`,
  },
  {
    name: 'An aliased import, iterated through a variable and left with `break`',
    code: `import { setInterval as every } from 'node:timers/promises';
export async function waitUntilReady(isReady: () => Promise<boolean>): Promise<void> {
  const ticks = every(500);
  for await (const _ of ticks) {
    if (await isReady()) break;
  }
}`,
  },
  {
    name: 'A namespace import of node:timers/promises with a signal',
    code: `import * as timersPromises from 'node:timers/promises';
export async function run(signal: AbortSignal, refresh: () => Promise<void>): Promise<void> {
  for await (const _ of timersPromises.setInterval(1000, undefined, { signal })) await refresh();
}`,
  },
  {
    name: 'Left with `throw`',
    code: `import { setInterval } from 'node:timers/promises';
export async function waitUntilHealthy(isBroken: () => Promise<boolean>): Promise<void> {
  for await (const _ of setInterval(500)) {
    if (await isBroken()) throw new Error('unhealthy');
  }
}`,
  },
  {
    name: 'Stepped by hand and finished with `return()` in `finally`',
    code: `import { setInterval } from 'node:timers/promises';
export async function twoTicks(refresh: () => Promise<void>): Promise<void> {
  const ticks = setInterval(1000);
  try {
    await ticks.next();
    await refresh();
    await ticks.next();
    await refresh();
  } finally {
    await ticks.return?.();
  }
}`,
  },
  {
    name: 'Returned to the caller',
    code: `import { setInterval } from 'node:timers/promises';
export function ticks(everyMs: number): AsyncIterator<void> {
  return setInterval(everyMs);
}`,
  },
  {
    name: 'The setTimeout of timers/promises is a promise, not a timer handle',
    code: `import { setTimeout as sleep } from 'node:timers/promises';
export async function retry<T>(attempt: () => Promise<T>): Promise<T> {
  try {
    return await attempt();
  } catch {
    await sleep(1000);
    return attempt();
  }
}`,
  },
];

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: 'Created and never iterated',
    code: `import { setInterval } from 'node:timers/promises';
export async function run(refresh: () => Promise<void>): Promise<void> {
  const ticks = setInterval(1000);
  await refresh();
}`,
    output: null,
    errors: [{
      messageId: 'leak',
      line: 3,
      column: 17,
      data: { ...ITERATOR, name: 'ticks', path: 'when `run()` ends at line 5' },
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import { setInterval } from 'node:timers/promises';
export async function run(refresh: () => Promise<void>): Promise<void> {
  const ticks = setInterval(1000);
  try {
    await refresh();
  } finally {
    await ticks.return?.();
  }
}`,
        },
      ],
    }],
  },
  {
    name: 'Created as a statement and dropped',
    code: `import { setInterval } from 'node:timers/promises';
export async function run(refresh: () => Promise<void>): Promise<void> {
  setInterval(1000);
  await refresh();
}`,
    output: null,
    errors: [
      {
        messageId: 'discarded',
        line: 3,
        column: 3,
        data: { ...ITERATOR, how: 'not stored anywhere', consequence: 'its timer runs until the process exits' },
      },
    ],
  },
  {
    name: 'Stepped once by hand and never finished',
    code: `import { setInterval } from 'node:timers/promises';
export async function oneTick(refresh: () => Promise<void>): Promise<void> {
  const ticks = setInterval(1000);
  await ticks.next();
  await refresh();
}`,
    output: null,
    errors: [{
      messageId: 'leak',
      line: 3,
      column: 17,
      data: { ...ITERATOR, name: 'ticks', path: 'when `oneTick()` ends at line 6' },
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import { setInterval } from 'node:timers/promises';
export async function oneTick(refresh: () => Promise<void>): Promise<void> {
  const ticks = setInterval(1000);
  try {
    await ticks.next();
    await refresh();
  } finally {
    await ticks.return?.();
  }
}`,
        },
      ],
    }],
  },
  {
    name: 'An early return before the `for await` that would finish it',
    code: `import { setInterval } from 'node:timers/promises';
export async function waitUntilReady(skip: boolean, isReady: () => Promise<boolean>): Promise<void> {
  const ticks = setInterval(1000);
  if (skip) return;
  for await (const _ of ticks) {
    if (await isReady()) break;
  }
}`,
    output: null,
    errors: [{
      messageId: 'leak',
      line: 3,
      column: 17,
      data: { ...ITERATOR, name: 'ticks', path: 'when `waitUntilReady()` returns at line 4' },
      suggestions: [
        {
          messageId: 'suggestRelease',
          output: `import { setInterval } from 'node:timers/promises';
export async function waitUntilReady(skip: boolean, isReady: () => Promise<boolean>): Promise<void> {
  const ticks = setInterval(1000);
  if (skip) {
    await ticks.return?.();
    return;
  }
  for await (const _ of ticks) {
    if (await isReady()) break;
  }
}`,
        },
      ],
    }],
  },
  {
    name: 'Incident 5 with timers/promises: a `for await` with neither a signal nor a way out is never left',
    code: `import { setInterval } from 'node:timers/promises';
export async function run(refresh: () => Promise<void>): Promise<void> {
  for await (const _ of setInterval(10_000)) {
    await refresh();
  }
}`,
    output: null,
    errors: [
      {
        messageId: 'leak',
        line: 3,
        column: 25,
        data: { ...ITERATOR, name: 'setInterval(10_000)', path: 'because the `for await` loop on line 3 can never be left' },
      },
    ],
  },
];

ruleTester.run('no-leaked-timer (interval iterators)', rule, { valid, invalid });
