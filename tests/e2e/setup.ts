// Global setup of the e2e project: builds the plugin if its sources are newer than dist/, packs it with `npm pack`
// (what a user installs), and installs the tarball into two fresh projects — ESLint 10 with the newest TypeScript and
// typescript-eslint the package's peer ranges accept, and ESLint 9 with the oldest. Tests write their own small workspaces inside these projects.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';
import type { TestProject } from 'vitest/node';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface E2EContext {
  /** Scratch directory removed after the run. */
  work: string;
  /** Absolute path of the packed tarball. */
  tarball: string;
  /** Installed projects by name: their directory and the versions installed. */
  projects: Record<'eslint10' | 'eslint9', { dir: string; versions: Record<string, string> }>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2EContext;
  }
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    newest = Math.max(newest, statSync(path.join(dir, entry)).mtimeMs);
  }
  return newest;
}

function installedVersion(name: string): string {
  return (JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

function npm(args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`npm ${args.join(' ')} in ${cwd} failed (${code}):\n${output}`))));
  });
}

export default async function setup(project: TestProject): Promise<() => void> {
  const dist = path.join(root, 'dist', 'lib', 'index.js');
  const built = (() => {
    try {
      return statSync(dist).mtimeMs;
    } catch {
      return 0;
    }
  })();
  if (Math.max(newestMtime(path.join(root, 'lib')), newestMtime(path.join(root, 'rules')), statSync(path.join(root, 'package.json')).mtimeMs) > built) {
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  }

  const work = mkdtempSync(path.join(tmpdir(), 'leaks-e2e-'));
  const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: root, encoding: 'utf8' }).trim().split('\n').at(-1)!;
  const tarball = path.join(work, packed);

  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { peerDependencies: Record<string, string> };
  const floor = (name: string): string => semver.minVersion(pkg.peerDependencies[name]!)!.version;
  const versions = {
    // What a user installing today gets: the newest versions the peer ranges allow (TypeScript 6.0, not 7).
    eslint10: {
      eslint: '^10.0.0',
      typescript: pkg.peerDependencies.typescript!,
      'typescript-eslint': pkg.peerDependencies['typescript-eslint']!,
      '@types/node': installedVersion('@types/node'),
    },
    eslint9: {
      eslint: installedVersion('eslint-v9'),
      typescript: `~${floor('typescript')}`,
      'typescript-eslint': `~${floor('typescript-eslint')}`,
      '@types/node': installedVersion('@types/node'),
    },
  };
  const projects = {} as E2EContext['projects'];
  await Promise.all(
    (Object.keys(versions) as (keyof typeof versions)[]).map(async (name) => {
      const dir = path.join(work, name);
      mkdirSync(dir);
      writeFileSync(
        path.join(dir, 'package.json'),
        `${JSON.stringify({ name: `leaks-e2e-${name}`, private: true, type: 'module', devDependencies: { ...versions[name], 'eslint-plugin-leaks': `file:${tarball}` } }, null, 2)}\n`,
      );
      await npm(['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], dir);
      const installed = (dependency: string): string =>
        (JSON.parse(readFileSync(path.join(dir, 'node_modules', dependency, 'package.json'), 'utf8')) as { version: string }).version;
      projects[name] = { dir, versions: Object.fromEntries(Object.keys(versions[name]).map((dependency) => [dependency, installed(dependency)])) };
    }),
  );
  project.provide('e2e', { work, tarball, projects });
  return () => rmSync(work, { recursive: true, force: true });
}
