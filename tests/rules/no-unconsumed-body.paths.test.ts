// Rule tests for `leaks/no-unconsumed-body`: paths — try/catch/finally, loops, switch, conditionals, several responses at once.
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/no-unconsumed-body.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

const FETCH = {
  resource: 'fetch response',
  released: 'read or cancelled',
  consequence: 'its connection stays busy until the garbage collector gets to it',
  advice: 'Read it (`await res.json()`, `res.text()`, …) or cancel it (`await res.body?.cancel()`) on every path.',
};
const UNDICI = {
  resource: 'undici response',
  released: 'read or dumped',
  consequence: 'its connection stays busy and the pool runs dry',
  advice: 'Consume the body (`await body.json()`, `body.text()`, …) or discard it with `await body.dump()` on every path.',
};
const HTTP = {
  resource: 'http response',
  released: 'consumed or destroyed',
  consequence: 'its socket is never freed for the agent to reuse',
  advice: 'Consume it (`res.resume()`, a `data` listener, `pipe`, `for await`) or `res.destroy()` it on every path.',
};

const valid: ValidTestCase<Options>[] = [
  {
    name: 'Cancelled in finally unless a reader holds it: `if (res.body && !res.body.locked)` (a locked body is being read)',
    code: `export async function status(url: string): Promise<number> {
  const res = await fetch(url);
  try {
    if (!res.ok) return -1;
    return res.status;
  } finally {
    if (res.body && !res.body.locked) await res.body.cancel();
  }
}`,
  },
  {
    name: 'The same test through optional chaining and a non-null assertion',
    code: `export async function a(url: string): Promise<number> {
  const res = await fetch(url);
  if (!res.body?.locked) await res.body?.cancel();
  return res.status;
}
export async function b(url: string): Promise<number> {
  const res = await fetch(url);
  if (!res.body!.locked) await res.body!.cancel();
  return res.status;
}`,
  },
  {
    name: 'Both responses of Promise.all read',
    code: `export async function both(left: string, right: string): Promise<unknown[]> {
  const [a, b] = await Promise.all([fetch(left), fetch(right)]);
  return [await a.json(), await b.json()];
}`,
  },
  {
    name: 'Cancelled in a catch that rethrows',
    code: `export async function queryMetrics(url: string): Promise<unknown> {
  const res = await fetch(url);
  try {
    if (!res.ok) throw new Error(\`status \${res.status}\`);
    return await res.json();
  } catch (error) {
    // After a failed res.json() the stream is locked and cancel() rejects: keep the original error.
    await res.body?.cancel().catch(() => undefined);
    throw error;
  }
}`,
  },
  {
    name: 'Only the headers are needed: cancelled in finally',
    code: `export async function etag(url: string): Promise<string | null> {
  const res = await fetch(url);
  try {
    if (!res.ok) throw new Error(\`status \${res.status}\`);
    return res.headers.get('etag');
  } finally {
    await res.body?.cancel();
  }
}`,
  },
  {
    name: 'A retry loop that cancels each failed attempt',
    code: `export async function withRetry(url: string): Promise<unknown> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(url);
    if (res.ok) return res.json();
    await res.body?.cancel();
  }
  throw new Error('metrics backend unavailable');
}`,
  },
  {
    name: 'undici: read in try, dumped in finally',
    code: `import { request } from 'undici';

export async function queryMetrics(url: string): Promise<unknown> {
  const { statusCode, body } = await request(url);
  try {
    if (statusCode !== 200) throw new Error(\`status \${statusCode}\`);
    return await body.json();
  } finally {
    await body.dump();
  }
}`,
  },
  {
    name: 'node:http: consumed in both arms of an if/else',
    code: `import * as http from 'node:http';

export function show(url: string): void {
  http.get(url, (res) => {
    if (res.statusCode === 200) {
      res.pipe(process.stdout);
    } else {
      res.resume();
    }
  });
}`,
  },
  {
    name: 'A response reassigned only after the first one was cancelled',
    code: `export async function withOneRetry(url: string): Promise<unknown> {
  let res = await fetch(url);
  if (res.status === 503) {
    await res.body?.cancel();
    res = await fetch(url);
  }
  return res.json();
}`,
  },
];

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: 'An early return decided by something else than the body: `x || !res.body` leaks where x is true',
    code: `export async function check(url: string, cached: boolean): Promise<number> {
  const res = await fetch(url);
  if (cached || !res.body) return 0;
  await res.body.cancel();
  return 1;
}`,
    output: `export async function check(url: string, cached: boolean): Promise<number> {
  const res = await fetch(url);
  if (cached || !res.body) {
    await res.body?.cancel();
    return 0;
  }
  await res.body.cancel();
  return 1;
}`,
    errors: [{ messageId: 'leak', line: 2, column: 21, data: { name: 'res', ...FETCH, path: 'when `check()` returns at line 3' } }],
  },
  {
    name: 'A switch on the status with a case that returns without reading',
    code: `export async function lookup(url: string): Promise<unknown> {
  const res = await fetch(url);
  switch (res.status) {
    case 200:
      return res.json();
    case 404:
      return null;
    default:
      await res.body?.cancel();
      throw new Error(\`unexpected status \${res.status}\`);
  }
}`,
    output: `export async function lookup(url: string): Promise<unknown> {
  const res = await fetch(url);
  switch (res.status) {
    case 200:
      return res.json();
    case 404:
      await res.body?.cancel();
      return null;
    default:
      await res.body?.cancel();
      throw new Error(\`unexpected status \${res.status}\`);
  }
}`,
    errors: [{
      messageId: 'leak',
      line: 2,
      column: 21,
      data: { ...FETCH, name: 'res', path: 'when `lookup()` returns at line 7' }
    }],
  },
  {
    name: 'A loop that skips failed responses with continue',
    code: `export async function queryAll(urls: string[]): Promise<unknown[]> {
  const results: unknown[] = [];
  for (const url of urls) {
    const res = await fetch(url);
    if (!res.ok) continue;
    results.push(await res.json());
  }
  return results;
}`,
    output: `export async function queryAll(urls: string[]): Promise<unknown[]> {
  const results: unknown[] = [];
  for (const url of urls) {
    const res = await fetch(url);
    if (!res.ok) {
      await res.body?.cancel();
      continue;
    }
    results.push(await res.json());
  }
  return results;
}`,
    errors: [
      { messageId: 'leak', line: 4, column: 23, data: { ...FETCH, name: 'res', path: 'when `continue` on line 5 leaves its block' } },
    ],
  },
  {
    name: 'A loop that stops at a 404 with break',
    code: `export async function firstFound(urls: string[]): Promise<unknown> {
  for (const url of urls) {
    const res = await fetch(url);
    if (res.status === 404) break;
    if (res.ok) return res.json();
    await res.body?.cancel();
  }
  return null;
}`,
    output: `export async function firstFound(urls: string[]): Promise<unknown> {
  for (const url of urls) {
    const res = await fetch(url);
    if (res.status === 404) {
      await res.body?.cancel();
      break;
    }
    if (res.ok) return res.json();
    await res.body?.cancel();
  }
  return null;
}`,
    errors: [{ messageId: 'leak', line: 3, column: 23, data: { ...FETCH, name: 'res', path: 'when `break` on line 4 leaves its block' } }],
  },
  {
    name: 'Two responses from Promise.all, both left unread when the second is not ok',
    code: `export async function both(left: string, right: string): Promise<unknown> {
  const [a, b] = await Promise.all([fetch(left), fetch(right)]);
  if (!b.ok) return null;
  return [await a.json(), await b.json()];
}`,
    output: null,
    errors: [
      { messageId: 'leak', line: 2, column: 37, data: { ...FETCH, name: 'a', path: 'when `both()` returns at line 3' } },
      { messageId: 'leak', line: 2, column: 50, data: { ...FETCH, name: 'b', path: 'when `both()` returns at line 3' } },
    ],
  },
  {
    name: 'The error thrown inside try is caught and the function returns without reading',
    code: `export async function queryMetrics(url: string): Promise<unknown> {
  try {
    const res = await fetch(url);
    if (!res.ok) throw new Error(\`status \${res.status}\`);
    return await res.json();
  } catch {
    return null;
  }
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 3, column: 23, data: { ...FETCH, name: 'res', path: 'when `queryMetrics()` returns at line 7' } }],
  },
  {
    name: 'Read in one arm of a conditional expression',
    code: `export async function queryMetrics(url: string): Promise<unknown> {
  const res = await fetch(url);
  return res.ok ? res.json() : null;
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 2, column: 21, data: { ...FETCH, name: 'res', path: 'when `queryMetrics()` returns at line 3' } }],
  },
  {
    name: 'A retry loop that does not cancel failed attempts: each one is dropped at the end of the loop body',
    code: `export async function withRetry(url: string): Promise<unknown> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(url);
    if (res.ok) return res.json();
  }
  throw new Error('metrics backend unavailable');
}`,
    output: null,
    errors: [{
      messageId: 'leak',
      line: 3,
      column: 23,
      data: { ...FETCH, name: 'res', path: 'when its block ends at line 5' },
      suggestions: [
        {
          messageId: 'suggestRelease',
          output: `export async function withRetry(url: string): Promise<unknown> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(url);
    if (res.ok) return res.json();
    await res.body?.cancel();
  }
  throw new Error('metrics backend unavailable');
}`,
        },
      ],
    }],
  },
  {
    name: 'A response overwritten by a retry without being cancelled',
    code: `export async function withOneRetry(url: string): Promise<unknown> {
  let res = await fetch(url);
  if (res.status === 503) res = await fetch(url);
  return res.json();
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 2, column: 19, data: { ...FETCH, name: 'res', path: 'before it is overwritten on line 3' } }],
  },
  {
    name: 'undici: a catch that swallows the error without dumping the body',
    code: `import { request } from 'undici';

export async function queryMetrics(url: string): Promise<unknown> {
  const { statusCode, body } = await request(url);
  try {
    if (statusCode !== 200) throw new Error(\`status \${statusCode}\`);
    return await body.json();
  } catch (error) {
    console.error(error);
    return null;
  }
}`,
    output: null,
    errors: [{
      messageId: 'leak',
      line: 4,
      column: 38,
      data: { ...UNDICI, name: 'request(…)', path: 'when `queryMetrics()` returns at line 10' }
    }],
  },
  {
    name: 'node:http: a switch on the status whose default case returns without consuming',
    code: `import * as http from 'node:http';

export function show(url: string): void {
  http.get(url, (res) => {
    switch (res.statusCode) {
      case 200:
        res.pipe(process.stdout);
        break;
      case 301:
      case 302:
        res.resume();
        break;
      default:
        return;
    }
  });
}`,
    output: `import * as http from 'node:http';

export function show(url: string): void {
  http.get(url, (res) => {
    switch (res.statusCode) {
      case 200:
        res.pipe(process.stdout);
        break;
      case 301:
      case 302:
        res.resume();
        break;
      default:
        res.resume();
        return;
    }
  });
}`,
    errors: [{
      messageId: 'leak',
      line: 4,
      column: 18,
      data: { ...HTTP, name: 'res', path: 'when the function returns at line 14' }
    }],
  },
  {
    // #13 §6: the response returned from the `try` is dropped when the `finally` throws.
    code: `export async function get(url: string, lock: { release(): boolean }): Promise<Response> {
  const res = await fetch(url);
  try {
    return res;
  } finally {
    if (!lock.release()) throw new Error('lock lost');
  }
}`,
    output: null,
    errors: [{
      messageId: 'leak',
      line: 2,
      column: 21,
      data: { ...FETCH, name: 'res', path: 'when `get()` throws at line 6' },
      suggestions: [
        {
          messageId: 'suggestRelease',
          output: `export async function get(url: string, lock: { release(): boolean }): Promise<Response> {
  const res = await fetch(url);
  try {
    return res;
  } finally {
    if (!lock.release()) {
      await res.body?.cancel();
      throw new Error('lock lost');
    }
  }
}`,
        },
      ],
    }],
  },
];

ruleTester.run('no-unconsumed-body (paths)', rule, { valid, invalid });
