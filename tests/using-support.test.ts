// When a fix may declare a resource with `using`: Node.js version ranges from `@since` tags, runtime disposal of
// real @types/node types, the project's TypeScript settings, and where the oldest Node.js version comes from. (Types
// the catalog excludes, such as ClientRequest, are tested through the rule in rules/fixes.test.ts.)
import * as path from 'node:path';
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { Catalog } from '../lib/catalog/catalog.js';
import { availableSince, projectUsingSupport, runtimeDisposal, targetNodeVersion } from '../lib/fix/using-support.js';
import { fixturesDir } from './rule-tester.js';

describe('availableSince', () => {
  it('reads one version as "from this version on"', () => {
    expect(availableSince('v20.5.0', '20.5.0')).toBe(true);
    expect(availableSince('v20.5.0', '20.4.9')).toBe(false);
    expect(availableSince('v20.5.0', '22.0.0')).toBe(true);
    expect(availableSince('v24.2.0', '22.12.0')).toBe(false);
  });

  it('reads a backport list per release line', () => {
    const since = 'v22.4.0, v20.16.0';
    expect(availableSince(since, '20.16.0')).toBe(true);
    expect(availableSince(since, '20.15.1')).toBe(false);
    // 21.x never got it, and 22.0–22.3 lack it.
    expect(availableSince(since, '21.7.0')).toBe(false);
    expect(availableSince(since, '22.3.0')).toBe(false);
    expect(availableSince(since, '22.4.0')).toBe(true);
    expect(availableSince(since, '24.0.0')).toBe(true);
  });

  it('takes a tag without a version as always there', () => {
    expect(availableSince('REPLACEME', '18.0.0')).toBe(true);
  });
});

describe('runtimeDisposal', () => {
  // The checker must come from the same TypeScript as the plugin (ts-morph bundles its own).
  const config = ts.getParsedCommandLineOfConfigFile(path.join(fixturesDir, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const fileName = path.join(fixturesDir, 'disposal-types.ts');
  const program = ts.createProgram({ rootNames: [fileName], options: config.options });
  const checker = program.getTypeChecker();
  const catalog = new Catalog(program, checker, { categories: ['resource', 'timer'], resources: [], ignore: [] });
  const declarations = new Map<string, ts.Identifier>();
  program.getSourceFile(fileName)!.forEachChild(function visit(node): void {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) declarations.set(node.name.text, node.name);
    node.forEachChild(visit);
  });
  const typeOf = (name: string): ts.Type => checker.getTypeAtLocation(declarations.get(name)!);

  it('follows the @since tags of @types/node', () => {
    expect(runtimeDisposal(checker, catalog, typeOf('handle'), '20.4.0')).toEqual({ sync: false, async: true });
    expect(runtimeDisposal(checker, catalog, typeOf('handle'), '20.3.0')).toEqual({ sync: false, async: false });
    expect(runtimeDisposal(checker, catalog, typeOf('timer'), '20.5.0')).toEqual({ sync: true, async: false });
    expect(runtimeDisposal(checker, catalog, typeOf('timer'), '20.4.0')).toEqual({ sync: false, async: false });
    expect(runtimeDisposal(checker, catalog, typeOf('out'), '20.16.0')).toEqual({ sync: false, async: true });
    expect(runtimeDisposal(checker, catalog, typeOf('out'), '21.0.0')).toEqual({ sync: false, async: false });
  });

  it('looks through `| undefined` (a `using` declaration accepts undefined) and finds nothing on plain objects', () => {
    expect(runtimeDisposal(checker, catalog, typeOf('maybeTimer'), '22.0.0')).toEqual({ sync: true, async: false });
    expect(runtimeDisposal(checker, catalog, typeOf('plain'), '22.0.0')).toEqual({ sync: false, async: false });
  });

  it('reads the project settings: the fixture project type-checks `using` but does not emit', () => {
    expect(projectUsingSupport(program, fileName)).toEqual({ typeChecks: true, downlevels: false });
    expect(projectUsingSupport(program, path.join(fixturesDir, 'script.js'))).toEqual({ typeChecks: false, downlevels: false });
    const rootNames = [path.join(fixturesDir, 'emit', 'file.ts')];
    const emitting = ts.createProgram({
      rootNames,
      options: { target: ts.ScriptTarget.ES2022, lib: ['lib.es2023.d.ts', 'lib.esnext.disposable.d.ts'] },
    });
    expect(projectUsingSupport(emitting, 'src/file.ts')).toEqual({ typeChecks: true, downlevels: true });
    const native = ts.createProgram({ rootNames, options: { target: ts.ScriptTarget.ESNext, lib: ['lib.esnext.d.ts'] } });
    expect(projectUsingSupport(native, 'src/file.ts')).toEqual({ typeChecks: true, downlevels: false });
    // @types/node references the disposable lib itself; without it (and without the lib setting) `using` does not type-check.
    const old = ts.createProgram({ rootNames, options: { target: ts.ScriptTarget.ES2022, lib: ['lib.es2022.d.ts'], types: [] } });
    expect(projectUsingSupport(old, 'src/file.ts')).toEqual({ typeChecks: false, downlevels: true });
  });
});

describe('targetNodeVersion', () => {
  it('takes the option first, then engines.node of the nearest package.json', () => {
    expect(targetNodeVersion(path.join(fixturesDir, 'file.ts'), '22')).toBe('22.0.0');
    // This repository's package.json: "^20.19.0 || ^22.13.0 || >=24".
    expect(targetNodeVersion(path.join(fixturesDir, 'file.ts'), undefined)).toBe('20.19.0');
  });
});
