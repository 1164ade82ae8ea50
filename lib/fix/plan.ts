// Plans the edits that fix a leaking local resource: `using` / `await using`, `try { … } finally { release }` over the
// rest of its block, or a release before each leaking exit. Decides which one is a fix (applied by `--fix`) and which
// are only suggestions, and withholds edits that would change what the program does beyond releasing the resource.
import { ASTUtils, AST_NODE_TYPES, AST_TOKEN_TYPES, ESLintUtils, type ParserServicesWithTypeInformation, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isThenableType } from 'ts-api-utils';
import ts from 'typescript';
import type { Catalog } from '../catalog/catalog.js';
import { DISPOSABLE_KIND, END_EVENTS, LISTENER_METHODS } from '../catalog/resources.js';
import { indentableLineStarts, indentUnit, levelBetween } from './text.js';
import type { Finding, Held, LeakExit } from '../analysis/findings.js';
import {
  childNodes,
  contains,
  enclosingFunction,
  isFunctionNode,
  isLoop,
  lineIndent,
  propertyName,
  skipValueWrappers,
} from '../analysis/usage.js';
import { releaseStatement } from './release.js';
import { type ProjectUsingSupport, projectUsingSupport, runtimeDisposal, targetNodeVersion } from './using-support.js';

export type FixStyle = 'auto' | 'using' | 'try-finally';

export const FIX_MESSAGES = {
  suggestUsing: 'Declare `{{name}}` with `{{keyword}}`, so that it is disposed of when its block ends.',
  suggestFinally: 'Wrap the rest of the block in `try`, and call `{{release}}` in `finally`.',
  suggestRelease: 'Call `{{release}}` before {{exits}}.',
} as const;
export type FixMessageId = keyof typeof FIX_MESSAGES;

export interface FixEnvironment {
  sourceCode: Readonly<TSESLint.SourceCode>;
  services: ParserServicesWithTypeInformation;
  catalog: Catalog;
  style: FixStyle;
  /** The oldest Node.js version the code runs on (for disposal methods that exist only from some version on). */
  nodeVersion: string;
  using: ProjectUsingSupport;
  /**
   * Whether wrapping the rest of the block is a possible edit. Response bodies are only released at the leaking
   * exits: a `finally` would cancel bodies that were already read (a locked stream throws).
   */
  wrap: boolean;
}

export interface Suggestion {
  messageId: FixMessageId;
  data: Record<string, string>;
  fix: TSESLint.ReportFixFunction;
}

export interface FixPlan {
  fix?: TSESLint.ReportFixFunction;
  suggest: Suggestion[];
}

interface Edit {
  fix: TSESLint.ReportFixFunction;
  /** Provably keeps behaviour except for the release: may be applied by `--fix`. */
  safe: boolean;
  suggestion: Suggestion;
}

/** `DisposableStack` methods whose callbacks run when the stack is disposed. */
const DISPOSAL_CALLBACKS = new Set(['defer', 'adopt', 'use']);

/** Exits a `finally` at the end of the block covers (not a loop's next iteration, an overwrite or an endless loop). */
const WRAPPABLE_EXITS = new Set(['return', 'end', 'throw', 'break', 'continue', 'block-end']);

/** The part of the block after the resource's declaration, which `using` and try/finally edits cover. */
interface Scope {
  statement: TSESTree.VariableDeclaration;
  acquires: boolean;
  block: TSESTree.BlockStatement;
  rest: TSESTree.Statement[];
  /** Release statements already there, which the edit removes so nothing is released twice. */
  removals: TSESTree.Statement[];
  /** Returns of promises that must be awaited before the release. */
  promiseReturns: TSESTree.ReturnStatement[];
  /** The edit keeps behaviour except for the release (otherwise it can only be a suggestion). */
  safe: boolean;
}

type FunctionLike = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

type Range = TSESTree.Range;

/** Visits `node` and its descendants, not entering nested functions; stops when `visit` returns true. */
function some(node: TSESTree.Node, visit: (n: TSESTree.Node) => boolean): boolean {
  if (visit(node)) return true;
  return childNodes(node).some((child) => !isFunctionNode(child) && some(child, visit));
}


/** Expressions `await x` can be put in front of without changing what is awaited. */
const AWAITABLE_AS_IS = new Set<string>([
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.NewExpression,
  AST_NODE_TYPES.MemberExpression,
  AST_NODE_TYPES.Identifier,
  AST_NODE_TYPES.Literal,
  AST_NODE_TYPES.TemplateLiteral,
  AST_NODE_TYPES.ChainExpression,
  AST_NODE_TYPES.ArrayExpression,
  AST_NODE_TYPES.ObjectExpression,
]);

/** Objects that are data, not views on an open resource (a Buffer read from a file handle is a copy). */
const PLAIN_OBJECTS = new Set(['Buffer', 'Uint8Array', 'ArrayBuffer', 'DataView', 'Date', 'RegExp', 'URL']);

const CALLS = new Set<string>([AST_NODE_TYPES.CallExpression, AST_NODE_TYPES.NewExpression, AST_NODE_TYPES.AwaitExpression]);

/**
 * `await client.close();` and `await client?.close();` are the same release; `socket.end('ping')` is not
 * `socket.end()`, and `void client.close()` (not waited for) is not `await client.close()`.
 */
function sameRelease(existing: string, planned: string): boolean {
  const normalize = (text: string): string =>
    text
      .replace(/\s+/g, '')
      .replace(/;$/, '')
      .replace(/\?\./g, '.');
  return normalize(existing) === normalize(planned);
}

function* ancestors(node: TSESTree.Node, stop: TSESTree.Node): Generator<TSESTree.Node> {
  for (let p = node.parent; p && p !== stop; p = p.parent) yield p;
}


/** What a rule asks of its fixes: the edit it prefers, the oldest Node.js version, whether it may wrap the block. */
export interface FixRequest {
  style: FixStyle;
  nodeVersion?: string;
  wrap: boolean;
}

/**
 * A planner for one rule in one file: edits for its findings, or none where no edit is safe. The project's `using`
 * support and Node.js version are looked up only when a finding asks for an edit; a failure to plan costs the edit,
 * never the report.
 */
export function fixPlanner(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  catalog: Catalog,
  request: FixRequest,
): (finding: Finding) => FixPlan | undefined {
  let env: FixEnvironment | undefined;
  return (finding) => {
    try {
      if (!env) {
        const services = ESLintUtils.getParserServices(context);
        env = {
          sourceCode: context.sourceCode,
          services,
          catalog,
          style: request.style,
          nodeVersion: targetNodeVersion(context.filename, request.nodeVersion),
          using: projectUsingSupport(services.program, context.filename),
          wrap: request.wrap,
        };
      }
      return planFixes(finding, env);
    } catch (error) {
      // A finding without an edit is better than no finding.
      if (process.env.LEAKS_DEBUG) throw error;
      return undefined;
    }
  };
}

export function planFixes(finding: Finding, env: FixEnvironment): FixPlan | undefined {
  if ((finding.type !== 'leak' && finding.type !== 'exception') || !finding.held) return undefined;
  const held = finding.held;
  const fn = held.frameNode;
  if (!isFunctionNode(fn) || fn.type === AST_NODE_TYPES.StaticBlock) return undefined;
  const planner = new Planner(finding, held, fn, env);
  return planner.plan();
}

class Planner {
  private readonly sourceCode: Readonly<TSESLint.SourceCode>;
  private readonly checker: ts.TypeChecker;
  private readonly handling: TSESTree.Node[];
  private readonly references: TSESTree.Identifier[];

  constructor(
    private readonly finding: Extract<Finding, { type: 'leak' | 'exception' }>,
    private readonly held: Held,
    private readonly fn: FunctionLike,
    private readonly env: FixEnvironment,
  ) {
    this.sourceCode = env.sourceCode;
    this.checker = env.services.program.getTypeChecker();
    this.handling = [...held.events].filter(([, effect]) => effect === 'release' || effect === 'transfer').map(([node]) => node);
    this.references = held.holders.flatMap((h) => h.references.map((r) => r.identifier as TSESTree.Identifier));
  }

  plan(): FixPlan | undefined {
    const { style } = this.env;
    const effects = [...this.held.events.values()];
    if (effects.includes('overwrite') || this.held.kind.noFix) return undefined;
    const atExits = this.finding.type === 'leak' ? this.releaseAtExits() : undefined;
    const scope = this.env.wrap ? this.scope() : undefined;
    const using = scope && style !== 'try-finally' ? this.declareWithUsing(scope) : undefined;
    const wrap = scope && this.wrapInTry(scope);
    // Code that already releases or hands it on elsewhere only forgot some exits: releasing there is the smaller edit.
    const ordered =
      this.handling.length > 0 ? [atExits, using, wrap] : style === 'try-finally' ? [wrap, using, atExits] : [using, wrap, atExits];
    const edits = ordered.filter((e): e is Edit => !!e);
    const primary = edits[0];
    if (!primary) return undefined;
    if (primary.safe) return { fix: primary.fix, suggest: [] };
    return { suggest: edits.map((e) => e.suggestion) };
  }

  // ── shared facts ──────────────────────────────────────────────────────────────────────────────────────────────

  /** A repeating timer (an interval, a timers/promises interval iterator). */
  private get isInterval(): boolean {
    return this.held.kind.category === 'timer' && !this.held.kind.oneShot;
  }

  /**
   * Local variables holding values computed from the resource (`const res = await client.request(…)`,
   * `const stream = handle.createReadStream()`, `const { body } = res`) that are not plain data: they may need the
   * resource open for as long as they are used.
   */
  private get derived(): TSESLint.Scope.Variable[] {
    if (this.derivedCache) return this.derivedCache;
    const found: TSESLint.Scope.Variable[] = [];
    const queue = [...this.references];
    while (queue.length > 0) {
      const id = queue.shift()!;
      let value: TSESTree.Node = id;
      // Given to a call, directly or in an options object: `fetch(url, { dispatcher: agent })`.
      const property = value.parent?.type === AST_NODE_TYPES.Property && value.parent.value === value ? value.parent : undefined;
      const argument = property?.parent?.type === AST_NODE_TYPES.ObjectExpression ? property.parent : value;
      const call = argument.parent;
      if ((call?.type === AST_NODE_TYPES.CallExpression || call?.type === AST_NODE_TYPES.NewExpression) && call.arguments.includes(argument as TSESTree.CallExpressionArgument)) {
        value = call;
      }
      while (
        value.parent &&
        (value.parent.type === AST_NODE_TYPES.MemberExpression ||
          value.parent.type === AST_NODE_TYPES.AwaitExpression ||
          value.parent.type === AST_NODE_TYPES.TSAsExpression ||
          value.parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
          value.parent.type === AST_NODE_TYPES.ChainExpression ||
          value.parent.type === AST_NODE_TYPES.TSNonNullExpression ||
          (value.parent.type === AST_NODE_TYPES.CallExpression && value.parent.callee === value))
      ) {
        value = value.parent;
      }
      const declarator = value.parent;
      if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== value) continue;
      for (const variable of this.sourceCode.getDeclaredVariables(declarator)) {
        if (found.includes(variable) || this.held.holders.includes(variable)) continue;
        const name = variable.defs[0]?.name;
        if (!name) continue;
        const type = this.checker.getTypeAtLocation(this.env.services.esTreeNodeToTSNodeMap.get(name));
        if (this.isPlainData(type)) continue;
        found.push(variable);
        queue.push(...variable.references.map((r) => r.identifier as TSESTree.Identifier).filter((r) => r !== name));
      }
    }
    return (this.derivedCache = found);
  }

  private derivedCache: TSESLint.Scope.Variable[] | undefined;

  /** `return body`, where `body` came from the resource: what the exit hands out still needs it. */
  private derivedIn(node: TSESTree.Node): boolean {
    return this.derived.some((v) => v.references.some((r) => r.isRead() && contains(node, r.identifier)));
  }

  /**
   * A value computed from the resource leaves the block (returned, yielded, stored in a property or an outer
   * variable) or is handed to a call that is not awaited (`handle.createReadStream().pipe(res)`).
   */
  private derivedEscapes(statement: TSESTree.Node): boolean {
    const uses = [
      ...this.derived.flatMap((v) => v.references.filter((r) => r.isRead()).map((r) => r.identifier)),
      // Values computed inline: `handle.createReadStream()` used right away.
      ...this.references.flatMap((id) => {
        const member = id.parent;
        const call = member?.type === AST_NODE_TYPES.MemberExpression && member.object === id ? member.parent : undefined;
        return call?.type === AST_NODE_TYPES.CallExpression && call.callee === member ? [call] : [];
      }),
    ].filter((n) => contains(statement, n));
    return uses.some((use) => {
      if (use.type !== AST_NODE_TYPES.Identifier && use.type !== AST_NODE_TYPES.CallExpression) return false;
      if (use.type === AST_NODE_TYPES.CallExpression) {
        const type = this.checker.getTypeAtLocation(this.env.services.esTreeNodeToTSNodeMap.get(use));
        if (this.isPlainData(type) || isThenableType(this.checker, this.env.services.esTreeNodeToTSNodeMap.get(use), type)) return false;
        if (use.parent?.type === AST_NODE_TYPES.ExpressionStatement) return false;
      }
      const parent = use.parent;
      if (!parent) return false;
      if (parent.type === AST_NODE_TYPES.ReturnStatement || parent.type === AST_NODE_TYPES.YieldExpression) return true;
      if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === use) return true;
      if (parent.type === AST_NODE_TYPES.Property || parent.type === AST_NODE_TYPES.ArrayExpression) return true;
      // Handed to a call that is not awaited (`other.write(stream)`), or the receiver of one that starts more work
      // with it (`stream.pipe(res)`, `req.on('data', …)`) — not `req.end()` or `req.resume()`.
      const receiver = parent.type === AST_NODE_TYPES.MemberExpression && parent.object === use;
      const call: TSESTree.Node | undefined = receiver ? parent.parent : parent;
      if ((call?.type !== AST_NODE_TYPES.CallExpression && call?.type !== AST_NODE_TYPES.NewExpression) || call.parent?.type === AST_NODE_TYPES.AwaitExpression) {
        return false;
      }
      if (!receiver) return call.arguments.includes(use as TSESTree.CallExpressionArgument);
      return call.arguments.some(
        (arg) => arg.type !== AST_NODE_TYPES.SpreadElement && !this.isPlainData(this.checker.getTypeAtLocation(this.env.services.esTreeNodeToTSNodeMap.get(arg))),
      );
    });
  }

  private get isAsync(): boolean {
    return this.fn.async;
  }

  private get declaredType(): ts.Type | undefined {
    const id = this.held.variable.defs[0]?.name;
    if (!id) return undefined;
    return this.checker.getTypeAtLocation(this.env.services.esTreeNodeToTSNodeMap.get(id));
  }

  /** The declaration statement that declares the holder, and whether its initialiser is the acquisition. */
  private declaration(): { statement: TSESTree.VariableDeclaration; acquires: boolean } | undefined {
    const def = this.held.variable.defs[0];
    if (def?.type !== 'Variable' || def.parent?.type !== AST_NODE_TYPES.VariableDeclaration) return undefined;
    const statement = def.parent;
    const declarator = def.node;
    if (statement.declarations.length !== 1 || declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
    if (statement.kind !== 'const' && statement.kind !== 'let') return undefined;
    const acquisition = this.finding.acquisition.node;
    // `const client = shared ?? new Client(url)`: the variable may hold the caller's resource, which is not ours to release.
    if (declarator.init && contains(declarator.init, acquisition) && skipValueWrappers(declarator.init) !== acquisition) return undefined;
    const acquires = !!declarator.init && contains(declarator.init, acquisition);
    const empty =
      !declarator.init ||
      (declarator.init.type === AST_NODE_TYPES.Identifier && declarator.init.name === 'undefined') ||
      (declarator.init.type === AST_NODE_TYPES.Literal && declarator.init.value === null);
    if (!acquires && !(statement.kind === 'let' && empty)) return undefined;
    return { statement, acquires };
  }

  /** The holder may be null or undefined where it is released (its type says so, or it is assigned later). */
  private optional(acquires: boolean): boolean {
    const type = this.declaredType;
    return !acquires || (!!type && this.nullable(type));
  }

  /** Values that need nothing open once computed: primitives, bytes, dates, and arrays of them. */
  private isPlainData(type: ts.Type): boolean {
    const parts = type.isUnion() ? type.types : [type];
    return parts.every((t) => {
      if (PLAIN_OBJECTS.has((t.aliasSymbol ?? t.getSymbol())?.name ?? '')) return true;
      if (t.flags & (ts.TypeFlags.StringLike | ts.TypeFlags.NumberLike | ts.TypeFlags.BooleanLike | ts.TypeFlags.BigIntLike)) return true;
      if (t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void)) return true;
      if (this.checker.isArrayType(t)) {
        const [element] = this.checker.getTypeArguments(t as ts.TypeReference);
        return !!element && this.isPlainData(element);
      }
      return false;
    });
  }

  private nullable(type: ts.Type): boolean {
    return (type.isUnion() ? type.types : [type]).some((t) => !!(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
  }

  private release(acquires: boolean): string | undefined {
    const type = this.declaredType;
    if (!type || type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return undefined;
    // `let socket: net.Socket;` assigned later: where it may still be unassigned, TypeScript rejects any use of it.
    if (!acquires && !this.nullable(type)) return undefined;
    return releaseStatement(this.held.kind, this.held.variable.name, {
      checker: this.checker,
      type,
      optional: this.optional(acquires),
      inAsyncFunction: this.isAsync,
      collection: this.held.container,
      local: true,
    });
  }

  /**
   * A holder is used inside `node`. A response's status line and headers stay readable once its body is cancelled
   * (`throw new Error(\`HTTP ${res.status}\`)`); any other use, of any other resource, needs it still open.
   */
  private usesResourceIn(node: TSESTree.Node): boolean {
    const bodyProperty = this.finding.acquisition.kind.body?.property;
    return this.references.some((id) => {
      if (!contains(node, id)) return false;
      if (this.held.kind.category !== 'response' || !bodyProperty || this.held.kind !== this.finding.acquisition.kind) return true;
      const member = id.parent;
      return (
        member?.type !== AST_NODE_TYPES.MemberExpression ||
        member.object !== id ||
        propertyName(member) === bodyProperty ||
        (member.parent?.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member)
      );
    });
  }

  /** A holder is read inside a nested function: a callback may use it after the block ends. */
  private usedInClosure(): boolean {
    return this.references.some((id) => enclosingFunction(id) !== this.fn);
  }

  /**
   * Where the resource's background work starts (the last such use), if it does work after the code that starts it
   * has run on: it was given a callback (a listener, `rl.question(q, onAnswer)`, `bus.subscribe(topic, handler)`) or
   * lent to a call that is not awaited (`https.request({ agent })`), or it is a kind that must be waited for first.
   * Releasing it is only safe once the code has waited for it after that point. (Sockets and streams that are only
   * written to do not count: their fix release, `end()`, flushes what was written.)
   */
  private backgroundStart(before?: TSESTree.Node): TSESTree.Node | undefined {
    const kind = this.held.kind;
    const acquisition = this.finding.acquisition.node;
    // A timer's callback is its own work: timers are judged by whether the code waits at all (see their callers).
    if (kind.category === 'timer') return undefined;
    if (kind.fixAfterWait || this.hasListeners(before)) return acquisition;
    // At an exit outside loops, only what happened before it on the way there counts.
    const inLoop = !!before && [...ancestors(before, this.fn)].some(isLoop);
    const seen = (id: TSESTree.Node): boolean => !before || inLoop || id.range[0] < before.range[0];
    const services = this.env.services;
    const isFunction = (arg: TSESTree.Node): boolean =>
      isFunctionNode(arg) ||
      (arg.type !== AST_NODE_TYPES.SpreadElement &&
        this.checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(arg)).getCallSignatures().length > 0);
    // A function argument, or a function in an options object (`bus.subscribe({ topic, onMessage })`).
    const callbackArgument = (arg: TSESTree.Node): boolean =>
      isFunction(arg) ||
      (arg.type === AST_NODE_TYPES.ObjectExpression &&
        arg.properties.some((p) => p.type === AST_NODE_TYPES.Property && isFunction(p.value)));
    const callbackCall = (call: TSESTree.Node | undefined): boolean =>
      (call?.type === AST_NODE_TYPES.CallExpression || call?.type === AST_NODE_TYPES.NewExpression) && call.arguments.some(callbackArgument);
    // The acquisition, and calls chained on it (`new Worker(file).on('message', …)`).
    for (let node: TSESTree.Node = acquisition; ; ) {
      if (callbackCall(node)) return acquisition;
      const member: TSESTree.Node | undefined = node.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== node || member.parent?.type !== AST_NODE_TYPES.CallExpression) break;
      node = member.parent;
    }
    const starts = this.references.filter((id) => {
      if (!seen(id)) return false;
      const parent = id.parent;
      // A method of the resource given a callback (a `DisposableStack` runs its deferred callbacks when disposed), or
      // one whose promise is raced or collected rather than awaited (`Promise.race([client.request(…), timeout])`).
      if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === id && parent.parent?.type === AST_NODE_TYPES.CallExpression) {
        if (LISTENER_METHODS.has(propertyName(parent) ?? '') || DISPOSAL_CALLBACKS.has(propertyName(parent) ?? '')) return false;
        const call = parent.parent;
        if (call.callee !== parent) return false;
        if (callbackCall(call)) return true;
        const tsCall = services.esTreeNodeToTSNodeMap.get(call);
        const settled =
          call.parent?.type === AST_NODE_TYPES.AwaitExpression ||
          call.parent?.type === AST_NODE_TYPES.ReturnStatement ||
          call.parent?.type === AST_NODE_TYPES.ExpressionStatement;
        return !settled && isThenableType(this.checker, tsCall, this.checker.getTypeAtLocation(tsCall));
      }
      // Passed to a call (directly or in an options object) whose result is not awaited.
      let argument: TSESTree.Node = id;
      if (parent?.type === AST_NODE_TYPES.Property && parent.value === id && parent.parent?.type === AST_NODE_TYPES.ObjectExpression) {
        argument = parent.parent;
      }
      const call = argument.parent;
      if (
        (call?.type !== AST_NODE_TYPES.CallExpression && call?.type !== AST_NODE_TYPES.NewExpression) ||
        !call.arguments.includes(argument as TSESTree.CallExpressionArgument) ||
        call.parent?.type === AST_NODE_TYPES.AwaitExpression ||
        this.held.events.get(id) === 'release'
      ) {
        return false;
      }
      // Logging it (`console.log(lease)`) does not keep it busy.
      const tsCall = services.esTreeNodeToTSNodeMap.get(call) as ts.CallExpression | ts.NewExpression;
      return !this.env.catalog.callRule(tsCall.expression)?.nonThrowing;
    });
    return starts.reduce<TSESTree.Node | undefined>((last, id) => (!last || id.range[0] > last.range[0] ? id : last), undefined);
  }

  /** An `await`, `for await` or `yield` anywhere in `node` (not in nested functions). */
  private waits(node: TSESTree.Node): boolean {
    return some(
      node,
      (n) =>
        n.type === AST_NODE_TYPES.AwaitExpression ||
        n.type === AST_NODE_TYPES.YieldExpression ||
        (n.type === AST_NODE_TYPES.ForOfStatement && n.await),
    );
  }

  /**
   * An `await` on a call that acts on the resource (`await once(ws, 'open')`, `await client.query(…)`), or a
   * `for await` over it: the code waits for the resource itself, not for something that merely mentions it.
   */
  private waitsOnIt(node: TSESTree.Node): boolean {
    const isHolder = (n: TSESTree.Node | undefined): boolean => !!n && this.references.includes(n as TSESTree.Identifier);
    return some(node, (n) => {
      if (n.type === AST_NODE_TYPES.ForOfStatement && n.await) return isHolder(n.right);
      if (n.type !== AST_NODE_TYPES.AwaitExpression) return false;
      let call: TSESTree.Node = n.argument;
      if (call.type === AST_NODE_TYPES.ChainExpression) call = call.expression;
      if (call.type !== AST_NODE_TYPES.CallExpression && call.type !== AST_NODE_TYPES.NewExpression) return false;
      const callee = call.callee;
      return (
        call.arguments.some((arg) => isHolder(arg)) ||
        (callee.type === AST_NODE_TYPES.MemberExpression && isHolder(callee.object))
      );
    });
  }

  /** Listeners registered on the holder (`sock.on('data', …)`) keep using it after the code that follows. */
  private hasListeners(before?: TSESTree.Node): boolean {
    const inLoop = !!before && [...ancestors(before, this.fn)].some(isLoop);
    return this.references.some((id) => {
      if (before && !inLoop && id.range[0] >= before.range[0]) return false;
      const member = id.parent;
      // `ws.onmessage = (event) => …`: a handler assigned as a property.
      if (
        member?.type === AST_NODE_TYPES.MemberExpression &&
        member.object === id &&
        member.parent?.type === AST_NODE_TYPES.AssignmentExpression &&
        member.parent.left === member &&
        (isFunctionNode(member.parent.right) || /^on[a-z]/.test(propertyName(member) ?? ''))
      ) {
        return true;
      }
      if (
        member?.type !== AST_NODE_TYPES.MemberExpression ||
        member.object !== id ||
        !LISTENER_METHODS.has(propertyName(member) ?? '') ||
        member.parent?.type !== AST_NODE_TYPES.CallExpression
      ) {
        return false;
      }
      // Listening for its end ('error', 'close', …) is not work that a release would cut short.
      const event = member.parent.arguments[0];
      return !(event?.type === AST_NODE_TYPES.Literal && typeof event.value === 'string' && END_EVENTS.has(event.value));
    });
  }

  /** The file's line break: edits in a CRLF file add CRLF lines. */
  private get eol(): string {
    return this.sourceCode.text.includes('\r\n') ? '\r\n' : '\n';
  }

  private firstOnLine(node: TSESTree.Node): boolean {
    const line = this.sourceCode.lines[node.loc.start.line - 1] ?? '';
    return line.slice(0, node.loc.start.column).trim() === '';
  }

  // ── release before each leaking exit ─────────────────────────────────────────────────────────────────────────

  private releaseAtExits(): Edit | undefined {
    const exits = this.held.leakingExits();
    if (exits.length === 0) return undefined;
    const statements: TSESTree.Node[] = [];
    for (const exit of exits) {
      // A body left unread when the function or block just ends is cancelled as its last statement (bodies only:
      // other resources get the try/finally, which covers every way out at once).
      const end = !this.env.wrap ? this.endOfScope(exit) : undefined;
      if (end) {
        if (!statements.includes(end)) statements.push(end);
        continue;
      }
      if (!['return', 'throw', 'break', 'continue'].includes(exit.kind)) return undefined;
      const statement = exit.node;
      if (enclosingFunction(statement) !== this.fn || !contains(this.held.variable.scope.block, statement)) return undefined;
      // `return sock.read()`: the value is computed after the release would run.
      if (this.usesResourceIn(statement) || this.derivedIn(statement)) return undefined;
      // `return fetch(url)` after a timeout that guards it: clearing the timeout first removes the guard.
      if (this.held.kind.category === 'timer' && statement.type === AST_NODE_TYPES.ReturnStatement && statement.argument && some(statement.argument, (n) => CALLS.has(n.type))) {
        return undefined;
      }
      for (let child: TSESTree.Node = statement, p = statement.parent; p && p !== this.fn; child = p, p = p.parent) {
        if (p.type !== AST_NODE_TYPES.TryStatement) continue;
        // A `finally` that still uses or releases it runs after the inserted release.
        if (p.finalizer && child !== p.finalizer && this.references.some((id) => contains(p.finalizer!, id))) return undefined;
        // In a `catch` after a read that failed half-way (a locked body), or a release that threw, releasing again
        // would throw.
        if (child === p.handler && this.handling.some((node) => contains(p.block, node))) return undefined;
      }
      if (!statements.includes(statement)) statements.push(statement);
    }
    // The name must mean the holder at each exit (an inner declaration may shadow it).
    for (const statement of statements.filter((n) => n.type !== AST_NODE_TYPES.BlockStatement)) {
      if (ASTUtils.findVariable(this.sourceCode.getScope(statement), this.held.variable.name) !== this.held.variable) return undefined;
    }
    const def = this.held.variable.defs[0];
    const init = def?.node.type === AST_NODE_TYPES.VariableDeclarator ? def.node.init : null;
    const acquisition = this.finding.acquisition.node;
    // `const client = shared ?? new Client(url)`: at the exit it may be the caller's.
    if (init && contains(init, acquisition) && skipValueWrappers(init) !== acquisition) return undefined;
    const declaration = this.declaration();
    const acquires = declaration?.acquires ?? contains(def?.node ?? this.fn, acquisition);
    const release = this.release(acquires);
    if (!release) return undefined;
    // A timer, a socket, anything with a callback is meant to work after the code that starts it: releasing it at an
    // exit stops that work, unless the code itself ends it on other paths (a direct release in this function) or has
    // waited for it on the way to the exit.
    const releasesItself = [...this.held.events].some(
      ([node, effect]) => effect === 'release' && node.type !== AST_NODE_TYPES.ArrowFunctionExpression && enclosingFunction(node) === this.fn && !isFunctionNode(node),
    );
    const starts = statements.map((statement) => this.backgroundStart(statement));
    const listenersBefore = statements.some((statement) => this.hasListeners(statement));
    const mustWait = starts.some((start) => !!start) && (!releasesItself || !!this.held.kind.fixAfterWait || listenersBefore);
    if (mustWait && !statements.every((statement, index) => this.waitedBefore(statement, false, starts[index]))) {
      return listenersBefore ? undefined : this.exitEdit(statements, release, false);
    }
    // An interval that nothing clears, left by a function that never waits, is meant to keep running.
    if (this.held.kind.category === 'timer' && !releasesItself && !statements.every((statement) => this.waitedBefore(statement, true))) {
      return undefined;
    }
    // A body passed to other code on the way to the exit may be locked to a reader there: cancelling it would throw.
    const passedBefore = statements.some((statement) => this.held.passedBefore(statement));
    if (this.held.kind.category === 'response' && passedBefore) return undefined;
    // A release or hand-off may already have happened on some path to the exit: the inserted release could run twice.
    // So may code the resource was passed to. An interval may be meant to go on after the function returns (a poll, a
    // heartbeat): clearing it is only suggested.
    const safe =
      !this.isInterval &&
      !this.usedInClosure() &&
      statements.every((statement) =>
        statement.type === AST_NODE_TYPES.BlockStatement ? this.handling.length === 0 : !this.held.handledBefore(statement),
      ) &&
      !passedBefore;
    return this.exitEdit(statements, release, safe);
  }

  /**
   * For an exit that falls off the end of the holder's block (or of the function whose body declares it), the block
   * to append the release to: its last statement must be on its own lines and let control fall through.
   */
  private endOfScope(exit: LeakExit): TSESTree.BlockStatement | undefined {
    const scopeBlock = this.held.variable.scope.block;
    let block: TSESTree.Node | undefined;
    if (exit.kind === 'block-end') block = exit.node;
    else if (exit.kind === 'end' && exit.node === this.fn && (scopeBlock === this.fn || scopeBlock === this.fn.body)) block = this.fn.body;
    if (block?.type !== AST_NODE_TYPES.BlockStatement) return undefined;
    const last = block.body.at(-1);
    if (!last || last.loc.end.line === block.loc.end.line || !this.firstOnLine(last)) return undefined;
    if (last.type === AST_NODE_TYPES.ReturnStatement || last.type === AST_NODE_TYPES.ThrowStatement) return undefined;
    return block;
  }

  /** Some statement before `statement`, in its block or an enclosing one, waits for the resource (or for anything). */
  private waitedBefore(statement: TSESTree.Node, anything = false, after?: TSESTree.Node): boolean {
    // The wait must come after the work it waits for has started (`client.query(sql, callback)`).
    const from = after ?? this.finding.acquisition.node;
    for (let child: TSESTree.Node = statement, p = statement.parent; p && p !== this.fn; child = p, p = p.parent) {
      const list = p.type === AST_NODE_TYPES.BlockStatement ? p.body : p.type === AST_NODE_TYPES.SwitchCase ? p.consequent : undefined;
      if (!list) continue;
      for (const sibling of list.slice(0, list.indexOf(child as TSESTree.Statement))) {
        if (sibling.range[1] < from.range[1]) continue;
        // Only a wait that runs on every path: in the statement itself, not in a branch, loop or `try` inside it.
        if (
          sibling.type !== AST_NODE_TYPES.ExpressionStatement &&
          sibling.type !== AST_NODE_TYPES.VariableDeclaration &&
          !(sibling.type === AST_NODE_TYPES.ForOfStatement && sibling.await)
        ) {
          continue;
        }
        if (anything ? this.waits(sibling) : this.waitsOnIt(sibling)) return true;
      }
    }
    return false;
  }

  private exitEdit(statements: TSESTree.Node[], release: string, safe: boolean): Edit {
    const fix: TSESLint.ReportFixFunction = (fixer) =>
      statements.flatMap((statement) => {
        if (statement.type === AST_NODE_TYPES.BlockStatement) {
          const last = statement.body.at(-1)!;
          return fixer.insertTextAfter(last, `${this.eol}${lineIndent(this.sourceCode, last)}${release}`);
        }
        const parent = statement.parent;
        const inList =
          parent?.type === AST_NODE_TYPES.BlockStatement ||
          parent?.type === AST_NODE_TYPES.SwitchCase ||
          parent?.type === AST_NODE_TYPES.StaticBlock;
        // One statement per line: the release gets a line of its own, and so does the statement when it shared one.
        if (inList) {
          if (this.firstOnLine(statement)) return fixer.insertTextBefore(statement, `${release}${this.eol}${lineIndent(this.sourceCode, statement)}`);
          const previous = this.sourceCode.getTokenBefore(statement, { includeComments: true })!;
          const outer = lineIndent(this.sourceCode, statement);
          // After `case x:` or a one-line block's `{`, one level deeper; after another statement, at its level.
          const opens = previous.type === AST_TOKEN_TYPES.Punctuator && (previous.value === ':' || previous.value === '{');
          const indent = opens ? outer + indentUnit(this.sourceCode) : outer;
          const edits = [fixer.replaceTextRange([previous.range[1], statement.range[0]], `${this.eol}${indent}${release}${this.eol}${indent}`)];
          // `{ return x; }` on one line: its closing brace moves to a line of its own too.
          const next = this.sourceCode.getTokenAfter(statement, { includeComments: true });
          if (parent.type === AST_NODE_TYPES.BlockStatement && next?.value === '}' && next.range[1] === parent.range[1] && next.loc.start.line === statement.loc.end.line) {
            edits.push(fixer.replaceTextRange([statement.range[1], next.range[0]], `${this.eol}${outer}`));
          }
          return edits;
        }
        // A braceless body gets braces, and the release and the statement lines of their own.
        const before = this.sourceCode.getTokenBefore(statement);
        // Comments between the head and the body (`if (a) // why`) stay after the opening brace, when on one line.
        const between = before ? this.sourceCode.text.slice(before.range[1], statement.range[0]).trim() : '';
        if (before && parent && !between.includes('\n')) {
          const ownLine = this.firstOnLine(statement) && before.loc.end.line < statement.loc.start.line;
          const outer = lineIndent(this.sourceCode, before);
          const indent = ownLine ? lineIndent(this.sourceCode, statement) : outer + indentUnit(this.sourceCode);
          return fixer.replaceTextRange(
            [before.range[1], statement.range[1]],
            ` {${between && ` ${between}`}${this.eol}${indent}${release}${this.eol}${indent}${this.sourceCode.getText(statement)}${this.eol}${outer}}`,
          );
        }
        return fixer.replaceText(statement, `{ ${release} ${this.sourceCode.getText(statement)} }`);
      });
    const blockEnds = statements.filter((n) => n.type === AST_NODE_TYPES.BlockStatement);
    const others = statements.filter((n) => n.type !== AST_NODE_TYPES.BlockStatement);
    const lines = others.map((n) => n.loc.start.line);
    const words = others.map((n) => n.type.replace('Statement', '').toLowerCase());
    const same = words.every((w) => w === words[0]);
    const parts = [
      ...(others.length === 1 ? [`the \`${words[0]}\` on line ${lines[0]}`] : []),
      ...(others.length > 1
        ? [`the ${same ? `\`${words[0]}\`s` : 'exits'} on lines ${lines.slice(0, -1).join(', ')} and ${lines[lines.length - 1]}`]
        : []),
      ...blockEnds.map((block) => `the end of the block (line ${block.loc.end.line})`),
    ];
    const exitsText = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0]!;
    return {
      fix,
      safe,
      suggestion: { messageId: 'suggestRelease', data: { release: release.replace(/;$/, ''), exits: exitsText }, fix },
    };
  }

  // ── wrapping the rest of the block ───────────────────────────────────────────────────────────────────────────

  /** What a `using` or try/finally edit would cover, or undefined when neither can be made. */
  private scope(): Scope | undefined {
    if (this.held.holders.length !== 1 || this.handling.some((n) => this.held.events.get(n) === 'transfer')) return undefined;
    const declaration = this.declaration();
    if (!declaration) return undefined;
    const { statement, acquires } = declaration;
    const block = statement.parent;
    if (block?.type !== AST_NODE_TYPES.BlockStatement || enclosingFunction(block) !== this.fn) return undefined;
    if (block.loc.start.line === statement.loc.start.line || !this.firstOnLine(statement)) return undefined;
    const rest = block.body.slice(block.body.indexOf(statement) + 1);
    if (rest.length === 0) return undefined;
    const acquisition = this.finding.acquisition.node;
    if (!acquires && !rest.some((s) => contains(s, acquisition))) return undefined;
    // A `finally` releases what the variable holds last: one acquisition per loop iteration would leave the others.
    for (let p: TSESTree.Node | undefined = acquisition.parent; p && p !== block; p = p.parent) if (isLoop(p)) return undefined;
    // A rejection a `catch` goes on from is covered when the `await` is in the wrapped statements.
    const covered = (e: LeakExit): boolean => WRAPPABLE_EXITS.has(e.kind) || (e.kind === 'rejected' && rest.some((s) => contains(s, e.node)));
    if (!this.held.leakingExits().every(covered)) return undefined;
    const removals: TSESTree.Statement[] = [];
    const planned = this.release(acquires);
    for (const node of this.handling) {
      const top = rest.find((s) => contains(s, node));
      // Only the planned release itself can move into the `finally` (not `socket.end('ping')`, which sends data),
      // and only from the end of the block: moving it past later statements would release it later than before.
      if (!top || !this.isReleaseStatement(top) || !planned || !sameRelease(this.sourceCode.getText(top), planned)) return undefined;
      const after = rest.slice(rest.indexOf(top) + 1);
      if (!after.every((s) => s.type === AST_NODE_TYPES.ReturnStatement && !some(s, (n) => CALLS.has(n.type)))) return undefined;
      if (!removals.includes(top)) removals.push(top);
    }
    const promiseReturns: TSESTree.ReturnStatement[] = [];
    let waits = false;
    let escapes = false;
    for (const s of rest) {
      some(s, (n) => {
        if (n.type === AST_NODE_TYPES.AwaitExpression || n.type === AST_NODE_TYPES.YieldExpression) waits = true;
        if (n.type === AST_NODE_TYPES.ForOfStatement && n.await) waits = true;
        if (n.type === AST_NODE_TYPES.ReturnStatement && n.argument) {
          const tsNode = this.env.services.esTreeNodeToTSNodeMap.get(n.argument);
          const type = this.checker.getTypeAtLocation(tsNode);
          // `return client.request(…)`, `return handle.createReadStream()`: what is returned still needs the resource.
          if (this.references.some((id) => contains(n.argument!, id)) && !this.isPlainData(this.checker.getAwaitedType(type) ?? type)) {
            escapes = true;
          }
          if (n.argument.type !== AST_NODE_TYPES.AwaitExpression && isThenableType(this.checker, tsNode, type)) {
            promiseReturns.push(n);
            // Inside a `try` with a `catch`, `return await` would route a rejection to that `catch`.
            if ([...ancestors(n, block)].some((a) => a.type === AST_NODE_TYPES.TryStatement && !!a.handler && contains(a.block, n))) escapes = true;
          }
        }
        return false;
      });
    }
    const kind = this.held.kind;
    // Sockets, watchers, workers, timers do their work in the background, after the code that starts them has run on:
    // releasing one at the end of a block that never waits for it may stop it before it has done anything. Only a
    // plain Disposable is taken to be done with when its block ends. A timer or a resource with listeners that is
    // never waited for gets no edit at all (clearing an interval right away defeats it).
    const listeners = this.hasListeners();
    const background = this.backgroundStart();
    const start = background ?? this.finding.acquisition.node;
    // Only a wait that runs on every path counts: a statement of the block itself, not one inside a branch.
    const waitsForIt = rest.some(
      (s) =>
        (s.type === AST_NODE_TYPES.ExpressionStatement || s.type === AST_NODE_TYPES.VariableDeclaration) &&
        s.range[1] >= start.range[1] &&
        this.waitsOnIt(s),
    );
    // Clearing an interval in a block that never waits would stop it before its first tick.
    if ((kind.category === 'timer' && !waits) || (listeners && !waitsForIt)) return undefined;
    const safe =
      !this.isInterval &&
      !this.usedInClosure() &&
      !listeners &&
      !escapes &&
      !rest.some((s) => this.derivedEscapes(s)) &&
      (background ? waitsForIt : waits || kind.id === DISPOSABLE_KIND.id) &&
      (this.isAsync || promiseReturns.length === 0);
    return { statement, acquires, block, rest, removals, promiseReturns, safe };
  }

  /** `x.close();`, `await x.close();`, `x?.destroy();`, `clearInterval(x);` on the holder, and nothing else. */
  private isReleaseStatement(statement: TSESTree.Statement): boolean {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
    let expression: TSESTree.Node = statement.expression;
    if (expression.type === AST_NODE_TYPES.AwaitExpression) expression = expression.argument;
    if (expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === 'void') expression = expression.argument;
    if (expression.type === AST_NODE_TYPES.ChainExpression) expression = expression.expression;
    if (expression.type !== AST_NODE_TYPES.CallExpression) return false;
    const name = this.held.variable.name;
    const isHolder = (n: TSESTree.Node | undefined): boolean => n?.type === AST_NODE_TYPES.Identifier && n.name === name;
    const callee = expression.callee;
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      if (isHolder(callee.object)) return true;
      // `res.body?.cancel()`
      return callee.object.type === AST_NODE_TYPES.MemberExpression && isHolder(callee.object.object);
    }
    return callee.type === AST_NODE_TYPES.Identifier && isHolder(expression.arguments[0]);
  }

  /** Removes a whole statement: its line when it is alone on it. */
  private removal(fixer: TSESLint.RuleFixer, statement: TSESTree.Node): TSESLint.RuleFix {
    const text = this.sourceCode.text;
    let [start, end] = statement.range;
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const lineEnd = text.indexOf('\n', end);
    const before = text.slice(lineStart, start);
    const after = text.slice(end, lineEnd === -1 ? text.length : lineEnd);
    // Alone on its line: the line goes, with the line break before it.
    if (before.trim() === '' && after.trim() === '' && lineStart > 0) {
      start = lineStart - 1;
      end = lineEnd === -1 ? text.length : lineEnd;
    }
    return fixer.removeRange([start, end]);
  }

  private awaitReturn(fixer: TSESLint.RuleFixer, statement: TSESTree.ReturnStatement): TSESLint.RuleFix {
    const argument = statement.argument!;
    // `return fast ? a() : b()` must become `return await (fast ? a() : b())`, not `(await fast) ? …`.
    if (!AWAITABLE_AS_IS.has(argument.type)) return fixer.replaceText(argument, `await (${this.sourceCode.getText(argument)})`);
    return fixer.insertTextBefore(argument, 'await ');
  }

  private declareWithUsing(scope: Scope): Edit | undefined {
    if (!this.env.using.typeChecks || (this.env.style === 'auto' && !this.env.using.downlevels)) return undefined;
    if (!scope.acquires || scope.statement.kind !== 'const' || this.held.container || this.held.kind.noUsing) return undefined;
    const type = this.declaredType;
    if (!type) return undefined;
    const disposal = runtimeDisposal(this.checker, this.env.catalog, type, this.env.nodeVersion);
    const keyword = disposal.sync ? 'using' : disposal.async && this.isAsync ? 'await using' : undefined;
    if (!keyword) return undefined;
    const constToken = this.sourceCode.getFirstToken(scope.statement)!;
    const fix: TSESLint.ReportFixFunction = (fixer) => [
      fixer.replaceText(constToken, keyword),
      ...scope.removals.map((s) => this.removal(fixer, s)),
      ...(this.isAsync ? scope.promiseReturns.map((r) => this.awaitReturn(fixer, r)) : []),
    ];
    return {
      fix,
      safe: scope.safe,
      suggestion: { messageId: 'suggestUsing', data: { name: this.held.variable.name, keyword }, fix },
    };
  }

  private wrapInTry(scope: Scope): Edit | undefined {
    const { statement, block, rest, removals, promiseReturns } = scope;
    // Declarations moved into the `try` become invisible outside it: nothing before may use them.
    const start = rest[0]!.range[0];
    const last = rest[rest.length - 1]!;
    for (const s of rest) {
      for (const variable of this.sourceCode.getDeclaredVariables(s)) {
        if (variable.references.some((r) => !contains([start, last.range[1]], r.identifier))) return undefined;
      }
    }
    const release = this.release(scope.acquires);
    if (!release) return undefined;
    const text = this.sourceCode.text;
    // From the end of the declaration's line (its trailing comment stays there) to the last comment before `}`.
    const lineEnd = text.indexOf('\n', statement.range[1]);
    const from = lineEnd !== -1 && text.slice(statement.range[1], lineEnd).trim().replace(/^\/\/.*$/, '') === '' ? lineEnd : statement.range[1];
    const closing = this.sourceCode.getLastToken(block)!;
    const lastComment = this.sourceCode.getCommentsBefore(closing).at(-1);
    const to = Math.max(last.range[1], lastComment && lastComment.range[0] > last.range[1] ? lastComment.range[1] : 0);
    const indent = lineIndent(this.sourceCode, statement);
    const outer = lineIndent(this.sourceCode, block);
    const unit = levelBetween(this.sourceCode, outer, indent);
    const fix: TSESLint.ReportFixFunction = (fixer) => {
      // Edits inside the moved text, by their offsets in the original text: removals, `await`s, one more indent level.
      const removed = removals.map((s) => this.removal(fixer, s).range as Range);
      const edits: { at: Range; text: string }[] = [
        ...removed.map((range) => ({ at: range, text: '' })),
        ...(this.isAsync
          ? promiseReturns.flatMap((r) => {
              const argument = r.argument!;
              if (AWAITABLE_AS_IS.has(argument.type)) return [{ at: [argument.range[0], argument.range[0]] as Range, text: 'await ' }];
              return [
                { at: [argument.range[0], argument.range[0]] as Range, text: 'await (' },
                { at: [argument.range[1], argument.range[1]] as Range, text: ')' },
              ];
            })
          : []),
        ...this.lineStarts(from, to)
          .filter((p) => !removed.some(([a, b]) => a <= p && p < b))
          .map((p) => ({ at: [p, p] as Range, text: unit })),
      ].sort((a, b) => b.at[0] - a.at[0]);
      let body = text.slice(from, to);
      for (const edit of edits) body = body.slice(0, edit.at[0] - from) + edit.text + body.slice(edit.at[1] - from);
      // A blank line right after the declaration does not open the `try` block.
      body = body.replace(/^(\r?\n[ \t]*)+(?=\r?\n)/, '');
      const replacement = `\n${indent}try {${body}\n${indent}} finally {\n${indent}${unit}${release}\n${indent}}`;
      // In a CRLF file every new line break is CRLF; the first one follows the `\r` the declaration's line keeps.
      const lineBreaks = this.eol === '\n' ? replacement : replacement.replace(/(?<!\r)\n/g, '\r\n').replace(/^\r\n/, text[from - 1] === '\r' ? '\n' : '\r\n');
      return fixer.replaceTextRange([from, to], lineBreaks);
    };
    return {
      fix,
      safe: scope.safe,
      suggestion: { messageId: 'suggestFinally', data: { release: release.replace(/;$/, '') }, fix },
    };
  }

  /** Offsets of the non-blank lines that start in (from, to], except lines inside multi-line strings and templates. */
  private lineStarts(from: number, to: number): number[] {
    return indentableLineStarts(this.sourceCode, from, to);
  }
}
