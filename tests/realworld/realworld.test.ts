// The real-world corpus in the suite: every report the plugin makes on the pinned packages must have a judged row in
// ledger.tsv, and every row its report. Runs tests/realworld/run.mjs (the same run `npm run realworld` prints).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const runner = path.join(here, 'run.mjs');
const scratch = mkdtempSync(path.join(tmpdir(), 'leaks-realworld-test-'));

interface Report {
  package: string;
  file: string;
  line: number;
  column: number;
  rule: string;
  messageId: string;
  configs: string[];
  message: string;
}
interface PackageResult {
  name: string;
  language: 'js' | 'ts';
  files: number;
  lines: number;
  reports: Omit<Report, 'package'>[];
  fatal: { file: string; line: number; message: string }[];
}
interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  json?: {
    results: PackageResult[];
    unjudged: Report[];
    stale: (Omit<Report, 'message'> & { verdict: string; reason: string })[];
    configsChanged: unknown[];
    fatal: unknown[];
  };
}

function run(...args: string[]): Run {
  const out = path.join(scratch, `run-${Math.random().toString(36).slice(2)}.json`);
  const child = spawnSync(process.execPath, [runner, '--json', out, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  let json: Run['json'];
  try {
    json = JSON.parse(readFileSync(out, 'utf8')) as Run['json'];
  } catch {
    json = undefined;
  }
  return { status: child.status, stdout: child.stdout, stderr: child.stderr, json };
}

const where = (r: { package: string; file: string; line: number; column: number; rule: string }) => `${r.package} ${r.file}:${r.line}:${r.column} ${r.rule}`;

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the real-world corpus against its ledger', () => {
  let full: Run;
  beforeAll(() => {
    full = run();
  });

  it('lints every package with no crash, rule exception or fatal parse error', () => {
    expect(full.json, full.stderr).toBeDefined();
    expect(full.json!.fatal).toEqual([]);
    expect(full.status === 0 || full.status === 1, full.stderr).toBe(true);
  });

  it('is at least 12 real packages and 150 k lines, TypeScript and JavaScript', () => {
    const results = full.json!.results;
    expect(results.length).toBeGreaterThanOrEqual(12);
    expect(results.reduce((sum, r) => sum + r.lines, 0)).toBeGreaterThanOrEqual(150_000);
    expect(new Set(results.map((r) => r.language))).toEqual(new Set(['js', 'ts']));
    for (const result of results) expect(result.files, result.name).toBeGreaterThan(0);
  });

  it('has a judged ledger row for every report', () => {
    expect(full.json!.unjudged.map((r) => `${where(r)} [${r.configs.join(',')}] ${r.message}`)).toEqual([]);
  });

  it('has a report for every ledger row (a dropped finding is re-judged or removed, never silently lost)', () => {
    expect(full.json!.stale.map((r) => `${where(r)} (${r.verdict}: ${r.reason})`)).toEqual([]);
  });

  it('lists for every row the configs that make its report', () => {
    expect(full.json!.configsChanged).toEqual([]);
  });

  it('prints the per-package, per-config table and passes only when the ledger matches', () => {
    expect(full.stdout).toMatch(/^config +package +files +lines +reports +true +false +debat\. +unjudged +per 5k +precision +time$/m);
    expect(full.stdout).toMatch(/^recommended +all +\d+ +\d+ /m);
    expect(full.stdout).toMatch(/^strict +all +\d+ +\d+ /m);
    expect(full.status, full.stderr).toBe(0);
  });
});

describe('the ledger check itself', () => {
  // The smallest packages first: the first with rows in the ledger is checked against ledgers that miss a row or
  // hold one too many.
  const ledgerRows = readFileSync(path.join(here, 'ledger.tsv'), 'utf8').split('\n').slice(1);
  const onlyPackage =
    ['http-proxy', 'socket.io', 'engine.io', 'ws', 'pg', 'minio', 'mysql2', 'moleculer'].find((name) => ledgerRows.some((row) => row.startsWith(`${name}\t`))) ?? 'puppeteer-core';

  it('fails on a report without a row and on a row without a report, and names both', () => {
    const ledger = readFileSync(path.join(here, 'ledger.tsv'), 'utf8').split('\n');
    const [header, ...rows] = ledger.filter((line) => line.trim() !== '');
    const own = rows.filter((row) => row.startsWith(`${onlyPackage}\t`));
    expect(own.length).toBeGreaterThan(0);
    const dropped = own[0]!;
    const invented = [onlyPackage, 'lib/nowhere.js', '1', '1', 'leaks/no-leaked-resource', 'leaks', 'recommended,strict', 'false', 'a row with no report behind it'].join('\t');
    const edited = path.join(scratch, 'edited.tsv');
    writeFileSync(edited, `${[header, ...own.slice(1), invented].join('\n')}\n`);

    const result = run('--only', onlyPackage, '--ledger', edited);
    expect(result.status).toBe(1);
    const [, file, line, column, rule] = dropped.split('\t');
    expect(result.json!.unjudged.map(where)).toEqual([`${onlyPackage} ${file}:${line}:${column} ${rule}`]);
    expect(result.json!.stale.map(where)).toEqual([`${onlyPackage} lib/nowhere.js:1:1 leaks/no-leaked-resource`]);
    expect(result.stderr).toContain('1 reports have no ledger row');
    expect(result.stderr).toContain('1 ledger rows whose report is gone');
  });

  it('rejects a row without a valid verdict or a reason', () => {
    const header = readFileSync(path.join(here, 'ledger.tsv'), 'utf8').split('\n')[0]!;
    const bad = path.join(scratch, 'bad.tsv');
    writeFileSync(bad, `${header}\n${[onlyPackage, 'lib/x.js', '1', '1', 'leaks/no-leaked-resource', 'leaks', 'recommended', 'maybe', 'reads fine to me'].join('\t')}\n`);
    const result = run('--only', onlyPackage, '--ledger', bad);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('verdict "maybe" is not one of true, false, debatable');
  });
});
