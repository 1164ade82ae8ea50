// Rule tests for `leaks/no-unended-response` on node:http, https and http2 compat handlers: every path ends or hands on the response.
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/no-unended-response.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

/** The shared tester enables JSX, so its default file is react.tsx: lint these cases as file.ts unless they name a file. */
const inTs = <T extends { filename?: string }>(test: T): T => ({ filename: 'file.ts', ...test });

const RESPONSE = {
  name: 'res',
  resource: 'http.ServerResponse',
  released: 'ended',
  consequence: 'the client waits on an open connection until it times out',
  advice: 'End it (`res.end()`, `pipeline(stream, res)`) or hand it to code that does, on every path.',
};

const valid: ValidTestCase<Options>[] = [
  {
    name: 'createServer callback that ends the response on both branches',
    code: `import * as http from 'node:http';
export function start(port: number, findUser: (id: string) => string | undefined): http.Server {
  return http.createServer((req, res) => {
    const user = findUser(req.url ?? '');
    if (!user) {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    res.end(user);
  }).listen(port);
}`,
  },
  {
    name: "server.on('request') with `res.writeHead(...).end(...)`",
    code: `import * as http from 'node:http';
export function start(port: number): void {
  const server = http.createServer();
  server.on('request', (req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' }).end(req.method ?? 'GET');
  });
  server.listen(port);
}`,
  },
  {
    name: 'A function declaration typed (req: IncomingMessage, res: ServerResponse) that ends on every path',
    code: `import type { IncomingMessage, ServerResponse } from 'node:http';
export function handleHealth(req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET') {
    res.writeHead(405, { allow: 'GET' });
    res.end();
    return;
  }
  res.end('ok');
}`,
  },
  {
    name: 'A switch whose every case, default included, ends the response',
    code: `import type { IncomingMessage, ServerResponse } from 'node:http';
export function route(req: IncomingMessage, res: ServerResponse): void {
  switch (req.url) {
    case '/health':
      res.end('ok');
      break;
    case '/version':
      res.end('1.0.0');
      break;
    default:
      res.statusCode = 404;
      res.end();
  }
}`,
  },
  {
    name: '`stream.pipe(res)` finishes the response',
    code: `import * as http from 'node:http';
import { createReadStream } from 'node:fs';
export function serveFile(path: string): http.Server {
  return http.createServer((req, res) => {
    res.setHeader('content-type', 'application/octet-stream');
    createReadStream(path).pipe(res);
  });
}`,
  },
  {
    name: '`pipeline(source, res, callback)` from node:stream finishes the response',
    code: `import type { IncomingMessage, ServerResponse } from 'node:http';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { createGzip } from 'node:zlib';
export function serveLog(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('content-encoding', 'gzip');
  pipeline(createReadStream('/var/log/app.log'), createGzip(), res, (error) => {
    if (error) console.error(req.url, error);
  });
}`,
  },
  {
    name: 'Awaited `pipeline(source, res)` from node:stream/promises in an async handler',
    code: `import type { IncomingMessage, ServerResponse } from 'node:http';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
export async function serveReport(req: IncomingMessage, res: ServerResponse): Promise<void> {
  res.setHeader('content-type', 'text/csv');
  await pipeline(createReadStream(\`/reports\${req.url ?? ''}.csv\`), res);
}`,
  },
  {
    name: '`res.destroy()` on the error path finishes the response too',
    code: `import type { IncomingMessage, ServerResponse } from 'node:http';
export function handleUpload(req: IncomingMessage, res: ServerResponse, maxBytes: number): void {
  const length = Number(req.headers['content-length'] ?? 0);
  if (length > maxBytes) {
    res.destroy();
    return;
  }
  req.pipe(res);
}`,
  },
  {
    name: 'A helper in the same file that ends the response on every path',
    code: `import * as http from 'node:http';
function sendText(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain' });
  res.end(text);
}
export function start(lookup: (path: string) => string | undefined): http.Server {
  return http.createServer((req, res) => {
    const page = lookup(req.url ?? '/');
    if (page === undefined) return sendText(res, 404, 'not found');
    sendText(res, 200, page);
  });
}`,
  },
  {
    name: 'A helper in another file that ends the response on every path',
    code: `import * as http from 'node:http';
import { sendJson } from './response-helpers.js';
export function start(load: (id: string) => object | undefined): http.Server {
  return http.createServer((req, res) => {
    const user = load(req.url ?? '');
    if (!user) {
      sendJson(res, 404, { error: 'not found' });
      return;
    }
    sendJson(res, 200, user);
  });
}`,
  },
  {
    name: 'try/catch: the catch responds with 500',
    code: `import type { IncomingMessage, ServerResponse } from 'node:http';
export async function handleStats(req: IncomingMessage, res: ServerResponse, load: () => Promise<string>): Promise<void> {
  try {
    const stats = await load();
    res.setHeader('content-type', 'application/json');
    res.end(stats);
  } catch (error) {
    console.error(req.url, error);
    res.statusCode = 500;
    res.end('internal error');
  }
}`,
  },
  {
    name: 'try/finally: the response is ended in `finally`',
    code: `import type { IncomingMessage, ServerResponse } from 'node:http';
export function handleEvents(req: IncomingMessage, res: ServerResponse, events: string[]): void {
  try {
    for (const event of events) {
      if (event === 'stop') return;
      res.write(\`\${event}\\n\`);
    }
  } finally {
    res.end();
  }
}`,
  },
  {
    name: 'A streaming response: chunks written in a loop, then ended',
    code: `import type { IncomingMessage, ServerResponse } from 'node:http';
export async function streamRows(req: IncomingMessage, res: ServerResponse, rows: AsyncIterable<string>): Promise<void> {
  res.writeHead(200, { 'content-type': 'application/x-ndjson' });
  for await (const row of rows) {
    res.write(\`\${row}\\n\`);
  }
  res.end();
}`,
  },
  {
    name: 'Server-sent events: the response is kept in a registry that owns it',
    code: `import * as http from 'node:http';
const subscribers = new Set<http.ServerResponse>();
export function broadcast(event: string): void {
  for (const subscriber of subscribers) subscriber.write(\`data: \${event}\\n\\n\`);
}
export function start(port: number): http.Server {
  return http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    subscribers.add(res);
    req.on('close', () => subscribers.delete(res));
  }).listen(port);
}`,
  },
  {
    name: 'Long polling: the response is parked in a queue of waiters',
    code: `import type { IncomingMessage, ServerResponse } from 'node:http';
const waiting: ServerResponse[] = [];
export function poll(req: IncomingMessage, res: ServerResponse, latest: string | undefined): void {
  if (latest !== undefined) {
    res.end(latest);
    return;
  }
  waiting.push(res);
}`,
  },
  {
    name: 'Long polling: the response is stored in a field until an event arrives',
    code: `import type { IncomingMessage, ServerResponse } from 'node:http';
export class ChangeFeed {
  private waiter: ServerResponse | undefined;
  handle(req: IncomingMessage, res: ServerResponse): void {
    if (req.url === '/changes/wait') {
      this.waiter = res;
      return;
    }
    res.end('[]');
  }
  publish(change: string): void {
    this.waiter?.end(change);
    this.waiter = undefined;
  }
}`,
  },
  {
    name: 'Returning a promise chain that ends the response',
    code: `import type { IncomingMessage, ServerResponse } from 'node:http';
export function handlePage(req: IncomingMessage, res: ServerResponse, render: (url: string) => Promise<string>): Promise<void> {
  return render(req.url ?? '/')
    .then((html) => {
      res.end(html);
    })
    .catch(() => {
      res.statusCode = 500;
      res.end();
    });
}`,
  },
  {
    name: 'A callback that ends the response on every path',
    code: `import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile } from 'node:fs';
export function serveConfig(req: IncomingMessage, res: ServerResponse): void {
  readFile('/etc/app/config.json', (error, data) => {
    if (error) {
      res.statusCode = 500;
      res.end();
      return;
    }
    res.end(data);
  });
}`,
  },
  {
    name: 'A function that only takes a response (no request parameter) is not a handler',
    code: `import type { ServerResponse } from 'node:http';
export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('x-frame-options', 'DENY');
}`,
  },
  {
    name: 'A function that takes a response and a status is not a handler either, even when it returns early',
    code: `import type { ServerResponse } from 'node:http';
export function markStale(res: ServerResponse, ageSeconds: number): void {
  if (ageSeconds < 60) return;
  res.setHeader('warning', '110 - "Response is Stale"');
}`,
  },
  {
    name: 'https.createServer(options, handler) that ends every response',
    code: `import * as https from 'node:https';
export function start(key: Buffer, cert: Buffer): https.Server {
  return https.createServer({ key, cert }, (req, res) => {
    if (req.method === 'HEAD') {
      res.writeHead(200);
      res.end();
      return;
    }
    res.end('secure');
  });
}`,
  },
  {
    name: 'http2 compat: createSecureServer with a (req, res) handler that ends every response',
    code: `import * as http2 from 'node:http2';
export function start(key: Buffer, cert: Buffer): http2.Http2SecureServer {
  return http2.createSecureServer({ key, cert, allowHTTP1: true }, (req, res) => {
    if (req.url === '/health') {
      res.end('ok');
      return;
    }
    res.writeHead(404).end();
  });
}`,
  },
  {
    name: 'A handler typed through http.RequestListener',
    code: `import type { RequestListener } from 'node:http';
export const handleRobots: RequestListener = (req, res) => {
  res.setHeader('content-type', 'text/plain');
  res.end('User-agent: *\\nDisallow: /admin\\n');
};`,
  },
  {
    name: 'A class method handler that ends on every path',
    code: `import type { IncomingMessage, ServerResponse } from 'node:http';
export class MetricsEndpoint {
  constructor(private readonly render: () => string) {}
  handle(req: IncomingMessage, res: ServerResponse): void {
    if (req.url !== '/metrics') {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader('content-type', 'text/plain; version=0.0.4');
    res.end(this.render());
  }
}`,
  },
  {
    name: 'An async helper in the same file that ends the response on every path, awaited',
    code: `import type { IncomingMessage, ServerResponse } from 'node:http';
async function sendBody(res: ServerResponse, body: Promise<string>): Promise<void> {
  try {
    res.end(await body);
  } catch {
    res.statusCode = 502;
    res.end();
  }
}
export async function proxy(req: IncomingMessage, res: ServerResponse, fetchBody: (url: string) => Promise<string>): Promise<void> {
  await sendBody(res, fetchBody(req.url ?? '/'));
}`,
  },
  {
    name: '.js: a createServer handler that ends on every path',
    filename: 'script.js',
    code: `import * as http from 'node:http';
export const server = http.createServer((req, res) => {
  if (req.method !== 'GET') {
    res.statusCode = 405;
    res.end();
    return;
  }
  res.end('ok');
});`,
  },
  // Routers that type the response as http.ServerResponse (connect, Polka, router): `next` is whatever callable
  // parameter follows the response, their senders finish it, and they catch what a middleware throws.
  {
    name: 'A middleware whose `next` is typed `() => void` hands the response on by calling it',
    code: `import * as http from 'node:http';
type Next = () => void;
export function onlyRoot(req: http.IncomingMessage, res: http.ServerResponse, next: Next): void {
  if (req.url === '/') {
    res.end('root');
    return;
  }
  next();
}`,
  },
  {
    name: 'Passing `next` on to a timer hands the response on',
    code: `import * as http from 'node:http';
export function slow(req: http.IncomingMessage, res: http.ServerResponse, next: (err?: unknown) => void): void {
  setTimeout(next, 100);
}`,
  },
  {
    name: 'A middleware that throws: the router that passes `next` catches it',
    code: `import * as http from 'node:http';
export function auth(req: http.IncomingMessage, res: http.ServerResponse, next: () => void): void {
  if (!req.headers.authorization) throw new Error('unauthorized');
  next();
}`,
  },
  {
    name: 'An optional continuation called with `next?.()`, and one typed with a rest parameter',
    code: `import * as http from 'node:http';
export function a(req: http.IncomingMessage, res: http.ServerResponse, next?: (err?: unknown) => void): void {
  if (req.url === '/') {
    res.end('root');
    return;
  }
  next?.();
}
export function b(req: http.IncomingMessage, res: http.ServerResponse, next: (...args: unknown[]) => void): void {
  if (req.url === '/') {
    res.end('root');
    return;
  }
  next();
}`,
  },
  {
    name: "A router's own senders on the response type it extends (res.send, res.json)",
    code: `import * as http from 'node:http';
type Res = http.ServerResponse & { send(body: string): void; json(body: unknown): void };
export function show(req: http.IncomingMessage, res: Res): void {
  if (req.url === '/text') {
    res.send('text');
    return;
  }
  res.json({ url: req.url });
}`,
  },
];

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: 'createServer callback: an early return after a failed lookup',
    code: `import * as http from 'node:http';
export function start(port: number, findUser: (id: string) => string | undefined): http.Server {
  return http.createServer((req, res) => {
    const user = findUser(req.url ?? '');
    if (!user) {
      return;
    }
    res.end(user);
  }).listen(port);
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 6, column: 7, data: { ...RESPONSE, path: 'when the function returns at line 6 (after `if (!user)`)' } }],
  },
  {
    name: "server.on('request'): a handler that writes but never ends falls off its end",
    code: `import * as http from 'node:http';
export function start(port: number): void {
  const server = http.createServer();
  server.on('request', (req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.write(req.url ?? '/');
  });
  server.listen(port);
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 4, column: 30, data: { ...RESPONSE, path: 'when the function ends at line 7' } }],
  },
  {
    name: 'A named handler that sets a status and returns without ending',
    code: `import type { IncomingMessage, ServerResponse } from 'node:http';
export function handleHealth(req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET') {
    res.statusCode = 405;
    return;
  }
  res.end('ok');
}`,
    output: null,
    errors: [
      {
        messageId: 'leak',
        line: 5,
        column: 5,
        data: { ...RESPONSE, path: "when `handleHealth()` returns at line 5 (after `if (req.method !== 'GET')`)" },
      },
    ],
  },
  {
    name: 'An explicit throw in a raw http handler leaves the response open (nothing catches it for us)',
    code: `import type { IncomingMessage, ServerResponse } from 'node:http';
export function handleAdmin(req: IncomingMessage, res: ServerResponse): void {
  const token = req.headers.authorization;
  if (!token) throw new Error('missing token');
  res.end('welcome');
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 4, column: 15, data: { ...RESPONSE, path: 'when `handleAdmin()` throws at line 4 (after `if (!token)`)' } }],
  },
  {
    name: 'The last condition on the path is an `else if`',
    code: `import type { IncomingMessage, ServerResponse } from 'node:http';
export function route(req: IncomingMessage, res: ServerResponse): void {
  if (req.url === '/health') {
    res.end('ok');
  } else if (req.url === '/ready') {
    return;
  } else {
    res.writeHead(404).end();
  }
}`,
    output: null,
    errors: [
      {
        messageId: 'leak',
        line: 6,
        column: 5,
        data: { ...RESPONSE, path: "when `route()` returns at line 6 (after `if (req.url === '/ready')`)" },
      },
    ],
  },
  {
    name: 'A switch without a default case falls off the end for unknown URLs',
    code: `import type { IncomingMessage, ServerResponse } from 'node:http';
export function route(req: IncomingMessage, res: ServerResponse): void {
  switch (req.url) {
    case '/health':
      res.end('ok');
      break;
    case '/version':
      res.end('1.0.0');
      break;
  }
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 2, column: 45 }],
  },
  {
    name: 'A helper in the same file that ends the response on one path only',
    code: `import * as http from 'node:http';
function sendCached(res: http.ServerResponse, cached: string | undefined): void {
  if (cached) res.end(cached);
}
export function start(cache: Map<string, string>): http.Server {
  return http.createServer((req, res) => {
    sendCached(res, cache.get(req.url ?? '/'));
  });
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 6, column: 34, data: { ...RESPONSE, path: 'when the function ends at line 8' } }],
  },
  {
    name: 'A helper in another file that only sets headers',
    code: `import type { IncomingMessage, ServerResponse } from 'node:http';
import { setCacheHeaders } from './response-helpers.js';
export function handleAsset(req: IncomingMessage, res: ServerResponse): void {
  setCacheHeaders(res, 3600);
  if (req.method === 'HEAD') return;
  res.end('body');
}`,
    output: null,
    errors: [
      {
        messageId: 'leak',
        line: 5,
        column: 30,
        data: { ...RESPONSE, path: "when `handleAsset()` returns at line 5 (after `if (req.method === 'HEAD')`)" },
      },
    ],
  },
  {
    name: 'A helper in another file that ends the response only when there is a body',
    code: `import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendIfPresent } from './response-helpers.js';
export function handlePage(req: IncomingMessage, res: ServerResponse, pages: Map<string, string>): void {
  sendIfPresent(res, pages.get(req.url ?? '/'));
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 3, column: 50, data: { ...RESPONSE, path: 'when `handlePage()` ends at line 5' } }],
  },
  {
    name: 'try/catch: the catch logs and forgets to respond',
    code: `import type { IncomingMessage, ServerResponse } from 'node:http';
export async function handleStats(req: IncomingMessage, res: ServerResponse, load: () => Promise<string>): Promise<void> {
  try {
    const stats = await load();
    res.end(stats);
  } catch (error) {
    console.error(req.url, error);
  }
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 2, column: 57, data: { ...RESPONSE, path: 'when `handleStats()` ends at line 9' } }],
  },
  {
    name: 'try/catch: the catch returns without responding',
    code: `import type { IncomingMessage, ServerResponse } from 'node:http';
export async function handleStats(req: IncomingMessage, res: ServerResponse, load: () => Promise<string>): Promise<void> {
  let stats: string;
  try {
    stats = await load();
  } catch (error) {
    console.error(req.url, error);
    return;
  }
  res.end(stats);
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 8, column: 5, data: { ...RESPONSE, path: 'when `handleStats()` returns at line 8' } }],
  },
  {
    name: 'A streaming response that writes every chunk but never ends',
    code: `import type { IncomingMessage, ServerResponse } from 'node:http';
export async function streamRows(req: IncomingMessage, res: ServerResponse, rows: AsyncIterable<string>): Promise<void> {
  res.writeHead(200, { 'content-type': 'application/x-ndjson' });
  for await (const row of rows) {
    res.write(\`\${row}\\n\`);
  }
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 2, column: 56, data: { ...RESPONSE, path: 'when `streamRows()` ends at line 7' } }],
  },
  {
    name: 'An async handler that returns early after an await',
    code: `import * as http from 'node:http';
export function start(readBody: (req: http.IncomingMessage) => Promise<string>): http.Server {
  return http.createServer(async (req, res) => {
    const body = await readBody(req);
    if (body.length === 0) return;
    res.end(body.toUpperCase());
  });
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 5, column: 28, data: { ...RESPONSE, path: 'when the function returns at line 5 (after `if (body.length === 0)`)' } }],
  },
  {
    name: 'Returning a promise chain that never ends the response',
    code: `import type { IncomingMessage, ServerResponse } from 'node:http';
export function handlePage(req: IncomingMessage, res: ServerResponse, render: (url: string) => Promise<string>): Promise<void> {
  return render(req.url ?? '/').then((html) => {
    console.log(html.length);
  });
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 3, column: 3, data: { ...RESPONSE, path: 'when `handlePage()` returns at line 3' } }],
  },
  {
    name: 'A class method handler that returns without ending',
    code: `import type { IncomingMessage, ServerResponse } from 'node:http';
export class MetricsEndpoint {
  constructor(private readonly render: () => string) {}
  handle(req: IncomingMessage, res: ServerResponse): void {
    if (req.url !== '/metrics') {
      return;
    }
    res.end(this.render());
  }
}`,
    output: null,
    errors: [
      { messageId: 'leak', line: 6, column: 7, data: { ...RESPONSE, path: "when `handle()` returns at line 6 (after `if (req.url !== '/metrics')`)" } },
    ],
  },
  {
    name: 'https.createServer(options, handler) with an early return',
    code: `import * as https from 'node:https';
export function start(key: Buffer, cert: Buffer): https.Server {
  return https.createServer({ key, cert }, (req, res) => {
    if (!req.headers.host) return;
    res.end('secure');
  });
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 4, column: 28, data: { ...RESPONSE, path: 'when the function returns at line 4 (after `if (!req.headers.host)`)' } }],
  },
  {
    name: 'http2 compat: an early return in a createSecureServer (req, res) handler',
    code: `import * as http2 from 'node:http2';
export function start(key: Buffer, cert: Buffer): http2.Http2SecureServer {
  return http2.createSecureServer({ key, cert }, (req, res) => {
    if (req.method !== 'GET') {
      return;
    }
    res.end('ok');
  });
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 5, column: 7, data: { ...RESPONSE, path: "when the function returns at line 5 (after `if (req.method !== 'GET')`)" } }],
  },
  {
    name: "http2 compat: server.on('request') with typed (Http2ServerRequest, Http2ServerResponse) parameters",
    code: `import * as http2 from 'node:http2';
export function attach(server: http2.Http2Server): void {
  server.on('request', (req: http2.Http2ServerRequest, res: http2.Http2ServerResponse) => {
    res.setHeader('content-type', 'text/plain');
  });
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 3, column: 56, data: { ...RESPONSE, path: 'when the function ends at line 5' } }],
  },
  {
    name: 'A handler typed through http.RequestListener that returns early',
    code: `import type { RequestListener } from 'node:http';
export const handleRobots: RequestListener = (req, res) => {
  if (req.url !== '/robots.txt') return;
  res.end('User-agent: *\\n');
};`,
    output: null,
    errors: [
      { messageId: 'leak', line: 3, column: 34, data: { ...RESPONSE, path: "when `handleRobots()` returns at line 3 (after `if (req.url !== '/robots.txt')`)" } },
    ],
  },
  {
    name: 'A response parameter with another name is reported under that name',
    code: `import type { IncomingMessage, ServerResponse } from 'node:http';
export function handleVersion(request: IncomingMessage, response: ServerResponse): void {
  if (request.method === 'OPTIONS') return;
  response.end('1.0.0');
}`,
    output: null,
    errors: [
      {
        messageId: 'leak',
        line: 3,
        column: 37,
        data: { ...RESPONSE, name: 'response', path: "when `handleVersion()` returns at line 3 (after `if (request.method === 'OPTIONS')`)" },
      },
    ],
  },
  {
    name: 'Each return that leaves without responding is reported',
    code: `import type { IncomingMessage, ServerResponse } from 'node:http';
export function handleToken(req: IncomingMessage, res: ServerResponse): void {
  const header = req.headers.authorization;
  if (!header) return;
  const [scheme, token] = header.split(' ');
  if (scheme !== 'Bearer' || !token) return;
  res.end(token.length > 20 ? 'ok' : 'short');
}`,
    output: null,
    errors: [
      { messageId: 'leak', line: 4, column: 16, data: { ...RESPONSE, path: 'when `handleToken()` returns at line 4 (after `if (!header)`)' } },
      // Which operand of `||` the path names is left open; the report's place is not.
      { messageId: 'leak', line: 6, column: 38 },
    ],
  },
  {
    name: 'A middleware whose `next` is not called on one path',
    code: `import * as http from 'node:http';
export function onlyRoot(req: http.IncomingMessage, res: http.ServerResponse, next: () => void): void {
  if (req.url === '/') return;
  next();
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 3, column: 24, data: { ...RESPONSE, path: "when `onlyRoot()` returns at line 3 (after `if (req.url === '/')`)" } }],
  },
  {
    name: 'A callable parameter before the response is no continuation',
    code: `import * as http from 'node:http';
export function handle(log: (line: string) => void, req: http.IncomingMessage, res: http.ServerResponse): void {
  log(req.url ?? '');
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 2, column: 80, data: { ...RESPONSE, path: 'when `handle()` ends at line 4' } }],
  },
  {
    name: 'Returning a resolved promise without ending the response',
    code: `import * as http from 'node:http';
export function auth(req: http.IncomingMessage, res: http.ServerResponse, next: () => void): Promise<void> {
  if (!req.headers.authorization) return Promise.resolve();
  next();
  return Promise.resolve();
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 3, column: 35, data: { ...RESPONSE, path: 'when `auth()` returns at line 3 (after `if (!req.headers.authorization)`)' } }],
  },
  {
    name: 'A rejected promise from a raw http handler (no router, no `next`) leaves the response open',
    code: `import * as http from 'node:http';
export function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  if (!req.headers.authorization) return Promise.reject(new Error('unauthorized'));
  res.end('ok');
  return Promise.resolve();
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 3, column: 35, data: { ...RESPONSE, path: 'when `handle()` returns at line 3 (after `if (!req.headers.authorization)`)' } }],
  },
  {
    name: 'A middleware that returns a rejected promise: connect and Express 4 ignore what a handler returns',
    code: `import * as http from 'node:http';
export function auth(req: http.IncomingMessage, res: http.ServerResponse, next: () => void): Promise<void> {
  if (!req.headers.authorization) return Promise.reject(new Error('unauthorized'));
  next();
  return Promise.resolve();
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 3, column: 35, data: { ...RESPONSE, path: 'when `auth()` returns at line 3 (after `if (!req.headers.authorization)`)' } }],
  },
  {
    name: 'An async middleware that throws: its rejection reaches no error handler in connect',
    code: `import * as http from 'node:http';
export async function user(req: http.IncomingMessage, res: http.ServerResponse, next: (err?: unknown) => void): Promise<void> {
  if (req.url !== '/user') return next();
  if (!req.headers.cookie) throw new Error('no user');
  res.end('user');
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 4, column: 28, data: { ...RESPONSE, path: 'when `user()` throws at line 4 (after `if (!req.headers.cookie)`)' } }],
  },
  {
    name: 'A callable after the response that takes a string is a dependency, not a continuation',
    code: `import * as http from 'node:http';
export function handle(req: http.IncomingMessage, res: http.ServerResponse, log: (line?: string) => void): void {
  log(req.url);
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 2, column: 51, data: { ...RESPONSE, path: 'when `handle()` ends at line 4' } }],
  },
  {
    name: 'Testing whether `next` exists hands nothing on',
    code: `import * as http from 'node:http';
export function handle(req: http.IncomingMessage, res: http.ServerResponse, next: () => void): void {
  if (typeof next === 'function') console.log(req.url);
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 2, column: 51, data: { ...RESPONSE, path: "when `handle()` ends at line 4 (after `if (typeof next === 'function')`)" } }],
  },
  {
    name: "A router's response type whose sender is never called",
    code: `import * as http from 'node:http';
type Res = http.ServerResponse & { send(body: string): void };
export function show(req: http.IncomingMessage, res: Res): void {
  res.setHeader('x-url', req.url ?? '');
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 3, column: 49, data: { ...RESPONSE, path: 'when `show()` ends at line 5' } }],
  },
  {
    name: '.js: an early return in a createServer handler (types from @types/node through checkJs)',
    filename: 'script.js',
    code: `import * as http from 'node:http';
export const server = http.createServer((req, res) => {
  if (req.method !== 'GET') {
    res.statusCode = 405;
    return;
  }
  res.end('ok');
});`,
    output: null,
    errors: [{ messageId: 'leak', line: 5, column: 5, data: { ...RESPONSE, path: "when the function returns at line 5 (after `if (req.method !== 'GET')`)" } }],
  },
  {
    name: '.js: a JSDoc-typed handler that falls off its end',
    filename: 'script.js',
    code: `/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
export function handleEcho(req, res) {
  res.setHeader('content-type', req.headers['content-type'] ?? 'text/plain');
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 5, column: 33, data: { ...RESPONSE, path: 'when `handleEcho()` ends at line 7' } }],
  },
];

ruleTester.run('no-unended-response (node:http)', rule, { valid: valid.map(inTs), invalid: invalid.map(inTs) });
