// The CI gate README describes: `npx eslint . -f @microsoft/eslint-formatter-sarif -o eslint.sarif` (the command
// taken from README) in the ESLint 10 project with README's config and the formatter installed beside it. ESLint exits
// with 1, and the file it writes is a SARIF 2.1.0 log that validates against the SARIF 2.1.0 schema (the one
// @microsoft/jest-sarif ships; logs that break it in five different ways are rejected, so the check has teeth). Its
// results carry the plugin's rule ids, the files' URIs and the start line and column of each report; the run's
// tool.driver names ESLint with its version and lists the plugin's rules with their docs URLs (helpUri, from the
// installed plugin's rule meta, pointing at this repository's docs/rules pages) and descriptions.
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { ABORT_TS, CLEAN_TS, LEAKY_FILES_TS, TSCONFIG, eslint, readmeConfig, root, run, workspace } from './helpers.js';

const { projects } = inject('e2e');
const project = projects.eslint10.dir;

const FILES = {
  'tsconfig.json': TSCONFIG,
  'eslint.config.mjs': readmeConfig(),
  'src/files.ts': LEAKY_FILES_TS,
  'src/abort.ts': ABORT_TS,
  'src/clean.ts': CLEAN_TS,
};

const requireFromRoot = createRequire(path.join(root, 'package.json'));
/** The formatter as installed in this repository (a devDependency); the workspace links it into its node_modules. */
const FORMATTER = path.dirname(requireFromRoot.resolve('@microsoft/eslint-formatter-sarif/package.json'));

/** README's CI command for SARIF, as its arguments after `npx eslint`. */
function readmeSarifArgs(): string[] {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const match = /`npx eslint (\. -f @microsoft\/eslint-formatter-sarif [^`]*)`/.exec(readme);
  if (!match) throw new Error('README.md has no `npx eslint . -f @microsoft/eslint-formatter-sarif …` command');
  return match[1]!.split(' ');
}

interface ErrorObject {
  keyword: string;
  dataPath: string;
  message?: string;
}
type Validate = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/**
 * The SARIF 2.1.0 schema @microsoft/jest-sarif ships, compiled the way its `toBeValidSarifLog` matcher compiles it (ajv 6,
 * draft-04). The matcher itself cannot be loaded here: it requires `tslib` and `jest-matcher-utils`, which it does not
 * declare as dependencies, and calls jest's global `expect.extend` on import.
 */
const validateSarif: Validate = (() => {
  const jestSarif = path.dirname(requireFromRoot.resolve('@microsoft/jest-sarif/package.json'));
  const requireFromJestSarif = createRequire(path.join(jestSarif, 'package.json'));
  const Ajv = requireFromJestSarif('ajv') as new (options: object) => {
    addMetaSchema(schema: object): void;
    compile(schema: object): Validate;
  };
  const ajv = new Ajv({ schemaId: 'auto', allErrors: true });
  ajv.addMetaSchema(requireFromJestSarif('ajv/lib/refs/json-schema-draft-04.json') as object);
  const schema = JSON.parse(readFileSync(path.join(jestSarif, 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8')) as { title: string };
  if (!schema.title.includes('SARIF') || !schema.title.includes('2.1.0')) throw new Error(`not the SARIF 2.1.0 schema: ${schema.title}`);
  return ajv.compile(schema);
})();

/** The schema's complaints about `log`, one line each ('' when it is valid). */
function schemaErrors(log: unknown): string {
  return validateSarif(log) ? '' : (validateSarif.errors ?? []).map((e) => `${e.dataPath || '/'} ${e.keyword}: ${e.message}`).join('\n');
}

interface SarifLog {
  version: string;
  $schema: string;
  runs: {
    tool: { driver: { name: string; version?: string; informationUri: string; rules: { id: string; helpUri: string; shortDescription?: { text: string } }[] } };
    artifacts: { location: { uri: string } }[];
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string; index: number }; region: { startLine: number; startColumn: number } } }[];
    }[];
    invocations?: unknown;
  }[];
}

/** The installed plugin's rule meta, read by Node in the project, as ESLint loads it. */
function ruleDocs(): Record<string, { url: string; description: string }> {
  const script = `import leaks from 'eslint-plugin-leaks';
console.log(JSON.stringify(Object.fromEntries(Object.entries(leaks.rules).map(([name, rule]) => [name, rule.meta.docs]))));`;
  const result = run(process.execPath, ['--input-type=module', '-e', script], project);
  if (result.status !== 0) throw new Error(`could not read the plugin's rules (${result.status}):\n${result.stderr}`);
  return JSON.parse(result.stdout) as Record<string, { url: string; description: string }>;
}

describe('SARIF from @microsoft/eslint-formatter-sarif (ESLint 10)', () => {
  it('is a valid SARIF 2.1.0 log with the leaks, their rules and docs URLs', () => {
    const args = readmeSarifArgs();
    expect(args).toEqual(['.', '-f', '@microsoft/eslint-formatter-sarif', '-o', 'eslint.sarif']);
    const dir = workspace(project, FILES);
    // As `npm i -D @microsoft/eslint-formatter-sarif` would leave it: ESLint finds the formatter by its package name.
    mkdirSync(path.join(dir, 'node_modules', '@microsoft'), { recursive: true });
    symlinkSync(FORMATTER, path.join(dir, 'node_modules', '@microsoft', 'eslint-formatter-sarif'), 'dir');
    const lint = eslint(project, dir, args);
    expect(lint.stderr).toBe('');
    expect(lint.stdout).toBe(''); // the report went to the file
    expect(lint.status).toBe(1);

    const log = JSON.parse(readFileSync(path.join(dir, 'eslint.sarif'), 'utf8')) as SarifLog;
    expect(schemaErrors(log)).toBe('');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const [sarifRun] = log.runs;
    expect(sarifRun!.invocations).toBeUndefined(); // no ESLint-internal errors (messages without a rule id)

    const uri = (file: string): string => pathToFileURL(path.join(dir, file)).href;
    // Every linted file is an artifact; the results are the two leaks, each pointing at its artifact and its rule.
    expect(sarifRun!.artifacts.map((a) => a.location.uri).sort()).toEqual(
      ['eslint.config.mjs', 'src/abort.ts', 'src/clean.ts', 'src/files.ts'].map(uri).sort(),
    );
    const results = sarifRun!.results.map((result) => {
      const [location] = result.locations;
      const { artifactLocation, region } = location!.physicalLocation;
      expect(sarifRun!.artifacts[artifactLocation.index]!.location.uri).toBe(artifactLocation.uri);
      expect(sarifRun!.tool.driver.rules[result.ruleIndex]!.id).toBe(result.ruleId);
      return { ruleId: result.ruleId, level: result.level, uri: artifactLocation.uri, line: region.startLine, column: region.startColumn };
    });
    expect(results.sort((a, b) => a.uri.localeCompare(b.uri))).toEqual([
      { ruleId: 'leaks/no-leaked-listener', level: 'error', uri: uri('src/abort.ts'), line: 2, column: 3 },
      { ruleId: 'leaks/no-leaked-resource', level: 'error', uri: uri('src/files.ts'), line: 4, column: 24 },
    ]);
    const messages = Object.fromEntries(sarifRun!.results.map((r) => [r.ruleId, r.message.text]));
    expect(messages['leaks/no-leaked-resource']).toContain('`handle` (FileHandle, created here) is not closed when `firstBytes()` returns at line 6');
    expect(messages['leaks/no-leaked-listener']).toMatch(/^The 'abort' listener added here to `signal` .* is never removed/);

    // The driver is the ESLint that ran, and lists the plugin's rules with the docs URL and description of their meta.
    const eslintPackage = readFileSync(path.join(project, 'node_modules', 'eslint', 'package.json'), 'utf8');
    const eslintVersion = (JSON.parse(eslintPackage) as { version: string }).version;
    expect(eslintVersion).toMatch(/^10\./);
    expect(sarifRun!.tool.driver).toMatchObject({ name: 'ESLint', version: eslintVersion });
    const docs = ruleDocs();
    const rules = sarifRun!.tool.driver.rules.map((rule) => ({ id: rule.id, helpUri: rule.helpUri, description: rule.shortDescription?.text }));
    expect(rules.sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      ['no-leaked-listener', 'no-leaked-resource'].map((name) => ({
        id: `leaks/${name}`,
        helpUri: docs[name]!.url,
        description: docs[name]!.description,
      })),
    );
    for (const name of ['no-leaked-listener', 'no-leaked-resource']) {
      // The docs URL is this repository's page for the rule, and that page exists.
      expect(docs[name]!.url).toBe(`https://github.com/eslint-plugin-leaks/eslint-plugin-leaks/blob/main/docs/rules/${name}.md`);
      expect(existsSync(path.join(root, 'docs', 'rules', `${name}.md`))).toBe(true);
    }

    // Negative controls: the schema rejects logs that break it, in the places the assertions above rely on.
    const broken = (edit: (copy: SarifLog) => void): string => {
      const copy = structuredClone(log);
      edit(copy);
      return schemaErrors(copy);
    };
    expect(broken((copy) => (copy.version = '2.0.0'))).toMatch(/^\.version enum:/m);
    expect(broken((copy) => (copy.runs[0]!.results[0]!.locations[0]!.physicalLocation.region.startLine = 0))).toMatch(
      /^\.runs\[0\]\.results\[0\]\.locations\[0\]\.physicalLocation\.region\.startLine minimum:/m,
    );
    expect(broken((copy) => (copy.runs[0]!.artifacts[0]!.location.uri = 'not a uri'))).toMatch(/^\.runs\[0\]\.artifacts\[0\]\.location\.uri format:/m);
    expect(broken((copy) => delete (copy.runs[0]!.results[0] as Partial<SarifLog['runs'][0]['results'][0]>).message)).toMatch(
      /^\.runs\[0\]\.results\[0\] required:/m,
    );
    expect(broken((copy) => Object.assign(copy.runs[0]!.tool.driver, { ruleCount: 2 }))).toMatch(/^\.runs\[0\]\.tool\.driver additionalProperties:/m);
  });
});
