// The plugin object: meta, rules, and the flat configs `recommended`, `strict`, `all`, `disable-type-checked`.
import { readFileSync } from 'node:fs';
import type { TSESLint } from '@typescript-eslint/utils';
import noLeakedResource from '../rules/no-leaked-resource.js';

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

// Not exported by name: eslint-doc-generator unwraps `default` only when it is the module's sole export.
const rules = {
  'no-leaked-resource': noLeakedResource,
} satisfies Record<string, TSESLint.RuleModule<string, readonly unknown[]>>;

type RuleName = keyof typeof rules;
type RuleLevels = Partial<Record<`leaks/${RuleName}`, TSESLint.SharedConfig.RuleEntry>>;

export interface LeaksPlugin {
  meta: { name: string; version: string; namespace: 'leaks' };
  rules: typeof rules;
  configs: {
    recommended: TSESLint.FlatConfig.ConfigArray;
    strict: TSESLint.FlatConfig.ConfigArray;
    all: TSESLint.FlatConfig.ConfigArray;
    'disable-type-checked': TSESLint.FlatConfig.ConfigArray;
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
};

const strictRules: RuleLevels = {
  'leaks/no-leaked-resource': ['error', { checkExceptionPaths: true }],
};

plugin.configs.recommended = config('recommended', recommendedRules);
plugin.configs.strict = config('strict', strictRules);
plugin.configs.all = config(
  'all',
  Object.fromEntries(Object.keys(rules).map((rule) => [`leaks/${rule}`, 'error'])) as RuleLevels,
);
plugin.configs['disable-type-checked'] = [
  {
    name: 'leaks/disable-type-checked',
    rules: Object.fromEntries(Object.keys(rules).map((rule) => [`leaks/${rule}`, 'off'])) as RuleLevels,
  },
];

export default plugin;
