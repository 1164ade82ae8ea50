// Answers "what is this type?" and "what does this call do with its arguments?" from the catalog data, through the checker.
import { type TypeOrValueSpecifier, typeMatchesSomeSpecifier } from '@typescript-eslint/type-utils';
import ts from 'typescript';
import type { UserResourceSpecifier } from '../options.js';
import {
  BUILTIN_RESOURCES,
  CALL_RULES,
  DISPOSABLE_KIND,
  NEEDS_NO_RELEASE,
  RELEASE_VERBS,
  RESPONSES,
  SERVER_RESPONSES,
  SERVER_SOCKETS,
  TIMERS,
} from './resources.js';
import type { Category, CallRule, ResourceKind } from './types.js';

export interface CatalogOptions {
  categories: readonly Category[];
  resources: readonly UserResourceSpecifier[];
  ignore: readonly TypeOrValueSpecifier[];
  /**
   * Whether a `Disposable` class of the program owns something its disposal releases (analysis/owning-classes.ts);
   * undefined while that is still being worked out. Without it every `Disposable` is a resource.
   */
  ownsResource?: (type: ts.Type, declaration: ts.ClassLikeDeclaration) => boolean | undefined;
}

const DISPOSE_PROPERTY = /^__@(?:async)?[dD]ispose@/;

/** Whether a property's escaped name is a `[Symbol.dispose]` or `[Symbol.asyncDispose]` key. */
export function isDisposeProperty(escapedName: string): boolean {
  return DISPOSE_PROPERTY.test(escapedName);
}

/** `close`, and camel-case compounds that start with it (`closeAll`, `destroySocket`, `stopPolling`). */
export function isDisposalName(name: string, verbs: readonly string[]): boolean {
  return verbs.some((verb) => name === verb || (name.startsWith(verb) && /[A-Z_$0-9]/.test(name.charAt(verb.length))));
}

/**
 * `export default class MqttClient`: the checker names such a class `default`; the catalog names it as declared. Its
 * declared name, for a type whose symbol is a default export.
 */
function defaultExportName(type: ts.Type): string | undefined {
  const symbol = ((type as ts.TypeReference).target ?? type).getSymbol();
  if (symbol?.escapedName !== 'default') return undefined;
  const declaration = symbol.declarations?.find((d) => ts.isClassDeclaration(d) || ts.isInterfaceDeclaration(d)) as ts.ClassDeclaration | ts.InterfaceDeclaration | undefined;
  return declaration?.name?.text;
}

/** The catalog's package specifiers that name `declared`, as the default export of their package. */
function asDefaultExport(specifiers: readonly TypeOrValueSpecifier[], declared: string): TypeOrValueSpecifier[] {
  return specifiers.flatMap((spec) => {
    if (typeof spec !== 'object' || spec.from !== 'package') return [];
    const names = Array.isArray(spec.name) ? spec.name : [spec.name];
    return names.includes(declared) ? [{ ...spec, name: 'default' }] : [];
  });
}

/** A class of the program with bodies the analysis can read (not a `.d.ts`, not `declare class`). */
export function programClassOf(type: ts.Type, program: ts.Program): ts.ClassLikeDeclaration | undefined {
  const symbol = ((type as ts.TypeReference).target ?? type).getSymbol();
  for (const declaration of symbol?.declarations ?? []) {
    if (!ts.isClassLike(declaration)) continue;
    const file = declaration.getSourceFile();
    if (file.isDeclarationFile || program.isSourceFileFromExternalLibrary(file)) continue;
    if (ts.getCombinedModifierFlags(declaration) & ts.ModifierFlags.Ambient) continue;
    return declaration;
  }
  return undefined;
}

function specifierLabel(spec: TypeOrValueSpecifier): string {
  if (typeof spec === 'string') return spec;
  const name = Array.isArray(spec.name) ? spec.name[0] : spec.name;
  return spec.from === 'package' ? `${spec.package} ${name}` : name;
}

const PROCESS_ENDING_METHODS = new Set(CALL_RULES.flatMap((rule) => (rule.endsProcess ? (rule.methods ?? []) : [])));

export class Catalog {
  private readonly kinds: ResourceKind[];
  private readonly typeCache = new Map<ts.Type, ResourceKind | null>();
  private readonly calleeCache = new Map<ts.Type, CallRule | null>();

  constructor(
    private readonly program: ts.Program,
    private readonly checker: ts.TypeChecker,
    private readonly options: CatalogOptions,
  ) {
    const user: ResourceKind[] = options.resources.map((resource, index) => ({
      id: `user:${index}`,
      label: specifierLabel(resource.type),
      category: 'resource',
      types: [resource.type],
      release: resource.release,
      pooling: resource.pooling,
      verb: { base: resource.release[0] ?? 'close', past: 'released' },
      advice: `Call \`${resource.release[0] ?? 'close'}()\` on every path, or hand it to an owner.`,
    }));
    // Only the rule's own categories: one type can be a different kind for another rule (a server's connection).
    this.kinds = [...user, ...SERVER_SOCKETS, ...SERVER_RESPONSES, ...RESPONSES, ...BUILTIN_RESOURCES].filter((kind) =>
      options.categories.includes(kind.category),
    );
    this.callAcquired = [...TIMERS, ...BUILTIN_RESOURCES.filter((kind) => kind.acquiredByCall)].filter((kind) => options.categories.includes(kind.category));
  }

  private readonly callAcquired: ResourceKind[];
  private readonly callKindCache = new Map<ts.Type, ResourceKind | null>();

  /** The kind a call of this function acquires whatever it returns (`setInterval`), if any. */
  kindOfCall(callee: ts.Expression): ResourceKind | undefined {
    if (this.callAcquired.length === 0) return undefined;
    try {
      const calleeType = this.checker.getTypeAtLocation(callee);
      const cached = this.callKindCache.get(calleeType);
      if (cached !== undefined) return cached ?? undefined;
      const kind = this.callAcquired.find((k) => typeMatchesSomeSpecifier(calleeType, k.acquiredByCall ?? [], this.program));
      this.callKindCache.set(calleeType, kind ?? null);
      return kind;
    } catch {
      return undefined;
    }
  }

  /** The resource kind of a value of this type, for the rule's categories; undefined when it needs no release. */
  kindOfType(type: ts.Type): ResourceKind | undefined {
    const cached = this.typeCache.get(type);
    if (cached !== undefined) return cached ?? undefined;
    let kind: ResourceKind | undefined;
    const outer = this.provisional;
    this.provisional = false;
    try {
      kind = this.computeKind(type);
    } catch {
      kind = undefined; // a checker failure on exotic types means "not a resource", never a crash
    }
    const provisional = this.provisional;
    this.provisional = outer || provisional;
    if (!provisional) this.typeCache.set(type, kind ?? null);
    return kind;
  }

  /** Set while an answer depends on a class judgement still under way: such answers are not cached. */
  private provisional = false;

  private computeKind(type: ts.Type): ResourceKind | undefined {
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Never)) return undefined;
    const nonNullable = this.checker.getNonNullableType(type);
    if (nonNullable.isUnion()) {
      for (const part of nonNullable.types) {
        const kind = this.kindOfType(part);
        if (kind) return kind;
      }
      return undefined;
    }
    const lineage = this.lineage(nonNullable);
    if (lineage.some((t) => typeMatchesSomeSpecifier(t, [...this.options.ignore], this.program))) return undefined;
    for (const t of lineage) {
      const declared = defaultExportName(t);
      for (const kind of this.kinds) {
        if (typeMatchesSomeSpecifier(t, kind.types, this.program) || (declared && typeMatchesSomeSpecifier(t, asDefaultExport(kind.types, declared), this.program))) {
          return kind.label.includes('{name}') ? this.named(kind, t) : kind;
        }
      }
    }
    if (lineage.some((t) => typeMatchesSomeSpecifier(t, NEEDS_NO_RELEASE, this.program))) return undefined;
    if (!this.options.categories.includes('resource')) return undefined;
    const disposable = nonNullable.getProperties().some((p) => DISPOSE_PROPERTY.test(String(p.escapedName)));
    if (!disposable) return undefined;
    const declaration = this.options.ownsResource && programClassOf(nonNullable, this.program);
    if (declaration) {
      const owns = this.options.ownsResource!(nonNullable, declaration);
      if (owns === undefined) this.provisional = true;
      if (!owns) return undefined;
    }
    return DISPOSABLE_KIND;
  }

  private readonly namedKinds = new Map<string, ResourceKind>();

  /** The kind with its label naming the matched class (`undici Pool`, not `undici Client`). */
  private named(kind: ResourceKind, type: ts.Type): ResourceKind {
    const name = String((type.aliasSymbol ?? type.getSymbol())?.escapedName ?? '');
    const label = kind.label.replace('{name}', name || kind.id);
    let named = this.namedKinds.get(`${kind.id}:${label}`);
    if (!named) {
      named = { ...kind, label };
      this.namedKinds.set(`${kind.id}:${label}`, named);
    }
    return named;
  }

  /** The type followed by its base classes and interfaces, nearest first. */
  private lineage(type: ts.Type): ts.Type[] {
    const result: ts.Type[] = [];
    const seen = new Set<ts.Type>();
    const queue: ts.Type[] = [type];
    while (queue.length > 0 && result.length < 32) {
      const current = queue.shift()!;
      if (seen.has(current)) continue;
      seen.add(current);
      result.push(current);
      const target = (current as ts.TypeReference).target ?? current;
      if (target.isClassOrInterface()) {
        for (const base of this.checker.getBaseTypes(target)) queue.push(base);
      }
      if (current.isIntersection()) queue.push(...current.types);
    }
    return result;
  }

  /** Whether the call ends the process (`process.exit(1)`); the method name is checked before the checker is asked. */
  endsProcess(call: ts.CallExpression): boolean {
    const callee = call.expression;
    if (!ts.isPropertyAccessExpression(callee) || !PROCESS_ENDING_METHODS.has(callee.name.text)) return false;
    return !!this.callRule(callee)?.endsProcess;
  }

  /** Whether the rule asks about any kind handed to callbacks (responses), so callbacks are worth a look. */
  get hasCallbackKinds(): boolean {
    return this.options.categories.some((c) => c === 'response' || c === 'server-response' || c === 'server-socket');
  }

  /** The body of a response, as a resource of its own: released by the body's methods, iteration or piping. */
  bodyKind(kind: ResourceKind): ResourceKind {
    let body = this.bodyKinds.get(kind);
    if (!body && kind.body) {
      body = {
        ...kind,
        release: kind.body.release,
        fixRelease: kind.body.fixRelease,
        releasedByIteration: true,
        releasedByPipe: true,
        body: undefined,
      };
      this.bodyKinds.set(kind, body);
    }
    return body ?? kind;
  }

  private readonly bodyKinds = new Map<ResourceKind, ResourceKind>();

  /** Whether the type, or one of its base types, is one of these. */
  matches(type: ts.Type, specifiers: readonly TypeOrValueSpecifier[]): boolean {
    try {
      const nonNullable = this.checker.getNonNullableType(type);
      if (nonNullable.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return false;
      return this.lineage(nonNullable).some((t) => typeMatchesSomeSpecifier(t, [...specifiers], this.program));
    } catch {
      return false;
    }
  }

  /**
   * Whether `name` is a method that releases a resource of this kind: its catalog releases, `[Symbol.dispose]`, and
   * the resource's own methods named like a release (`close`, `dispose`, `destroyAll`, …; they exist on the type,
   * or the call would not type-check).
   */
  isReleaseMethod(kind: ResourceKind, name: string): boolean {
    return name === '@@dispose' || kind.release.includes(name) || isDisposalName(name, RELEASE_VERBS);
  }

  /**
   * Whether `for await` over a value of this type releases it: the kind says so (streams, bodies), or it is a
   * Disposable that is async-iterable, whose iterator is how it is consumed (a database cursor: the loop runs it to its
   * end, and leaving the loop early calls the iterator's `return()`).
   */
  releasedByIteration(kind: ResourceKind, type: ts.Type): boolean {
    if (kind.releasedByIteration) return true;
    if (kind !== DISPOSABLE_KIND) return false;
    try {
      return this.checker.getNonNullableType(type).getProperties().some((p) => /^__@asyncIterator@/.test(String(p.escapedName)));
    } catch {
      return false;
    }
  }

  /** `x[Symbol.dispose]`, `x[Symbol.asyncDispose]`, or a key whose type is one of them (`x[disposeSymbol]`). */
  isDisposeKey(key: ts.Expression): boolean {
    if (ts.isPropertyAccessExpression(key) && ts.isIdentifier(key.expression) && key.expression.text === 'Symbol') {
      return key.name.text === 'dispose' || key.name.text === 'asyncDispose';
    }
    try {
      const type = this.checker.getTypeAtLocation(key);
      if (!(type.flags & ts.TypeFlags.UniqueESSymbol)) return false;
      const symbol = type.getSymbol();
      const name = String(symbol?.escapedName ?? '');
      const owner = (symbol as (ts.Symbol & { parent?: ts.Symbol }) | undefined)?.parent;
      return (name === 'dispose' || name === 'asyncDispose') && String(owner?.escapedName ?? '') === 'SymbolConstructor';
    } catch {
      return false;
    }
  }

  /** The catalog rule for a call, matched by the callee's declaration (free function) or its receiver type. */
  callRule(callee: ts.Expression): CallRule | undefined {
    try {
      if (ts.isPropertyAccessExpression(callee)) {
        const method = callee.name.text;
        const receiver = this.checker.getTypeAtLocation(callee.expression);
        const lineage = this.lineage(this.checker.getNonNullableType(receiver));
        const byReceiver = CALL_RULES.find(
          (rule) =>
            rule.receiver &&
            rule.methods?.includes(method) &&
            lineage.some((t) => typeMatchesSomeSpecifier(t, [rule.receiver!], this.program)),
        );
        if (byReceiver) return byReceiver;
      }
      const calleeType = this.checker.getTypeAtLocation(callee);
      const cached = this.calleeCache.get(calleeType);
      if (cached !== undefined) return cached ?? undefined;
      const rule = CALL_RULES.find((r) => r.function && this.eachMatches(calleeType, [r.function]));
      this.calleeCache.set(calleeType, rule ?? null);
      return rule;
    } catch {
      return undefined;
    }
  }

  /** `(secure ? https : http).get`: a callee that is one of several functions matches when each of them does. */
  private eachMatches(calleeType: ts.Type, specifiers: readonly TypeOrValueSpecifier[]): boolean {
    const parts = calleeType.isUnion() ? calleeType.types : [calleeType];
    return parts.every((t) => typeMatchesSomeSpecifier(t, [...specifiers], this.program));
  }

  /** Whether the callee is one of the given functions (by declaration). */
  calleeMatches(callee: ts.Expression, specifiers: readonly TypeOrValueSpecifier[]): boolean {
    try {
      return this.eachMatches(this.checker.getTypeAtLocation(callee), specifiers);
    } catch {
      return false;
    }
  }
}
