// Rule tests for `leaks/no-unconsumed-body`: node:http/https client responses in callbacks and 'response' listeners; server requests never.
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/no-unconsumed-body.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

const HTTP = {
  resource: 'http response',
  released: 'consumed or destroyed',
  consequence: 'its socket is never freed for the agent to reuse',
  advice: 'Consume it (`res.resume()`, a `data` listener, `pipe`, `for await`) or `res.destroy()` it on every path.',
};

const valid: ValidTestCase<Options>[] = [
  {
    name: 'A callback wrapped by a once() of the file that never calls it with the response is no acquirer',
    code: `import * as http from 'node:http';
function ignore(fn: (res: http.IncomingMessage) => void): (res: http.IncomingMessage) => void {
  return () => console.log('ignored', fn.name);
}
export function get(url: string, done: (ok: boolean) => void): void {
  http.get(url, ignore((res) => {
    if (res.statusCode !== 200) return done(false);
    done(true);
  }));
}`,
  },
  {
    name: 'A wrapper that forwards its callback to http.request: the response consumed on every path',
    code: `import * as http from 'node:http';
import * as https from 'node:https';
const request = (options: http.RequestOptions, callback: (res: http.IncomingMessage) => void): http.ClientRequest => {
  if (options.protocol === 'https:') return https.request(options, callback);
  return http.request(options, callback);
};
export function stream(options: http.RequestOptions, done: (err: Error | null, res?: http.IncomingMessage) => void): void {
  const req = request(options, (res) => {
    if ((res.statusCode ?? 0) >= 500) {
      res.resume();
      return done(new Error(res.statusMessage));
    }
    done(null, res);
  });
  req.end();
}`,
  },
  {
    name: 'A function of the program that calls its callback with something else than a response it made is no acquirer',
    code: `import * as http from 'node:http';
const cache = new Map<string, http.IncomingMessage>();
function cached(key: string, callback: (res: http.IncomingMessage) => void): void {
  const hit = cache.get(key);
  if (hit) callback(hit);
}
export function peek(key: string): void {
  cached(key, (res) => {
    if (res.statusCode !== 200) return;
    console.log(res.headers);
  });
}`,
  },
  {
    name: 'The module picked by protocol (`secure ? https : http`) whose callback resumes the response',
    code: `import http from 'node:http';
import https from 'node:https';
export function status(url: URL, done: (code: number) => void): void {
  const client = url.protocol === 'https:' ? https : http;
  client.get(url, (res) => {
    res.resume();
    done(res.statusCode ?? 0);
  });
}`,
  },
  {
    name: 'The non-200 branch resumes the response, the other collects it with a data listener',
    code: `import * as http from 'node:http';

export function getText(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http.get(url, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(\`status \${res.statusCode}\`));
        return;
      }
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve(text));
    });
  });
}`,
  },
  {
    name: 'The non-200 branch destroys the response',
    code: `import * as https from 'node:https';
import { createWriteStream } from 'node:fs';

export function download(url: string, file: string): void {
  https.get(url, (res) => {
    if (res.statusCode !== 200) {
      res.destroy();
      return;
    }
    res.pipe(createWriteStream(file));
  });
}`,
  },
  {
    name: 'Iterated with for await in an async callback',
    code: `import * as https from 'node:https';

export function size(url: string, done: (bytes: number) => void): void {
  https.get(url, async (res) => {
    let total = 0;
    for await (const chunk of res) total += (chunk as Buffer).length;
    done(total);
  });
}`,
  },
  {
    name: "A 'readable' listener reads it",
    code: `import * as http from 'node:http';

export function firstChunk(url: string, done: (chunk: Buffer | null) => void): void {
  http.get(url, function onResponse(res) {
    res.once('readable', () => done(res.read() as Buffer | null));
  });
}`,
  },
  {
    name: "A 'data' listener added with once, after a 304 guard",
    code: `import * as http from 'node:http';

export function probe(url: string): void {
  http.get(url, (res) => {
    if (res.statusCode === 304) return;
    res.once('data', () => res.destroy());
  });
}`,
  },
  {
    name: 'Streamed to a file with the callback form of pipeline',
    code: `import * as http from 'node:http';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream';

export function download(url: string, file: string, done: (error: Error | null) => void): void {
  http.get(url, (res) => {
    pipeline(res, createWriteStream(file), (error) => done(error ?? null));
  });
}`,
  },
  {
    name: 'A HEAD request has no body (http.request with an options object)',
    code: `import * as http from 'node:http';

export function headers(host: string, path: string): void {
  http.request({ host, path, method: 'HEAD' }, (res) => console.log(res.headers)).end();
}`,
  },
  {
    name: 'A 204/304 guard before resuming',
    code: `import * as https from 'node:https';

export function ping(url: string): void {
  https.get(url, (res) => {
    if (res.statusCode === 204 || res.statusCode === 304) return;
    res.resume();
  });
}`,
  },
  {
    name: "req.on('response') resumes the response on every path",
    code: `import * as http from 'node:http';

export function send(url: string, payload: string): void {
  const req = http.request(url, { method: 'POST' });
  req.on('response', (res) => {
    if (res.statusCode !== 200) console.warn('rejected', res.statusCode);
    res.resume();
  });
  req.end(payload);
}`,
  },
  {
    name: 'A concise callback that resumes',
    code: `import * as http from 'node:http';

export function fireAndForget(url: string): void {
  http.get(url, (res) => res.resume());
}`,
  },
  {
    name: 'Resolving a promise with the response hands it to whoever awaits it',
    code: `import * as http from 'node:http';

export function get(url: string): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    http.get(url, (res) => resolve(res)).on('error', reject);
  });
}`,
  },
  {
    name: 'Handed to a function in this file that resumes it',
    code: `import * as http from 'node:http';

function drain(res: http.IncomingMessage): void {
  res.resume();
}

export function ping(url: string): void {
  http.get(url, (res) => {
    console.log(res.statusCode);
    drain(res);
  });
}`,
  },
  {
    name: 'A server handler that returns early: its request is not a client response',
    code: `import * as http from 'node:http';

export function createApi(): http.Server {
  return http.createServer((req, res) => {
    if (req.method !== 'POST') {
      res.writeHead(405).end();
      return;
    }
    res.end('accepted');
  });
}`,
  },
  {
    name: "A server's 'request' listener",
    code: `import * as http from 'node:http';

export function serve(server: http.Server): void {
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (req.url === '/health') {
      res.end('ok');
      return;
    }
    res.statusCode = 404;
    res.end();
  });
}`,
  },
  {
    name: 'A standalone request handler taking an IncomingMessage',
    code: `import type { IncomingMessage, ServerResponse } from 'node:http';

export function handle(req: IncomingMessage, res: ServerResponse): void {
  if (req.headers['content-length'] === '0') {
    res.end();
    return;
  }
  res.end(req.url);
}`,
  },
  {
    name: 'An https server reading its request with for await',
    code: `import * as https from 'node:https';

export function createUploadServer(options: https.ServerOptions): https.Server {
  return https.createServer(options, async (req, res) => {
    let size = 0;
    for await (const chunk of req) size += (chunk as Buffer).length;
    res.end(String(size));
  });
}`,
  },
  {
    name: 'A proxy: the upstream response is resumed on error and piped otherwise; the server request is not checked',
    code: `import * as http from 'node:http';

export function createProxy(target: string): http.Server {
  return http.createServer((req, res) => {
    http.get(new URL(req.url ?? '/', target), (upstream) => {
      if (upstream.statusCode !== 200) {
        upstream.resume();
        res.writeHead(502).end();
        return;
      }
      res.writeHead(200);
      upstream.pipe(res);
    });
  });
}`,
  },
  {
    name: 'A HEAD request whose response arrives through a response listener',
    code: `import * as https from 'node:https';

export function etag(url: string): void {
  const req = https.request(url, { method: 'HEAD' });
  req.on('response', (res) => console.log(res.headers.etag));
  req.end();
}`,
  },
];

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: "A callback wrapped by the once() a factory of the file returns (node-influx's doOnce) is the callback",
    code: `import * as http from 'node:http';
function doOnce<T extends Function>(): (fn: T) => (arg: unknown) => void {
  let handled = false;
  return (fn) => {
    return (arg) => {
      if (handled) return;
      handled = true;
      fn(arg);
    };
  };
}
export function get(url: string, done: (err: Error | null, res?: http.IncomingMessage) => void): void {
  const once = doOnce();
  const req = http.get(url, once((res: http.IncomingMessage) => {
    if ((res.statusCode ?? 0) >= 500) return done(new Error(res.statusMessage));
    done(null, res);
  }));
  req.on('error', once((err: Error) => done(err)));
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 14, column: 35, data: { name: 'res', ...HTTP, path: 'when the function returns at line 15' } }],
  },
  {
    name: 'A callback wrapped by a wrapper typed as handing back its argument (once<T>(fn: T): T) is the callback',
    code: `import * as http from 'node:http';
declare function once<T>(fn: T): T;
export function get(url: string, done: (ok: boolean) => void): void {
  http.get(url, once((res: http.IncomingMessage) => {
    if (res.statusCode !== 200) return done(false);
    res.resume();
    done(true);
  }));
}`,
    output: `import * as http from 'node:http';
declare function once<T>(fn: T): T;
export function get(url: string, done: (ok: boolean) => void): void {
  http.get(url, once((res: http.IncomingMessage) => {
    if (res.statusCode !== 200) {
      res.resume();
      return done(false);
    }
    res.resume();
    done(true);
  }));
}`,
    errors: [{ messageId: 'leak', line: 4, column: 23, data: { name: 'res', ...HTTP, path: 'when the function returns at line 5' } }],
  },
  {
    name: "A wrapper that forwards its callback to http.request or https.request is that call (node-influx's Pool.stream)",
    code: `import * as http from 'node:http';
import * as https from 'node:https';
const request = (options: http.RequestOptions, callback: (res: http.IncomingMessage) => void): http.ClientRequest => {
  if (options.protocol === 'https:') return https.request(options, callback);
  return http.request(options, callback);
};
export function stream(options: http.RequestOptions, done: (err: Error | null, res?: http.IncomingMessage) => void): void {
  const req = request(options, (res) => {
    if ((res.statusCode ?? 0) >= 500) return done(new Error(res.statusMessage));
    done(null, res);
  });
  req.end();
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 8, column: 33, data: { name: 'res', ...HTTP, path: 'when the function returns at line 9' } }],
  },
  {
    name: 'The module picked by protocol is http.get or https.get either way: the status is read, the body never (react-email)',
    code: `import http from 'node:http';
import https from 'node:https';
export function status(url: URL, done: (code: number) => void): void {
  const client = url.protocol === 'https:' ? https : http;
  client.get(url, (res) => {
    done(res.statusCode ?? 0);
  });
}`,
    output: `import http from 'node:http';
import https from 'node:https';
export function status(url: URL, done: (code: number) => void): void {
  const client = url.protocol === 'https:' ? https : http;
  client.get(url, (res) => {
    done(res.statusCode ?? 0);
    res.resume();
  });
}`,
    errors: [{ messageId: 'leak', line: 5, column: 20, data: { name: 'res', ...HTTP, path: 'when the function ends at line 7' } }],
  },
  {
    name: 'A wrapper that resolves with what the picked module hands its callback: the caller reads only the status',
    code: `import type { IncomingMessage } from 'node:http';
import http from 'node:http';
import https from 'node:https';
const quickFetch = (url: URL): Promise<IncomingMessage> =>
  new Promise((resolve, reject) => {
    const caller = url.protocol === 'https:' ? https : http;
    caller.get(url, (res) => resolve(res)).on('error', reject);
  });
export async function isUp(url: URL): Promise<boolean> {
  const res = await quickFetch(url);
  return res.statusCode === 200;
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 10, column: 21, data: { name: 'res', ...HTTP, path: 'when `isUp()` returns at line 11' } }],
  },
  {
    name: 'Incident 1 with http.get: the non-200 branch rejects and returns early',
    code: `import * as http from 'node:http';

export function getText(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http.get(url, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(\`status \${res.statusCode}\`));
        return;
      }
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve(text));
    });
  });
}`,
    output: `import * as http from 'node:http';

export function getText(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http.get(url, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(\`status \${res.statusCode}\`));
        res.resume();
        return;
      }
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve(text));
    });
  });
}`,
    errors: [{ messageId: 'leak', line: 5, column: 20, data: { ...HTTP, name: 'res', path: 'when the function returns at line 8' } }],
  },
  {
    name: 'https.request whose callback only logs the status',
    code: `import * as https from 'node:https';

export function send(url: string, payload: string): void {
  const req = https.request(url, { method: 'POST' }, (res) => {
    console.log(res.statusCode, res.headers);
  });
  req.end(payload);
}`,
    output: `import * as https from 'node:https';

export function send(url: string, payload: string): void {
  const req = https.request(url, { method: 'POST' }, (res) => {
    console.log(res.statusCode, res.headers);
    res.resume();
  });
  req.end(payload);
}`,
    errors: [{ messageId: 'leak', line: 4, column: 55, data: { ...HTTP, name: 'res', path: 'when the function ends at line 6' } }],
  },
  {
    name: "req.on('response'): the non-200 branch returns before piping",
    code: `import * as http from 'node:http';
import { createWriteStream } from 'node:fs';

export function download(url: string, file: string): void {
  const req = http.request(url);
  req.on('response', (res) => {
    if (res.statusCode !== 200) return;
    res.pipe(createWriteStream(file));
  });
  req.end();
}`,
    output: `import * as http from 'node:http';
import { createWriteStream } from 'node:fs';

export function download(url: string, file: string): void {
  const req = http.request(url);
  req.on('response', (res) => {
    if (res.statusCode !== 200) {
      res.resume();
      return;
    }
    res.pipe(createWriteStream(file));
  });
  req.end();
}`,
    errors: [{ messageId: 'leak', line: 6, column: 23, data: { ...HTTP, name: 'res', path: 'when the function returns at line 7' } }],
  },
  {
    name: "req.once('response') that only logs",
    code: `import * as http from 'node:http';

export function probe(url: string): void {
  const req = http.get(url);
  req.once('response', (res) => {
    console.log(res.statusCode);
  });
}`,
    output: `import * as http from 'node:http';

export function probe(url: string): void {
  const req = http.get(url);
  req.once('response', (res) => {
    console.log(res.statusCode);
    res.resume();
  });
}`,
    errors: [{ messageId: 'leak', line: 5, column: 25, data: { ...HTTP, name: 'res', path: 'when the function ends at line 7' } }],
  },
  {
    name: "An 'end' listener alone never sees the end: a paused response is never read",
    code: `import * as http from 'node:http';

export function wait(url: string, done: () => void): void {
  http.get(url, (res) => {
    res.on('end', done);
  });
}`,
    output: `import * as http from 'node:http';

export function wait(url: string, done: () => void): void {
  http.get(url, (res) => {
    res.on('end', done);
    res.resume();
  });
}`,
    errors: [{ messageId: 'leak', line: 4, column: 18, data: { ...HTTP, name: 'res', path: 'when the function ends at line 6' } }],
  },
  {
    name: "An 'error' listener before the early return does not consume",
    code: `import * as https from 'node:https';

export function stream(url: string): void {
  https.get(url, (res) => {
    res.on('error', (error) => console.error(error));
    if (res.statusCode !== 200) return;
    res.on('data', (chunk: Buffer) => process.stdout.write(chunk));
  });
}`,
    output: `import * as https from 'node:https';

export function stream(url: string): void {
  https.get(url, (res) => {
    res.on('error', (error) => console.error(error));
    if (res.statusCode !== 200) {
      res.resume();
      return;
    }
    res.on('data', (chunk: Buffer) => process.stdout.write(chunk));
  });
}`,
    errors: [{ messageId: 'leak', line: 4, column: 19, data: { ...HTTP, name: 'res', path: 'when the function returns at line 6' } }],
  },
  {
    name: 'A function-expression callback that logs and returns early',
    code: `import { get } from 'node:http';

export function check(url: string): void {
  get(url, function (res) {
    if (res.statusCode !== 200) {
      console.error('status', res.statusCode);
      return;
    }
    res.resume();
  });
}`,
    output: `import { get } from 'node:http';

export function check(url: string): void {
  get(url, function (res) {
    if (res.statusCode !== 200) {
      console.error('status', res.statusCode);
      res.resume();
      return;
    }
    res.resume();
  });
}`,
    errors: [{ messageId: 'leak', line: 4, column: 22, data: { ...HTTP, name: 'res', path: 'when the function returns at line 7' } }],
  },
  {
    name: 'A proxy whose upstream error branch returns without consuming the upstream response',
    code: `import * as http from 'node:http';

export function createProxy(target: string): http.Server {
  return http.createServer((req, res) => {
    http.get(new URL(req.url ?? '/', target), (upstream) => {
      if (upstream.statusCode !== 200) {
        res.writeHead(502).end();
        return;
      }
      upstream.pipe(res);
    });
  });
}`,
    output: `import * as http from 'node:http';

export function createProxy(target: string): http.Server {
  return http.createServer((req, res) => {
    http.get(new URL(req.url ?? '/', target), (upstream) => {
      if (upstream.statusCode !== 200) {
        res.writeHead(502).end();
        upstream.resume();
        return;
      }
      upstream.pipe(res);
    });
  });
}`,
    errors: [{ messageId: 'leak', line: 5, column: 48, data: { ...HTTP, name: 'upstream', path: 'when the function returns at line 8' } }],
  },
  {
    name: 'Resumed only when the status is 200',
    code: `import * as https from 'node:https';

export function ping(url: string): void {
  https.get(url, (res) => {
    if (res.statusCode === 200) res.resume();
  });
}`,
    output: null,
    errors: [{
      messageId: 'leak',
      line: 4,
      column: 19,
      data: { ...HTTP, name: 'res', path: 'when the function ends at line 6' },
      suggestions: [
        {
          messageId: 'suggestRelease',
          output: `import * as https from 'node:https';

export function ping(url: string): void {
  https.get(url, (res) => {
    if (res.statusCode === 200) res.resume();
    res.resume();
  });
}`,
        },
      ],
    }],
  },
  {
    name: 'Handed to a function in this file that only logs it',
    code: `import * as http from 'node:http';

function logStatus(res: http.IncomingMessage): void {
  console.log(res.statusCode, res.statusMessage);
}

export function ping(url: string): void {
  http.get(url, (res) => logStatus(res));
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 8, column: 18, data: { ...HTTP, name: 'res', path: 'when the function ends at line 8' } }],
  },
  {
    name: 'A named response callback passed by reference returns early too',
    code: `import { get, type IncomingMessage } from 'node:http';

function onResponse(res: IncomingMessage): void {
  if (res.statusCode !== 200) return;
  res.resume();
}

export function ping(url: string): void {
  get(url, onResponse);
}`,
    output: `import { get, type IncomingMessage } from 'node:http';

function onResponse(res: IncomingMessage): void {
  if (res.statusCode !== 200) {
    res.resume();
    return;
  }
  res.resume();
}

export function ping(url: string): void {
  get(url, onResponse);
}`,
    errors: [{ messageId: 'leak', line: 3, column: 21, data: { ...HTTP, name: 'res', path: 'when `onResponse()` returns at line 4' } }],
  },
  {
    name: "A response read in an https request's callback only after a status check that returns",
    code: `import https from 'node:https';

export function download(host: string, onData: (chunk: Buffer) => void): void {
  https.get({ host, path: '/export' }, (res) => {
    if (res.statusCode === 404) return;
    res.on('data', onData);
  });
}`,
    output: `import https from 'node:https';

export function download(host: string, onData: (chunk: Buffer) => void): void {
  https.get({ host, path: '/export' }, (res) => {
    if (res.statusCode === 404) {
      res.resume();
      return;
    }
    res.on('data', onData);
  });
}`,
    errors: [{ messageId: 'leak', line: 4, column: 41, data: { ...HTTP, name: 'res', path: 'when the function returns at line 5' } }],
  },
];

ruleTester.run('no-unconsumed-body (node:http)', rule, { valid, invalid });
