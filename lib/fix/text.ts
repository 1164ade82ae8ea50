// Text helpers shared by the edits: which lines an edit that wraps code in a block must indent.
import type { TSESLint } from '@typescript-eslint/utils';

/** Offsets of the non-blank lines that start in (from, to], except lines inside multi-line strings and templates. */
export function indentableLineStarts(sourceCode: Readonly<TSESLint.SourceCode>, from: number, to: number): number[] {
  const text = sourceCode.text;
  const literals = sourceCode.ast.tokens
    .filter((t) => (t.type === 'Template' || t.type === 'String' || t.type === 'JSXText') && t.loc.start.line !== t.loc.end.line)
    .map((t) => t.range);
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
