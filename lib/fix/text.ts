// Text helpers shared by the edits: which lines an edit that wraps code in a block must indent, and by how much.
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { lineIndent } from '../analysis/usage.js';

/** Strings, templates and JSX text that span lines: their inner lines belong to the literal, not to the code's layout. */
function multiLineLiterals(sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.Token[] {
  return sourceCode.ast.tokens.filter(
    (t) => (t.type === 'Template' || t.type === 'String' || t.type === 'JSXText') && t.loc.start.line !== t.loc.end.line,
  );
}

/** Offsets of the non-blank lines that start in (from, to], except lines inside multi-line strings and templates. */
export function indentableLineStarts(sourceCode: Readonly<TSESLint.SourceCode>, from: number, to: number): number[] {
  const text = sourceCode.text;
  const literals = multiLineLiterals(sourceCode).map((t) => t.range);
  const starts: number[] = [];
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) {
    const p = i + 1;
    const lineEnd = text.indexOf('\n', p);
    if (text.slice(p, lineEnd === -1 ? text.length : lineEnd).trim() === '') continue;
    if (literals.some(([a, b]) => a < p && p < b)) continue;
    starts.push(p);
  }
  return starts;
}

const unitBySource = new WeakMap<Readonly<TSESLint.SourceCode>, string>();

/**
 * The file's indentation step: a tab when most indented lines start with one, else the number of spaces by which
 * indentation most often grows from one line to the next (JSDoc continuation lines aside); two spaces when the file
 * says nothing. Edits that add a level use it where the surrounding code does not show the step itself.
 */
export function indentUnit(sourceCode: Readonly<TSESLint.SourceCode>): string {
  let unit = unitBySource.get(sourceCode);
  if (unit !== undefined) return unit;
  let tabs = 0;
  let spaces = 0;
  let previous = 0;
  const steps = new Map<number, number>();
  // Lines inside multi-line strings and templates (an indented SQL query) say nothing about the code's indentation.
  const inLiteral = new Set<number>();
  for (const token of multiLineLiterals(sourceCode)) {
    for (let line = token.loc.start.line + 1; line <= token.loc.end.line; line++) inLiteral.add(line);
  }
  for (const [index, line] of sourceCode.lines.entries()) {
    if (line.trim() === '' || inLiteral.has(index + 1)) continue;
    const leading = /^[ \t]*/.exec(line)![0];
    if (leading.startsWith('\t')) {
      tabs++;
      continue;
    }
    if (/^\s*\*/.test(line)) continue;
    if (leading.length > 0) spaces++;
    if (leading.length > previous) steps.set(leading.length - previous, (steps.get(leading.length - previous) ?? 0) + 1);
    previous = leading.length;
  }
  const step = [...steps].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
  unit = tabs > spaces ? '\t' : ' '.repeat(step && step <= 8 ? step : 2);
  unitBySource.set(sourceCode, unit);
  return unit;
}

/**
 * One indentation level below `outer` for code at `indent`: the difference when `indent` is `outer` plus more (the
 * code shows its own step), else the file's step.
 */
export function levelBetween(sourceCode: Readonly<TSESLint.SourceCode>, outer: string, indent: string): string {
  return indent.length > outer.length && indent.startsWith(outer) ? indent.slice(outer.length) : indentUnit(sourceCode);
}

/**
 * Adds `statement` as the last thing a block runs, on a line of its own: before a final `return` or `throw`, else after
 * its last statement. Undefined for an empty block, whose layout is the caller's to choose.
 */
export function appendToBlock(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  block: TSESTree.BlockStatement,
  statement: string,
): TSESLint.RuleFix | undefined {
  const last = block.body.at(-1);
  if (!last) return undefined;
  if (last.type === AST_NODE_TYPES.ReturnStatement || last.type === AST_NODE_TYPES.ThrowStatement) {
    return fixer.insertTextBefore(last, `${statement}\n${lineIndent(sourceCode, last)}`);
  }
  return fixer.insertTextAfter(last, `\n${lineIndent(sourceCode, last)}${statement}`);
}
