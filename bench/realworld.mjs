// `npm run bench:realworld`: what the plugin adds to a typed lint of real code. Lints packages of the pinned
// real-world corpus (tests/realworld/) as whole processes, one per mode and run, in alternating order:
//   (a) typed:  typescript-eslint's recommendedTypeChecked rules
//   (b) leaks:  the same plus this plugin's `recommended`
//   (c) parse:  a bare typed parse (same parser and program, no rules)
//   (d) plugin: this plugin's `recommended` alone on the typed parse
// and prints the ratios b/a, b/c and d/c per round (median and range), CPU time, peak RSS, and the files on which
// the plugin's rules cost the most CPU (ESLint's per-rule stats in mode b). Not a test: nothing here is asserted.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { median } from './stats.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const thisScript = fileURLToPath(import.meta.url);
const MODES = ['typed', 'leaks', 'parse', 'plugin'];
/** About 300 files of typed and untyped code across clients, servers, sockets and pools (the issue's scale). */
const DEFAULT_PACKAGES = ['ws', 'pg', 'pg-pool', 'mysql2', 'ssh2', 'http-proxy', 'minio', 'piscina', 'engine.io', 'socket.io'];

const { values: args } = parseArgs({
  options: {
    worker: { type: 'string' },
    mode: { type: 'string' },
    packages: { type: 'string' },
    runs: { type: 'string', default: '5' },
    top: { type: 'string', default: '5' },
    rules: { type: 'string' },
    stats: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});


async function worker(mode, names) {
  // As the ledger does: one program per tsconfig, no watch program.
  process.env.TSESTREE_SINGLE_RUN = 'true';
  const [{ ESLint }, { default: tseslint }, { default: leaks }, { packageDir }] = await Promise.all([
    import('eslint'),
    import('typescript-eslint'),
    import('eslint-plugin-leaks'),
    import('../tests/realworld/prepare.mjs'),
  ]);
  const index = JSON.parse(fs.readFileSync(path.join(repoRoot, 'tests/realworld/.corpus/files.json'), 'utf8'));
  const byName = new Map(Object.values(index).map((pkg) => [pkg.name, pkg]));
  const rulesOf = (configs) => Object.assign({}, ...configs.map((config) => config.rules ?? {}));
  const typedRules = mode === 'typed' || mode === 'leaks' ? rulesOf(tseslint.configs.recommendedTypeChecked) : {};
  let leaksRules = mode === 'leaks' || mode === 'plugin' ? rulesOf(leaks.configs.recommended) : {};
  // --rules no-leaked-resource,…: only these of the plugin's rules (what the others add, or that rules off cost nothing).
  if (args.rules) leaksRules = Object.fromEntries(Object.entries(leaksRules).filter(([id]) => args.rules.split(',').includes(id.slice('leaks/'.length))));
  const perFile = [];
  const perRule = {};
  let findings = 0;
  let files = 0;
  const started = process.hrtime.bigint();
  for (const name of names) {
    const pkg = byName.get(name);
    if (!pkg) throw new Error(`${name} is not in the corpus (tests/realworld/corpus.json)`);
    const cwd = packageDir(name);
    const eslint = new ESLint({
      cwd,
      overrideConfigFile: true,
      cache: false,
      // ESLint's per-rule stats time every listener of every rule: only in the untimed run that reports them.
      stats: args.stats,
      overrideConfig: [
        {
          files: ['**/*.{js,cjs,mjs,ts,cts,mts,tsx}'],
          languageOptions: { parser: tseslint.parser, parserOptions: { project: './tsconfig.json', tsconfigRootDir: cwd } },
          linterOptions: { reportUnusedDisableDirectives: 'off' },
          plugins: { '@typescript-eslint': tseslint.plugin, leaks },
          rules: { ...typedRules, ...leaksRules },
        },
      ],
    });
    for (const result of await eslint.lintFiles(pkg.files)) {
      const fatal = result.messages.find((message) => message.fatal);
      if (fatal) throw new Error(`${result.filePath}: ${fatal.message}`);
      files++;
      findings += result.messages.filter((message) => message.ruleId?.startsWith('leaks/')).length;
      if (!result.stats) continue;
      let ms = 0;
      for (const pass of result.stats.times.passes) {
        for (const [id, time] of Object.entries(pass.rules ?? {})) {
          if (!id.startsWith('leaks/')) continue;
          ms += time.total;
          perRule[id] = (perRule[id] ?? 0) + time.total;
        }
      }
      perFile.push({ file: path.relative(path.join(repoRoot, 'tests/realworld/.corpus'), result.filePath), ms });
    }
  }
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  const cpu = process.cpuUsage();
  perFile.sort((a, b) => b.ms - a.ms);
  return {
    mode,
    elapsedMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    maxRssKiB: process.resourceUsage().maxRSS,
    findings,
    files,
    pluginMs: perFile.reduce((sum, entry) => sum + entry.ms, 0),
    perRule,
    top: perFile.slice(0, Number(args.top)),
  };
}

async function spawnWorker(mode, names, stats = false) {
  const started = process.hrtime.bigint();
  const flags = [...(args.rules ? ['--rules', args.rules] : []), ...(stats ? ['--stats'] : [])];
  const { stdout } = await promisify(execFile)(process.execPath, [thisScript, '--worker', 'lint', '--mode', mode, '--packages', names.join(','), '--top', args.top, ...flags], {
    cwd: repoRoot,
    maxBuffer: 16 * 1024 * 1024,
  });
  return { ...JSON.parse(stdout), wallMs: Number(process.hrtime.bigint() - started) / 1e6 };
}

const range = (values, digits = 2) => `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`;

async function main() {
  if (args.help) {
    console.log('usage: npm run bench:realworld -- [--runs 5] [--packages ws,pg,...] [--top 5]');
    return;
  }
  const { prepare } = await import('../tests/realworld/prepare.mjs');
  prepare();
  const names = args.packages ? args.packages.split(',') : DEFAULT_PACKAGES;
  const runs = Number(args.runs);
  console.log(
    `eslint-plugin-leaks real-code bench: node ${process.version}, ${cpus().length} cores, load average ${loadavg()[0].toFixed(2)} at start;\n` +
      `packages ${names.join(', ')}; ${runs} rounds, each mode a whole process, modes in rotating order.`,
  );
  const rounds = [];
  for (let round = 0; round < runs; round++) {
    const order = MODES.map((_, i) => MODES[(i + round) % MODES.length]);
    const results = {};
    for (const mode of order) results[mode] = await spawnWorker(mode, names);
    rounds.push(results);
    const { typed, leaks, parse, plugin } = results;
    console.log(
      `  round ${round + 1}: wall typed ${typed.wallMs.toFixed(0)} ms, leaks ${leaks.wallMs.toFixed(0)} ms, parse ${parse.wallMs.toFixed(0)} ms, plugin ${plugin.wallMs.toFixed(0)} ms` +
        ` → b/a ×${(leaks.wallMs / typed.wallMs).toFixed(2)}, b/c ×${(leaks.wallMs / parse.wallMs).toFixed(2)}, d/c ×${(plugin.wallMs / parse.wallMs).toFixed(2)}`,
    );
  }
  const ratio = (b, a, key) => rounds.map((round) => round[b][key] / round[a][key]);
  const files = rounds[0].leaks.files;
  console.log(`\n${files} files, ${rounds[0].leaks.findings} plugin findings`);
  for (const key of ['wallMs', 'cpuMs']) {
    const ba = ratio('leaks', 'typed', key);
    const bc = ratio('leaks', 'parse', key);
    const dc = ratio('plugin', 'parse', key);
    console.log(
      `  ${key === 'wallMs' ? 'wall' : 'CPU '}  b/a ×${median(ba).toFixed(2)} (${range(ba)})   b/c ×${median(bc).toFixed(2)} (${range(bc)})   d/c ×${median(dc).toFixed(2)} (${range(dc)})`,
    );
  }
  for (const mode of MODES) {
    const wall = rounds.map((round) => round[mode].wallMs);
    const rss = rounds.map((round) => round[mode].maxRssKiB / 1024);
    console.log(`  ${mode.padEnd(6)} wall median ${median(wall).toFixed(0)} ms (${range(wall, 0)}), peak RSS median ${median(rss).toFixed(0)} MiB`);
  }
  // Per rule and per file, from one more run of mode b with ESLint's stats (not timed: stats slow every rule).
  const stats = await spawnWorker('leaks', names, true);
  console.log(`  plugin rules (ESLint stats, one untimed run of mode b): ${stats.pluginMs.toFixed(0)} ms in all`);
  console.log(`  per rule (ms): ${Object.keys(stats.perRule).sort().map((id) => `${id.slice(6)} ${stats.perRule[id].toFixed(0)}`).join(', ')}`);
  console.log('  costliest files:');
  for (const entry of stats.top) console.log(`    ${entry.ms.toFixed(0).padStart(6)} ms  ${entry.file}`);
}

if (args.worker === 'lint') {
  process.stdout.write(JSON.stringify(await worker(args.mode, args.packages.split(','))));
} else {
  await main();
}
