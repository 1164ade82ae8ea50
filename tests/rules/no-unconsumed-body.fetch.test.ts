// Rule tests for `leaks/no-unconsumed-body`: fetch responses (global and undici's) read, cancelled, bodiless, or left unread.
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
const FETCH_DISCARDED = { ...FETCH, how: 'not stored anywhere' };

const valid: ValidTestCase<Options>[] = [
  {
    name: 'Incident 1, fixed: the error path cancels the body, the success path reads it',
    code: `export async function queryMetrics(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) {
    await res.body?.cancel();
    throw new Error(\`metrics backend answered \${res.status}\`);
  }
  return res.json();
}`,
  },
  {
    name: 'The error path reads the body into the error message',
    code: `export async function queryMetrics(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(\`metrics backend answered \${res.status}: \${await res.text()}\`);
  return res.json();
}`,
  },
  {
    name: 'Read with arrayBuffer()',
    code: `export async function download(url: string): Promise<ArrayBuffer> {
  const res = await fetch(url);
  return res.arrayBuffer();
}`,
  },
  {
    name: 'Read with blob()',
    code: `export async function avatar(url: string): Promise<Blob> {
  const res = await fetch(url);
  return res.blob();
}`,
  },
  {
    name: 'Read with formData()',
    code: `export async function form(url: string): Promise<FormData> {
  const res = await fetch(url);
  return res.formData();
}`,
  },
  {
    name: 'Read with bytes()',
    code: `export async function raw(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  return res.bytes();
}`,
  },
  {
    name: 'Read chunk by chunk with a reader',
    code: `export async function size(url: string): Promise<number> {
  const res = await fetch(url);
  if (!res.body) return 0;
  const reader = res.body.getReader();
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return total;
    total += value.length;
  }
}`,
  },
  {
    name: 'Read with for await over the body stream',
    code: `export async function size(url: string): Promise<number> {
  const res = await fetch(url);
  let total = 0;
  for await (const chunk of res.body!) total += chunk.length;
  return total;
}`,
  },
  {
    name: 'Piped to a file with pipeline and Readable.fromWeb',
    code: `import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export async function download(url: string, file: string): Promise<void> {
  const res = await fetch(url);
  if (!res.ok || !res.body) {
    await res.body?.cancel();
    throw new Error(\`download failed: \${res.status}\`);
  }
  await pipeline(Readable.fromWeb(res.body), createWriteStream(file));
}`,
  },
  {
    name: 'Piped to a web WritableStream with pipeTo',
    code: `export async function forward(url: string, sink: WritableStream<Uint8Array>): Promise<void> {
  const res = await fetch(url);
  await res.body?.pipeTo(sink);
}`,
  },
  {
    name: 'Cancelled without awaiting the cancellation',
    code: `export async function probe(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) {
    res.body?.cancel().catch(() => undefined);
    return null;
  }
  return res.json();
}`,
  },
  {
    name: 'A HEAD request has no body',
    code: `export async function exists(url: string): Promise<boolean> {
  const res = await fetch(url, { method: 'HEAD' });
  return res.ok;
}`,
  },
  {
    name: "A HEAD request through undici's fetch, method in lower case",
    code: `import { fetch } from 'undici';

export async function etag(url: string): Promise<string | null> {
  const res = await fetch(url, { method: 'head' });
  if (!res.ok) return null;
  return res.headers.get('etag');
}`,
  },
  {
    name: 'A 204 response has no body',
    code: `export async function save(url: string, payload: string): Promise<unknown> {
  const res = await fetch(url, { method: 'PUT', body: payload });
  if (res.status === 204) return null;
  return res.json();
}`,
  },
  {
    name: 'A 304 response has no body',
    code: `export async function refresh(url: string, etag: string, cached: unknown): Promise<unknown> {
  const res = await fetch(url, { headers: { 'if-none-match': etag } });
  if (res.status === 304) return cached;
  return res.json();
}`,
  },
  {
    name: 'Either of 204 and 304, tested together',
    code: `export async function refresh(url: string, cached: unknown): Promise<unknown> {
  const res = await fetch(url);
  if (res.status === 204 || res.status === 304) return cached;
  return res.json();
}`,
  },
  {
    name: 'The body read straight off the awaited call',
    code: `export async function queryMetrics(url: string): Promise<unknown> {
  return (await fetch(url)).json();
}`,
  },
  {
    name: 'Responses read inside a map callback',
    code: `export async function queryAll(urls: string[]): Promise<unknown[]> {
  return Promise.all(urls.map(async (url) => (await fetch(url)).json()));
}`,
  },
  {
    name: "undici's fetch, read on every path",
    code: `import { fetch } from 'undici';

export async function queryMetrics(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) {
    await res.body?.cancel();
    return null;
  }
  return res.json();
}`,
  },
  {
    name: 'The destructured body, null-checked, cancelled or iterated',
    code: `export async function size(url: string): Promise<number> {
  const { ok, body } = await fetch(url);
  if (!body) return 0;
  if (!ok) {
    await body.cancel();
    return 0;
  }
  let total = 0;
  for await (const chunk of body) total += chunk.length;
  return total;
}`,
  },
];

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: 'Incident 1: the error path throws without reading or cancelling the body',
    code: `export async function queryMetrics(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(\`metrics backend answered \${res.status}\`);
  return res.json();
}`,
    output: `export async function queryMetrics(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) {
    await res.body?.cancel();
    throw new Error(\`metrics backend answered \${res.status}\`);
  }
  return res.json();
}`,
    errors: [
      { messageId: 'leak', line: 2, column: 21, data: { ...FETCH, name: 'res', path: 'when `queryMetrics()` throws at line 3' } },
    ],
  },
  {
    name: 'Incident 1: the error path returns null',
    code: `export async function queryMetrics(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) return null;
  return res.json();
}`,
    output: `export async function queryMetrics(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) {
    await res.body?.cancel();
    return null;
  }
  return res.json();
}`,
    errors: [
      { messageId: 'leak', line: 2, column: 21, data: { ...FETCH, name: 'res', path: 'when `queryMetrics()` returns at line 3' } },
    ],
  },
  {
    name: 'Incident 1 as a method of the dashboard service, with a block around the early return',
    code: `export class DashboardService {
  constructor(private readonly backend: string) {}

  async panel(query: string): Promise<unknown> {
    const res = await fetch(\`\${this.backend}/api/v1/query?query=\${encodeURIComponent(query)}\`);
    if (!res.ok) {
      console.warn('query failed', query, res.status);
      return null;
    }
    return res.json();
  }
}`,
    output: `export class DashboardService {
  constructor(private readonly backend: string) {}

  async panel(query: string): Promise<unknown> {
    const res = await fetch(\`\${this.backend}/api/v1/query?query=\${encodeURIComponent(query)}\`);
    if (!res.ok) {
      console.warn('query failed', query, res.status);
      await res.body?.cancel();
      return null;
    }
    return res.json();
  }
}`,
    errors: [
      { messageId: 'leak', line: 5, column: 23, data: { ...FETCH, name: 'res', path: 'when `panel()` returns at line 8' } },
    ],
  },
  {
    name: 'An awaited fetch whose result is thrown away',
    code: `export async function ping(url: string): Promise<void> {
  await fetch(url);
}`,
    output: null,
    errors: [{ messageId: 'discarded', line: 2, column: 9, data: FETCH_DISCARDED }],
  },
  {
    name: 'A POST whose response is thrown away',
    code: `export async function notify(webhook: string, event: string): Promise<void> {
  await fetch(webhook, { method: 'POST', body: JSON.stringify({ event }) });
}`,
    output: null,
    errors: [{ messageId: 'discarded', line: 2, column: 9, data: FETCH_DISCARDED }],
  },
  {
    name: 'Only the status of the awaited call is kept',
    code: `export async function isUp(url: string): Promise<boolean> {
  return (await fetch(url)).ok;
}`,
    output: null,
    errors: [{ messageId: 'discarded', line: 2, column: 17, data: FETCH_DISCARDED }],
  },
  {
    name: 'Destructuring only the status leaves the body with nobody',
    code: `export async function statusOf(url: string): Promise<number> {
  const { status } = await fetch(url);
  return status;
}`,
    output: null,
    errors: [{ messageId: 'discarded', line: 2, column: 28, data: FETCH_DISCARDED }],
  },
  {
    name: 'Only the status is read',
    code: `export async function statusOf(url: string): Promise<number> {
  const res = await fetch(url);
  return res.status;
}`,
    output: `export async function statusOf(url: string): Promise<number> {
  const res = await fetch(url);
  await res.body?.cancel();
  return res.status;
}`,
    errors: [{ messageId: 'leak', line: 2, column: 21, data: { ...FETCH, name: 'res', path: 'when `statusOf()` returns at line 3' } }],
  },
  {
    name: 'Only a header is read',
    code: `export async function etag(url: string): Promise<string | null> {
  const res = await fetch(url, { method: 'GET' });
  return res.headers.get('etag');
}`,
    output: `export async function etag(url: string): Promise<string | null> {
  const res = await fetch(url, { method: 'GET' });
  await res.body?.cancel();
  return res.headers.get('etag');
}`,
    errors: [{ messageId: 'leak', line: 2, column: 21, data: { ...FETCH, name: 'res', path: 'when `etag()` returns at line 3' } }],
  },
  {
    name: 'A response never used at all',
    code: `export async function warmUp(url: string): Promise<void> {
  const res = await fetch(url);
}`,
    output: `export async function warmUp(url: string): Promise<void> {
  const res = await fetch(url);
  await res.body?.cancel();
}`,
    errors: [{ messageId: 'leak', line: 2, column: 21, data: { ...FETCH, name: 'res', path: 'when `warmUp()` ends at line 3' } }],
  },
  {
    name: 'Read only when ok; the other path falls through to the end',
    code: `export async function queryMetrics(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (res.ok) {
    return res.json();
  }
  console.warn('metrics backend answered', res.status);
  return undefined;
}`,
    output: `export async function queryMetrics(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (res.ok) {
    return res.json();
  }
  console.warn('metrics backend answered', res.status);
  await res.body?.cancel();
  return undefined;
}`,
    errors: [{
      messageId: 'leak',
      line: 2,
      column: 21,
      data: { ...FETCH, name: 'res', path: 'when `queryMetrics()` returns at line 7' }
    }],
  },
  {
    name: "Incident 1 with undici's fetch",
    code: `import { fetch } from 'undici';

export async function queryMetrics(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) return null;
  return res.json();
}`,
    output: `import { fetch } from 'undici';

export async function queryMetrics(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) {
    await res.body?.cancel();
    return null;
  }
  return res.json();
}`,
    errors: [{ messageId: 'leak', line: 4, column: 21, data: { ...FETCH, name: 'res', path: 'when `queryMetrics()` returns at line 5' } }],
  },
  {
    name: 'Logging the response does not read it',
    code: `export async function debug(url: string): Promise<void> {
  const res = await fetch(url);
  console.log(res);
}`,
    output: `export async function debug(url: string): Promise<void> {
  const res = await fetch(url);
  console.log(res);
  await res.body?.cancel();
}`,
    errors: [{ messageId: 'leak', line: 2, column: 21, data: { ...FETCH, name: 'res', path: 'when `debug()` ends at line 4' } }],
  },
  {
    name: 'Logging the body stream does not read it either',
    code: `export async function debug(url: string): Promise<void> {
  const res = await fetch(url);
  console.log(res.body);
}`,
    output: `export async function debug(url: string): Promise<void> {
  const res = await fetch(url);
  console.log(res.body);
  await res.body?.cancel();
}`,
    errors: [{ messageId: 'leak', line: 2, column: 21, data: { ...FETCH, name: 'res', path: 'when `debug()` ends at line 4' } }],
  },
  {
    name: 'A status other than 204 or 304 may have a body',
    code: `export async function submit(url: string): Promise<unknown> {
  const res = await fetch(url, { method: 'POST' });
  if (res.status === 202) return null;
  return res.json();
}`,
    output: `export async function submit(url: string): Promise<unknown> {
  const res = await fetch(url, { method: 'POST' });
  if (res.status === 202) {
    await res.body?.cancel();
    return null;
  }
  return res.json();
}`,
    errors: [{ messageId: 'leak', line: 2, column: 21, data: { ...FETCH, name: 'res', path: 'when `submit()` returns at line 3' } }],
  },
  {
    name: 'A 204 check or-ed with a status that has a body proves nothing',
    code: `export async function load(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (res.status === 204 || res.status === 404) return null;
  return res.json();
}`,
    output: `export async function load(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (res.status === 204 || res.status === 404) {
    await res.body?.cancel();
    return null;
  }
  return res.json();
}`,
    errors: [{ messageId: 'leak', line: 2, column: 21, data: { ...FETCH, name: 'res', path: 'when `load()` returns at line 3' } }],
  },
  {
    name: 'A destructured body that is not cancelled when not ok',
    code: `export async function size(url: string): Promise<number> {
  const { ok, body } = await fetch(url);
  if (!ok || !body) return 0;
  let total = 0;
  for await (const chunk of body) total += chunk.length;
  return total;
}`,
    output: `export async function size(url: string): Promise<number> {
  const { ok, body } = await fetch(url);
  if (!ok || !body) {
    await body?.cancel();
    return 0;
  }
  let total = 0;
  for await (const chunk of body) total += chunk.length;
  return total;
}`,
    errors: [
      { messageId: 'leak', line: 2, column: 30, data: { ...FETCH, name: 'fetch(…)', path: 'when `size()` returns at line 3' } },
    ],
  },
  {
    name: 'Only the status of each response kept in a map callback',
    code: `export async function statuses(urls: string[]): Promise<number[]> {
  return Promise.all(urls.map(async (url) => (await fetch(url)).status));
}`,
    output: null,
    errors: [{ messageId: 'discarded', line: 2, column: 53, data: FETCH_DISCARDED }],
  },
];

ruleTester.run('no-unconsumed-body (fetch)', rule, { valid, invalid });
