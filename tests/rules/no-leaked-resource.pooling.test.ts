// Rule tests for `leaks/no-leaked-resource`: pooling clients created per call (incident 2) get the "create one and reuse it" message.
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/no-leaked-resource.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

/** The shared tester enables JSX, so its default file is react.tsx: lint these cases as file.ts unless they name a file. */
const inTs = <T extends { filename?: string }>(test: T): T => ({ filename: 'file.ts', ...test });

/** Pooling messages name the class that was created and how to release it. */
const undici = (name: string) => ({ resource: `undici ${name}`, released: 'closed', release: 'close' });
const HTTP_AGENT = { resource: 'http.Agent', released: 'destroyed', release: 'destroy' };
const pg = (name: string) => ({ resource: `pg ${name}`, released: 'ended', release: 'end' });

const valid: ValidTestCase<Options>[] = [
  {
    // Closed in finally after each use.
    code: `import { Client } from 'undici';
export async function health(origin: string): Promise<boolean> {
  const client = new Client(origin);
  try {
    const { statusCode, body } = await client.request({ path: '/health', method: 'GET' });
    await body.dump();
    return statusCode === 200;
  } finally {
    await client.close();
  }
}`,
  },
  {
    // Incident 2's preferred fix: one client as a member, closed when the monitor stops.
    code: `import { Client } from 'undici';
export class HealthMonitor {
  private readonly client: Client;
  constructor(origin: string) {
    this.client = new Client(origin);
  }
  async check(): Promise<boolean> {
    const { statusCode, body } = await this.client.request({ path: '/health', method: 'GET' });
    await body.dump();
    return statusCode === 200;
  }
  async stop(): Promise<void> {
    await this.client.close();
  }
}`,
  },
  {
    // One module-level agent lent to every request.
    code: `import * as http from 'node:http';
const agent = new http.Agent({ keepAlive: true });
export function ping(host: string): void {
  http.get({ host, path: '/ping', agent }, (res) => res.resume());
}`,
  },
  {
    // An agent made per call, lent, then destroyed when the response ends.
    code: `import * as http from 'node:http';
export function ping(host: string): void {
  const agent = new http.Agent({ keepAlive: true });
  http.get({ host, path: '/ping', agent }, (res) => {
    res.resume();
    res.on('end', () => agent.destroy());
  });
}`,
  },
  {
    // A factory returning the pool hands it to the caller.
    code: `import { Pool } from 'undici';
export function createPool(origin: string): Pool {
  return new Pool(origin, { connections: 4 });
}`,
  },
  {
    // pg: one pool per module, a pooled client released in finally.
    code: `import pg from 'pg';
const pool = new pg.Pool();
export async function count(): Promise<number> {
  const client = await pool.connect();
  try {
    const result = await client.query('select count(*) from jobs');
    return Number(result.rows[0]?.count ?? 0);
  } finally {
    client.release();
  }
}`,
  },
  {
    // pg: a client per call, ended in finally.
    code: `import pg from 'pg';
export async function now(): Promise<unknown> {
  const client = new pg.Client();
  await client.connect();
  try {
    return (await client.query('select now()')).rows;
  } finally {
    await client.end();
  }
}`,
  },
  {
    // A proxy agent kept in a field.
    code: `import { ProxyAgent } from 'undici';
export class Fetcher {
  private readonly dispatcher = new ProxyAgent('http://proxy:8080');
  async close(): Promise<void> {
    await this.dispatcher.close();
  }
}`,
  },
  {
    // undici Agent destroyed at the end.
    code: `import { Agent, request } from 'undici';
export async function status(url: string): Promise<number> {
  const dispatcher = new Agent();
  const { statusCode, body } = await request(url, { dispatcher });
  await body.dump();
  await dispatcher.destroy();
  return statusCode;
}`,
  },
  {
    // A constructor may keep the pool it is given: a hand-off (ownership model §4).
    code: `import * as https from 'node:https';
declare class Session { constructor(options: { agent: https.Agent }); }
export function open(): Session {
  return new Session({ agent: new https.Agent({ keepAlive: true }) });
}`,
  },
  {
    // A factory whose result is no promise may keep it too: what it returns can own the agent.
    code: `import * as https from 'node:https';
declare function makeClient(options: { agent: https.Agent }): { get(path: string): Promise<number> };
export function client(): { get(path: string): Promise<number> } {
  return makeClient({ agent: new https.Agent({ keepAlive: true }) });
}`,
  },
  {
    // An async factory is a factory: the client it resolves to has methods, and may keep the agent.
    code: `import * as https from 'node:https';
declare class Sdk { static create(options: { httpAgent: https.Agent }): Promise<Sdk>; close(): Promise<void>; }
export async function make(): Promise<Sdk> {
  return await Sdk.create({ httpAgent: new https.Agent({ keepAlive: true }) });
}`,
  },
  {
    // Promise.resolve() resolves to what it is given.
    code: `import * as https from 'node:https';
export function options(): Promise<{ agent: https.Agent }> {
  return Promise.resolve({ agent: new https.Agent() });
}`,
  },
  {
    // One agent, shared by every call.
    code: `import * as https from 'node:https';
declare function send(request: { agent: https.Agent; path: string }): Promise<number>;
const agent = new https.Agent({ keepAlive: true });
export async function post(path: string): Promise<number> {
  return send({ agent, path });
}`,
  },
  {
    // A socket in the options of an operation is no pool: the operation may take it over (`tls.connect({ socket })`).
    code: `import * as net from 'node:net';
declare function upgrade(options: { socket: net.Socket }): Promise<void>;
export async function secure(port: number): Promise<void> {
  await upgrade({ socket: net.connect(port) });
}`,
  },
];

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    // Incident 2: a new client per health check, never closed.
    code: `import { Client } from 'undici';
export async function health(origin: string): Promise<boolean> {
  const client = new Client(origin);
  const { statusCode, body } = await client.request({ path: '/health', method: 'GET' });
  await body.dump();
  return statusCode === 200;
}`,
    errors: [
      {
        messageId: 'leakPooling',
        line: 3,
        column: 18,
        endLine: 3,
        endColumn: 36,
        data: { name: 'client', ...undici('Client'), path: 'when `health()` returns at line 6' },
      },
    ],
    output: `import { Client } from 'undici';
export async function health(origin: string): Promise<boolean> {
  const client = new Client(origin);
  try {
    const { statusCode, body } = await client.request({ path: '/health', method: 'GET' });
    await body.dump();
    return statusCode === 200;
  } finally {
    await client.close();
  }
}`,
  },
  {
    code: `import { Pool } from 'undici';
export async function fetchUsers(origin: string): Promise<unknown> {
  const pool = new Pool(origin, { connections: 10 });
  const { body } = await pool.request({ path: '/users', method: 'GET' });
  return body.json();
}`,
    errors: [
      {
        messageId: 'leakPooling',
        line: 3,
        column: 16,
        endLine: 3,
        endColumn: 53,
        data: { name: 'pool', ...undici('Pool'), path: 'when `fetchUsers()` returns at line 5' },
      },
    ],
    output: `import { Pool } from 'undici';
export async function fetchUsers(origin: string): Promise<unknown> {
  const pool = new Pool(origin, { connections: 10 });
  try {
    const { body } = await pool.request({ path: '/users', method: 'GET' });
    return await body.json();
  } finally {
    await pool.close();
  }
}`,
  },
  {
    code: `import { Agent, request } from 'undici';
export async function status(url: string): Promise<number> {
  const dispatcher = new Agent({ keepAliveTimeout: 10_000 });
  const { statusCode, body } = await request(url, { dispatcher });
  await body.dump();
  return statusCode;
}`,
    errors: [
      {
        messageId: 'leakPooling',
        line: 3,
        column: 22,
        data: { name: 'dispatcher', ...undici('Agent'), path: 'when `status()` returns at line 6' },
      },
    ],
    output: `import { Agent, request } from 'undici';
export async function status(url: string): Promise<number> {
  const dispatcher = new Agent({ keepAliveTimeout: 10_000 });
  try {
    const { statusCode, body } = await request(url, { dispatcher });
    await body.dump();
    return statusCode;
  } finally {
    await dispatcher.close();
  }
}`,
  },
  {
    // A keep-alive agent per call, lent to http.request: lending does not release it.
    code: `import * as http from 'node:http';
export function ping(host: string): void {
  const agent = new http.Agent({ keepAlive: true });
  const req = http.request({ host, path: '/ping', agent }, (res) => res.resume());
  req.end();
}`,
    errors: [
      {
        messageId: 'leakPooling',
        line: 3,
        column: 17,
        endLine: 3,
        endColumn: 52,
        data: { name: 'agent', ...HTTP_AGENT, path: 'when `ping()` ends at line 6' },
        suggestions: [
          {
            messageId: 'suggestFinally',
            output: `import * as http from 'node:http';
export function ping(host: string): void {
  const agent = new http.Agent({ keepAlive: true });
  try {
    const req = http.request({ host, path: '/ping', agent }, (res) => res.resume());
    req.end();
  } finally {
    agent.destroy();
  }
}`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    code: `import * as https from 'node:https';
export function ping(host: string): void {
  const agent = new https.Agent({ keepAlive: true, maxSockets: 4 });
  https.get({ host, path: '/ping', agent }, (res) => res.resume());
}`,
    errors: [{
      messageId: 'leakPooling',
      line: 3,
      column: 17,
      data: { name: 'agent', ...HTTP_AGENT, path: 'when `ping()` ends at line 5' },
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import * as https from 'node:https';
export function ping(host: string): void {
  const agent = new https.Agent({ keepAlive: true, maxSockets: 4 });
  try {
    https.get({ host, path: '/ping', agent }, (res) => res.resume());
  } finally {
    agent.destroy();
  }
}`,
        },
      ],
    }],
    output: null,
  },
  {
    // Created inline and only lent to the request.
    code: `import * as http from 'node:http';
export function ping(host: string): void {
  http.request({ host, path: '/ping', agent: new http.Agent({ keepAlive: true }) }).end();
}`,
    errors: [
      {
        messageId: 'discardedPooling',
        line: 3,
        column: 46,
        endLine: 3,
        endColumn: 81,
        data: { ...HTTP_AGENT, how: 'only lent to `http.request`' },
      },
    ],
    output: null,
  },
  {
    // undici fetch with a dispatcher made per call.
    code: `import { Agent, fetch } from 'undici';
export async function status(url: string): Promise<number> {
  const res = await fetch(url, { dispatcher: new Agent() });
  await res.body?.cancel();
  return res.status;
}`,
    errors: [
      {
        messageId: 'discardedPooling',
        line: 3,
        column: 46,
        endLine: 3,
        endColumn: 57,
        data: { ...undici('Agent'), how: 'only lent to `fetch`' },
      },
    ],
    output: null,
  },
  {
    code: `import { Pool, request } from 'undici';
export async function status(url: string, origin: string): Promise<number> {
  const { statusCode, body } = await request(url, { dispatcher: new Pool(origin) });
  await body.dump();
  return statusCode;
}`,
    errors: [{ messageId: 'discardedPooling', line: 3, column: 65, data: { ...undici('Pool'), how: 'only lent to `request`' } }],
    output: null,
  },
  {
    // A client created and dropped.
    code: `import { Client } from 'undici';
export function warm(origin: string): void {
  new Client(origin);
}`,
    errors: [{ messageId: 'discardedPooling', line: 3, column: 3, endLine: 3, endColumn: 21, data: { ...undici('Client'), how: 'not stored anywhere' } }],
    output: null,
  },
  {
    // #13 §3: an operation that settles (a call returning a promise) only borrows the options it is given, also when
    // the plugin cannot see its body: a new keep-alive agent per call is incident 2's pool per call.
    code: `import * as https from 'node:https';
declare function send(request: { agent: https.Agent; path: string }): Promise<number>;
export async function post(path: string): Promise<number> {
  return send({ agent: new https.Agent({ keepAlive: true }), path });
}`,
    errors: [{ messageId: 'discardedPooling', line: 4, column: 24, endLine: 4, endColumn: 60, data: { ...HTTP_AGENT, how: 'only lent to `send`' } }],
    output: null,
  },
  {
    // The same through a local options object, which dies with the function.
    code: `import * as https from 'node:https';
declare function send(request: { agent: https.Agent; path: string }): Promise<number>;
export async function post(path: string): Promise<number> {
  const request = { agent: new https.Agent({ keepAlive: true }), path };
  return await send(request);
}`,
    errors: [{ messageId: 'leakPooling', line: 4, column: 28, data: { name: 'request.agent', ...HTTP_AGENT, path: 'when `post()` returns at line 5' } }],
    output: null,
  },
  {
    // pg: a pool per call.
    code: `import pg from 'pg';
export async function count(): Promise<number> {
  const pool = new pg.Pool({ max: 2 });
  const result = await pool.query('select count(*) from jobs');
  return Number(result.rows[0]?.count ?? 0);
}`,
    errors: [
      {
        messageId: 'leakPooling',
        line: 3,
        column: 16,
        endLine: 3,
        endColumn: 39,
        data: { name: 'pool', ...pg('Pool'), path: 'when `count()` returns at line 5' },
      },
    ],
    output: `import pg from 'pg';
export async function count(): Promise<number> {
  const pool = new pg.Pool({ max: 2 });
  try {
    const result = await pool.query('select count(*) from jobs');
    return Number(result.rows[0]?.count ?? 0);
  } finally {
    await pool.end();
  }
}`,
  },
  {
    // pg: a client per call, ended only on the success path.
    code: `import pg from 'pg';
export async function now(strict: boolean): Promise<unknown> {
  const client = new pg.Client();
  await client.connect();
  const { rows } = await client.query('select now()');
  if (strict && rows.length === 0) {
    throw new Error('no rows');
  }
  await client.end();
  return rows;
}`,
    errors: [{ messageId: 'leakPooling', line: 3, column: 18, data: { name: 'client', ...pg('Client'), path: 'when `now()` throws at line 7' } }],
    output: `import pg from 'pg';
export async function now(strict: boolean): Promise<unknown> {
  const client = new pg.Client();
  await client.connect();
  const { rows } = await client.query('select now()');
  if (strict && rows.length === 0) {
    await client.end();
    throw new Error('no rows');
  }
  await client.end();
  return rows;
}`,
  },
  {
    // pg: a pooled client not given back is a plain leak (it is not itself a pool).
    code: `import pg from 'pg';
const pool = new pg.Pool();
export async function count(): Promise<number> {
  const client = await pool.connect();
  const result = await client.query('select count(*) from jobs');
  return Number(result.rows[0]?.count ?? 0);
}`,
    errors: [
      {
        messageId: 'leak',
        line: 4,
        column: 24,
        endLine: 4,
        endColumn: 38,
        data: {
          name: 'client',
          resource: 'pg PoolClient',
          released: 'released',
          advice: 'Call `client.release()` in a `finally` block so the connection goes back to the pool.',
          path: 'when `count()` returns at line 6',
        },
      },
    ],
    output: `import pg from 'pg';
const pool = new pg.Pool();
export async function count(): Promise<number> {
  const client = await pool.connect();
  try {
    const result = await client.query('select count(*) from jobs');
    return Number(result.rows[0]?.count ?? 0);
  } finally {
    client.release();
  }
}`,
  },
  {
    // A client per loop iteration.
    code: `import { Client } from 'undici';
export async function checkAll(origins: string[]): Promise<number> {
  let healthy = 0;
  for (const origin of origins) {
    const client = new Client(origin);
    const { statusCode, body } = await client.request({ path: '/health', method: 'GET' });
    await body.dump();
    if (statusCode === 200) healthy++;
  }
  return healthy;
}`,
    errors: [{ messageId: 'leakPooling', line: 5, column: 20, data: { name: 'client', ...undici('Client'), path: 'when its block ends at line 9' } }],
    output: `import { Client } from 'undici';
export async function checkAll(origins: string[]): Promise<number> {
  let healthy = 0;
  for (const origin of origins) {
    const client = new Client(origin);
    try {
      const { statusCode, body } = await client.request({ path: '/health', method: 'GET' });
      await body.dump();
      if (statusCode === 200) healthy++;
    } finally {
      await client.close();
    }
  }
  return healthy;
}`,
  },
  {
    // A proxy agent per call.
    code: `import { ProxyAgent, fetch } from 'undici';
export async function viaProxy(url: string, proxy: string): Promise<string> {
  const dispatcher = new ProxyAgent(proxy);
  const res = await fetch(url, { dispatcher });
  return res.text();
}`,
    errors: [{ messageId: 'leakPooling', line: 3, column: 22, data: { name: 'dispatcher', ...undici('ProxyAgent'), path: 'when `viaProxy()` returns at line 5' } }],
    output: `import { ProxyAgent, fetch } from 'undici';
export async function viaProxy(url: string, proxy: string): Promise<string> {
  const dispatcher = new ProxyAgent(proxy);
  try {
    const res = await fetch(url, { dispatcher });
    return await res.text();
  } finally {
    await dispatcher.close();
  }
}`,
  },
  {
    // The agent sits in an options object that is only lent to the request.
    code: `import * as http from 'node:http';
export function ping(host: string): void {
  const options = { host, path: '/ping', agent: new http.Agent({ keepAlive: true }) };
  http.get(options, (res) => res.resume());
}`,
    errors: [{ messageId: 'leakPooling', line: 3, column: 49, endLine: 3, endColumn: 84 }],
    output: null,
  },
];

ruleTester.run('no-leaked-resource (pooling)', rule, { valid: valid.map(inTs), invalid: invalid.map(inTs) });
