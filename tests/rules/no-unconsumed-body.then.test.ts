// Rule tests for `leaks/no-unconsumed-body`: the callback of `then` on the promise a request returns owns the response.
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/no-unconsumed-body.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();
const TS = 'file.ts';

const FETCH = {
  name: 'res',
  resource: 'fetch response',
  released: 'read or cancelled',
  consequence: 'its connection stays busy until the garbage collector gets to it',
  advice: 'Read it (`await res.json()`, `res.text()`, …) or cancel it (`await res.body?.cancel()`) on every path.',
};

const valid: ValidTestCase<Options>[] = [
  {
    name: '`then` reads the body',
    code: `export function load(url: string): Promise<unknown> {
  return fetch(url).then((res) => res.json());
}`,
  },
  {
    name: '`then` reads or cancels on every path',
    code: `export function load(url: string): Promise<unknown> {
  return fetch(url).then(async (res) => {
    if (!res.ok) {
      await res.body?.cancel();
      throw new Error(String(res.status));
    }
    return res.json();
  });
}`,
  },
  {
    name: '`then` on a promise that does not come from a call: who owns the response is not known',
    code: `export function load(pending: Promise<Response>): Promise<unknown> {
  return pending.then((res) => {
    if (!res.ok) throw new Error(String(res.status));
    return res.json();
  });
}`,
  },
  {
    name: 'A named callback that hands the response back',
    code: `function check(res: Response): Response {
  if (!res.ok) console.warn(res.status);
  return res;
}
export function load(url: string): Promise<Response> {
  return fetch(url).then(check);
}`,
  },
];

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: 'A non-ok response thrown away in `then` (the incident, written with promises)',
    code: `export function load(url: string): Promise<unknown> {
  return fetch(url).then((res) => {
    if (!res.ok) throw new Error(String(res.status));
    return res.json();
  });
}`,
    output: `export function load(url: string): Promise<unknown> {
  return fetch(url).then((res) => {
    if (!res.ok) {
      void res.body?.cancel();
      throw new Error(String(res.status));
    }
    return res.json();
  });
}`,
    errors: [{ messageId: 'leak', line: 2, column: 27, data: { ...FETCH, path: 'when the function throws at line 3' } }],
  },
  {
    name: 'A request wrapper of the program, then an early return in `then`',
    code: `async function request(url: string): Promise<Response> {
  return await fetch(url, { headers: { accept: 'application/json' } });
}
export function item(url: string): Promise<unknown> {
  return request(url).then((res) => {
    if (res.status === 404) return undefined;
    return res.json();
  });
}`,
    output: `async function request(url: string): Promise<Response> {
  return await fetch(url, { headers: { accept: 'application/json' } });
}
export function item(url: string): Promise<unknown> {
  return request(url).then((res) => {
    if (res.status === 404) {
      void res.body?.cancel();
      return undefined;
    }
    return res.json();
  });
}`,
    errors: [{ messageId: 'leak', line: 5, column: 29, data: { ...FETCH, path: 'when the function returns at line 6' } }],
  },
  {
    name: 'A named callback passed to `then`',
    code: `function parse(res: Response): Promise<unknown> | undefined {
  if (res.status === 204) return undefined;
  if (!res.ok) return undefined;
  return res.json();
}
export function load(url: string): Promise<unknown> {
  return fetch(url).then(parse);
}`,
    output: `function parse(res: Response): Promise<unknown> | undefined {
  if (res.status === 204) return undefined;
  if (!res.ok) {
    void res.body?.cancel();
    return undefined;
  }
  return res.json();
}
export function load(url: string): Promise<unknown> {
  return fetch(url).then(parse);
}`,
    errors: [{ messageId: 'leak', line: 1, column: 16, data: { ...FETCH, path: 'when `parse()` returns at line 3' } }],
  },
];

ruleTester.run('no-unconsumed-body (then callbacks)', rule, {
  valid: valid.map((test) => ({ filename: TS, ...test })),
  invalid: invalid.map((test) => ({ filename: TS, ...test })),
});
