// Type-checks edited code against the fixture project (real @types/node, undici, express…): which diagnostics an edit introduces.
import * as path from 'node:path';
import { Project, type SourceFile, ts } from 'ts-morph';
import { fixturesDir } from './rule-tester.js';

/**
 * One project for the whole test run: building a program over @types/node is the slow part, and it is shared.
 * Linted files live only in memory; the modules they import (fixtures, node_modules types) are read from disk.
 */
let project: Project | undefined;
const files = new Map<string, SourceFile>();

function sourceFile(fileName: string, text: string): SourceFile {
  project ??= new Project({
    tsConfigFilePath: path.join(fixturesDir, 'tsconfig.json'),
    skipAddingFilesFromTsConfig: true,
  });
  let file = files.get(fileName);
  if (file) file.replaceWithText(text);
  else {
    file = project.createSourceFile(path.join(fixturesDir, fileName), text, { overwrite: true });
    files.set(fileName, file);
  }
  return file;
}

/** Diagnostics by file name and text: the files a text imports do not change during a test run. */
const checked = new Map<string, string[]>();

/** `TS2339: Property 'x' does not exist on type 'Socket'.` for each diagnostic of `text` as the fixture file `fileName`. */
function diagnostics(text: string, fileName: string): string[] {
  const key = `${fileName}\0${text}`;
  let messages = checked.get(key);
  if (!messages) {
    const file = sourceFile(fileName, text);
    const program = project!.getProgram().compilerObject;
    const compiled = program.getSourceFile(file.getFilePath())!;
    messages = [...program.getSyntacticDiagnostics(compiled), ...program.getSemanticDiagnostics(compiled)].map(
      (diagnostic) => `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`,
    );
    checked.set(key, messages);
  }
  return messages;
}

/**
 * The diagnostics (`TS<code>: <text>`) that `output` has and `original` does not, both checked as the fixture file
 * `fileName` (file.ts, script.js, …, which picks the language); a diagnostic that occurs more often counts as new.
 */
export function typeErrorsIntroduced(original: string, output: string, fileName = 'file.ts'): string[] {
  const before = new Map<string, number>();
  for (const message of diagnostics(original, fileName)) before.set(message, (before.get(message) ?? 0) + 1);
  return diagnostics(output, fileName).filter((message) => {
    const left = before.get(message) ?? 0;
    before.set(message, left - 1);
    return left <= 0;
  });
}
