#!/usr/bin/env node
// `npm run realworld`: lints the pinned real-world corpus with every plugin config, matches each report to the
// judged ledger, and prints per package and config: files, lines, reports, true / false / debatable, reports per
// 5 k lines, precision and time. Fails on a crash, a rule exception, a fatal parse error, or a report the ledger
// does not match (an unjudged report, or a row whose report is gone).
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { compare, formatRow, keyOf, LEDGER, readLedger } from './ledger.mjs';
import { CONFIGS } from './lint-worker.mjs';
import { corpusDir, here, prepare } from './prepare.mjs';

const repoRoot = path.resolve(here, '../..');

const USAGE = `usage: npm run realworld -- [options]
  --only NAMES      comma-separated package names to lint (rows of other packages are not checked)
  --jobs N          worker processes (default: 2)
  --json FILE       write the reports and the ledger comparison as JSON
  --unjudged FILE   write a ledger row for each unjudged report (verdict "?", the message as reason) to judge
  --ledger FILE     the ledger to match (default: tests/realworld/ledger.tsv)
  --no-cache        lint even when the plugin build and the corpus are unchanged since the last run`;

const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    jobs: { type: 'string', default: '2' },
    json: { type: 'string' },
    unjudged: { type: 'string' },
    ledger: { type: 'string' },
    'no-cache': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}

function* filesUnder(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else yield full;
  }
}

/** What the reports depend on: the built plugin, the toolchain's lockfile, the corpus and the linting code. */
function inputsHash(packages) {
  const hash = createHash('sha256');
  for (const file of [...filesUnder(path.join(repoRoot, 'dist'))].sort()) hash.update(file).update(fs.readFileSync(file));
  for (const file of ['package-lock.json', 'tests/realworld/lint-worker.mjs', 'tests/realworld/prepare.mjs']) hash.update(fs.readFileSync(path.join(repoRoot, file)));
  hash.update(JSON.stringify(packages));
  return hash.digest('hex').slice(0, 16);
}

/** Packages into `jobs` groups of about equal size, largest first. */
function balance(packages, jobs) {
  const groups = Array.from({ length: jobs }, () => ({ lines: 0, packages: [] }));
  const size = (pkg) => pkg.files.reduce((sum, file) => sum + fs.statSync(path.join(corpusDir, ...pkg.name.split('/'), file)).size, 0);
  for (const pkg of [...packages].sort((a, b) => size(b) - size(a))) {
    const group = groups.reduce((min, g) => (g.lines < min.lines ? g : min));
    group.lines += size(pkg);
    group.packages.push(pkg);
  }
  return groups.filter((group) => group.packages.length > 0);
}

async function lint(packages, jobs) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'leaks-realworld-'));
  try {
    const runs = balance(packages, jobs).map(async (group, index) => {
      const input = path.join(tmp, `in-${index}.json`);
      const output = path.join(tmp, `out-${index}.json`);
      fs.writeFileSync(input, JSON.stringify(group.packages));
      try {
        await promisify(execFile)(process.execPath, ['--max-old-space-size=6144', path.join(here, 'lint-worker.mjs'), repoRoot, input, output], {
          cwd: here,
          maxBuffer: 64 * 1024 * 1024,
        });
      } catch (error) {
        // A rule exception or a crash: ESLint names the file and rule in its message.
        throw new Error(`linting ${group.packages.map((pkg) => pkg.name).join(', ')} failed:\n${error.stderr || error.message}`);
      }
      return JSON.parse(fs.readFileSync(output, 'utf8'));
    });
    const byName = new Map((await Promise.all(runs)).flat().map((result) => [result.name, result]));
    return packages.map((pkg) => byName.get(pkg.name));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

const pad = (value, width) => String(value).padStart(width);
const percent = (part, whole) => (whole === 0 ? '–' : `${Math.round((100 * part) / whole)} %`);

function summaryRows(results, judged) {
  const verdictOf = new Map(judged.map((row) => [keyOf(row), row.verdict]));
  const rows = [];
  for (const config of CONFIGS) {
    const total = { name: 'all', files: 0, lines: 0, ms: 0, reports: 0, true: 0, false: 0, debatable: 0, unjudged: 0 };
    for (const result of results) {
      const row = { name: result.name, files: result.files, lines: result.lines, ms: result.ms, reports: 0, true: 0, false: 0, debatable: 0, unjudged: 0 };
      for (const report of result.reports.filter((r) => r.configs.includes(config))) {
        row.reports += 1;
        row[verdictOf.get(keyOf({ package: result.name, ...report })) ?? 'unjudged'] += 1;
      }
      for (const field of ['files', 'lines', 'ms', 'reports', 'true', 'false', 'debatable', 'unjudged']) total[field] += row[field];
      rows.push({ config, ...row });
    }
    rows.push({ config, ...total });
  }
  return rows;
}

function printSummary(rows, cached) {
  const header = ['config', 'package', 'files', 'lines', 'reports', 'true', 'false', 'debat.', 'unjudged', 'per 5k', 'precision', 'time'];
  const widths = [11, 26, 6, 8, 8, 5, 6, 7, 9, 7, 10, 8];
  const line = (cells) => cells.map((cell, i) => (i < 2 ? String(cell).padEnd(widths[i]) : pad(cell, widths[i]))).join(' ');
  console.log(line(header));
  for (const row of rows) {
    const judgedCount = row.reports - row.unjudged;
    console.log(
      line([
        row.config,
        row.name,
        row.files,
        row.lines,
        row.reports,
        row.true,
        row.false,
        row.debatable,
        row.unjudged,
        ((5000 * row.reports) / row.lines).toFixed(2),
        row.unjudged ? `${percent(row.true, judgedCount)}*` : percent(row.true, row.reports),
        `${(row.ms / 1000).toFixed(1)} s`,
      ]),
    );
  }
  console.log(`precision = true / reports${rows.some((row) => row.unjudged) ? ' (* of the judged ones)' : ''}; time = lint time of the package in its worker${cached ? ' (cached: the plugin build and the corpus are unchanged since that run)' : ''}`);
}

async function main() {
  const started = Date.now();
  let packages = prepare();
  if (args.only) {
    const only = new Set(args.only.split(','));
    const unknown = [...only].filter((name) => !packages.some((pkg) => pkg.name === name));
    if (unknown.length) throw new Error(`--only: not in corpus.json: ${unknown.join(', ')}`);
    packages = packages.filter((pkg) => only.has(pkg.name));
  }
  const cacheFile = path.join(corpusDir, `results-${inputsHash(packages)}.json`);
  const cached = !args['no-cache'] && fs.existsSync(cacheFile);
  const results = cached ? JSON.parse(fs.readFileSync(cacheFile, 'utf8')) : await lint(packages, Math.max(1, Number(args.jobs) || 1));
  if (!cached) fs.writeFileSync(cacheFile, JSON.stringify(results));

  const rows = readLedger(args.ledger ? path.resolve(args.ledger) : LEDGER);
  const { judged, unjudged, stale, configsChanged } = compare(results, rows);
  const summary = summaryRows(results, judged);
  printSummary(summary, cached);
  const fatal = results.flatMap((result) => result.fatal.map((f) => ({ package: result.name, ...f })));
  const problems = [];
  if (fatal.length) problems.push(`${fatal.length} fatal parse errors:\n${fatal.map((f) => `  ${f.package} ${f.file}:${f.line} ${f.message}`).join('\n')}`);
  if (unjudged.length) {
    problems.push(
      `${unjudged.length} reports have no ledger row (judge each, then add it to tests/realworld/ledger.tsv):\n${unjudged
        .map((r) => `  ${r.package} ${r.file}:${r.line}:${r.column} ${r.rule} [${r.configs.join(',')}] ${r.message}`)
        .join('\n')}`,
    );
  }
  if (stale.length) {
    problems.push(
      `${stale.length} ledger rows whose report is gone (re-judge or remove each, and say so in the commit):\n${stale
        .map((r) => `  ${r.package} ${r.file}:${r.line}:${r.column} ${r.rule} (${r.verdict}: ${r.reason})`)
        .join('\n')}`,
    );
  }
  if (configsChanged.length) {
    problems.push(
      `${configsChanged.length} ledger rows whose report now comes from other configs:\n${configsChanged
        .map(({ row, configs }) => `  ${row.package} ${row.file}:${row.line} ${row.rule}: ledger ${row.configs.join(',')}, now ${configs.join(',')}`)
        .join('\n')}`,
    );
  }
  if (args.unjudged) {
    const text = unjudged.map((r) => formatRow({ ...r, configs: r.configs, verdict: '?', reason: r.message.replace(/\s+/g, ' ') })).join('\n');
    fs.writeFileSync(args.unjudged, text ? `${text}\n` : '');
  }
  if (args.json) fs.writeFileSync(args.json, JSON.stringify({ results, summary, unjudged, stale, configsChanged, fatal }, null, 2));
  console.log(`\n${results.length} packages in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (problems.length) {
    console.error(`\n${problems.join('\n\n')}`);
    process.exitCode = 1;
  }
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
}

