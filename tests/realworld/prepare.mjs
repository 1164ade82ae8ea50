// Lays out the real-world corpus to lint: installs the pinned packages from this folder's lockfile and writes each
// package's source (its own files, or the original sources its source maps carry) with a tsconfig into .corpus/.
// Both steps are skipped when their inputs have not changed since the last run (a stamp holds their hash).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const here = path.dirname(fileURLToPath(import.meta.url));
export const corpusDir = path.join(here, '.corpus');
const modulesDir = path.join(here, 'node_modules');

const SOURCE = /\.(?:[cm]?js|[cm]?ts|tsx)$/;
const DECLARATION = /\.d\.[cm]?ts$/;

export function readManifest() {
  return JSON.parse(fs.readFileSync(path.join(here, 'corpus.json'), 'utf8')).packages;
}

/** Folder name under .corpus/ for a package: scoped names keep their scope as a folder. */
export function packageDir(name) {
  return path.join(corpusDir, ...name.split('/'));
}

const hashOf = (...parts) => createHash('sha256').update(parts.join('\0')).digest('hex');
const readStamp = (file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');

function install() {
  const lock = fs.readFileSync(path.join(here, 'package-lock.json'), 'utf8');
  const stamp = path.join(modulesDir, '.leaks-realworld-stamp');
  const want = hashOf(lock);
  if (readStamp(stamp) === want) return false;
  // --ignore-scripts: the corpus is read, never run; npm's own cache makes a re-install offline-fast.
  execFileSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: here, stdio: 'inherit' });
  fs.writeFileSync(stamp, want);
  return true;
}

function* walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') yield* walk(full);
    } else if (entry.isFile()) yield full;
  }
}

/** Files under a package's `dirs` (each a folder or a single file), as package-relative POSIX paths. */
function listed(root, dirs) {
  const out = [];
  for (const dir of dirs) {
    const full = path.join(root, dir);
    if (!fs.existsSync(full)) throw new Error(`corpus.json: ${path.relative(here, full)} does not exist`);
    if (fs.statSync(full).isFile()) out.push(dir);
    else for (const file of walk(full)) out.push(path.relative(root, file).split(path.sep).join('/'));
  }
  return out.sort();
}

/**
 * The original sources a package's source maps carry. A map's `sources` are relative to where the package was built,
 * which may lie outside the published folder (`../../../src/x.ts`): the path below the last `..` is kept (`src/x.ts`).
 */
function fromSourceMaps(root, dirs) {
  const sources = new Map();
  for (const mapFile of listed(root, dirs).filter((file) => file.endsWith('.js.map'))) {
    const map = JSON.parse(fs.readFileSync(path.join(root, mapFile), 'utf8'));
    (map.sources ?? []).forEach((source, index) => {
      const text = map.sourcesContent?.[index];
      if (typeof text !== 'string') return;
      const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(mapFile), map.sourceRoot ?? '', source));
      const relative = resolved.split('/').filter((part) => part !== '..' && part !== '.').join('/');
      if (SOURCE.test(relative)) sources.set(relative, text);
    });
  }
  return sources;
}

function tsconfigFor(pkg) {
  return {
    extends: path.relative(packageDir(pkg.name), path.join(here, 'tsconfig.base.json')).split(path.sep).join('/'),
    compilerOptions: pkg.compilerOptions ?? {},
    include: ['**/*'],
  };
}

/** Writes one package's sources into .corpus/<name>/ and returns the package-relative paths of the files to lint. */
function materialize(pkg) {
  const root = path.join(modulesDir, ...pkg.name.split('/'));
  const target = packageDir(pkg.name);
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  const excluded = (file) => (pkg.exclude ?? []).some((prefix) => file.startsWith(prefix));
  const files = new Map();
  if (pkg.from === 'sourcemaps') {
    for (const [file, text] of fromSourceMaps(root, pkg.dirs)) if (!excluded(file)) files.set(file, text);
  } else {
    for (const file of listed(root, pkg.dirs)) {
      if (SOURCE.test(file) && !excluded(file)) files.set(file, fs.readFileSync(path.join(root, file), 'utf8'));
    }
  }
  if (files.size === 0) throw new Error(`corpus.json: ${pkg.name} yields no source files`);
  for (const [file, text] of files) {
    fs.mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
    fs.writeFileSync(path.join(target, file), text);
  }
  // The published package.json (module type, exports) and the package's own nested dependencies, so imports resolve
  // as they do for the published package.
  fs.copyFileSync(path.join(root, 'package.json'), path.join(target, 'package.json'));
  if (fs.existsSync(path.join(root, 'node_modules'))) fs.symlinkSync(path.join(root, 'node_modules'), path.join(target, 'node_modules'), 'dir');
  fs.writeFileSync(path.join(target, 'tsconfig.json'), `${JSON.stringify(tsconfigFor(pkg), null, 2)}\n`);
  return [...files.keys()].filter((file) => !DECLARATION.test(file)).sort();
}

/** Installs and lays out the corpus when its inputs changed; returns the manifest with each package's files to lint. */
export function prepare() {
  const installed = install();
  const inputs = ['package-lock.json', 'corpus.json', 'tsconfig.base.json', 'prepare.mjs'].map((file) => fs.readFileSync(path.join(here, file), 'utf8'));
  const stamp = path.join(corpusDir, '.stamp');
  const index = path.join(corpusDir, 'files.json');
  const want = hashOf(...inputs);
  if (!installed && readStamp(stamp) === want && fs.existsSync(index)) return JSON.parse(fs.readFileSync(index, 'utf8'));
  fs.rmSync(corpusDir, { recursive: true, force: true });
  fs.mkdirSync(corpusDir, { recursive: true });
  const packages = readManifest().map((pkg) => {
    const version = JSON.parse(fs.readFileSync(path.join(modulesDir, ...pkg.name.split('/'), 'package.json'), 'utf8')).version;
    return { ...pkg, version, files: materialize(pkg) };
  });
  fs.writeFileSync(index, JSON.stringify(packages));
  fs.writeFileSync(stamp, want);
  return packages;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const pkg of prepare()) console.log(`${pkg.name}@${pkg.version}: ${pkg.files.length} files`);
}
