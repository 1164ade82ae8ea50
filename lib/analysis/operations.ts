// What an operation leaves behind when it ends: listeners it added to an emitter that outlives it, and timers a
// Promise executor armed and does not clear where the promise settles.
//
// A registration (`emitter.on(event, listener)`, `addEventListener`, …) is an obligation when the emitter outlives the
// function that registers: a process-wide or module-level emitter, an `AbortSignal` the caller passed in, or an emitter
// borrowed by an operation that completes (an async function, a Promise executor). A removal of the same listener
// from the same emitter for the same event discharges it (`off`, `removeListener`, `removeEventListener`,
// `removeAllListeners`, or a `{ signal }` option). See docs/ownership-model.md, section 9.
import { AST_NODE_TYPES, ESLintUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';
import { LISTENER_METHODS } from '../catalog/resources.js';
import { Frame, guard, recordBranch, type CodePath, type Segment } from './code-paths.js';
import type { ResourceKind } from '../catalog/types.js';
import type { Catalog } from '../catalog/catalog.js';
import type { LeakExit } from './findings.js';
import { DEFAULT_DISPOSAL_METHODS } from './class-fields.js';
import { DEFAULT_LIFETIME_OPTIONS } from '../options.js';
import { programFacts } from './listener.js';
import { calledMethod, childNodes, enclosingFunction, isLoop, functionVariable, isFunctionNode, propertyName, skipValueWrappers, type FunctionNode } from './usage.js';
import { findLeaks, type Effect } from './walk.js';

type Fn = Exclude<FunctionNode, TSESTree.Program | TSESTree.StaticBlock>;
const isFn = (node: TSESTree.Node): node is Fn => isFunctionNode(node);

const REMOVAL_METHODS = new Set(['off', 'removeListener', 'removeEventListener']);
/** Events after which an emitter is done: an operation that completes on one lasts as long as its emitter. */
const TERMINAL_EVENTS = new Set(['end', 'finish', 'close', 'exit', 'abort']);
/** Events that a normal run of an operation may never see: failures, aborts, the emitter's end. */
const MAY_NEVER_FIRE = new Set(['error', 'abort', 'timeout', 'close', 'end', 'finish', 'exit', 'disconnect', 'aborted']);
/** `process` events: signals, crashes and warnings may never come in a run. */
const mayNeverFire = (event: string): boolean =>
  MAY_NEVER_FIRE.has(event) || /^SIG[A-Z0-9]+$/.test(event) || ['uncaughtException', 'unhandledRejection', 'warning', 'beforeExit'].includes(event);
/** Per-exchange HTTP objects: they die with their request, and every listener on them with it. */
const EXCHANGE_TYPES = new Set([
  'IncomingMessage',
  'ServerResponse',
  'ClientRequest',
  'Http2ServerRequest',
  'Http2ServerResponse',
  'Http2Stream',
  'ServerHttp2Stream',
  'ClientHttp2Stream',
]);

/** How long the emitter lives compared with the function that registers on it. */
export type EmitterLife =
  | 'global' // `process`, a global, a module-level variable or import: lives as long as the process
  | 'signal' // an `AbortSignal` the function did not create: signals are shared by the operations they cancel
  | 'borrowed' // a parameter, a field of something else, a value looked up in a collection
  | 'own' // `this` or a field of `this` in a constructor or a method that does not complete
  | 'fresh' // created by this function (or handed to this callback by the event that created it)
  | 'exchange' // an HTTP request or response: it dies with its exchange
  | 'unknown';

export interface Registration {
  call: TSESTree.CallExpression;
  emitter: TSESTree.Expression;
  /** Which emitter, scope-aware: its text and the variable it starts from. */
  emitterKey: string;
  method: string;
  /** The event's name when it is a string literal. */
  event: string | undefined;
  eventText: string;
  listener: TSESTree.Node;
  /** How a removal names the listener (`onAbort`, `this.handler`), scope-aware; undefined for an inline function. */
  listenerKey: string | undefined;
  fn: Fn;
  /** The method that removes it: `removeEventListener`, or `off`/`removeListener` as the emitter's type has them. */
  removalMethod: string;
}

interface Removal {
  call: TSESTree.CallExpression;
  emitterKey: string;
  /** removeAllListeners() (every event) or removeAllListeners(event). */
  all: boolean;
  /** undefined when not a literal (or absent for removeAllListeners()). */
  event: string | undefined;
  dynamicEvent: boolean;
  listenerKey: string | undefined;
  dynamicListener: boolean;
}

/** A timer a Promise executor arms (`const t = setTimeout(…)`, or a watchdog whose callback settles the promise). */
export interface ExecutorTimer {
  call: TSESTree.CallExpression;
  kind: ResourceKind;
  /** The variable that holds it, if any. */
  holder: TSESLint.Scope.Variable | undefined;
}

export type OperationFinding =
  | { type: 'never-removed'; registration: Registration; life: EmitterLife }
  | { type: 'wrong-event'; registration: Registration; removal: TSESTree.CallExpression; removedEvent: string }
  /** `removals`: where the function removes it on the other paths. */
  | { type: 'path'; registration: Registration; life: EmitterLife; exit: LeakExit; removals: TSESTree.Node[] }
  | { type: 'settled'; registration: Registration; life: EmitterLife; settle: TSESTree.Node; how: 'resolves' | 'rejects' }
  /** A timer the executor armed that is still armed where the promise settles. */
  | { type: 'timer-settled'; timer: ExecutorTimer; settle: TSESTree.Node; how: 'resolves' | 'rejects' };

export interface OperationChecks {
  /** Listeners on emitters that outlive the operation (`no-leaked-listener`). */
  listeners: boolean;
  /** Timers a Promise executor arms, cleared where the promise settles (`no-leaked-timer`). */
  timers: boolean;
}

const PROMISE_SETTLERS = ['resolves', 'rejects'] as const;

function normalizedText(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string {
  return sourceCode
    .getText(skipValueWrappers(node))
    .replace(/\s+/g, '')
    .replace(/\?\./g, '.')
    .replace(/!(?=[.[)]|$)/g, '')
    .replace(/^\((.*)\)$/, '$1');
}

/** The call `node` is the callee's receiver chain of, looking through `?.` (`sock?.on?.(…)`). */
function memberCall(call: TSESTree.CallExpression): { object: TSESTree.Expression; method: string } | undefined {
  const callee = skipValueWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = propertyName(callee);
  if (!method || callee.object.type === AST_NODE_TYPES.Super) return undefined;
  return { object: callee.object, method };
}

function stringValue(node: TSESTree.Node | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** How the listener argument is named where a removal would name it; undefined for an inline function. */
function listenerName(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string | undefined {
  const value = skipValueWrappers(node);
  // `connection.on('error', handlers.error = handleError.bind(null))`: the handler is kept where it is assigned.
  if (value.type === AST_NODE_TYPES.AssignmentExpression) return listenerName(sourceCode, value.left);
  if (value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.MemberExpression) return normalizedText(sourceCode, value);
  return undefined;
}

function isPromiseExecutor(fn: TSESTree.Node): boolean {
  const parent = fn.parent;
  return (
    isFn(fn) &&
    parent?.type === AST_NODE_TYPES.NewExpression &&
    parent.arguments[0] === fn &&
    parent.callee.type === AST_NODE_TYPES.Identifier &&
    parent.callee.name === 'Promise'
  );
}

/** Functions passed as an argument (callbacks, listeners): their parameters arrive with the event that calls them. */
function isCallback(fn: TSESTree.Node): boolean {
  const parent = fn.parent;
  return (
    (parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) &&
    parent.arguments.includes(fn as TSESTree.CallExpressionArgument)
  );
}

/** The members of a union type, or the type itself. */
function unionParts(type: ts.Type): readonly ts.Type[] {
  return type.isUnion() ? type.types : [type];
}

/** `(() => { … })()`: a function called where it is written. */
function isCalledInPlace(fn: TSESTree.Node): boolean {
  let node = fn;
  while (node.parent?.type === AST_NODE_TYPES.TSAsExpression || node.parent?.type === AST_NODE_TYPES.TSNonNullExpression) node = node.parent;
  return node.parent?.type === AST_NODE_TYPES.CallExpression && node.parent.callee === node;
}

function isConstructor(fn: TSESTree.Node): boolean {
  return fn.parent?.type === AST_NODE_TYPES.MethodDefinition && fn.parent.kind === 'constructor';
}

function isMethodOrConstructor(fn: TSESTree.Node): boolean {
  return fn.parent?.type === AST_NODE_TYPES.MethodDefinition || (fn.parent?.type === AST_NODE_TYPES.PropertyDefinition && isFn(fn));
}

/** The functions from `fn` outwards, up to (not including) the module. */
function functionChain(fn: Fn): Fn[] {
  const chain: Fn[] = [];
  let cur: FunctionNode = fn;
  while (isFn(cur)) {
    chain.push(cur);
    cur = enclosingFunction(cur);
  }
  return chain;
}

export function createOperationAnalysis(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  checks: OperationChecks,
  onFinding: (finding: OperationFinding) => void,
): TSESLint.RuleListener {
  const services = ESLintUtils.getParserServices(context);
  const program = services.program;
  const checker = program.getTypeChecker();
  const sourceCode = context.sourceCode;
  const frames: Frame[] = [];
  const frameOf = new Map<TSESTree.Node, Frame>();
  const registrations: Registration[] = [];
  const removals: Removal[] = [];
  /** Calls of a plain identifier, by name: where a local remover function (`unsubscribe()`) runs. */
  const plainCalls: TSESTree.CallExpression[] = [];
  const top = (): Frame | undefined => frames[frames.length - 1];
  const record = (tag: Parameters<Frame['record']>[1]) => (node: TSESTree.Node) => top()?.record(node, tag);

  const typeOf = (node: TSESTree.Node): ts.Type | undefined => {
    try {
      return checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(node));
    } catch {
      return undefined;
    }
  };
  const symbolNames = (type: ts.Type | undefined): string[] => {
    if (!type) return [];
    return unionParts(type).map((t) => (t.aliasSymbol ?? t.getSymbol())?.getName() ?? '').filter(Boolean);
  };
  /**
   * Whether `node.method(event, listener)` registers a listener: the receiver's type (not `any`) declares the method
   * and the listener argument is a function (`router.on('GET', '/path', handler)` is not a registration).
   */
  const isRegistration = (object: TSESTree.Node, method: string, listener: TSESTree.Node): boolean => {
    const type = typeOf(object);
    if (!type || type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return false;
    const parts = checker.getNonNullableType(type);
    if (!unionParts(parts).some((t) => !!checker.getPropertyOfType(t, method))) return false;
    const listenerType = typeOf(listener);
    if (!listenerType) return false;
    if (listenerType.flags & ts.TypeFlags.Any) return true;
    const callable = checker.getNonNullableType(listenerType);
    return unionParts(callable).some((t) => t.getCallSignatures().length > 0);
  };
  const removalMethodOf = (object: TSESTree.Node, method: string): string => {
    if (method === 'addEventListener') return 'removeEventListener';
    const type = typeOf(object);
    const parts = type ? checker.getNonNullableType(type) : undefined;
    const hasOff = !!parts && unionParts(parts).every((t) => !!checker.getPropertyOfType(t, 'off'));
    return hasOff ? 'off' : 'removeListener';
  };

  /**
   * What an expression names, scope-aware: its text and the variable (or class, for `this`) it starts from, so that
   * `signal` in one function is not the `signal` of another.
   */
  const variableIds = new WeakMap<TSESLint.Scope.Variable, number>();
  let nextVariableId = 0;
  const bindingKey = (node: TSESTree.Node): string => {
    const text = normalizedText(sourceCode, node);
    let root = skipValueWrappers(node);
    while (root.type === AST_NODE_TYPES.MemberExpression) root = skipValueWrappers(root.object);
    if (root.type === AST_NODE_TYPES.Identifier) {
      const variable = findVariable(root);
      if (!variable) return text;
      // `const { signal } = options`: `signal` names what `options.signal` names (when nothing reassigns either).
      const def = variable.defs[0];
      const pattern = def?.type === 'Variable' ? def.node.id : undefined;
      const source = def?.type === 'Variable' ? def.node.init : undefined;
      if (
        pattern?.type === AST_NODE_TYPES.ObjectPattern &&
        source?.type === AST_NODE_TYPES.Identifier &&
        def?.type === 'Variable' &&
        def.parent.kind === 'const'
      ) {
        const declared = variable.identifiers[0];
        const property = pattern.properties.find(
          (p): p is TSESTree.Property =>
            p.type === AST_NODE_TYPES.Property && p.value === declared && !p.computed && p.key.type === AST_NODE_TYPES.Identifier,
        );
        const sourceVariable = findVariable(source);
        if (property && sourceVariable && !sourceVariable.references.some((ref) => ref.isWrite() && ref.identifier !== sourceVariable.identifiers[0])) {
          const base = bindingKey(source);
          const key = (property.key as TSESTree.Identifier).name;
          return `${source.name}.${key}${text.slice(root.name.length)}${base.slice(base.lastIndexOf('@'))}`;
        }
      }
      let id = variableIds.get(variable);
      if (id === undefined) variableIds.set(variable, (id = nextVariableId++));
      return `${text}@${id}`;
    }
    if (root.type === AST_NODE_TYPES.ThisExpression) {
      let cls: TSESTree.Node | undefined = root.parent;
      while (cls && cls.type !== AST_NODE_TYPES.ClassBody) cls = cls.parent;
      return `${text}@this:${cls?.range[0] ?? -1}`;
    }
    return text;
  };
  const listenerKey = (node: TSESTree.Node): string | undefined => {
    const value = skipValueWrappers(node);
    const named = value.type === AST_NODE_TYPES.AssignmentExpression ? value.left : value;
    return listenerName(sourceCode, node) === undefined ? undefined : bindingKey(named);
  };

  /** `res.on('data', …).on('end', …)`: registrations return their emitter, so a chain registers on its root. */
  const chainRoot = (object: TSESTree.Expression): TSESTree.Expression => {
    let cur = object;
    for (;;) {
      const value = skipValueWrappers(cur);
      if (value.type !== AST_NODE_TYPES.CallExpression) return cur;
      const inner = memberCall(value);
      if (!inner || !(LISTENER_METHODS.has(inner.method) || REMOVAL_METHODS.has(inner.method))) return cur;
      cur = inner.object;
    }
  };

  /** A cancellation signal: an `AbortSignal`, or anything typed with its `aborted` flag (a library's own signal type). */
  const isAbortSignal = (node: TSESTree.Node): boolean => {
    const type = typeOf(node);
    if (!type || type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return false;
    const parts = checker.getNonNullableType(type);
    return unionParts(parts).some((t) => !!checker.getPropertyOfType(t, 'aborted'));
  };
  const isExchange = (node: TSESTree.Node): boolean => symbolNames(typeOf(node)).some((name) => EXCHANGE_TYPES.has(name));

  const findVariable = (id: TSESTree.Identifier): TSESLint.Scope.Variable | undefined => {
    for (let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(id); scope; scope = scope.upper) {
      const variable = scope.set.get(id.name);
      if (variable) return variable;
    }
    return undefined;
  };

  // ---- emitter lifetimes -------------------------------------------------------------------------------------------

  const worse = (a: EmitterLife, b: EmitterLife): EmitterLife => {
    const order: EmitterLife[] = ['global', 'signal', 'borrowed', 'unknown', 'own', 'exchange', 'fresh'];
    return order.indexOf(a) <= order.indexOf(b) ? a : b;
  };

  /** The definitions of a local that may reach `at`: the last unconditional one before it, and any assignment since. */
  const reachingValues = (variable: TSESLint.Scope.Variable, at: TSESTree.Node): TSESTree.Node[] => {
    const values: TSESTree.Node[] = [];
    const writes = variable.references.filter((r) => r.isWrite() && r.writeExpr && r.identifier.range[0] < at.range[0]);
    // The nearest statement before `at` (in `at`'s block or an enclosing one) that writes the variable unconditionally.
    for (let node: TSESTree.Node = at; node.parent; node = node.parent) {
      const parent = node.parent;
      if (isFn(parent)) break;
      if (parent.type !== AST_NODE_TYPES.BlockStatement && parent.type !== AST_NODE_TYPES.Program) continue;
      const index = parent.body.indexOf(node as TSESTree.Statement);
      for (let i = index - 1; i >= 0; i--) {
        const statement = parent.body[i]!;
        const direct = writes.find(
          (w) =>
            (statement.type === AST_NODE_TYPES.VariableDeclaration && statement.declarations.some((d) => d.id === w.identifier)) ||
            (statement.type === AST_NODE_TYPES.ExpressionStatement &&
              statement.expression.type === AST_NODE_TYPES.AssignmentExpression &&
              statement.expression.operator === '=' &&
              statement.expression.left === w.identifier),
        );
        if (direct) {
          values.push(direct.writeExpr!);
          // Writes after the dominating one but before `at` (in branches) may reach too.
          for (const w of writes) if (w.identifier.range[0] > statement.range[1] && w.writeExpr) values.push(w.writeExpr);
          return values;
        }
      }
    }
    return writes.map((w) => w.writeExpr!);
  };

  const lifeOfValue = (node: TSESTree.Node, at: TSESTree.Node, depth: number): EmitterLife => {
    const value = skipValueWrappers(node);
    if (depth > 6) return 'unknown';
    switch (value.type) {
      case AST_NODE_TYPES.NewExpression:
      case AST_NODE_TYPES.ObjectExpression:
      case AST_NODE_TYPES.ArrayExpression:
        return 'fresh';
      case AST_NODE_TYPES.CallExpression: {
        // `this.reservations.get(peer)`, `map.get(key)`: looked up in a collection that keeps it.
        const call = memberCall(value);
        if (call && (call.method === 'get' || call.method === 'find' || call.method === 'at')) return worse('borrowed', lifeOfValue(call.object, at, depth + 1));
        return 'fresh';
      }
      case AST_NODE_TYPES.AssignmentExpression:
        // `const socket = (sockets[i] = net.connect(…))`
        return lifeOfValue(value.right, at, depth + 1);
      case AST_NODE_TYPES.LogicalExpression:
        return worse(lifeOfValue(value.left, at, depth + 1), lifeOfValue(value.right, at, depth + 1));
      case AST_NODE_TYPES.ConditionalExpression:
        return worse(lifeOfValue(value.consequent, at, depth + 1), lifeOfValue(value.alternate, at, depth + 1));
      case AST_NODE_TYPES.Identifier:
      case AST_NODE_TYPES.MemberExpression:
      case AST_NODE_TYPES.ThisExpression:
        return lifeOfReference(value, at, depth + 1);
      default:
        return 'unknown';
    }
  };

  const lifeOfReference = (node: TSESTree.Node, at: TSESTree.Node, depth: number): EmitterLife => {
    const value = skipValueWrappers(node);
    if (value.type === AST_NODE_TYPES.ThisExpression) return 'own';
    if (value.type === AST_NODE_TYPES.MemberExpression) {
      const object = skipValueWrappers(value.object);
      if (object.type === AST_NODE_TYPES.ThisExpression) {
        const fn = enclosingThisFunction(value);
        if (!fn || isConstructor(fn)) return 'own';
        // `this.socket = net.connect(…); this.socket.on(…)`: set up by this very method.
        const assigned = thisFieldValue(fn, value, at);
        return assigned && lifeOfValue(assigned, at, depth + 1) === 'fresh' ? 'fresh' : 'borrowed';
      }
      // `ac.signal`, `child.stdout`: part of an object made here is made here too. A property of a plain object
      // (`options.signal`, `reservation.signal`) is whatever was stored there.
      const property = propertyName(value);
      const values = referenceValues(object, at);
      if (values.length === 0) return lifeOfReference(object, at, depth + 1);
      return values
        .map((v): EmitterLife => {
          const stored = skipValueWrappers(v);
          if (stored.type !== AST_NODE_TYPES.ObjectExpression) return lifeOfValue(stored, at, depth + 1);
          const prop = stored.properties.find(
            (p): p is TSESTree.Property =>
              p.type === AST_NODE_TYPES.Property && !p.computed && p.key.type === AST_NODE_TYPES.Identifier && p.key.name === property,
          );
          if (!prop) return 'borrowed';
          return prop.shorthand ? lifeOfReference(prop.value, at, depth + 1) : lifeOfValue(prop.value, at, depth + 1);
        })
        .reduce(worse);
    }
    if (value.type !== AST_NODE_TYPES.Identifier) return lifeOfValue(value, at, depth + 1);
    const variable = findVariable(value);
    if (!variable || variable.defs.length === 0) return 'global';
    const def = variable.defs[0]!;
    if (variable.scope.type === 'module' || variable.scope.type === 'global') return 'global';
    if (def.type === 'ImportBinding') return 'global';
    if (def.type === 'Parameter') return isCallback(def.node) ? 'fresh' : 'borrowed';
    if (def.type === 'Variable') {
      const declarator = def.node;
      // `const { signal } = options`: destructured from something the function did not create.
      if (declarator.id.type !== AST_NODE_TYPES.Identifier) return declarator.init ? lifeOfValue(declarator.init, at, depth + 1) : 'unknown';
      const values = reachingValues(variable, at);
      if (values.length === 0) return 'unknown';
      return values.map((v) => lifeOfValue(v, at, depth + 1)).reduce(worse);
    }
    return 'unknown';
  };

  const enclosingThisFunction = (node: TSESTree.Node): Fn | undefined => {
    for (let p = node.parent; p; p = p.parent) {
      if (p.type === AST_NODE_TYPES.FunctionDeclaration || p.type === AST_NODE_TYPES.FunctionExpression) return p;
    }
    return undefined;
  };

  /** The value last stored in `this.x` by `fn` before `at`, if it stores one. */
  const thisFieldValue = (fn: Fn, member: TSESTree.MemberExpression, at: TSESTree.Node): TSESTree.Node | undefined => {
    const text = normalizedText(sourceCode, member);
    let found: TSESTree.Node | undefined;
    const visit = (node: TSESTree.Node): void => {
      if (node.range[0] >= at.range[0]) return;
      if (
        node.type === AST_NODE_TYPES.AssignmentExpression &&
        node.operator === '=' &&
        node.left.type === AST_NODE_TYPES.MemberExpression &&
        normalizedText(sourceCode, node.left) === text
      ) {
        found = node.right;
      }
      for (const child of childNodes(node)) visit(child);
    };
    visit(fn.body);
    return found;
  };

  /** The values an object reference may hold at `at`: a local's reaching definitions, a field this method just set. */
  const referenceValues = (node: TSESTree.Node, at: TSESTree.Node): TSESTree.Node[] => {
    const value = skipValueWrappers(node);
    if (value.type === AST_NODE_TYPES.Identifier) {
      const variable = findVariable(value);
      const def = variable?.defs[0];
      if (!variable || def?.type !== 'Variable' || def.node.id.type !== AST_NODE_TYPES.Identifier) return [];
      if (variable.scope.type === 'module' || variable.scope.type === 'global') return [];
      return reachingValues(variable, at);
    }
    if (value.type === AST_NODE_TYPES.MemberExpression && skipValueWrappers(value.object).type === AST_NODE_TYPES.ThisExpression) {
      const fn = enclosingThisFunction(value);
      const stored = fn && thisFieldValue(fn, value, at);
      return stored ? [stored] : [];
    }
    return [];
  };

  const emitterLife = (r: Registration): EmitterLife => {
    if (isExchange(r.emitter)) return 'exchange';
    const life = lifeOfReference(r.emitter, r.call, 0);
    if (life !== 'fresh' && life !== 'own' && isAbortSignal(r.emitter)) return 'signal';
    return life;
  };

  // ---- when the registering function runs more than once -----------------------------------------------------------

  /** A function called only from the module's top level (a `main()`), or a class built only there, runs once. */
  const runsOnce = (fn: Fn): boolean => {
    const chain = functionChain(fn);
    const outer = chain[chain.length - 1]!;
    // A callback that module-level code hands to a call (`net.connect(port, () => …)` at the top of a script) runs
    // as often as that call makes it: nothing says per operation.
    // A listener (`server.on('request', …)`) runs once per event, though.
    if (isCallback(outer) && chain.slice(0, -1).every(isPromiseExecutor)) {
      const holder = outer.parent as TSESTree.CallExpression | TSESTree.NewExpression;
      const method = holder.type === AST_NODE_TYPES.CallExpression ? memberCall(holder)?.method : undefined;
      return !(method && LISTENER_METHODS.has(method) && !/once/i.test(method));
    }
    // `(async () => { … })()` at the top of a script runs once.
    if (isCalledInPlace(outer) && chain.slice(0, -1).every((f) => isPromiseExecutor(f) || isCalledInPlace(f))) return true;
    // Every function between the registration and the outermost one must run once per run of the outermost one.
    for (const inner of chain.slice(0, -1)) if (!isPromiseExecutor(inner) && !isCalledInPlace(inner)) return false;
    let variable: TSESLint.Scope.Variable | undefined;
    let exportedNode: TSESTree.Node = outer;
    if (isMethodOrConstructor(outer)) {
      const cls = outer.parent!.parent!.parent as TSESTree.ClassDeclaration | TSESTree.ClassExpression;
      if (cls.type !== AST_NODE_TYPES.ClassDeclaration || !cls.id) return false;
      variable = sourceCode.getDeclaredVariables(cls)[0];
      exportedNode = cls;
    } else if (outer.type === AST_NODE_TYPES.FunctionDeclaration) {
      variable = sourceCode.getDeclaredVariables(outer)[0];
    } else if (outer.parent?.type === AST_NODE_TYPES.VariableDeclarator && outer.parent.init === outer) {
      variable = sourceCode.getDeclaredVariables(outer.parent)[0];
      exportedNode = outer.parent.parent!;
    } else {
      return false;
    }
    if (!variable || variable.scope.type !== 'module' && variable.scope.type !== 'global') return false;
    const holder = exportedNode.parent;
    if (holder?.type === AST_NODE_TYPES.ExportNamedDeclaration || holder?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return false;
    const uses = variable.references.filter((r) => r.identifier !== (variable!.identifiers[0] ?? null));
    return uses.every((ref) => {
      const id = ref.identifier as TSESTree.Identifier;
      const parent = id.parent;
      const called =
        (parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) && parent.callee === id;
      if (!called) return false;
      if (enclosingFunction(id).type !== AST_NODE_TYPES.Program) return false;
      for (let p: TSESTree.Node | undefined = parent; p; p = p.parent) if (isLoop(p)) return false;
      return true;
    });
  };

  /**
   * The nearest function around the registration that is an operation: one that completes (an async function, a
   * Promise executor) or runs the work it is given (`function handle(work) { …; work(); }`).
   */
  const operationOf = (fn: Fn, wrappers: boolean): Fn | undefined =>
    functionChain(fn).find((f) => isPromiseExecutor(f) || f.async || (wrappers && runsItsParameter(f)));

  const runsItsParameter = (f: Fn): boolean =>
    f.params.some((param) => {
      if (param.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = sourceCode.getDeclaredVariables(f).find((v) => v.name === param.name);
      return (variable?.references ?? []).some((ref) => {
        const parent = ref.identifier.parent;
        return parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === ref.identifier && enclosingFunction(parent) === f;
      });
    });

  /** The registration runs in a method of a class that has a disposal method: its instances end before the process. */
  const disposableClass = (fn: Fn): boolean => {
    const method = functionChain(fn).reverse().find(isMethodOrConstructor);
    const body = method?.parent?.parent;
    if (body?.type !== AST_NODE_TYPES.ClassBody) return false;
    return body.body.some(
      (member) =>
        (member.type === AST_NODE_TYPES.MethodDefinition || member.type === AST_NODE_TYPES.PropertyDefinition) &&
        !member.computed &&
        member.key.type === AST_NODE_TYPES.Identifier &&
        DEFAULT_DISPOSAL_METHODS.includes(member.key.name),
    );
  };

  // ---- exemptions ---------------------------------------------------------------------------------------------------

  /**
   * `signal.addEventListener('abort', () => clearInterval(t))`: the listener stops work (a resource of the catalog)
   * that the function started and left running; the listener is that work's release, not a leak.
   */
  const stopsLeftoverWork = (r: Registration): boolean => {
    const listener = listenerFunction(r.listener);
    if (!listener || !isFn(listener)) return false;
    const { catalog } = programFacts(program, checker, DEFAULT_LIFETIME_OPTIONS, ['resource', 'timer']);
    /** The resource a variable holds, from the call that created it. */
    const kindOf = (variable: TSESLint.Scope.Variable): ResourceKind | undefined => {
      const def = variable.defs[0];
      if (def?.type !== 'Variable' || !def.node.init) return undefined;
      const init = skipValueWrappers(def.node.init);
      if (init.type !== AST_NODE_TYPES.CallExpression && init.type !== AST_NODE_TYPES.NewExpression) return undefined;
      const tsNode = services.esTreeNodeToTSNodeMap.get(init) as ts.CallExpression | ts.NewExpression;
      return catalog.kindOfCall(tsNode.expression) ?? catalog.kindOfType(checker.getTypeAtLocation(tsNode));
    };
    /** Where `variable` is released: `clearInterval(v)`, or `v.close()` and the other release methods of its kind. */
    const releasesOf = (variable: TSESLint.Scope.Variable, kind: ResourceKind): TSESTree.Node[] =>
      variable.references.flatMap((ref): TSESTree.Node[] => {
        const parent = ref.identifier.parent;
        if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === ref.identifier) {
          return parent.callee.type === AST_NODE_TYPES.Identifier && /^clear(Timeout|Interval|Immediate)$/.test(parent.callee.name) ? [parent] : [];
        }
        const method = calledMethod(ref.identifier);
        return method && catalog.isReleaseMethod(kind, method) ? [ref.identifier] : [];
      });
    // Work that goes on after the function returns: a resource of the function's own (not a one-shot timeout, which
    // ends by itself) that nothing else releases and whose end the function does not wait for.
    let found = false;
    const visit = (node: TSESTree.Node): void => {
      if (found) return;
      const target =
        node.type === AST_NODE_TYPES.CallExpression
          ? node.callee.type === AST_NODE_TYPES.Identifier && /^clear(Interval|Timeout|Immediate)$/.test(node.callee.name)
            ? node.arguments[0]
            : memberCall(node)?.object
          : undefined;
      const root = target && skipValueWrappers(target);
      if (root?.type === AST_NODE_TYPES.Identifier) {
        const variable = findVariable(root);
        const kind = variable && variable.scope.type !== 'module' && variable.scope.type !== 'global' ? kindOf(variable) : undefined;
        if (variable && kind && !kind.oneShot) {
          const elsewhere = releasesOf(variable, kind).some((n) => !contains(listener, n));
          const awaited = variable.references.some((ref) => {
            const method = calledMethod(ref.identifier);
            const call = ref.identifier.parent?.parent;
            if (!method || !LISTENER_METHODS.has(method) || call?.type !== AST_NODE_TYPES.CallExpression) return false;
            const event = stringValue(call.arguments[0]);
            return event !== undefined && TERMINAL_EVENTS.has(event);
          });
          const released = node.type === AST_NODE_TYPES.CallExpression && (node.callee.type === AST_NODE_TYPES.Identifier || catalog.isReleaseMethod(kind, memberCall(node)?.method ?? ''));
          if (released && !elsewhere && !awaited) found = true;
        }
      }
      for (const child of childNodes(node)) visit(child);
    };
    visit(listener.body);
    return found || stopsOwnWork(listener, catalog);
  };

  /**
   * `this.ticker = setInterval(…); signal.addEventListener('abort', () => this.stop())`: the listener disposes of the
   * object whose work (a resource the method keeps in a field, not a one-shot timeout) the method started.
   */
  const stopsOwnWork = (listener: Fn, catalog: ReturnType<typeof programFacts>['catalog']): boolean => {
    const method = functionChain(listener).find((f) => f !== listener && (f.type === AST_NODE_TYPES.FunctionExpression || f.type === AST_NODE_TYPES.FunctionDeclaration));
    if (!method) return false;
    let disposes = false;
    let starts = false;
    const visit = (node: TSESTree.Node): void => {
      if (node.type === AST_NODE_TYPES.CallExpression) {
        const member = memberCall(node);
        if (
          member &&
          skipValueWrappers(member.object).type === AST_NODE_TYPES.ThisExpression &&
          DEFAULT_DISPOSAL_METHODS.includes(member.method) &&
          contains(listener, node)
        ) {
          disposes = true;
        }
      }
      if (
        node.type === AST_NODE_TYPES.AssignmentExpression &&
        node.left.type === AST_NODE_TYPES.MemberExpression &&
        node.left.object.type === AST_NODE_TYPES.ThisExpression &&
        !contains(listener, node)
      ) {
        const value = skipValueWrappers(node.right);
        if (value.type === AST_NODE_TYPES.CallExpression || value.type === AST_NODE_TYPES.NewExpression) {
          const tsNode = services.esTreeNodeToTSNodeMap.get(value) as ts.CallExpression | ts.NewExpression;
          const kind = catalog.kindOfCall(tsNode.expression) ?? catalog.kindOfType(checker.getTypeAtLocation(tsNode));
          if (kind && !kind.oneShot) starts = true;
        }
      }
      for (const child of childNodes(node)) visit(child);
    };
    visit(method.body);
    return disposes && starts;
  };

  /** `emitter.on(…)` whose result is a remover or a Disposable that the code keeps: the subscription is handed on. */
  const resultKept = (r: Registration): boolean => {
    let node: TSESTree.Node = r.call;
    while (node.parent?.type === AST_NODE_TYPES.ChainExpression || node.parent?.type === AST_NODE_TYPES.AwaitExpression) node = node.parent;
    if (node.parent?.type === AST_NODE_TYPES.ExpressionStatement) return false;
    const type = typeOf(r.call);
    if (!type) return false;
    return type.getCallSignatures().length > 0 || !!checker.getPropertyOfType(type, 'dispose') || symbolNames(type).includes('Disposable');
  };

  /** `{ signal }` among the registration's options: aborting that signal removes the listener. */
  const hasSignalOption = (call: TSESTree.CallExpression): boolean =>
    call.arguments.slice(2).some(
      (arg) =>
        arg.type === AST_NODE_TYPES.ObjectExpression &&
        arg.properties.some((p) => p.type === AST_NODE_TYPES.Property && !p.computed && p.key.type === AST_NODE_TYPES.Identifier && p.key.name === 'signal'),
    );

  // ---- matching removals --------------------------------------------------------------------------------------------

  const matches = (r: Registration, m: Removal): boolean => {
    if (m.emitterKey !== r.emitterKey) return false;
    if (m.all) return m.event === undefined || m.dynamicEvent || r.event === undefined || m.event === r.event;
    const eventOk = m.dynamicEvent || r.event === undefined || m.event === undefined || m.event === r.event;
    const listenerOk = m.dynamicListener || (r.listenerKey !== undefined && m.listenerKey === r.listenerKey);
    return eventOk && listenerOk;
  };

  /** Local functions that remove it (`const unsubscribe = () => emitter.off(…)`), so that calling them removes it too. */
  const removerNames = (found: readonly TSESTree.Node[]): Set<TSESLint.Scope.Variable> => {
    const names = new Set<TSESLint.Scope.Variable>();
    let frontier: TSESTree.Node[] = [...found];
    for (let round = 0; round < 3 && frontier.length > 0; round++) {
      const next: TSESTree.Node[] = [];
      for (const node of frontier) {
        const fn = enclosingFunction(node);
        if (fn.type === AST_NODE_TYPES.Program || fn.type === AST_NODE_TYPES.StaticBlock) continue;
        let variable: TSESLint.Scope.Variable | undefined;
        if (fn.type === AST_NODE_TYPES.FunctionDeclaration) variable = sourceCode.getDeclaredVariables(fn)[0];
        else if (fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.init === fn) variable = sourceCode.getDeclaredVariables(fn.parent)[0];
        if (!variable || names.has(variable)) continue;
        names.add(variable);
        for (const ref of variable.references) {
          const parent = ref.identifier.parent;
          if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === ref.identifier) next.push(parent);
        }
      }
      frontier = next;
    }
    return names;
  };

  const removerCalls = (names: Set<TSESLint.Scope.Variable>): TSESTree.CallExpression[] =>
    plainCalls.filter((call) => {
      const callee = call.callee as TSESTree.Identifier;
      const variable = findVariable(callee);
      return !!variable && names.has(variable);
    });

  // ---- analysis -----------------------------------------------------------------------------------------------------

  /**
   * A timer an executor arms is released where the promise settles: every settle point outside the timer's own
   * callback must clear it on every path of the function it is in. Checked when the executor clears it somewhere (it
   * is meant to be cleared) or when its callback settles the promise (a watchdog racing the other outcomes).
   */
  const analyseTimers = (): void => {
    for (const timer of executorTimers) {
      const executor = enclosingFunction(timer.call) as Fn;
      const callback = timer.call.arguments[0];
      const clears = (timer.holder?.references ?? [])
        .map((ref) => ref.identifier.parent)
        .filter((parent): parent is TSESTree.CallExpression | TSESTree.MemberExpression => {
          if (parent?.type === AST_NODE_TYPES.CallExpression) {
            return parent.callee.type === AST_NODE_TYPES.Identifier && /^clear(Timeout|Interval)$/.test(parent.callee.name);
          }
          return parent?.type === AST_NODE_TYPES.MemberExpression && propertyName(parent) === 'close' && parent.parent?.type === AST_NODE_TYPES.CallExpression;
        })
        .map((n) => (n.type === AST_NODE_TYPES.MemberExpression ? (n.parent as TSESTree.CallExpression) : n));
      // `const cleanup = () => { clearTimeout(t); … }`: calling it clears the timer too.
      clears.push(...removerCalls(removerNames(clears)));
      const points = settlePoints(executor);
      const holders = timer.holder ? new Set([timer.holder.name]) : new Set<string>();
      const callbackFn = callback && isFn(callback) ? callback : undefined;
      const watchdog =
        !!callback &&
        points.some((p) => (callbackFn ? contains(callbackFn, p.node) : p.node === callback));
      if (clears.length === 0 && !watchdog) continue;
      // Kept in a variable of the function around the executor: that function owns it (and may clear it in a
      // `finally` around the `await`).
      const def = timer.holder?.defs[0];
      if (def && !contains(executor, def.node)) continue;
      if (settledCleanup(executor, clears)) continue;
      for (const point of points) {
        if (callback && (point.node === callback || (callbackFn && contains(callbackFn, point.node)))) continue;
        const g = enclosingFunction(point.node);
        let covered: boolean;
        if (g === executor && !point.passed) {
          // In the executor itself: only a settle point the timer can reach counts (not a `catch` of the code that
          // armed it, not a return before it).
          const frame = frameOf.get(executor);
          const events = new Map<TSESTree.Node, Effect>(clears.map((n) => [n, 'release']));
          events.set(point.node, 'overwrite');
          covered =
            !frame ||
            !findLeaks({ frame, acquisition: timer.call, start: { node: timer.call, tag: 'acquire' }, events, holders, overwriteLeaks: true, container: true }).some(
              (leak) => leak.kind === 'overwrite' && leak.node === point.node,
            );
        } else {
          covered = !point.passed && isFn(g) && settledAfterRemoval(g, point.node, clears, holders);
        }
        if (!covered) {
          onFinding({ type: 'timer-settled', timer, settle: point.node, how: point.how });
          break;
        }
      }
    }
  };

  const analyse = (): void => {
    // The two checks fail apart: an exception in one costs only its own findings.
    if (checks.timers) guard(analyseTimers)();
    if (!checks.listeners) return;
    const { derived, wrapped } = wrapperRegistrations();
    for (const r of [...registrations.filter((x) => !wrapped.has(x)), ...derived]) {
      if (hasSignalOption(r.call) || resultKept(r) || listenerKept(r)) continue;
      const life = emitterLife(r);
      if (life === 'fresh' || life === 'exchange') continue;
      const matching = removals.filter((m) => matches(r, m));
      if (matching.length === 0) {
        const wrong = removals.find(
          (m) => !m.all && m.emitterKey === r.emitterKey && r.listenerKey !== undefined && m.listenerKey === r.listenerKey && m.event !== undefined && r.event !== undefined,
        );
        if (wrong) {
          onFinding({ type: 'wrong-event', registration: r, removal: wrong.call, removedEvent: wrong.event! });
          continue;
        }
        // On a cancellation signal, a listener that stops the work the function leaves running is that work's
        // cancellation, as the caller asked for; on `process` or another emitter it is one more listener per call.
        const cancels = life === 'signal' && stopsLeftoverWork(r);
        if (neverRemovedReportable(r, life) && !cancels) onFinding({ type: 'never-removed', registration: r, life });
        continue;
      }
      // Removed somewhere: the listener is meant to go when the operation ends, whatever it stops or starts.
      if (life === 'own') continue;
      checkPaths(r, life, matching);
    }
  };

  /**
   * A function that adds its listener parameter to its emitter parameter and removes nothing
   * (`function onabort(signal, listener) { signal.addEventListener('abort', listener) }`) is a registration: each of
   * its calls is judged like the registration it makes, and the registration inside it is not judged on its own.
   */
  const wrapperRegistrations = (): { derived: Registration[]; wrapped: Set<Registration> } => {
    const derived: Registration[] = [];
    const wrapped = new Set<Registration>();
    const seen = new Set<TSESTree.Node>();
    for (const inner of registrations) {
      const w = inner.fn;
      const emitter = skipValueWrappers(inner.emitter);
      const listener = skipValueWrappers(inner.listener);
      if (emitter.type !== AST_NODE_TYPES.Identifier || listener.type !== AST_NODE_TYPES.Identifier) continue;
      const paramIndex = (name: string): number => w.params.findIndex((p) => p.type === AST_NODE_TYPES.Identifier && p.name === name);
      const ei = paramIndex(emitter.name);
      const li = paramIndex(listener.name);
      if (ei < 0 || li < 0) continue;
      if (removals.some((m) => enclosingFunction(m.call) === w)) continue;
      wrapped.add(inner);
      const variable = functionVariable(w, sourceCode);
      for (const ref of variable?.references ?? []) {
        const call = ref.identifier.parent;
        if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== ref.identifier || seen.has(call)) continue;
        const e = call.arguments[ei];
        const l = call.arguments[li];
        const fn = enclosingFunction(call);
        if (!e || !l || e.type === AST_NODE_TYPES.SpreadElement || !isFn(fn)) continue;
        seen.add(call);
        derived.push({
          call,
          emitter: e,
          emitterKey: bindingKey(e),
          method: inner.method,
          event: inner.event,
          eventText: inner.eventText,
          listener: l,
          listenerKey: listenerKey(l),
          fn,
          removalMethod: inner.removalMethod,
        });
      }
    }
    return { derived, wrapped };
  };

  /**
   * The listener is kept where a later removal can find it: pushed into a list, stored in a field or an object
   * (`this.listeners.push({ name, listener })`, `task.onAbort = () => …`). Whoever keeps it removes it.
   */
  const listenerKept = (r: Registration): boolean => {
    const listener = skipValueWrappers(r.listener);
    if (listener.type === AST_NODE_TYPES.MemberExpression && skipValueWrappers(listener.object).type !== AST_NODE_TYPES.ThisExpression) {
      return true;
    }
    if (listener.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = findVariable(listener);
    return (variable?.references ?? []).some((ref) => {
      const id = ref.identifier as TSESTree.Identifier;
      if (id === listener) return false;
      const parent = id.parent;
      if (!parent) return false;
      if (parent.type === AST_NODE_TYPES.ArrayExpression) return true;
      if (parent.type === AST_NODE_TYPES.Property && parent.value === id) return true;
      if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === id && parent.left.type === AST_NODE_TYPES.MemberExpression) return true;
      if (parent.type === AST_NODE_TYPES.ReturnStatement) return true;
      if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(id)) {
        const callee = memberCall(parent);
        return !!callee && ['push', 'set', 'add', 'unshift'].includes(callee.method);
      }
      return false;
    });
  };

  const neverRemovedReportable = (r: Registration, life: EmitterLife): boolean => {
    // A process-wide emitter: the registration leaks when the code runs per operation (an async function, a Promise
    // executor, a function that runs the work it is given) or per instance of a class that can be disposed of
    // (`stop()`, `close()`, …) before the process ends. Other code is set-up that runs once per process (a CLI's
    // signal handlers, a child process's entry point).
    const forAwaitedEvent = /once/i.test(r.method) && r.event !== undefined && !mayNeverFire(r.event);
    if (life === 'global') {
      if (runsOnce(r.fn)) return false;
      if (disposableClass(r.fn)) return true;
      // `new Promise((resolve) => bus.once('ready', resolve))`: like `events.once()`, it goes when the event comes.
      return !!operationOf(r.fn, true) && !forAwaitedEvent;
    }
    if (life === 'signal') return true;
    if (life !== 'borrowed') return false;
    // (A callback-style function that calls the callback it is given is not enough here: `_destroy(err, cb)` runs once
    // per stream, and what it listens to ends with the stream.)
    const operation = operationOf(r.fn, false);
    if (!operation) return false;
    // `client.once('Tracing.tracingComplete', …)`: a one-time listener for the event the operation waits for goes
    // when that event comes. Only events that may never come in a normal run (an error, an abort, the end) stay.
    if (forAwaitedEvent) return false;
    // `this.clients.add(client); client.once('disconnect', …)`: the function adopts the emitter it is given.
    if (adopted(r)) return false;
    // An operation that completes when the emitter itself is done (`stream.on('end', resolve)`) lasts as long as it.
    return !completesOnTerminalEvent(operation, r.emitterKey);
  };

  /** The emitter is a parameter that the function stores (in a field, a collection): it takes the emitter over. */
  const adopted = (r: Registration): boolean => {
    const emitter = skipValueWrappers(r.emitter);
    if (emitter.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = findVariable(emitter);
    if (variable?.defs[0]?.type !== 'Parameter') return false;
    return variable.references.some((ref) => {
      const parent = ref.identifier.parent;
      if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === ref.identifier && parent.left.type === AST_NODE_TYPES.MemberExpression) return true;
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(ref.identifier as TSESTree.Identifier)) {
        const callee = memberCall(parent);
        return !!callee && ['push', 'set', 'add', 'unshift'].includes(callee.method);
      }
      return false;
    });
  };

  /**
   * The operation completes when the emitter is done: an executor whose `resolve` runs on the emitter's end
   * (`stream.on('end', resolve)`, or a listener that calls it), or an async function that waits for that end
   * (`await once(stream, 'end')`, `await finished(stream)`, `for await (… of stream)`), or one that reads it to its end
   * (`stream.pipe(dst)`, `pipeline(stream, …)`).
   */
  const completesOnTerminalEvent = (operation: Fn, emitterKey: string): boolean => {
    // `src.pipe(dst)`, `pipeline(src, …)`: the operation reads the emitter to its end.
    const consumes = (node: TSESTree.Node): boolean => {
      if (node !== operation && isFn(node)) return false;
      if (node.type === AST_NODE_TYPES.CallExpression) {
        const member = memberCall(node);
        if (member?.method === 'pipe' && bindingKey(member.object) === emitterKey) return true;
        const callee = skipValueWrappers(node.callee);
        const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : undefined;
        if (name === 'pipeline' && node.arguments.some((a) => bindingKey(a) === emitterKey)) return true;
      }
      return childNodes(node).some(consumes);
    };
    if (consumes(operation.body)) return true;
    if (isPromiseExecutor(operation)) {
      const resolve = operation.params[0];
      if (resolve?.type !== AST_NODE_TYPES.Identifier) return false;
      return registrations.some((other) => {
        if (other.emitterKey !== emitterKey || !other.event || !TERMINAL_EVENTS.has(other.event) || !contains(operation, other.call)) return false;
        const listener = skipValueWrappers(other.listener);
        if (listener.type === AST_NODE_TYPES.Identifier && listener.name === resolve.name) return true;
        const fn = listenerFunction(other.listener);
        return !!fn && isFn(fn) && mentions(fn.body, resolve.name);
      });
    }
    if (!operation.async) return false;
    let waits = false;
    const visit = (node: TSESTree.Node): void => {
      if (waits) return;
      if (node !== operation && isFn(node)) return;
      if (node.type === AST_NODE_TYPES.ForOfStatement && node.await && bindingKey(node.right) === emitterKey) waits = true;
      if (node.type === AST_NODE_TYPES.AwaitExpression) {
        const call = skipValueWrappers(node.argument);
        if (call.type === AST_NODE_TYPES.CallExpression) {
          const callee = skipValueWrappers(call.callee);
          const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : undefined;
          const target = call.arguments[0];
          const event = stringValue(call.arguments[1]);
          if (target && bindingKey(target) === emitterKey && (name === 'finished' || (name === 'once' && event !== undefined && TERMINAL_EVENTS.has(event)))) {
            waits = true;
          }
        }
      }
      for (const child of childNodes(node)) visit(child);
    };
    visit(operation.body);
    return waits;
  };

  const mentions = (node: TSESTree.Node, name: string): boolean => {
    const text = sourceCode.getText(node);
    return new RegExp(`\\b${name}\\b`).test(text);
  };

  /** Where the promise that an executor builds settles: calls of `resolve`/`reject`, or the functions passed for them. */
  const settlePoints = (executor: Fn): { node: TSESTree.Node; how: 'resolves' | 'rejects'; passed: boolean }[] => {
    const points: { node: TSESTree.Node; how: 'resolves' | 'rejects'; passed: boolean }[] = [];
    executor.params.slice(0, 2).forEach((param, i) => {
      if (param.type !== AST_NODE_TYPES.Identifier) return;
      const variable = sourceCode.getDeclaredVariables(executor).find((v) => v.name === param.name);
      for (const ref of variable?.references ?? []) {
        const parent = ref.identifier.parent;
        if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === ref.identifier) points.push({ node: parent, how: PROMISE_SETTLERS[i]!, passed: false });
        else if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(ref.identifier as TSESTree.Identifier)) points.push({ node: ref.identifier, how: PROMISE_SETTLERS[i]!, passed: true });
      }
    });
    return points;
  };

  const checkPaths = (r: Registration, life: EmitterLife, matching: Removal[]): void => {
    const removers = removerCalls(removerNames(matching.map((m) => m.call)));
    // `signal?.removeEventListener(…)`: where the emitter is nullish there is no listener to remove, so the removal
    // counts where its optional chain ends, on both paths.
    const removalNodes: TSESTree.Node[] = [...matching.map((m) => chainAround(m.call)), ...removers].map(loopAround);
    const holders = new Set(rootName(r.emitter) ? [rootName(r.emitter)!] : []);
    const executor = functionChain(r.fn).find(isPromiseExecutor);
    if (executor && settledCleanup(executor as Fn, removalNodes)) return;
    if (executor) {
      for (const point of settlePoints(executor)) {
        if (point.node.range[0] < r.call.range[0] && enclosingFunction(point.node) === enclosingFunction(r.call)) continue;
        if (point.passed) {
          // `emitter.once(event, resolve)` for this very registration: settling removes it.
          if (point.node === r.listener && r.method.startsWith('once') ) continue;
          onFinding({ type: 'settled', registration: r, life, settle: point.node, how: point.how });
          return;
        }
        const g = enclosingFunction(point.node);
        if (!isFn(g)) continue;
        // The listener itself, registered with `once`: it is gone once it runs.
        // The listener itself, registered with `once` or for an event that ends its emitter (a signal's 'abort'):
        // it will not run again.
        if (g === listenerFunction(r.listener) && (/once/i.test(r.method) || (r.event !== undefined && TERMINAL_EVENTS.has(r.event)))) continue;
        if (!settledAfterRemoval(g, point.node, removalNodes, holders)) {
          onFinding({ type: 'settled', registration: r, life, settle: point.node, how: point.how });
          return;
        }
      }
      return;
    }
    // Removed only in other functions (a listener that removes itself, a `close` handler): judged there, not here.
    const own = removalNodes.filter((n) => enclosingFunction(n) === r.fn);
    if (own.length < removalNodes.length || own.length === 0) return;
    const frame = frameOf.get(r.fn);
    if (!frame) return;
    const events = new Map<TSESTree.Node, Effect>(own.map((n) => [n, 'release']));
    const leaks = findLeaks({ frame, acquisition: r.call, start: { node: r.call, tag: 'acquire' }, events, holders, overwriteLeaks: false, container: true });
    const first = leaks[0];
    if (first) onFinding({ type: 'path', registration: r, life, exit: first, removals: own });
  };

  /** Whether every path through `settle` in `g` passes a removal (before it or after it). */
  const settledAfterRemoval = (g: Fn, settle: TSESTree.Node, removalNodes: TSESTree.Node[], holders = new Set<string>()): boolean => {
    const frame = frameOf.get(g);
    if (!frame) return true;
    const own = removalNodes.filter((n) => enclosingFunction(n) === g);
    if (own.length === 0) return false;
    const events = new Map<TSESTree.Node, Effect>(own.map((n) => [n, 'release']));
    events.set(settle, 'overwrite');
    // Paths that reach the settle point without a removal first…
    const unremoved = findLeaks({ frame, acquisition: g, start: { node: g, tag: 'start' }, events, holders, overwriteLeaks: true }).some(
      (leak) => leak.kind === 'overwrite' && leak.node === settle,
    );
    if (!unremoved) return true;
    // …must remove it afterwards, on every path to the end of `g`.
    events.delete(settle);
    return findLeaks({ frame, acquisition: settle, start: { node: settle, tag: 'acquire' }, events, holders, overwriteLeaks: false, container: true }).length === 0;
  };

  /**
   * `for (const event in handlers) emitter.removeListener(event, handlers[event])`: a loop over the kept listeners
   * removes them all when it ends, also when it has nothing to go over.
   */
  const loopAround = (removal: TSESTree.Node): TSESTree.Node => {
    for (let node: TSESTree.Node = removal; node.parent && !isFn(node.parent); node = node.parent) {
      const parent = node.parent;
      if ((parent.type === AST_NODE_TYPES.ForInStatement || parent.type === AST_NODE_TYPES.ForOfStatement) && parent.body === node) return parent;
    }
    return removal;
  };

  /**
   * A release that runs once the promise settles, whatever the outcome: in the function that awaits it (a `finally`
   * around `await new Promise(…)`), or in `.finally(() => …)` on a chain inside the executor.
   */
  const settledCleanup = (executor: Fn, releases: readonly TSESTree.Node[]): boolean =>
    releases.some((n) => {
      if (!contains(executor, n)) return true;
      const fn = enclosingFunction(n);
      const call = fn.parent;
      return (
        isFn(fn) &&
        call?.type === AST_NODE_TYPES.CallExpression &&
        call.arguments[0] === fn &&
        call.callee.type === AST_NODE_TYPES.MemberExpression &&
        propertyName(call.callee) === 'finally'
      );
    });

  const chainAround = (call: TSESTree.Node): TSESTree.Node =>
    call.parent?.type === AST_NODE_TYPES.ChainExpression ? call.parent : call;

  /** `signal` for `signal?.addEventListener(…)`, `options` for `options.signal…`: the variable a null test names. */
  const rootName = (node: TSESTree.Node): string | undefined => {
    let root = skipValueWrappers(node);
    while (root.type === AST_NODE_TYPES.MemberExpression) root = skipValueWrappers(root.object);
    return root.type === AST_NODE_TYPES.Identifier ? root.name : undefined;
  };

  /** The function a listener argument names: itself, or the function a local `const` or declaration holds. */
  const listenerFunction = (listener: TSESTree.Node): TSESTree.Node | undefined => {
    const value = skipValueWrappers(listener);
    if (isFn(value)) return value;
    if (value.type !== AST_NODE_TYPES.Identifier) return undefined;
    const def = findVariable(value)?.defs[0];
    if (def?.type === 'FunctionName') return def.node;
    if (def?.type === 'Variable' && def.node.init && isFn(def.node.init)) return def.node.init;
    return undefined;
  };

  const contains = (outer: TSESTree.Node, inner: TSESTree.Node): boolean => outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];

  // ---- recording ----------------------------------------------------------------------------------------------------

  const executorTimers: ExecutorTimer[] = [];
  // Asked for on first use: the rules that want timer checks subscribe before the file is traversed.
  let timerCatalog: Catalog | undefined;
  const timers = (): Catalog | undefined =>
    checks.timers ? (timerCatalog ??= programFacts(program, checker, DEFAULT_LIFETIME_OPTIONS, ['timer']).catalog) : undefined;

  /** `const t = setTimeout(…)` (or `t = …`, or a bare statement) directly in a Promise executor. */
  const detectExecutorTimer = (node: TSESTree.CallExpression): void => {
    const executor = enclosingFunction(node);
    const catalog = timers();
    if (!catalog || !isPromiseExecutor(executor)) return;
    const kind = catalog.kindOfCall(services.esTreeNodeToTSNodeMap.get(node).expression);
    if (!kind || (kind.id !== 'timer:timeout' && kind.id !== 'timer:interval')) return;
    const parent = node.parent;
    let holder: TSESLint.Scope.Variable | undefined;
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier) {
      holder = sourceCode.getDeclaredVariables(parent)[0];
    } else if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === node && parent.left.type === AST_NODE_TYPES.Identifier) {
      holder = findVariable(parent.left);
    } else if (parent?.type !== AST_NODE_TYPES.ExpressionStatement) {
      return; // returned, stored in a field, passed on: someone else owns it
    }
    executorTimers.push({ call: node, kind, holder });
  };

  const onCall = (node: TSESTree.CallExpression): void => {
    const frame = top();
    frame?.record(node, 'call-end');
    if (checks.timers) guard(detectExecutorTimer)(node);
    if (node.callee.type === AST_NODE_TYPES.Identifier) {
      plainCalls.push(node);
      // A start for walks from a settle point (`resolve(value)`).
      frame?.record(node, 'acquire');
      return;
    }
    const call = memberCall(node);
    if (!call) return;
    const { method } = call;
    const object = chainRoot(call.object);
    if (checks.listeners && LISTENER_METHODS.has(method) && node.arguments.length >= 2) {
      if (!isRegistration(object, method, node.arguments[1]!)) return;
      const fn = enclosingFunction(node);
      if (!isFn(fn)) return;
      registrations.push({
        call: node,
        emitter: object,
        emitterKey: bindingKey(object),
        method,
        event: stringValue(node.arguments[0]),
        eventText: sourceCode.getText(node.arguments[0]!),
        listener: node.arguments[1]!,
        listenerKey: listenerKey(node.arguments[1]!),
        fn,
        removalMethod: removalMethodOf(object, method),
      });
      frame?.record(node, 'acquire');
      return;
    }
    if (REMOVAL_METHODS.has(method) || method === 'removeAllListeners') {
      const all = method === 'removeAllListeners';
      const eventArg = node.arguments[0];
      const listenerArg = node.arguments[1];
      const event = stringValue(eventArg);
      removals.push({
        call: node,
        emitterKey: bindingKey(object),
        all,
        event,
        dynamicEvent: !!eventArg && event === undefined,
        listenerKey: listenerArg ? listenerKey(listenerArg) : undefined,
        dynamicListener: !all && removalListenerIsDynamic(listenerArg, !!eventArg && event === undefined),
      });
    }
  };

  /**
   * A removal that does not name one listener: none given, an expression, `handlers[event]`, or `item.listener` with
   * `item.name` (a loop over kept subscriptions). It may remove any listener of its emitter.
   */
  const removalListenerIsDynamic = (listenerArg: TSESTree.Node | undefined, dynamicEvent: boolean): boolean => {
    if (!listenerArg) return true;
    const value = skipValueWrappers(listenerArg);
    if (isFn(value)) return false;
    if (listenerName(sourceCode, value) === undefined) return true;
    return value.type === AST_NODE_TYPES.MemberExpression && (value.computed || dynamicEvent);
  };


  const branch = (isTestExit: boolean) => (node: TSESTree.Node) => recordBranch(top(), node, isTestExit);

  return {
    onCodePathStart: (codePath: CodePath, node: TSESTree.Node) => {
      const frame = new Frame(codePath, node);
      frames.push(frame);
      frameOf.set(node, frame);
    },
    onCodePathEnd: guard((_codePath: CodePath, node: TSESTree.Node) => {
      frames.pop();
      if (node.type === AST_NODE_TYPES.Program && (registrations.length > 0 || executorTimers.length > 0)) analyse();
    }),
    onCodePathSegmentStart: (segment: Segment) => top()?.enter(segment),
    onUnreachableCodePathSegmentStart: (segment: Segment) => top()?.enter(segment),
    onCodePathSegmentEnd: (segment: Segment) => top()?.leave(segment),
    onUnreachableCodePathSegmentEnd: (segment: Segment) => top()?.leave(segment),
    ':function': (node: TSESTree.Node) => {
      frames[frames.length - 2]?.record(node, 'fn');
      top()?.record(node, 'start');
    },
    'CallExpression, NewExpression, AwaitExpression, YieldExpression': record('call'),
    'CallExpression:exit': guard(onCall),
    'NewExpression:exit': record('call-end'),
    'ChainExpression:exit': record('call-end'),
    'ForInStatement, ForOfStatement:exit': record('call-end'),
    'ReturnStatement:exit': record('return'),
    'ThrowStatement:exit': record('throw'),
    CatchClause: record('catch'),
    'IfStatement > *, ConditionalExpression > *, LogicalExpression > *': branch(false),
    'IfStatement > *, ConditionalExpression > *, LogicalExpression > *:exit': branch(true),
  } as unknown as TSESLint.RuleListener;
}

/** One listener that runs each of `listeners`' handlers in turn, for a rule that combines two analyses. */
export function mergeRuleListeners(...listeners: TSESLint.RuleListener[]): TSESLint.RuleListener {
  const merged: Record<string, (...args: unknown[]) => void> = {};
  for (const listener of listeners) {
    for (const [key, handler] of Object.entries(listener as Record<string, ((...args: unknown[]) => void) | undefined>)) {
      if (!handler) continue;
      const previous = merged[key];
      merged[key] = previous
        ? (...args: unknown[]) => {
            previous(...args);
            handler(...args);
          }
        : handler;
    }
  }
  return merged as TSESLint.RuleListener;
}
