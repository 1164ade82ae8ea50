// The plugin object: meta, rules, and the flat configs `recommended`, `strict`, `all`, `disable-type-checked`.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parser } from 'typescript-eslint';
import type { TSESLint } from '@typescript-eslint/utils';
import { type RuleName, rules } from './rules.js';

function readPackageJson(): { name: string; version: string } {
  // Source (lib/index.ts) and build output (dist/lib/index.js) sit at different depths.
  for (const relative of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'eslint-plugin-leaks' && typeof pkg.version === 'string') return { name: pkg.name, version: pkg.version };
    } catch {
      // try the next candidate
    }
  }
  return { name: 'eslint-plugin-leaks', version: '0.0.0' };
}

const { name, version } = readPackageJson();



/**
 * The public shapes of configs and rules: structural subsets that ESLint 9's and 10's `defineConfig`, their
 * `Linter.Config` and typescript-eslint's `config()` all accept (typescript-eslint types its own configs the same way).
 */
export interface CompatibleConfig {
  name?: string;
  rules?: object;
}
export interface CompatibleRule {
  meta?: object;
  // ESLint's and typescript-eslint's RuleContext and listener types differ; only `any` fits both sides.
  create(context: any): any;
}
type RuleLevels = Partial<Record<`leaks/${RuleName}`, TSESLint.SharedConfig.RuleEntry>>;

export interface LeaksPlugin {
  meta: { name: string; version: string; namespace: 'leaks' };
  rules: Record<RuleName, CompatibleRule>;
  configs: {
    recommended: CompatibleConfig[];
    strict: CompatibleConfig[];
    all: CompatibleConfig[];
    'disable-type-checked': CompatibleConfig[];
  };
}

const plugin: LeaksPlugin = {
  meta: { name, version, namespace: 'leaks' },
  rules,
  configs: {} as LeaksPlugin['configs'],
};

const flatPlugin = plugin as unknown as TSESLint.FlatConfig.Plugin;

/** The files the configs lint: TypeScript and JavaScript sources; declaration files have no code to judge. */
const TYPESCRIPT_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
const JAVASCRIPT_FILES = ['**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'];
const DECLARATION_FILES = ['**/*.d.ts', '**/*.d.mts', '**/*.d.cts'];

/**
 * The directory of the `eslint.config.*` file that is reading a config, from the call stack (V8's structured stack
 * trace API, as typescript-eslint infers it for its own configs): the project service looks for each file's
 * tsconfig.json between the file and this directory, so `eslint` run from a subdirectory, or by an editor whose working
 * directory is elsewhere, still finds it. Undefined when no config file is on the stack (the Node.js API with an
 * inline config): typescript-eslint then uses the working directory.
 */
function configFileDirectory(): string | undefined {
  const { prepareStackTrace, stackTraceLimit } = Error;
  const holder: { stack?: unknown } = {};
  let stack: unknown;
  try {
    Error.stackTraceLimit = Infinity;
    Error.prepareStackTrace = (_error, callSites) => callSites;
    Error.captureStackTrace(holder, configFileDirectory);
    stack = holder.stack; // formatted (by prepareStackTrace) when first read
  } finally {
    Error.prepareStackTrace = prepareStackTrace;
    Error.stackTraceLimit = stackTraceLimit;
  }
  const callSites = Array.isArray(stack) ? (stack as NodeJS.CallSite[]) : [];
  for (const callSite of callSites) {
    const location = callSite.getFileName();
    if (!location) continue;
    const file = location.startsWith('file://') ? fileURLToPath(location) : location;
    if (/^eslint\.config\.[cm]?[jt]s$/.test(path.basename(file))) return path.dirname(file);
  }
  return undefined;
}

/**
 * A config brings what its rules need, as typescript-eslint's `recommendedTypeChecked` does: typescript-eslint's
 * parser (the user's typescript-eslint, so there is one project service) with the project service for TypeScript
 * files (each file is typed by the tsconfig.json nearest to it), then the rules for TypeScript and JavaScript files.
 * JavaScript files keep ESLint's own parser unless the user's config gives them typescript-eslint's; when typed
 * linting is off for them the rules skip them (lib/create-rule.ts).
 */
function config(configName: string, ruleLevels: RuleLevels): TSESLint.FlatConfig.ConfigArray {
  const tsconfigRootDir = configFileDirectory();
  return [
    {
      // Declaration files too: another config object may make ESLint lint them, and only this parser reads them.
      name: 'leaks/typescript-parser',
      files: TYPESCRIPT_FILES,
      languageOptions: { parser, parserOptions: { projectService: true, ...(tsconfigRootDir && { tsconfigRootDir }) } },
    },
    {
      name: `leaks/${configName}`,
      files: [...TYPESCRIPT_FILES, ...JAVASCRIPT_FILES],
      ignores: DECLARATION_FILES,
      plugins: { leaks: flatPlugin },
      rules: ruleLevels,
    },
  ];
}

const recommendedRules: RuleLevels = {
  'leaks/no-leaked-resource': 'error',
  'leaks/no-leaked-timer': 'error',
  'leaks/no-unconsumed-body': 'error',
  'leaks/no-unended-response': 'error',
  'leaks/no-hanging-socket': 'error',
  'leaks/no-unreleased-field': 'error',
  'leaks/no-leaked-listener': 'error',
};

const strictRules: RuleLevels = {
  ...recommendedRules,
  'leaks/no-leaked-resource': ['error', { checkExceptionPaths: true }],
  'leaks/no-unreleased-field': ['error', { checkOverwrites: true }],
};

/** Every rule, with every check its options can turn on (policies such as `unknownCallees` keep their defaults). */
const allRules: RuleLevels = {
  ...(Object.fromEntries(Object.keys(rules).map((rule) => [`leaks/${rule}`, 'error'])) as RuleLevels),
  'leaks/no-leaked-resource': ['error', { checkExceptionPaths: true, checkModuleScope: true }],
  'leaks/no-leaked-timer': ['error', { checkExceptionPaths: true, checkModuleScope: true }],
  'leaks/no-unreleased-field': ['error', { checkOverwrites: true }],
};

// Getters, so that each read finds the config file reading it (a project's and its packages' configs may differ).
Object.defineProperties(plugin.configs, {
  recommended: { enumerable: true, get: () => config('recommended', recommendedRules) },
  strict: { enumerable: true, get: () => config('strict', strictRules) },
  all: { enumerable: true, get: () => config('all', allRules) },
});

// Like the other configs it registers the plugin, so it can be used on its own; it names no files and sets no parser,
// so it applies to the files of the config object that extends it.
const disableTypeChecked: TSESLint.FlatConfig.ConfigArray = [
  {
    name: 'leaks/disable-type-checked',
    plugins: { leaks: flatPlugin },
    rules: Object.fromEntries(Object.keys(rules).map((rule) => [`leaks/${rule}`, 'off'])) as RuleLevels,
  },
];
plugin.configs['disable-type-checked'] = disableTypeChecked;

export default plugin;
// `require('eslint-plugin-leaks')` (an eslint.config.cjs, Node's require of ES modules) gets the plugin itself.
export { plugin as 'module.exports' };
