// Rule tests for `leaks/no-unconsumed-body`: hand-offs (return, store, consuming callees in this and other files) and wrappers as sources.
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
    name: 'Returning the response hands it to the caller',
    code: `export async function get(url: string): Promise<Response> {
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  return res;
}`,
  },
  {
    name: "A wrapper returning fetch's promise hands the response to its caller",
    code: `export function get(path: string): Promise<Response> {
  return fetch(new URL(path, 'http://metrics.internal:9090'));
}

export const post = (url: string, body: string): Promise<Response> => fetch(url, { method: 'POST', body });`,
  },
  {
    name: 'Stored in a field',
    code: `export class LastResponse {
  last: Response | undefined;

  async refresh(url: string): Promise<void> {
    const res = await fetch(url);
    this.last = res;
  }
}`,
  },
  {
    name: 'Stored in a module-level cache',
    code: `const cache = new Map<string, Response>();

export async function prefetch(url: string): Promise<void> {
  const res = await fetch(url);
  cache.set(url, res);
}`,
  },
  {
    name: 'Pushed into a module-level list',
    code: `export const pending: Response[] = [];

export async function enqueue(url: string): Promise<void> {
  pending.push(await fetch(url));
}`,
  },
  {
    name: 'Yielded from an async generator',
    code: `export async function* responses(urls: string[]): AsyncGenerator<Response> {
  for (const url of urls) {
    const res = await fetch(url);
    yield res;
  }
}`,
  },
  {
    name: 'Returned inside an object',
    code: `export async function timed(url: string): Promise<{ res: Response; ms: number }> {
  const started = Date.now();
  const res = await fetch(url);
  return { res, ms: Date.now() - started };
}`,
  },
  {
    name: 'Passed to a callback the caller supplied',
    code: `export async function withResponse(url: string, use: (res: Response) => Promise<void>): Promise<void> {
  const res = await fetch(url);
  await use(res);
}`,
  },
  {
    name: 'Passed to a function in this file that reads it',
    code: `async function readJson(res: Response): Promise<unknown> {
  if (!res.ok) throw new Error(\`status \${res.status}: \${await res.text()}\`);
  return res.json();
}

export async function queryMetrics(url: string): Promise<unknown> {
  const res = await fetch(url);
  return readJson(res);
}`,
  },
  {
    name: 'Passed to a function in this file that cancels its body',
    code: `async function discard(res: Response): Promise<void> {
  await res.body?.cancel();
}

export async function queryMetrics(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) {
    await discard(res);
    return null;
  }
  return res.json();
}`,
  },
  {
    name: 'Passed to a function in another file that reads it',
    code: `import { readJson } from './responses.js';

export async function queryMetrics(url: string): Promise<unknown> {
  const res = await fetch(url);
  return readJson(res);
}`,
  },
  {
    name: 'Passed to a function in another file that cancels its body',
    code: `import { discardBody } from './responses.js';

export async function queryMetrics(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) {
    await discardBody(res);
    return null;
  }
  return res.json();
}`,
  },
  {
    name: 'An undici body passed to a function in another file that reads it',
    code: `import { request } from 'undici';
import { readText } from './responses.js';

export async function report(url: string): Promise<string> {
  const { body } = await request(url);
  return readText(body);
}`,
  },
  {
    name: 'An undici response passed to a function in another file that dumps its body',
    code: `import { request } from 'undici';
import { dumpResponse } from './responses.js';

export async function touch(url: string): Promise<number> {
  const res = await request(url, { method: 'POST' });
  await dumpResponse(res);
  return res.statusCode;
}`,
  },
  {
    name: 'An http response passed to a function in another file that resumes it',
    code: `import * as http from 'node:http';
import { drain } from './responses.js';

export function ping(url: string): void {
  http.get(url, (res) => drain(res));
}`,
  },
  {
    name: "An http response passed to a function in another file that reads it with a 'data' listener",
    code: `import * as http from 'node:http';
import { collect } from './responses.js';

export function getText(url: string, done: (text: string) => void): void {
  http.get(url, (res) => collect(res, done));
}`,
  },
  {
    name: 'A wrapper from another file, its responses read or cancelled',
    code: `import { queryBackend } from './responses.js';

export async function panel(query: string): Promise<unknown> {
  const res = await queryBackend(\`/api/v1/query?query=\${encodeURIComponent(query)}\`);
  if (!res.ok) {
    await res.body?.cancel();
    return null;
  }
  return res.json();
}`,
  },
  {
    name: 'A finally that cancels the body unless it has been read',
    code: `export async function queryMetrics(url: string): Promise<unknown> {
  const res = await fetch(url);
  try {
    if (!res.ok) throw new Error(\`status \${res.status}\`);
    return await res.json();
  } finally {
    if (!res.bodyUsed) await res.body?.cancel();
  }
}`,
  },
];

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: 'An async wrapper in this file is a source of responses',
    code: `async function api(path: string): Promise<Response> {
  return fetch(\`http://metrics.internal:9090\${path}\`);
}

export async function panel(query: string): Promise<unknown> {
  const res = await api(\`/api/v1/query?query=\${query}\`);
  if (!res.ok) return null;
  return res.json();
}`,
    output: `async function api(path: string): Promise<Response> {
  return fetch(\`http://metrics.internal:9090\${path}\`);
}

export async function panel(query: string): Promise<unknown> {
  const res = await api(\`/api/v1/query?query=\${query}\`);
  if (!res.ok) {
    await res.body?.cancel();
    return null;
  }
  return res.json();
}`,
    errors: [{ messageId: 'leak', line: 6, column: 21, data: { ...FETCH, name: 'res', path: 'when `panel()` returns at line 7' } }],
  },
  {
    name: "A plain function returning fetch's promise is a source of responses",
    code: `function api(path: string): Promise<Response> {
  return fetch(\`http://metrics.internal:9090\${path}\`);
}

export async function panel(query: string): Promise<unknown> {
  const res = await api(\`/api/v1/query?query=\${query}\`);
  if (!res.ok) return null;
  return res.json();
}`,
    output: `function api(path: string): Promise<Response> {
  return fetch(\`http://metrics.internal:9090\${path}\`);
}

export async function panel(query: string): Promise<unknown> {
  const res = await api(\`/api/v1/query?query=\${query}\`);
  if (!res.ok) {
    await res.body?.cancel();
    return null;
  }
  return res.json();
}`,
    errors: [{ messageId: 'leak', line: 6, column: 21, data: { ...FETCH, name: 'res', path: 'when `panel()` returns at line 7' } }],
  },
  {
    name: "An arrow function returning fetch's promise is a source of responses",
    code: `const api = (path: string): Promise<Response> => fetch(\`http://metrics.internal:9090\${path}\`);

export async function panel(query: string): Promise<unknown> {
  const res = await api(\`/api/v1/query?query=\${query}\`);
  if (!res.ok) throw new Error(\`status \${res.status}\`);
  return res.json();
}`,
    output: `const api = (path: string): Promise<Response> => fetch(\`http://metrics.internal:9090\${path}\`);

export async function panel(query: string): Promise<unknown> {
  const res = await api(\`/api/v1/query?query=\${query}\`);
  if (!res.ok) {
    await res.body?.cancel();
    throw new Error(\`status \${res.status}\`);
  }
  return res.json();
}`,
    errors: [{ messageId: 'leak', line: 4, column: 21, data: { ...FETCH, name: 'res', path: 'when `panel()` throws at line 5' } }],
  },
  {
    name: 'A wrapper that retries and returns the last response is a source too',
    code: `async function withRetry(url: string): Promise<Response> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(url);
    if (res.status !== 503) return res;
    await res.body?.cancel();
  }
  throw new Error('unavailable');
}

export async function panel(url: string): Promise<unknown> {
  const res = await withRetry(url);
  if (!res.ok) return null;
  return res.json();
}`,
    output: `async function withRetry(url: string): Promise<Response> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(url);
    if (res.status !== 503) return res;
    await res.body?.cancel();
  }
  throw new Error('unavailable');
}

export async function panel(url: string): Promise<unknown> {
  const res = await withRetry(url);
  if (!res.ok) {
    await res.body?.cancel();
    return null;
  }
  return res.json();
}`,
    errors: [{ messageId: 'leak', line: 11, column: 21, data: { ...FETCH, name: 'res', path: 'when `panel()` returns at line 12' } }],
  },
  {
    name: 'An async wrapper in another file is a source of responses',
    code: `import { queryBackend } from './responses.js';

export async function panel(query: string): Promise<unknown> {
  const res = await queryBackend(\`/api/v1/query?query=\${query}\`);
  if (!res.ok) return null;
  return res.json();
}`,
    output: `import { queryBackend } from './responses.js';

export async function panel(query: string): Promise<unknown> {
  const res = await queryBackend(\`/api/v1/query?query=\${query}\`);
  if (!res.ok) {
    await res.body?.cancel();
    return null;
  }
  return res.json();
}`,
    errors: [{ messageId: 'leak', line: 4, column: 21, data: { ...FETCH, name: 'res', path: 'when `panel()` returns at line 5' } }],
  },
  {
    name: 'A plain wrapper in another file is a source of responses',
    code: `import { getFromBackend } from './responses.js';

export async function panel(query: string): Promise<unknown> {
  const res = await getFromBackend(\`/api/v1/query?query=\${query}\`);
  if (!res.ok) return null;
  return res.json();
}`,
    output: `import { getFromBackend } from './responses.js';

export async function panel(query: string): Promise<unknown> {
  const res = await getFromBackend(\`/api/v1/query?query=\${query}\`);
  if (!res.ok) {
    await res.body?.cancel();
    return null;
  }
  return res.json();
}`,
    errors: [{ messageId: 'leak', line: 4, column: 21, data: { ...FETCH, name: 'res', path: 'when `panel()` returns at line 5' } }],
  },
  {
    name: 'An undici wrapper in another file is a source of responses',
    code: `import { requestBackend } from './responses.js';

export async function panel(): Promise<unknown> {
  const { statusCode, body } = await requestBackend('/api/v1/targets');
  if (statusCode !== 200) return null;
  return body.json();
}`,
    output: `import { requestBackend } from './responses.js';

export async function panel(): Promise<unknown> {
  const { statusCode, body } = await requestBackend('/api/v1/targets');
  if (statusCode !== 200) {
    await body.dump();
    return null;
  }
  return body.json();
}`,
    errors: [
      {
        messageId: 'leak',
        line: 4,
        column: 38,
        data: { ...UNDICI, name: 'requestBackend(…)', path: 'when `panel()` returns at line 5' },
      },
    ],
  },
  {
    name: "A wrapper's response thrown away",
    code: `import { queryBackend } from './responses.js';

export async function refresh(): Promise<void> {
  await queryBackend('/-/reload');
}`,
    output: null,
    errors: [{ messageId: 'discarded', line: 4, column: 9, data: { ...FETCH, how: 'not stored anywhere' } }],
  },
  {
    name: 'A method declared to return Promise<Response> is a source, found by its type',
    code: `interface MetricsApi {
  query(q: string): Promise<Response>;
}

export async function panel(api: MetricsApi, q: string): Promise<unknown> {
  const res = await api.query(q);
  if (!res.ok) throw new Error(\`status \${res.status}\`);
  return res.json();
}`,
    output: `interface MetricsApi {
  query(q: string): Promise<Response>;
}

export async function panel(api: MetricsApi, q: string): Promise<unknown> {
  const res = await api.query(q);
  if (!res.ok) {
    await res.body?.cancel();
    throw new Error(\`status \${res.status}\`);
  }
  return res.json();
}`,
    errors: [{ messageId: 'leak', line: 6, column: 21, data: { ...FETCH, name: 'res', path: 'when `panel()` throws at line 7' } }],
  },
  {
    name: 'Passed to a function in this file that only reads the status',
    code: `function describe(res: Response): string {
  return \`\${res.status} \${res.statusText}\`;
}

export async function queryMetrics(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(describe(res));
  return res.json();
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 6, column: 21, data: { ...FETCH, name: 'res', path: 'when `queryMetrics()` throws at line 7' } }],
  },
  {
    name: 'Passed to a function in another file that only reads the status',
    code: `import { statusLine } from './responses.js';

export async function queryMetrics(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(statusLine(res));
  return res.json();
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 4, column: 21, data: { ...FETCH, name: 'res', path: 'when `queryMetrics()` throws at line 5' } }],
  },
  {
    name: 'An http response passed to a function in another file that only logs it',
    code: `import * as http from 'node:http';
import { logStatus } from './responses.js';

export function ping(url: string): void {
  http.get(url, (res) => logStatus(res));
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 5, column: 18, data: { ...HTTP, name: 'res', path: 'when the function ends at line 5' } }],
  },
  {
    name: 'An alias that is checked and dropped leaves the response unread',
    code: `export async function queryMetrics(url: string): Promise<unknown> {
  const res = await fetch(url);
  const checked = res;
  if (!checked.ok) return null;
  return res.json();
}`,
    output: `export async function queryMetrics(url: string): Promise<unknown> {
  const res = await fetch(url);
  const checked = res;
  if (!checked.ok) {
    await res.body?.cancel();
    return null;
  }
  return res.json();
}`,
    errors: [{ messageId: 'leak', line: 2, column: 21, data: { ...FETCH, name: 'res', path: 'when `queryMetrics()` returns at line 4' } }],
  },
  {
    name: 'A wrapper that promisifies http.get is a source of responses',
    code: `import * as http from 'node:http';

function get(url: string): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    http.get(url, (res) => resolve(res)).on('error', reject);
  });
}

export async function status(url: string): Promise<number> {
  const res = await get(url);
  if (res.statusCode !== 200) throw new Error(\`status \${res.statusCode}\`);
  res.resume();
  return 200;
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 10, column: 21, data: { ...HTTP, name: 'res', path: 'when `status()` throws at line 11' } }],
  },
];

ruleTester.run('no-unconsumed-body (hand-offs and wrappers)', rule, { valid, invalid });
