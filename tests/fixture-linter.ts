// An ESLint instance that runs chosen rules of the plugin, with chosen options, on the typed fixture project.
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { rules } from '../lib/rules.js';
import { fixturesDir } from './rule-tester.js';

export type RuleId = keyof typeof rules;

const linters = new Map<string, ESLint>();

/** One instance per configuration, shared by the tests of a file: each builds its own TypeScript program. */
export function fixtureLinter(ruleOptions: Partial<Record<RuleId, readonly unknown[]>>, { fix = false } = {}): ESLint {
  const key = JSON.stringify([ruleOptions, fix]);
  let eslint = linters.get(key);
  if (!eslint) {
    const ids = Object.keys(ruleOptions) as RuleId[];
    eslint = new ESLint({
      cwd: fixturesDir,
      overrideConfigFile: true,
      fix,
      overrideConfig: [
        {
          files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.cjs'],
          languageOptions: {
            parser: tseslint.parser as Linter.Parser,
            parserOptions: { projectService: true, tsconfigRootDir: fixturesDir, ecmaFeatures: { jsx: true } },
          },
          plugins: { leaks: { rules: Object.fromEntries(ids.map((id) => [id, rules[id]])) } as unknown as ESLint.Plugin },
          rules: Object.fromEntries(ids.map((id) => [`leaks/${id}`, ['error', ...(ruleOptions[id] ?? [])] as Linter.RuleEntry])),
        },
      ],
    });
    linters.set(key, eslint);
  }
  return eslint;
}
