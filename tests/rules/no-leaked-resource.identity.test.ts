// Rule tests for `leaks/no-leaked-resource`: aliases and methods that return their receiver name the same resource, never a new one.
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/no-leaked-resource.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

/** The shared tester enables JSX, so its default file is react.tsx: lint these cases as file.ts unless they name a file. */
const inTs = <T extends { filename?: string }>(test: T): T => ({ filename: 'file.ts', ...test });

const SOCKET = { resource: 'net.Socket', released: 'destroyed', advice: 'End or destroy it on every path, or hand it to an owner.' };
const WEBSOCKET = { resource: 'WebSocket', released: 'closed', advice: 'Close it on every path, or hand it to an owner.' };

const valid: ValidTestCase<Options>[] = [
  {
    code: `import * as net from 'node:net';
export function ping(port: number): void {
  const socket = net.connect(port);
  const alias = socket;
  alias.end('ping');
}`,
  },
  {
    // An alias made by a later assignment.
    code: `import * as net from 'node:net';
export function ping(port: number): void {
  const primary = net.connect(port);
  let current: net.Socket;
  current = primary;
  current.destroy();
}`,
  },
  {
    // A chain of aliases.
    code: `import * as net from 'node:net';
export function ping(port: number): void {
  const a = net.connect(port);
  const b = a;
  const c = b;
  c.destroy();
}`,
  },
  {
    // Methods that return the receiver, chained on the acquisition.
    code: `import * as net from 'node:net';
export function ping(port: number): void {
  const socket = net.connect(port).setNoDelay(true).setKeepAlive(true, 1000);
  socket.end('ping');
}`,
  },
  {
    // The result of a method returning the receiver is the same socket.
    code: `import * as net from 'node:net';
export function ping(port: number): void {
  const socket = net.connect(port);
  const same = socket.setTimeout(1000);
  same.destroy();
}`,
  },
  {
    // `emitter.on()` returns the emitter.
    code: `import * as net from 'node:net';
export function ping(port: number, onError: (error: Error) => void): void {
  const socket = net.connect(port).on('error', onError);
  socket.end('ping');
}`,
  },
  {
    // `ref()`/`unref()` return the socket; releasing it through the result releases it.
    code: `import * as net from 'node:net';
export function ping(port: number): void {
  const socket = net.connect(port);
  socket.unref().ref().end('ping');
}`,
  },
  {
    // A type assertion is the same value.
    code: `import * as net from 'node:net';
export function ping(port: number): void {
  const raw = net.connect(port);
  const typed = raw as net.Socket;
  typed.destroy();
}`,
  },
  {
    // A non-null assertion on an alias.
    code: `import * as net from 'node:net';
export function ping(port: number, enabled: boolean): void {
  const socket = enabled ? net.connect(port) : undefined;
  if (socket === undefined) return;
  const live = socket!;
  live.end('ping');
}`,
  },
  {
    // ws: `on()` returns the WebSocket itself.
    code: `import WebSocket from 'ws';
export function subscribe(url: string, onMessage: (data: WebSocket.RawData) => void): void {
  const ws = new WebSocket(url).on('message', onMessage);
  ws.once('open', () => ws.send('subscribe'));
  ws.close();
}`,
  },
  {
    // An alias released inside a nested block.
    code: `import * as net from 'node:net';
export function ping(port: number): void {
  const socket = net.connect(port);
  {
    const inner = socket;
    inner.end('ping');
  }
}`,
  },
  {
    // listen() returns the server; holding the result holds the same, started server.
    code: `import * as http from 'node:http';
export function serve(port: number, handler: http.RequestListener): http.Server {
  const server = http.createServer(handler).listen(port);
  server.on('error', (error) => console.error(error));
  return server;
}`,
  },
  {
    // A release through a receiver-returning chain on an alias.
    code: `import * as net from 'node:net';
export function ping(port: number): void {
  const socket = net.connect(port);
  const alias = socket;
  alias.setTimeout(1000).end('ping');
}`,
  },
  {
    // Returned through on(), which hands back the socket.
    code: `import * as net from 'node:net';
export function dial(port: number, onError: (error: Error) => void): net.Socket {
  return net.connect(port).on('error', onError);
}`,
  },
];

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    // The report names the first holder even when the alias is the one released.
    code: `import * as net from 'node:net';
export function ping(port: number, quiet: boolean): void {
  const socket = net.connect(port);
  const alias = socket;
  if (quiet) return;
  alias.end('ping');
}`,
    errors: [
      {
        messageId: 'leak',
        line: 3,
        column: 18,
        endLine: 3,
        endColumn: 35,
        data: { name: 'socket', ...SOCKET, path: 'when `ping()` returns at line 5' },
      },
    ],
    output: `import * as net from 'node:net';
export function ping(port: number, quiet: boolean): void {
  const socket = net.connect(port);
  const alias = socket;
  if (quiet) {
    socket.end();
    return;
  }
  alias.end('ping');
}`,
  },
  {
    // `setNoDelay()` returns the receiver: one socket, one report, on `net.connect`.
    code: `import * as net from 'node:net';
export function ping(port: number): void {
  const socket = net.connect(port);
  const tuned = socket.setNoDelay(true);
  tuned.write('ping');
}`,
    errors: [
      {
        messageId: 'leak',
        line: 3,
        column: 18,
        endLine: 3,
        endColumn: 35,
        data: { name: 'socket', ...SOCKET, path: 'when `ping()` ends at line 6' },
      },
    ],
    output: null,
  },
  {
    // A chain of receiver-returning calls on the acquisition: the report is on the acquisition only.
    code: `import * as net from 'node:net';
export function watch(port: number, onError: (error: Error) => void): void {
  const socket = net.connect(port).setKeepAlive(true).on('error', onError);
  socket.write('hello');
}`,
    errors: [
      {
        messageId: 'leak',
        line: 3,
        column: 18,
        endLine: 3,
        endColumn: 35,
        data: { name: 'socket', ...SOCKET, path: 'when `watch()` ends at line 5' }
      },
    ],
    output: null,
  },
  {
    // `ref()` is not a new socket; the early return leaks the one socket.
    code: `import * as net from 'node:net';
export function ping(port: number, quiet: boolean): void {
  const socket = net.connect(port);
  const again = socket.ref();
  if (quiet) {
    return;
  }
  again.destroy();
}`,
    errors: [{ messageId: 'leak', line: 3, column: 18, data: { name: 'socket', ...SOCKET, path: 'when `ping()` returns at line 6' } }],
    output: `import * as net from 'node:net';
export function ping(port: number, quiet: boolean): void {
  const socket = net.connect(port);
  const again = socket.ref();
  if (quiet) {
    socket.end();
    return;
  }
  again.destroy();
}`,
  },
  {
    // Releasing through the alias on one branch only.
    code: `import * as net from 'node:net';
export function ping(port: number, ok: boolean): void {
  const socket = net.connect(port);
  const alias = socket;
  if (ok) alias.destroy();
}`,
    errors: [{ messageId: 'leak', line: 3, column: 18, data: { name: 'socket', ...SOCKET, path: 'when `ping()` ends at line 6' } }],
    output: null,
  },
  {
    // `socket.pause()` returns the receiver; the dropped chain result does not release it.
    code: `import * as net from 'node:net';
export function hold(port: number): void {
  const socket = net.connect(port);
  socket.pause().setEncoding('utf8');
}`,
    errors: [{
      messageId: 'leak',
      line: 3,
      column: 18,
      endLine: 3,
      endColumn: 35,
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import * as net from 'node:net';
export function hold(port: number): void {
  const socket = net.connect(port);
  try {
    socket.pause().setEncoding('utf8');
  } finally {
    socket.end();
  }
}`,
        },
      ],
    }],
    output: null,
  },
  {
    // ws: a WebSocket whose only use is through `on()` chains.
    code: `import WebSocket from 'ws';
export function subscribe(url: string, onMessage: (data: WebSocket.RawData) => void): void {
  const ws = new WebSocket(url);
  ws.on('message', onMessage).on('open', () => ws.send('subscribe'));
}`,
    errors: [
      {
        messageId: 'leak',
        line: 3,
        column: 14,
        endLine: 3,
        endColumn: 32,
        data: { name: 'ws', ...WEBSOCKET, path: 'when `subscribe()` ends at line 5' },
      },
    ],
    output: null,
  },
  {
    // An alias that outlives the original's block still holds the socket.
    code: `import * as net from 'node:net';
export function ping(port: number): void {
  let current: net.Socket | undefined;
  {
    const socket = net.connect(port);
    current = socket;
  }
  current.write('ping');
}`,
    errors: [{ messageId: 'leak', line: 5, column: 20, data: { name: 'socket', ...SOCKET, path: 'when `ping()` ends at line 9' } }],
    output: null,
  },
  {
    // Choosing one of two sockets releases only the chosen one; the other leaks on each path.
    code: `import * as net from 'node:net';
export function pick(port: number, secure: boolean): void {
  const a = net.connect(port);
  const b = net.connect(port + 1);
  const chosen = secure ? a : b;
  chosen.destroy();
}`,
    errors: [
      {
        messageId: 'leak',
        line: 3,
        column: 13,
        data: { name: 'a', ...SOCKET, path: 'when `pick()` ends at line 7' },
        suggestions: [
          {
            messageId: 'suggestFinally',
            output: `import * as net from 'node:net';
export function pick(port: number, secure: boolean): void {
  const a = net.connect(port);
  try {
    const b = net.connect(port + 1);
    const chosen = secure ? a : b;
    chosen.destroy();
  } finally {
    a.end();
  }
}`,
          },
        ],
      },
      {
        messageId: 'leak',
        line: 4,
        column: 13,
        data: { name: 'b', ...SOCKET, path: 'when `pick()` ends at line 7' },
        suggestions: [
          {
            messageId: 'suggestFinally',
            output: `import * as net from 'node:net';
export function pick(port: number, secure: boolean): void {
  const a = net.connect(port);
  const b = net.connect(port + 1);
  try {
    const chosen = secure ? a : b;
    chosen.destroy();
  } finally {
    b.end();
  }
}`,
          },
        ],
      },
    ],
    output: null,
  },
];

ruleTester.run('no-leaked-resource (identity)', rule, { valid: valid.map(inTs), invalid: invalid.map(inTs) });
