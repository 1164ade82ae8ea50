// Plans the suggestion that removes a listener when the async function (or generator) that added it ends: the rest
// of the body goes into `try`, the removal into `finally`. An inline listener is given a name first.
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { childNodes, lineIndent, skipValueWrappers } from '../analysis/usage.js';
import { indentableLineStarts, levelBetween } from './text.js';

export interface ListenerRemovalInput {
  sourceCode: Readonly<TSESLint.SourceCode>;
  /** The registration call (`emitter.on(event, listener)`). */
  call: TSESTree.CallExpression;
  /** The function whose end ends the operation. */
  fn: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;
  /** The method that removes what `call` added (`removeListener`, `removeEventListener`). */
  removalMethod: string;
  /** Whether a name is free where the listener would be declared. */
  nameIsFree: (name: string) => boolean;
  /** Removals the function already makes on some paths: one that ends the body moves into the `finally`. */
  removals?: readonly TSESTree.Node[];
  /** Whether a returned value may be a promise (only those get an `await` before the `finally`). */
  mayBeThenable: (node: TSESTree.Node) => boolean;
  /** Whether the emitter expression still names the same emitter at the end of the function (nothing reassigns it). */
  stableEmitter: (node: TSESTree.Node) => boolean;
}

export interface ListenerRemovalPlan {
  /** The statement the suggestion inserts into `finally`. */
  removal: string;
  fix: TSESLint.ReportFixFunction;
}

function listenerName(call: TSESTree.CallExpression, nameIsFree: (name: string) => boolean): string {
  const event = call.arguments[0];
  const base =
    event?.type === AST_NODE_TYPES.Literal && typeof event.value === 'string' && /^[A-Za-z][\w]*$/.test(event.value)
      ? `on${event.value[0]!.toUpperCase()}${event.value.slice(1)}`
      : 'listener';
  for (let i = 1; ; i++) {
    const name = i === 1 ? base : `${base}${i}`;
    if (nameIsFree(name)) return name;
  }
}

export function planListenerRemoval(input: ListenerRemovalInput): ListenerRemovalPlan | undefined {
  const { sourceCode, call, fn, removalMethod, nameIsFree } = input;
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  let top: TSESTree.Node = call;
  while (top.parent && (top.parent.type === AST_NODE_TYPES.ChainExpression || top.parent.type === AST_NODE_TYPES.AwaitExpression)) top = top.parent;
  const statement = top.parent;
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || statement.parent !== fn.body) return undefined;
  let rest = fn.body.body.slice(fn.body.body.indexOf(statement) + 1);
  const closing = rest[rest.length - 1];
  const dropped =
    closing?.type === AST_NODE_TYPES.ExpressionStatement &&
    (input.removals ?? []).includes(skipValueWrappers(closing.expression)) &&
    rest.length > 1 &&
    sourceCode.getCommentsBefore(closing).every((c) => c.range[1] <= rest[rest.length - 2]!.range[1])
      ? closing
      : undefined;
  if (dropped) rest = rest.slice(0, -1);
  if (rest.length === 0) return undefined;
  // Moving declarations into a block changes what hoisting makes visible before them.
  if (rest.some((s) => s.type === AST_NODE_TYPES.FunctionDeclaration || (s.type === AST_NODE_TYPES.VariableDeclaration && s.kind === 'var'))) {
    return undefined;
  }
  // removeEventListener must be given the same `capture` as addEventListener: only plain options are moved over.
  const options = call.arguments[2];
  if (
    options &&
    !(
      options.type === AST_NODE_TYPES.ObjectExpression &&
      options.properties.every(
        (p) => p.type === AST_NODE_TYPES.Property && !p.computed && p.key.type === AST_NODE_TYPES.Identifier && ['once', 'passive'].includes(p.key.name),
      )
    )
  ) {
    return undefined;
  }
  // A helper that registers for its caller (`onabort(signal, fn)`) has no removal to call here; in a chain
  // (`sock.on(…).on(…)`) the removal would have to name the chain's root; an emitter reached through a call or a
  // reassigned field may be another one by the time `finally` runs.
  const callee = skipValueWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  if (!input.stableEmitter(callee.object)) return undefined;
  const listener = call.arguments[1]!;
  const listenerValue = skipValueWrappers(listener);
  const inline =
    listenerValue.type === AST_NODE_TYPES.ArrowFunctionExpression || listenerValue.type === AST_NODE_TYPES.FunctionExpression;
  if (!inline && listenerValue.type !== AST_NODE_TYPES.Identifier) return undefined;
  // Moved out of the call, an inline listener loses its contextual type: unannotated parameters would become `any`.
  if (inline && (listenerValue as TSESTree.ArrowFunctionExpression).params.some((p) => !('typeAnnotation' in p && p.typeAnnotation))) {
    return undefined;
  }
  const name = inline ? listenerName(call, nameIsFree) : (listenerValue as TSESTree.Identifier).name;
  const object = sourceCode.getText(callee.object);
  const removal = dropped
    ? sourceCode.getText(dropped)
    : `${object}${callee.optional ? '?.' : '.'}${removalMethod}(${sourceCode.getText(call.arguments[0]!)}, ${name});`;

  const text = sourceCode.text;
  const indent = lineIndent(sourceCode, statement);
  const outer = lineIndent(sourceCode, fn.body);
  const unit = levelBetween(sourceCode, outer, indent);
  const from = statement.range[1];
  const last = rest[rest.length - 1]!;
  const comments = sourceCode.getCommentsAfter(last).filter((c) => c.range[1] <= fn.body.range[1] - 1);
  const to = dropped ? last.range[1] : Math.max(last.range[1], ...comments.map((c) => c.range[1]));
  const replaced = dropped ? dropped.range[1] : to;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  // `return fetch(…)` in an async function: without `await` the `finally` would run before the promise settles.
  const returns: TSESTree.ReturnStatement[] = [];
  const visit = (node: TSESTree.Node): void => {
    if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument && node.argument.type !== AST_NODE_TYPES.AwaitExpression) returns.push(node);
    if (node !== fn && (node.type === AST_NODE_TYPES.FunctionDeclaration || node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.ArrowFunctionExpression)) return;
    for (const child of childNodes(node)) visit(child);
  };
  if (fn.async && !fn.generator) rest.forEach(visit);
  const awaited = returns.filter((r) => input.mayBeThenable(r.argument!));
  const inserts: { at: number; text: string }[] = [
    ...indentableLineStarts(sourceCode, from, to).map((at) => ({ at, text: unit })),
    ...awaited.flatMap((r) => {
      const argument = r.argument!;
      const plain = argument.type === AST_NODE_TYPES.CallExpression || argument.type === AST_NODE_TYPES.Identifier || argument.type === AST_NODE_TYPES.MemberExpression;
      return plain
        ? [{ at: argument.range[0], text: 'await ' }]
        : [
            { at: argument.range[0], text: 'await (' },
            { at: argument.range[1], text: ')' },
          ];
    }),
  ].sort((a, b) => b.at - a.at);
  const fix: TSESLint.ReportFixFunction = (fixer) => {
    let body = text.slice(from, to);
    for (const { at, text: inserted } of inserts) body = body.slice(0, at - from) + inserted + body.slice(at - from);
    body = body.replace(/^(\r?\n[ \t]*)+(?=\r?\n)/, '');
    const wrapped = `${eol}${indent}try {${body}${eol}${indent}} finally {${eol}${indent}${unit}${removal}${eol}${indent}}`;
    const edits = [fixer.replaceTextRange([from, replaced], wrapped)];
    if (inline) {
      const fnText = sourceCode.getText(listener);
      // The function text keeps its own line breaks; its later lines are already indented for this statement.
      edits.push(fixer.insertTextBefore(statement, `const ${name} = ${fnText};${eol}${indent}`));
      edits.push(fixer.replaceText(listener, name));
    }
    return edits;
  };
  return { removal: removal.replace(/;$/, ''), fix };
}
