// The packed package, installed into fresh projects with ESLint 10 and ESLint 9, configured with README's config
// verbatim: the CLI finds the leaks, skips untyped JavaScript, `--fix-dry-run` shows the edit `--fix` writes, a second
// `--fix` changes nothing, the fixed project type-checks, and `--concurrency` / `--cache`
// (unchanged files) give the same reports.
import * as path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { ABORT_TS, CLEAN_TS, FIXED_FILES_TS, LEAKY_FILES_TS, TSCONFIG, copyWorkspace, eslint, parseJson, read, readmeBlocks, readmeConfig, run, workspace, type LintResult } from './helpers.js';

const { projects } = inject('e2e');

const FILES = {
  'tsconfig.json': TSCONFIG,
  'src/files.ts': LEAKY_FILES_TS,
  'src/abort.ts': ABORT_TS,
  'src/clean.ts': CLEAN_TS,
  // No type information for JavaScript in this project: the rules skip it rather than fail.
  'src/plain.js': `export function tick() {
  setInterval(() => console.log('tick'), 1000);
}
`,
};

/** rule, file, line, column of every message, for comparing runs. */
function summary(results: LintResult[], dir: string): string[] {
  return results
    .flatMap((result) => result.messages.map((m) => `${path.relative(dir, result.filePath)}:${m.line}:${m.column} ${m.ruleId ?? 'fatal'}`))
    .sort();
}

describe.each(Object.keys(projects) as (keyof typeof projects)[])('the packed plugin with %s', (name) => {
  const { dir: project, versions } = projects[name];
  const files = { ...FILES, 'eslint.config.mjs': readmeConfig() };

  it(`finds the leaks with README's config as written (ESLint ${versions.eslint}, TypeScript ${versions.typescript}, typescript-eslint ${versions['typescript-eslint']})`, () => {
    const dir = workspace(project, files);
    const stylish = eslint(project, dir, ['.']);
    expect(stylish.stderr).toBe('');
    expect(stylish.status).toBe(1);
    expect(stylish.stdout).toContain('`handle` (FileHandle, created here) is not closed when `firstBytes()` returns at line 6');

    const json = eslint(project, dir, ['.', '-f', 'json']);
    const results = parseJson(json);
    expect(summary(results, dir)).toEqual(['src/abort.ts:2:3 leaks/no-leaked-listener', 'src/files.ts:4:24 leaks/no-leaked-resource']);
    // Every file was linted, the JavaScript ones and the config included, and none failed to parse.
    expect(results.map((r) => path.relative(dir, r.filePath)).sort()).toEqual([
      'eslint.config.mjs',
      'src/abort.ts',
      'src/clean.ts',
      'src/files.ts',
      'src/plain.js',
    ]);
  });

  it('fixes what --fix-dry-run shows, in a single CLI run, with CI=true and with --fix; a second --fix changes nothing; tsc passes', () => {
    const dir = workspace(project, files);
    const dryRuns = [eslint(project, dir, ['.', '--fix-dry-run', '-f', 'json']), eslint(project, dir, ['.', '--fix-dry-run', '-f', 'json'], { CI: 'true' })];
    for (const dryRun of dryRuns) {
      const outputs = Object.fromEntries(parseJson(dryRun).filter((r) => r.output !== undefined).map((r) => [path.relative(dir, r.filePath), r.output]));
      expect(outputs).toEqual({ 'src/files.ts': FIXED_FILES_TS });
    }
    // The dry runs wrote nothing.
    expect(read(dir, 'src/files.ts')).toBe(FILES['src/files.ts']);

    const fixed = copyWorkspace(dir);
    const fix = eslint(project, fixed, ['.', '--fix']);
    expect(fix.status).toBe(1); // the listener has a suggestion, not a fix
    expect(read(fixed, 'src/files.ts')).toBe(FIXED_FILES_TS);
    expect(read(fixed, 'src/abort.ts')).toBe(FILES['src/abort.ts']);

    const again = eslint(project, fixed, ['.', '--fix', '-f', 'json']);
    expect(summary(parseJson(again), fixed)).toEqual(['src/abort.ts:2:3 leaks/no-leaked-listener']);
    expect(read(fixed, 'src/files.ts')).toBe(FIXED_FILES_TS);

    const tsc = run(process.execPath, [path.join(project, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', '.'], fixed);
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });
});

describe('the packed plugin with ESLint 10 run in parallel or from a cache', () => {
  const { dir: project } = projects.eslint10;
  const files = { ...FILES, 'eslint.config.mjs': readmeConfig() };

  it('gives the same reports with --concurrency, and from --cache for files that did not change', () => {
    const dir = workspace(project, files);
    const expected = ['src/abort.ts:2:3 leaks/no-leaked-listener', 'src/files.ts:4:24 leaks/no-leaked-resource'];
    const concurrent = eslint(project, dir, ['.', '--concurrency', '2', '-f', 'json']);
    expect(summary(parseJson(concurrent), dir)).toEqual(expected);

    const cacheLocation = path.join(dir, '.eslintcache');
    const first = eslint(project, dir, ['.', '--cache', '--cache-location', cacheLocation, '-f', 'json']);
    expect(summary(parseJson(first), dir)).toEqual(expected);
    expect(read(dir, '.eslintcache')).toContain('files.ts');
    const second = eslint(project, dir, ['.', '--cache', '--cache-location', cacheLocation, '-f', 'json']);
    expect(summary(parseJson(second), dir)).toEqual(expected);
  });
});

describe("README's other configs, as written (ESLint 10)", () => {
  const { dir: project } = projects.eslint10;

  it('works from an eslint.config.cjs that requires the plugin', () => {
    const config = "const leaks = require('eslint-plugin-leaks');\n\nmodule.exports = [...leaks.configs.recommended];\n";
    const dir = workspace(project, { ...FILES, 'eslint.config.cjs': config });
    const results = parseJson(eslint(project, dir, ['.', '-f', 'json']));
    expect(summary(results, dir)).toEqual(['src/abort.ts:2:3 leaks/no-leaked-listener', 'src/files.ts:4:24 leaks/no-leaked-resource']);
  });

  it("works beside typescript-eslint's recommendedTypeChecked", () => {
    const config = readmeBlocks('Usage').find((block) => block.includes('recommendedTypeChecked'));
    expect(config).toBeDefined();
    const dir = workspace(project, { ...FILES, 'eslint.config.mjs': config! });
    const results = parseJson(eslint(project, dir, ['.', '-f', 'json']));
    expect(results.flatMap((r) => r.messages.filter((m) => m.fatal || m.ruleId === null))).toEqual([]);
    expect(summary(results, dir).filter((line) => line.includes('leaks/'))).toEqual([
      'src/abort.ts:2:3 leaks/no-leaked-listener',
      'src/files.ts:4:24 leaks/no-leaked-resource',
    ]);
  });

  it('lints a file outside every tsconfig once Troubleshooting\'s allowDefaultProject is added, and names the setting before', () => {
    const script = `import * as net from 'node:net';

export function ping(port: number): void {
  const socket = net.connect(port);
  socket.write('ping');
}
`;
    const dir = workspace(project, { ...FILES, 'eslint.config.mjs': readmeConfig(), 'scripts/tool.ts': script });
    const before = parseJson(eslint(project, dir, ['scripts/tool.ts', '-f', 'json']));
    expect(before[0]!.messages).toEqual([
      expect.objectContaining({ fatal: true, message: expect.stringMatching(/was not found by the project service[\s\S]*allowDefaultProject/) }),
    ]);

    const snippet = readmeBlocks('Troubleshooting').find((block) => block.includes('allowDefaultProject'));
    expect(snippet).toBeDefined();
    // The snippet as a user adds it: README's config with its array replaced by the snippet's.
    const config = readmeConfig().replace(/export default defineConfig\([\s\S]*$/, snippet!);
    const fixedDir = workspace(project, {
      ...FILES,
      'eslint.config.mjs': config,
      'scripts/tool.ts': script,
      'scripts/bytes.ts': FILES['src/files.ts'],
    });
    const after = parseJson(eslint(project, fixedDir, ['.', '-f', 'json']));
    expect(summary(after, fixedDir)).toEqual([
      'scripts/bytes.ts:4:24 leaks/no-leaked-resource',
      'scripts/tool.ts:4:18 leaks/no-leaked-resource',
      'src/abort.ts:2:3 leaks/no-leaked-listener',
      'src/files.ts:4:24 leaks/no-leaked-resource',
    ]);

    // The tsconfig compiles src/ (TypeScript downlevels `await using` there); nothing compiles scripts/, so a script
    // that runs as it is written gets try/finally.
    const dryRun = parseJson(eslint(project, fixedDir, ['src/files.ts', 'scripts/bytes.ts', '--fix-dry-run', '-f', 'json']));
    expect(Object.fromEntries(dryRun.map((r) => [path.relative(fixedDir, r.filePath), r.output]))).toEqual({
      'src/files.ts': FIXED_FILES_TS,
      'scripts/bytes.ts': `import * as fs from 'node:fs/promises';

export async function firstBytes(path: string): Promise<number> {
  const handle = await fs.open(path);
  try {
    const { bytesRead } = await handle.read();
    return bytesRead;
  } finally {
    await handle.close();
  }
}
`,
    });
  });
});
