// What the e2e tests share: running a command in an installed project, writing a workspace of files, and README's
// config snippet exactly as a user copies it.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command; `CI` is unset unless given, so that typescript-eslint infers single-run mode as on a user's machine. */
export function run(command: string, args: string[], cwd: string, env: Record<string, string | undefined> = {}): Run {
  const { CI: _ci, ...inherited } = process.env;
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...inherited, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** ESLint's CLI of an installed project, started as `node_modules/.bin/eslint` starts it. */
export function eslint(project: string, cwd: string, args: string[], env: Record<string, string | undefined> = {}): Run {
  return run(process.execPath, [path.join(project, 'node_modules', 'eslint', 'bin', 'eslint.js'), ...args], cwd, env);
}

/** A new directory inside `project` (so that its node_modules resolve) holding `files`. */
export function workspace(project: string, files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(project, 'ws-'));
  writeFiles(dir, files);
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
}

/** A copy of a workspace next to it. */
export function copyWorkspace(dir: string): string {
  const copy = mkdtempSync(`${dir}-copy-`);
  cpSync(dir, copy, { recursive: true });
  return copy;
}

export function read(dir: string, name: string): string {
  return readFileSync(path.join(dir, name), 'utf8');
}

/** The ```js blocks of a section of README.md (`## Usage`, `## Troubleshooting`), as a user copies them. */
export function readmeBlocks(section: string): string[] {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const start = readme.indexOf(`\n## ${section}\n`);
  if (start === -1) throw new Error(`README.md has no "## ${section}" section`);
  const end = readme.indexOf('\n## ', start + 1);
  const blocks = [...readme.slice(start, end === -1 ? undefined : end).matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]!);
  if (blocks.length === 0) throw new Error(`README.md has no \`\`\`js block under "## ${section}"`);
  return blocks;
}

/** The first ```js block of README's "## Usage" section: the config a new user copies. */
export function readmeConfig(): string {
  return readmeBlocks('Usage')[0]!;
}

/** A plain TypeScript project: strict, Node types, ES2022 output to dist/. */
export const TSCONFIG = `${JSON.stringify(
  {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      lib: ['ES2022', 'esnext.disposable'],
      types: ['node'],
      outDir: 'dist',
      skipLibCheck: true,
    },
    include: ['src'],
  },
  null,
  2,
)}\n`;

export interface LintMessage {
  ruleId: string | null;
  line: number;
  column: number;
  message: string;
  fatal?: boolean;
  severity: number;
}
export interface LintResult {
  filePath: string;
  messages: LintMessage[];
  output?: string;
}

export function parseJson(result: Run): LintResult[] {
  try {
    return JSON.parse(result.stdout) as LintResult[];
  } catch {
    throw new Error(`ESLint printed no JSON (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}

/** The sample sources the e2e tests lint: a FileHandle `--fix` releases, a listener only a suggestion removes. */
export const LEAKY_FILES_TS = `import * as fs from 'node:fs/promises';

export async function firstBytes(path: string): Promise<number> {
  const handle = await fs.open(path);
  const { bytesRead } = await handle.read();
  return bytesRead;
}
`;

/** LEAKY_FILES_TS after `eslint --fix` in a project whose tsconfig emits ES2022 (TypeScript downlevels `await using`). */
export const FIXED_FILES_TS = `import * as fs from 'node:fs/promises';

export async function firstBytes(path: string): Promise<number> {
  await using handle = await fs.open(path);
  const { bytesRead } = await handle.read();
  return bytesRead;
}
`;

export const ABORT_TS = `export async function pause(ms: number, signal: AbortSignal): Promise<void> {
  signal.addEventListener('abort', () => console.log('aborted'));
  await new Promise((resolve) => setTimeout(resolve, ms));
}
`;

export const CLEAN_TS = `import * as fs from 'node:fs/promises';

export async function size(path: string): Promise<number> {
  const handle = await fs.open(path);
  try {
    return (await handle.stat()).size;
  } finally {
    await handle.close();
  }
}
`;
