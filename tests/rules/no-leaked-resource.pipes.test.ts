// Rule tests for `leaks/no-leaked-resource`: `src.pipe(dst)` releases the source and ends the destination on success
// only (ownership model §3). When the destination fails or closes first, the source stays open; when a source that fails
// by itself (a file, a socket, an HTTP message) fails, the destination is never ended. `pipeline()` destroys both.
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/no-leaked-resource.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

const inTs = <T extends { filename?: string }>(test: T): T => ({ filename: 'file.ts', ...test });

const ADVICE = 'Pass both streams to `pipeline()` from `node:stream`, which destroys every stream of the chain when one fails.';
const READ = { resource: 'fs.ReadStream', released: 'closed', advice: ADVICE };
const WRITE = { resource: 'fs.WriteStream', released: 'ended', advice: ADVICE };
const SOCKET = { resource: 'net.Socket', released: 'destroyed', advice: ADVICE };
const source = (other: string, line: number): string =>
  `if \`${other}\` fails or closes before it is read to its end (\`pipe()\` on line ${line} leaves its source open then)`;
const destination = (other: string, line: number): string =>
  `if \`${other}\` fails (\`pipe()\` on line ${line} ends its destination only when the source ends)`;

const valid: ValidTestCase<Options>[] = [
  {
    // pipeline() destroys every stream when one fails.
    code: `import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import type { ServerResponse } from 'node:http';
export function serve(file: string, res: ServerResponse): void {
  pipeline(createReadStream(file), res, () => {});
}`,
  },
  {
    code: `import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
export async function copy(from: string, to: string): Promise<void> {
  const input = createReadStream(from);
  const output = createWriteStream(to);
  await pipeline(input, output);
}`,
  },
  {
    // The source is destroyed when the destination closes: every outcome is covered.
    code: `import { createReadStream } from 'node:fs';
import type { ServerResponse } from 'node:http';
export function serve(file: string, res: ServerResponse): void {
  const stream = createReadStream(file);
  stream.pipe(res);
  res.on('close', () => stream.destroy());
}`,
  },
  {
    // A closure that destroys it, handed to a helper that runs it when the response finishes (on-finished).
    code: `import { createReadStream } from 'node:fs';
import type { ServerResponse } from 'node:http';
declare function onFinished(res: ServerResponse, listener: (error: Error | null) => void): void;
export function serve(file: string, res: ServerResponse): void {
  const stream = createReadStream(file);
  stream.pipe(res);
  onFinished(res, () => stream.destroy());
}`,
  },
  {
    // The destination is ended when the source fails.
    code: `import { createWriteStream } from 'node:fs';
import type { IncomingMessage } from 'node:http';
export function save(res: IncomingMessage, file: string): void {
  const out = createWriteStream(file);
  res.on('error', () => out.destroy());
  res.pipe(out);
}`,
  },
  {
    // A source the program feeds fails only when the program destroys it: piping it into a file ends the file.
    code: `import { createWriteStream } from 'node:fs';
import { PassThrough } from 'node:stream';
export function record(path: string): PassThrough {
  const recorder = new PassThrough();
  const out = createWriteStream(path);
  recorder.pipe(out);
  return recorder;
}`,
  },
  {
    // A file read into a cache the program holds: an in-memory sink fails only when the program destroys it.
    code: `import { createReadStream } from 'node:fs';
import { PassThrough } from 'node:stream';
export function preload(path: string): PassThrough {
  const cache = new PassThrough();
  createReadStream(path).pipe(cache);
  return cache;
}`,
  },
  {
    // The same into a sink whose type the checker does not know.
    code: `import { createReadStream } from 'node:fs';
declare const StreamCache: any;
export function preload(path: string): unknown {
  const cache = new StreamCache();
  createReadStream(path).pipe(cache);
  return cache;
}`,
  },
  {
    // The process's own stdout lives as long as the process: when it fails, the process is done with its output.
    code: `import { createReadStream } from 'node:fs';
export function cat(file: string): void {
  createReadStream(file).pipe(process.stdout);
}`,
  },
  {
    // One stream at both ends (an echo): no outcome of another stream.
    code: `import * as net from 'node:net';
export function echo(port: number): void {
  const socket = net.connect(port);
  socket.pipe(socket);
}`,
  },
  {
    // Plain streams hold no handle: piping one is no leak of the source.
    code: `import { PassThrough } from 'node:stream';
import type { ServerResponse } from 'node:http';
export function relay(res: ServerResponse): PassThrough {
  const body = new PassThrough();
  body.pipe(res);
  return body;
}`,
  },
  {
    // A pipe on one branch, a release on the other, and the pipe's outcome covered by a 'close' listener.
    code: `import * as net from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
export function proxy(req: IncomingMessage, res: ServerResponse): void {
  const tunnel = net.connect(4000, 'downstream');
  if (!req.headers.host) {
    tunnel.destroy();
    res.writeHead(400).end();
    return;
  }
  res.on('close', () => tunnel.destroy());
  req.pipe(tunnel).pipe(res);
}`,
  },
];

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    // The first shape: the file stream is not destroyed when the response errors or the client goes away.
    code: `import { createReadStream } from 'node:fs';
import type { ServerResponse } from 'node:http';
export function serve(file: string, res: ServerResponse): void {
  createReadStream(file).pipe(res);
}`,
    errors: [{ messageId: 'leak', line: 4, column: 3, data: { name: 'createReadStream(…)', ...READ, path: source('res', 4) } }],
    output: null,
  },
  {
    // Both ends of a copy: the source when the destination fails, the destination when the source fails.
    code: `import * as fs from 'node:fs';
export function copy(from: string, to: string): void {
  const input = fs.createReadStream(from);
  const output = fs.createWriteStream(to);
  input.pipe(output);
}`,
    errors: [
      { messageId: 'leak', line: 3, column: 17, data: { name: 'input', ...READ, path: source('output', 5) } },
      { messageId: 'leak', line: 4, column: 18, data: { name: 'output', ...WRITE, path: destination('input', 5) } },
    ],
    output: null,
  },
  {
    // A download: the file is never ended when the response is cut off.
    code: `import { createWriteStream } from 'node:fs';
import type { IncomingMessage } from 'node:http';
export function save(res: IncomingMessage, file: string): void {
  res.pipe(createWriteStream(file));
}`,
    errors: [{ messageId: 'leak', line: 4, column: 12, data: { name: 'createWriteStream(…)', ...WRITE, path: destination('res', 4) } }],
    output: null,
  },
  {
    // A listener on the source that does not release it keeps the chain: the pipe still covers success only.
    code: `import { createReadStream } from 'node:fs';
import type { ServerResponse } from 'node:http';
export function serve(file: string, res: ServerResponse): void {
  const stream = createReadStream(file);
  stream.on('error', () => res.end()).pipe(res);
}`,
    errors: [{ messageId: 'leak', line: 4, column: 18, data: { name: 'stream', ...READ, path: source('res', 5) } }],
    output: null,
  },
  {
    // Through a transform: when the response fails, the gzip stream is unpiped and the file stays open.
    code: `import { createReadStream } from 'node:fs';
import { createGzip } from 'node:zlib';
import type { ServerResponse } from 'node:http';
export function serve(file: string, res: ServerResponse): void {
  createReadStream(file).pipe(createGzip()).pipe(res);
}`,
    // Named by the stream whose failure leaves it open, at the end of the chain.
    errors: [{ messageId: 'leak', line: 5, column: 3, data: { name: 'createReadStream(…)', ...READ, path: source('res', 5) } }],
    output: null,
  },
  {
    // Incident 4's tunnel, released on the bad-request path but only piped on the other: a client that goes away
    // leaves it open.
    code: `import * as net from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
export function proxy(req: IncomingMessage, res: ServerResponse): void {
  const tunnel = net.connect(4000, 'downstream');
  if (!req.headers.host) {
    tunnel.destroy();
    res.writeHead(400).end();
    return;
  }
  req.pipe(tunnel).pipe(res);
}`,
    errors: [{ messageId: 'leak', line: 4, column: 18, data: { name: 'tunnel', ...SOCKET, path: destination('req', 10) } }],
    output: null,
  },
  {
    // In a Promise executor: the destination's error rejects, the source stays open.
    code: `import { createReadStream, createWriteStream } from 'node:fs';
export function copy(from: string, to: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const input = createReadStream(from);
    const output = createWriteStream(to);
    output.on('finish', resolve);
    output.on('error', reject);
    input.pipe(output);
  });
}`,
    errors: [
      { messageId: 'leak', line: 4, column: 19, data: { name: 'input', ...READ, path: source('output', 8) } },
      { messageId: 'leak', line: 5, column: 20, data: { name: 'output', ...WRITE, path: destination('input', 8) } },
    ],
    output: null,
  },
  {
    // Its own 'error' listener covers its own failures: when the response fails, the source is unpiped, not errored.
    code: `import { createReadStream } from 'node:fs';
import type { ServerResponse } from 'node:http';
export function serve(file: string, res: ServerResponse): void {
  const stream = createReadStream(file);
  stream.pipe(res!);
  stream.on('error', () => stream.destroy());
}`,
    errors: [{ messageId: 'leak', line: 4, column: 18, data: { name: 'stream', ...READ, path: source('res', 5) } }],
    output: null,
  },
];

ruleTester.run('no-leaked-resource (pipes)', rule, { valid: valid.map(inTs), invalid: invalid.map(inTs) });
