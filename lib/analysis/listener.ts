// The lifetime engine's entry point for rules: records code paths, finds acquisitions, and reports leaking paths.
import { AST_NODE_TYPES, ESLintUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { Catalog } from '../catalog/catalog.js';
import { LISTENER_METHODS } from '../catalog/resources.js';
import type { Category, ResourceKind } from '../catalog/types.js';
import { type CodePath, Frame, type Segment } from './code-paths.js';
import type { Acquisition, Finding } from './findings.js';
import { DEFAULT_LIFETIME_OPTIONS, type LifetimeOptions } from './options.js';
import { ProgramFunctions } from './program-functions.js';
import { type FunctionNode, UsageClassifier, type Use, enclosingFunction, isFunctionNode, propertyName } from './usage.js';
import { type Effect, findLeak, findUnprotectedThrow } from './walk.js';

type Variable = TSESLint.Scope.Variable;

export interface LifetimeRuleConfig {
  /** The catalog categories this rule is about. */
  categories: readonly Category[];
  onFinding: (finding: Finding) => void;
}

const STRENGTH: Record<Effect, number> = { borrow: 0, overwrite: 1, release: 2, transfer: 3 };
const MAX_CLOSURE_DEPTH = 6;

function unwrapToValue(node: TSESTree.Node): { awaited: boolean } {
  let cur: TSESTree.Node = node;
  for (let p = cur.parent; p; cur = p, p = p.parent) {
    if (
      p.type === AST_NODE_TYPES.ChainExpression ||
      p.type === AST_NODE_TYPES.TSNonNullExpression ||
      p.type === AST_NODE_TYPES.TSAsExpression ||
      p.type === AST_NODE_TYPES.TSSatisfiesExpression
    ) {
      continue;
    }
    return { awaited: p.type === AST_NODE_TYPES.AwaitExpression };
  }
  return { awaited: false };
}

/**
 * Type facts (which types are resources, which functions are factories or release a parameter) hold for a whole
 * program, so they are computed once per program and rule configuration, not once per file.
 */
const factsByProgram = new WeakMap<ts.Program, Map<string, { catalog: Catalog; functions: ProgramFunctions }>>();

function programFacts(program: ts.Program, checker: ts.TypeChecker, options: LifetimeOptions, categories: readonly Category[]) {
  let byConfig = factsByProgram.get(program);
  if (!byConfig) {
    byConfig = new Map();
    factsByProgram.set(program, byConfig);
  }
  const key = JSON.stringify([categories, options.resources, options.ignore, options.unknownCallees]);
  let facts = byConfig.get(key);
  if (!facts) {
    const catalog = new Catalog(program, checker, { categories, resources: options.resources, ignore: options.ignore });
    const functions = new ProgramFunctions(program, checker, catalog, options.unknownCallees === 'borrow' ? 'borrow' : 'transfer');
    facts = { catalog, functions };
    byConfig.set(key, facts);
  }
  return facts;
}

export function createLifetimeListener<MessageIds extends string, Options extends readonly unknown[]>(
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
  userOptions: Partial<LifetimeOptions>,
  config: LifetimeRuleConfig,
): TSESLint.RuleListener {
  const services = ESLintUtils.getParserServices(context);
  const options: LifetimeOptions = { ...DEFAULT_LIFETIME_OPTIONS, ...userOptions };
  const program = services.program;
  const checker = program.getTypeChecker();
  const sourceCode = context.sourceCode;
  const { catalog, functions } = programFacts(program, checker, options, config.categories);
  const classifier = new UsageClassifier({ sourceCode, services, catalog, functions, options });
  const frames: Frame[] = [];
  const kinds = new Map<TSESTree.Node, ResourceKind>();

  const top = (): Frame | undefined => frames[frames.length - 1];
  const record = (tag: Parameters<Frame['record']>[1]) => (node: TSESTree.Node) => top()?.record(node, tag);

  function detect(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
    const frame = top();
    if (!frame) return;
    if (frame.node.type === AST_NODE_TYPES.Program && !options.checkModuleScope) return;
    const tsNode = services.esTreeNodeToTSNodeMap.get(node) as ts.CallExpression | ts.NewExpression | undefined;
    if (!tsNode) return;
    const kind = functions.acquisitionKind(tsNode, unwrapToValue(node).awaited);
    if (!kind) return;
    kinds.set(node, kind);
    frame.acquisitions.push(node);
    frame.record(node, 'acquire');
  }

  /** Effects of a closure over the resource, at the places in `frame` where the closure is called or handed on. */
  function liftClosure(
    fn: Exclude<FunctionNode, TSESTree.Program>,
    inner: Effect,
    kind: ResourceKind,
    frameNode: TSESTree.Node,
    out: Map<TSESTree.Node, Effect>,
    depth: number,
  ): void {
    if (depth > MAX_CLOSURE_DEPTH) return;
    const outer = enclosingFunction(fn);
    const anchors = new Map<TSESTree.Node, Effect>();
    const useOfClosureValue = (value: TSESTree.Node, level: number): void => {
      if (level > MAX_CLOSURE_DEPTH) return;
      const use = classifier.classify(value, kind, outer, true);
      if (use.t === 'invoked') anchors.set(value, inner === 'borrow' ? 'borrow' : inner);
      else if (use.t === 'transfer') anchors.set(value, 'transfer');
      else if (use.t === 'alias') {
        for (const ref of use.variable.references) {
          if (ref.isRead() && enclosingFunction(ref.identifier) === outer) useOfClosureValue(ref.identifier, level + 1);
        }
      }
    };
    if (fn.type === AST_NODE_TYPES.FunctionDeclaration) {
      const variable = sourceCode.getDeclaredVariables(fn)[0];
      for (const ref of variable?.references ?? []) {
        if (ref.isRead() && enclosingFunction(ref.identifier) === outer) useOfClosureValue(ref.identifier, depth);
      }
    } else {
      useOfClosureValue(fn, depth);
    }
    if (outer === frameNode || outer.type === AST_NODE_TYPES.Program) {
      for (const [node, effect] of anchors) merge(out, node, effect);
      return;
    }
    // The closure lives in a function nested inside the frame: what that function does is the strongest of its anchors.
    let strongest: Effect = 'borrow';
    for (const effect of anchors.values()) if (STRENGTH[effect] > STRENGTH[strongest]) strongest = effect;
    if (strongest !== 'borrow' && isFunctionNode(outer)) liftClosure(outer, strongest, kind, frameNode, out, depth + 1);
  }

  function merge(events: Map<TSESTree.Node, Effect>, node: TSESTree.Node, effect: Effect): void {
    const existing = events.get(node);
    if (!existing || STRENGTH[effect] > STRENGTH[existing]) events.set(node, effect);
  }

  function effectOf(use: Use): Effect {
    return use.t === 'release' ? 'release' : use.t === 'transfer' ? 'transfer' : 'borrow';
  }

  /** Effects of every use of the holders (and their aliases), keyed by the recorded node in `frame`. */
  function collectEvents(
    frame: Frame,
    kind: ResourceKind,
    holder: { variable: Variable; target: TSESTree.Node; container: boolean },
  ): { events: Map<TSESTree.Node, Effect>; holders: Variable[] } {
    const events = new Map<TSESTree.Node, Effect>();
    const frameNode = frame.node as FunctionNode;
    const holders: Variable[] = [];
    const queue = [holder];
    const ownWrites = new Set<TSESTree.Node>([holder.target]);
    while (queue.length > 0) {
      const { variable, container } = queue.shift()!;
      if (holders.includes(variable)) continue;
      holders.push(variable);
      for (const ref of variable.references) {
        const id = ref.identifier as TSESTree.Identifier;
        if (ownWrites.has(id)) continue;
        if (ref.isWrite()) {
          if (!ref.isRead() && !ref.init) merge(events, id, 'overwrite');
          continue;
        }
        const fnOfRef = enclosingFunction(id);
        const use = classifier.classify(id, kind, fnOfRef, false);
        if (container && use.t === 'release') continue;
        if (fnOfRef === frameNode) {
          if (use.t === 'alias') {
            const target = use.variable.defs[0]?.name ?? id;
            ownWrites.add(target);
            for (const r of use.variable.references) if (r.isWrite() && r.writeExpr && contains(r.writeExpr, id)) ownWrites.add(r.identifier);
            queue.push({ variable: use.variable, target, container: container || use.container });
            continue;
          }
          merge(events, id, effectOf(use));
        } else if (isFunctionNode(fnOfRef)) {
          const inner = effectOf(use);
          // A closure that merely reads the resource still keeps it reachable when the closure escapes.
          liftClosure(fnOfRef, inner, kind, frameNode, events, 0);
        }
      }
    }
    return { events, holders };
  }

  function contains(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
    return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
  }

  function isIgnoredThrower(node: TSESTree.Node, holders: Variable[]): boolean {
    // Configuring the resource itself (`sock.on(…)`, `sock.setNoDelay()`: methods returning the receiver) does not
    // throw in practice; reporting it would only teach people to ignore the exception tier.
    const call = node.type === AST_NODE_TYPES.AwaitExpression ? node.argument : node;
    if (call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const name = propertyName(call.callee);
    const object = call.callee.object;
    if (!name || object.type !== AST_NODE_TYPES.Identifier || !holders.some((h) => h.name === object.name)) return false;
    if (LISTENER_METHODS.has(name)) return true;
    const tsCall = services.esTreeNodeToTSNodeMap.get(call) as ts.CallExpression;
    return functions.returnsReceiver(tsCall);
  }

  function throwerText(node: TSESTree.Node): string {
    const inner = node.type === AST_NODE_TYPES.AwaitExpression ? node.argument : node;
    if (inner.type === AST_NODE_TYPES.CallExpression || inner.type === AST_NODE_TYPES.NewExpression) {
      let callee = sourceCode.getText(inner.callee);
      if (callee.length > 40 && inner.callee.type === AST_NODE_TYPES.MemberExpression) {
        callee = `…${propertyName(inner.callee) ? `.${propertyName(inner.callee)}` : ''}`;
      } else if (callee.length > 40) {
        callee = `${callee.slice(0, 39)}…`;
      }
      return inner.type === AST_NODE_TYPES.NewExpression ? `new ${callee}()` : `${callee}()`;
    }
    const text = sourceCode.getText(node);
    return text.length > 40 ? `${text.slice(0, 39)}…` : text;
  }

  function analyse(frame: Frame): void {
    const frameNode = frame.node as FunctionNode;
    for (const node of frame.acquisitions) {
      const kind = kinds.get(node)!;
      const use = classifier.classify(node, kind, frameNode, false);
      const base = { node: node as TSESTree.CallExpression | TSESTree.NewExpression, reportNode: node, kind };
      if (use.t === 'release' || use.t === 'transfer' || use.t === 'invoked') continue;
      if (use.t !== 'alias') {
        config.onFinding({ type: 'discarded', acquisition: base, lentTo: use.t === 'lent' ? use.to : undefined });
        continue;
      }
      if (use.container) continue; // held inside a local object or array: followed no further
      const target = use.variable.defs.find((d) => contains(d.node, node))?.name ?? findWriteTarget(use.variable, node);
      const acquisition: Acquisition = { ...base, name: use.variable.name };
      const { events, holders } = collectEvents(frame, kind, { variable: use.variable, target, container: false });
      // A callback given to the acquisition itself that releases it (`net.connect(port, () => sock.end())`,
      // a poller that clears its own interval) runs after the acquisition, wherever it is written.
      if ([...events].some(([n, effect]) => (effect === 'release' || effect === 'transfer') && contains(node, n))) continue;
      const scopeBlock = use.variable.scope.block;
      const narrowScope =
        !isFunctionNode(scopeBlock) &&
        scopeBlock.type !== AST_NODE_TYPES.Program &&
        holders.every((h) => contains(scopeBlock, h.scope.block));
      const input = {
        frame,
        acquisition: node,
        events,
        holders: new Set(holders.map((h) => h.name)),
        scopeBlock: narrowScope ? scopeBlock : undefined,
        overwriteLeaks: holders.length === 1,
      };
      const leak = findLeak(input);
      if (leak) {
        config.onFinding({ type: 'leak', acquisition, exit: leak });
        continue;
      }
      if (options.checkExceptionPaths) {
        const thrower = findUnprotectedThrow(input, (n) => isIgnoredThrower(n, holders));
        if (thrower) {
          config.onFinding({
            type: 'exception',
            acquisition,
            thrower,
            throwerText: throwerText(thrower),
            line: thrower.loc.start.line,
          });
        }
      }
    }
  }

  function findWriteTarget(variable: Variable, acquisition: TSESTree.Node): TSESTree.Node {
    const ref = variable.references.find((r) => r.isWrite() && r.writeExpr && contains(r.writeExpr, acquisition));
    return ref?.identifier ?? acquisition;
  }

  const guard =
    <A extends unknown[]>(fn: (...args: A) => void) =>
    (...args: A): void => {
      try {
        fn(...args);
      } catch (error) {
        // The plugin never crashes ESLint: an unexpected shape of code yields fewer reports, not an exception.
        if (process.env.LEAKS_DEBUG) throw error;
      }
    };

  const enterBranch = (node: TSESTree.Node): void => {
    const parent = node.parent as TSESTree.IfStatement | TSESTree.ConditionalExpression | TSESTree.LogicalExpression;
    const isTest = parent.type === AST_NODE_TYPES.LogicalExpression ? parent.left === node : parent.test === node;
    if (!isTest) top()?.record(node, 'branch');
  };
  const exitBranchTest = (node: TSESTree.Node): void => {
    const parent = node.parent as TSESTree.IfStatement | TSESTree.ConditionalExpression | TSESTree.LogicalExpression;
    const isTest = parent.type === AST_NODE_TYPES.LogicalExpression ? parent.left === node : parent.test === node;
    if (isTest) top()?.record(node, 'test');
  };

  return {
    onCodePathStart: (codePath: CodePath, node: TSESTree.Node) => {
      frames.push(new Frame(codePath, node));
    },
    onCodePathEnd: guard(() => {
      const frame = frames.pop();
      if (frame && frame.acquisitions.length > 0) analyse(frame);
    }),
    onCodePathSegmentStart: (segment: Segment) => top()?.enter(segment),
    onUnreachableCodePathSegmentStart: (segment: Segment) => top()?.enter(segment),
    onCodePathSegmentEnd: (segment: Segment) => top()?.leave(segment),
    onUnreachableCodePathSegmentEnd: (segment: Segment) => top()?.leave(segment),
    Identifier: record('id'),
    ':function': (node: TSESTree.Node) => frames[frames.length - 2]?.record(node, 'fn'),
    'CallExpression, NewExpression, AwaitExpression': record('call'),
    'CallExpression, NewExpression:exit': guard(detect),
    'ReturnStatement:exit': record('return'),
    'ThrowStatement:exit': record('throw'),
    'BreakStatement:exit': record('break'),
    'ContinueStatement:exit': record('continue'),
    'BlockStatement, SwitchStatement, ForStatement, ForInStatement, ForOfStatement:exit': record('scope-exit'),
    CatchClause: record('catch'),
    'IfStatement > *, ConditionalExpression > *, LogicalExpression > *': enterBranch,
    'IfStatement > *, ConditionalExpression > *, LogicalExpression > *:exit': exitBranchTest,
  } as unknown as TSESLint.RuleListener;
}
