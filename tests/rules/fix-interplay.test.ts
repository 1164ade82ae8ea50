// Fixes of different rules in one function (an interval, a client, a response body) do not overlap or fight:
// `eslint --fix` applies them over several passes, converges, and its output type-checks and reports nothing.
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
  const progress = setInterval(() => console.log('syncing…'), 5_000);
  const client = new Client(origin);
  const res = await fetch(feed);
  if (!res.ok) return 0;
  const items = (await res.json()) as string[];
  for (const item of items) {
    const { body } = await client.request({ method: 'PUT', path: \`/items/\${item}\` });
    await body.dump();
  }
  return items.length;
}
`;

const fixed = `import { Client } from 'undici';
export async function sync(origin: string, feed: string): Promise<number> {
  const progress = setInterval(() => console.log('syncing…'), 5_000);
  try {
    const client = new Client(origin);
    try {
      const res = await fetch(feed);
      if (!res.ok) { await res.body?.cancel(); return 0; }
      const items = (await res.json()) as string[];
      for (const item of items) {
        const { body } = await client.request({ method: 'PUT', path: \`/items/\${item}\` });
        await body.dump();
      }
      return items.length;
    } finally {
      await client.close();
    }
  } finally {
    clearInterval(progress);
  }
}
`;

describe('fixes of several rules in one function', () => {
  it('converge to nested try/finally blocks and a cancel before the early return, with nothing left to report', async () => {
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
