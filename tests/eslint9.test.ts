// The plugin under ESLint 9 (the `eslint-v9` alias) reports exactly what it reports under ESLint 10.
import { ESLint as ESLint10 } from 'eslint';
import { ESLint as ESLint9 } from 'eslint-v9';
import * as path from 'node:path';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../lib/index.js';
import { fixturesDir } from './rule-tester.js';

// One acquisition per message the rule can give, plus a function that releases correctly (line 34).
const fixture = `import * as http from 'node:http';
import * as net from 'node:net';
import { Client } from 'undici';

export async function health(url: string): Promise<number> {
  const client = new Client(url);
  const { statusCode } = await client.request({ method: 'GET', path: '/' });
  return statusCode;
}

export function lend(host: string): void {
  http.get({ host, agent: new http.Agent({ keepAlive: true }) });
}

export function dial(port: number, bad: boolean): void {
  const socket = net.connect(port);
  if (bad) return;
  socket.end();
}

export function fireAndForget(port: number): void {
  net.connect(port);
}

export function send(port: number, payload: unknown): void {
  const socket = net.connect(port);
  socket.write(JSON.stringify(payload));
  socket.end();
}

export function sendSafely(port: number, payload: unknown): void {
  const socket = net.connect(port);
  try {
    socket.write(JSON.stringify(payload));
  } finally {
    socket.destroy();
  }
}
`;

const expected = [
  { line: 6, column: 18, messageId: 'leakPooling' },
  { line: 12, column: 27, messageId: 'discardedPooling' },
  { line: 16, column: 18, messageId: 'leak' },
  { line: 22, column: 3, messageId: 'discarded' },
  { line: 26, column: 18, messageId: 'exception' },
];

interface LintMessageLike {
  ruleId: string | null;
  messageId?: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message: string;
  severity: number;
  fatal?: boolean;
}

interface LinterLike {
  lintText(code: string, options: { filePath: string }): Promise<Array<{ messages: LintMessageLike[] }>>;
}

// The same flat config for both majors: typed parser on the fixture project, the rule with exception paths on.
const flatConfig = [
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: fixturesDir },
    },
    plugins: { leaks: plugin },
    rules: { 'leaks/no-leaked-resource': ['error', { checkExceptionPaths: true }] },
  },
];

async function lintWith(eslint: LinterLike): Promise<LintMessageLike[]> {
  const [result] = await eslint.lintText(fixture, { filePath: path.join(fixturesDir, 'file.ts') });
  return result!.messages;
}

const comparable = (messages: LintMessageLike[]) =>
  messages.map(({ ruleId, messageId, line, column, endLine, endColumn, message, severity }) => ({
    ruleId,
    messageId,
    line,
    column,
    endLine,
    endColumn,
    message,
    severity,
  }));

describe('ESLint 9 compatibility', () => {
  it('runs the two majors the test means to compare', () => {
    expect(ESLint9.version).toMatch(/^9\./);
    expect(ESLint10.version).toMatch(/^10\./);
  });

  it('reports the same messages under ESLint 9 as under ESLint 10', async () => {
    // Runtime behaviour only: whether the plugin's declared types fit each major's config types is
    // tests/types/config-types.test.ts's job, so the config is handed over as each constructor expects it.
    const eslint9 = new ESLint9({
      cwd: fixturesDir,
      overrideConfigFile: true,
      overrideConfig: flatConfig as unknown as ESLint9.Options['overrideConfig'],
    });
    const eslint10 = new ESLint10({
      cwd: fixturesDir,
      overrideConfigFile: true,
      overrideConfig: flatConfig as unknown as ESLint10.Options['overrideConfig'],
    });
    const [messages9, messages10] = [await lintWith(eslint9), await lintWith(eslint10)];

    expect(messages9.filter((message) => message.fatal)).toEqual([]);
    expect(
      messages9.map(({ ruleId, line, column, messageId }) => ({ ruleId, line, column, messageId })),
    ).toEqual(expected.map((report) => ({ ruleId: 'leaks/no-leaked-resource', ...report })));
    expect(comparable(messages9)).toEqual(comparable(messages10));
  });
});
