// Fixes must never make things worse: the reduced shapes of edits that released a resource twice or made a function
// throw on real code. Each expects no edit, or one that releases only where nothing else does. The outputs are also
// type-checked and re-linted by local-fix-safety.test.ts, and the executable ones run by fix-execution.test.ts.
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import noLeakedResource, { type MessageIds, type Options } from '../../rules/no-leaked-resource.js';
import noUnconsumedBody, { type MessageIds as BodyMessageIds, type Options as BodyOptions } from '../../rules/no-unconsumed-body.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

const inTs = <T extends { filename?: string }>(test: T): T => ({ filename: 'file.ts', ...test });

/** TypeORM's QueryRunner: Disposable, released with its own release(), which some drivers do not allow twice. */
const RUNNER = `declare class QueryRunner implements AsyncDisposable {
  getVersion(): Promise<string>;
  release(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}
declare const dataSource: { createQueryRunner(): QueryRunner };`;

const DISPOSABLE = { resource: 'Disposable', released: 'disposed', advice: 'Declare it with `using` (or `await using`), or dispose it on every path.' };

export const valid: ValidTestCase<Options>[] = [
  {
    name: 'A Proxy of a socket that the enclosing finally destroys is the same socket: nothing to add (a traced client)',
    options: [{ checkExceptionPaths: true }],
    code: `import * as net from 'node:net';
export async function run(port: number, work: (s: net.Socket) => Promise<void>): Promise<void> {
  const socket = net.connect(port);
  try {
    const traced = new Proxy(socket, {
      get(target, key, receiver) {
        console.log('get', String(key));
        return Reflect.get(target, key, receiver);
      },
    });
    await work(traced);
  } finally {
    socket.destroy();
  }
}`,
  },
  {
    name: 'A process-lifetime WebSocketServer set up behind an HTTP server that listens: no report, so no try/finally that closes it at once',
    options: [{ checkExceptionPaths: true }],
    code: `import * as http from 'node:http';
import { WebSocketServer } from 'ws';
export function start(port: number): void {
  const server = http.createServer();
  const wss = new WebSocketServer({ noServer: true });
  wss.on('connection', (ws) => ws.send('hello'));
  server.on('upgrade', (req, socket, head) => {
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  server.listen(port);
}`,
  },
];

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: 'A runner released explicitly on the main path: the fix releases at the early returns only, never a second time',
    code: `${RUNNER}
export async function version(cached: string | undefined, legacy: boolean): Promise<string> {
  const queryRunner = dataSource.createQueryRunner();
  if (cached) return cached;
  const v = await queryRunner.getVersion();
  if (legacy) return v.split('-')[0];
  await queryRunner.release();
  return v;
}`,
    output: `${RUNNER}
export async function version(cached: string | undefined, legacy: boolean): Promise<string> {
  const queryRunner = dataSource.createQueryRunner();
  if (cached) {
    await queryRunner[Symbol.asyncDispose]();
    return cached;
  }
  const v = await queryRunner.getVersion();
  if (legacy) {
    await queryRunner[Symbol.asyncDispose]();
    return v.split('-')[0];
  }
  await queryRunner.release();
  return v;
}`,
    errors: [
      {
        messageId: 'leak',
        line: 8,
        column: 23,
        data: { name: 'queryRunner', ...DISPOSABLE, path: 'when `version()` returns at line 9' },
      },
    ],
  },
];

const BODY = {
  resource: 'fetch response',
  released: 'read or cancelled',
  consequence: 'its connection stays busy until the garbage collector gets to it',
  advice: 'Read it (`await res.json()`, `res.text()`, …) or cancel it (`await res.body?.cancel()`) on every path.',
};

export const bodyValid: ValidTestCase<BodyOptions>[] = [
  {
    name: 'A body uploaded as the body of another request: fetch reads it (its options type asks for a stream there)',
    code: `export async function mirror(src: string, dst: string): Promise<number> {
  const res = await fetch(src);
  const out = await fetch(dst, { method: 'POST', body: res.body, duplex: 'half' } as RequestInit);
  await out.body?.cancel();
  return out.status;
}`,
  },
  {
    name: 'A body handed on inside an object literal to a function of the program that reads it',
    code: `async function consume(options: { from: ReadableStream<Uint8Array> }): Promise<number> {
  const reader = options.from.getReader();
  let size = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) size += chunk.value.length;
  return size;
}
export async function size(url: string): Promise<number> {
  const res = await fetch(url);
  return await consume({ from: res.body! });
}`,
  },
];

export const bodyInvalid: InvalidTestCase<BodyMessageIds, BodyOptions>[] = [
  {
    name: 'A body put in an options object that is then passed on: still reported, but no edit (the stream may be locked)',
    code: `type Options = { from: ReadableStream<Uint8Array> | null };
declare function sink(options: Options): Promise<number>;
export async function send(url: string, skip: boolean): Promise<number> {
  const res = await fetch(url);
  const options = { from: res.body };
  const n = await sink(options);
  if (skip) return 0;
  return n;
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 4, column: 21, data: { name: 'res', ...BODY, path: 'when `send()` returns at line 7' } }],
  },
  {
    name: 'A body a function of the program takes a reader of: no cancel after it (the stream is locked to that reader)',
    code: `async function firstChunk(options: { from: ReadableStream<Uint8Array> | null }): Promise<number> {
  if (!options.from) return 0;
  const reader = options.from.getReader();
  const chunk = await reader.read();
  return chunk.value?.length ?? 0;
}
export async function peek(url: string, skip: boolean): Promise<number> {
  const res = await fetch(url);
  const n = await firstChunk({ from: res.body });
  if (skip) return 0;
  return n;
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 8, column: 21, data: { name: 'res', ...BODY, path: 'when `peek()` returns at line 10' } }],
  },
  {
    name: 'A body only logged: logging neither reads nor locks it, so the fix still cancels it',
    code: `export async function status(url: string): Promise<number> {
  const res = await fetch(url);
  console.log({ body: res.body });
  return res.status;
}`,
    output: `export async function status(url: string): Promise<number> {
  const res = await fetch(url);
  console.log({ body: res.body });
  await res.body?.cancel();
  return res.status;
}`,
    errors: [{ messageId: 'leak', line: 2, column: 21, data: { name: 'res', ...BODY, path: 'when `status()` returns at line 4' } }],
  },
  {
    name: 'A body handed on inside an object literal to a consumer: the fix cancels it only where it is not handed on (cancelling a locked stream throws)',
    code: `declare function consume(options: { from: ReadableStream<Uint8Array> }): Promise<string>;
export async function download(url: string): Promise<string | undefined> {
  const res = await fetch(url);
  if (!res.ok) return undefined;
  const text = await consume({ from: res.body! });
  return text;
}`,
    output: `declare function consume(options: { from: ReadableStream<Uint8Array> }): Promise<string>;
export async function download(url: string): Promise<string | undefined> {
  const res = await fetch(url);
  if (!res.ok) {
    await res.body?.cancel();
    return undefined;
  }
  const text = await consume({ from: res.body! });
  return text;
}`,
    errors: [{ messageId: 'leak', line: 3, column: 21, data: { name: 'res', ...BODY, path: 'when `download()` returns at line 4' } }],
  },
  {
    name: 'A function of the program that only looks at the property leaves the body to the caller',
    code: `function isLocked(options: { from: ReadableStream<Uint8Array> }): boolean {
  return options.from.locked;
}
export async function check(url: string): Promise<boolean> {
  const res = await fetch(url);
  return isLocked({ from: res.body! });
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 5, column: 21, data: { name: 'res', ...BODY, path: 'when `check()` returns at line 6' } }],
  },
];

ruleTester.run('no-leaked-resource: fixes never release twice (fix safety)', noLeakedResource, { valid: valid.map(inTs), invalid: invalid.map(inTs) });
ruleTester.run('no-unconsumed-body: fixes never cancel a body that was handed on (fix safety)', noUnconsumedBody, {
  valid: bodyValid.map(inTs),
  invalid: bodyInvalid.map(inTs),
});
