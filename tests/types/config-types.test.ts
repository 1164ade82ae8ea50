// Type-checks users' eslint.config.ts files against the built declarations (dist/lib/index.d.ts) with the compiler API.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const typesDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(typesDir, '../..');
const builtDeclarations = path.join(repoRoot, 'dist', 'lib', 'index.d.ts');

const userConfigs = [path.join(typesDir, 'eslint.config.ts'), path.join(typesDir, 'eslint.config.variants.ts')];

// Lives in memory only, so that `npm run typecheck` never sees its deliberate mistakes.
const negativeControl = path.join(typesDir, 'eslint.config.negative.ts');
const negativeControlText = `import { defineConfig } from 'eslint/config';
import leaks from 'eslint-plugin-leaks';

export default defineConfig([...leaks.configs.recomended]);
export const namespace: 'eslint' = leaks.meta.namespace;
`;

// What a user's tsconfig for an ESM project with an eslint.config.ts typically holds.
const userCompilerOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  types: ['node'],
  strict: true,
  skipLibCheck: true,
  noEmit: true,
};

function createProgram(options: ts.CompilerOptions): ts.Program {
  const host = ts.createCompilerHost(options, true);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (fileName) => path.resolve(fileName) === negativeControl || fileExists.call(host, fileName);
  host.readFile = (fileName) => (path.resolve(fileName) === negativeControl ? negativeControlText : readFile.call(host, fileName));
  host.getSourceFile = (fileName, languageVersion, ...rest) =>
    path.resolve(fileName) === negativeControl
      ? ts.createSourceFile(fileName, negativeControlText, languageVersion, true)
      : getSourceFile.call(host, fileName, languageVersion, ...rest);
  return ts.createProgram({ rootNames: [...userConfigs, negativeControl], options, host });
}

function diagnosticsOf(program: ts.Program, fileName: string): readonly ts.Diagnostic[] {
  const sourceFile = program.getSourceFile(fileName);
  if (!sourceFile) throw new Error(`${fileName} is not part of the program`);
  return ts.getPreEmitDiagnostics(program, sourceFile);
}

const format = (diagnostics: readonly ts.Diagnostic[]): string =>
  ts.formatDiagnostics(diagnostics, {
    getCanonicalFileName: (fileName) => fileName,
    getCurrentDirectory: () => repoRoot,
    getNewLine: () => '\n',
  });

describe('published types in a user eslint.config.ts', () => {
  let program: ts.Program;

  beforeAll(() => {
    program = createProgram(userCompilerOptions);
  });

  it("resolves 'eslint-plugin-leaks' to the built declarations", () => {
    const resolution = ts.resolveModuleName('eslint-plugin-leaks', userConfigs[0]!, userCompilerOptions, ts.sys);
    expect(resolution.resolvedModule?.resolvedFileName).toBe(builtDeclarations);
    expect(program.getSourceFile(builtDeclarations)).toBeDefined();
  });

  it.each(userConfigs.map((file) => [path.relative(repoRoot, file), file]))('%s type-checks without diagnostics', (_, file) => {
    expect(format(diagnosticsOf(program, file!))).toBe('');
  });

  it('the built declaration files themselves type-check (for users without skipLibCheck)', () => {
    const strictProgram = createProgram({ ...userCompilerOptions, skipLibCheck: false });
    const distDir = path.join(repoRoot, 'dist') + path.sep;
    const declarationFiles = strictProgram.getSourceFiles().filter((file) => path.resolve(file.fileName).startsWith(distDir));
    expect(declarationFiles.length).toBeGreaterThan(0);
    const diagnostics = declarationFiles.flatMap((file) => [
      ...strictProgram.getSyntacticDiagnostics(file),
      ...strictProgram.getSemanticDiagnostics(file),
    ]);
    expect(format(diagnostics)).toBe('');
  });

  it('negative control: a misspelt config and a wrong namespace type fail the same check', () => {
    const diagnostics = diagnosticsOf(program, negativeControl).map((diagnostic) => ({
      code: diagnostic.code,
      line: diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start!).line + 1,
    }));
    expect(diagnostics).toEqual([
      // Property 'recomended' does not exist … Did you mean 'recommended'?
      { code: 2551, line: 4 },
      // Type '"leaks"' is not assignable to type '"eslint"'.
      { code: 2322, line: 5 },
    ]);
  });
});
