// Interprocedural facts about functions whose bodies are in the program, read from the TypeScript AST and cached:
// which calls acquire a resource, which functions are factories, and what a callee does with a parameter.
import ts from 'typescript';
import { type Catalog, isDisposalName } from '../catalog/catalog.js';
import { CREATION_VERBS, LISTENER_METHODS } from '../catalog/resources.js';
import type { ResourceKind } from '../catalog/types.js';
import type { TypeOrValueSpecifier } from '@typescript-eslint/type-utils';

/** What a function does with a resource passed in one of its parameters; 'passthrough': it returns it. */
export type ParameterEffect = 'release' | 'transfer' | 'borrow' | 'passthrough';

export type FunctionWithBody = ts.FunctionLikeDeclaration & { body: ts.ConciseBody };

const MAX_DEPTH = 4;

/** A function-like declaration or expression with a body (not a signature, not abstract). */
export function hasBody(node: ts.Node | undefined): node is FunctionWithBody {
  return !!node && ts.isFunctionLike(node) && 'body' in node && !!(node as ts.FunctionLikeDeclaration).body;
}

function skipOuter(expr: ts.Expression): ts.Expression {
  let e = expr;
  for (;;) {
    if (
      ts.isParenthesizedExpression(e) ||
      ts.isAsExpression(e) ||
      ts.isNonNullExpression(e) ||
      ts.isSatisfiesExpression(e) ||
      ts.isTypeAssertionExpression(e) ||
      ts.isAwaitExpression(e)
    ) {
      e = e.expression;
    } else {
      return e;
    }
  }
}

function isInsideNestedFunction(node: ts.Node, fn: ts.Node): boolean {
  for (let p = node.parent; p && p !== fn; p = p.parent) {
    if (ts.isFunctionLike(p)) return true;
  }
  return false;
}

function within(outer: ts.Node, inner: ts.Node): boolean {
  return outer.pos <= inner.pos && inner.end <= outer.end;
}

/** Whether a return or throw (outside nested functions) can leave from inside `node`. */
export function mayExit(node: ts.Node): boolean {
  let exits = false;
  const visit = (n: ts.Node): void => {
    if (exits || ts.isFunctionLike(n)) return;
    if (ts.isReturnStatement(n) || ts.isThrowStatement(n)) exits = true;
    else ts.forEachChild(n, visit);
  };
  visit(node);
  return exits;
}

/** A release `use` inside `statement` that runs whenever the statement completes (no `?:`, `&&` on the way). */
function releasesUnconditionally(statement: ts.Node, releases: ts.Node[]): boolean {
  return releases.some((use) => {
    if (!within(statement, use)) return false;
    let child: ts.Node = use;
    for (let p = use.parent; p && p !== statement.parent; child = p, p = p.parent) {
      if (ts.isConditionalExpression(p) && p.condition !== child) return false;
      if (
        ts.isBinaryExpression(p) &&
        p.right === child &&
        [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(
          p.operatorToken.kind,
        )
      ) {
        return false;
      }
    }
    return true;
  });
}

/** Whether every path through the statements reaches a release before it can leave (by structure, not by CFG). */
function releasesOnAllPaths(statements: readonly ts.Statement[], releases: ts.Node[]): boolean {
  for (const statement of statements) {
    if (statementReleases(statement, releases)) return true;
    // `if (!res.ok) throw new Error(await res.text());`: the branch that leaves releases on its way out.
    if (ts.isIfStatement(statement) && !statement.elseStatement && statementReleases(statement.thenStatement, releases)) continue;
    if (mayExit(statement)) return false;
  }
  return false;
}

function statementReleases(statement: ts.Statement, releases: ts.Node[]): boolean {
  if (ts.isBlock(statement)) return releasesOnAllPaths(statement.statements, releases);
  if (ts.isIfStatement(statement)) {
    return (
      !!statement.elseStatement &&
      statementReleases(statement.thenStatement, releases) &&
      statementReleases(statement.elseStatement, releases)
    );
  }
  if (ts.isTryStatement(statement)) {
    if (statement.finallyBlock && releasesOnAllPaths(statement.finallyBlock.statements, releases)) return true;
    if (!releasesOnAllPaths(statement.tryBlock.statements, releases) || !statement.catchClause) return false;
    // `try { s.destroy(); } catch { /* gone */ }`: when the release comes first, the catch runs only if the release
    // itself threw — it was attempted, and the resource is as released as it will get.
    const first = statement.tryBlock.statements[0];
    return (!!first && statementReleases(first, releases)) || releasesOnAllPaths(statement.catchClause.block.statements, releases);
  }
  if (
    ts.isExpressionStatement(statement) ||
    ts.isVariableStatement(statement) ||
    ts.isReturnStatement(statement) ||
    ts.isThrowStatement(statement)
  ) {
    return releasesUnconditionally(statement, releases);
  }
  // `for await (const d of cursor)`: the loop's own iteration releases it, however the loop is left.
  if (ts.isForOfStatement(statement) && statement.awaitModifier) return releases.some((use) => skipOuter(statement.expression) === skipOuter(use as ts.Expression));
  return false;
}

export class ProgramFunctions {
  private readonly factoryCache = new Map<ts.Node, ResourceKind | null>();
  private readonly parameterCache = new Map<string, ParameterEffect>();
  private readonly nodeIds = new Map<ts.Node, number>();

  constructor(
    private readonly program: ts.Program,
    private readonly checker: ts.TypeChecker,
    private readonly catalog: Catalog,
    private readonly unknownCallees: ParameterEffect,
  ) {}

  private readonly throwCache = new Map<ts.Node, boolean>();

  /**
   * Whether a call (or `new`) can throw, or reject when awaited: the exception tier's throw points must be able to.
   * Registering a listener and the catalog's non-throwing calls cannot; a function of the program can only if its
   * body throws, or calls something that can outside a `try` that catches it; `new Promise(executor)` only if the
   * executor can throw or calls `reject`. Code the program does not have (a library, a `.d.ts`) is assumed to throw.
   */
  mayThrow(node: ts.CallExpression | ts.NewExpression, depth = 0, awaited = true): boolean {
    if (depth > MAX_DEPTH) return true;
    try {
      const callee = node.expression;
      // Registering a listener (on anything, `x.on(…)` or `x['on'](…)`) does not throw in practice.
      const method = ts.isPropertyAccessExpression(callee)
        ? callee.name.text
        : ts.isElementAccessExpression(callee) && ts.isStringLiteralLike(callee.argumentExpression)
          ? callee.argumentExpression.text
          : undefined;
      if (method !== undefined && LISTENER_METHODS.has(method)) return false;
      if (this.catalog.callRule(callee)?.nonThrowing) return false;
      // The standard library's methods of a string or number read a value (`process.versions.node.split('.')`), and
      // binding a function builds another one (`this.onMessage.bind(this)`).
      if (ts.isPropertyAccessExpression(callee)) {
        const receiver = this.checker.getTypeAtLocation(callee.expression);
        const declarations = this.checker.getSymbolAtLocation(callee.name)?.declarations ?? [];
        if (
          (receiver.flags & PRIMITIVE || (callee.name.text === 'bind' && receiver.getCallSignatures().length > 0)) &&
          declarations.length > 0 &&
          declarations.every((d) => this.program.isSourceFileDefaultLibrary(d.getSourceFile()))
        ) {
          return false;
        }
      }
      // `String(port)`, `Boolean(flag)`: converting a primitive to a string or a boolean cannot throw.
      if (
        ts.isCallExpression(node) &&
        node.arguments.every((arg) => this.checker.getTypeAtLocation(arg).flags & PRIMITIVE) &&
        this.catalog.calleeMatches(callee, [{ from: 'lib', name: ['StringConstructor', 'BooleanConstructor'] }])
      ) {
        return false;
      }
      if (ts.isNewExpression(node) && this.catalog.calleeMatches(callee, [{ from: 'lib', name: 'PromiseConstructor' }])) {
        const executor = node.arguments?.[0];
        if (!executor || !(ts.isArrowFunction(executor) || ts.isFunctionExpression(executor))) return true;
        // Calling `reject` rejects the promise: that throws only where it is awaited (a throw point of its own).
        const reject = executor.parameters[1];
        return (awaited && !!reject) || this.bodyMayThrow(executor, depth + 1);
      }
      const fn = this.bodyOf(node);
      if (fn) return this.bodyMayThrow(fn, depth + 1);
      // `new X()` (or `super()`) of a class of the program without a constructor of its own.
      const declaration = ((this.checker.getResolvedSignature(node)?.getDeclaration() as ts.Node | undefined) ??
        this.checker.getSymbolAtLocation(node.expression)?.declarations?.find(ts.isClassLike)) as ts.Node | undefined;
      if (declaration && ts.isClassLike(declaration) && !declaration.getSourceFile().isDeclarationFile) {
        return this.constructionMayThrow(declaration, depth + 1);
      }
      return true;
    } catch {
      return true;
    }
  }

  /** Field initializers, and the base class's construction, of a class with no constructor of its own. */
  private constructionMayThrow(cls: ts.ClassLikeDeclaration, depth: number): boolean {
    if (depth > MAX_DEPTH) return true;
    const cached = this.throwCache.get(cls);
    if (cached !== undefined) return cached;
    this.throwCache.set(cls, false);
    let throws = this.initializersMayThrow(cls, depth);
    const base = cls.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
    if (!throws && base) {
      const baseDeclaration = this.checker.getSymbolAtLocation(base.expression)?.declarations?.find(ts.isClassLike);
      if (!baseDeclaration || baseDeclaration.getSourceFile().isDeclarationFile) throws = true;
      else {
        const constructor = baseDeclaration.members.find((m) => ts.isConstructorDeclaration(m) && hasBody(m)) as FunctionWithBody | undefined;
        throws = constructor ? this.bodyMayThrow(constructor, depth + 1) : this.constructionMayThrow(baseDeclaration, depth + 1);
      }
    }
    this.throwCache.set(cls, throws);
    return throws;
  }

  private initializersMayThrow(cls: ts.ClassLikeDeclaration, depth: number): boolean {
    let throws = false;
    const visit = (n: ts.Node): void => {
      if (throws || ts.isFunctionLike(n)) return;
      if ((ts.isCallExpression(n) || ts.isNewExpression(n)) && this.mayThrow(n, depth)) throws = true;
      ts.forEachChild(n, visit);
    };
    for (const member of cls.members) {
      if (ts.isPropertyDeclaration(member) && member.initializer && !member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword)) {
        visit(member.initializer);
      }
    }
    return throws;
  }

  private bodyMayThrow(fn: FunctionWithBody, depth: number): boolean {
    const cached = this.throwCache.get(fn);
    if (cached !== undefined) return cached;
    this.throwCache.set(fn, false); // recursion: a cycle adds no throw of its own
    let throws = false;
    const visit = (n: ts.Node): void => {
      if (throws || (ts.isFunctionLike(n) && n !== fn)) return;
      if (ts.isThrowStatement(n)) throws = true;
      else if (ts.isTryStatement(n) && n.catchClause) {
        // What the try block throws is caught; the catch and finally blocks can still throw.
        visit(n.catchClause.block);
        if (n.finallyBlock) visit(n.finallyBlock);
        return;
      } else if ((ts.isCallExpression(n) || ts.isNewExpression(n)) && this.mayThrow(n, depth)) {
        throws = true;
      } else if (ts.isAwaitExpression(n) && !ts.isCallExpression(skipParens(n.expression)) && !ts.isNewExpression(skipParens(n.expression))) {
        throws = true; // a promise from elsewhere may reject
      } else if (ts.isForOfStatement(n) && n.awaitModifier) {
        throws = true;
      }
      ts.forEachChild(n, visit);
    };
    if (fn.body) visit(fn.body);
    // A constructor also runs its field initializers (its `super()` call is in its body).
    if (!throws && ts.isConstructorDeclaration(fn) && ts.isClassLike(fn.parent)) throws = this.initializersMayThrow(fn.parent, depth);
    this.throwCache.set(fn, throws);
    return throws;
  }

  /** The declaration of the function a call or `new` runs, when its body is in the program (not a .d.ts). */
  bodyOf(call: ts.CallExpression | ts.NewExpression): FunctionWithBody | undefined {
    const signature = this.checker.getResolvedSignature(call);
    const declaration = signature?.getDeclaration();
    if (!hasBody(declaration)) return undefined;
    const file = declaration.getSourceFile();
    if (file.isDeclarationFile || this.program.isSourceFileFromExternalLibrary(file)) return undefined;
    return declaration;
  }

  /**
   * `const request = (options, callback) => secure ? https.request(options, callback) : http.request(options, callback)`:
   * whether the function passes its parameter `index` on as an argument of a call to one of `acquirers` (a function
   * that hands a new resource to its callback), directly or through another such function of the program.
   */
  forwardsCallbackTo(body: FunctionWithBody, index: number, acquirers: readonly TypeOrValueSpecifier[], depth = 0): boolean {
    if (depth > MAX_DEPTH) return false;
    const param = body.parameters[index];
    if (!param || !ts.isIdentifier(param.name)) return false;
    const symbol = this.checker.getSymbolAtLocation(param.name);
    if (!symbol) return false;
    let found = false;
    const visit = (node: ts.Node): void => {
      if (found) return;
      if (ts.isCallExpression(node)) {
        const at = node.arguments.findIndex((a) => ts.isIdentifier(a) && this.checker.getSymbolAtLocation(a) === symbol);
        if (at >= 0) {
          if (this.catalog.calleeMatches(node.expression, acquirers)) found = true;
          else {
            const inner = this.bodyOf(node);
            if (inner && inner !== body && this.forwardsCallbackTo(inner, at, acquirers, depth + 1)) found = true;
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    if (body.body) visit(body.body);
    return found;
  }

  /**
   * The resource kind a call or `new` creates, or undefined when it creates none (it returns `this`, a type
   * parameter, something stored elsewhere, or a type that needs no release).
   */
  acquisitionKind(node: ts.CallExpression | ts.NewExpression, awaited: boolean, depth = 0): ResourceKind | undefined {
    if (depth > MAX_DEPTH) return undefined;
    try {
      if (ts.isNewExpression(node)) {
        if (!this.mayCreate(node, awaited)) return undefined;
        const kind = this.catalog.kindOfType(this.checker.getTypeAtLocation(node));
        return kind && !kind.acquiredBy && !kind.notByConstructor ? kind : undefined;
      }
      if (node.expression.kind === ts.SyntaxKind.SuperKeyword || node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        return undefined;
      }
      const byCall = this.catalog.kindOfCall(node.expression);
      if (byCall) return byCall;
      if (!this.mayCreate(node, awaited)) return undefined;
      const signature = this.checker.getResolvedSignature(node);
      const declaration = signature?.getDeclaration();
      if (declaration?.type && this.returnsReceiverOrParameter(declaration.type)) return undefined;
      let type = this.checker.getTypeAtLocation(node);
      if (awaited) type = this.checker.getAwaitedType(type) ?? type;
      const kind = this.catalog.kindOfType(type);
      if (!kind) return undefined;
      // `pipeline(a, b, cb)` and `stack.use(x)` hand back a resource they were given (and release).
      if (this.catalog.callRule(node.expression)?.effect === 'release') return undefined;
      // pg's `client.connect(): Promise<Client>` resolves to the client itself.
      if (this.sameKindAsReceiver(node, kind)) return undefined;
      if (kind.acquiredBy && !this.catalog.calleeMatches(node.expression, kind.acquiredBy)) {
        // Not one of the catalog's factories: a wrapper in the program still is one if it returns what one made.
        const body = this.bodyOf(node);
        if (body && this.factoryKind(body, depth + 1)) return kind;
        return this.promisifiedKind(node, awaited);
      }
      // `app.listen(port)` returns a server that is already listening: handed to the event loop at birth.
      if (ts.isPropertyAccessExpression(node.expression) && kind.handoffMethods?.includes(node.expression.name.text)) {
        return undefined;
      }
      const body = this.bodyOf(node);
      if (body) return this.factoryKind(body, depth + 1) ? kind : undefined;
      // A library call creates a resource only when its name says so; `pool.getInstance(key)` is a lookup. (A call
      // that returns an HTTP response always makes a new one: responses are per request.)
      if (kind.category !== 'resource' || kind.acquiredBy) return kind;
      // By the name the library declares, not the one an import gives it (`import { connect as natsConnect }`).
      const declared = declaration && (ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration) || ts.isMethodSignature(declaration)) && declaration.name && ts.isIdentifier(declaration.name) ? declaration.name.text : undefined;
      const name = declared ?? calleeName(node.expression) ?? '';
      return isDisposalName(name, CREATION_VERBS) || kind.createdBy?.includes(name) ? kind : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * A cheap first answer from the callee alone, before the checker resolves the call (which checks every argument,
   * and infers type arguments): a callee of type `any` creates nothing, and a callee with one signature that is not
   * generic returns what that signature declares — if that is no resource (nor a promise of one, when awaited), the
   * call creates none. Generic and overloaded callees get the full answer (calls the catalog names are answered
   * before this is asked).
   */
  private mayCreate(node: ts.CallExpression | ts.NewExpression, awaited: boolean): boolean {
    const calleeType = this.checker.getTypeAtLocation(node.expression);
    if (calleeType.flags & ts.TypeFlags.Any) return false;
    const signatures = ts.isNewExpression(node) ? calleeType.getConstructSignatures() : calleeType.getCallSignatures();
    if (signatures.length !== 1 || signatures[0]!.getTypeParameters()?.length) return true;
    let type = signatures[0]!.getReturnType();
    if (awaited) type = this.checker.getAwaitedType(type) ?? type;
    return !!this.catalog.kindOfType(type);
  }

  /**
   * A program function that returns a promise of a response it receives in a callback (`new Promise((resolve) =>
   * http.get(url, resolve))`): for kinds that no call acquires directly, calling it acquires one.
   */
  private promisifiedKind(node: ts.CallExpression, awaited: boolean): ResourceKind | undefined {
    if (!awaited) return undefined;
    try {
      const body = this.bodyOf(node);
      if (!body) return undefined;
      const type = this.checker.getAwaitedType(this.checker.getTypeAtLocation(node));
      const kind = type && this.catalog.kindOfType(type);
      if (!kind?.acquiredInCallbackOf) return undefined;
      let found = false;
      const visit = (n: ts.Node): void => {
        if (found) return;
        if (ts.isCallExpression(n) && this.catalog.calleeMatches(n.expression, kind.acquiredInCallbackOf!)) found = true;
        ts.forEachChild(n, visit);
      };
      visit(body);
      return found ? kind : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * `this`, a type parameter (`Map<K, V>.get(): V | undefined`, `Array<T>.pop()`, `Promise<T>`), or a type computed
   * from type parameters (`pipeline()`'s conditional return): the call hands back something that already exists.
   */
  private returnsReceiverOrParameter(typeNode: ts.TypeNode): boolean {
    let node = typeNode;
    for (;;) {
      if (ts.isParenthesizedTypeNode(node)) {
        node = node.type;
        continue;
      }
      if (ts.isUnionTypeNode(node)) {
        const members = node.types.filter(
          (t) =>
            t.kind !== ts.SyntaxKind.UndefinedKeyword &&
            !(ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword),
        );
        if (members.length !== 1) return false;
        node = members[0];
        continue;
      }
      if (
        ts.isTypeReferenceNode(node) &&
        ts.isIdentifier(node.typeName) &&
        (node.typeName.text === 'Promise' || node.typeName.text === 'PromiseLike') &&
        node.typeArguments?.length === 1
      ) {
        node = node.typeArguments[0];
        continue;
      }
      break;
    }
    // `Object.assign<T, U>(target: T, source: U): T & U`: the argument itself, extended.
    if (ts.isIntersectionTypeNode(node)) return node.types.some((member) => this.returnsReceiverOrParameter(member));
    if (node.kind === ts.SyntaxKind.ThisType || ts.isConditionalTypeNode(node) || ts.isIndexedAccessTypeNode(node)) return true;
    const type = this.checker.getTypeFromTypeNode(node);
    return !!(type.flags & ts.TypeFlags.TypeParameter);
  }

  /** A method of a resource that returns (or resolves to) a resource of the same kind: the receiver itself. */
  private sameKindAsReceiver(call: ts.CallExpression, kind: ResourceKind): boolean {
    if (!ts.isPropertyAccessExpression(call.expression)) return false;
    const receiver = this.checker.getTypeAtLocation(call.expression.expression);
    // `MongoClient.connect(url)`: a static factory's receiver is the class, not an instance of it.
    if (receiver.getConstructSignatures().length > 0) return false;
    const receiverKind = this.catalog.kindOfType(receiver);
    return !!receiverKind && receiverKind.id === kind.id;
  }

  /** Whether the call's value is the receiver itself: declared as `this`, or a same-kind resource. */
  returnsReceiver(call: ts.CallExpression, kind?: ResourceKind): boolean {
    try {
      if (kind) {
        let type = this.checker.getTypeAtLocation(call);
        type = this.checker.getAwaitedType(type) ?? type;
        const resultKind = this.catalog.kindOfType(type);
        if (resultKind?.id === kind.id && this.sameKindAsReceiver(call, kind)) return true;
      }
      const declaration = this.checker.getResolvedSignature(call)?.getDeclaration();
      if (declaration?.type?.kind === ts.SyntaxKind.ThisType) return true;
      // A call on a union receiver resolves to a synthetic signature without a declaration; `this` then shows
      // as the receiver's own type.
      if (!declaration && ts.isPropertyAccessExpression(call.expression)) {
        return this.checker.getTypeAtLocation(call) === this.checker.getTypeAtLocation(call.expression.expression);
      }
      return false;
    } catch {
      return false;
    }
  }

  /** A function in the program that returns a resource it created: calling it acquires one. */
  factoryKind(fn: FunctionWithBody, depth = 0): ResourceKind | undefined {
    const cached = this.factoryCache.get(fn);
    if (cached !== undefined) return cached ?? undefined;
    this.factoryCache.set(fn, null); // recursion guard
    let result: ResourceKind | undefined;
    const isAsync = ts.canHaveModifiers(fn) && !!ts.getModifiers(fn)?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword);
    const check = (expr: ts.Expression): void => {
      if (result) return;
      const e = skipOuter(expr);
      if (ts.isCallExpression(e) || ts.isNewExpression(e)) {
        // `return fetch(url)` from a plain function: its caller awaits the promise, so look through it too.
        result = this.acquisitionKind(e, isAsync || ts.isAwaitExpression(skipParens(expr)), depth) ?? this.acquisitionKind(e, true, depth);
      } else if (ts.isIdentifier(e)) {
        const symbol = this.checker.getSymbolAtLocation(e);
        const declaration = symbol?.valueDeclaration;
        if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer && fn.body.pos <= declaration.pos && declaration.end <= fn.body.end) {
          const init = skipOuter(declaration.initializer);
          if (ts.isCallExpression(init) || ts.isNewExpression(init)) {
            const kind = this.acquisitionKind(init, ts.isAwaitExpression(skipParens(declaration.initializer)), depth);
            // `registry.add(socket); return socket;`: the registry owns it, the caller only borrows it.
            if (kind && !this.handedOffElsewhere(fn, symbol!, e, kind, depth)) result = kind;
          }
        }
      }
    };
    if (ts.isBlock(fn.body)) {
      const visit = (n: ts.Node): void => {
        if (result || ts.isFunctionLike(n)) return;
        if (ts.isReturnStatement(n) && n.expression) check(n.expression);
        ts.forEachChild(n, visit);
      };
      ts.forEachChild(fn.body, visit);
    } else {
      check(fn.body);
    }
    // A search cut short by the depth limit is not the function's answer: only a full one is cached.
    if (depth === 0 || result) this.factoryCache.set(fn, result ?? null);
    else this.factoryCache.delete(fn);
    return result;
  }

  /** Whether the function stores or hands off the variable somewhere other than the `return` at `returned`. */
  private handedOffElsewhere(fn: FunctionWithBody, symbol: ts.Symbol, returned: ts.Node, kind: ResourceKind, depth: number): boolean {
    let handedOff = false;
    const name = symbol.name;
    const visit = (n: ts.Node): void => {
      if (handedOff) return;
      if (ts.isIdentifier(n) && n.text === name && n !== returned && this.checker.getSymbolAtLocation(n) === symbol) {
        const declaration = symbol.valueDeclaration;
        const isDeclarationName = !!declaration && ts.isVariableDeclaration(declaration) && declaration.name === n;
        if (!isDeclarationName && this.useOfParameter(n, fn, kind, depth) === 'transfer') handedOff = true;
      }
      ts.forEachChild(n, visit);
    };
    ts.forEachChild(fn.body, visit);
    return handedOff;
  }

  /** The use of `param.body` in a callee: read, cancelled, iterated or handed to a consuming call. */
  private useOfBody(access: ts.PropertyAccessExpression, release: string[]): ParameterEffect {
    let node: ts.Node = access;
    while (ts.isNonNullExpression(node.parent) || ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent)) node = node.parent;
    const parent = node.parent;
    if (ts.isPropertyAccessExpression(parent) && parent.expression === node) {
      return ts.isCallExpression(parent.parent) && parent.parent.expression === parent && release.includes(parent.name.text) ? 'release' : 'borrow';
    }
    if (ts.isForOfStatement(parent) && parent.expression === node) return 'release';
    if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments?.includes(node as ts.Expression)) {
      return this.catalog.callRule(parent.expression)?.effect === 'borrow' ? 'borrow' : 'release';
    }
    return 'borrow';
  }

  /** What the function does with the resource passed at `index`, following its body. */
  parameterEffect(fn: FunctionWithBody, index: number, kind: ResourceKind, depth = 0): ParameterEffect {
    const key = `${this.idOf(fn)}:${index}:${kind.id}`;
    const cached = this.parameterCache.get(key);
    if (cached) return cached;
    this.parameterCache.set(key, 'borrow'); // recursion guard
    const effect = depth > MAX_DEPTH ? 'borrow' : this.computeParameterEffect(fn, index, kind, depth);
    // An answer cut short by the depth limit is not cached (it would depend on which caller asked first).
    if (depth === 0 || effect !== 'borrow') this.parameterCache.set(key, effect);
    else this.parameterCache.delete(key);
    return effect;
  }

  private idOf(node: ts.Node): number {
    let id = this.nodeIds.get(node);
    if (id === undefined) {
      id = this.nodeIds.size;
      this.nodeIds.set(node, id);
    }
    return id;
  }

  private computeParameterEffect(fn: FunctionWithBody, index: number, kind: ResourceKind, depth: number): ParameterEffect {
    const parameter = fn.parameters[index];
    if (!parameter || parameter.dotDotDotToken || !ts.isIdentifier(parameter.name)) return 'borrow';
    // `constructor(private readonly socket: Socket)` stores it in a field.
    if (ts.isParameterPropertyDeclaration(parameter, parameter.parent)) return 'transfer';
    const symbol = this.checker.getSymbolAtLocation(parameter.name);
    if (!symbol) return 'borrow';
    return this.effectOfUses(fn, this.usesOf(fn, symbol, parameter.name), kind, depth);
  }

  /** The identifiers in `fn` that refer to `symbol`, but for its declaration. */
  private usesOf(fn: FunctionWithBody, symbol: ts.Symbol, declarationName: ts.Node): ts.Expression[] {
    const uses: ts.Expression[] = [];
    const name = symbol.name;
    const visit = (n: ts.Node): void => {
      if (ts.isIdentifier(n) && n.text === name && n !== declarationName && this.checker.getSymbolAtLocation(n) === symbol) uses.push(n);
      ts.forEachChild(n, visit);
    };
    ts.forEachChild(fn.body, visit);
    return uses;
  }

  /** What the function does with a value, from every expression in it that evaluates to that value. */
  private effectOfUses(fn: FunctionWithBody, uses: readonly ts.Expression[], kind: ResourceKind, depth: number): ParameterEffect {
    let released = false;
    let returned = false;
    const releases: ts.Node[] = [];
    for (const n of uses) {
      const use = this.useOfParameter(n, fn, kind, depth);
      if (use === 'transfer') return 'transfer';
      if (use === 'passthrough') returned = true;
      else if (use === 'release' && isInsideNestedFunction(n, fn)) {
        // Released by a callback the function registers (`sock.on('error', () => sock.destroy())`).
        released = true;
      } else if (use === 'release') releases.push(n);
    }
    if (!released && releases.length > 0) {
      released = ts.isBlock(fn.body) ? releasesOnAllPaths(fn.body.statements, releases) : true;
    }
    return released ? 'release' : returned ? 'passthrough' : 'borrow';
  }

  /**
   * What the function does with one property of an object it receives (`create({ connection })`): the uses of
   * `options.connection`, of `{ connection }` destructured from the parameter or from a local copy of it. An object
   * the function keeps (`this.options = options`) keeps the property too.
   */
  propertyEffect(fn: FunctionWithBody, index: number, property: string, kind: ResourceKind): ParameterEffect {
    const whole = this.parameterEffect(fn, index, kind);
    if (whole === 'transfer') return whole;
    const key = `${this.idOf(fn)}:${index}.${property}:${kind.id}`;
    const cached = this.parameterCache.get(key);
    if (cached) return cached;
    this.parameterCache.set(key, 'borrow'); // recursion guard
    let effect: ParameterEffect = 'borrow';
    try {
      const parameter = fn.parameters[index];
      const uses: ts.Expression[] = [];
      const fromBinding = (pattern: ts.BindingName): void => {
        if (!ts.isObjectBindingPattern(pattern)) return;
        for (const element of pattern.elements) {
          const key = element.propertyName ?? element.name;
          const keyText = ts.isIdentifier(key) || ts.isStringLiteral(key) ? key.text : undefined;
          if (keyText !== property || element.dotDotDotToken || !ts.isIdentifier(element.name)) continue;
          const symbol = this.checker.getSymbolAtLocation(element.name);
          if (symbol) uses.push(...this.usesOf(fn, symbol, element.name));
        }
      };
      if (parameter && !parameter.dotDotDotToken) {
        if (ts.isObjectBindingPattern(parameter.name)) fromBinding(parameter.name);
        else if (ts.isIdentifier(parameter.name)) {
          const symbol = this.checker.getSymbolAtLocation(parameter.name);
          for (const use of symbol ? this.usesOf(fn, symbol, parameter.name) : []) {
            const parent = use.parent;
            if (ts.isPropertyAccessExpression(parent) && parent.expression === use && parent.name.text === property) uses.push(parent);
            // `const { connection } = options;`
            if (ts.isVariableDeclaration(parent) && parent.initializer === use) fromBinding(parent.name);
          }
        }
      }
      effect = this.effectOfUses(fn, uses, kind, 1);
      if (effect === 'passthrough') effect = 'borrow';
    } finally {
      this.parameterCache.set(key, effect);
    }
    return effect;
  }

  private useOfParameter(id: ts.Expression, fn: FunctionWithBody, kind: ResourceKind, depth: number): ParameterEffect {
    let node: ts.Node = id;
    for (;;) {
      const parent = node.parent;
      if (
        ts.isParenthesizedExpression(parent) ||
        ts.isAsExpression(parent) ||
        ts.isNonNullExpression(parent) ||
        ts.isSatisfiesExpression(parent) ||
        ts.isAwaitExpression(parent)
      ) {
        node = parent;
        continue;
      }
      if ((ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) && parent.expression === node) {
        const call = parent.parent;
        const method = ts.isPropertyAccessExpression(parent) ? parent.name.text : this.catalog.isDisposeKey(parent.argumentExpression) ? '@@dispose' : undefined;
        if (ts.isCallExpression(call) && call.expression === parent && method) {
          if (this.catalog.isReleaseMethod(kind, method)) return 'release';
          if (kind.handoffMethods?.includes(method)) return 'transfer';
          // `res.on('data', …)` consumes a response.
          const event = call.arguments[0];
          if (LISTENER_METHODS.has(method) && event && ts.isStringLiteralLike(event) && kind.releaseEvents?.includes(event.text)) return 'release';
          // `res.status(404).json(…)`: a method returning the receiver passes it along the chain.
          if (this.returnsReceiver(call, kind)) {
            node = call;
            continue;
          }
        }
        // `res.body.cancel()`, `for await (… of res.body)`, `Readable.fromWeb(res.body)`.
        if (kind.body && ts.isPropertyAccessExpression(parent) && parent.name.text === kind.body.property) {
          return this.useOfBody(parent, kind.body.release);
        }
        return 'borrow';
      }
      if (ts.isForOfStatement(parent) && parent.expression === node && parent.awaitModifier && this.catalog.releasedByIteration(kind, this.checker.getTypeAtLocation(node))) {
        return 'release';
      }
      if (ts.isReturnStatement(parent) || (ts.isArrowFunction(parent) && parent.body === node)) {
        if (isInsideNestedFunction(parent, fn)) return 'borrow';
        // Handing back the very parameter: the caller keeps it, through the call's value.
        return node === id || ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node) ? 'passthrough' : 'transfer';
      }
      if (ts.isYieldExpression(parent)) return 'transfer';
      if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.right === node) {
        const target = parent.left;
        if (ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) return 'transfer';
        if (ts.isIdentifier(target)) {
          const declaration = this.checker.getSymbolAtLocation(target)?.valueDeclaration;
          const local = declaration && fn.pos <= declaration.pos && declaration.end <= fn.end;
          return local ? 'borrow' : 'transfer';
        }
        return 'borrow';
      }
      if (ts.isPropertyAssignment(parent) || ts.isShorthandPropertyAssignment(parent) || ts.isArrayLiteralExpression(parent)) {
        // Inside an object or array: what matters is where the container goes.
        const container = ts.isArrayLiteralExpression(parent) ? parent : parent.parent;
        const containerParent = container.parent;
        if (ts.isReturnStatement(containerParent)) return 'transfer';
        if (ts.isBinaryExpression(containerParent) && containerParent.right === container) return 'transfer';
        return 'borrow';
      }
      if (ts.isCallExpression(parent) || ts.isNewExpression(parent)) {
        const index = parent.arguments?.indexOf(node as ts.Expression) ?? -1;
        if (index < 0) return 'borrow';
        const rule = this.catalog.callRule(parent.expression);
        if (rule && (!rule.args || rule.args.includes(index))) {
          // `once(s, 'exit')` waits for the end only for the events the kind ends with.
          if (rule.whenEvent) {
            const event = parent.arguments?.[1];
            return event && ts.isStringLiteralLike(event) && kind.releaseEvents?.includes(event.text) ? 'release' : 'borrow';
          }
          return rule.effect;
        }
        const body = this.bodyOf(parent);
        if (body) {
          const effect = this.parameterEffect(body, index, kind, depth + 1);
          // Passed through another function that hands it back: judged by where that value goes; kept simple here.
          return effect === 'passthrough' ? 'borrow' : effect;
        }
        return ts.isNewExpression(parent) ? 'transfer' : this.unknownCallees;
      }
      return 'borrow';
    }
  }
}

/** Strings, numbers and booleans (their literal types included). */
const PRIMITIVE = ts.TypeFlags.StringLike | ts.TypeFlags.NumberLike | ts.TypeFlags.BooleanLike;

/** `open` for `open(…)`, `fs.open(…)`, `this.pool.connect(…)`; undefined for computed callees. */
function calleeName(callee: ts.Expression): string | undefined {
  let e = callee;
  for (;;) {
    if (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e) || ts.isAsExpression(e)) e = e.expression;
    else if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.CommaToken) e = e.right; // `(0, net.connect)`
    else break;
  }
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return undefined;
}

function skipParens(expr: ts.Expression): ts.Expression {
  let e = expr;
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  return e;
}

