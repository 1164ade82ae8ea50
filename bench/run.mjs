// `npm run bench`: lint time and memory with the plugin's rules on vs off, on the same typed parser setup.
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { median } from './stats.mjs';
import { writeSyntheticProject } from './corpus.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const thisScript = fileURLToPath(import.meta.url);

/**
 * `off` has no rules but the same parser and projectService, so the TypeScript program is built either way and
 * the ratio to it is what the rules themselves cost.
 */
const MODES = ['off', 'recommended', 'strict'];

const { values: args } = parseArgs({
  options: {
    worker: { type: 'string' },
    mode: { type: 'string' },
    dir: { type: 'string' },
    runs: { type: 'string', default: '9' },
    warmup: { type: 'string', default: '2' },
    files: { type: 'string', default: '200' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});


async function createLinters(dir, modes) {
  const [{ ESLint }, { default: tseslint }, { default: leaks }] = await Promise.all([
    import('eslint'),
    import('typescript-eslint'),
    import('eslint-plugin-leaks'),
  ]);
  const typed = {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: dir } },
  };
  const configs = { off: [typed], recommended: [typed, ...leaks.configs.recommended], strict: [typed, ...leaks.configs.strict] };
  return modes.map((mode) => {
    if (!configs[mode]) throw new Error(`unknown mode ${mode}`);
    return { mode, create: () => new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: configs[mode], cache: false }) };
  });
}

async function lintOnce(linter) {
  // A collection before each run keeps one run's garbage out of the next one's time.
  globalThis.gc?.();
  const eslint = linter.create();
  const started = process.hrtime.bigint();
  const results = await eslint.lintFiles(['**/*.ts']);
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  const heapUsed = process.memoryUsage().heapUsed;
  const fatal = results.flatMap((result) => result.messages.filter((message) => message.fatal));
  if (fatal.length > 0) throw new Error(`lint failed: ${fatal[0].message}`);
  const findings = results.reduce((sum, result) => sum + result.messages.length, 0);
  return { elapsedMs, heapUsed, files: results.length, findings };
}

/**
 * Times all modes in one process, round-robin, so that load from anything else on the machine falls on every mode
 * alike and all of them share one TypeScript program.
 */
async function timingWorker({ dir, runs, warmup }) {
  const linters = await createLinters(dir, MODES);
  const byMode = Object.fromEntries(MODES.map((mode) => [mode, { mode, times: [], files: 0, findings: 0 }]));
  // The first run of the first mode builds the TypeScript program; warm-up also lets the JIT settle.
  const coldMs = (await lintOnce(linters[0])).elapsedMs;
  for (let round = 0; round < warmup; round++) for (const linter of linters) await lintOnce(linter);
  for (let round = 0; round < runs; round++) {
    for (const linter of linters) {
      const run = await lintOnce(linter);
      Object.assign(byMode[linter.mode], { files: run.files, findings: run.findings });
      byMode[linter.mode].times.push(run.elapsedMs);
    }
  }
  return { coldMs, modes: Object.values(byMode) };
}

/** One mode alone in a process, so that its peak RSS and heap are its own. */
async function memoryWorker({ dir, mode, runs }) {
  const [linter] = await createLinters(dir, [mode]);
  let heapPeak = 0;
  for (let run = 0; run < runs; run++) heapPeak = Math.max(heapPeak, (await lintOnce(linter)).heapUsed);
  globalThis.gc?.();
  return {
    mode,
    maxRssKiB: process.resourceUsage().maxRSS,
    heapPeakBytes: heapPeak,
    // What stays reachable after the last run: growth over `off` is what the rules keep alive.
    heapRetainedBytes: process.memoryUsage().heapUsed,
  };
}

async function spawnWorker(kind, options) {
  const flags = Object.entries(options).flatMap(([name, value]) => [`--${name}`, String(value)]);
  const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', thisScript, '--worker', kind, ...flags], {
    cwd: repoRoot,
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout);
}

const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

function printTable(title, timing, memory) {
  const offMedian = median(timing.modes.find((entry) => entry.mode === 'off').times);
  console.log(`\n${title}: ${timing.modes[0].files} files; first lint (builds the TypeScript program) ${timing.coldMs.toFixed(0)} ms`);
  console.log('  mode          findings   median (ms)   min–max (ms)     ratio to off   peak RSS   peak heap   heap after GC');
  for (const entry of timing.modes) {
    const medianMs = median(entry.times);
    const range = `${Math.min(...entry.times).toFixed(0)}–${Math.max(...entry.times).toFixed(0)}`;
    const usage = memory.find((candidate) => candidate.mode === entry.mode);
    console.log(
      [
        `  ${entry.mode.padEnd(12)}`,
        String(entry.findings).padStart(8),
        medianMs.toFixed(1).padStart(11),
        range.padEnd(14),
        `×${(medianMs / offMedian).toFixed(2)}`.padStart(12),
        mib(usage.maxRssKiB * 1024).padStart(8),
        mib(usage.heapPeakBytes).padStart(9),
        mib(usage.heapRetainedBytes).padStart(13),
      ].join('   '),
    );
  }
}

async function main() {
  if (args.help) {
    console.log('usage: node bench/run.mjs [--runs 9] [--warmup 2] [--files 200]   (npm run bench builds first)');
    return;
  }
  const runs = Number(args.runs);
  const warmup = Number(args.warmup);
  const fileCount = Number(args.files);
  console.log(
    `eslint-plugin-leaks bench: node ${process.version}, ${cpus().length} cores, load average ${loadavg()[0].toFixed(2)} at start; ` +
      `${runs} timed runs per mode after ${warmup} warm-up round(s), modes interleaved.`,
  );

  const inputs = [{ title: 'examples/service', dir: path.join(repoRoot, 'examples', 'service'), temporary: false }];
  if (fileCount > 0) {
    inputs.push({ title: 'synthetic fixtures-like project', dir: await writeSyntheticProject(repoRoot, fileCount), temporary: true });
  }
  try {
    for (const input of inputs) {
      // Sequential on purpose: workers running side by side would share the cores and skew each other.
      const timing = await spawnWorker('timing', { dir: input.dir, runs, warmup });
      const memory = [];
      for (const mode of MODES) memory.push(await spawnWorker('memory', { dir: input.dir, mode, runs: 3 }));
      printTable(input.title, timing, memory);
    }
  } finally {
    await Promise.all(inputs.filter((input) => input.temporary).map((input) => rm(input.dir, { recursive: true, force: true })));
  }
  console.log(
    '\nmedian and min–max over the timed runs; memory from a separate process per mode (3 runs): peak RSS of the process,' +
      '\npeak heap = largest heap used right after a run, heap after GC = what stays reachable after the last run.',
  );
}

if (args.worker === 'timing') {
  const result = await timingWorker({ dir: path.resolve(args.dir), runs: Number(args.runs), warmup: Number(args.warmup) });
  process.stdout.write(JSON.stringify(result));
} else if (args.worker === 'memory') {
  const result = await memoryWorker({ dir: path.resolve(args.dir), mode: args.mode, runs: Number(args.runs) });
  process.stdout.write(JSON.stringify(result));
} else {
  await main();
}
