// Rule `leaks/no-leaked-listener`: listeners an operation adds to an emitter that outlives it, never removed or not on every path.
import { AST_NODE_TYPES, ESLintUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';
import { createRule } from '../lib/create-rule.js';
import { fileAnalysis } from '../lib/analysis/file-analysis.js';
import type { EmitterLife, OperationFinding, Registration } from '../lib/analysis/operations.js';
import { describeExit, functionLabel } from '../lib/analysis/report.js';
import { enclosingFunction } from '../lib/analysis/usage.js';
import { planListenerRemoval } from '../lib/fix/listener-removal.js';

export type Options = [];

const messages = {
  neverRemoved:
    'The {{event}} listener added here to `{{emitter}}` ({{life}}) is never removed, so every call of {{fn}} leaves one more listener behind. Remove it when the work is done (in a `finally` block), or pass a `{ signal }` that is aborted then.',
  wrongEvent:
    'The {{event}} listener added here to `{{emitter}}` is removed only from {{removedEvent}} (line {{line}}), so it stays on `{{emitter}}` after {{fn}} is done. Remove it from the event it was added to.',
  notRemoved: 'The {{event}} listener added here to `{{emitter}}` ({{life}}) is not removed {{path}}. Remove it in a `finally` block.',
  suggestFinally: 'Wrap the rest of the function in `try`, and call `{{removal}}` in `finally`.',
  notRemovedOnSettle:
    'The {{event}} listener added here to `{{emitter}}` ({{life}}) is not removed when the promise {{how}} at line {{line}}, so it stays on `{{emitter}}` after the operation. Remove it there as well.',
} as const;
export type MessageIds = keyof typeof messages;

const LIFE: Record<EmitterLife, string> = {
  global: 'it lives as long as the process',
  signal: 'an AbortSignal from outside, which can outlive the call',
  borrowed: 'it outlives the call',
  own: 'it outlives the call',
  unknown: 'it outlives the call',
  fresh: 'created here',
  exchange: 'it lives as long as its request',
};

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
}

function fnName(r: Registration): string {
  for (let fn: TSESTree.Node = r.fn; ; ) {
    const label = functionLabel(fn);
    if (label) return label;
    const outer = enclosingFunction(fn);
    if (outer.type === AST_NODE_TYPES.Program || outer.type === AST_NODE_TYPES.StaticBlock) return 'the function';
    fn = outer;
  }
}

/** `any`, a promise, or a union with one: a value `await` may change. */
function isThenable(checker: ts.TypeChecker, type: ts.Type): boolean {
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return true;
  const parts = type.isUnion() ? type.types : [type];
  return parts.some((t) => !!checker.getPropertyOfType(t, 'then'));
}

/**
 * A local or parameter (or a property path from one) that nothing assigns after `from`: in a `finally` it still names
 * the emitter the listener was added to.
 */
function stableReference(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node, from: TSESTree.Node): boolean {
  let root: TSESTree.Node = node;
  while (root.type === AST_NODE_TYPES.MemberExpression || root.type === AST_NODE_TYPES.TSNonNullExpression) {
    if (root.type === AST_NODE_TYPES.MemberExpression && root.computed) return false;
    root = root.type === AST_NODE_TYPES.MemberExpression ? root.object : root.expression;
  }
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  for (let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(root); scope; scope = scope.upper) {
    const variable = scope.set.get(root.name);
    if (!variable) continue;
    return !variable.references.some((ref) => ref.isWrite() && ref.identifier.range[0] > from.range[1]);
  }
  return true;
}

export default createRule<Options, MessageIds>({
  name: 'no-leaked-listener',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require listeners that an operation adds to an emitter that outlives it to be removed on every path',
      recommended: true,
      requiresTypeChecking: true,
    },
    hasSuggestions: true,
    messages,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    const services = ESLintUtils.getParserServices(context);
    /** Removal in `finally` when the function that added the listener is the operation: an async function or generator. */
    const suggest = (r: Registration, removals?: readonly TSESTree.Node[]): TSESLint.SuggestionReportDescriptor<MessageIds>[] => {
      if (!r.fn.async && !r.fn.generator) return [];
      const fnText = sourceCode.getText(r.fn);
      const nameIsFree = (name: string): boolean => {
        if (new RegExp(`\\b${name}\\b`).test(fnText)) return false;
        for (let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(r.call); scope; scope = scope.upper) {
          if (scope.set.has(name) || scope.through.some((ref) => ref.identifier.name === name)) return false;
        }
        return true;
      };
      const plan = planListenerRemoval({
        sourceCode,
        call: r.call,
        fn: r.fn,
        removalMethod: r.removalMethod,
        nameIsFree,
        removals,
        mayBeThenable: (node) => {
          const type = services.program.getTypeChecker().getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(node));
          return isThenable(services.program.getTypeChecker(), type);
        },
        stableEmitter: (node) => stableReference(sourceCode, node, r.call),
      });
      return plan ? [{ messageId: 'suggestFinally', data: { removal: plan.removal }, fix: plan.fix }] : [];
    };
    return fileAnalysis(context).operationChecks({ listeners: true }, (finding: OperationFinding) => {
      if (finding.type === 'timer-settled') return;
      const r = finding.registration;
      const data = { event: shorten(r.eventText), emitter: shorten(sourceCode.getText(r.emitter)), fn: fnName(r) };
      const node = r.call;
      switch (finding.type) {
        case 'never-removed':
          context.report({ node, messageId: 'neverRemoved', data: { ...data, life: LIFE[finding.life] }, suggest: suggest(r) });
          break;
        case 'wrong-event':
          context.report({
            node,
            messageId: 'wrongEvent',
            data: { ...data, removedEvent: `'${finding.removedEvent}'`, line: finding.removal.loc.start.line },
          });
          break;
        case 'path':
          context.report({
            node,
            messageId: 'notRemoved',
            data: { ...data, life: LIFE[finding.life], path: describeExit(finding.exit) },
            suggest: suggest(r, finding.removals),
          });
          break;
        case 'settled':
          context.report({
            node,
            messageId: 'notRemovedOnSettle',
            data: { ...data, life: LIFE[finding.life], how: finding.how, line: finding.settle.loc.start.line },
          });
          break;
      }
    });
  },
});
