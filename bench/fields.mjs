// `npm run bench:fields`: how no-unreleased-field's cost grows with the number of fields of one class. Writes a class
// with n fields (intervals and sockets set in one method; the intervals and some sockets released in close()) for
// n = 750, 1,500, 3,000, lints it with only that rule (ESLint's per-rule stats, median of --runs) and prints the time
// per field and the ratio per doubling: ×2 is linear. Not a test: nothing here is asserted.
import { mkdtemp, rm, symlink, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { median } from './stats.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '3' }, sizes: { type: 'string', default: '750,1500,3000' } } });

function classWith(n) {
  let text = `import * as net from 'node:net';\nexport class Big {\n`;
  for (let i = 0; i < n; i++) text += `  private f${i}: ${i % 2 ? 'net.Socket' : 'NodeJS.Timeout'} | undefined;\n`;
  text += '  start(): void {\n';
  for (let i = 0; i < n; i++) text += i % 2 ? `    this.f${i} = net.connect(${1000 + i});\n` : `    this.f${i} = setInterval(() => {}, ${i + 1});\n`;
  text += '  }\n  close(): void {\n';
  for (let i = 0; i < n; i += 2) text += `    clearInterval(this.f${i});\n`;
  for (let i = 1; i < n; i += 4) text += `    this.f${i}?.destroy();\n`;
  return `${text}  }\n}\n`;
}


const [{ ESLint }, { default: tseslint }, { default: leaks }] = await Promise.all([import('eslint'), import('typescript-eslint'), import('eslint-plugin-leaks')]);
const dir = await mkdtemp(path.join(tmpdir(), 'leaks-bench-fields-'));
try {
  await mkdir(path.join(dir, 'src'));
  await symlink(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const compilerOptions = { target: 'ES2022', module: 'nodenext', strict: true, types: ['node'], skipLibCheck: true, noEmit: true };
  await writeFile(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['src'] }));
  console.log(`no-unreleased-field on one class of n fields (median of ${args.runs} runs, rule time from ESLint's stats):`);
  let previous;
  for (const n of args.sizes.split(',').map(Number)) {
    const file = path.join(dir, 'src', `big${n}.ts`);
    await writeFile(file, classWith(n));
    const times = [];
    for (let run = 0; run < Number(args.runs); run++) {
      const eslint = new ESLint({
        cwd: dir,
        overrideConfigFile: true,
        stats: true,
        overrideConfig: [
          {
            files: ['**/*.ts'],
            languageOptions: { parser: tseslint.parser, parserOptions: { project: './tsconfig.json', tsconfigRootDir: dir } },
            plugins: { leaks },
            rules: { 'leaks/no-unreleased-field': 'error' },
          },
        ],
      });
      const [result] = await eslint.lintFiles([file]);
      times.push(result.stats.times.passes.reduce((sum, pass) => sum + (pass.rules?.['leaks/no-unreleased-field']?.total ?? 0), 0));
    }
    const ms = median(times);
    const growth = previous ? `   ×${(ms / previous.ms).toFixed(2)} for ×${(n / previous.n).toFixed(1)} fields` : '';
    console.log(`  ${String(n).padStart(6)} fields: ${ms.toFixed(0).padStart(6)} ms (${((ms / n) * 1000).toFixed(0)} µs per field)${growth}`);
    previous = { n, ms };
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
