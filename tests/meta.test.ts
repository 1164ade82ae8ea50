// Fails when the plugin's index, rule files, docs, configs and package.json drift apart.
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import plugin from '../lib/index.js';
import { rules } from '../lib/rules.js';
import { REPOSITORY, REPOSITORY_DOCS } from '../lib/create-rule.js';
import { parser } from 'typescript-eslint';
import type { TSESLint } from '@typescript-eslint/utils';
import semver from 'semver';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
const installedVersion = (name: string): string =>
  (JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

// The plugin object types its rules loosely for ESLint's config types; the rule modules carry the full types.
const ruleEntries = Object.entries(rules);

/** A rule's meta.docs, which every rule of this plugin has (RuleCreator adds the url). */
function docsOf(rule: (typeof ruleEntries)[number][1]): NonNullable<typeof rule.meta.docs> & { url: string } {
  const { docs } = rule.meta;
  if (!docs?.url) throw new Error(`${rule.name} has no meta.docs.url`);
  return { ...docs, url: docs.url };
}
const ruleIds = ruleEntries.map(([id]) => id).sort();
const baseNames = (dir: string, ext: string): string[] =>
  readdirSync(path.join(root, dir))
    .filter((name) => name.endsWith(ext))
    .map((name) => name.slice(0, -ext.length))
    .sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
    .map((name) => path.join(root, dir, name));
}

/** String literals inside the value of every `messageId:` property (covers `messageId: pooling ? 'a' : 'b'`). */
function referencedMessageIds(files: string[]): Set<string> {
  const ids = new Set<string>();
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const collectStrings = (node: ts.Node): void => {
      if (ts.isStringLiteralLike(node)) ids.add(node.text);
      ts.forEachChild(node, collectStrings);
    };
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'messageId') {
        collectStrings(node.initializer);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return ids;
}

describe('rules, files and docs', () => {
  it('has a rule file for every rule and a rule for every rule file', () => {
    expect(baseNames('rules', '.ts')).toEqual(ruleIds);
  });

  it('has a doc for every rule and a rule for every doc', () => {
    expect(baseNames('docs/rules', '.md')).toEqual(ruleIds);
  });

  for (const [id, rule] of ruleEntries) {
    describe(id, () => {
      it('is the default export of rules/<id>.ts and carries its id as name', async () => {
        const module = (await import(pathToFileURL(path.join(root, 'rules', `${id}.ts`)).href)) as { default: unknown };
        expect(module.default).toBe(rule);
        expect(rule.name).toBe(id);
      });

      it('links meta.docs.url to its doc', () => {
        expect(docsOf(rule).url).toBe(`${REPOSITORY_DOCS}${id}.md`);
        expect(docsOf(rule).url.endsWith(`/docs/rules/${id}.md`)).toBe(true);
      });

      it('requires type checking and has a description', () => {
        expect(docsOf(rule).requiresTypeChecking).toBe(true);
        expect(docsOf(rule).description.length).toBeGreaterThan(0);
      });

      it('reports every message it declares somewhere in lib/ or rules/', () => {
        const referenced = referencedMessageIds([...sourceFiles('lib'), ...sourceFiles('rules')]);
        expect(Object.keys(rule.meta.messages).filter((messageId) => !referenced.has(messageId))).toEqual([]);
      });
    });
  }
});

describe('configs', () => {
  const configs = Object.entries(plugin.configs);

  /** The rules a config array sets, merged in order, as ESLint would. */
  const rulesOf = (config: unknown[]): Record<string, unknown> =>
    Object.assign({}, ...config.map((item) => (item as { rules?: Record<string, unknown> }).rules ?? {}));
  const severity = (entry: unknown): unknown => (Array.isArray(entry) ? entry[0] : entry);

  it('exports recommended, strict, all and disable-type-checked', () => {
    expect(Object.keys(plugin.configs).sort()).toEqual(['all', 'disable-type-checked', 'recommended', 'strict']);
  });

  it('makes every config an array of named flat config objects', () => {
    for (const [name, config] of configs) {
      expect(Array.isArray(config), name).toBe(true);
      expect(config.length, name).toBeGreaterThan(0);
      for (const item of config) {
        expect(typeof item, name).toBe('object');
        expect(item.name, name).toMatch(/^leaks\//);
      }
    }
  });

  it('registers the plugin under its namespace wherever a config turns a rule on', () => {
    for (const [name, config] of configs) {
      const turnsOn = Object.values(rulesOf(config)).some((entry) => !['off', 0].includes(severity(entry) as string));
      const registers = (item: object): boolean => (item as { plugins?: Record<string, unknown> }).plugins?.leaks === plugin;
      if (turnsOn) expect(config.some(registers), name).toBe(true);
    }
  });

  it('recommended turns on exactly the rules marked recommended', () => {
    const recommended = ruleEntries.filter(([, rule]) => docsOf(rule).recommended).map(([id]) => `leaks/${id}`);
    const rules = rulesOf(plugin.configs.recommended);
    expect(Object.keys(rules).sort()).toEqual(recommended.sort());
    for (const entry of Object.values(rules)) expect(severity(entry)).toBe('error');
  });

  it('strict turns on every recommended rule', () => {
    const rules = rulesOf(plugin.configs.strict);
    for (const [id, rule] of ruleEntries) {
      if (docsOf(rule).recommended) expect(severity(rules[`leaks/${id}`]), id).toBe('error');
    }
  });

  it('all turns on every rule', () => {
    const rules = rulesOf(plugin.configs.all);
    expect(Object.keys(rules).sort()).toEqual(ruleIds.map((id) => `leaks/${id}`));
    for (const entry of Object.values(rules)) expect(severity(entry)).toBe('error');
  });

  it('all turns on every check the options offer', () => {
    const rules = rulesOf(plugin.configs.all);
    const options = (id: string): Record<string, unknown> => {
      const entry = rules[`leaks/${id}`];
      return (Array.isArray(entry) ? entry[1] : undefined) ?? {};
    };
    for (const [id, rule] of ruleEntries) {
      const schema = (rule.meta.schema as unknown as { properties?: Record<string, { type?: string }> }[])[0]?.properties ?? {};
      for (const [option, spec] of Object.entries(schema)) {
        if (option.startsWith('check') && spec.type === 'boolean') expect(options(id)[option], `${id} ${option}`).toBe(true);
      }
    }
  });

  it('recommended, strict and all bring typescript-eslint\'s parser with the project service for TypeScript files, and lint JavaScript too', () => {
    for (const name of ['recommended', 'strict', 'all'] as const) {
      const config = plugin.configs[name] as TSESLint.FlatConfig.Config[];
      const parsing = config.find((item) => item.languageOptions?.parser);
      expect(parsing?.languageOptions?.parser, name).toBe(parser);
      expect(parsing?.languageOptions?.parserOptions?.projectService, name).toBe(true);
      expect(parsing?.files, name).toEqual(['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts']);
      const withRules = config.find((item) => item.rules)!;
      expect(withRules.files, name).toEqual(expect.arrayContaining(['**/*.ts', '**/*.js', '**/*.mjs', '**/*.cjs']));
      expect(withRules.ignores, name).toEqual(['**/*.d.ts', '**/*.d.mts', '**/*.d.cts']);
      // Declaration files that another config object lints still get the TypeScript parser.
      expect(parsing?.ignores, name).toBeUndefined();
    }
  });

  it('disable-type-checked turns every rule off', () => {
    const rules = rulesOf(plugin.configs['disable-type-checked']);
    expect(rules).toEqual(Object.fromEntries(ruleIds.map((id) => [`leaks/${id}`, 'off'])));
  });

  it('every config registers the plugin, so each one can be used on its own', () => {
    for (const [name, config] of configs) {
      const registers = (item: object): boolean => (item as { plugins?: Record<string, unknown> }).plugins?.leaks === plugin;
      expect(config.some(registers), name).toBe(true);
    }
  });
});

describe('package', () => {
  const pkg = packageJson as unknown as {
    license: string;
    homepage: string;
    repository: { url: string };
    bugs: { url: string };
    files: string[];
    dependencies: Record<string, string>;
    peerDependencies: Record<string, string>;
  };

  it('points repository, bugs, homepage and every rule docs URL at the same repository', () => {
    expect(pkg.repository.url).toBe(`git+${REPOSITORY}.git`);
    expect(pkg.bugs.url).toBe(`${REPOSITORY}/issues`);
    expect(pkg.homepage.startsWith(REPOSITORY)).toBe(true);
    expect(REPOSITORY_DOCS.startsWith(`${REPOSITORY}/blob/main/`)).toBe(true);
  });

  it('ships a LICENSE that is the license package.json names', () => {
    expect(pkg.files).toContain('LICENSE');
    expect(readFileSync(path.join(root, 'LICENSE'), 'utf8')).toMatch(new RegExp(`^${pkg.license} License`));
  });

  it('depends on typescript-eslint packages by ranges that start where the typescript-eslint peer range starts, and takes the parser from the peer', () => {
    // The parser (and with it the project service, which holds the programs) must be the user's own: a second copy
    // would build every program twice.
    expect(Object.keys(pkg.dependencies)).not.toContain('@typescript-eslint/parser');
    expect(Object.keys(pkg.dependencies)).not.toContain('@typescript-eslint/typescript-estree');
    const peerFloor = semver.minVersion(pkg.peerDependencies['typescript-eslint']!)!;
    for (const [name, range] of Object.entries(pkg.dependencies).filter(([name]) => name.startsWith('@typescript-eslint/'))) {
      expect(semver.valid(range), `${name} is pinned to ${range}`).toBeNull();
      expect(semver.minVersion(range)!.version, name).toBe(peerFloor.version);
      expect(semver.satisfies(installedVersion(name), range), name).toBe(true);
    }
  });
});

describe('plugin meta', () => {
  it('names the package, its version and the namespace', () => {
    expect(plugin.meta.name).toBe('eslint-plugin-leaks');
    expect(plugin.meta.version).toBe(packageJson.version);
    expect(plugin.meta.namespace).toBe('leaks');
  });
});
