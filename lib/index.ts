// The plugin object: meta, rules, and the flat configs `recommended`, `strict`, `all`, `disable-type-checked`.
import { readFileSync } from 'node:fs';
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

function config(configName: string, ruleLevels: RuleLevels): TSESLint.FlatConfig.ConfigArray {
  return [{ name: `leaks/${configName}`, plugins: { leaks: flatPlugin }, rules: ruleLevels }];
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
  'leaks/no-leaked-resource': ['error', { checkExceptionPaths: true }],
  'leaks/no-leaked-timer': 'error',
  'leaks/no-unconsumed-body': 'error',
  'leaks/no-unended-response': 'error',
  'leaks/no-hanging-socket': 'error',
  'leaks/no-unreleased-field': ['error', { checkOverwrites: true }],
  'leaks/no-leaked-listener': 'error',
};

plugin.configs.recommended = config('recommended', recommendedRules);
plugin.configs.strict = config('strict', strictRules);
plugin.configs.all = config(
  'all',
  Object.fromEntries(Object.keys(rules).map((rule) => [`leaks/${rule}`, 'error'])) as RuleLevels,
);
// Like the other configs it registers the plugin, so it can be used on its own.
plugin.configs['disable-type-checked'] = config(
  'disable-type-checked',
  Object.fromEntries(Object.keys(rules).map((rule) => [`leaks/${rule}`, 'off'])) as RuleLevels,
);

export default plugin;
