// The edits of the local-resource rules, shape by shape, in both styles: `try { … } finally { release }` and
// `using` / `await using`; when an edit is a fix, a suggestion, or withheld; and how the project decides whether
// `using` is valid (TypeScript emit, the oldest Node.js version). Each output is also type-checked by
// local-fix-safety.test.ts.
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/no-leaked-resource.js';
import timerRule, { type MessageIds as TimerMessageIds, type Options as TimerOptions } from '../../rules/no-leaked-timer.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

/** Lint as file.ts (TypeScript does not emit the fixture project: `auto` uses try/finally) unless a case names a file. */
const inTs = <T extends { filename?: string }>(test: T): T => ({ filename: 'file.ts', ...test });
/** tests/fixtures/emit: a project TypeScript compiles to ES2022, which downlevels `using`: `auto` uses it. */
const EMIT = 'emit/file.ts';

export const valid: ValidTestCase<Options>[] = [
  {
    // The output of the try/finally fix for a file handle is not reported again.
    code: `import { open } from 'node:fs/promises';
export async function size(path: string): Promise<number> {
  const handle = await open(path, 'r');
  try {
    const stats = await handle.stat();
    return stats.size;
  } finally {
    await handle.close();
  }
}`,
  },
  {
    // Nor is the output of the using fix.
    filename: EMIT,
    code: `import { open } from 'node:fs/promises';
export async function size(path: string): Promise<number> {
  await using handle = await open(path, 'r');
  const stats = await handle.stat();
  return stats.size;
}`,
  },
];

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: 'try/finally: async function, the resource is used in the return expression',
    code: `import { Client } from 'undici';
export async function info(url: string): Promise<number> {
  const client = new Client(url);
  const { statusCode, body } = await client.request({ method: 'GET', path: '/info' });
  await body.dump();
  return statusCode;
}`,
    errors: [{ messageId: 'leakPooling', line: 3, column: 18 }],
    output: `import { Client } from 'undici';
export async function info(url: string): Promise<number> {
  const client = new Client(url);
  try {
    const { statusCode, body } = await client.request({ method: 'GET', path: '/info' });
    await body.dump();
    return statusCode;
  } finally {
    await client.close();
  }
}`,
  },
  {
    name: 'try/finally: a returned promise that uses the resource is awaited inside the try',
    code: `import { Client, type Dispatcher } from 'undici';
export async function info(url: string): Promise<Dispatcher.ResponseData> {
  const client = new Client(url);
  await client.connect?.();
  return client.request({ method: 'GET', path: '/info' });
}`,
    errors: [{
      messageId: 'leakPooling',
      line: 3,
      column: 18,
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import { Client, type Dispatcher } from 'undici';
export async function info(url: string): Promise<Dispatcher.ResponseData> {
  const client = new Client(url);
  try {
    await client.connect?.();
    return await client.request({ method: 'GET', path: '/info' });
  } finally {
    await client.close();
  }
}`,
        },
      ],
    }],
    output: null,
  },
  {
    name: 'try/finally: arrow function with a block body',
    code: `import { open } from 'node:fs/promises';
export const firstLine = async (path: string): Promise<string> => {
  const handle = await open(path);
  const text = await handle.readFile('utf8');
  return text.split('\\n')[0] ?? '';
};`,
    errors: [{ messageId: 'leak', line: 3, column: 24 }],
    output: `import { open } from 'node:fs/promises';
export const firstLine = async (path: string): Promise<string> => {
  const handle = await open(path);
  try {
    const text = await handle.readFile('utf8');
    return text.split('\\n')[0] ?? '';
  } finally {
    await handle.close();
  }
};`,
  },
  {
    name: 'try/finally: class method',
    code: `import { Pool } from 'undici';
export class Checker {
  constructor(private readonly origin: string) {}

  async check(paths: readonly string[]): Promise<boolean> {
    const pool = new Pool(this.origin);
    for (const path of paths) {
      const { statusCode, body } = await pool.request({ method: 'GET', path });
      await body.dump();
      if (statusCode !== 200) return false;
    }
    return true;
  }
}`,
    errors: [{ messageId: 'leakPooling', line: 6, column: 18 }],
    output: `import { Pool } from 'undici';
export class Checker {
  constructor(private readonly origin: string) {}

  async check(paths: readonly string[]): Promise<boolean> {
    const pool = new Pool(this.origin);
    try {
      for (const path of paths) {
        const { statusCode, body } = await pool.request({ method: 'GET', path });
        await body.dump();
        if (statusCode !== 200) return false;
      }
      return true;
    } finally {
      await pool.close();
    }
  }
}`,
  },
  {
    name: 'try/finally: a `let` resource that is never reassigned',
    code: `import { open } from 'node:fs/promises';
export async function head(path: string): Promise<string> {
  let handle = await open(path);
  const { bytesRead, buffer } = await handle.read(Buffer.alloc(64), 0, 64, 0);
  return buffer.subarray(0, bytesRead).toString();
}`,
    errors: [{ messageId: 'leak', line: 3, column: 22 }],
    output: `import { open } from 'node:fs/promises';
export async function head(path: string): Promise<string> {
  let handle = await open(path);
  try {
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(64), 0, 64, 0);
    return buffer.subarray(0, bytesRead).toString();
  } finally {
    await handle.close();
  }
}`,
  },
  {
    name: 'try/finally: conditional acquisition into a `let` declared earlier, released with `?.`',
    code: `import { Client } from 'undici';
export async function info(shared: Client, url: string, direct: boolean): Promise<number> {
  let client: Client | undefined;
  if (direct) client = new Client(url);
  const { statusCode, body } = await (client ?? shared).request({ method: 'GET', path: '/info' });
  await body.dump();
  return statusCode;
}`,
    errors: [{ messageId: 'leakPooling', line: 4, column: 24 }],
    output: `import { Client } from 'undici';
export async function info(shared: Client, url: string, direct: boolean): Promise<number> {
  let client: Client | undefined;
  try {
    if (direct) client = new Client(url);
    const { statusCode, body } = await (client ?? shared).request({ method: 'GET', path: '/info' });
    await body.dump();
    return statusCode;
  } finally {
    await client?.close();
  }
}`,
  },
  {
    name: 'try/finally: comments and a multi-line template literal inside the wrapped range',
    code: `import { open } from 'node:fs/promises';
export async function report(path: string, rows: string[]): Promise<void> {
  const handle = await open(path, 'w'); // truncates
  // header first
  await handle.write(\`name,value
\`);
  /* then the rows */
  for (const row of rows) await handle.write(row);
  // done
}`,
    errors: [{ messageId: 'leak', line: 3, column: 24 }],
    output: `import { open } from 'node:fs/promises';
export async function report(path: string, rows: string[]): Promise<void> {
  const handle = await open(path, 'w'); // truncates
  try {
    // header first
    await handle.write(\`name,value
\`);
    /* then the rows */
    for (const row of rows) await handle.write(row);
    // done
  } finally {
    await handle.close();
  }
}`,
  },
  {
    name: 'try/finally: two resources in one block are fixed in two passes, the second inside the first',
    code: `import { open } from 'node:fs/promises';
export async function copy(from: string, to: string): Promise<void> {
  const source = await open(from);
  const target = await open(to, 'w');
  const data = await source.readFile();
  await target.write(data);
}`,
    errors: [
      { messageId: 'leak', line: 3, column: 24 },
      { messageId: 'leak', line: 4, column: 24 },
    ],
    output: [`import { open } from 'node:fs/promises';
export async function copy(from: string, to: string): Promise<void> {
  const source = await open(from);
  try {
    const target = await open(to, 'w');
    const data = await source.readFile();
    await target.write(data);
  } finally {
    await source.close();
  }
}`, `import { open } from 'node:fs/promises';
export async function copy(from: string, to: string): Promise<void> {
  const source = await open(from);
  try {
    const target = await open(to, 'w');
    try {
      const data = await source.readFile();
      await target.write(data);
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}`],
  },
  {
    name: 'try/finally: a plain Disposable in a synchronous function',
    code: `declare class Lock implements Disposable {
  [Symbol.dispose](): void;
}
export function locked(run: () => number): number {
  const lock = new Lock();
  const result = run();
  return result;
}`,
    errors: [{ messageId: 'leak', line: 5, column: 16 }],
    output: `declare class Lock implements Disposable {
  [Symbol.dispose](): void;
}
export function locked(run: () => number): number {
  const lock = new Lock();
  try {
    const result = run();
    return result;
  } finally {
    lock[Symbol.dispose]();
  }
}`,
  },
  {
    name: 'try/finally: under checkExceptionPaths the release already at the end moves into the finally',
    options: [{ checkExceptionPaths: true }],
    code: `import { Client } from 'undici';
export async function info(url: string): Promise<number> {
  const client = new Client(url);
  const { statusCode, body } = await client.request({ method: 'GET', path: '/info' });
  await body.dump();
  await client.close();
  return statusCode;
}`,
    errors: [{ messageId: 'exception', line: 3, column: 18 }],
    output: `import { Client } from 'undici';
export async function info(url: string): Promise<number> {
  const client = new Client(url);
  try {
    const { statusCode, body } = await client.request({ method: 'GET', path: '/info' });
    await body.dump();
    return statusCode;
  } finally {
    await client.close();
  }
}`,
  },
  {
    name: 'release at the exit: a braceless `if` gets braces',
    code: `import * as net from 'node:net';
export function greet(port: number, name: string): boolean {
  const socket = net.connect(port);
  if (!name) return false;
  socket.end(\`hello \${name}\`);
  return true;
}`,
    errors: [{ messageId: 'leak', line: 3, column: 18 }],
    output: `import * as net from 'node:net';
export function greet(port: number, name: string): boolean {
  const socket = net.connect(port);
  if (!name) {
    socket.end();
    return false;
  }
  socket.end(\`hello \${name}\`);
  return true;
}`,
  },
  {
    name: 'release at the exit: one statement per line — a `case` that shares its line with the exit gets lines of its own',
    code: `import * as net from 'node:net';
export function send(port: number, kind: number): boolean {
  const socket = net.connect(port);
  switch (kind) {
    case 0: return false;
    default:
      socket.end('x');
      return true;
  }
}`,
    errors: [{ messageId: 'leak', line: 3, column: 18 }],
    output: `import * as net from 'node:net';
export function send(port: number, kind: number): boolean {
  const socket = net.connect(port);
  switch (kind) {
    case 0:
      socket.end();
      return false;
    default:
      socket.end('x');
      return true;
  }
}`,
  },
  {
    name: 'release at the exit: one statement per line — a one-line block opens onto lines of its own',
    code: `import * as net from 'node:net';
export function greet(port: number, name: string): boolean {
  const socket = net.connect(port);
  if (!name) { return false; }
  socket.end(\`hello \${name}\`);
  return true;
}`,
    errors: [{ messageId: 'leak', line: 3, column: 18 }],
    output: `import * as net from 'node:net';
export function greet(port: number, name: string): boolean {
  const socket = net.connect(port);
  if (!name) {
    socket.end();
    return false;
  }
  socket.end(\`hello \${name}\`);
  return true;
}`,
  },
  {
    name: 'release at the exit: after another statement on its line, at that statement\'s level; a template\'s indented lines do not set the indentation step',
    code: `import * as net from 'node:net';
export function greet(port: number, quiet: boolean): string {
  const query = \`
    SELECT *
        FROM t
            WHERE x
                AND y\`;
  const socket = net.connect(port);
  if (quiet) return query;
  console.log(query); return '';
}`,
    errors: [
      {
        messageId: 'leak',
        line: 8,
        column: 18,
        suggestions: [
          { messageId: 'suggestFinally', output: `import * as net from 'node:net';
export function greet(port: number, quiet: boolean): string {
  const query = \`
    SELECT *
        FROM t
            WHERE x
                AND y\`;
  const socket = net.connect(port);
  try {
    if (quiet) return query;
    console.log(query); return '';
  } finally {
    socket.end();
  }
}` },
          { messageId: 'suggestRelease', output: `import * as net from 'node:net';
export function greet(port: number, quiet: boolean): string {
  const query = \`
    SELECT *
        FROM t
            WHERE x
                AND y\`;
  const socket = net.connect(port);
  if (quiet) {
    socket.end();
    return query;
  }
  console.log(query);
  socket.end();
  return '';
}` },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'release at the exit: a comment between the head and a braceless body stays, after the opening brace',
    code: `import * as net from 'node:net';
export function greet(port: number, quiet: boolean, late: boolean): void {
  const socket = net.connect(port);
  if (quiet) /* nothing to say */ return;
  if (late) // too late
    return;
  socket.end('hi');
}`,
    errors: [{ messageId: 'leak', line: 3, column: 18 }],
    output: `import * as net from 'node:net';
export function greet(port: number, quiet: boolean, late: boolean): void {
  const socket = net.connect(port);
  if (quiet) { /* nothing to say */
    socket.end();
    return;
  }
  if (late) { // too late
    socket.end();
    return;
  }
  socket.end('hi');
}`,
  },
  {
    name: 'release at the exit: a tab-indented file gets tabs',
    code: `import * as net from 'node:net';
export function greet(port: number, quiet: boolean): void {
\tconst socket = net.connect(port);
\tif (quiet) return;
\tsocket.end('hi');
}`,
    errors: [{ messageId: 'leak', line: 3, column: 17 }],
    output: `import * as net from 'node:net';
export function greet(port: number, quiet: boolean): void {
\tconst socket = net.connect(port);
\tif (quiet) {
\t\tsocket.end();
\t\treturn;
\t}
\tsocket.end('hi');
}`,
  },
  {
    name: 'release at the exit: a file indented by four spaces gets four more',
    code: `import * as net from 'node:net';
export function greet(port: number, quiet: boolean): void {
    const socket = net.connect(port);
    if (quiet) return;
    socket.end('hi');
}`,
    errors: [{ messageId: 'leak', line: 3, column: 20 }],
    output: `import * as net from 'node:net';
export function greet(port: number, quiet: boolean): void {
    const socket = net.connect(port);
    if (quiet) {
        socket.end();
        return;
    }
    socket.end('hi');
}`,
  },
  {
    name: 'release at the exit: a braceless body on a line of its own gets braces and lines of its own',
    code: `import * as net from 'node:net';
export function greet(port: number, name: string): boolean {
  const socket = net.connect(port);
  if (!name)
    return false;
  socket.end(\`hello \${name}\`);
  return true;
}`,
    errors: [{ messageId: 'leak', line: 3, column: 18 }],
    output: `import * as net from 'node:net';
export function greet(port: number, name: string): boolean {
  const socket = net.connect(port);
  if (!name) {
    socket.end();
    return false;
  }
  socket.end(\`hello \${name}\`);
  return true;
}`,
  },
  {
    name: 'release at the exit: every leaking exit at once',
    code: `import * as net from 'node:net';
export function send(port: number, line: string): number {
  const socket = net.connect(port);
  if (line.length === 0) {
    return 0;
  }
  if (line.length > 512) {
    throw new RangeError('line too long');
  }
  socket.end(line);
  return line.length;
}`,
    errors: [{ messageId: 'leak', line: 3, column: 18 }],
    output: `import * as net from 'node:net';
export function send(port: number, line: string): number {
  const socket = net.connect(port);
  if (line.length === 0) {
    socket.end();
    return 0;
  }
  if (line.length > 512) {
    socket.end();
    throw new RangeError('line too long');
  }
  socket.end(line);
  return line.length;
}`,
  },
  {
    name: 'release at the exit: a release on a branch that returns first cannot run before the later exit (paths, not source order)',
    code: `import { open } from 'node:fs/promises';
export async function readConfig(path: string, fallback: string | null): Promise<string | null> {
  const handle = await open(path, 'r');
  const { size } = await handle.stat();
  if (size > 0) {
    const text = await handle.readFile('utf8');
    await handle.close();
    return text;
  }
  return fallback;
}`,
    errors: [{ messageId: 'leak', line: 3, column: 24 }],
    output: `import { open } from 'node:fs/promises';
export async function readConfig(path: string, fallback: string | null): Promise<string | null> {
  const handle = await open(path, 'r');
  const { size } = await handle.stat();
  if (size > 0) {
    const text = await handle.readFile('utf8');
    await handle.close();
    return text;
  }
  await handle.close();
  return fallback;
}`,
  },
  {
    name: 'suggestion only: an earlier loop iteration may have ended the socket before the exit',
    code: `import * as net from 'node:net';
export function relay(port: number, lines: string[]): void {
  const socket = net.connect(port);
  for (const line of lines) {
    if (line === '') return;
    if (line === 'quit') socket.end();
  }
  socket.end();
}`,
    errors: [{
      messageId: 'leak',
      line: 3,
      column: 18,
      suggestions: [
        {
          messageId: 'suggestRelease',
          output: `import * as net from 'node:net';
export function relay(port: number, lines: string[]): void {
  const socket = net.connect(port);
  for (const line of lines) {
    if (line === '') {
      socket.end();
      return;
    }
    if (line === 'quit') socket.end();
  }
  socket.end();
}`,
        },
      ],
    }],
    output: null,
  },
  {
    name: 'suggestion only: a closure uses the resource (it may run after the block ends)',
    code: `import { open } from 'node:fs/promises';
export async function lines(path: string, each: (line: string) => void): Promise<void> {
  const handle = await open(path);
  const text = await handle.readFile('utf8');
  text.split('\\n').forEach((line) => void handle.write(line + each(line)));
}`,
    errors: [{
      messageId: 'leak',
      line: 3,
      column: 24,
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import { open } from 'node:fs/promises';
export async function lines(path: string, each: (line: string) => void): Promise<void> {
  const handle = await open(path);
  try {
    const text = await handle.readFile('utf8');
    text.split('\\n').forEach((line) => void handle.write(line + each(line)));
  } finally {
    await handle.close();
  }
}`,
        },
      ],
    }],
    output: null,
  },
  {
    name: 'suggestion only: a synchronous function returns a promise that may still use the resource',
    code: `import { Client, type Dispatcher } from 'undici';
export function info(url: string): Promise<Dispatcher.ResponseData> {
  const client = new Client(url);
  return client.request({ method: 'GET', path: '/info' });
}`,
    errors: [{
      messageId: 'leakPooling',
      line: 3,
      column: 18,
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import { Client, type Dispatcher } from 'undici';
export function info(url: string): Promise<Dispatcher.ResponseData> {
  const client = new Client(url);
  try {
    return client.request({ method: 'GET', path: '/info' });
  } finally {
    void client.close();
  }
}`,
        },
      ],
    }],
    output: null,
  },
  {
    name: 'suggestion only: a socket in a block that never waits for it',
    code: `import * as net from 'node:net';
export function greet(port: number): void {
  const socket = net.connect(port);
  socket.write('hello');
}`,
    errors: [{
      messageId: 'leak',
      line: 3,
      column: 18,
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import * as net from 'node:net';
export function greet(port: number): void {
  const socket = net.connect(port);
  try {
    socket.write('hello');
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
    name: 'no edit: listeners keep using the socket after the function returns',
    code: `import * as net from 'node:net';
export function watch(port: number): void {
  const socket = net.connect(port);
  socket.on('data', (chunk) => console.log(chunk.length));
}`,
    errors: [{ messageId: 'leak', line: 3, column: 18 }],
    output: null,
  },
  {
    name: 'no edit: a resource handed on at one exit and leaked at another needs a decision',
    code: `import * as net from 'node:net';
const sockets = new Set<net.Socket>();
export function open(port: number, keep: boolean): void {
  const socket = net.connect(port);
  if (keep) sockets.add(socket);
  socket.write('hello');
}`,
    errors: [{ messageId: 'leak', line: 4, column: 18 }],
    output: null,
  },
  {
    name: 'using (auto): TypeScript downlevels it in this project, and FileHandle has [Symbol.asyncDispose]',
    filename: EMIT,
    code: `import { open } from 'node:fs/promises';
export async function size(path: string): Promise<number> {
  const handle = await open(path, 'r');
  const stats = await handle.stat();
  return stats.size;
}`,
    errors: [{ messageId: 'leak', line: 3, column: 24 }],
    output: `import { open } from 'node:fs/promises';
export async function size(path: string): Promise<number> {
  await using handle = await open(path, 'r');
  const stats = await handle.stat();
  return stats.size;
}`,
  },
  {
    name: 'using (auto): the release that becomes redundant (the last statement before a plain `return`) is removed',
    filename: EMIT,
    options: [{ checkExceptionPaths: true }],
    code: `import { open } from 'node:fs/promises';
export async function firstBytes(path: string): Promise<Buffer> {
  const handle = await open(path);
  const { buffer } = await handle.read(Buffer.alloc(16), 0, 16, 0);
  await handle.close();
  return buffer;
}`,
    errors: [{ messageId: 'exception', line: 3, column: 24 }],
    output: `import { open } from 'node:fs/promises';
export async function firstBytes(path: string): Promise<Buffer> {
  await using handle = await open(path);
  const { buffer } = await handle.read(Buffer.alloc(16), 0, 16, 0);
  return buffer;
}`,
  },
  {
    name: 'using (auto) is not chosen where the project does not emit (noEmit): try/finally',
    code: `import { open } from 'node:fs/promises';
export async function size(path: string): Promise<number> {
  const handle = await open(path, 'r');
  const stats = await handle.stat();
  return stats.size;
}`,
    errors: [{ messageId: 'leak', line: 3, column: 24 }],
    output: `import { open } from 'node:fs/promises';
export async function size(path: string): Promise<number> {
  const handle = await open(path, 'r');
  try {
    const stats = await handle.stat();
    return stats.size;
  } finally {
    await handle.close();
  }
}`,
  },
  {
    name: 'fixStyle using: also where TypeScript does not emit (the runtime runs `using` itself)',
    options: [{ fixStyle: 'using' }],
    code: `import { open } from 'node:fs/promises';
export async function size(path: string): Promise<number> {
  const handle = await open(path, 'r');
  const stats = await handle.stat();
  return stats.size;
}`,
    errors: [{ messageId: 'leak', line: 3, column: 24 }],
    output: `import { open } from 'node:fs/promises';
export async function size(path: string): Promise<number> {
  await using handle = await open(path, 'r');
  const stats = await handle.stat();
  return stats.size;
}`,
  },
  {
    name: 'fixStyle try-finally: never `using`',
    filename: EMIT,
    options: [{ fixStyle: 'try-finally' }],
    code: `import { open } from 'node:fs/promises';
export async function size(path: string): Promise<number> {
  const handle = await open(path, 'r');
  const stats = await handle.stat();
  return stats.size;
}`,
    errors: [{ messageId: 'leak', line: 3, column: 24 }],
    output: `import { open } from 'node:fs/promises';
export async function size(path: string): Promise<number> {
  const handle = await open(path, 'r');
  try {
    const stats = await handle.stat();
    return stats.size;
  } finally {
    await handle.close();
  }
}`,
  },
  {
    name: 'using needs an async function for [Symbol.asyncDispose]: a generator without it gets try/finally',
    filename: EMIT,
    code: `import * as net from 'node:net';
export function* serve(port: number): Generator<number> {
  const server = net.createServer();
  yield port;
  server.ref();
}`,
    errors: [{ messageId: 'leak', line: 3, column: 18 }],
    output: `import * as net from 'node:net';
export function* serve(port: number): Generator<number> {
  const server = net.createServer();
  try {
    yield port;
    server.ref();
  } finally {
    server.close();
  }
}`,
  },
  {
    name: 'nodeVersion: FileHandle has [Symbol.asyncDispose] from Node.js 20.4 on: try/finally for 20.3',
    filename: EMIT,
    options: [{ nodeVersion: '20.3.0' }],
    code: `import { open } from 'node:fs/promises';
export async function size(path: string): Promise<number> {
  const handle = await open(path, 'r');
  const stats = await handle.stat();
  return stats.size;
}`,
    errors: [{ messageId: 'leak', line: 3, column: 24 }],
    output: `import { open } from 'node:fs/promises';
export async function size(path: string): Promise<number> {
  const handle = await open(path, 'r');
  try {
    const stats = await handle.stat();
    return stats.size;
  } finally {
    await handle.close();
  }
}`,
  },
  {
    name: 'no `using` for a write stream: its [Symbol.asyncDispose] destroys it and drops unflushed writes; `end()` flushes',
    filename: EMIT,
    code: `import * as fs from 'node:fs';
export async function log(path: string, lines: AsyncIterable<string>): Promise<void> {
  const out = fs.createWriteStream(path, { flags: 'a' });
  for await (const line of lines) out.write(line);
}`,
    errors: [{
      messageId: 'leak',
      line: 3,
      column: 15
    }],
    output: `import * as fs from 'node:fs';
export async function log(path: string, lines: AsyncIterable<string>): Promise<void> {
  const out = fs.createWriteStream(path, { flags: 'a' });
  try {
    for await (const line of lines) out.write(line);
  } finally {
    out.end();
  }
}`,
  },
  {
    name: 'no `using` for a ClientRequest (here made a resource by the `resources` option): its type inherits [Symbol.asyncDispose] from stream.Writable, the runtime class does not have it',
    filename: EMIT,
    options: [{ fixStyle: 'using', resources: [{ type: { from: 'package', package: 'http', name: 'ClientRequest' }, release: ['destroy'] }] }],
    code: `import * as http from 'node:http';
import { once } from 'node:events';
export async function post(url: string, body: string): Promise<number> {
  const request = http.request(url, { method: 'POST' });
  request.write(body);
  const [response] = (await once(request, 'response')) as [http.IncomingMessage];
  response.resume();
  return response.statusCode ?? 0;
}`,
    errors: [{ messageId: 'leak', line: 4, column: 19 }],
    output: `import * as http from 'node:http';
import { once } from 'node:events';
export async function post(url: string, body: string): Promise<number> {
  const request = http.request(url, { method: 'POST' });
  try {
    request.write(body);
    const [response] = (await once(request, 'response')) as [http.IncomingMessage];
    response.resume();
    return response.statusCode ?? 0;
  } finally {
    request.destroy();
  }
}`,
  },
  {
    name: 'using style: a plain Disposable in a synchronous function',
    options: [{ fixStyle: 'using' }],
    code: `declare class Lock implements Disposable {
  [Symbol.dispose](): void;
}
export function locked(run: () => number): number {
  const lock = new Lock();
  const result = run();
  return result;
}`,
    errors: [{ messageId: 'leak', line: 5, column: 16 }],
    output: `declare class Lock implements Disposable {
  [Symbol.dispose](): void;
}
export function locked(run: () => number): number {
  using lock = new Lock();
  const result = run();
  return result;
}`,
  },
  {
    name: 'using style: arrow function with a block body',
    options: [{ fixStyle: 'using' }],
    code: `import { open } from 'node:fs/promises';
export const firstLine = async (path: string): Promise<string> => {
  const handle = await open(path);
  const text = await handle.readFile('utf8');
  return text.split('\\n')[0] ?? '';
};`,
    errors: [{ messageId: 'leak', line: 3, column: 24 }],
    output: `import { open } from 'node:fs/promises';
export const firstLine = async (path: string): Promise<string> => {
  await using handle = await open(path);
  const text = await handle.readFile('utf8');
  return text.split('\\n')[0] ?? '';
};`,
  },
  {
    name: 'using style: class method',
    options: [{ fixStyle: 'using' }],
    code: `import { open } from 'node:fs/promises';
export class Store {
  constructor(private readonly path: string) {}

  async size(): Promise<number> {
    const handle = await open(this.path);
    const stats = await handle.stat();
    return stats.size;
  }
}`,
    errors: [{ messageId: 'leak', line: 6, column: 26 }],
    output: `import { open } from 'node:fs/promises';
export class Store {
  constructor(private readonly path: string) {}

  async size(): Promise<number> {
    await using handle = await open(this.path);
    const stats = await handle.stat();
    return stats.size;
  }
}`,
  },
  {
    name: 'using style: a `let` resource cannot become `using` (it could be reassigned): try/finally',
    options: [{ fixStyle: 'using' }],
    code: `import { open } from 'node:fs/promises';
export async function head(path: string): Promise<string> {
  let handle = await open(path);
  const { bytesRead, buffer } = await handle.read(Buffer.alloc(64), 0, 64, 0);
  return buffer.subarray(0, bytesRead).toString();
}`,
    errors: [{ messageId: 'leak', line: 3, column: 22 }],
    output: `import { open } from 'node:fs/promises';
export async function head(path: string): Promise<string> {
  let handle = await open(path);
  try {
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(64), 0, 64, 0);
    return buffer.subarray(0, bytesRead).toString();
  } finally {
    await handle.close();
  }
}`,
  },
  {
    name: 'using style: a conditional acquisition into a `let` declared earlier: try/finally with `?.`',
    options: [{ fixStyle: 'using' }],
    code: `import { Client } from 'undici';
export async function info(shared: Client, url: string, direct: boolean): Promise<number> {
  let client: Client | undefined;
  if (direct) client = new Client(url);
  const { statusCode, body } = await (client ?? shared).request({ method: 'GET', path: '/info' });
  await body.dump();
  return statusCode;
}`,
    errors: [{ messageId: 'leakPooling', line: 4, column: 24 }],
    output: `import { Client } from 'undici';
export async function info(shared: Client, url: string, direct: boolean): Promise<number> {
  let client: Client | undefined;
  try {
    if (direct) client = new Client(url);
    const { statusCode, body } = await (client ?? shared).request({ method: 'GET', path: '/info' });
    await body.dump();
    return statusCode;
  } finally {
    await client?.close();
  }
}`,
  },
  {
    name: 'using style: a returned promise that uses the resource is awaited before disposal',
    options: [{ fixStyle: 'using' }],
    code: `import { open } from 'node:fs/promises';
export async function read(path: string): Promise<string> {
  const handle = await open(path);
  await handle.datasync();
  return handle.readFile('utf8');
}`,
    errors: [{ messageId: 'leak', line: 3, column: 24 }],
    output: `import { open } from 'node:fs/promises';
export async function read(path: string): Promise<string> {
  await using handle = await open(path);
  await handle.datasync();
  return await handle.readFile('utf8');
}`,
  },
  {
    name: 'using style: an undici Pool declares no [Symbol.asyncDispose]: try/finally',
    options: [{ fixStyle: 'using' }],
    code: `import { Pool } from 'undici';
export async function allHealthy(origin: string, paths: readonly string[]): Promise<boolean> {
  const pool = new Pool(origin);
  for (const path of paths) {
    const { statusCode, body } = await pool.request({ method: 'GET', path });
    await body.dump();
    if (statusCode !== 200) return false;
  }
  return true;
}`,
    errors: [{ messageId: 'leakPooling', line: 3, column: 16 }],
    output: `import { Pool } from 'undici';
export async function allHealthy(origin: string, paths: readonly string[]): Promise<boolean> {
  const pool = new Pool(origin);
  try {
    for (const path of paths) {
      const { statusCode, body } = await pool.request({ method: 'GET', path });
      await body.dump();
      if (statusCode !== 200) return false;
    }
    return true;
  } finally {
    await pool.close();
  }
}`,
  },
  {
    name: 'using style: two resources in one block, in one pass',
    options: [{ fixStyle: 'using' }],
    code: `import { open } from 'node:fs/promises';
export async function copy(from: string, to: string): Promise<void> {
  const source = await open(from);
  const target = await open(to, 'w');
  const data = await source.readFile();
  await target.write(data);
}`,
    errors: [
      { messageId: 'leak', line: 3, column: 24 },
      { messageId: 'leak', line: 4, column: 24 },
    ],
    output: `import { open } from 'node:fs/promises';
export async function copy(from: string, to: string): Promise<void> {
  await using source = await open(from);
  await using target = await open(to, 'w');
  const data = await source.readFile();
  await target.write(data);
}`,
  },
  {
    name: 'using style: comments stay where they are',
    options: [{ fixStyle: 'using' }],
    code: `import { open } from 'node:fs/promises';
export async function report(path: string, rows: string[]): Promise<void> {
  // one file per report
  const handle = await open(path, 'w'); // truncates
  /* then the rows */
  for (const row of rows) await handle.write(row);
}`,
    errors: [{ messageId: 'leak', line: 4, column: 24 }],
    output: `import { open } from 'node:fs/promises';
export async function report(path: string, rows: string[]): Promise<void> {
  // one file per report
  await using handle = await open(path, 'w'); // truncates
  /* then the rows */
  for (const row of rows) await handle.write(row);
}`,
  },
  {
    name: 'review: a socket whose data listener keeps working after the return gets no edit',
    code: `import * as net from 'node:net';
export function watch(port: number, onData: (chunk: Buffer) => void): boolean {
  const socket = net.connect(port);
  socket.on('data', onData);
  return true;
}`,
    errors: [{ messageId: 'leak', line: 3, column: 18 }],
    output: null,
  },
  {
    name: 'review: a worker is never terminated by a fix (it would abort its work)',
    code: `import { Worker } from 'node:worker_threads';
export function compute(file: string, onResult: (v: unknown) => void): Worker | null {
  const worker = new Worker(file);
  worker.on('message', onResult);
  worker.postMessage('start');
  return null;
}`,
    errors: [{ messageId: 'leak', line: 3, column: 18 }],
    output: null,
  },
  {
    name: 'review: an agent lent to a request still in flight is not destroyed after an unrelated await: suggestion only',
    code: `import * as https from 'node:https';
import { once } from 'node:events';
export async function post(host: string, body: string, onStatus: (code: number) => void): Promise<void> {
  const agent = new https.Agent({ keepAlive: true });
  const req = https.request({ host, method: 'POST', agent }, (res) => {
    onStatus(res.statusCode ?? 0);
    res.resume();
  });
  req.end(body);
  await once(req, 'finish');
}`,
    errors: [{
      messageId: 'leakPooling',
      line: 4,
      column: 17,
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import * as https from 'node:https';
import { once } from 'node:events';
export async function post(host: string, body: string, onStatus: (code: number) => void): Promise<void> {
  const agent = new https.Agent({ keepAlive: true });
  try {
    const req = https.request({ host, method: 'POST', agent }, (res) => {
      onStatus(res.statusCode ?? 0);
      res.resume();
    });
    req.end(body);
    await once(req, 'finish');
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
    name: 'review: a WebSocket is not closed before the code waited for it (closing while connecting emits an error): suggestion only',
    code: `import WebSocket from 'ws';
import { once } from 'node:events';
export async function send(url: string, msg: string): Promise<boolean> {
  const ws = new WebSocket(url);
  if (!msg) return false;
  await once(ws, 'open');
  ws.send(msg);
  ws.close();
  return true;
}`,
    errors: [{
      messageId: 'leak',
      line: 4,
      column: 14,
      suggestions: [
        {
          messageId: 'suggestRelease',
          output: `import WebSocket from 'ws';
import { once } from 'node:events';
export async function send(url: string, msg: string): Promise<boolean> {
  const ws = new WebSocket(url);
  if (!msg) {
    ws.close();
    return false;
  }
  await once(ws, 'open');
  ws.send(msg);
  ws.close();
  return true;
}`,
        },
        {
          messageId: 'suggestFinally',
          output: `import WebSocket from 'ws';
import { once } from 'node:events';
export async function send(url: string, msg: string): Promise<boolean> {
  const ws = new WebSocket(url);
  try {
    if (!msg) return false;
    await once(ws, 'open');
    ws.send(msg);
    return true;
  } finally {
    ws.close();
  }
}`,
        },
      ],
    }],
    output: null,
  },
  {
    name: 'review: a Disposable subscription given a handler is not disposed at the end of a block that never waits: suggestion only',
    code: `interface Bus {
  subscribe(topic: string, handler: (msg: string) => void): Disposable;
}
export function follow(bus: Bus, onMessage: (msg: string) => void): void {
  const subscription = bus.subscribe('news', onMessage);
  console.log('following', subscription);
}`,
    errors: [{
      messageId: 'leak',
      line: 5,
      column: 24,
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `interface Bus {
  subscribe(topic: string, handler: (msg: string) => void): Disposable;
}
export function follow(bus: Bus, onMessage: (msg: string) => void): void {
  const subscription = bus.subscribe('news', onMessage);
  try {
    console.log('following', subscription);
  } finally {
    subscription[Symbol.dispose]();
  }
}`,
        },
      ],
    }],
    output: null,
  },
  {
    name: 'review: a variable that may hold the client of the caller (`shared ?? new Client()`) gets no edit',
    code: `import { Client } from 'undici';
export async function info(shared: Client | undefined, url: string): Promise<number> {
  const client = shared ?? new Client(url);
  const { statusCode, body } = await client.request({ method: 'GET', path: '/info' });
  await body.dump();
  return statusCode;
}`,
    errors: [{ messageId: 'leakPooling', line: 3, column: 28 }],
    output: null,
  },
  {
    name: 'review: no release at an exit where an inner declaration shadows the name of the holder',
    code: `import * as net from 'node:net';
export function relay(port: number, peers: net.Socket[]): boolean {
  const socket = net.connect(port);
  for (const peer of peers) {
    const socket = peer;
    if (socket.remotePort === 0) return false;
  }
  socket.end();
  return true;
}`,
    errors: [{
      messageId: 'leak',
      line: 3,
      column: 18,
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import * as net from 'node:net';
export function relay(port: number, peers: net.Socket[]): boolean {
  const socket = net.connect(port);
  try {
    for (const peer of peers) {
      const socket = peer;
      if (socket.remotePort === 0) return false;
    }
    return true;
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
    name: 'review: an awaited conditional return is parenthesised, and a returned query result makes the edit a suggestion',
    code: `import pg from 'pg';
const pool = new pg.Pool();
export async function count(fast: boolean): Promise<pg.QueryResult> {
  const client = await pool.connect();
  await client.query('select 1');
  return fast ? client.query('select 2') : client.query('select 3');
}`,
    errors: [{
      messageId: 'leak',
      line: 4,
      column: 24,
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import pg from 'pg';
const pool = new pg.Pool();
export async function count(fast: boolean): Promise<pg.QueryResult> {
  const client = await pool.connect();
  try {
    await client.query('select 1');
    return await (fast ? client.query('select 2') : client.query('select 3'));
  } finally {
    client.release();
  }
}`,
        },
      ],
    }],
    output: null,
  },
  {
    name: 'review: a returned stream that still needs the file handle makes the edit a suggestion',
    code: `import { open } from 'node:fs/promises';
import type { ReadStream } from 'node:fs';
export async function stream(path: string): Promise<ReadStream> {
  const handle = await open(path, 'r');
  await handle.stat();
  return handle.createReadStream();
}`,
    errors: [{
      messageId: 'leak',
      line: 4,
      column: 24,
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import { open } from 'node:fs/promises';
import type { ReadStream } from 'node:fs';
export async function stream(path: string): Promise<ReadStream> {
  const handle = await open(path, 'r');
  try {
    await handle.stat();
    return handle.createReadStream();
  } finally {
    await handle.close();
  }
}`,
        },
      ],
    }],
    output: null,
  },
  {
    name: 'review: a release followed by more work is not moved into a finally (it would run later than before)',
    options: [{ checkExceptionPaths: true }],
    code: `import { open, rename } from 'node:fs/promises';
export async function save(tmp: string, dest: string, data: string): Promise<void> {
  const handle = await open(tmp, 'w');
  await handle.writeFile(data);
  await handle.close();
  await rename(tmp, dest);
}`,
    errors: [{ messageId: 'exception', line: 3, column: 24 }],
    output: null,
  },
  {
    name: 'second review: a response returned from the client is still read by the caller: suggestion only',
    code: `import { Client } from 'undici';
export async function getRaw(origin: string, path: string) {
  const client = new Client(origin);
  const res = await client.request({ method: 'GET', path });
  return res;
}`,
    errors: [{
      messageId: 'leakPooling',
      line: 3,
      column: 18,
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import { Client } from 'undici';
export async function getRaw(origin: string, path: string) {
  const client = new Client(origin);
  try {
    const res = await client.request({ method: 'GET', path });
    return res;
  } finally {
    await client.close();
  }
}`,
        },
      ],
    }],
    output: null,
  },
  {
    name: 'second review: a response fetched through the agent and returned: suggestion only',
    code: `import { Agent, fetch } from 'undici';
export async function insecureGet(url: string) {
  const agent = new Agent({ connect: { rejectUnauthorized: false } });
  const res = await fetch(url, { dispatcher: agent });
  return res;
}`,
    errors: [{
      messageId: 'leakPooling',
      line: 3,
      column: 17,
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import { Agent, fetch } from 'undici';
export async function insecureGet(url: string) {
  const agent = new Agent({ connect: { rejectUnauthorized: false } });
  try {
    const res = await fetch(url, { dispatcher: agent });
    return res;
  } finally {
    await agent.close();
  }
}`,
        },
      ],
    }],
    output: null,
  },
  {
    name: 'second review: a stream created from the handle and piped on without waiting: suggestion only',
    code: `import { open } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
export async function serveFile(res: ServerResponse, path: string): Promise<void> {
  const handle = await open(path);
  const { size } = await handle.stat();
  res.writeHead(200, { 'content-length': size });
  handle.createReadStream().pipe(res);
}`,
    errors: [{
      messageId: 'leak',
      line: 4,
      column: 24,
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import { open } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
export async function serveFile(res: ServerResponse, path: string): Promise<void> {
  const handle = await open(path);
  try {
    const { size } = await handle.stat();
    res.writeHead(200, { 'content-length': size });
    handle.createReadStream().pipe(res);
  } finally {
    await handle.close();
  }
}`,
        },
      ],
    }, {
      // The stream itself is only piped: it stays open when `res` fails first (no-leaked-resource.pipes.test.ts).
      messageId: 'leak',
      line: 7,
      column: 3,
    }],
    output: null,
  },
  {
    name: 'second review: a web stream from the handle handed to a returned Response: suggestion only',
    code: `import { open } from 'node:fs/promises';
export async function fileBody(path: string): Promise<Response> {
  const handle = await open(path);
  const { size } = await handle.stat();
  const stream = handle.readableWebStream() as ReadableStream;
  return new Response(stream, { headers: { 'content-length': String(size) } });
}`,
    errors: [{
      messageId: 'leak',
      line: 3,
      column: 24,
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import { open } from 'node:fs/promises';
export async function fileBody(path: string): Promise<Response> {
  const handle = await open(path);
  try {
    const { size } = await handle.stat();
    const stream = handle.readableWebStream() as ReadableStream;
    return new Response(stream, { headers: { 'content-length': String(size) } });
  } finally {
    await handle.close();
  }
}`,
        },
      ],
    }],
    output: null,
  },
  {
    name: 'second review: handlers assigned as properties (ws.onmessage) are listeners: suggestion only',
    code: `import WebSocket from 'ws';
import { once } from 'node:events';
export async function subscribe(url: string, onPrice: (data: string) => void): Promise<void> {
  const ws = new WebSocket(url);
  ws.onmessage = (event) => onPrice(String(event.data));
  await once(ws, 'open');
  ws.send('subscribe prices');
}`,
    errors: [{
      messageId: 'leak',
      line: 4,
      column: 14,
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import WebSocket from 'ws';
import { once } from 'node:events';
export async function subscribe(url: string, onPrice: (data: string) => void): Promise<void> {
  const ws = new WebSocket(url);
  try {
    ws.onmessage = (event) => onPrice(String(event.data));
    await once(ws, 'open');
    ws.send('subscribe prices');
  } finally {
    ws.close();
  }
}`,
        },
      ],
    }],
    output: null,
  },
  {
    name: 'second review: a wait inside a branch that may not run does not count as waiting for the WebSocket',
    code: `import WebSocket from 'ws';
import { once } from 'node:events';
export async function announce(url: string, message: string | undefined): Promise<void> {
  const ws = new WebSocket(url);
  if (message) {
    await once(ws, 'open');
    ws.send(message);
  }
}`,
    errors: [{
      messageId: 'leak',
      line: 4,
      column: 14,
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import WebSocket from 'ws';
import { once } from 'node:events';
export async function announce(url: string, message: string | undefined): Promise<void> {
  const ws = new WebSocket(url);
  try {
    if (message) {
      await once(ws, 'open');
      ws.send(message);
    }
  } finally {
    ws.close();
  }
}`,
        },
      ],
    }],
    output: null,
  },
  {
    name: 'second review: a handler in an options object is a callback: the subscription is not disposed by a fix',
    code: `interface Bus {
  subscribe(options: { topic: string; onMessage: (msg: string) => void }): Disposable;
}
export function follow(bus: Bus, onMessage: (msg: string) => void): void {
  const subscription = bus.subscribe({ topic: 'news', onMessage });
  console.log('following news', subscription);
}`,
    errors: [{
      messageId: 'leak',
      line: 5,
      column: 24,
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `interface Bus {
  subscribe(options: { topic: string; onMessage: (msg: string) => void }): Disposable;
}
export function follow(bus: Bus, onMessage: (msg: string) => void): void {
  const subscription = bus.subscribe({ topic: 'news', onMessage });
  try {
    console.log('following news', subscription);
  } finally {
    subscription[Symbol.dispose]();
  }
}`,
        },
      ],
    }],
    output: null,
  },
  {
    name: 'second review: a wait before callback-style work starts does not count: suggestion only',
    code: `import pg from 'pg';
export async function logEvent(config: pg.ClientConfig, event: string): Promise<void> {
  const client = new pg.Client(config);
  await client.connect();
  client.query('INSERT INTO events(name) VALUES ($1)', [event], (err) => {
    if (err) console.error(err);
  });
}`,
    errors: [{
      messageId: 'leakPooling',
      line: 3,
      column: 18,
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import pg from 'pg';
export async function logEvent(config: pg.ClientConfig, event: string): Promise<void> {
  const client = new pg.Client(config);
  try {
    await client.connect();
    client.query('INSERT INTO events(name) VALUES ($1)', [event], (err) => {
      if (err) console.error(err);
    });
  } finally {
    await client.end();
  }
}`,
        },
      ],
    }],
    output: null,
  },
  {
    name: 'second review: a holder named with $$ is written as it is',
    code: `import * as net from 'node:net';
export async function ping(port: number, ready: Promise<void>): Promise<void> {
  const $$sock = net.connect(port);
  await ready;
  $$sock.write('ping');
}`,
    errors: [{ messageId: 'leak', line: 3, column: 18 }],
    output: `import * as net from 'node:net';
export async function ping(port: number, ready: Promise<void>): Promise<void> {
  const $$sock = net.connect(port);
  try {
    await ready;
    $$sock.write('ping');
  } finally {
    $$sock.end();
  }
}`,
  },
  {
    name: 'second review: a request raced against a timeout is still in flight: suggestions only',
    code: `import { Client } from 'undici';
const timeout = (ms: number) => new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms));
export async function probe(origin: string): Promise<number> {
  const client = new Client(origin);
  const res = await Promise.race([client.request({ method: 'GET', path: '/health' }), timeout(1000)]);
  await res.body.dump();
  return res.statusCode;
}`,
    errors: [{
      messageId: 'leakPooling',
      line: 4,
      column: 18,
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import { Client } from 'undici';
const timeout = (ms: number) => new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms));
export async function probe(origin: string): Promise<number> {
  const client = new Client(origin);
  try {
    const res = await Promise.race([client.request({ method: 'GET', path: '/health' }), timeout(1000)]);
    await res.body.dump();
    return res.statusCode;
  } finally {
    await client.close();
  }
}`,
        },
        {
          messageId: 'suggestRelease',
          output: `import { Client } from 'undici';
const timeout = (ms: number) => new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms));
export async function probe(origin: string): Promise<number> {
  const client = new Client(origin);
  const res = await Promise.race([client.request({ method: 'GET', path: '/health' }), timeout(1000)]);
  await res.body.dump();
  await client.close();
  return res.statusCode;
}`,
        },
      ],
    }],
    output: null,
  },
  {
    name: 'second review: a datagram socket is not closed before the code waited for it',
    code: `import * as dgram from 'node:dgram';
export async function notify(port: number, message: string, log: (m: string) => Promise<void>): Promise<void> {
  const socket = dgram.createSocket('udp4');
  socket.send(message, port, 'localhost');
  await log('sent');
}`,
    errors: [{
      messageId: 'leak',
      line: 3,
      column: 18,
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import * as dgram from 'node:dgram';
export async function notify(port: number, message: string, log: (m: string) => Promise<void>): Promise<void> {
  const socket = dgram.createSocket('udp4');
  try {
    socket.send(message, port, 'localhost');
    await log('sent');
  } finally {
    socket.close();
  }
}`,
        },
      ],
    }],
    output: null,
  },
  {
    name: 'second review: no await is added to a return inside an existing try/catch',
    code: `import { open } from 'node:fs/promises';
export async function exportTo(path: string, rows: string[], upload: (p: string) => Promise<void>): Promise<void> {
  const handle = await open(path, 'w');
  await handle.writeFile(rows.join('\\n'));
  try {
    return upload(path);
  } catch (error) {
    console.error('could not start the upload', error);
  }
}`,
    errors: [{
      messageId: 'leak',
      line: 3,
      column: 24,
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import { open } from 'node:fs/promises';
export async function exportTo(path: string, rows: string[], upload: (p: string) => Promise<void>): Promise<void> {
  const handle = await open(path, 'w');
  try {
    await handle.writeFile(rows.join('\\n'));
    try {
      return await upload(path);
    } catch (error) {
      console.error('could not start the upload', error);
    }
  } finally {
    await handle.close();
  }
}`,
        },
      ],
    }],
    output: null,
  },
  {
    name: 'second review: an existing fire-and-forget close is not turned into an awaited one',
    options: [{ checkExceptionPaths: true }],
    code: `import { Client } from 'undici';
export async function warm(origin: string, paths: string[]): Promise<void> {
  const client = new Client(origin);
  await client.request({ method: 'HEAD', path: '/' }).then((r) => r.body.dump());
  for (const path of paths) client.request({ method: 'GET', path }).then((r) => r.body.dump(), () => undefined);
  void client.close();
}`,
    errors: [{ messageId: 'exception', line: 3, column: 18 }],
    output: null,
  },
  {
    name: 'second review: the fix release must exist on the declared type (Readable has no end())',
    // (Not a `for await` over it: leaving that loop early destroys the socket.)
    code: `import * as net from 'node:net';
import { once } from 'node:events';
import type { Readable } from 'node:stream';
export async function firstChunk(port: number): Promise<Buffer | undefined> {
  const input: Readable = net.connect(port);
  const [chunk] = await once(input, 'data');
  return chunk as Buffer | undefined;
}`,
    errors: [{ messageId: 'leak', line: 5, column: 27 }],
    output: `import * as net from 'node:net';
import { once } from 'node:events';
import type { Readable } from 'node:stream';
export async function firstChunk(port: number): Promise<Buffer | undefined> {
  const input: Readable = net.connect(port);
  try {
    const [chunk] = await once(input, 'data');
    return chunk as Buffer | undefined;
  } finally {
    input.destroy();
  }
}`,
  },
];

export const timerInvalid: InvalidTestCase<TimerMessageIds, TimerOptions>[] = [
  {
    name: 'an interval is only ever suggested to be cleared (it may be meant to outlive the function): `using` is suggested where valid',
    filename: EMIT,
    code: `export async function poll(work: () => Promise<void>): Promise<void> {
  const ticker = setInterval(() => console.log('still working'), 1000);
  await work();
}`,
    errors: [{
      messageId: 'leak',
      line: 2,
      column: 18,
      suggestions: [
        {
          messageId: 'suggestUsing',
          output: `export async function poll(work: () => Promise<void>): Promise<void> {
  using ticker = setInterval(() => console.log('still working'), 1000);
  await work();
}`,
        },
        {
          messageId: 'suggestFinally',
          output: `export async function poll(work: () => Promise<void>): Promise<void> {
  const ticker = setInterval(() => console.log('still working'), 1000);
  try {
    await work();
  } finally {
    clearInterval(ticker);
  }
}`,
        },
      ],
    }],
    output: null,
  },
  {
    name: 'nodeVersion: timers have [Symbol.dispose] from Node.js 20.5 on: for 20.4 only try/finally is suggested',
    filename: EMIT,
    options: [{ nodeVersion: '20.4.0' }],
    code: `export async function poll(work: () => Promise<void>): Promise<void> {
  const ticker = setInterval(() => console.log('still working'), 1000);
  await work();
}`,
    errors: [{
      messageId: 'leak',
      line: 2,
      column: 18,
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `export async function poll(work: () => Promise<void>): Promise<void> {
  const ticker = setInterval(() => console.log('still working'), 1000);
  try {
    await work();
  } finally {
    clearInterval(ticker);
  }
}`,
        },
      ],
    }],
    output: null,
  },
  {
    name: 'no edit: an interval in a function that never waits runs after it returns',
    code: `export function start(): void {
  const ticker = setInterval(() => console.log('tick'), 1000);
  if (Math.random() > 2) ticker.unref();
}`,
    errors: [{ messageId: 'leak', line: 2, column: 18 }],
    output: null,
  },
  {
    name: 'release at the exit: a timeout cleared on one path only is cleared before the early return too',
    code: `export async function withDeadline(work: () => Promise<string>, quick: boolean): Promise<string> {
  const deadline = setTimeout(() => console.log('slow'), 5000);
  if (quick) return 'skipped';
  const result = await work();
  clearTimeout(deadline);
  return result;
}`,
    errors: [{ messageId: 'leak', line: 2, column: 20 }],
    output: `export async function withDeadline(work: () => Promise<string>, quick: boolean): Promise<string> {
  const deadline = setTimeout(() => console.log('slow'), 5000);
  if (quick) {
    clearTimeout(deadline);
    return 'skipped';
  }
  const result = await work();
  clearTimeout(deadline);
  return result;
}`,
  },
  {
    name: 'review: an interval started by a function that never waits is not cleared at its `return`',
    code: `export function startPolling(poll: () => void, log: (m: string) => void): void {
  const timer = setInterval(poll, 1000);
  log('polling started');
  return;
}`,
    errors: [{ messageId: 'leak', line: 2, column: 17 }],
    output: null,
  },
  {
    name: 'second review: a timeout guarding the call the return starts is not cleared before it',
    code: `export async function fetchWithTimeout(url: string, raw: boolean, ms: number): Promise<unknown> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  if (raw) return fetch(url, { signal: controller.signal });
  const res = await fetch(url, { signal: controller.signal });
  clearTimeout(timer);
  return res.json();
}`,
    errors: [{ messageId: 'leak', line: 3, column: 17 }],
    output: null,
  },
];

ruleTester.run('no-leaked-resource (fixes)', rule, { valid: valid.map(inTs), invalid: invalid.map(inTs) });
ruleTester.run('no-leaked-timer (fixes)', timerRule, { valid: [], invalid: timerInvalid.map(inTs) });
