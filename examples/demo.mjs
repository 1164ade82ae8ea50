// `npm run demo`: lints the example service with examples/eslint.config.mjs, as a user's ESLint run would, and prints the findings.
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { styleText } from 'node:util';
import { createTwoFilesPatch } from 'diff';
import { ESLint } from 'eslint';

export const examplesDir = path.dirname(fileURLToPath(import.meta.url));
export const configFile = path.join(examplesDir, 'eslint.config.mjs');

/** The production incidents of docs/incidents.md, as the example code names them in its `// BUG (incident N)` comments. */
export const INCIDENTS = new Map([
  [1, 'HTTP connections to a metrics backend never closed'],
  [2, 'A new HTTP client per health check'],
  [3, 'CLOSE_WAIT pile-up on a metrics port'],
  [4, 'Tunnel connections never released'],
  [5, 'A ticker never stopped'],
]);

const USAGE = `usage: node examples/demo.mjs [--json] [--fix-dry-run]
  --json         print the findings as JSON (one object per finding) instead of text
  --fix-dry-run  print what --fix would change (a unified diff per file), without writing files`;

/**
 * Each top-level declaration in the examples is introduced by `// BUG (incident N): …` or `// Correct: …` /
 * `// Fix N: …`; the nearest such comment above a finding tells which incident it belongs to, or that the
 * finding sits in code meant to be correct (a false positive worth shouting about).
 */
const MARKER = /^\/\/ (?:BUG \(incident (\d+)\)|(Correct|Fix\b))/;

function classify(sourceLines, line) {
  for (let index = line - 1; index >= 0; index--) {
    const marker = MARKER.exec(sourceLines[index] ?? '');
    if (!marker) continue;
    return marker[1] ? { incident: Number(marker[1]), inCorrectCode: false } : { incident: null, inCorrectCode: true };
  }
  return { incident: null, inCorrectCode: false };
}

/**
 * Lints everything under examples/ and returns one record per message, paths relative to examples/ with `/`.
 * `fix` is passed through to ESLint, which computes fixes in memory and writes nothing unless asked to.
 */
export async function lintExamples({ fix = false } = {}) {
  const eslint = new ESLint({ cwd: examplesDir, overrideConfigFile: configFile, fix });
  const results = await eslint.lintFiles(['.']);
  const findings = [];
  const failures = [];
  for (const result of results) {
    const file = path.relative(examplesDir, result.filePath).split(path.sep).join('/');
    const sourceLines = (result.source ?? (await readFile(result.filePath, 'utf8'))).split('\n');
    for (const message of result.messages) {
      // A fatal message is a parse or config failure: the file was not linted at all.
      if (message.fatal || message.ruleId === null) {
        failures.push({ file, line: message.line, column: message.column, message: message.message });
        continue;
      }
      findings.push({
        file,
        line: message.line,
        column: message.column,
        ruleId: message.ruleId,
        messageId: message.messageId ?? null,
        severity: message.severity === 2 ? 'error' : 'warning',
        message: message.message,
        edit: message.fix ? 'fix' : message.suggestions?.length ? 'suggestions' : 'none',
        ...classify(sourceLines, message.line),
      });
    }
  }
  return { results, filesLinted: results.length, findings, failures };
}

function groupByFile(findings) {
  const byFile = new Map();
  for (const finding of findings) {
    const group = byFile.get(finding.file) ?? [];
    group.push(finding);
    byFile.set(finding.file, group);
  }
  return byFile;
}

export function summarize({ findings, filesLinted }) {
  const caught = new Map();
  for (const finding of findings) {
    if (finding.incident !== null) caught.set(finding.incident, (caught.get(finding.incident) ?? 0) + 1);
  }
  const files = new Set(findings.map((finding) => finding.file)).size;
  const caughtText = [...caught.keys()]
    .sort((a, b) => a - b)
    .map((id) => `${id} (${INCIDENTS.get(id) ?? 'unknown incident'}: ${caught.get(id)})`)
    .join(', ');
  const missed = [...INCIDENTS.keys()].filter((id) => !caught.has(id));
  const suspicious = findings.filter((finding) => finding.inCorrectCode).length;
  return [
    `${findings.length} finding${findings.length === 1 ? '' : 's'} in ${files} of ${filesLinted} files.`,
    `Incidents caught: ${caughtText || 'none'}.`,
    missed.length > 0 ? `Not caught yet: ${missed.join(', ')} (their rules are planned).` : 'All five incidents caught.',
    suspicious > 0 ? `${suspicious} finding(s) in code marked correct: false positives.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

export function formatFindings(report, { color = false } = {}) {
  const paint = (style, text) => (color ? styleText(style, text) : text);
  const lines = [];
  for (const [file, group] of groupByFile(report.findings)) {
    const incidents = [...new Set(group.map((finding) => finding.incident).filter((id) => id !== null))];
    const heading = incidents.map((id) => `incident ${id}: ${INCIDENTS.get(id)}`).join('; ');
    lines.push(paint('underline', `examples/${file}`) + (heading ? paint('dim', `  (${heading})`) : ''));
    for (const finding of group.sort((a, b) => a.line - b.line || a.column - b.column)) {
      const location = `examples/${finding.file}:${finding.line}:${finding.column}`;
      const note = finding.inCorrectCode ? paint('red', '  [in code marked correct]') : '';
      lines.push(`  ${location}  ${paint(finding.severity === 'error' ? 'red' : 'yellow', finding.ruleId)}  ${finding.message}${note}`);
    }
    lines.push('');
  }
  lines.push(paint('bold', summarize(report)));
  return lines.join('\n');
}

/**
 * What `eslint --fix` would change: a unified diff per file (ESLint applies the fixes in memory, up to ten passes, and
 * writes nothing unless asked to), and how many findings get a fix, only suggestions, or no edit.
 */
export async function fixDryRun() {
  const { results } = await lintExamples({ fix: true });
  const patches = [];
  for (const result of results) {
    if (result.output === undefined) continue;
    const file = `examples/${path.relative(examplesDir, result.filePath).split(path.sep).join('/')}`;
    const source = await readFile(result.filePath, 'utf8');
    patches.push({ file, patch: createTwoFilesPatch(file, file, source, result.output, '', '', { context: 2 }) });
  }
  return patches;
}

export function formatEdits(report) {
  const count = (edit) => report.findings.filter((finding) => finding.edit === edit).length;
  return `${count('fix')} finding(s) fixed by --fix, ${count('suggestions')} with suggestions only (editor quick fixes), ${count('none')} without an automatic edit.`;
}

function parseArgs(argv) {
  const options = { json: false, fixDryRun: false };
  for (const arg of argv) {
    if (arg === '--json') options.json = true;
    else if (arg === '--fix-dry-run') options.fixDryRun = true;
    else if (arg === '--help' || arg === '-h') options.help = true;
    else return { error: `unknown argument: ${arg}` };
  }
  return options;
}

async function main(argv) {
  const options = parseArgs(argv);
  if (options.error || options.help) {
    (options.error ? process.stderr : process.stdout).write(`${options.error ? `${options.error}\n` : ''}${USAGE}\n`);
    return options.error ? 2 : 0;
  }
  let report;
  let patches;
  try {
    report = await lintExamples();
    if (options.fixDryRun) patches = await fixDryRun();
  } catch (error) {
    process.stderr.write(`Linting examples/ failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
  if (patches) {
    process.stdout.write(`What \`eslint --fix\` would change in examples/ (nothing is written):\n\n`);
    for (const { patch } of patches) process.stdout.write(`${patch}\n`);
    process.stdout.write(`${formatEdits(report)}\n`);
    return report.failures.length > 0 ? 1 : 0;
  }
  if (options.json) {
    const { findings, failures, filesLinted } = report;
    process.stdout.write(`${JSON.stringify({ filesLinted, findings, failures }, null, 2)}\n`);
  } else {
    const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
    process.stdout.write(`Linting examples/ with examples/eslint.config.mjs (eslint-plugin-leaks, ESLint ${ESLint.version})\n\n`);
    process.stdout.write(`${formatFindings(report, { color })}\n`);
  }
  for (const failure of report.failures) {
    process.stderr.write(`examples/${failure.file}:${failure.line}:${failure.column}  could not be linted: ${failure.message}\n`);
  }
  return report.failures.length > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}
