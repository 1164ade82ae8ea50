// Turns engine findings into ESLint reports: one message per kind of path, naming the resource, where it was created and the exit.
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { Finding, LeakExit } from './findings.js';
import { enclosingFunction } from './usage.js';

/** A fix and suggestions for a report, in the shape ESLint takes them (what lib/fix/ plans). */
export interface ReportEdits {
  fix?: TSESLint.ReportFixFunction;
  suggest: { messageId: string; data: Record<string, string>; fix: TSESLint.ReportFixFunction }[];
}

export const LEAK_MESSAGES = {
  leak: '`{{name}}` ({{resource}}, created here) is not {{released}} {{path}}. {{advice}}',
  leakPooling:
    '`{{name}}` ({{resource}}, created here) is not {{released}} {{path}}. Create one {{resource}} and reuse it, or {{release}} it when you are done with it.',
  discarded: 'This {{resource}} is {{how}} and never {{released}}, so {{consequence}}. {{advice}}',
  discardedPooling:
    'A new {{resource}} is created here on every call, {{how}}, and never {{released}}. Create one {{resource}} and reuse it, or {{release}} it when you are done with it.',
  exception: '`{{name}}` ({{resource}}, created here) is not {{released}} if `{{thrower}}` on line {{line}} throws. {{remedy}}',
  race: 'This {{resource}} races other work in `{{race}}` on line {{line}} but is not {{released}} when the other work settles first, so {{consequence}}. Keep its handle and clear it in a `finally` block.',
} as const;

export type LeakMessageId = keyof typeof LEAK_MESSAGES;

/** `run()`, `Poller.start()`: how a path text names the function it leaves, when it has a name. */
export function functionLabel(node: TSESTree.Node): string | undefined {
  const parent = node.parent;
  let name: string | undefined;
  if ((node.type === AST_NODE_TYPES.FunctionDeclaration || node.type === AST_NODE_TYPES.FunctionExpression) && node.id) {
    name = node.id.name;
  }
  if (!name && parent) {
    if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) name = parent.id.name;
    else if (
      (parent.type === AST_NODE_TYPES.MethodDefinition || parent.type === AST_NODE_TYPES.Property || parent.type === AST_NODE_TYPES.PropertyDefinition) &&
      !parent.computed &&
      (parent.key.type === AST_NODE_TYPES.Identifier || parent.key.type === AST_NODE_TYPES.PrivateIdentifier)
    ) {
      name = parent.key.type === AST_NODE_TYPES.PrivateIdentifier ? `#${parent.key.name}` : parent.key.name;
    }
  }
  return name ? `\`${name}()\`` : undefined;
}

function capitalized(text: string): string {
  return `${text[0]!.toUpperCase()}${text.slice(1)}`;
}

export function describeExit(exit: LeakExit, branchText?: string): string {
  const path = describeExitOnly(exit);
  return branchText ? `${path} (after \`${branchText}\`)` : path;
}

function describeExitOnly(exit: LeakExit): string {
  switch (exit.kind) {
    case 'return': {
      const fn = enclosingFunction(exit.node);
      return `when ${(fn && functionLabel(fn)) ?? 'the function'} returns at line ${exit.line}`;
    }
    case 'end':
      if (exit.node.type === AST_NODE_TYPES.Program) return `by the end of the module (line ${exit.line})`;
      if (exit.node.type === AST_NODE_TYPES.StaticBlock) return `when the static block ends at line ${exit.line}`;
      return `when ${functionLabel(exit.node) ?? 'the function'} ends at line ${exit.line}`;
    case 'throw': {
      const fn = enclosingFunction(exit.node);
      return `when ${(fn && functionLabel(fn)) ?? 'the function'} throws at line ${exit.line}`;
    }
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
    case 'endless-loop':
      return `because the \`for await\` loop on line ${exit.line} can never be left`;
    case 'outcome': {
      const o = exit.outcome!;
      const on = o.covered.map((e) => `'${e}'`).join(' or ');
      return `when \`${o.emitter}\` emits '${o.missed}' (only on ${on}, line ${exit.line})`;
    }
    case 'piped': {
      const { other, role } = exit.piped!;
      return role === 'source'
        ? `if \`${other}\` fails or closes before it is read to its end (\`pipe()\` on line ${exit.line} leaves its source open then)`
        : `if \`${other}\` fails (\`pipe()\` on line ${exit.line} ends its destination only when the source ends)`;
    }
    case 'rejected':
      return `when the \`${exit.node.type === AST_NODE_TYPES.ForOfStatement ? 'for await' : 'await'}\` on line ${exit.line} rejects and the \`catch\` on line ${exit.handler?.loc.start.line ?? exit.line} goes on`;
  }
}

/** Reports a finding; each rule declares, under these ids, the messages its findings can produce. */
/** `if (!user)` for the test of an `if`, the test itself for `?:`, `&&` and `||`, shortened. */
function branchText(sourceCode: Readonly<TSESLint.SourceCode>, test: TSESTree.Node): string {
  let text = sourceCode.getText(test).replace(/\s+/g, ' ');
  if (text.length > 40) text = `${text.slice(0, 39)}…`;
  return test.parent?.type === AST_NODE_TYPES.IfStatement ? `if (${text})` : text;
}

export interface ReportStyle {
  /** Name the last condition on the leaking path: "… returns at line 18 (after `if (!user)`)". */
  mentionBranch?: boolean;
  /** Report a leaking `return`/`throw` at that statement rather than at the acquisition. */
  atExit?: boolean;
}

export function reportFinding<Ids extends string>(
  context: Readonly<TSESLint.RuleContext<Ids, readonly unknown[]>>,
  finding: Finding,
  style: ReportStyle = {},
  /** The edits a fixer planned for the finding (lib/fix/plan.ts), if any. */
  plan?: ReportEdits,
): void {
  const edits = plan ? { ...(plan.fix && { fix: plan.fix }), ...(plan.suggest.length > 0 && { suggest: plan.suggest }) } : {};
  const report = (descriptor: { node: TSESTree.Node; messageId: LeakMessageId; data: Record<string, unknown> }): void =>
    (context.report as (d: object) => void)({ ...descriptor, ...edits });
  const { acquisition } = finding;
  const { kind } = acquisition;
  const common = {
    name: acquisition.name ?? 'it',
    resource: kind.label,
    released: kind.verb.past,
    release: kind.verb.base,
    consequence: kind.consequence ?? 'it stays open',
  };
  switch (finding.type) {
    case 'leak':
      report({
        node:
          style.atExit && (finding.exit.kind === 'return' || finding.exit.kind === 'throw')
            ? finding.exit.node
            : acquisition.reportNode,
        // A rejection or an outcome the code missed is about where to release it, not about creating one per call.
        messageId: kind.pooling && !['rejected', 'outcome', 'piped'].includes(finding.exit.kind) ? 'leakPooling' : 'leak',
        data: {
          ...common,
          path: describeExit(
            finding.exit,
            style.mentionBranch && finding.exit.after ? branchText(context.sourceCode, finding.exit.after) : undefined,
          ),
          // A rejection taken by a `catch`: what covers it is a `finally`; a missed outcome, a listener for it or for
          // the event that follows every outcome.
          advice:
            finding.exit.kind === 'rejected'
              ? `${capitalized(common.release)} it in a \`finally\` block.`
              : finding.exit.kind === 'outcome' && finding.exit.outcome
                ? `${capitalized(common.release)} it on '${finding.exit.outcome.missed}' too${finding.exit.outcome.always ? `, or once on '${finding.exit.outcome.always}', which follows every outcome` : ''}.`
                : finding.exit.kind === 'piped'
                  ? 'Pass both streams to `pipeline()` from `node:stream`, which destroys every stream of the chain when one fails.'
                  : kind.advice,
        },
      });
      return;
    case 'discarded':
      report({
        node: acquisition.reportNode,
        messageId: kind.pooling ? 'discardedPooling' : 'discarded',
        data: {
          ...common,
          how: finding.lentTo
            ? `only lent to \`${finding.lentTo}\``
            : finding.storedIn
              ? `stored only in \`${finding.storedIn}\`, which nothing reads to release it,`
              : 'not stored anywhere',
          advice: kind.advice,
        },
      });
      return;
    case 'exception':
      report({
        node: acquisition.reportNode,
        messageId: 'exception',
        data: {
          ...common,
          thrower: finding.throwerText,
          line: finding.line,
          remedy: finding.usable
            ? 'Release it in a `finally` block, or declare it with `await using` (or `using`).'
            : 'Release it in a `finally` block.',
        },
      });
      return;
    case 'race':
      report({
        node: acquisition.reportNode,
        messageId: 'race',
        data: { ...common, race: finding.raceText, line: finding.line },
      });
      return;
  }
}
