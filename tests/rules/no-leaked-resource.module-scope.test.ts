// Rule tests for `leaks/no-leaked-resource`: resources created at the top level of a module live as long as the process (reported only with `checkModuleScope`).
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/no-leaked-resource.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

/** The shared tester enables JSX, so its default file is react.tsx: lint these cases as file.ts unless they name a file. */
const inTs = <T extends { filename?: string }>(test: T): T => ({ filename: 'file.ts', ...test });

const MODULE_SCOPE: Options = [{ checkModuleScope: true }];
const SOCKET = { resource: 'net.Socket', released: 'destroyed', advice: 'End or destroy it on every path, or hand it to an owner.' };

const TOP_LEVEL_SOCKET = `import * as net from 'node:net';
const socket = net.connect(4000);
socket.write('hello');`;

const TOP_LEVEL_HANDLE = `import { open } from 'node:fs/promises';
const handle = await open('/tmp/app.log', 'a');
await handle.appendFile('started');`;

const TOP_LEVEL_DISCARDED = `import * as net from 'node:net';
net.connect(4000).on('data', (chunk) => console.log(String(chunk)));`;

const TOP_LEVEL_POOL = `import { Pool } from 'undici';
const pool = new Pool('http://localhost:3000');
export async function status(): Promise<number> {
  const { statusCode, body } = await pool.request({ path: '/', method: 'GET' });
  await body.dump();
  return statusCode;
}`;

const valid: ValidTestCase<Options>[] = [
  { code: TOP_LEVEL_SOCKET },
  { code: TOP_LEVEL_HANDLE },
  { code: TOP_LEVEL_DISCARDED },
  {
    // Incident 2's good shape: one client for the module, reused by every call.
    code: TOP_LEVEL_POOL,
  },
  {
    // The option only widens the report; released module resources stay quiet.
    code: `import * as net from 'node:net';
const socket = net.connect(4000);
socket.end('bye');`,
    options: MODULE_SCOPE,
  },
  {
    // A server that listens serves for the life of the process.
    code: `import * as http from 'node:http';
const server = http.createServer((req, res) => res.end('ok'));
server.listen(8080);`,
    options: MODULE_SCOPE,
  },
  {
    // Closed at shutdown by a process-level handler.
    code: `import { Pool } from 'undici';
export const pool = new Pool('http://localhost:3000');
process.once('SIGTERM', () => {
  void pool.close();
});`,
    options: MODULE_SCOPE,
  },
  {
    code: `import { open } from 'node:fs/promises';
await using handle = await open('/tmp/app.log', 'a');
await handle.appendFile('started');`,
    options: MODULE_SCOPE,
  },
  {
    // The default export hands it to the importers.
    code: `import { Agent } from 'undici';
export default new Agent({ connections: 8 });`,
    options: MODULE_SCOPE,
  },
  {
    // A top-level block is still the module's scope.
    code: `import * as net from 'node:net';
if (process.env.PING) {
  const socket = net.connect(4000);
  socket.write('ping');
}`,
  },
  {
    // CommonJS module scope, by default.
    code: `const net = require('node:net');
const socket = net.connect(4000);
socket.write('hello');`,
    filename: 'file.cjs',
  },
  {
    // Top-level sockets collected into a module list, which owns them.
    code: `import * as net from 'node:net';
export const sockets: net.Socket[] = [];
for (const port of [4000, 4001]) {
  sockets.push(net.connect(port));
}`,
    options: MODULE_SCOPE,
  },
  {
    // Exported: handed to the importers, like a default export.
    code: `import * as http from 'node:http';
export const agent = new http.Agent({ keepAlive: true });`,
    options: MODULE_SCOPE,
  },
];

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    code: TOP_LEVEL_SOCKET,
    options: MODULE_SCOPE,
    errors: [
      {
        messageId: 'leak',
        line: 2,
        column: 16,
        endLine: 2,
        endColumn: 33,
        data: { name: 'socket', ...SOCKET, path: 'by the end of the module (line 3)' },
      },
    ],
    output: null,
  },
  {
    code: TOP_LEVEL_HANDLE,
    options: MODULE_SCOPE,
    errors: [
      {
        messageId: 'leak',
        line: 2,
        column: 22,
        endLine: 2,
        endColumn: 47,
        data: {
          name: 'handle',
          resource: 'FileHandle',
          released: 'closed',
          advice: 'Close it in a `finally` block, or declare it with `await using`.',
          path: 'by the end of the module (line 3)',
        },
      },
    ],
    output: null,
  },
  {
    code: TOP_LEVEL_DISCARDED,
    options: MODULE_SCOPE,
    errors: [
      {
        messageId: 'discarded',
        line: 2,
        column: 1,
        endLine: 2,
        endColumn: 18,
        data: { ...SOCKET, how: 'not stored anywhere', consequence: 'it stays open' },
      },
    ],
    output: null,
  },
  {
    // A module-level pool never closed gets the pooling advice.
    code: TOP_LEVEL_POOL,
    options: MODULE_SCOPE,
    errors: [
      {
        messageId: 'leakPooling',
        line: 2,
        column: 14,
        endLine: 2,
        endColumn: 47,
        data: { name: 'pool', resource: 'undici Pool', released: 'closed', release: 'close', path: 'by the end of the module (line 7)' },
      },
    ],
    output: null,
  },
  {
    // Functions are reported whatever the option says.
    code: `import * as net from 'node:net';
const banner = 'hello';
export function greet(port: number): void {
  const socket = net.connect(port);
  socket.write(banner);
}`,
    errors: [{
      messageId: 'leak',
      line: 4,
      column: 18,
      data: { name: 'socket', ...SOCKET, path: 'when `greet()` ends at line 6' },
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import * as net from 'node:net';
const banner = 'hello';
export function greet(port: number): void {
  const socket = net.connect(port);
  try {
    socket.write(banner);
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
    // With the option, module resources and function resources are both reported.
    code: `import * as net from 'node:net';
const control = net.connect(4000);
export function greet(port: number): void {
  const socket = net.connect(port);
  socket.write('hello');
}
control.write('ready');`,
    options: MODULE_SCOPE,
    errors: [
      { messageId: 'leak', line: 2, column: 17, endLine: 2, endColumn: 34, data: { name: 'control', ...SOCKET, path: 'by the end of the module (line 7)' } },
      {
        messageId: 'leak',
        line: 4,
        column: 18,
        data: { name: 'socket', ...SOCKET, path: 'when `greet()` ends at line 6' },
        suggestions: [
          {
            messageId: 'suggestFinally',
            output: `import * as net from 'node:net';
const control = net.connect(4000);
export function greet(port: number): void {
  const socket = net.connect(port);
  try {
    socket.write('hello');
  } finally {
    socket.end();
  }
}
control.write('ready');`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    // CommonJS module scope, with the option.
    code: `const net = require('node:net');
const socket = net.connect(4000);
socket.write('hello');`,
    filename: 'file.cjs',
    options: MODULE_SCOPE,
    errors: [{ messageId: 'leak', line: 2, column: 16, endLine: 2, endColumn: 33 }],
    output: null,
  },
  {
    // A top-level loop that opens a socket per port and keeps none.
    code: `import * as net from 'node:net';
for (const port of [4000, 4001]) {
  const socket = net.connect(port);
  socket.write('hello');
}`,
    options: MODULE_SCOPE,
    errors: [{ messageId: 'leak', line: 3, column: 18, data: { name: 'socket', ...SOCKET, path: 'when its block ends at line 5' } }],
    output: null,
  },
];

ruleTester.run('no-leaked-resource (module scope)', rule, { valid: valid.map(inTs), invalid: invalid.map(inTs) });
