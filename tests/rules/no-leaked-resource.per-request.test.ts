// Rule tests for `leaks/no-leaked-resource`: incident 4 — connections opened per request (net, tls, ws, http2) and not closed on an error path.
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/no-leaked-resource.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

/** The shared tester enables JSX, so its default file is react.tsx: lint these cases as file.ts unless they name a file. */
const inTs = <T extends { filename?: string }>(test: T): T => ({ filename: 'file.ts', ...test });

const SOCKET = { resource: 'net.Socket', released: 'destroyed', advice: 'End or destroy it on every path, or hand it to an owner.' };
const TLS_SOCKET = { ...SOCKET, resource: 'tls.TLSSocket' };
const WEBSOCKET = { resource: 'WebSocket', released: 'closed', advice: 'Close it on every path, or hand it to an owner.' };
const HTTP2_SESSION = { resource: 'http2 session', released: 'closed', advice: 'Close it when its requests are done.' };

const valid: ValidTestCase<Options>[] = [
  {
    // The tunnel is handed to a pipeline that ends it with the request.
    code: `import * as http from 'node:http';
import * as net from 'node:net';
import { pipeline } from 'node:stream';
export function proxy(req: http.IncomingMessage, res: http.ServerResponse): void {
  const tunnel = net.connect(4000, 'downstream');
  pipeline(req, tunnel, res, (error) => {
    if (error) res.destroy(error);
  });
}`,
  },
  {
    // The fixed dialer: destroyed on the error path, and by pipeline() when either side fails on the other.
    code: `import * as http from 'node:http';
import * as net from 'node:net';
import { pipeline } from 'node:stream';
export function proxy(req: http.IncomingMessage, res: http.ServerResponse): void {
  const tunnel = net.connect(4000, 'downstream');
  if (!req.headers.host) {
    tunnel.destroy();
    res.writeHead(400).end();
    return;
  }
  pipeline(req, tunnel, res, () => {});
}`,
  },
  {
    // tls, closed in finally.
    code: `import * as tls from 'node:tls';
import { once } from 'node:events';
export async function handshake(host: string): Promise<string | null> {
  const socket = tls.connect({ host, port: 443, servername: host });
  try {
    await once(socket, 'secureConnect');
    return socket.getProtocol();
  } finally {
    socket.end();
  }
}`,
  },
  {
    // ws, closed on every path.
    code: `import WebSocket from 'ws';
import { once } from 'node:events';
export async function relay(url: string, payload: string): Promise<string> {
  const ws = new WebSocket(url);
  try {
    await once(ws, 'open');
    ws.send(payload);
    const [reply] = await once(ws, 'message');
    return String(reply);
  } finally {
    ws.close();
  }
}`,
  },
  {
    // http2, the session closed on both paths.
    code: `import * as http2 from 'node:http2';
import { once } from 'node:events';
export async function status(origin: string): Promise<number | null> {
  const session = http2.connect(origin);
  const stream = session.request({ ':path': '/health' });
  stream.end();
  const [headers] = await once(stream, 'response');
  session.close();
  const code = Number((headers as http2.IncomingHttpHeaders)[':status']);
  return code === 200 ? code : null;
}`,
  },
];

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    // net.connect per request; the bad-request path returns without destroying the tunnel.
    code: `import * as http from 'node:http';
import * as net from 'node:net';
import { pipeline } from 'node:stream';
export function proxy(req: http.IncomingMessage, res: http.ServerResponse): void {
  const tunnel = net.connect(4000, 'downstream');
  tunnel.on('error', (error) => {
    res.statusCode = 502;
    res.end(String(error));
  });
  if (!req.headers.host) {
    res.statusCode = 400;
    res.end();
    return;
  }
  pipeline(req, tunnel, res, () => {});
}`,
    errors: [
      {
        messageId: 'leak',
        line: 5,
        column: 18,
        endLine: 5,
        endColumn: 49,
        data: { name: 'tunnel', ...SOCKET, path: 'when `proxy()` returns at line 13' },
      },
    ],
    output: `import * as http from 'node:http';
import * as net from 'node:net';
import { pipeline } from 'node:stream';
export function proxy(req: http.IncomingMessage, res: http.ServerResponse): void {
  const tunnel = net.connect(4000, 'downstream');
  tunnel.on('error', (error) => {
    res.statusCode = 502;
    res.end(String(error));
  });
  if (!req.headers.host) {
    res.statusCode = 400;
    res.end();
    tunnel.end();
    return;
  }
  pipeline(req, tunnel, res, () => {});
}`,
  },
  {
    // tls.connect per request; validation throws after the connection is opened.
    code: `import * as tls from 'node:tls';
export function forward(host: string, body: string): void {
  const socket = tls.connect({ host, port: 443, servername: host });
  if (body.length > 65536) {
    throw new Error('body too large');
  }
  socket.end(body);
}`,
    errors: [
      {
        messageId: 'leak',
        line: 3,
        column: 18,
        data: { name: 'socket', ...TLS_SOCKET, path: 'when `forward()` throws at line 5' },
      },
    ],
    output: `import * as tls from 'node:tls';
export function forward(host: string, body: string): void {
  const socket = tls.connect({ host, port: 443, servername: host });
  if (body.length > 65536) {
    socket.end();
    throw new Error('body too large');
  }
  socket.end(body);
}`,
  },
  {
    // ws per request; the catch answers the client and forgets the socket.
    code: `import WebSocket from 'ws';
import { once } from 'node:events';
export async function relay(url: string, payload: string): Promise<string | null> {
  const ws = new WebSocket(url);
  try {
    await once(ws, 'open');
  } catch {
    return null;
  }
  ws.send(payload);
  const [reply] = await once(ws, 'message');
  ws.close();
  return String(reply);
}`,
    errors: [
      {
        messageId: 'leak',
        line: 4,
        column: 14,
        endLine: 4,
        endColumn: 32,
        data: { name: 'ws', ...WEBSOCKET, path: 'when `relay()` returns at line 8' },
        suggestions: [
          {
            messageId: 'suggestRelease',
            output: `import WebSocket from 'ws';
import { once } from 'node:events';
export async function relay(url: string, payload: string): Promise<string | null> {
  const ws = new WebSocket(url);
  try {
    await once(ws, 'open');
  } catch {
    ws.close();
    return null;
  }
  ws.send(payload);
  const [reply] = await once(ws, 'message');
  ws.close();
  return String(reply);
}`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    // ws per request; an explicit throw on a bad payload.
    code: `import WebSocket from 'ws';
import { once } from 'node:events';
export async function relay(url: string, payload: string): Promise<string> {
  const ws = new WebSocket(url);
  await once(ws, 'open');
  if (payload.length > 1024) {
    throw new Error('payload too large');
  }
  ws.send(payload);
  const [reply] = await once(ws, 'message');
  ws.close();
  return String(reply);
}`,
    errors: [{ messageId: 'leak', line: 4, column: 14, data: { name: 'ws', ...WEBSOCKET, path: 'when `relay()` throws at line 7' } }],
    output: `import WebSocket from 'ws';
import { once } from 'node:events';
export async function relay(url: string, payload: string): Promise<string> {
  const ws = new WebSocket(url);
  await once(ws, 'open');
  if (payload.length > 1024) {
    ws.close();
    throw new Error('payload too large');
  }
  ws.send(payload);
  const [reply] = await once(ws, 'message');
  ws.close();
  return String(reply);
}`,
  },
  {
    // http2.connect per request; a non-200 status returns without closing the session.
    code: `import * as http2 from 'node:http2';
import { once } from 'node:events';
export async function status(origin: string): Promise<number | null> {
  const session = http2.connect(origin);
  const stream = session.request({ ':path': '/health' });
  stream.end();
  const [headers] = await once(stream, 'response');
  const code = Number((headers as http2.IncomingHttpHeaders)[':status']);
  if (code !== 200) {
    return null;
  }
  session.close();
  return code;
}`,
    errors: [
      {
        messageId: 'leak',
        line: 4,
        column: 19,
        endLine: 4,
        endColumn: 40,
        data: { name: 'session', ...HTTP2_SESSION, path: 'when `status()` returns at line 10' },
      },
    ],
    output: `import * as http2 from 'node:http2';
import { once } from 'node:events';
export async function status(origin: string): Promise<number | null> {
  const session = http2.connect(origin);
  const stream = session.request({ ':path': '/health' });
  stream.end();
  const [headers] = await once(stream, 'response');
  const code = Number((headers as http2.IncomingHttpHeaders)[':status']);
  if (code !== 200) {
    session.close();
    return null;
  }
  session.close();
  return code;
}`,
  },
  {
    // The same handler written as an arrow registered on the server.
    code: `import * as http from 'node:http';
import * as net from 'node:net';
import { pipeline } from 'node:stream';
export const server = http.createServer((req, res) => {
  const tunnel = net.connect(4000, 'downstream');
  if (req.method !== 'CONNECT') {
    res.writeHead(405).end();
    return;
  }
  pipeline(req.socket, tunnel, req.socket, () => {});
});`,
    errors: [{ messageId: 'leak', line: 5, column: 18, data: { name: 'tunnel', ...SOCKET, path: 'when the function returns at line 8' } }],
    output: `import * as http from 'node:http';
import * as net from 'node:net';
import { pipeline } from 'node:stream';
export const server = http.createServer((req, res) => {
  const tunnel = net.connect(4000, 'downstream');
  if (req.method !== 'CONNECT') {
    res.writeHead(405).end();
    tunnel.end();
    return;
  }
  pipeline(req.socket, tunnel, req.socket, () => {});
});`,
  },
  {
    // A per-request connection opened inside a loop of retries; the failed attempts are dropped.
    code: `import * as net from 'node:net';
export function dialWithRetry(port: number, attempts: number): net.Socket | null {
  for (let i = 0; i < attempts; i++) {
    const socket = net.connect(port);
    if (socket.readyState === 'open') {
      return socket;
    }
  }
  return null;
}`,
    errors: [
      {
        messageId: 'leak',
        line: 4,
        column: 20,
        endLine: 4,
        endColumn: 37,
        data: { name: 'socket', ...SOCKET, path: 'when its block ends at line 8' },
      },
    ],
    output: null,
  },
  {
    // An HTTP/2 child stream that is neither read to the end nor closed on the early return.
    code: `import * as http2 from 'node:http2';
import { once } from 'node:events';
export async function status(session: http2.ClientHttp2Session): Promise<number | null> {
  const stream = session.request({ ':path': '/health' });
  const [headers] = await once(stream, 'response');
  const code = Number((headers as http2.IncomingHttpHeaders)[':status']);
  if (code !== 200) {
    return null;
  }
  stream.close();
  return code;
}`,
    errors: [
      {
        messageId: 'leak',
        line: 4,
        column: 18,
        endLine: 4,
        endColumn: 57,
        data: {
          name: 'stream',
          resource: 'http2 stream',
          released: 'closed',
          advice: 'Read it to the end or close it on every path.',
          path: 'when `status()` returns at line 8',
        },
      },
    ],
    output: `import * as http2 from 'node:http2';
import { once } from 'node:events';
export async function status(session: http2.ClientHttp2Session): Promise<number | null> {
  const stream = session.request({ ':path': '/health' });
  const [headers] = await once(stream, 'response');
  const code = Number((headers as http2.IncomingHttpHeaders)[':status']);
  if (code !== 200) {
    stream.close();
    return null;
  }
  stream.close();
  return code;
}`,
  },
  {
    // Acquired inside try; the catch answers and returns without destroying the half-open socket.
    code: `import * as net from 'node:net';
import { once } from 'node:events';
export async function reachable(port: number): Promise<boolean> {
  let socket: net.Socket;
  try {
    socket = net.connect(port);
    await once(socket, 'connect');
  } catch {
    return false;
  }
  socket.destroy();
  return true;
}`,
    errors: [
      {
        messageId: 'leak',
        line: 6,
        column: 14,
        endLine: 6,
        endColumn: 31,
        data: { name: 'socket', ...SOCKET, path: 'when `reachable()` returns at line 9' },
      },
    ],
    output: null,
  },
];

ruleTester.run('no-leaked-resource (per-request connections)', rule, { valid: valid.map(inTs), invalid: invalid.map(inTs) });
