// Fixes of different rules in one function (a timeout, a client, a response body) do not overlap or fight (`eslint --fix` applies them over several passes,
// converges, and its output type-checks and reports nothing), and edits keep the file's line breaks.
import * as path from 'node:path';
import type { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { fixtureLinter } from '../fixture-linter.js';
import { fixturesDir } from '../rule-tester.js';
import { typeErrorsIntroduced } from '../typecheck.js';

const eslint = fixtureLinter({ 'no-leaked-resource': [], 'no-leaked-timer': [], 'no-unconsumed-body': [] }, { fix: true });

const lintFixed = async (code: string): Promise<ESLint.LintResult> =>
  (await eslint.lintText(code, { filePath: path.join(fixturesDir, 'file.ts') }))[0]!;

const code = `import { Client } from 'undici';
export async function sync(origin: string, feed: string): Promise<number> {
  const slow = setTimeout(() => console.warn('sync is slow'), 30_000);
  const client = new Client(origin);
  const res = await fetch(feed);
  if (!res.ok) return 0;
  const items = (await res.json()) as string[];
  for (const item of items) {
    const { body } = await client.request({ method: 'PUT', path: \`/items/\${item}\` });
    await body.dump();
  }
  clearTimeout(slow);
  return items.length;
}
`;

const fixed = `import { Client } from 'undici';
export async function sync(origin: string, feed: string): Promise<number> {
  const slow = setTimeout(() => console.warn('sync is slow'), 30_000);
  const client = new Client(origin);
  try {
    const res = await fetch(feed);
    if (!res.ok) {
      clearTimeout(slow);
      await res.body?.cancel();
      return 0;
    }
    const items = (await res.json()) as string[];
    for (const item of items) {
      const { body } = await client.request({ method: 'PUT', path: \`/items/\${item}\` });
      await body.dump();
    }
    clearTimeout(slow);
    return items.length;
  } finally {
    await client.close();
  }
}
`;

describe('fixes of several rules in one function', () => {
  it('converge: a try/finally for the client, and a clear and a cancel before the early return, with nothing left to report', async () => {
    const result = await lintFixed(code);
    expect(result.output).toBe(fixed);
    expect(result.messages).toEqual([]);
  });

  it('type-check', () => {
    expect(typeErrorsIntroduced(code, fixed)).toEqual([]);
  });

  it('are idempotent: fixing the output again changes nothing', async () => {
    const again = await lintFixed(fixed);
    expect(again.output).toBeUndefined();
    expect(again.messages).toEqual([]);
  });
});

describe('line breaks', () => {
  const crlf = (text: string): string => text.replace(/\n/g, '\r\n');

  it('keeps CRLF in a CRLF file, for the try/finally and for a release at an exit, and opens no try with a blank line', async () => {
    const source = crlf(`import * as net from 'node:net';
import { open } from 'node:fs/promises';
export async function size(path: string): Promise<number> {
  const handle = await open(path, 'r');

  const stats = await handle.stat();
  return stats.size;
}
export function greet(port: number, name: string): boolean {
  const socket = net.connect(port);
  if (!name)
    return false;
  socket.end(name);
  return true;
}
`);
    const result = await lintFixed(source);
    expect(result.output).toBe(
      crlf(`import * as net from 'node:net';
import { open } from 'node:fs/promises';
export async function size(path: string): Promise<number> {
  const handle = await open(path, 'r');
  try {
    const stats = await handle.stat();
    return stats.size;
  } finally {
    await handle.close();
  }
}
export function greet(port: number, name: string): boolean {
  const socket = net.connect(port);
  if (!name) {
    socket.end();
    return false;
  }
  socket.end(name);
  return true;
}
`),
    );
    expect(result.messages).toEqual([]);
  });
});
