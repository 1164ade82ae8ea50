// Turns engine findings into ESLint reports: one message per kind of path, naming the resource, where it was created and the exit.
import { AST_NODE_TYPES, type TSESLint } from '@typescript-eslint/utils';
import type { Finding, LeakExit } from './findings.js';

export const LEAK_MESSAGES = {
  leak: '`{{name}}` ({{resource}}, created here) is not {{released}} {{path}}. {{advice}}',
  leakPooling:
    '`{{name}}` ({{resource}}, created here) is not {{released}} {{path}}. Create one {{resource}} and reuse it, or {{release}} it when you are done with it.',
  discarded: 'This {{resource}} is {{how}} and never {{released}}, so it stays open. {{advice}}',
  discardedPooling:
    'A new {{resource}} is created here on every call, {{how}}, and never {{released}}. Create one {{resource}} and reuse it, or {{release}} it when you are done with it.',
  exception:
    '`{{name}}` ({{resource}}, created here) is not {{released}} if `{{thrower}}` on line {{line}} throws. Release it in a `finally` block, or declare it with `using`.',
} as const;

export type LeakMessageId = keyof typeof LEAK_MESSAGES;

export function describeExit(exit: LeakExit): string {
  switch (exit.kind) {
    case 'return':
      return `when the function returns at line ${exit.line}`;
    case 'end':
      if (exit.node.type === AST_NODE_TYPES.Program) return `by the end of the module (line ${exit.line})`;
      if (exit.node.type === AST_NODE_TYPES.StaticBlock) return `when the static block ends at line ${exit.line}`;
      return `when the function ends at line ${exit.line}`;
    case 'throw':
      return `when the function throws at line ${exit.line}`;
    case 'break':
      return `when \`break\` on line ${exit.line} leaves its block`;
    case 'continue':
      return `when \`continue\` on line ${exit.line} leaves its block`;
    case 'block-end':
      return `when its block ends at line ${exit.line}`;
    case 'next-iteration':
      return `before the next loop iteration overwrites it (line ${exit.line})`;
    case 'overwrite':
      return `before it is overwritten on line ${exit.line}`;
  }
}

export function reportFinding<Ctx extends TSESLint.RuleContext<LeakMessageId, readonly unknown[]>>(
  context: Ctx,
  finding: Finding,
): void {
  const { acquisition } = finding;
  const { kind } = acquisition;
  const common = {
    name: acquisition.name ?? 'it',
    resource: kind.label,
    released: kind.verb.past,
    release: kind.verb.base,
  };
  switch (finding.type) {
    case 'leak':
      context.report({
        node: acquisition.reportNode,
        messageId: kind.pooling ? 'leakPooling' : 'leak',
        data: { ...common, path: describeExit(finding.exit), advice: kind.advice },
      });
      return;
    case 'discarded':
      context.report({
        node: acquisition.reportNode,
        messageId: kind.pooling ? 'discardedPooling' : 'discarded',
        data: {
          ...common,
          how: finding.lentTo ? `only lent to \`${finding.lentTo}\`` : 'not stored anywhere',
          advice: kind.advice,
        },
      });
      return;
    case 'exception':
      context.report({
        node: acquisition.reportNode,
        messageId: 'exception',
        data: { ...common, thrower: finding.throwerText, line: finding.line },
      });
      return;
  }
}
