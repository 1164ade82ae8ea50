// Which classes of the program are resources: those whose disposal releases something that outlives the object.
import ts from 'typescript';
import { Catalog, isDisposalName, isDisposeProperty, programClassOf } from '../catalog/catalog.js';
import { RELEASE_VERBS } from '../catalog/resources.js';
import type { Category } from '../catalog/types.js';
import type { LifetimeOptions } from '../options.js';
import { hasBody } from './program-functions.js';

const ALL_CATEGORIES: readonly Category[] = ['resource', 'timer', 'response', 'server-response', 'server-socket'];
const CONTAINERS = ['DisposableStack', 'AsyncDisposableStack'];
const CONTAINER_DISPOSE = ['dispose', 'disposeAsync'];

function skipOuterParents(node: ts.Node): ts.Node {
  let p = node.parent;
  while (p && (ts.isParenthesizedExpression(p) || ts.isNonNullExpression(p) || ts.isAsExpression(p))) p = p.parent;
  return p;
}

function skipOuter(expr: ts.Expression): ts.Expression {
  let e = expr;
  while (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e) || ts.isAsExpression(e) || ts.isTypeAssertionExpression(e)) {
    e = e.expression;
  }
  return e;
}

/**
 * The ownership model's rule for classes the program writes itself: implementing `Disposable` (or having a
 * `close()`) does not make a class a resource; owning one does. A class is a resource when its release methods
 * (`[Symbol.dispose]`, `close`, `destroy`, … and what they call on `this`) release something that outlives the
 * object: a catalog resource (a timer cleared, a socket destroyed), a value of such a class, a resource of code
 * the program does not have (a `.d.ts` class, an interface whose implementation is unknown, a `closeCallback`),
 * or a `DisposableStack` field holding one of these. A class whose disposal only emits events, removes
 * listeners, clears its own collections and disposes other such classes holds nothing the garbage collector
 * will not free: leaving it undisposed leaks nothing.
 */
export class OwningClasses {
  private readonly cache = new Map<ts.ClassLikeDeclaration, boolean>();
  private readonly judging = new Set<ts.ClassLikeDeclaration>();
  readonly catalog: Catalog;

  constructor(
    private readonly program: ts.Program,
    private readonly checker: ts.TypeChecker,
    options: Pick<LifetimeOptions, 'resources' | 'ignore'>,
  ) {
    this.catalog = new Catalog(program, checker, {
      categories: ALL_CATEGORIES,
      resources: options.resources,
      ignore: options.ignore,
      ownsResource: (type, declaration) => this.ownsResource(type, declaration),
    });
  }

  /** Whether values of this program class hold something their release methods release (see the class comment). */
  ownsResource(type: ts.Type, declaration: ts.ClassLikeDeclaration): boolean | undefined {
    const cached = this.cache.get(declaration);
    if (cached !== undefined) return cached;
    // A class that reaches itself while being judged adds nothing on that path: the other paths decide. Answers
    // that relied on such an unfinished judgement are not kept (undefined tells the catalog not to keep them).
    if (this.judging.has(declaration)) {
      this.provisional = true;
      return undefined;
    }
    this.judging.add(declaration);
    const outer = this.provisional;
    this.provisional = false;
    let owns: boolean;
    try {
      const judgement = new Judgement(this, type, declaration);
      owns = judgement.releasesSomething();
      // A stack of disposables (a `DisposableStack` polyfill) releases only what it is given: a resource itself,
      // and, as a field, as much of one as what the class puts into it.
      if (!owns && judgement.releasesContents) {
        owns = true;
        this.containers.add(declaration);
      }
    } catch {
      owns = true; // a checker failure keeps the declared intent: a Disposable is a resource
    } finally {
      this.judging.delete(declaration);
    }
    const provisional = this.provisional && !owns;
    this.provisional = outer || provisional;
    if (!provisional) this.cache.set(declaration, owns);
    return owns;
  }

  private provisional = false;
  private readonly containers = new Set<ts.ClassLikeDeclaration>();

  /** Whether releasing a value of this type releases only what was put into it (`DisposableStack`). */
  isContainer(type: ts.Type): boolean {
    const symbol = ((type as ts.TypeReference).target ?? type).getSymbol();
    if (CONTAINERS.includes(String(symbol?.escapedName ?? '')) && symbol?.declarations?.some((d) => d.getSourceFile().isDeclarationFile)) {
      return true;
    }
    const declaration = programClassOf(type, this.program);
    if (!declaration) return false;
    this.ownsResource(type, declaration);
    return this.containers.has(declaration);
  }

  /** Whether a value of this type needs a release of its own (a catalog kind, or a class that owns one). */
  isResource(type: ts.Type): boolean {
    return this.catalog.kindOfType(type) !== undefined;
  }

  get typeChecker(): ts.TypeChecker {
    return this.checker;
  }

  get tsProgram(): ts.Program {
    return this.program;
  }
}

/** One class's judgement: walks its release methods, and what they call on `this`, for an outside effect. */
class Judgement {
  private readonly visited = new Set<ts.Node>();
  private readonly checker: ts.TypeChecker;
  /** Set when a release method disposes values typed only as `Disposable`: what it was given, not what it made. */
  releasesContents = false;

  constructor(
    private readonly classes: OwningClasses,
    private readonly type: ts.Type,
    private readonly declaration: ts.ClassLikeDeclaration,
  ) {
    this.checker = classes.typeChecker;
  }

  releasesSomething(): boolean {
    for (const property of this.checker.getPropertiesOfType(this.type)) {
      if (!this.isReleaseName(String(property.escapedName))) continue;
      if (this.memberReleases(property, true)) return true;
    }
    return false;
  }

  /** Whether running this member (a method of the judged class, resolved with overrides) releases something. */
  private memberReleases(property: ts.Symbol, releaseNamed: boolean): boolean {
    for (const declaration of property.declarations ?? []) {
      if (this.visited.has(declaration)) continue;
      this.visited.add(declaration);
      const file = declaration.getSourceFile();
      const library = file.isDeclarationFile || this.classes.tsProgram.isSourceFileFromExternalLibrary(file);
      if (library) {
        // A library base class's own release method: trust the declaration.
        if (releaseNamed) return true;
        continue;
      }
      if (ts.isMethodDeclaration(declaration) || ts.isGetAccessor(declaration) || ts.isSetAccessor(declaration)) {
        if (!declaration.body) return true; // abstract: the implementation is unknown here
        if (this.bodyReleases(declaration.body)) return true;
        continue;
      }
      if (ts.isPropertyDeclaration(declaration) || ts.isPropertySignature(declaration) || ts.isParameter(declaration)) {
        const init = ts.isPropertyDeclaration(declaration) ? declaration.initializer && skipOuter(declaration.initializer) : undefined;
        if (init && hasBody(init)) {
          if (this.bodyReleases(init.body)) return true;
          continue;
        }
        // A callback the class was given (`#closeCallback`): code the analysis cannot see, named like a release.
        if (releaseNamed && this.checker.getTypeOfSymbol(property).getCallSignatures().length > 0) return true;
        continue;
      }
      if (ts.isMethodSignature(declaration)) return true;
    }
    return false;
  }

  private bodyReleases(body: ts.Node): boolean {
    let found = false;
    const visit = (node: ts.Node): void => {
      if (found) return;
      if ((ts.isCallExpression(node) && this.callReleases(node)) || this.referenceReleases(node)) {
        found = true;
        return;
      }
      ts.forEachChild(node, visit);
    };
    visit(body);
    return found;
  }

  private callReleases(call: ts.CallExpression): boolean {
    let callee = skipOuter(call.expression);
    // `this.#closeCallback.call(null)`: the function called is the receiver of `call`/`apply`.
    if (ts.isPropertyAccessExpression(callee) && ['call', 'apply'].includes(callee.name.text)) {
      const inner = skipOuter(callee.expression);
      if (ts.isPropertyAccessExpression(inner) || ts.isElementAccessExpression(inner)) callee = inner;
    }
    if (ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee)) {
      const receiver = skipOuter(callee.expression);
      const name = this.memberName(callee);
      if (receiver.kind === ts.SyntaxKind.ThisKeyword || receiver.kind === ts.SyntaxKind.SuperKeyword) {
        if (name === undefined) return false;
        const property =
          receiver.kind === ts.SyntaxKind.ThisKeyword
            ? this.checker.getPropertiesOfType(this.type).find((p) => String(p.escapedName) === name)
            : this.checker.getSymbolAtLocation(callee);
        return !!property && this.memberReleases(property, this.isReleaseName(name));
      }
      if (name !== undefined && this.isReleaseName(name)) return this.releaseOn(receiver, name);
    }
    // A catalog release (`clearInterval(this.timer)`, `pipeline(…)`), or a resource handed to a function during
    // disposal (`closeQuietly(this.socket)`).
    const rule = this.classes.catalog.callRule(call.expression);
    if (rule?.function) return rule.effect === 'release' && call.arguments.length > 0;
    if (!call.arguments.some((arg) => !ts.isSpreadElement(arg) && this.classes.isResource(this.checker.getTypeAtLocation(arg)))) return false;
    // A function of the program releases what it is given only if its body releases something (`assert(conn)`
    // does not); code the program does not have is taken to.
    let declaration: ts.Node | undefined = this.checker.getResolvedSignature(call)?.getDeclaration();
    if (!hasBody(declaration)) {
      // `export const assert: (value: unknown) => asserts value = (value) => { … }`: the signature comes from the
      // annotation, the body from the initializer.
      let symbol = this.checker.getSymbolAtLocation(skipOuter(call.expression));
      if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
      const value = symbol?.valueDeclaration;
      const init = value && ts.isVariableDeclaration(value) && value.initializer ? skipOuter(value.initializer) : undefined;
      if (init && hasBody(init)) declaration = init;
    }
    if (declaration && hasBody(declaration) && !declaration.getSourceFile().isDeclarationFile) {
      if (this.visited.has(declaration)) return false;
      this.visited.add(declaration);
      return this.bodyReleases(declaration.body);
    }
    return true;
  }

  /** A release method passed on rather than called (`promisify(conn.disconnect)`, `.then(this.close)`). */
  private referenceReleases(node: ts.Node): boolean {
    if (!ts.isPropertyAccessExpression(node)) return false;
    const parent = skipOuterParents(node);
    if (ts.isCallExpression(parent) && skipOuter(parent.expression) === node) return false;
    if (ts.isPropertyAccessExpression(parent) && ['call', 'apply', 'bind'].includes(parent.name.text)) return false;
    const name = this.memberName(node);
    if (name === undefined || !this.isReleaseName(name)) return false;
    const type = this.checker.getTypeAtLocation(node);
    if (!(type.flags & ts.TypeFlags.Any) && type.getCallSignatures().length === 0) return false;
    const receiver = skipOuter(node.expression);
    if (receiver.kind === ts.SyntaxKind.ThisKeyword || receiver.kind === ts.SyntaxKind.SuperKeyword) {
      const property = this.checker.getSymbolAtLocation(node);
      return !!property && this.memberReleases(property, true);
    }
    return this.releaseOn(receiver, name);
  }

  /** `x.close()` in a release method: releases something unless `x` is a value that needs no release. */
  private releaseOn(receiver: ts.Expression, method: string): boolean {
    const type = this.checker.getNonNullableType(this.checker.getTypeAtLocation(receiver));
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return true;
    const symbol = ((type as ts.TypeReference).target ?? type).getSymbol();
    if (['Disposable', 'AsyncDisposable'].includes(String(symbol?.escapedName ?? '')) && symbol?.declarations?.every((d) => d.getSourceFile().isDeclarationFile || ts.isInterfaceDeclaration(d))) {
      this.releasesContents = true;
      return false;
    }
    if (this.classes.isContainer(type) && (CONTAINER_DISPOSE.includes(method) || this.isReleaseName(method))) {
      return this.containerHoldsResource(receiver);
    }
    if (this.classes.isResource(type)) return true;
    // A class of the program that owns nothing: releasing it releases nothing.
    if (programClassOf(type, this.classes.tsProgram)) return false;
    for (const part of type.isUnion() ? type.types : [type]) {
      if (!(part.flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection | ts.TypeFlags.TypeParameter))) continue;
      if (programClassOf(part, this.classes.tsProgram)) continue;
      return true; // an interface or library type: whatever implements `close()` may hold anything
    }
    return false;
  }

  /** A `DisposableStack` field releases what the class puts into it: `use(x)`, `adopt(x, fn)`, `defer(fn)`. */
  private containerHoldsResource(receiver: ts.Expression): boolean {
    const symbol = this.checker.getSymbolAtLocation(receiver);
    if (!symbol) return true;
    let holds = false;
    const visit = (node: ts.Node): void => {
      if (holds) return;
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
        const method = node.expression.name.text;
        if (['use', 'adopt', 'defer'].includes(method) && this.checker.getSymbolAtLocation(node.expression.expression) === symbol) {
          holds = this.addsResource(method, node.arguments);
          if (holds) return;
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(this.declaration);
    return holds;
  }

  private addsResource(method: string, args: readonly ts.Expression[]): boolean {
    const value = args[0];
    if (method === 'use') return !!value && this.classes.isResource(this.checker.getTypeAtLocation(value));
    const fn = method === 'defer' ? args[0] : args[1];
    if (!fn) return false;
    const target = skipOuter(fn);
    if (hasBody(target)) return this.bodyReleases(target.body);
    return true; // a function the analysis cannot read
  }

  /** The member's escaped name (`close`, `__#12@#close`, `__@dispose@34`), as the checker keys properties. */
  private memberName(access: ts.PropertyAccessExpression | ts.ElementAccessExpression): string | undefined {
    const symbol = this.checker.getSymbolAtLocation(access);
    if (symbol) return String(symbol.escapedName);
    if (ts.isPropertyAccessExpression(access)) return ts.escapeLeadingUnderscores(access.name.text) as string;
    const arg = access.argumentExpression;
    if (ts.isStringLiteralLike(arg)) return ts.escapeLeadingUnderscores(arg.text) as string;
    // `x[disposeSymbol]`: a unique symbol key names the property `__@<symbol>@<id>`.
    const key = this.checker.getTypeAtLocation(arg);
    if (!(key.flags & ts.TypeFlags.UniqueESSymbol)) return undefined;
    const prefix = `__@${String(key.getSymbol()?.escapedName ?? '')}@`;
    const receiver = this.checker.getTypeAtLocation(access.expression);
    const property = this.checker.getPropertiesOfType(this.checker.getNonNullableType(receiver)).find((p) => String(p.escapedName).startsWith(prefix));
    return property ? String(property.escapedName) : undefined;
  }

  private isReleaseName(escapedName: string): boolean {
    if (isDisposeProperty(escapedName)) return true;
    const name = ts.unescapeLeadingUnderscores(escapedName as ts.__String).replace(/^__#\d+@#/, '');
    return isDisposalName(name, RELEASE_VERBS);
  }
}

const judges = new WeakMap<ts.Program, Map<string, OwningClasses>>();

/** One judge per program and user resource configuration: class facts hold for the whole program. */
export function owningClasses(
  program: ts.Program,
  checker: ts.TypeChecker,
  options: Pick<LifetimeOptions, 'resources' | 'ignore'>,
): OwningClasses {
  let byConfig = judges.get(program);
  if (!byConfig) {
    byConfig = new Map();
    judges.set(program, byConfig);
  }
  const key = JSON.stringify([options.resources, options.ignore]);
  let judge = byConfig.get(key);
  if (!judge) {
    judge = new OwningClasses(program, checker, options);
    byConfig.set(key, judge);
  }
  return judge;
}
