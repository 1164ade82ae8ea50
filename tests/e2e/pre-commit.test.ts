// Pre-commit, as README's "In the editor, before each commit, and in CI" sets it up: a real git repository inside the
// ESLint 10 project, README's eslint.config.mjs, the `lint-staged` entry of package.json copied from README, and a
// `.git/hooks/pre-commit` that runs lint-staged 16 (node on its bin, what `npx lint-staged` runs; ESLint is found only
// through the project's node_modules/.bin). Every repository's first commit goes through the hook. A commit of an
// unfixable leak (the AbortSignal listener) is blocked: `git commit` fails, HEAD does not move, the file stays staged
// and unchanged, and the output is lint-staged's plain progress and ESLint's report (file, position, message, rule id).
// A commit of a fixable leak (the FileHandle) goes through with `--fix`'s edit: the committed blob is the `await using`
// version and nothing is left unstaged or stashed.
import { createRequire } from 'node:module';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { ABORT_TS, FIXED_FILES_TS, LEAKY_FILES_TS, TSCONFIG, read, readmeConfig, root, run, workspace, writeFiles, type Run } from './helpers.js';

const { projects } = inject('e2e');
const project = projects.eslint10.dir;

/** lint-staged's own bin, where its package.json says it is (lint-staged is a devDependency of this repository). */
const LINT_STAGED = (() => {
  const pkgPath = createRequire(path.join(root, 'package.json')).resolve('lint-staged/package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { version: string; bin: Record<string, string> };
  if (!pkg.version.startsWith('16.')) throw new Error(`lint-staged ${pkg.version} is installed, not 16.x`);
  return path.join(path.dirname(pkgPath), pkg.bin['lint-staged']!);
})();

/** README's `lint-staged` entry for package.json, exactly as written there. */
function readmeLintStaged(): Record<string, string> {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const match = /`"lint-staged": (\{[^`]*\})`/.exec(readme);
  if (!match) throw new Error('README.md has no `"lint-staged": { … }` snippet');
  return JSON.parse(match[1]!) as Record<string, string>;
}

/**
 * git with no system or global configuration (no user hooksPath, template, signing or aliases), a throwaway HOME, and
 * no node_modules/.bin from the test runner's PATH: the hook must find ESLint the way a user's does, in the
 * repository's own node_modules (here the ESLint 10 project's, an ancestor of the repository).
 */
const home = mkdtempSync(path.join(tmpdir(), 'leaks-e2e-home-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));
const GIT_ENV: Record<string, string | undefined> = {
  // Nor the test runner's NODE_ENV=test and VITEST*: with NODE_ENV=test lint-staged prints its progress as JSON events.
  ...Object.fromEntries(
    Object.keys(process.env)
      .filter((key) => key.startsWith('GIT_') || key.startsWith('VITEST') || key === 'NODE_ENV' || key === 'TEST')
      .map((key) => [key, undefined]),
  ),
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  HOME: home,
  XDG_CONFIG_HOME: path.join(home, '.config'),
  PATH: (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter((entry) => !entry.split(path.sep).includes('node_modules'))
    .join(path.delimiter),
};

function git(dir: string, ...args: string[]): Run {
  return run('git', args, dir, GIT_ENV);
}

/** `git …` that must succeed; its stdout. */
function gitOk(dir: string, ...args: string[]): string {
  const result = git(dir, ...args);
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** A repository set up as README says, with one commit of its configuration (made through the hook). */
function repository(): string {
  const dir = workspace(project, {
    'eslint.config.mjs': readmeConfig(),
    'tsconfig.json': TSCONFIG,
    'package.json': `${JSON.stringify({ name: 'leaks-e2e-pre-commit', private: true, type: 'module', 'lint-staged': readmeLintStaged() }, null, 2)}\n`,
    'src/index.ts': 'export const answer = 42;\n',
  });
  gitOk(dir, 'init', '--quiet', '--initial-branch=main');
  gitOk(dir, 'config', 'user.name', 'E2E Test');
  gitOk(dir, 'config', 'user.email', 'e2e@example.com');
  gitOk(dir, 'config', 'commit.gpgsign', 'false');
  // What `.husky/pre-commit` with `npx lint-staged` amounts to, without npx looking lint-staged up in the registry.
  writeFiles(dir, { '.git/hooks/pre-commit': `#!/bin/sh\nexec "${process.execPath}" "${LINT_STAGED}"\n` });
  chmodSync(path.join(dir, '.git/hooks/pre-commit'), 0o755);
  gitOk(dir, 'add', '.');
  // The hook runs (and lets clean files through) from the first commit on.
  const initial = git(dir, 'commit', '--quiet', '-m', 'Initial commit');
  if (initial.status !== 0 || !output(initial).includes('[COMPLETED] eslint --fix')) {
    throw new Error(`the initial commit failed or ran no ESLint (${initial.status}):\n${initial.stdout}\n${initial.stderr}`);
  }
  return dir;
}

/** Everything the commit printed (the hook's output goes to stderr), without colours. */
function output(result: Run): string {
  return stripVTControlCharacters(result.stdout + result.stderr);
}

describe('a pre-commit hook running lint-staged 16 with README’s configuration (ESLint 10)', () => {
  it('README documents lint-staged’s entry as the test uses it', () => {
    expect(readmeLintStaged()).toEqual({ '*.{ts,tsx,mts,cts,js,mjs,cjs}': 'eslint --fix' });
  });

  it('blocks a commit of a leak --fix cannot release, with ESLint’s report', () => {
    const dir = repository();
    const head = gitOk(dir, 'rev-parse', 'HEAD').trim();
    writeFiles(dir, { 'src/abort.ts': ABORT_TS });
    gitOk(dir, 'add', 'src/abort.ts');

    const commit = git(dir, 'commit', '-m', 'Add pause()');
    const text = output(commit);
    expect(commit.status, text).toBe(1);
    // lint-staged's plain progress lines (not its JSON test renderer), then ESLint's stylish report: the file, where,
    // why, and which rule.
    expect(text).not.toContain('{"event"');
    expect(text).toContain('[FAILED] eslint --fix');
    expect(text).toContain('Reverting to original state because of errors');
    expect(text).toMatch(/^✖ eslint --fix:$/m);
    expect(text.split('\n')).toContain(path.join(dir, 'src', 'abort.ts'));
    expect(text).toMatch(/^ {2}2:3 {2}error {2}The 'abort' listener added here to `signal` .* is never removed\b.* {2}leaks\/no-leaked-listener$/m);
    expect(text).toMatch(/^✖ 1 problem \(1 error, 0 warnings\)$/m);

    // Nothing was committed, and the user's work is as it was: staged, unchanged, nothing left in a stash.
    expect(gitOk(dir, 'rev-parse', 'HEAD').trim()).toBe(head);
    expect(gitOk(dir, 'rev-list', '--count', 'HEAD').trim()).toBe('1');
    expect(gitOk(dir, 'status', '--porcelain')).toBe('A  src/abort.ts\n');
    expect(read(dir, 'src/abort.ts')).toBe(ABORT_TS);
    expect(gitOk(dir, 'stash', 'list')).toBe('');
  });

  it('commits a leak --fix releases, with the fix', () => {
    const dir = repository();
    const head = gitOk(dir, 'rev-parse', 'HEAD').trim();
    writeFiles(dir, { 'src/files.ts': LEAKY_FILES_TS });
    gitOk(dir, 'add', 'src/files.ts');

    const commit = git(dir, 'commit', '-m', 'Add firstBytes()');
    const text = output(commit);
    expect(commit.status, text).toBe(0);
    expect(text).toContain('[COMPLETED] eslint --fix');
    expect(text).toContain('[COMPLETED] Applying modifications from tasks...');
    expect(text).not.toMatch(/error|problem/);

    expect(gitOk(dir, 'rev-parse', 'HEAD^').trim()).toBe(head);
    expect(gitOk(dir, 'log', '-1', '--format=%s')).toBe('Add firstBytes()\n');
    expect(gitOk(dir, 'show', '--name-status', '--format=', 'HEAD')).toBe('A\tsrc/files.ts\n');
    // The committed file is the fixed one, the working tree has the same, and nothing is left unstaged or stashed.
    expect(gitOk(dir, 'show', 'HEAD:src/files.ts')).toBe(FIXED_FILES_TS);
    expect(read(dir, 'src/files.ts')).toBe(FIXED_FILES_TS);
    expect(gitOk(dir, 'status', '--porcelain')).toBe('');
    expect(gitOk(dir, 'stash', 'list')).toBe('');
  });
});
