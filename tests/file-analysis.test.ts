// One analysis per file: the rules of one lint run find the same file analysis, a new run (even of the same
// SourceCode object) gets a new one, and a rule's reports do not depend on which other rules share the analysis.
import * as path from 'node:path';
import { Linter, SourceCode } from 'eslint';
import { describe, expect, it } from 'vitest';
import { fileAnalysis } from '../lib/analysis/file-analysis.js';
import { fixtureLinter, type RuleId } from './fixture-linter.js';
import { fixturesDir } from './rule-tester.js';

describe('fileAnalysis', () => {
  it('is one object for every rule of a run, and a new one for each run of the same SourceCode', () => {
    const seen: { rule: string; analysis: object }[] = [];
    const probe = (rule: string) => ({
      create(context: never) {
        seen.push({ rule, analysis: fileAnalysis(context) });
        return {};
      },
    });
    const linter = new Linter({ configType: 'flat' });
    const config = [{ plugins: { probe: { rules: { a: probe('a'), b: probe('b') } } }, rules: { 'probe/a': 'error', 'probe/b': 'error' } }] as Linter.Config[];
    linter.verify('const x = 1;', config);
    const sourceCode = linter.getSourceCode();
    linter.verify(sourceCode as SourceCode, config);
    linter.verify(sourceCode as SourceCode, config);
    expect(seen.map((entry) => entry.rule)).toEqual(['a', 'b', 'a', 'b', 'a', 'b']);
    const [first, second, third] = [0, 2, 4].map((i) => seen[i]!.analysis);
    expect(seen[1]!.analysis).toBe(first);
    expect(seen[3]!.analysis).toBe(second);
    expect(seen[5]!.analysis).toBe(third);
    expect(new Set([first, second, third]).size).toBe(3);
  });

  it('a run that ended before traversing leaves nothing behind for the next run of the same SourceCode', async () => {
    const { default: tseslint } = await import('typescript-eslint');
    const { default: leaks } = await import('../lib/index.js');
    // The project service, as the rule tests use it: it types the text linted, not the file on disk (CI runs single-run).
    const languageOptions = { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: fixturesDir } };
    const failing = { rules: { fail: { create: () => { throw new Error('this rule cannot start'); } } } };
    const filename = path.join(fixturesDir, 'file.ts');
    const code = 'export function f(): void {\n  const t = setInterval(() => undefined, 10);\n  if (Math.random() > 0.5) return;\n  clearInterval(t);\n}\n';
    const linter = new Linter({ cwd: fixturesDir });
    const config = (rules: Linter.RulesRecord): Linter.Config[] => [
      { files: ['**/*.ts'], languageOptions, plugins: { leaks: leaks as never, x: failing as never }, rules } as Linter.Config,
    ];
    // The first run subscribes no-leaked-resource, then fails while creating the next rule: nothing is traversed.
    expect(() => linter.verify(code, config({ 'leaks/no-leaked-resource': 'error', 'x/fail': 'error' }), filename)).toThrow('this rule cannot start');
    const sourceCode = linter.getSourceCode() as SourceCode;
    const messages = linter.verify(sourceCode, config({ 'leaks/no-leaked-timer': 'error' }), filename);
    expect(messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.messageId}`)).toEqual(['2:13 leaks/no-leaked-timer leak']);
  });
});

const ALL_RULES: readonly RuleId[] = [
  'no-leaked-resource',
  'no-leaked-timer',
  'no-unconsumed-body',
  'no-unended-response',
  'no-hanging-socket',
  'no-unreleased-field',
  'no-leaked-listener',
];

/**
 * Code where several rules find something in the same functions: a response whose body is dropped, a client, an
 * interval, a request handler that forgets to respond, a listener on the process, a socket handler that returns early,
 * a class field — each rule's reports must be the same alone as with all the others sharing the recorded paths.
 */
const MIXED = `import * as http from 'node:http';
import * as net from 'node:net';
import { Client, request } from 'undici';

export async function poll(url: string, log: (s: string) => void): Promise<number> {
  const client = new Client(url);
  const timer = setInterval(() => log('waiting'), 1000);
  const res = await request(url);
  if (res.statusCode !== 200) return res.statusCode;
  const onExit = () => log('exit');
  process.on('exit', onExit);
  await res.body.dump();
  clearInterval(timer);
  return client.closed ? 0 : 1;
}

export function serve(port: number, find: (id: string) => string | undefined): http.Server {
  return http.createServer((req, res) => {
    const user = find(req.url ?? '');
    if (!user) return;
    res.end(user);
  }).listen(port);
}

export function tcp(port: number): net.Server {
  return net.createServer((socket) => {
    if (socket.remoteAddress === undefined) return;
    socket.on('data', (chunk) => socket.write(chunk));
  }).listen(port);
}

export class Poller {
  private ticker = setInterval(() => undefined, 500);
  close(): void {}
}
`;

describe('a rule reports the same alone and with every other rule sharing the file analysis', () => {
  const filePath = path.join(fixturesDir, 'file.ts');
  const lint = async (rules: readonly RuleId[]) => {
    const [result] = await fixtureLinter(Object.fromEntries(rules.map((rule) => [rule, []]))).lintText(MIXED, { filePath });
    expect(result!.messages.filter((message) => message.fatal)).toEqual([]);
    return result!.messages.map((m) => ({ rule: m.ruleId, messageId: m.messageId, line: m.line, column: m.column, message: m.message }));
  };

  it('with all seven rules on, each of them reports here', async () => {
    const together = await lint(ALL_RULES);
    expect(new Set(together.map((m) => m.rule))).toEqual(new Set(ALL_RULES.map((rule) => `leaks/${rule}`)));
  });

  for (const rule of ALL_RULES) {
    it(rule, async () => {
      const together = (await lint(ALL_RULES)).filter((m) => m.rule === `leaks/${rule}`);
      expect(together.length).toBeGreaterThan(0);
      expect(together).toEqual(await lint([rule]));
    });
  }
});
