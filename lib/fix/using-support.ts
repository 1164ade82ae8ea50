// Whether a `using` / `await using` declaration is valid for a file and a resource type: the TypeScript version and
// `lib`, whether the emitted code still runs (TypeScript downlevels it), and whether the type's disposal method exists
// at runtime on the oldest Node.js version the code supports.
import * as fs from 'node:fs';
import * as path from 'node:path';
import semver from 'semver';
import ts from 'typescript';
import type { Catalog } from '../catalog/catalog.js';
import { DISPOSAL_MISSING_AT_RUNTIME, DISPOSE_SYMBOLS_SINCE } from '../catalog/resources.js';

export interface ProjectUsingSupport {
  /** TypeScript ≥ 5.2 with the `esnext.disposable` lib (directly or through `esnext`): `using` type-checks. */
  typeChecks: boolean;
  /** TypeScript emits this file and rewrites `using` for its target, so no runtime support for the syntax is needed. */
  downlevels: boolean;
}

const byProgram = new WeakMap<ts.Program, boolean>();

interface ProjectConfig {
  mtimeMs: number;
  options: ts.CompilerOptions;
  fileNames: Set<string>;
}
const configByFile = new Map<string, ProjectConfig | undefined>();

/**
 * The project's tsconfig.json as it says, re-read when the file changes (an editor's session outlives edits to it).
 * A lint program's own options are not that: typescript-eslint forces `noEmit` on the programs it builds ahead of time
 * for a single CLI run (`eslint .`, `--fix-dry-run`, `CI=true`) but not on those of `--fix` or an editor, so a decision
 * read from them would differ between `--fix-dry-run` and `--fix`.
 */
function projectConfig(program: ts.Program): ProjectConfig | undefined {
  const configFile = program.getCompilerOptions().configFilePath;
  if (typeof configFile !== 'string') return undefined;
  let mtimeMs: number;
  try {
    mtimeMs = fs.statSync(configFile).mtimeMs;
  } catch {
    return undefined;
  }
  const cached = configByFile.get(configFile);
  if (cached && cached.mtimeMs === mtimeMs) return cached;
  let config: ProjectConfig | undefined;
  try {
    const host: ts.ParseConfigFileHost = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined };
    const parsed = ts.getParsedCommandLineOfConfigFile(configFile, undefined, host);
    config = parsed && { mtimeMs, options: parsed.options, fileNames: new Set(parsed.fileNames.map((name) => path.resolve(name))) };
  } catch {
    config = undefined;
  }
  configByFile.set(configFile, config);
  return config;
}

function typeChecksUsing(program: ts.Program): boolean {
  let typeChecks = byProgram.get(program);
  if (typeChecks === undefined) {
    const [major = 0, minor = 0] = ts.versionMajorMinor.split('.').map(Number);
    const disposableLib = program
      .getSourceFiles()
      .some((file) => program.isSourceFileDefaultLibrary(file) && /[\\/]lib\.[a-z0-9]+\.disposable\.d\.ts$/.test(file.fileName));
    typeChecks = (major > 5 || (major === 5 && minor >= 2)) && disposableLib;
    byProgram.set(program, typeChecks);
  }
  return typeChecks;
}

const emitsDownlevel = (options: ts.CompilerOptions): boolean =>
  !options.noEmit && !options.emitDeclarationOnly && (options.target ?? ts.ScriptTarget.ES5) < ts.ScriptTarget.ESNext;

export function projectUsingSupport(program: ts.Program, fileName: string): ProjectUsingSupport {
  const typeScriptFile = /\.[cm]?tsx?$/.test(fileName) && !/\.d\.[cm]?tsx?$/.test(fileName);
  // The tsconfig decides what TypeScript emits for the files it compiles. A file it does not compile (one typed by a
  // default project, `allowDefaultProject`) is not emitted by anything TypeScript runs: the program's own options.
  const config = projectConfig(program);
  const options = config?.fileNames.has(path.resolve(fileName)) ? config.options : program.getCompilerOptions();
  return { typeChecks: typeChecksUsing(program) && typeScriptFile, downlevels: emitsDownlevel(options) && typeScriptFile };
}

const versionByDirectory = new Map<string, string | undefined>();

/** The lowest version `engines.node` of the nearest package.json allows, if it says. */
function enginesNodeVersion(directory: string): string | undefined {
  if (versionByDirectory.has(directory)) return versionByDirectory.get(directory);
  let version: string | undefined;
  const file = path.join(directory, 'package.json');
  if (fs.existsSync(file)) {
    try {
      const range = (JSON.parse(fs.readFileSync(file, 'utf8')) as { engines?: { node?: unknown } }).engines?.node;
      version = typeof range === 'string' ? (semver.minVersion(range)?.version ?? undefined) : undefined;
    } catch {
      version = undefined;
    }
  } else {
    const parent = path.dirname(directory);
    version = parent === directory ? undefined : enginesNodeVersion(parent);
  }
  versionByDirectory.set(directory, version);
  return version;
}

/**
 * The oldest Node.js version the linted code runs on: the option, else the minimum of `engines.node` in the nearest
 * package.json, else the Node.js running ESLint.
 */
export function targetNodeVersion(fileName: string, option: string | undefined): string {
  const fromOption = option ? semver.coerce(option)?.version : undefined;
  return fromOption ?? enginesNodeVersion(path.dirname(path.resolve(fileName))) ?? process.versions.node;
}

/**
 * Whether a member documented `@since v22.4.0, v20.16.0` exists on every Node.js version from `version` on: it must
 * be in `version`'s own release line at or before it, and no later release line may still lack it.
 */
export function availableSince(since: string, version: string): boolean {
  const listed = [...since.matchAll(/v?(\d+)\.(\d+)\.(\d+)/g)].map((m) => `${m[1]}.${m[2]}.${m[3]}`);
  if (listed.length === 0) return true;
  const major = semver.major(version);
  const sameLine = listed.find((v) => semver.major(v) === major);
  if (sameLine) return semver.gte(version, sameLine);
  const earlier = listed.filter((v) => semver.major(v) < major);
  return earlier.length > 0 && listed.every((v) => semver.major(v) < major);
}

export interface Disposal {
  /** `[Symbol.dispose]` exists: `using`. */
  sync: boolean;
  /** `[Symbol.asyncDispose]` exists: `await using`. */
  async: boolean;
}

function member(checker: ts.TypeChecker, type: ts.Type, symbolName: 'dispose' | 'asyncDispose'): ts.Symbol | undefined {
  const prefix = `__@${symbolName}@`;
  return checker.getPropertiesOfType(type).find((p) => String(p.escapedName).startsWith(prefix));
}

/** Which disposal methods of `type` (every non-nullish constituent) are there at runtime on Node.js `version`. */
export function runtimeDisposal(checker: ts.TypeChecker, catalog: Catalog, type: ts.Type, version: string): Disposal {
  const parts = (type.isUnion() ? type.types : [type]).filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
  const result: Disposal = { sync: parts.length > 0, async: parts.length > 0 };
  for (const part of parts) {
    if (part.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown) || catalog.matches(part, DISPOSAL_MISSING_AT_RUNTIME)) {
      return { sync: false, async: false };
    }
    for (const [key, name] of [['sync', 'dispose'], ['async', 'asyncDispose']] as const) {
      const symbol = member(checker, part, name);
      const since = symbol
        ?.getJsDocTags(checker)
        .find((tag) => tag.name === 'since')
        ?.text?.map((t) => t.text)
        .join('');
      if (!symbol || !availableSince(since ?? DISPOSE_SYMBOLS_SINCE, version) || !availableSince(DISPOSE_SYMBOLS_SINCE, version)) {
        result[key] = false;
      }
    }
  }
  return result;
}
