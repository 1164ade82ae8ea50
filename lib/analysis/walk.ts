// Follows every code path from an acquisition to the exits of the resource's scope, looking for one without a release.
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { Frame, Position, Segment } from './code-paths.js';
import type { ExitKind, LeakExit } from './findings.js';
import { calledMethod, childNodes, contains } from './usage.js';

/** What a recorded node does to the tracked resource. */
export type Effect = 'release' | 'transfer' | 'overwrite' | 'borrow';

export interface WalkInput {
  frame: Frame;
  /** The acquisition's call or `new` node. */
  acquisition: TSESTree.Node;
  /** Where the walk starts: the acquisition's 'acquire' position, or the executor that acquires it ('fn'). */
  start: { node: TSESTree.Node; tag: 'acquire' | 'fn' | 'start' };
  /** A response: where its status is 204 or 304 it has no body to release. */
  bodyless?: boolean;
  /** Variables that hold the response's status (`const { statusCode, body } = …`), for 204/304 checks. */
  statusNames?: Set<string>;
  /** The response's body property (`body`): where it is null there is nothing to release. */
  bodyProperty?: string;
  /** An explicit `throw` hands the resource on (Express 5 routes it to the error handler). */
  throwHandsOff?: boolean;
  /** Returning a rejected promise (`return Promise.reject(err)`) hands it on too (Express 5 awaits what a handler returns). */
  rejectionHandsOff?: boolean;
  /** Effects keyed by the recorded node (identifier or nested function). */
  events: Map<TSESTree.Node, Effect>;
  /** Names of the variables that hold the resource, for null checks. */
  holders: Set<string>;
  /** The block whose end ends the resource's scope, when it is narrower than the function. */
  scopeBlock?: TSESTree.Node;
  /** Whether an assignment to a holder loses the resource (no other alias holds it). */
  overwriteLeaks: boolean;
  /** The resource is held by a collection: acquiring the next one in a loop does not lose it. */
  container?: boolean;
  /** The value a test always has (`!(options.Promise || Promise)` is always false), when it is known. */
  constantTest?: (test: TSESTree.Node) => boolean | undefined;
  /**
   * Whether an `await` can reject. Given, the walk also follows each rejection that a `catch` of the function takes
   * and goes on from: handling an error and going on is a normal outcome, so the resource must be released there too.
   */
  mayReject?: (node: Awaiting) => boolean;
  /** A call declared to return `never` (`fail(e)`): a path from a `catch` through it rethrows. */
  neverReturns?: (node: TSESTree.Node) => boolean;
}

/**
 * Properties that are true once a resource has been released (`socket.destroyed`, `stream.closed`), or handed to
 * a reader (`body.locked`: some reader holds the body's stream).
 */
const RELEASED_FLAGS = new Set(['destroyed', 'closed', 'killed', 'writableEnded', 'writableFinished', 'bodyUsed', 'readableEnded', 'locked']);

interface Pending {
  kind: 'return' | 'throw';
  node: TSESTree.Node;
}

/** `return Promise.reject(err)` (or `return await Promise.reject(err)`): the function's caller sees a throw. */
function returnsRejection(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.ReturnStatement || !node.argument) return false;
  const value = node.argument.type === AST_NODE_TYPES.AwaitExpression ? node.argument.argument : node.argument;
  return (
    value.type === AST_NODE_TYPES.CallExpression &&
    value.callee.type === AST_NODE_TYPES.MemberExpression &&
    value.callee.object.type === AST_NODE_TYPES.Identifier &&
    value.callee.object.name === 'Promise' &&
    calledMethod(value.callee.object) === 'reject'
  );
}

/** The recorded nodes that release the resource or hand it on. */
function handlingNodes(events: Map<TSESTree.Node, Effect>): TSESTree.Node[] {
  return [...events].filter(([, effect]) => effect === 'release' || effect === 'transfer').map(([node]) => node);
}

function exit(kind: ExitKind, node: TSESTree.Node, line = node.loc.start.line): LeakExit {
  return { kind, node, line };
}

/** Where code waits on a promise that may reject: an `await`, or a `for await` loop (each step awaits the iterator). */
export type Awaiting = TSESTree.AwaitExpression | TSESTree.ForOfStatement;

/** An `await` that rejects into a `catch`, and the clause that takes it. */
interface Rejection {
  node: Awaiting;
  handler: TSESTree.CatchClause;
}

function rejectedExit(rejection: Rejection): LeakExit {
  return { kind: 'rejected', node: rejection.node, line: rejection.node.loc.start.line, handler: rejection.handler };
}

/**
 * The `catch` of this function that takes a rejection of `node`, when the resource was acquired inside its `try`.
 * From before the `try`, code path analysis already enters the `catch`; a `try … finally` without a `catch` in between
 * rethrows, which is the exception tier's business.
 */
function catchingClause(node: TSESTree.Node, input: WalkInput): TSESTree.CatchClause | undefined {
  for (let child = node, p = node.parent; p && p !== input.frame.node; child = p, p = p.parent) {
    if (p.type !== AST_NODE_TYPES.TryStatement || child !== p.block) continue;
    return p.handler && contains(p.block, input.acquisition) ? p.handler : undefined;
  }
  return undefined;
}

/** Which branch of a null test proves the holder is absent: the branch where it is truthy, or falsy. */
function nullishBranch(test: TSESTree.Node, holders: Set<string>, input?: WalkInput): 'truthy' | 'falsy' | undefined {
  // `if (res.body && !res.body.locked)`: where the whole test decides, its left operand did not, so its right does.
  if (test.type === AST_NODE_TYPES.LogicalExpression && test.operator !== '??') return nullishBranch(test.right, holders, input);
  const bodyless = !!input?.bodyless;
  const isVariable = (n: TSESTree.Node): boolean => n.type === AST_NODE_TYPES.Identifier && holders.has(n.name);
  // `if (!res.body) return`: a response without a body stream has nothing to release.
  const isHolder = (m: TSESTree.Node): boolean => {
    const n = m.type === AST_NODE_TYPES.TSNonNullExpression ? m.expression : m;
    return isVariable(n) ||
    (!!input?.bodyProperty &&
      n.type === AST_NODE_TYPES.MemberExpression &&
      !n.computed &&
      n.property.type === AST_NODE_TYPES.Identifier &&
      n.property.name === input.bodyProperty &&
      isVariable(n.object));
  };
  // `if (!socket.destroyed) socket.destroy()`: where the resource says it is already released, it counts as gone.
  const isReleasedFlag = (m: TSESTree.Node): boolean => {
    // `res.body?.locked`: true only where the body exists and is locked.
    const n = m.type === AST_NODE_TYPES.ChainExpression ? m.expression : m;
    return n.type === AST_NODE_TYPES.MemberExpression &&
    !n.computed &&
    n.property.type === AST_NODE_TYPES.Identifier &&
    RELEASED_FLAGS.has(n.property.name) &&
    isHolder(n.object);
  };
  if (isReleasedFlag(test)) return 'truthy';
  if (bodyless) {
    const status = bodylessStatus(test, isVariable, input?.statusNames);
    if (status) return status;
  }
  if (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!' && isReleasedFlag(test.argument)) return 'falsy';
  const isNullish = (n: TSESTree.Node): boolean =>
    (n.type === AST_NODE_TYPES.Literal && n.value === null) || (n.type === AST_NODE_TYPES.Identifier && n.name === 'undefined');
  if (isHolder(test)) return 'falsy';
  if (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!' && isHolder(test.argument)) return 'truthy';
  if (test.type === AST_NODE_TYPES.BinaryExpression && ['==', '===', '!=', '!=='].includes(test.operator)) {
    const matches = (isHolder(test.left) && isNullish(test.right)) || (isHolder(test.right) && isNullish(test.left));
    if (matches) return test.operator.startsWith('=') ? 'truthy' : 'falsy';
  }
  // `let fd = -1; … if (fd !== -1) closeSync(fd)`: a negative descriptor is none.
  if (test.type === AST_NODE_TYPES.BinaryExpression && test.left.type !== AST_NODE_TYPES.PrivateIdentifier && isHolder(test.left)) {
    const value = numericLiteral(test.right);
    if (value === -1 && (test.operator === '===' || test.operator === '==' || test.operator === '<=')) return 'truthy';
    if (value === -1 && (test.operator === '!==' || test.operator === '!=' || test.operator === '>')) return 'falsy';
    if (value === 0 && test.operator === '<') return 'truthy';
    if (value === 0 && test.operator === '>=') return 'falsy';
  }
  return undefined;
}

/** `-1`, `0`: a number literal's value. */
function numericLiteral(node: TSESTree.Node): number | undefined {
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'number') return node.value;
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '-' && node.argument.type === AST_NODE_TYPES.Literal && typeof node.argument.value === 'number') {
    return -node.argument.value;
  }
  return undefined;
}

/** `res.status === 204`, `res.statusCode === 304 || …`: which branch of the test has no response body. */
function bodylessStatus(
  test: TSESTree.Node,
  isHolder: (n: TSESTree.Node) => boolean,
  statusNames: Set<string> | undefined,
): 'truthy' | 'falsy' | undefined {
  if (test.type === AST_NODE_TYPES.LogicalExpression && test.operator === '||') {
    const left = bodylessStatus(test.left, isHolder, statusNames);
    return left === 'truthy' && bodylessStatus(test.right, isHolder, statusNames) === 'truthy' ? 'truthy' : undefined;
  }
  // `res.upgrade`: the connection went to the 'upgrade' event, and `!res.statusCode`: no response was parsed;
  // neither has a body to consume.
  const isFlag = (n: TSESTree.Node, name: string): boolean =>
    n.type === AST_NODE_TYPES.MemberExpression && !n.computed && n.property.type === AST_NODE_TYPES.Identifier && n.property.name === name && isHolder(n.object);
  const isStatusCode = (n: TSESTree.Node): boolean => isFlag(n, 'statusCode') || (n.type === AST_NODE_TYPES.Identifier && !!statusNames?.has(n.name) && n.name === 'statusCode');
  const negated = test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!' ? test.argument : undefined;
  if (isFlag(test, 'upgrade')) return 'truthy';
  if (negated && isFlag(negated, 'upgrade')) return 'falsy';
  if (negated && isStatusCode(negated)) return 'truthy';
  if (test.type !== AST_NODE_TYPES.BinaryExpression || !['==', '===', '!=', '!=='].includes(test.operator)) return undefined;
  const isStatus = (n: TSESTree.Node): boolean =>
    (n.type === AST_NODE_TYPES.Identifier && !!statusNames?.has(n.name)) ||
    (n.type === AST_NODE_TYPES.MemberExpression &&
    !n.computed &&
    n.property.type === AST_NODE_TYPES.Identifier &&
    (n.property.name === 'status' || n.property.name === 'statusCode') &&
    isHolder(n.object));
  const isNoBodyCode = (n: TSESTree.Node): boolean => n.type === AST_NODE_TYPES.Literal && (n.value === 204 || n.value === 304);
  const matches = (isStatus(test.left) && isNoBodyCode(test.right)) || (isStatus(test.right) && isNoBodyCode(test.left));
  if (!matches) return undefined;
  return test.operator.startsWith('=') ? 'truthy' : 'falsy';
}

/** Whether `next` is the branch in which the holder is known to be null or undefined. */
function entersNullishBranch(frame: Frame, last: Position | undefined, next: Segment, input: WalkInput): boolean {
  if (!last || last.tag !== 'test') return false;
  // The branch that proves the holder absent, or the branch a constant test never takes.
  const which = nullishBranch(last.node, input.holders, input) ?? neverTaken(last.node, input);
  return !!which && entersBranch(frame, last.node, next, which);
}

/** The branch of a test that never runs because the test is constant (`if (!(options.Promise || Promise))`). */
function neverTaken(test: TSESTree.Node, input: WalkInput): 'truthy' | 'falsy' | undefined {
  const constant = input.constantTest?.(test);
  return constant === undefined ? undefined : constant ? 'falsy' : 'truthy';
}

/** Whether the segment `next`, right after the test, starts the test's `which` branch. */
function entersBranch(frame: Frame, test: TSESTree.Node, next: Segment, which: 'truthy' | 'falsy'): boolean {
  const owner = test.parent;
  if (!owner) return false;
  const first = frame.positions.get(next)?.[0];
  const startsWith = (node: TSESTree.Node | null | undefined): boolean =>
    !!node && first?.tag === 'branch' && first.node === node;
  let branch: 'truthy' | 'falsy';
  if (owner.type === AST_NODE_TYPES.IfStatement || owner.type === AST_NODE_TYPES.ConditionalExpression) {
    if (startsWith(owner.consequent)) branch = 'truthy';
    else if (startsWith(owner.alternate) || owner.type === AST_NODE_TYPES.IfStatement) branch = 'falsy';
    else return false;
  } else if (owner.type === AST_NODE_TYPES.LogicalExpression && owner.operator !== '??') {
    const right = startsWith(owner.right);
    branch = (owner.operator === '&&') === right ? 'truthy' : 'falsy';
  } else {
    return false;
  }
  return branch === which;
}

function jumpTarget(jump: TSESTree.BreakStatement | TSESTree.ContinueStatement): TSESTree.Node | undefined {
  for (let p: TSESTree.Node | undefined = jump.parent; p; p = p.parent) {
    if (jump.label) {
      if (p.type === AST_NODE_TYPES.LabeledStatement && p.label.name === jump.label.name) return p.body;
      continue;
    }
    switch (p.type) {
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
        return p;
      case AST_NODE_TYPES.SwitchStatement:
        if (jump.type === AST_NODE_TYPES.BreakStatement) return p;
        break;
      default:
        if (p.type.includes('Function')) return undefined;
    }
  }
  return undefined;
}

/**
 * `try { … break; } finally { socket.destroy(); }`: a jump out of a `try` (or its `catch`) runs the `finally` first.
 * Counts a release that is a statement of the `finally` block itself, which runs whichever way the block is left.
 */
function releasedByFinally(jump: TSESTree.Node, target: TSESTree.Node, events: Map<TSESTree.Node, Effect>): boolean {
  for (let p = jump.parent, child: TSESTree.Node = jump; p && p !== target; child = p, p = p.parent) {
    if (p.type !== AST_NODE_TYPES.TryStatement || !p.finalizer || child === p.finalizer) continue;
    const finalizer = p.finalizer;
    const released = [...events].some(
      ([node, effect]) =>
        (effect === 'release' || effect === 'transfer') &&
        finalizer.body.some((statement) => statement.type === AST_NODE_TYPES.ExpressionStatement && contains(statement, node)),
    );
    if (released) return true;
  }
  return false;
}

/** The first leaking path found, or undefined when every path releases or hands off the resource. */
export function findLeak(input: WalkInput): LeakExit | undefined {
  return walkLeaks(input, true)[0];
}

/** Every distinct way out that leaks (one per exit statement), for rules that report at the exit. */
export function findLeaks(input: WalkInput): LeakExit[] {
  const leaks = walkLeaks(input, false);
  const seen = new Set<TSESTree.Node>();
  return leaks.filter((leak) => !seen.has(leak.node) && !!seen.add(leak.node));
}

/**
 * `try { return res; } finally { if (bad) throw … }`: a resource handed on by a `return` inside a `try` (or its
 * `catch`) reaches the caller only once the `finally` completes; a `throw` there replaces the return value, and the
 * resource is dropped. The innermost such `finally` that holds a `throw` leaving it, if `node` is (in) the value the
 * `return` gives back — not a hand-off on the way (`return void map.set(k, res)`).
 */
function finallyAfterReturn(node: TSESTree.Node): TSESTree.BlockStatement | undefined {
  let value = node;
  for (let p = value.parent; p; value = p, p = p.parent) {
    const inValue =
      p.type === AST_NODE_TYPES.TSAsExpression ||
      p.type === AST_NODE_TYPES.TSNonNullExpression ||
      p.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      p.type === AST_NODE_TYPES.AwaitExpression ||
      p.type === AST_NODE_TYPES.ObjectExpression ||
      p.type === AST_NODE_TYPES.ArrayExpression ||
      (p.type === AST_NODE_TYPES.Property && p.value === value) ||
      (p.type === AST_NODE_TYPES.ConditionalExpression && p.test !== value) ||
      p.type === AST_NODE_TYPES.LogicalExpression;
    if (inValue) continue;
    if (p.type !== AST_NODE_TYPES.ReturnStatement) return undefined;
    break;
  }
  for (let child = value, p = value.parent; p; child = p, p = p.parent) {
    if (p.type.includes('Function')) return undefined;
    if (p.type !== AST_NODE_TYPES.TryStatement || !p.finalizer || child === p.finalizer) continue;
    if (throwsOutOf(p.finalizer, p)) return p.finalizer;
  }
  return undefined;
}

/**
 * Whether a throw statement leaves `block`: not one caught by a `try … catch` inside it, nor a rethrow of an error the
 * `catch` of `owner` saved (`catch (e) { error = e } finally { if (error) throw error }`: there is none after a return).
 */
function escapes(statement: TSESTree.ThrowStatement, block: TSESTree.Node, owner: TSESTree.TryStatement): boolean {
  for (let child: TSESTree.Node = statement, p: TSESTree.Node | undefined = statement.parent; p && child !== block; child = p, p = p.parent) {
    if (p.type === AST_NODE_TYPES.TryStatement && p.handler && child === p.block) return false;
  }
  const thrown = statement.argument;
  if (thrown.type === AST_NODE_TYPES.Identifier && owner.handler) {
    const handler = owner.handler;
    const writes = writesOf(owner, thrown.name);
    if (writes.length > 0 && writes.every((w) => contains(handler, w))) return false;
  }
  return true;
}

/** Assignments to a variable named `name` inside `scope` (`name = …`). */
function writesOf(scope: TSESTree.Node, name: string): TSESTree.Node[] {
  const found: TSESTree.Node[] = [];
  const visit = (node: TSESTree.Node): void => {
    if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.Identifier && node.left.name === name) found.push(node);
    for (const child of childNodes(node)) visit(child);
  };
  visit(scope);
  return found;
}

/** Whether a `finally` block holds a `throw` of its own that leaves it (see `escapes`). */
function throwsOutOf(block: TSESTree.BlockStatement, owner: TSESTree.TryStatement): boolean {
  let found = false;
  const visit = (node: TSESTree.Node): void => {
    if (found || node.type.includes('Function') || node.type === AST_NODE_TYPES.ClassBody) return;
    if (node.type === AST_NODE_TYPES.ThrowStatement && escapes(node, block, owner)) {
      found = true;
      return;
    }
    for (const child of childNodes(node)) visit(child);
  };
  visit(block);
  return found;
}

function walkLeaks(input: WalkInput, firstOnly: boolean): LeakExit[] {
  const found: LeakExit[] = [];
  const { frame, events, scopeBlock, start } = input;
  // `threw`: the path has passed something that can throw since the resource was acquired. Code path analysis
  // enters a `catch` from the end of its `try`; without such a point on the way, whatever exception reached the
  // catch was thrown before the resource existed (or by its acquisition), so that path holds nothing.
  // `rejected`: the path took a rejection into a `catch`; any way it then leaks is named by that rejection.
  // `returnedIn`: the path handed it on by a `return` whose `finally` may still throw it away.
  type State = {
    segment: Segment;
    index: number;
    pending?: Pending;
    after?: TSESTree.Node;
    threw: boolean;
    rejected?: Rejection;
    returnedIn?: TSESTree.BlockStatement;
  };
  const stack: State[] = frame.find(start.node, start.tag).map(({ segment, index }) => ({ segment, index: index + 1, threw: false }));
  const withAfter = (leak: LeakExit, after: TSESTree.Node | undefined): LeakExit => (after ? { ...leak, after } : leak);
  const handling = handlingNodes(events);
  const visited = new Set<string>();
  const rejectionKey = (rejection: Rejection | undefined): string => (rejection ? `|r${rejection.node.range[0]}` : '');
  /**
   * A rejection of `node` that a `catch` takes: the walk goes on from the `catch` (where a holder declared in the
   * `try` is out of scope: nothing there can release it).
   */
  const reject = (node: Awaiting): void => {
    const handler = catchingClause(node, input);
    // `await res.text()`, `await close(sock)`: what the awaited call does to the resource happens first (for a loop,
    // what its iterable does; its body runs after the step that rejects).
    const awaited = node.type === AST_NODE_TYPES.ForOfStatement ? node.right : node;
    if (!handler || !input.mayReject!(node) || handling.some((n) => contains(awaited, n))) return;
    const rejection = { node, handler };
    for (const { segment, index } of frame.find(handler, 'catch')) {
      const key = `${segment.id}|${index}${rejectionKey(rejection)}`;
      if (visited.has(key)) continue;
      visited.add(key);
      stack.push({ segment, index: index + 1, threw: true, rejected: rejection });
    }
  };
  while (stack.length > 0) {
    const state = stack.pop()!;
    let { pending, threw, returnedIn } = state;
    const { after, rejected } = state;
    const positions = frame.positions.get(state.segment) ?? [];
    let ended = false;
    let leak: LeakExit | undefined;
    for (let i = state.index; i < positions.length && !ended && !leak; i++) {
      const { node, tag } = positions[i];
      switch (tag) {
        case 'id':
        case 'call-end':
        case 'fn': {
          if (tag === 'fn' && node === start.node && start.tag === 'fn') {
            leak = exit('next-iteration', node);
            break;
          }
          const effect = events.get(node);
          if (effect === 'transfer' && !returnedIn && (returnedIn = finallyAfterReturn(node))) break;
          if (effect === 'release' || effect === 'transfer') ended = true;
          else if (effect === 'overwrite' && input.overwriteLeaks) leak = exit('overwrite', node);
          break;
        }
        case 'acquire':
          if (node === start.node && start.tag === 'acquire' && !input.container) leak = exit('next-iteration', node);
          break;
        case 'return':
          // `return Promise.reject(err)` is a throw to the caller (the router's error handler, for a response; the
          // exception tier's business, after a rejection a `catch` took).
          pending = { kind: (input.rejectionHandsOff || rejected) && returnsRejection(node) ? 'throw' : 'return', node };
          break;
        case 'call':
          threw = true;
          if (rejected && input.neverReturns?.(node)) ended = true;
          if (input.mayReject && !rejected && (node.type === AST_NODE_TYPES.AwaitExpression || (node.type === AST_NODE_TYPES.ForOfStatement && node.await))) {
            reject(node);
          }
          break;
        case 'throw':
          if (returnedIn && contains(returnedIn, node)) {
            if (escapes(node as TSESTree.ThrowStatement, returnedIn, returnedIn.parent as TSESTree.TryStatement)) leak = exit('throw', node);
            break;
          }
          pending = { kind: 'throw', node };
          threw = true;
          break;
        case 'catch':
          if (pending?.kind === 'throw') pending = undefined;
          else if (!threw) ended = true;
          break;
        case 'break':
        case 'continue': {
          if (!scopeBlock) break;
          const target = jumpTarget(node as TSESTree.BreakStatement | TSESTree.ContinueStatement);
          if (target && contains(target, scopeBlock)) {
            if (releasedByFinally(node, target, events)) ended = true;
            else leak = exit(tag, node);
          }
          break;
        }
        case 'end-process':
          ended = true;
          break;
        case 'scope-exit':
          if (node === scopeBlock) leak = exit('block-end', node, node.loc.end.line);
          break;
        default:
          break;
      }
    }
    if (leak) {
      found.push(rejected ? rejectedExit(rejected) : leak);
      if (firstOnly) return found;
      continue;
    }
    if (ended) continue;
    const next = state.segment.nextSegments.filter((s) => s.reachable);
    // The path left the function through the `finally` without throwing: the return handed the resource on.
    if (returnedIn && next.length === 0) continue;
    if (next.length === 0) {
      // Leaving by an exception nobody threw explicitly (through a `finally`) is the exception tier's business.
      if (!pending && frame.codePath.thrownSegments.includes(state.segment)) continue;
      // So is a `catch` that rethrows what it took.
      if (pending?.kind === 'throw' && (input.throwHandsOff || rejected)) continue;
      if (rejected) found.push(rejectedExit(rejected));
      else found.push(withAfter(pending ? exit(pending.kind, pending.node) : exit('end', frame.node, frame.node.loc.end.line), after));
      if (firstOnly) return found;
      continue;
    }
    const last = positions[positions.length - 1];
    for (let k = next.length - 1; k >= 0; k--) {
      const segment = next[k];
      if (entersNullishBranch(frame, last, segment, input)) continue;
      const key = `${segment.id}|${pending ? pending.node.range[0] : ''}|${threw ? 1 : 0}${rejectionKey(rejected)}${returnedIn ? `|f${returnedIn.range[0]}` : ''}`;
      if (visited.has(key)) continue;
      visited.add(key);
      // `a ?? b` picks a value; it is not a decision worth naming on the path.
      const decides = last?.tag === 'test' && !(last.node.parent?.type === AST_NODE_TYPES.LogicalExpression && last.node.parent.operator === '??');
      const test = decides && next.length > 1 ? last.node : after;
      stack.push({ segment, index: 0, pending, after: test, threw, rejected, returnedIn });
    }
  }
  return found;
}

/**
 * Whether a path from the acquisition reaches the exit statement `exit` after the resource was released or handed
 * on (so a release inserted before that exit could run twice), without the acquisition running again first. `handles`
 * picks other recorded nodes instead (where the resource was passed to other code).
 */
export function exitReachedAfterHandling(
  input: WalkInput,
  exit: TSESTree.Node,
  handles: (node: TSESTree.Node) => boolean = (node) => {
    const effect = input.events.get(node);
    return effect === 'release' || effect === 'transfer';
  },
): boolean {
  const { frame, start } = input;
  type State = { segment: Segment; index: number; handled: boolean };
  const stack: State[] = frame.find(start.node, start.tag).map(({ segment, index }) => ({ segment, index: index + 1, handled: false }));
  const visited = new Set<string>();
  while (stack.length > 0) {
    const state = stack.pop()!;
    let { handled } = state;
    let stopped = false;
    const positions = frame.positions.get(state.segment) ?? [];
    for (let i = state.index; i < positions.length && !stopped; i++) {
      const { node, tag } = positions[i];
      if (node === exit && (tag === 'return' || tag === 'throw' || tag === 'break' || tag === 'continue')) {
        if (handled) return true;
        stopped = true;
      } else if ((tag === 'acquire' && node === start.node) || tag === 'end-process') {
        stopped = true;
      } else if ((tag === 'id' || tag === 'call-end' || tag === 'fn') && handles(node)) {
        handled = true;
      }
    }
    if (stopped) continue;
    for (const segment of state.segment.nextSegments) {
      if (!segment.reachable) continue;
      const key = `${segment.id}|${handled}`;
      if (visited.has(key)) continue;
      visited.add(key);
      stack.push({ segment, index: 0, handled });
    }
  }
  return false;
}

/**
 * Calls and `await`s that run after the acquisition and before the resource is released on some path, and are
 * not protected by a `try` whose `finally` or `catch` releases it. The first one, in source order.
 */
export function findUnprotectedThrow(
  input: WalkInput,
  isIgnoredCall: (node: TSESTree.Node) => boolean,
  lazy = false,
  opensWith?: readonly string[],
): TSESTree.Node | undefined {
  const { frame, events, start } = input;
  const releaseNodes = [...events].filter(([, effect]) => effect === 'release').map(([node]) => node);
  const effectNodes = handlingNodes(events);
  const protectedByTry = (call: TSESTree.Node): boolean => {
    for (let p: TSESTree.Node | undefined = call.parent; p && p !== frame.node; p = p.parent) {
      // A throw in the `catch` of a `try … finally` still runs the `finally`.
      if (
        p.type === AST_NODE_TYPES.TryStatement &&
        p.handler &&
        contains(p.handler, call) &&
        p.finalizer &&
        releaseNodes.some((r) => contains(p.finalizer!, r))
      ) {
        return true;
      }
      if (p.type === AST_NODE_TYPES.TryStatement && contains(p.block, call)) {
        // A `catch` takes the exception: when the resource was acquired before the `try`, the normal-path walk
        // follows the catch block (code path analysis has an edge into it from the start of the `try`), so whether it
        // leaks from there is already judged there. Acquired inside the `try`, no such edge carries it: the catch
        // protects it only by releasing it.
        if (p.handler && (!contains(p.block, input.acquisition) || releaseNodes.some((r) => contains(p.handler!, r)))) return true;
        if (p.finalizer && releaseNodes.some((r) => contains(p.finalizer!, r))) return true;
      }
    }
    return false;
  };
  /** `server.listen(…)`: the holder is the object of a call to one of the methods that open the resource. */
  const opens = (id: TSESTree.Node): boolean => !!opensWith?.includes(calledMethod(id) ?? '');
  const candidates: TSESTree.Node[] = [];
  // A lazy resource (an agent or pool that connects on first use) holds nothing until the code first uses it.
  // `threw`, as in the leak walk: a `catch` reached without anything that can throw since the acquisition holds
  // nothing.
  type State = { segment: Segment; index: number; used: boolean; threw: boolean };
  const stack: State[] = frame
    .find(start.node, start.tag)
    .map(({ segment, index }) => ({ segment, index: index + 1, used: !lazy, threw: false }));
  const visited = new Set<string>();
  while (stack.length > 0) {
    let { segment, index, used, threw } = stack.pop()!;
    const positions = frame.positions.get(segment) ?? [];
    let ended = false;
    for (let i = index; i < positions.length && !ended; i++) {
      const { node, tag } = positions[i];
      if (tag === 'call' || tag === 'throw') threw = true;
      if (tag === start.tag && node === start.node) ended = true;
      else if ((tag === 'catch' && !threw) || tag === 'end-process') ended = true;
      else if ((tag === 'id' || tag === 'fn' || tag === 'call-end') && (events.get(node) === 'release' || events.get(node) === 'transfer')) {
        ended = true;
      } else if (tag === 'id' && events.has(node) && (!opensWith || opens(node))) used = true; // a closure made is no use yet
      else if (
        tag === 'call' &&
        // The first use of a lazy resource is the call that opens its connection: it counts.
        (used || [...events.keys()].some((n) => contains(node, n) && (!opensWith || opens(n)))) &&
        !effectNodes.some((n) => contains(node, n)) &&
        !isIgnoredCall(node) &&
        !protectedByTry(node)
      ) {
        candidates.push(node);
      }
    }
    if (ended) continue;
    const last = positions[positions.length - 1];
    for (const next of segment.nextSegments) {
      const key = `${next.id}|${used}|${threw}`;
      if (!next.reachable || visited.has(key)) continue;
      const never = last?.tag === 'test' ? neverTaken(last.node, input) : undefined;
      if (never && entersBranch(frame, last.node, next, never)) continue;
      visited.add(key);
      stack.push({ segment: next, index: 0, used, threw });
    }
  }
  candidates.sort((a, b) => a.range[0] - b.range[0]);
  return candidates[0];
}
