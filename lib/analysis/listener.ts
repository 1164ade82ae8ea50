// The lifetime engine for one rule: finds the acquisitions of its catalog and walks the file's recorded code paths
// from them to the exits where they leak (lib/analysis/file-analysis.ts records the paths once for every rule).
import { ASTUtils, AST_NODE_TYPES, ESLintUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';
import { isThenableType } from 'ts-api-utils';
import { Catalog, isDisposeProperty } from '../catalog/catalog.js';
import { END_EVENTS, EVENT_OUTCOMES, FAILING_STREAMS, LISTENER_METHODS, WAITS_ON_EVENTS } from '../catalog/resources.js';
import type { Category, ResourceKind } from '../catalog/types.js';
import type { Frame } from './code-paths.js';
import type { Acquisition, Finding, Held, LeakExit } from './findings.js';
import { DEFAULT_LIFETIME_OPTIONS, type LifetimeOptions } from '../options.js';
import { ProgramFunctions } from './program-functions.js';
import { owningClasses } from './owning-classes.js';
import {
  type FunctionNode,
  UsageClassifier,
  type Use,
  calledMethod,
  childNodes,
  contains,
  flowsOn,
  enclosingFunction,
  functionVariable,
  isFunctionNode,
  loopCanEnd,
  outermostValue,
  passedTo,
  propertyName,
  skipValueWrappers,
  stringArgument,
} from './usage.js';
import { type Awaiting, type Effect, exitReachedAfterHandling, findLeak, findLeaks, findUnprotectedThrow } from './walk.js';

type Variable = TSESLint.Scope.Variable;

export interface LifetimeRuleConfig {
  /** The catalog categories this rule is about. */
  categories: readonly Category[];
  /** Report every leaking exit, not just the first (rules that report at the exit). */
  allExits?: boolean;
  onFinding: (finding: Finding) => void;
}

/**
 * One rule's view of the lifetime analysis of a file: its catalog (its categories and options), the acquisitions it
 * finds as the file's code paths are recorded, and the walks from them when each function's code path ends. The
 * positions it walks are recorded once per file for every tracker (lib/analysis/file-analysis.ts).
 */
export interface LifetimeTracker {
  readonly catalog: Catalog;
  /** A function's body starts (`frame` is the function's own). */
  onFunction(frame: Frame, node: Exclude<FunctionNode, TSESTree.Program | TSESTree.StaticBlock>): void;
  /** A call or `new` finished evaluating, in `frame`. */
  onCall(frame: Frame, node: TSESTree.CallExpression | TSESTree.NewExpression): void;
  /** `frame`'s code path ended: walk from what this tracker found in it. */
  onFrameEnd(frame: Frame): void;
}

const STRENGTH: Record<Effect, number> = { borrow: 0, overwrite: 1, release: 2, transfer: 3 };
const MAX_CLOSURE_DEPTH = 6;
/** A socket either connects or errors (and Node destroys it): a release once it connects covers both outcomes. */
const CONNECT_EVENTS = new Set(['connect', 'secureConnect', 'ready', 'open']);

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
    // `await Promise.all([open(a), open(b)])`: each element is awaited through the combinator.
    if (p.type === AST_NODE_TYPES.ArrayExpression) {
      const call = p.parent;
      return {
        awaited:
          call?.type === AST_NODE_TYPES.CallExpression &&
          call.arguments[0] === p &&
          call.parent?.type === AST_NODE_TYPES.AwaitExpression,
      };
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

export function programFacts(program: ts.Program, checker: ts.TypeChecker, options: LifetimeOptions, categories: readonly Category[]) {
  let byConfig = factsByProgram.get(program);
  if (!byConfig) {
    byConfig = new Map();
    factsByProgram.set(program, byConfig);
  }
  const key = JSON.stringify([categories, options.resources, options.ignore, options.unknownCallees]);
  let facts = byConfig.get(key);
  if (!facts) {
    const classes = owningClasses(program, checker, options);
    const catalog = new Catalog(program, checker, {
      categories,
      resources: options.resources,
      ignore: options.ignore,
      ownsResource: (type, declaration) => classes.ownsResource(type, declaration),
    });
    const functions = new ProgramFunctions(program, checker, catalog, options.unknownCallees === 'borrow' ? 'borrow' : 'transfer');
    facts = { catalog, functions };
    byConfig.set(key, facts);
  }
  return facts;
}

export function createLifetimeTracker<MessageIds extends string, Options extends readonly unknown[]>(
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
  userOptions: Partial<LifetimeOptions>,
  config: LifetimeRuleConfig,
  /** The file's frames, outermost first, as they are while the file is traversed. */
  frames: readonly Frame[],
): LifetimeTracker {
  const services = ESLintUtils.getParserServices(context);
  const options: LifetimeOptions = { ...DEFAULT_LIFETIME_OPTIONS, ...userOptions };
  const program = services.program;
  const checker = program.getTypeChecker();
  const sourceCode = context.sourceCode;
  const { catalog, functions } = programFacts(program, checker, options, config.categories);
  const classifier = new UsageClassifier({ sourceCode, services, catalog, functions, options });
  const onFinding = config.onFinding;
  /** This tracker's own starting points in a frame. */
  const own = (frame: Frame) => frame.stateOf(tracker);
  const tracker = {} as LifetimeTracker;
  const kinds = new Map<TSESTree.Node, ResourceKind>();

  function detect(frame: Frame, node: TSESTree.CallExpression | TSESTree.NewExpression): void {
    if (frame.node.type === AST_NODE_TYPES.Program && !options.checkModuleScope) return;
    // Code that can never run acquires nothing.
    if (![...frame.current].some((segment) => segment.reachable)) return;
    const tsNode = services.esTreeNodeToTSNodeMap.get(node) as ts.CallExpression | ts.NewExpression | undefined;
    if (!tsNode) return;
    const kind = functions.acquisitionKind(tsNode, unwrapToValue(node).awaited);
    if (!kind) return;
    kinds.set(node, kind);
    own(frame).acquisitions.push(node);
    // Another rule's tracker may have found the same call (one position serves every walk that starts there).
    if (frame.find(node, 'acquire').length === 0) frame.record(node, 'acquire');
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
      if (inner === 'release' && isListenerForOtherEventOfResource(value, kind)) return;
      const use = classifier.classify(value, kind, outer, true);
      // For a connection the handler must not drop, a callback that captures it keeps a reference to it.
      if (use.t === 'invoked' && !use.direct && inner === 'borrow' && kind.captureHandsOff) {
        anchors.set(value, 'transfer');
        return;
      }
      // A listener on a server that this function starts listening keeps what it captures for the server's life:
      // `server.on('upgrade', (req, socket, head) => wss.handleUpgrade(…)); server.listen(port);`
      if (use.t === 'invoked' && !use.direct && inner === 'borrow' && onListeningServer(value, outer)) {
        anchors.set(value, 'transfer');
        return;
      }
      // Registering a callback that would overwrite the holder later is not an overwrite now.
      if (use.t === 'invoked' && (inner !== 'overwrite' || use.direct)) anchors.set(value, inner);
      else if (use.t === 'transfer') anchors.set(value, 'transfer');
      else if (use.t === 'alias') {
        for (const ref of use.variable.references) {
          if (!ref.isRead()) continue;
          const where = enclosingFunction(ref.identifier);
          if (where === outer) useOfClosureValue(ref.identifier, level + 1);
          // `const onAbort = () => { clearSockets(); reject(); }`: a callback that calls it does what it does.
          else if (
            isFunctionNode(where) &&
            where !== fn &&
            contains(outer, where) &&
            ref.identifier.parent?.type === AST_NODE_TYPES.CallExpression &&
            ref.identifier.parent.callee === ref.identifier
          ) {
            liftClosure(where, inner, kind, frameNode, out, level + 1);
          }
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

  /**
   * Whether the callback is a listener (`x.on(event, callback)`) on a local server that the same function hands to
   * the event loop (`x.listen(…)`), which then serves, and keeps its listeners, for the life of the process.
   */
  function onListeningServer(value: TSESTree.Node, fn: FunctionNode): boolean {
    const call = value.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    if (!LISTENER_METHODS.has(propertyName(call.callee) ?? '') || !call.arguments.includes(value as TSESTree.CallExpressionArgument)) return false;
    const emitter = call.callee.object;
    if (emitter.type !== AST_NODE_TYPES.Identifier) return false;
    const kind = catalog.kindOfType(checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(emitter)));
    const handoffs = kind?.handoffMethods;
    if (!handoffs?.length) return false;
    const variable = ASTUtils.findVariable(sourceCode.getScope(emitter), emitter);
    return !!variable?.references.some(
      (ref) => enclosingFunction(ref.identifier) === fn && handoffs.includes(calledMethod(ref.identifier) ?? ''),
    );
  }

  /**
   * `sock.once('data', () => sock.destroy())`: a callback for an event that may never come. Only callbacks for the
   * resource's end ('close', 'end', 'error', 'exit', …) release it for sure; listeners on other emitters (an
   * AbortSignal, the process) are taken at their word.
   */
  function isListenerForOtherEventOfResource(value: TSESTree.Node, kind: ResourceKind): boolean {
    const call = value.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const method = propertyName(call.callee);
    if (!method || !LISTENER_METHODS.has(method) || call.arguments[1] !== value) return false;
    const event = call.arguments[0];
    if (event?.type !== AST_NODE_TYPES.Literal || typeof event.value !== 'string') return false;
    if (END_EVENTS.has(event.value)) return false;
    // A socket that fails to connect is destroyed by Node itself: a release once it connects covers both outcomes.
    if (kind.emitsErrors && CONNECT_EVENTS.has(event.value)) return false;
    const receiver = services.esTreeNodeToTSNodeMap.get(call.callee.object);
    return catalog.kindOfType(checker.getTypeAtLocation(receiver))?.id === kind.id;
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
    holder: { variable: Variable; target: TSESTree.Node; container: boolean; body?: boolean },
  ): { events: Map<TSESTree.Node, Effect>; holders: Variable[]; collected: boolean } {
    const events = new Map<TSESTree.Node, Effect>();
    let collected = false;
    const frameNode = frame.node as FunctionNode;
    const holders: Variable[] = [];
    const queue = [holder];
    const ownWrites = new Set<TSESTree.Node>([holder.target]);
    const responseKind = kind;
    const liftedClosures = new Map<TSESTree.Node, Set<string>>();
    while (queue.length > 0) {
      const { variable, container, body } = queue.shift()!;
      if (container) collected = true;
      // A variable that holds a response's body is released by the body's own methods.
      kind = body ? catalog.bodyKind(responseKind) : responseKind;
      if (holders.includes(variable)) continue;
      holders.push(variable);
      for (const ref of variable.references) {
        const id = ref.identifier as TSESTree.Identifier;
        if (ownWrites.has(id)) continue;
        const fnOfRef = enclosingFunction(id);
        if (ref.isWrite()) {
          if (ref.isRead() || ref.init) continue;
          if (fnOfRef === frameNode) merge(events, id, 'overwrite');
          else if (isFunctionNode(fnOfRef)) liftClosure(fnOfRef, 'overwrite', kind, frameNode, events, 0);
          continue;
        }
        // Uses of a local collection that holds the resource: releases only through its elements (`for … of`).
        const use = classifier.classify(id, kind, fnOfRef, false, container);
        if (fnOfRef === frameNode) {
          // `const chosen = secure ? a : b` holds `a` on one path only: releasing `chosen` releases neither for sure.
          if (use.t === 'alias' && throughConditional(id, use.variable)) continue;
          if (use.t === 'alias') {
            const target = use.variable.defs[0]?.name ?? id;
            ownWrites.add(target);
            for (const r of use.variable.references) if (r.isWrite() && r.writeExpr && contains(r.writeExpr, id)) ownWrites.add(r.identifier);
            queue.push({ variable: use.variable, target, container: container || use.container, body: body || use.body });
            continue;
          }
          const effect = effectOf(use);
          // A release takes effect once its call has finished, arguments included: `res.json(await load())`
          // leaks when `load()` throws.
          merge(events, effect === 'release' ? releaseAnchor(id) : id, effect);
        } else if (isFunctionNode(fnOfRef)) {
          const inner = effectOf(use);
          // A closure that merely reads the resource still keeps it reachable when the closure escapes. Each
          // closure is lifted once per effect: its uses are the same whichever reference inside it asked.
          const key = `${inner}`;
          const lifted = liftedClosures.get(fnOfRef) ?? new Set<string>();
          if (lifted.has(key)) continue;
          lifted.add(key);
          liftedClosures.set(fnOfRef, lifted);
          liftClosure(fnOfRef, inner, kind, frameNode, events, 0);
        }
      }
    }
    return { events, holders, collected };
  }

  /** The call whose completion releases the resource the identifier refers to (`x.close()`, `clearInterval(x)`). */
  function releaseAnchor(id: TSESTree.Node): TSESTree.Node {
    let cur: TSESTree.Node = id;
    let anchor: TSESTree.Node = id;
    for (let p = cur.parent; p; cur = p, p = p.parent) {
      // `x?.close()` skips the call when `x` is null: the path that skips it has nothing to release, so the release
      // is taken where `x` is read, as the null check.
      if (p.type === AST_NODE_TYPES.ChainExpression) return id;
      if (
        p.type === AST_NODE_TYPES.MemberExpression ||
        p.type === AST_NODE_TYPES.TSNonNullExpression ||
        p.type === AST_NODE_TYPES.TSAsExpression
      ) {
        continue;
      }
      if ((p.type === AST_NODE_TYPES.CallExpression || p.type === AST_NODE_TYPES.NewExpression) && p.callee === cur) {
        anchor = p;
        continue; // `res.status(404).json(…)`: the chain's last call
      }
      if ((p.type === AST_NODE_TYPES.CallExpression || p.type === AST_NODE_TYPES.NewExpression) && anchor === id) return p;
      break;
    }
    return anchor;
  }

  function throughConditional(id: TSESTree.Node, variable: Variable): boolean {
    for (let p = id.parent; p; p = p.parent) {
      if (p.type === AST_NODE_TYPES.ConditionalExpression || p.type === AST_NODE_TYPES.LogicalExpression) return true;
      if (p.type === AST_NODE_TYPES.VariableDeclarator || p.type === AST_NODE_TYPES.AssignmentExpression) return false;
      if (variable.references.some((r) => r.identifier === p)) return false;
    }
    return false;
  }

  /**
   * The value a branch test always has, when the code says so: a function, a class or a freshly built object is
   * always truthy (`options.Promise || Promise`, through a `const` that holds it), and `!` of a known value is known.
   */
  function constantTest(test: TSESTree.Node, depth = 0): boolean | undefined {
    if (depth > 4) return undefined;
    switch (test.type) {
      case AST_NODE_TYPES.UnaryExpression: {
        if (test.operator !== '!') return undefined;
        const value = constantTest(test.argument, depth + 1);
        return value === undefined ? undefined : !value;
      }
      case AST_NODE_TYPES.LogicalExpression: {
        const left = constantTest(test.left, depth + 1);
        const right = constantTest(test.right, depth + 1);
        if (test.operator === '||') return left === true || right === true ? true : left === false && right === false ? false : undefined;
        if (test.operator === '&&') return left === false || right === false ? false : left === true && right === true ? true : undefined;
        return undefined;
      }
      case AST_NODE_TYPES.ObjectExpression:
      case AST_NODE_TYPES.ArrayExpression:
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.ClassExpression:
      case AST_NODE_TYPES.NewExpression:
        return true;
      case AST_NODE_TYPES.Identifier: {
        const variable = ASTUtils.findVariable(sourceCode.getScope(test), test);
        const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
        if (definition?.type === 'Variable' && definition.parent.kind === 'const' && definition.node.init && definition.node.id.type === AST_NODE_TYPES.Identifier) {
          return constantTest(definition.node.init, depth + 1);
        }
        if (definition?.type === 'FunctionName' || definition?.type === 'ClassName') return true;
        if (variable && variable.defs.length > 0) return undefined;
        // A global the program does not declare: a function or class of the standard library (`Promise`, `Map`).
        try {
          const symbol = checker.getSymbolAtLocation(services.esTreeNodeToTSNodeMap.get(test));
          const declarations = symbol?.declarations ?? [];
          const library = declarations.length > 0 && declarations.every((d) => program.isSourceFileDefaultLibrary(d.getSourceFile()));
          if (!library) return undefined;
          const type = checker.getTypeOfSymbol(symbol!);
          return type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0 ? true : undefined;
        } catch {
          return undefined;
        }
      }
      default:
        return undefined;
    }
  }

  function isIgnoredThrower(node: TSESTree.Node, holders: Variable[], kind: ResourceKind): boolean {
    // Configuring the resource itself (`sock.on(…)`, `sock.setNoDelay()`: methods returning the receiver) does not
    // throw in practice; reporting it would only teach people to ignore the exception tier.
    const awaited = node.type === AST_NODE_TYPES.AwaitExpression ? node.argument : undefined;
    // `const onExit = onceExited(child); …; await onExit`: awaiting a promise kept in a constant rejects only if the
    // call that made it can.
    const kept = awaited?.type === AST_NODE_TYPES.Identifier ? ASTUtils.findVariable(sourceCode.getScope(awaited), awaited) : undefined;
    const keptDef = kept?.defs.length === 1 ? kept.defs[0] : undefined;
    const keptInit =
      keptDef?.type === 'Variable' && keptDef.parent.kind === 'const' && keptDef.node.id.type === AST_NODE_TYPES.Identifier ? keptDef.node.init : undefined;
    const call =
      keptInit?.type === AST_NODE_TYPES.CallExpression || keptInit?.type === AST_NODE_TYPES.NewExpression
        ? keptInit
        : node.type === AST_NODE_TYPES.AwaitExpression
          ? node.argument
          : node;
    // The named throw point must be able to throw: registering a listener, logging and the catalog's other
    // non-throwing calls cannot, nor can a function of the program that neither throws nor calls what can.
    if (call.type === AST_NODE_TYPES.CallExpression || call.type === AST_NODE_TYPES.NewExpression) {
      const tsCall = services.esTreeNodeToTSNodeMap.get(call) as ts.CallExpression | ts.NewExpression | undefined;
      if (tsCall && !functions.mayThrow(tsCall, 0, node.type === AST_NODE_TYPES.AwaitExpression)) return true;
      // A callee without type information (`any`: an unresolved import, untyped JavaScript) is nothing the
      // exception tier can name as a throw point; it degrades to fewer reports.
      if (tsCall && checker.getTypeAtLocation(tsCall.expression).flags & ts.TypeFlags.Any) return true;
    }
    if (call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const object = call.callee.object;
    if (!propertyName(call.callee)) return false;
    if (object.type !== AST_NODE_TYPES.Identifier || !holders.some((h) => h.name === object.name)) return false;
    // Streams and sockets report failures of their own methods as 'error' events.
    if (kind.emitsErrors && node.type !== AST_NODE_TYPES.AwaitExpression) return true;
    const tsCall = services.esTreeNodeToTSNodeMap.get(call) as ts.CallExpression;
    return functions.returnsReceiver(tsCall);
  }

  /**
   * Whether an `await` can reject while the resource is still held, for the catch that goes on: not when it cannot
   * reject at all (a value that is no promise, a call that cannot throw), when it waits on the resource's own events
   * (`once(sock, 'data')` rejects on 'error', and an emitter of errors is destroyed by them), or when it is the call
   * that opens a lazy resource (a client whose `connect()` fails holds nothing).
   */
  function mayRejectHeld(node: Awaiting, holders: Variable[], kind: ResourceKind): boolean {
    // `for await (… of x)`: a step rejects when the iterable fails; iterating the resource itself destroys it then.
    if (node.type === AST_NODE_TYPES.ForOfStatement) {
      const iterated = skipValueWrappers(node.right);
      if (iterated.type === AST_NODE_TYPES.Identifier) {
        const variable = ASTUtils.findVariable(sourceCode.getScope(iterated), iterated);
        if (variable && holders.includes(variable)) return false;
      }
      // Only an async iterable's steps are promises (a plain array of values cannot reject).
      const type = checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(node.right));
      return type.getProperties().some((p) => String(p.escapedName).startsWith('__@asyncIterator'));
    }
    if (isIgnoredThrower(node, holders, kind)) return false;
    const tsArgument = services.esTreeNodeToTSNodeMap.get(node.argument) as ts.Expression;
    if (!isThenableType(checker, tsArgument, checker.getTypeAtLocation(tsArgument))) return false;
    const call = node.argument;
    if (call.type !== AST_NODE_TYPES.CallExpression) return true;
    const isHolder = (n: TSESTree.Node | undefined): boolean => n?.type === AST_NODE_TYPES.Identifier && holders.some((h) => h.name === n.name);
    const tsCall = services.esTreeNodeToTSNodeMap.get(call) as ts.CallExpression;
    if (kind.emitsErrors && isHolder(call.arguments[0]) && catalog.calleeMatches(tsCall.expression, WAITS_ON_EVENTS)) return false;
    if (kind.lazy && call.callee.type === AST_NODE_TYPES.MemberExpression && isHolder(call.callee.object)) {
      const method = propertyName(call.callee) ?? '';
      if (kind.opensWith ? kind.opensWith.includes(method) : method === 'connect') return false;
    }
    return true;
  }

  /** `fail(e)` declared to return `never`: the path ends there (a throw). */
  function neverReturns(node: TSESTree.Node): boolean {
    if (node.type !== AST_NODE_TYPES.CallExpression) return false;
    try {
      return !!(checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(node)).flags & ts.TypeFlags.Never);
    } catch {
      return false;
    }
  }

  function throwerText(node: TSESTree.Node): string {
    if (node.type === AST_NODE_TYPES.ForOfStatement) {
      const right = sourceCode.getText(node.right);
      return `for await (… of ${right.length > 30 ? `${right.slice(0, 29)}…` : right})`;
    }
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
    for (const node of own(frame).acquisitions) analyseAcquisition(frame, node);
    for (const param of own(frame).parameterAcquisitions) {
      const variable = ASTUtils.findVariable(sourceCode.getScope(param), param as TSESTree.Identifier);
      if (variable) analyseHeld(frame, param, kinds.get(param)!, variable, param, { node: frame.node, tag: 'start' });
    }
    for (const adopted of own(frame).adopted) {
      const kind = kinds.get(adopted.acquisition)!;
      const variable = ASTUtils.findVariable(sourceCode.getScope(adopted.target), adopted.target);
      if (!variable) continue;
      const start = { node: adopted.callback, tag: 'fn' as const };
      analyseHeld(frame, adopted.acquisition, kind, variable, adopted.target, start, adopted.container);
    }
  }

  function analyseAcquisition(frame: Frame, node: TSESTree.Node): void {
    const frameNode = frame.node as FunctionNode;
    const kind = kinds.get(node)!;
    if (kind.mayHaveNoBody && node.type === AST_NODE_TYPES.CallExpression && isHeadRequest(node)) return;
    // `setInterval(ms, value, { signal })` from timers/promises ends when the signal aborts.
    if (kind.endless && hasSignalOption(node)) return;
    if (kind.endless && endlessLoopOver(node, kind)) return;
    const use = classifier.classify(node, kind, frameNode, false);
    if (use.t === 'transfer' && (adoptByEnclosingFunction(frame, node) || adoptMappedCollection(frame, node, kind))) return;
    if (use.t === 'transfer' && !kind.oneShot) {
      const outer = outerLocalNeverHandled(node, kind);
      if (outer) {
        onFinding({ type: 'discarded', acquisition: { node: node as TSESTree.CallExpression | TSESTree.NewExpression, reportNode: node, kind }, storedIn: outer });
        return;
      }
    }
    if (use.t === 'release' || use.t === 'transfer') {
      // `createReadStream(file).pipe(res)`: released on the destination's success only.
      const piped = kind.category === 'resource' ? pipeOf(node, kind) : undefined;
      if (piped) {
        const acquisition = { node: node as TSESTree.CallExpression | TSESTree.NewExpression, reportNode: node, kind, name: callName(node) };
        onFinding({ type: 'leak', acquisition, exit: piped });
        return;
      }
    }
    if (use.t === 'release' || use.t === 'invoked') return;
    if (use.t !== 'alias') {
      // A one-shot timer left alone ends by itself; it only matters when it races other work.
      if (kind.oneShot) reportRace(node, kind);
      else if (use.t !== 'transfer') {
        const acquisition = { node: node as TSESTree.CallExpression | TSESTree.NewExpression, reportNode: node, kind };
        onFinding({ type: 'discarded', acquisition, lentTo: use.t === 'lent' ? use.to : undefined });
      }
      return;
    }
    const target = use.variable.defs.find((d) => contains(d.node, node))?.name ?? findWriteTarget(use.variable, node);
    analyseHeld(frame, node, kind, use.variable, target, { node, tag: 'acquire' }, use.container, use.body);
  }

  /**
   * `let ticker; … const onConnect = () => { ticker = setInterval(tick, 150); };`: stored in a local of an enclosing
   * function, which hands it to nobody unless something reads that variable to release or pass it on. The name of
   * such a variable that no reference ever releases, returns, stores or passes on; undefined otherwise.
   */
  function outerLocalNeverHandled(node: TSESTree.Node, kind: ResourceKind): string | undefined {
    const assignment = outermostValue(node).parent;
    if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.operator !== '=' || assignment.left.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = ASTUtils.findVariable(sourceCode.getScope(assignment.left), assignment.left);
    const owner = variable?.scope.variableScope.block;
    // Module variables belong to the process (checkModuleScope); only a function's locals die with it.
    if (!variable || !owner || !isFunctionNode(owner) || variable.defs[0]?.type !== 'Variable') return undefined;
    for (const ref of variable.references) {
      if (!ref.isRead()) continue;
      const use = classifier.classify(ref.identifier, kind, enclosingFunction(ref.identifier) as FunctionNode, false);
      if (use.t !== 'borrow' && use.t !== 'lent' && use.t !== 'dropped') return undefined;
    }
    return variable.name;
  }

  /** `fetch(url, { method: 'HEAD' })`, `http.request({ method: 'HEAD' }, …)`: a response without a body. */
  function isHeadRequest(call: TSESTree.CallExpression): boolean {
    return call.arguments.some(
      (arg) =>
        arg.type === AST_NODE_TYPES.ObjectExpression &&
        arg.properties.some(
          (p) =>
            p.type === AST_NODE_TYPES.Property &&
            !p.computed &&
            p.key.type === AST_NODE_TYPES.Identifier &&
            p.key.name === 'method' &&
            p.value.type === AST_NODE_TYPES.Literal &&
            typeof p.value.value === 'string' &&
            p.value.value.toUpperCase() === 'HEAD',
        ),
    );
  }

  /**
   * A request handler's response parameter, `(req: IncomingMessage, res: ServerResponse) => …` or Express's
   * `(req, res, next)`: only functions with at least two parameters are looked at.
   */
  function detectHandlerAcquisition(frame: Frame, fn: Exclude<FunctionNode, TSESTree.Program | TSESTree.StaticBlock>): void {
    if (fn.params.length < 2) return;
    const typeOf = (param: TSESTree.Parameter): ts.Type => checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(param));
    for (const param of fn.params) {
      if (param.type !== AST_NODE_TYPES.Identifier) continue;
      const kind = catalog.kindOfType(typeOf(param));
      const requestTypes = kind?.acquiredAsHandlerParameterWith;
      if (!kind || !requestTypes) continue;
      if (!fn.params.some((other) => other !== param && catalog.matches(typeOf(other), requestTypes))) continue;
      kinds.set(param, kind);
      own(frame).parameterAcquisitions.push(param);
      return;
    }
  }

  /**
   * The resource (or its body) is passed to code whose effect on it the analysis does not know for sure: a call
   * without a catalog rule and, unless it is a response (a body may be locked by a reader), without a body in the
   * program; or a literal that goes elsewhere. A fix must not release it after that.
   */
  function passedToUnseen(id: TSESTree.Node, kind: ResourceKind): boolean {
    const to = passedTo(id, kind.body?.property);
    if (!to || to === 'literal') return !!to;
    const tsCall = services.esTreeNodeToTSNodeMap.get(to) as ts.CallExpression | ts.NewExpression;
    if (catalog.callRule(tsCall.expression)) return false;
    return kind.category === 'response' || !functions.bodyOf(tsCall);
  }

  /**
   * The continuation of a request handler, `next` in `(req, res, next) => …`: the parameter right after the response,
   * callable with no arguments and returning nothing, whatever its type is named (Express's `NextFunction`,
   * connect's, a router's `() => void`). A dependency passed in that place (`load: () => Promise<T>`,
   * `log: (line: string) => void`) is no continuation.
   */
  function continuationParameters(fn: TSESTree.Node, kind: ResourceKind, response: TSESTree.Node): TSESTree.Identifier[] {
    if (!kind.acquiredAsHandlerParameterWith || !isFunctionNode(fn) || fn.type === AST_NODE_TYPES.StaticBlock) return [];
    const at = fn.params.indexOf(response as TSESTree.Parameter);
    const param = at < 0 ? undefined : fn.params[at + 1];
    if (param?.type !== AST_NODE_TYPES.Identifier) return [];
    // It takes nothing, or an optional error (`(err?: any) => void`); a rest parameter is optional too.
    const declarationIsRest = (p: ts.Symbol): boolean => {
      const declaration = p.valueDeclaration;
      return !!declaration && ts.isParameter(declaration) && !!declaration.dotDotDotToken;
    };
    const optional = (p: ts.Symbol): boolean => {
      const declaration = p.valueDeclaration;
      return declarationIsRest(p) || (!!declaration && ts.isParameter(declaration) && checker.isOptionalParameter(declaration));
    };
    const takesError = (p: ts.Symbol): boolean => {
      const type = checker.getTypeOfSymbol(p);
      const types = (type.isUnion() ? type.types : [type]).filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
      return types.every((t) => {
        const value = declarationIsRest(p) && checker.isArrayType(t) ? (checker.getTypeArguments(t as ts.TypeReference)[0] ?? t) : t;
        return !!(value.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) || value.getSymbol()?.getName() === 'Error';
      });
    };
    const continues = (signature: ts.Signature): boolean => {
      const params = signature.getParameters();
      return (
        params.every(optional) &&
        (params.length === 0 || takesError(params[0]!)) &&
        (checker.getReturnTypeOfSignature(signature).flags & (ts.TypeFlags.Void | ts.TypeFlags.Undefined | ts.TypeFlags.Any)) !== 0
      );
    };
    const type = checker.getNonNullableType(checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(param)));
    return type.getCallSignatures().some(continues) ? [param] : [];
  }

  /** Calling the continuation or passing it on hands the response to the next handler. */
  function continuationEvents(fn: TSESTree.Node, params: TSESTree.Identifier[], kind: ResourceKind, events: Map<TSESTree.Node, Effect>): void {
    for (const param of params) {
      const variable = sourceCode.getDeclaredVariables(fn).find((v) => v.defs[0]?.name === param);
      for (const ref of variable?.references ?? []) {
        // Called (`next()`, `next?.()`) or passed on (`.catch(next)`); `typeof next === 'function'` hands nothing on.
        if (!ref.isRead() || !flowsOn(ref.identifier)) continue;
        const fnOfRef = enclosingFunction(ref.identifier);
        if (fnOfRef === fn) merge(events, ref.identifier, 'transfer');
        else if (isFunctionNode(fnOfRef)) liftClosure(fnOfRef, 'transfer', kind, fn, events, 0);
      }
    }
  }

  /** The calls a function is handed to as a callback: where it is written inline, or where its name is passed. */
  function callSitesOf(fn: Exclude<FunctionNode, TSESTree.Program | TSESTree.StaticBlock>): TSESTree.CallExpression[] {
    const asArgument = (node: TSESTree.Node): TSESTree.CallExpression | undefined => {
      const call = node.parent;
      return call?.type === AST_NODE_TYPES.CallExpression && call.arguments.includes(node as TSESTree.CallExpressionArgument)
        ? call
        : undefined;
    };
    // `request(options, once((res) => …))`: a wrapper that hands back a function calling `fn` is `fn` where it goes.
    const through = (node: TSESTree.Node, depth = 0): TSESTree.CallExpression[] => {
      const call = asArgument(node);
      if (!call) return [];
      if (depth < 2 && call.arguments.length === 1 && passesThrough(call)) {
        const outer = through(call, depth + 1);
        if (outer.length > 0) return outer;
      }
      return [call];
    };
    const inline = through(fn);
    if (inline.length > 0) return inline;
    return (functionVariable(fn, sourceCode)?.references ?? []).flatMap((ref) => through(ref.identifier));
  }

  /**
   * `once(fn)` whose value calls `fn` with its own argument: typed as handing back its argument (`once<T>(fn: T): T`),
   * or a function of this file — or the function a factory of this file returns (`const once = doOnce()`) — that
   * returns `(arg) => { …; fn(arg); }`.
   */
  function passesThrough(call: TSESTree.CallExpression): boolean {
    const argument = call.arguments[0];
    if (!argument) return false;
    const tsCall = services.esTreeNodeToTSNodeMap.get(call);
    if (checker.getTypeAtLocation(tsCall) === checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(argument))) return true;
    if (call.callee.type !== AST_NODE_TYPES.Identifier) return false;
    const definition = ASTUtils.findVariable(sourceCode.getScope(call.callee), call.callee)?.defs[0];
    const functionOf = (node: TSESTree.Node | null | undefined): TSESTree.FunctionLike | undefined =>
      node && isFunctionNode(node) && node.type !== AST_NODE_TYPES.StaticBlock ? (node as TSESTree.FunctionLike) : undefined;
    const returned = (fnNode: TSESTree.FunctionLike): TSESTree.Node | undefined => {
      if (fnNode.body?.type !== AST_NODE_TYPES.BlockStatement) return fnNode.body ?? undefined;
      const statement = fnNode.body.body.find((st): st is TSESTree.ReturnStatement => st.type === AST_NODE_TYPES.ReturnStatement);
      return statement?.argument ?? undefined;
    };
    let wrapper: TSESTree.FunctionLike | undefined;
    if (definition?.type === 'FunctionName') wrapper = functionOf(definition.node);
    else if (definition?.node.type === AST_NODE_TYPES.VariableDeclarator) {
      const init = definition.node.init;
      wrapper = functionOf(init);
      // `const once = doOnce()`: the function the factory returns.
      if (!wrapper && init?.type === AST_NODE_TYPES.CallExpression && init.callee.type === AST_NODE_TYPES.Identifier) {
        const factory = ASTUtils.findVariable(sourceCode.getScope(init.callee), init.callee)?.defs[0];
        const factoryFn = factory?.type === 'FunctionName' ? functionOf(factory.node) : factory?.node.type === AST_NODE_TYPES.VariableDeclarator ? functionOf(factory.node.init) : undefined;
        wrapper = factoryFn && functionOf(returned(factoryFn));
      }
    }
    const param = wrapper?.params[0];
    const inner = wrapper && functionOf(returned(wrapper));
    const arg = inner?.params[0];
    if (param?.type !== AST_NODE_TYPES.Identifier || arg?.type !== AST_NODE_TYPES.Identifier || !inner) return false;
    let calls = false;
    const visit = (node: TSESTree.Node): void => {
      if (calls) return;
      if (
        node.type === AST_NODE_TYPES.CallExpression &&
        node.callee.type === AST_NODE_TYPES.Identifier &&
        node.callee.name === param.name &&
        node.arguments[0]?.type === AST_NODE_TYPES.Identifier &&
        node.arguments[0].name === arg.name
      ) {
        calls = true;
        return;
      }
      for (const child of childNodes(node)) visit(child);
    };
    visit(inner.body!);
    return calls;
  }

  /**
   * `req.on('response', (res) => { …; req.abort(); return; })`: aborting or destroying the request the response
   * belongs to (itself, or through a helper that always does) tears down the socket the response reads from.
   */
  function releasedWithItsRequest(frame: Frame, kind: ResourceKind, events: Map<TSESTree.Node, Effect>): void {
    const fn = frame.node;
    const call = fn.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[1] !== fn || call.callee.type !== AST_NODE_TYPES.MemberExpression) return;
    const event = call.arguments[0];
    if (!LISTENER_METHODS.has(propertyName(call.callee) ?? '') || event?.type !== AST_NODE_TYPES.Literal || !kind.acquiredInListenerFor?.includes(String(event.value))) return;
    const request = call.callee.object;
    if (request.type !== AST_NODE_TYPES.Identifier) return;
    const variable = ASTUtils.findVariable(sourceCode.getScope(request), request);
    for (const ref of variable?.references ?? []) {
      if (!ref.isRead() || enclosingFunction(ref.identifier) !== fn) continue;
      // `req.end()` finishes sending the request; only tearing it down releases what it received.
      const member = ref.identifier.parent;
      const method = member?.type === AST_NODE_TYPES.MemberExpression && member.object === ref.identifier ? propertyName(member) : undefined;
      if (method !== undefined && method !== 'abort' && method !== 'destroy') continue;
      const use = classifier.classify(ref.identifier, kind, fn as FunctionNode);
      if (use.t === 'release') merge(events, releaseAnchor(ref.identifier), 'release');
    }
  }

  /**
   * `const page = await browser.newPage()`: releasing the browser releases the page it made, and handing on a browser
   * this function made hands on its pages. A maker the function was given only lends its release (the page is still
   * this function's to close when the browser lives on).
   */
  function releasedWithItsMaker(frame: Frame, node: TSESTree.Node, kind: ResourceKind, events: Map<TSESTree.Node, Effect>): boolean {
    if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const maker = node.callee.object;
    if (maker.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = ASTUtils.findVariable(sourceCode.getScope(maker), maker);
    const definition = variable?.defs[0];
    if (!variable || !definition) return false;
    const makerKind = catalog.kindOfType(checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(maker)));
    if (!makerKind || !kind.madeBy!.includes(makerKind.id)) return false;
    const given = definition.type === 'Parameter';
    const found = collectEvents(frame, makerKind, { variable, target: definition.name, container: false }).events;
    let merged = false;
    for (const [n, effect] of found) {
      if (effect === 'release' || (effect === 'transfer' && !given)) {
        merge(events, n, effect);
        merged = true;
      }
    }
    return merged;
  }

  /**
   * `sock.once('connect', () => clearTimeout(timer))` as the only release: that listener runs on one outcome of the
   * socket's connection attempt; when it errors instead, the timer stays armed. When every release is in listeners for
   * some outcomes of another emitter (the catalog's EVENT_OUTCOMES) and, on every such emitter, they miss an outcome,
   * the exit naming the first emitter and an event of the outcome it misses. A listener for an event that follows every
   * outcome (`'close'`) covers them all.
   */
  function missedOutcome(events: Map<TSESTree.Node, Effect>, holders: Variable[]): LeakExit | undefined {
    const handling = [...events].filter(([, effect]) => effect === 'release' || effect === 'transfer');
    if (handling.length === 0) return undefined;
    const groups = new Map<string, { outcomes: string[][]; always: string[]; covered: Set<string>; first: TSESTree.CallExpression }>();
    for (const [n, effect] of handling) {
      const call = n.parent;
      if (effect !== 'release' || call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[1] !== n) return undefined;
      if (call.callee.type !== AST_NODE_TYPES.MemberExpression || !LISTENER_METHODS.has(propertyName(call.callee) ?? '')) return undefined;
      const event = call.arguments[0];
      if (event?.type !== AST_NODE_TYPES.Literal || typeof event.value !== 'string') return undefined;
      // `req.on('response', …).on('error', …)`: listener methods return their emitter.
      let emitter: TSESTree.Node = call.callee.object;
      for (;;) {
        if (emitter.type === AST_NODE_TYPES.TSNonNullExpression || emitter.type === AST_NODE_TYPES.ChainExpression) emitter = emitter.expression;
        else if (
          emitter.type === AST_NODE_TYPES.CallExpression &&
          emitter.callee.type === AST_NODE_TYPES.MemberExpression &&
          LISTENER_METHODS.has(propertyName(emitter.callee) ?? '')
        ) {
          emitter = emitter.callee.object;
        } else break;
      }
      // Listeners on the resource itself are judged by its own release events.
      if (emitter.type === AST_NODE_TYPES.Identifier && holders.some((h) => h.name === emitter.name)) return undefined;
      const type = checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(emitter));
      const table = EVENT_OUTCOMES.find((t) => catalog.matches(type, t.types));
      if (!table || table.always.includes(event.value) || !table.outcomes.some((o) => o.includes(event.value as string))) return undefined;
      const key = shortText(emitter);
      const group = groups.get(key) ?? { outcomes: table.outcomes, always: table.always, covered: new Set<string>(), first: call };
      group.covered.add(event.value);
      groups.set(key, group);
    }
    let found: LeakExit | undefined;
    for (const [emitter, group] of groups) {
      const missing = group.outcomes.find((o) => !o.some((e) => group.covered.has(e)));
      if (!missing) return undefined;
      found ??= {
        kind: 'outcome',
        node: group.first,
        line: group.first.loc.start.line,
        outcome: { emitter, covered: [...group.covered], missed: missing[0]!, always: group.always[0] },
      };
    }
    return found;
  }

  /**
   * `src.pipe(dst)` reads the source to its end and then ends the destination: on success only. When the destination
   * fails or closes first, `pipe()` unpipes and leaves the source open; when the source fails, the destination is
   * never ended (`pipeline()` destroys both). A resource that some path releases or hands on only by such pipes is
   * reported at the first one, naming the stream at its other end. These are its pipes. Only streams that fail by
   * themselves (I/O: FAILING_STREAMS) make such an outcome: a cache or a `PassThrough` the program feeds does not.
   */
  function pipes(events: Map<TSESTree.Node, Effect>, kind: ResourceKind): Map<TSESTree.Node, LeakExit> {
    const found = new Map<TSESTree.Node, LeakExit>();
    if (kind.category !== 'resource') return found;
    for (const [n, effect] of events) {
      if (effect !== 'release' && effect !== 'transfer') continue;
      // A release is anchored at its call (`src.pipe(dst)`): the value is the innermost receiver of the chain.
      let value: TSESTree.Node = n;
      while (value.type === AST_NODE_TYPES.CallExpression && value.callee.type === AST_NODE_TYPES.MemberExpression) value = skipValueWrappers(value.callee.object);
      const piped = pipeOf(value, kind);
      if (piped) found.set(n, piped);
    }
    return found;
  }

  /** The pipe that `value` is the source (`value.pipe(dst)`, also after listeners: `value.on('x', f).pipe(dst)`) or destination of. */
  function pipeOf(value: TSESTree.Node, kind: ResourceKind): LeakExit | undefined {
    let cur = outermostValue(value);
    const parent = cur.parent;
    const exit = (call: TSESTree.CallExpression, other: TSESTree.Node, role: 'source' | 'destination'): LeakExit | undefined =>
      // `socket.pipe(socket)`: one stream at both ends makes no outcome of the other.
      streamText(other) === streamText(value)
        ? undefined
        : { kind: 'piped', node: call, line: call.loc.start.line, piped: { other: streamText(other), role } };
    if (
      parent?.type === AST_NODE_TYPES.CallExpression &&
      parent.arguments[0] === cur &&
      parent.callee.type === AST_NODE_TYPES.MemberExpression &&
      propertyName(parent.callee) === 'pipe'
    ) {
      // Only a source that fails by itself leaves it unended; a stream the program feeds fails when the program says.
      return failsByItself(parent.callee.object) ? exit(parent, parent.callee.object, 'destination') : undefined;
    }
    for (let member = cur.parent; member?.type === AST_NODE_TYPES.MemberExpression && member.object === cur; member = cur.parent) {
      const call = member.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) return undefined;
      const method = propertyName(member);
      if (method === 'pipe') {
        // Named by the stream whose failure leaves it open: `res` in `src.pipe(gzip).pipe(res)`.
        const failing = failsDownstream(call);
        return failing ? exit(call, failing, 'source') : undefined;
      }
      // Listeners that neither release nor hand it off return the emitter: `src.on('error', fail).pipe(dst)`.
      const event = stringArgument(call, 0);
      if (!LISTENER_METHODS.has(method ?? '') || event === undefined || kind.releaseEvents?.includes(event) || kind.handoffEvents?.includes(event)) {
        return undefined;
      }
      cur = outermostValue(call);
    }
    return undefined;
  }

  /**
   * Whether the destination of `call` (a `pipe()`), or a stream it is piped on into (`src.pipe(gzip).pipe(res)`), fails
   * by itself: only then is there an outcome in which the source is left open.
   */
  function failsDownstream(call: TSESTree.CallExpression): TSESTree.Node | undefined {
    for (let pipe: TSESTree.Node = call; ; ) {
      const destination = (pipe as TSESTree.CallExpression).arguments[0];
      if (destination && failsByItself(destination)) return destination;
      const member: TSESTree.Node | undefined = outermostValue(pipe).parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || propertyName(member) !== 'pipe' || member.parent.type !== AST_NODE_TYPES.CallExpression) return undefined;
      pipe = member.parent;
    }
  }

  /**
   * A stream that fails through the I/O under it (FAILING_STREAMS) — except the process's own stdio (`fd` typed 0, 1
   * or 2: `process.stdout`), which lives as long as the process: when it fails, the process is done with its output.
   */
  function failsByItself(stream: TSESTree.Node): boolean {
    const type = checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(stream));
    if (!catalog.matches(type, FAILING_STREAMS)) return false;
    const fd = type.getProperty('fd');
    const fdType = fd && checker.getTypeOfSymbolAtLocation(fd, services.esTreeNodeToTSNodeMap.get(stream));
    return !(fdType?.isNumberLiteral() && fdType.value <= 2);
  }

  /** `res!`, `src.on('error', fail)`: the stream itself, as a report names it. */
  function streamText(node: TSESTree.Node): string {
    let cur = skipValueWrappers(node);
    while (
      cur.type === AST_NODE_TYPES.CallExpression &&
      cur.callee.type === AST_NODE_TYPES.MemberExpression &&
      LISTENER_METHODS.has(propertyName(cur.callee) ?? '')
    ) {
      cur = skipValueWrappers(cur.callee.object);
    }
    return shortText(cur);
  }

  /** The request a `req.on('response', …)` listens on was made with `method: 'HEAD'`. */
  function isHeadRequestObject(receiver: TSESTree.Node): boolean {
    if (receiver.type === AST_NODE_TYPES.CallExpression) return isHeadRequest(receiver);
    if (receiver.type !== AST_NODE_TYPES.Identifier) return false;
    const definition = ASTUtils.findVariable(sourceCode.getScope(receiver), receiver)?.defs[0];
    const init = definition?.node.type === AST_NODE_TYPES.VariableDeclarator ? definition.node.init : undefined;
    return init?.type === AST_NODE_TYPES.CallExpression && isHeadRequest(init);
  }

  /**
   * `http.get(url, (res) => …)`, `req.on('response', (res) => …)`: the callback receives a response it must consume.
   * Such a parameter is an acquisition at the start of the callback.
   */
  function detectCallbackAcquisition(frame: Frame, fn: Exclude<FunctionNode, TSESTree.Program | TSESTree.StaticBlock>): void {
    detectHandlerAcquisition(frame, fn);
    const param = fn.params[0];
    if (param?.type !== AST_NODE_TYPES.Identifier) return;
    const calls = callSitesOf(fn);
    if (calls.length === 0) return;
    const kind = catalog.kindOfType(checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(param)));
    if (!kind) return;
    // `fetch(url).then((res) => …)`: the callback of `then` on the promise a call returns owns what it resolves to.
    const refs = new Set<TSESTree.Node>((functionVariable(fn, sourceCode)?.references ?? []).map((ref) => ref.identifier));
    const thenOfAcquisition = (call: TSESTree.CallExpression): boolean => {
      const first = call.arguments[0];
      const isFn = first === fn || (first?.type === AST_NODE_TYPES.Identifier && refs.has(first));
      if (!isFn || call.callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(call.callee) !== 'then') return false;
      const promise = skipValueWrappers(call.callee.object);
      if (promise.type !== AST_NODE_TYPES.CallExpression) return false;
      // The same test as `await call()`: the call acquires what its promise resolves to.
      const acquired = functions.acquisitionKind(services.esTreeNodeToTSNodeMap.get(promise) as ts.CallExpression, true);
      return acquired?.id === kind.id;
    };
    if (calls.some(thenOfAcquisition)) {
      kinds.set(param, kind);
      own(frame).parameterAcquisitions.push(param);
      return;
    }
    if (!kind.acquiredInCallbackOf && !kind.acquiredInListenerFor) return;
    const acquires = (call: TSESTree.CallExpression): boolean => {
      const tsCall = services.esTreeNodeToTSNodeMap.get(call) as ts.CallExpression;
      if (kind.acquiredInCallbackOf && catalog.calleeMatches(tsCall.expression, kind.acquiredInCallbackOf)) {
        return !(kind.mayHaveNoBody && isHeadRequest(call));
      }
      // A function of the program that passes the callback on to such a call (`request(options, (res) => …)`).
      const body = kind.acquiredInCallbackOf && functions.bodyOf(tsCall);
      if (body) {
        // The argument that is the callback, or holds it (`once(cb)`), written inline or passed by name.
        const index = call.arguments.findIndex((a) => contains(a, fn) || [...refs].some((r) => contains(a, r)));
        if (index >= 0 && functions.forwardsCallbackTo(body, index, kind.acquiredInCallbackOf!)) return !(kind.mayHaveNoBody && isHeadRequest(call));
      }
      const event = call.arguments[0];
      const listens =
        !!kind.acquiredInListenerFor &&
        call.callee.type === AST_NODE_TYPES.MemberExpression &&
        LISTENER_METHODS.has(propertyName(call.callee) ?? '') &&
        event?.type === AST_NODE_TYPES.Literal &&
        typeof event.value === 'string' &&
        kind.acquiredInListenerFor.includes(event.value);
      if (!listens || call.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
      return !(kind.mayHaveNoBody && isHeadRequestObject(call.callee.object));
    };
    if (!calls.some(acquires)) return;
    kinds.set(param, kind);
    own(frame).parameterAcquisitions.push(param);
  }

  function hasSignalOption(node: TSESTree.Node): boolean {
    if (node.type !== AST_NODE_TYPES.CallExpression) return false;
    return node.arguments.some(
      (arg) =>
        arg.type === AST_NODE_TYPES.ObjectExpression &&
        arg.properties.some(
          (p) => p.type === AST_NODE_TYPES.Property && !p.computed && p.key.type === AST_NODE_TYPES.Identifier && p.key.name === 'signal',
        ),
    );
  }

  /** `for await (… of setInterval(ms))` with no way out of the loop: reported as a leak named after the call. */
  function endlessLoopOver(node: TSESTree.Node, kind: ResourceKind): boolean {
    const loop = node.parent;
    if (loop?.type !== AST_NODE_TYPES.ForOfStatement || loop.right !== node || !loop.await || loopCanEnd(loop)) return false;
    onFinding({
      type: 'leak',
      acquisition: { node: node as TSESTree.CallExpression, reportNode: node, kind, name: shortText(node) },
      exit: { kind: 'endless-loop', node: loop, line: loop.loc.start.line },
    });
    return true;
  }

  /**
   * `timer = setTimeout(…)` inside `new Promise((resolve, reject) => …)`, where `timer` belongs to the function
   * around the executor: that function owns the timer from the moment it creates the promise.
   */
  function adoptByEnclosingFunction(frame: Frame, node: TSESTree.Node): boolean {
    const executor = frame.node;
    if (!isFunctionNode(executor) || !isPromiseExecutor(executor)) return false;
    const cur = outermostValue(node);
    const assignment = cur.parent;
    if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.right !== cur) return false;
    if (assignment.left.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = ASTUtils.findVariable(sourceCode.getScope(assignment.left), assignment.left);
    const owner = enclosingFunction(executor);
    if (!variable || owner.type === AST_NODE_TYPES.Program || variable.scope.variableScope.block !== owner) return false;
    const ownerFrame = frames.find((f) => f.node === owner);
    if (!ownerFrame) return false;
    own(ownerFrame).adopted.push({ acquisition: node, callback: executor, target: assignment.left, container: false });
    return true;
  }

  /**
   * `const sockets = ports.map((port) => net.connect(port))`: each resource the callback returns lands in the array
   * that `map` builds, which the enclosing function then holds like any local collection.
   */
  function adoptMappedCollection(frame: Frame, node: TSESTree.Node, kind: ResourceKind): boolean {
    const callback = frame.node;
    if (!isFunctionNode(callback)) return false;
    const returnsIt =
      (callback.type === AST_NODE_TYPES.ArrowFunctionExpression && callback.body === node) ||
      (node.parent?.type === AST_NODE_TYPES.ReturnStatement && enclosingFunction(node.parent) === callback);
    if (!returnsIt) return false;
    const call = callback.parent;
    if (
      call?.type !== AST_NODE_TYPES.CallExpression ||
      call.arguments[0] !== callback ||
      call.callee.type !== AST_NODE_TYPES.MemberExpression ||
      !['map', 'flatMap'].includes(propertyName(call.callee) ?? '')
    ) {
      return false;
    }
    const owner = enclosingFunction(callback);
    if (owner.type === AST_NODE_TYPES.Program) return false;
    const use = classifier.classify(call, kind, owner, false, true);
    if (use.t !== 'alias') return false;
    const declarator = use.variable.defs[0]?.node;
    const target = declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.id.type === AST_NODE_TYPES.Identifier ? declarator.id : undefined;
    const ownerFrame = frames.find((f) => f.node === owner);
    if (!target || !ownerFrame) return false;
    own(ownerFrame).adopted.push({ acquisition: node, callback, target, container: true });
    return true;
  }

  function analyseHeld(
    frame: Frame,
    node: TSESTree.Node,
    kind: ResourceKind,
    variable: Variable,
    target: TSESTree.Node,
    start: { node: TSESTree.Node; tag: 'acquire' | 'fn' | 'start' },
    container = false,
    body = false,
  ): void {
    const acquisition: Acquisition = {
      node: node as TSESTree.CallExpression | TSESTree.NewExpression,
      reportNode: node,
      kind,
      // `const { body } = await request(url)`: the response is better named by the call than by `body`.
      name: container ? containerName(node, variable) : body ? callName(node) : variable.name,
    };
    const { events, holders, collected } = collectEvents(frame, kind, { variable, target, container, body });
    if (start.tag === 'start') releasedWithItsRequest(frame, kind, events);
    // Reachable through its maker, it outlives its own variable's block.
    const withMaker = !!kind.madeBy && releasedWithItsMaker(frame, node, kind, events);
    const continuations = start.tag === 'start' ? continuationParameters(frame.node, kind, target) : [];
    continuationEvents(frame.node, continuations, kind, events);
    // A callback given to the acquisition itself that releases it (`net.connect(port, () => sock.end())`,
    // a poller that clears its own interval) runs after the acquisition, wherever it is written.
    if ([...events].some(([n, effect]) => (effect === 'release' || effect === 'transfer') && contains(node, n))) return;
    // `let timer; sock.on('connect', () => clearTimeout(timer)); timer = setTimeout(…)`: a callback registered
    // earlier reads the variable when it runs, so it releases what the variable holds by then.
    const isCallback = (n: TSESTree.Node): boolean => {
      if (isFunctionNode(n)) return true;
      // A local function passed by name (`pending.push(onDone)`, `handler.onConnect(abort)`).
      if (n.type !== AST_NODE_TYPES.Identifier) return false;
      const definition = ASTUtils.findVariable(sourceCode.getScope(n), n)?.defs[0];
      return (
        definition?.type === 'FunctionName' ||
        (definition?.node.type === AST_NODE_TYPES.VariableDeclarator && !!definition.node.init && isFunctionNode(definition.node.init))
      );
    };
    if (
      [...events].some(
        ([n, effect]) => effect === 'release' && n.range[1] <= node.range[0] && enclosingFunction(n) === frame.node && isCallback(n),
      )
    ) {
      return;
    }
    // In a Promise executor the settle rule (section 9) names the place the promise settles instead.
    const inExecutor = isFunctionNode(frame.node) && frame.node.type !== AST_NODE_TYPES.StaticBlock && isPromiseExecutor(frame.node);
    const missed = inExecutor ? undefined : missedOutcome(events, holders);
    if (missed) {
      onFinding({ type: 'leak', acquisition, exit: missed });
      return;
    }
    if (kind.oneShot && ![...events.values()].some((effect) => effect === 'release' || effect === 'transfer')) {
      // Never cleared anywhere: a plain one-shot, unless it races other work.
      reportRace(node, kind, variable.name);
      return;
    }
    const scopeBlock = variable.scope.block;
    const narrowScope =
      !withMaker &&
      !isFunctionNode(scopeBlock) &&
      scopeBlock.type !== AST_NODE_TYPES.Program &&
      holders.every((h) => contains(scopeBlock, h.scope.block));
    const input = {
      frame,
      acquisition: node,
      start,
      events,
      holders: new Set(holders.map((h) => h.name)),
      scopeBlock: narrowScope ? scopeBlock : undefined,
      overwriteLeaks: holders.length === 1,
      bodyless: !!kind.mayHaveNoBody,
      statusNames: body ? statusVariables(variable) : undefined,
      bodyProperty: kind.body?.property,
      // A router that passes `next` catches what the handler throws synchronously (connect, Express 4); only Express 5
      // also awaits what it returns.
      throwHandsOff: !!kind.throwHandsOff || (continuations.length > 0 && isFunctionNode(frame.node) && !(frame.node as { async?: boolean }).async),
      rejectionHandsOff: !!kind.throwHandsOff,
      constantTest,
      // A `catch` that handles a rejection and goes on is a normal outcome (only awaits: a call that throws is rare).
      mayReject: (n: Awaiting) => mayRejectHeld(n, holders, kind),
      neverReturns,
      // Put in a collection (`sockets.push(socket)`): the next iteration's resource does not replace it there.
      container: container || collected,
    };
    const leaks = config.allExits ? findLeaks(input) : [findLeak(input)].filter((l): l is NonNullable<typeof l> => !!l);
    let allLeaks: LeakExit[] | undefined = config.allExits ? leaks : undefined;
    let passed: Set<TSESTree.Node> | undefined;
    const held: Held = {
      variable,
      holders,
      events,
      frameNode: frame.node,
      container,
      kind: body ? catalog.bodyKind(kind) : kind,
      leakingExits: () => (allLeaks ??= findLeaks(input)),
      handledBefore: (exit) => exitReachedAfterHandling(input, exit),
      passedBefore: (exit) => {
        passed ??= new Set(holders.flatMap((h) => h.references.map((r) => r.identifier)).filter((id) => passedToUnseen(id, kind)));
        if (passed.size === 0) return false;
        // The end of a block: any path may have passed it on.
        return exit.type === AST_NODE_TYPES.BlockStatement || exitReachedAfterHandling(input, exit, (n) => passed!.has(n));
      },
    };
    if (leaks.length > 0) {
      for (const leak of leaks) onFinding({ type: 'leak', acquisition, exit: leak, held });
      return;
    }
    const piped = pipes(events, kind);
    // Its own 'error'/'close' listeners cover its own failures, not the other stream's: a source unpiped by a failed
    // destination neither errors nor closes.
    const ownListener = (n: TSESTree.Node): boolean => {
      const call = n.parent;
      if (!isFunctionNode(n) || call?.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
      const emitter = skipValueWrappers(call.callee.object);
      if (!LISTENER_METHODS.has(propertyName(call.callee) ?? '') || emitter.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = ASTUtils.findVariable(sourceCode.getScope(emitter), emitter);
      return !!variable && holders.includes(variable);
    };
    if (piped.size > 0 && findLeak({ ...input, events: new Map([...events].filter(([n]) => !piped.has(n) && !ownListener(n))) })) {
      onFinding({ type: 'leak', acquisition, exit: [...piped.values()].sort((a, b) => a.node.range[0] - b.node.range[0])[0]! });
      return;
    }
    if (kind.oneShot) {
      // A raced timeout must also be cleared when the raced work rejects: the awaited race is a way out.
      const race = raceFor(node);
      if (race && !clearedWhenSettled(race, events)) {
        const unprotected = findUnprotectedThrow(
          input,
          (n) => !(n === race || (n.type === AST_NODE_TYPES.AwaitExpression && n.argument === race)),
        );
        if (unprotected) reportRace(node, kind, variable.name);
        return;
      }
      // A timeout that is never cleared is meant to fire; one the code clears is meant not to, also when a call
      // before the clear throws (the exception tier below).
      if (race || ![...events.values()].some((effect) => effect === 'release')) return;
    }
    if (options.checkExceptionPaths) {
      const thrower = findUnprotectedThrow(input, (n) => isIgnoredThrower(n, holders, kind), !!kind.lazy, kind.opensWith);
      if (thrower) {
        // `using` is a remedy where the value is Disposable and its disposal is its release (not a socket's, which
        // drops what was written; not a numeric descriptor, which has none).
        const value = services.esTreeNodeToTSNodeMap.get(variable.defs[0]?.name ?? node);
        const usable =
          !kind.noUsing && checker.getNonNullableType(checker.getTypeAtLocation(value)).getProperties().some((p) => isDisposeProperty(String(p.escapedName)));
        onFinding({
          type: 'exception',
          acquisition,
          thrower,
          throwerText: throwerText(thrower),
          line: thrower.loc.start.line,
          held,
          usable,
        });
      }
    }
  }

  /** `statusCode` in `const { statusCode, body } = await request(url)`: the variables holding the status. */
  function statusVariables(bodyVariable: Variable): Set<string> {
    const names = new Set<string>();
    const pattern = bodyVariable.defs[0]?.node.type === AST_NODE_TYPES.VariableDeclarator ? bodyVariable.defs[0].node.id : undefined;
    if (pattern?.type !== AST_NODE_TYPES.ObjectPattern) return names;
    for (const property of pattern.properties) {
      if (property.type !== AST_NODE_TYPES.Property || property.computed || property.key.type !== AST_NODE_TYPES.Identifier) continue;
      if (!['status', 'statusCode'].includes(property.key.name)) continue;
      if (property.value.type === AST_NODE_TYPES.Identifier) names.add(property.value.name);
    }
    return names;
  }

  /** How a response read through `{ body }` is named: by its call (`client.request(…)`). */
  function callName(node: TSESTree.Node): string {
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const callee = shortText(node.callee);
      return `${callee}(${node.arguments.length > 0 ? '…' : ''})`;
    }
    return shortText(node);
  }

  function shortText(node: TSESTree.Node): string {
    const text = sourceCode.getText(node).replace(/\s+/g, ' ');
    return text.length > 40 ? `${text.slice(0, 39)}…` : text;
  }

  /** `options.agent` for `const options = { agent: new Agent() }`; the collection's name otherwise. */
  function containerName(node: TSESTree.Node, variable: Variable): string {
    const property = node.parent;
    if (
      property?.type === AST_NODE_TYPES.Property &&
      property.value === node &&
      !property.computed &&
      property.key.type === AST_NODE_TYPES.Identifier
    ) {
      return `${variable.name}.${property.key.name}`;
    }
    return variable.name;
  }

  function isPromiseExecutor(fn: Exclude<FunctionNode, TSESTree.Program>): boolean {
    const parent = fn.parent;
    if (parent?.type !== AST_NODE_TYPES.NewExpression || parent.arguments[0] !== fn) return false;
    const tsNew = services.esTreeNodeToTSNodeMap.get(parent) as ts.NewExpression;
    return catalog.calleeMatches(tsNew.expression, [{ from: 'lib', name: 'PromiseConstructor' }]);
  }

  /** The `Promise.race([...])` / `Promise.any([...])` call a promise flows into, in this file. */
  function raceOf(expression: TSESTree.Node, depth = 0): TSESTree.CallExpression | undefined {
    if (depth > 3) return undefined;
    const cur = outermostValue(expression);
    const parent = cur.parent;
    if (!parent) return undefined;
    if (parent.type === AST_NODE_TYPES.ArrayExpression) {
      const call = parent.parent;
      if (call?.type === AST_NODE_TYPES.CallExpression && call.arguments[0] === parent) {
        const tsCall = services.esTreeNodeToTSNodeMap.get(call) as ts.CallExpression;
        if (catalog.calleeMatches(tsCall.expression, [{ from: 'lib', name: ['race', 'any'] }])) return call;
      }
      return undefined;
    }
    if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === cur && parent.id.type === AST_NODE_TYPES.Identifier) {
      const variable = sourceCode.getDeclaredVariables(parent)[0];
      for (const ref of variable?.references ?? []) {
        const race = ref.isRead() ? raceOf(ref.identifier, depth + 1) : undefined;
        if (race) return race;
      }
      return undefined;
    }
    const returned =
      parent.type === AST_NODE_TYPES.ReturnStatement
        ? enclosingFunction(parent)
        : parent.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === cur
          ? parent
          : undefined;
    if (!returned || returned.type === AST_NODE_TYPES.Program) return undefined;
    // A helper that returns the racing promise (`timeout(ms)`): follow its calls in this file.
    for (const ref of functionVariable(returned, sourceCode)?.references ?? []) {
      const call = ref.identifier.parent;
      if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === ref.identifier) {
        const race = raceOf(call, depth + 1);
        if (race) return race;
      }
    }
    return undefined;
  }

  /**
   * `Promise.race([...]).finally(() => clearTimeout(t))`, or `.then(onOk, onError)` / `.then(onOk).catch(onError)`
   * with a clear in both: the clear runs however the race settles.
   */
  function clearedWhenSettled(race: TSESTree.CallExpression, events: Map<TSESTree.Node, Effect>): boolean {
    const releases = (arg: TSESTree.Node | undefined): boolean =>
      !!arg && [...events].some(([n, effect]) => effect === 'release' && contains(arg, n));
    let fulfilled = false;
    let rejected = false;
    let link: TSESTree.Node = race;
    for (let guard = 0; guard < 8; guard++) {
      const member: TSESTree.Node | undefined = link.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== link) break;
      const call: TSESTree.Node | undefined = member.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) break;
      const method = propertyName(member);
      if (method === 'finally' && releases(call.arguments[0])) return true;
      // A rejection handler also catches what the handlers before it throw: it covers every rejection so far.
      if (method === 'then') {
        if (!fulfilled && releases(call.arguments[0])) fulfilled = true;
        if (releases(call.arguments[1])) rejected = true;
      } else if (method === 'catch' && releases(call.arguments[0])) rejected = true;
      if (fulfilled && rejected) return true;
      link = call;
    }
    return false;
  }

  /** The `Promise.race` call that the promise whose executor starts this timer flows into. */
  function raceFor(node: TSESTree.Node): TSESTree.CallExpression | undefined {
    const executor = enclosingFunction(node);
    if (executor.type === AST_NODE_TYPES.Program || !isPromiseExecutor(executor)) return undefined;
    return raceOf(executor.parent!);
  }

  function reportRace(node: TSESTree.Node, kind: ResourceKind, name?: string): void {
    const race = raceFor(node);
    if (!race) return;
    onFinding({
      type: 'race',
      acquisition: { node: node as TSESTree.CallExpression, reportNode: node, kind, name },
      race,
      raceText: sourceCode.getText(race.callee),
      line: race.loc.start.line,
    });
  }

  function findWriteTarget(variable: Variable, acquisition: TSESTree.Node): TSESTree.Node {
    const ref = variable.references.find((r) => r.isWrite() && r.writeExpr && contains(r.writeExpr, acquisition));
    return ref?.identifier ?? acquisition;
  }


  return Object.assign(tracker, {
    catalog,
    onFunction: (frame: Frame, node: Exclude<FunctionNode, TSESTree.Program | TSESTree.StaticBlock>) => {
      if (catalog.hasCallbackKinds) detectCallbackAcquisition(frame, node);
    },
    onCall: detect,
    onFrameEnd: (frame: Frame) => {
      if (frame.hasWork(tracker)) analyse(frame);
    },
  });
}
