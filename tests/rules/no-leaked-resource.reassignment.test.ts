// Rule tests for `leaks/no-leaked-resource`: overwriting a variable that still holds an unreleased resource leaks the old one.
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/no-leaked-resource.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

/** The shared tester enables JSX, so its default file is react.tsx: lint these cases as file.ts unless they name a file. */
const inTs = <T extends { filename?: string }>(test: T): T => ({ filename: 'file.ts', ...test });

const SOCKET = { resource: 'net.Socket', released: 'destroyed', advice: 'End or destroy it on every path, or hand it to an owner.' };

const valid: ValidTestCase<Options>[] = [
  {
    // Released before the variable is reused.
    code: `import * as net from 'node:net';
export function reconnect(port: number): void {
  let socket = net.connect(port);
  socket.destroy();
  socket = net.connect(port + 1);
  socket.destroy();
}`,
  },
  {
    // Another variable still holds the old socket, and releases it.
    code: `import * as net from 'node:net';
export function swap(port: number): void {
  let socket = net.connect(port);
  const previous = socket;
  socket = net.connect(port + 1);
  previous.end();
  socket.end();
}`,
  },
  {
    // Handed off before the variable is reused.
    code: `import * as net from 'node:net';
const registry = new Set<net.Socket>();
export function openTwo(port: number): void {
  let socket = net.connect(port);
  registry.add(socket);
  socket = net.connect(port + 1);
  registry.add(socket);
}`,
  },
  {
    // A reconnect loop that closes the old connection first.
    code: `import * as net from 'node:net';
export function reconnect(port: number, attempts: number): void {
  let socket = net.connect(port);
  for (let i = 0; i < attempts && !socket.writable; i++) {
    socket.destroy();
    socket = net.connect(port);
  }
  socket.end();
}`,
  },
  {
    // Reassigned only when it holds nothing.
    code: `import * as net from 'node:net';
export function ensure(port: number, existing: net.Socket | undefined): void {
  let socket = existing;
  if (!socket) {
    socket = net.connect(port);
    socket.end('hello');
  }
}`,
  },
  {
    // Set to null after its release.
    code: `import * as net from 'node:net';
export function once(port: number): void {
  let socket: net.Socket | null = net.connect(port);
  socket.end();
  socket = null;
}`,
  },
  {
    // ||= assigns only when the variable is empty.
    code: `import * as net from 'node:net';
export function ensure(port: number, existing?: net.Socket): void {
  let socket = existing;
  socket ||= net.connect(port);
  socket.end();
}`,
  },
];

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    code: `import * as net from 'node:net';
export function reconnect(port: number): void {
  let socket = net.connect(port);
  socket = net.connect(port + 1);
  socket.destroy();
}`,
    errors: [
      {
        messageId: 'leak',
        line: 3,
        column: 16,
        endLine: 3,
        endColumn: 33,
        data: { name: 'socket', ...SOCKET, path: 'before it is overwritten on line 4' },
      },
    ],
    output: null,
  },
  {
    // Overwritten with null.
    code: `import * as net from 'node:net';
export function forget(port: number): void {
  let socket: net.Socket | null = net.connect(port);
  socket.write('bye');
  socket = null;
}`,
    errors: [
      {
        messageId: 'leak',
        line: 3,
        column: 35,
        endLine: 3,
        endColumn: 52,
        data: { name: 'socket', ...SOCKET, path: 'before it is overwritten on line 5' },
      },
    ],
    output: null,
  },
  {
    // Overwritten on one branch: the fallback replaces a socket nobody closes.
    code: `import * as net from 'node:net';
export function dial(primary: number, backup: number): net.Socket {
  let socket = net.connect(primary);
  if (!socket.writable) {
    socket = net.connect(backup);
  }
  return socket;
}`,
    errors: [{ messageId: 'leak', line: 3, column: 16, data: { name: 'socket', ...SOCKET, path: 'before it is overwritten on line 5' } }],
    output: null,
  },
  {
    // A `let` declared first and assigned twice.
    code: `import * as net from 'node:net';
export function twice(port: number): void {
  let socket: net.Socket;
  socket = net.connect(port);
  socket.write('first');
  socket = net.connect(port);
  socket.end('second');
}`,
    errors: [
      {
        messageId: 'leak',
        line: 4,
        column: 12,
        endLine: 4,
        endColumn: 29,
        data: { name: 'socket', ...SOCKET, path: 'before it is overwritten on line 6' },
      },
    ],
    output: null,
  },
  {
    // Overwritten with undefined after a partial use.
    code: `import * as net from 'node:net';
export function reset(port: number): void {
  let socket: net.Socket | undefined = net.connect(port);
  socket.write('ping');
  socket = undefined;
  console.log(socket);
}`,
    errors: [{ messageId: 'leak', line: 3, column: 40, data: { name: 'socket', ...SOCKET, path: 'before it is overwritten on line 5' } }],
    output: null,
  },
  {
    // Both the overwrite and a missing release of the second socket.
    code: `import * as net from 'node:net';
export function both(port: number): void {
  let socket = net.connect(port);
  socket = net.connect(port + 1);
  socket.write('x');
}`,
    errors: [
      { messageId: 'leak', line: 3, column: 16, data: { name: 'socket', ...SOCKET, path: 'before it is overwritten on line 4' } },
      { messageId: 'leak', line: 4, column: 12, data: { name: 'socket', ...SOCKET, path: 'when `both()` ends at line 6' } },
    ],
    output: null,
  },
  {
    // A closure that reconnects overwrites the socket the function still holds.
    code: `import * as net from 'node:net';
export function withRetry(port: number): void {
  let socket = net.connect(port);
  const reconnect = (): void => {
    socket = net.connect(port);
  };
  reconnect();
  socket.destroy();
}`,
    errors: [{ messageId: 'leak', line: 3, column: 16, endLine: 3, endColumn: 33 }],
    output: null,
  },
  {
    // Overwritten inside a try block.
    code: `import * as net from 'node:net';
export function swap(port: number): void {
  let socket = net.connect(port);
  try {
    socket = net.connect(port + 1);
  } finally {
    socket.destroy();
  }
}`,
    errors: [{ messageId: 'leak', line: 3, column: 16, data: { name: 'socket', ...SOCKET, path: 'before it is overwritten on line 5' } }],
    output: null,
  },
];

ruleTester.run('no-leaked-resource (reassignment)', rule, { valid: valid.map(inTs), invalid: invalid.map(inTs) });
