// Lints some corpus packages with every plugin config at once and writes the reports as JSON (one process per
// worker; run.mjs starts them). One parse and one type-check serve all configs: rules a config sets exactly as
// `recommended` does run once under `leaks/`; the others run again under `leaks-<config>/`.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageDir } from './prepare.mjs';

export const BASE_CONFIG = 'recommended';
export const CONFIGS = ['recommended', 'strict'];

const rulesOf = (plugin, name) => Object.assign({}, ...plugin.configs[name].map((config) => config.rules ?? {}));

/**
 * The rule entries of the combined run and, per config, which rule ids of the run make up that config's reports
 * (`leaks/<rule>` for a rule set as in `recommended`, `leaks-<config>/<rule>` for one set otherwise).
 */
export function combinedRules(plugin) {
  const base = rulesOf(plugin, BASE_CONFIG);
  const rules = { ...base };
  const members = { [BASE_CONFIG]: new Map(Object.keys(base).map((id) => [id, id])) };
  for (const name of CONFIGS.filter((config) => config !== BASE_CONFIG)) {
    members[name] = new Map();
    for (const [id, entry] of Object.entries(rulesOf(plugin, name))) {
      if (JSON.stringify(entry) === JSON.stringify(base[id])) members[name].set(id, id);
      else {
        const alias = id.replace(/^leaks\//, `leaks-${name}/`);
        rules[alias] = entry;
        members[name].set(alias, id);
      }
    }
  }
  return { rules, members };
}

async function lintPackage(ESLint, tseslint, plugin, pkg) {
  const cwd = packageDir(pkg.name);
  const { rules, members } = combinedRules(plugin);
  const namespaces = Object.fromEntries([...new Set(Object.keys(rules).map((id) => id.split('/')[0]))].map((ns) => [ns, plugin]));
  const eslint = new ESLint({
    cwd,
    overrideConfigFile: true,
    cache: false,
    overrideConfig: [
      {
        files: ['**/*.{js,cjs,mjs,ts,cts,mts,tsx}'],
        languageOptions: {
          parser: tseslint.parser,
          parserOptions: { project: './tsconfig.json', tsconfigRootDir: cwd },
        },
        linterOptions: { reportUnusedDisableDirectives: 'off' },
        plugins: namespaces,
        rules,
      },
    ],
  });
  const started = process.hrtime.bigint();
  const results = await eslint.lintFiles(pkg.files);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const reports = [];
  const fatal = [];
  let lines = 0;
  for (const result of results) {
    const file = path.relative(cwd, result.filePath).split(path.sep).join('/');
    lines += (result.source ?? fs.readFileSync(result.filePath, 'utf8')).split('\n').length;
    for (const message of result.messages) {
      if (message.fatal) {
        fatal.push({ file, line: message.line, message: message.message });
        continue;
      }
      // The corpus's own directives name rules of other plugins ("Definition for rule … was not found"): not ours.
      if (!message.ruleId || !Object.hasOwn(rules, message.ruleId)) continue;
      const configs = CONFIGS.filter((config) => members[config].has(message.ruleId));
      const rule = members[configs[0]]?.get(message.ruleId) ?? message.ruleId;
      reports.push({ file, line: message.line, column: message.column, rule, messageId: message.messageId, configs, message: message.message });
    }
  }
  return { name: pkg.name, version: pkg.version, language: pkg.language, files: results.length, lines, ms, reports, fatal };
}

/** Reports of one rule at one place that several configs produce are one report listing those configs. */
export function mergeConfigs(reports) {
  const merged = new Map();
  for (const report of reports) {
    const key = `${report.file}:${report.line}:${report.column}:${report.rule}:${report.messageId}`;
    const seen = merged.get(key);
    if (seen) seen.configs = CONFIGS.filter((config) => seen.configs.includes(config) || report.configs.includes(config));
    else merged.set(key, { ...report });
  }
  return [...merged.values()];
}

async function main() {
  const [, , pluginDir, input, output] = process.argv;
  // Single-run mode: typescript-eslint builds each tsconfig's program once instead of a watch program.
  process.env.TSESTREE_SINGLE_RUN = 'true';
  const { ESLint } = await import('eslint');
  const { default: tseslint } = await import('typescript-eslint');
  const pkgJson = JSON.parse(fs.readFileSync(path.join(pluginDir, 'package.json'), 'utf8'));
  const { default: plugin } = await import(pathToFileURL(path.join(pluginDir, pkgJson.exports['.'].default)).href);
  const packages = JSON.parse(fs.readFileSync(input, 'utf8'));
  const out = [];
  for (const pkg of packages) {
    const result = await lintPackage(ESLint, tseslint, plugin, pkg);
    result.reports = mergeConfigs(result.reports);
    out.push(result);
    fs.writeFileSync(output, JSON.stringify(out));
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  await main();
}
