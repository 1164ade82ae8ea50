// Rule tests for `leaks/no-unconsumed-body`: undici request(), client/pool/agent.request() — bodies consumed, dumped, destroyed or not.
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/no-unconsumed-body.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

const UNDICI = {
  resource: 'undici response',
  released: 'read or dumped',
  consequence: 'its connection stays busy and the pool runs dry',
  advice: 'Consume the body (`await body.json()`, `body.text()`, …) or discard it with `await body.dump()` on every path.',
};
const UNDICI_DISCARDED = { ...UNDICI, how: 'not stored anywhere' };

const valid: ValidTestCase<Options>[] = [
  {
    name: 'Dumped on the error path, read as JSON otherwise',
    code: `import { request } from 'undici';

export async function queryMetrics(url: string): Promise<unknown> {
  const { statusCode, body } = await request(url);
  if (statusCode !== 200) {
    await body.dump();
    throw new Error(\`metrics backend answered \${statusCode}\`);
  }
  return body.json();
}`,
  },
  {
    name: 'Destroyed on the error path, read as text otherwise (client.request)',
    code: `import type { Client } from 'undici';

export async function fetchReport(client: Client): Promise<string> {
  const { statusCode, body } = await client.request({ path: '/report', method: 'GET' });
  if (statusCode >= 400) {
    body.destroy();
    return '';
  }
  return body.text();
}`,
  },
  {
    name: 'Read through the response object (pool.request, arrayBuffer)',
    code: `import type { Pool } from 'undici';

export async function download(pool: Pool, path: string): Promise<ArrayBuffer> {
  const res = await pool.request({ path, method: 'GET' });
  return res.body.arrayBuffer();
}`,
  },
  {
    name: 'A renamed destructured body read with blob()',
    code: `import { request } from 'undici';

export async function avatar(url: string): Promise<Blob> {
  const { body: stream } = await request(url);
  return stream.blob();
}`,
  },
  {
    name: 'Read with bytes() (agent.request)',
    code: `import type { Agent } from 'undici';

export async function raw(agent: Agent, origin: string): Promise<Uint8Array> {
  const { body } = await agent.request({ origin, path: '/raw', method: 'GET' });
  return body.bytes();
}`,
  },
  {
    name: 'Streamed to a file with pipeline',
    code: `import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { request } from 'undici';

export async function download(url: string, file: string): Promise<void> {
  const { body } = await request(url);
  await pipeline(body, createWriteStream(file));
}`,
  },
  {
    name: 'Piped with body.pipe()',
    code: `import { createWriteStream } from 'node:fs';
import { request } from 'undici';

export async function download(url: string, file: string): Promise<void> {
  const { body } = await request(url);
  body.pipe(createWriteStream(file));
}`,
  },
  {
    name: 'Iterated with for await',
    code: `import { request } from 'undici';

export async function size(url: string): Promise<number> {
  const { body } = await request(url);
  let total = 0;
  for await (const chunk of body) total += chunk.length;
  return total;
}`,
  },
  {
    name: 'A HEAD request has no body (request)',
    code: `import { request } from 'undici';

export async function exists(url: string): Promise<boolean> {
  const { statusCode } = await request(url, { method: 'HEAD' });
  return statusCode === 200;
}`,
  },
  {
    name: 'A HEAD request has no body (agent.request)',
    code: `import type { Agent } from 'undici';

export async function lastModified(agent: Agent, origin: string): Promise<unknown> {
  const res = await agent.request({ origin, path: '/', method: 'HEAD' });
  return res.headers['last-modified'];
}`,
  },
  {
    name: 'A 204 guard on the response object (client.request)',
    code: `import type { Client } from 'undici';

export async function save(client: Client, payload: string): Promise<unknown> {
  const res = await client.request({ path: '/items', method: 'PUT', body: payload });
  if (res.statusCode === 204) return null;
  return res.body.json();
}`,
  },
  {
    name: 'A 204/304 guard on a destructured statusCode',
    code: `import { request } from 'undici';

export async function refresh(url: string, cached: unknown): Promise<unknown> {
  const { statusCode, body } = await request(url);
  if (statusCode === 204 || statusCode === 304) return cached;
  return body.json();
}`,
  },
  {
    name: 'Returning the request promise hands the response to the caller',
    code: `import type { Dispatcher } from 'undici';

export function get(dispatcher: Dispatcher, path: string): Promise<Dispatcher.ResponseData> {
  return dispatcher.request({ path, method: 'GET' });
}`,
  },
  {
    name: 'Returning the status and the body together hands the body to the caller',
    code: `import { request, type Dispatcher } from 'undici';

export async function open(url: string): Promise<{ status: number; body: Dispatcher.ResponseData['body'] }> {
  const { statusCode, body } = await request(url);
  return { status: statusCode, body };
}`,
  },
  {
    name: 'The body passed to a function in this file that reads it',
    code: `import { request, type Dispatcher } from 'undici';

async function readLines(body: Dispatcher.ResponseData['body']): Promise<string[]> {
  return (await body.text()).split('\\n');
}

export async function lines(url: string): Promise<string[]> {
  const { body } = await request(url);
  return readLines(body);
}`,
  },
  {
    name: 'The body read in both branches',
    code: `import { request } from 'undici';

export async function load(url: string): Promise<unknown> {
  const { statusCode, headers, body } = await request(url);
  if (headers['content-type'] === 'application/json') return body.json();
  const text = await body.text();
  return { statusCode, text };
}`,
  },
];

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: 'Incident 1 with request(): the error path throws without consuming the body',
    code: `import { request } from 'undici';

export async function queryMetrics(url: string): Promise<unknown> {
  const { statusCode, body } = await request(url);
  if (statusCode !== 200) throw new Error(\`metrics backend answered \${statusCode}\`);
  return body.json();
}`,
    output: `import { request } from 'undici';

export async function queryMetrics(url: string): Promise<unknown> {
  const { statusCode, body } = await request(url);
  if (statusCode !== 200) {
    await body.dump();
    throw new Error(\`metrics backend answered \${statusCode}\`);
  }
  return body.json();
}`,
    errors: [
      {
        messageId: 'leak',
        line: 4,
        column: 38,
        data: { ...UNDICI, name: 'request(…)', path: 'when `queryMetrics()` throws at line 5' },
      },
    ],
  },
  {
    name: 'Destructuring only the status code leaves the body with nobody',
    code: `import { request } from 'undici';

export async function health(url: string): Promise<number> {
  const { statusCode } = await request(url);
  return statusCode;
}`,
    output: null,
    errors: [{ messageId: 'discarded', line: 4, column: 32, data: UNDICI_DISCARDED }],
  },
  {
    name: 'An awaited request whose response is thrown away',
    code: `import { request } from 'undici';

export async function ping(url: string): Promise<void> {
  await request(url, { method: 'POST', body: 'ping' });
}`,
    output: null,
    errors: [{ messageId: 'discarded', line: 4, column: 9, data: UNDICI_DISCARDED }],
  },
  {
    name: 'client.request: the error path returns null',
    code: `import type { Client } from 'undici';

export async function report(client: Client): Promise<string | null> {
  const res = await client.request({ path: '/report', method: 'GET' });
  if (res.statusCode >= 400) return null;
  return res.body.text();
}`,
    output: `import type { Client } from 'undici';

export async function report(client: Client): Promise<string | null> {
  const res = await client.request({ path: '/report', method: 'GET' });
  if (res.statusCode >= 400) {
    await res.body.dump();
    return null;
  }
  return res.body.text();
}`,
    errors: [{ messageId: 'leak', line: 4, column: 21, data: { ...UNDICI, name: 'res', path: 'when `report()` returns at line 5' } }],
  },
  {
    name: 'pool.request: the error path returns undefined',
    code: `import type { Pool } from 'undici';

export async function query(pool: Pool, q: string): Promise<unknown> {
  const res = await pool.request({ path: \`/api/v1/query?query=\${q}\`, method: 'GET' });
  if (res.statusCode !== 200) return undefined;
  return res.body.json();
}`,
    output: `import type { Pool } from 'undici';

export async function query(pool: Pool, q: string): Promise<unknown> {
  const res = await pool.request({ path: \`/api/v1/query?query=\${q}\`, method: 'GET' });
  if (res.statusCode !== 200) {
    await res.body.dump();
    return undefined;
  }
  return res.body.json();
}`,
    errors: [{ messageId: 'leak', line: 4, column: 21, data: { ...UNDICI, name: 'res', path: 'when `query()` returns at line 5' } }],
  },
  {
    name: 'agent.request: iterated only when the status is 200',
    code: `import type { Agent } from 'undici';

export async function size(agent: Agent, origin: string): Promise<number> {
  const { statusCode, body } = await agent.request({ origin, path: '/', method: 'GET' });
  let total = 0;
  if (statusCode === 200) for await (const chunk of body) total += chunk.length;
  return total;
}`,
    output: null,
    errors: [
      {
        messageId: 'leak',
        line: 4,
        column: 38,
        data: { ...UNDICI, name: 'agent.request(…)', path: 'when `size()` returns at line 7' },
        suggestions: [
          {
            messageId: 'suggestRelease',
            output: `import type { Agent } from 'undici';

export async function size(agent: Agent, origin: string): Promise<number> {
  const { statusCode, body } = await agent.request({ origin, path: '/', method: 'GET' });
  let total = 0;
  if (statusCode === 200) for await (const chunk of body) total += chunk.length;
  await body.dump();
  return total;
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'client.request: dumped only on success',
    code: `import type { Client } from 'undici';

export async function touch(client: Client): Promise<number> {
  const { statusCode, body } = await client.request({ path: '/touch', method: 'POST' });
  if (statusCode === 200) {
    await body.dump();
  }
  return statusCode;
}`,
    output: null,
    errors: [
      {
        messageId: 'leak',
        line: 4,
        column: 38,
        data: { ...UNDICI, name: 'client.request(…)', path: 'when `touch()` returns at line 8' },
        suggestions: [
          {
            messageId: 'suggestRelease',
            output: `import type { Client } from 'undici';

export async function touch(client: Client): Promise<number> {
  const { statusCode, body } = await client.request({ path: '/touch', method: 'POST' });
  if (statusCode === 200) {
    await body.dump();
  }
  await body.dump();
  return statusCode;
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'A destructured body that is never used',
    code: `import type { Pool } from 'undici';

export async function warmUp(pool: Pool): Promise<void> {
  const { body } = await pool.request({ path: '/', method: 'GET' });
}`,
    output: `import type { Pool } from 'undici';

export async function warmUp(pool: Pool): Promise<void> {
  const { body } = await pool.request({ path: '/', method: 'GET' });
  await body.dump();
}`,
    errors: [
      {
        messageId: 'leak',
        line: 4,
        column: 26,
        data: { ...UNDICI, name: 'pool.request(…)', path: 'when `warmUp()` ends at line 5' },
      },
    ],
  },
  {
    name: 'A content-type check that returns without consuming',
    code: `import { request } from 'undici';

export async function metrics(url: string): Promise<unknown> {
  const { headers, body } = await request(url);
  if (headers['content-type'] !== 'application/json') return null;
  return body.json();
}`,
    output: `import { request } from 'undici';

export async function metrics(url: string): Promise<unknown> {
  const { headers, body } = await request(url);
  if (headers['content-type'] !== 'application/json') {
    await body.dump();
    return null;
  }
  return body.json();
}`,
    errors: [{ messageId: 'leak', line: 4, column: 35, data: { ...UNDICI, name: 'request(…)', path: 'when `metrics()` returns at line 5' } }],
  },
  {
    name: 'A loop that skips failures with continue',
    code: `import { request } from 'undici';

export async function queryAll(urls: string[]): Promise<unknown[]> {
  const results: unknown[] = [];
  for (const url of urls) {
    const res = await request(url);
    if (res.statusCode !== 200) continue;
    results.push(await res.body.json());
  }
  return results;
}`,
    output: `import { request } from 'undici';

export async function queryAll(urls: string[]): Promise<unknown[]> {
  const results: unknown[] = [];
  for (const url of urls) {
    const res = await request(url);
    if (res.statusCode !== 200) {
      await res.body.dump();
      continue;
    }
    results.push(await res.body.json());
  }
  return results;
}`,
    errors: [{ messageId: 'leak', line: 6, column: 23, data: { ...UNDICI, name: 'res', path: 'when `continue` on line 7 leaves its block' } }],
  },
  {
    name: 'A status other than 204 or 304 may have a body',
    code: `import { request } from 'undici';

export async function submit(url: string): Promise<unknown> {
  const res = await request(url, { method: 'POST' });
  if (res.statusCode === 202) return null;
  return res.body.json();
}`,
    output: `import { request } from 'undici';

export async function submit(url: string): Promise<unknown> {
  const res = await request(url, { method: 'POST' });
  if (res.statusCode === 202) {
    await res.body.dump();
    return null;
  }
  return res.body.json();
}`,
    errors: [{ messageId: 'leak', line: 4, column: 21, data: { ...UNDICI, name: 'res', path: 'when `submit()` returns at line 5' } }],
  },
  {
    name: 'Logging the body does not consume it',
    code: `import { request } from 'undici';

export async function debug(url: string): Promise<void> {
  const { body } = await request(url);
  console.log(body);
}`,
    output: `import { request } from 'undici';

export async function debug(url: string): Promise<void> {
  const { body } = await request(url);
  console.log(body);
  await body.dump();
}`,
    errors: [{ messageId: 'leak', line: 4, column: 26, data: { ...UNDICI, name: 'request(…)', path: 'when `debug()` ends at line 6' } }],
  },
];

ruleTester.run('no-unconsumed-body (undici)', rule, { valid, invalid });
