// Class ownership: resources a class stores in its fields must be released by one of its disposal methods
// (the way Roslyn's CA2213 and IDisposableAnalyzers check C# classes). Works on the TypeScript AST through the
// checker, so inherited and `super.close()` disposal in other files is followed too.
import { AST_NODE_TYPES, ESLintUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';
import { type Catalog, isDisposalName, isDisposeProperty } from '../catalog/catalog.js';
import { LISTENER_METHODS } from '../catalog/resources.js';
import type { ResourceKind } from '../catalog/types.js';
import type { ProgramFunctions } from './program-functions.js';
import { childNodes, isFunctionNode, isJavaScriptFile, propertyName, skipValueWrappers } from './usage.js';

export const DEFAULT_DISPOSAL_METHODS = [
  'close',
  'dispose',
  'destroy',
  'stop',
  'end',
  'shutdown',
  'disconnect',
  'terminate',
  'release',
  'quit',
  'cleanup',
  'teardown',
  'unwatch',
  'unsubscribe',
];


/** A place where the class puts a resource it created into one of its fields. */
export interface FieldAcquisition {
  field: string; // `client`, `#timer`
  isStatic: boolean;
  kind: ResourceKind;
  /** The acquisition expression (report location). */
  node: TSESTree.Node;
  /** The method (constructor included) that stores it; undefined for a field initializer. */
  method?: TSESTree.MethodDefinition;
  /** Stored into a collection held by the field (`this.sockets.add(…)`). */
  collection: boolean;
  /** Created only when the field is unset (`??=`): never replaces a live one. */
  lazy?: boolean;
}

export interface DisposalMethod {
  name: string; // `close`, `[Symbol.asyncDispose]`
  /** Its function: a method, an arrow-function field, or a constructor function's prototype method. */
  declaration: ts.FunctionLikeDeclaration;
  /** Declared in a base class, not in this one. */
  inheritedFrom?: string;
}

export type FieldFinding =
  | { type: 'notReleased'; acquisition: FieldAcquisition; disposals: DisposalMethod[] }
  | { type: 'noDisposal'; acquisition: FieldAcquisition }
  | { type: 'overwrite'; acquisition: FieldAcquisition; method: TSESTree.MethodDefinition };

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;



/**
 * `this.x` / `this.#x` → `x` / `#x`; with `sourceCode`, also `self.x` where `self` is a local holding `this` (`var self =
 * this`, how code written before arrow functions reaches the instance from its callbacks).
 */
function thisField(node: TSESTree.Node, sourceCode?: Readonly<TSESLint.SourceCode>): string | undefined {
  if (node.type !== AST_NODE_TYPES.MemberExpression || node.computed) return undefined;
  const isThis =
    node.object.type === AST_NODE_TYPES.ThisExpression ||
    (!!sourceCode && node.object.type === AST_NODE_TYPES.Identifier && holdsThis(node.object, sourceCode));
  if (!isThis) return undefined;
  return node.property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${node.property.name}` : node.property.name;
}

/** `self` in `var self = this; … self.timer = …`: a variable whose only value is `this`. */
function holdsThis(id: TSESTree.Identifier, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const variable = sourceCode.getScope(id).references.find((r) => r.identifier === id)?.resolved;
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  return (
    definition?.node.type === AST_NODE_TYPES.VariableDeclarator &&
    definition.node.init?.type === AST_NODE_TYPES.ThisExpression &&
    variable!.references.every((r) => !r.isWrite() || r.init)
  );
}

/** `this.m.values()`, `Array.from(this.s)`, `[...this.s]`, `this.s ?? []`: the collection being iterated. */
function collectionSource(node: ts.Node): ts.Node {
  let e = node;
  for (;;) {
    if (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
    else if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'values' && e.arguments.length === 0) {
      e = e.expression.expression;
    } else if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'from' && e.arguments.length === 1) {
      e = e.arguments[0];
    } else if (ts.isArrayLiteralExpression(e) && e.elements.length === 1 && ts.isSpreadElement(e.elements[0])) {
      e = e.elements[0].expression;
    } else if (
      ts.isBinaryExpression(e) &&
      (e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === ts.SyntaxKind.BarBarToken)
    ) {
      e = e.left;
    } else {
      return e;
    }
  }
}

/** In `namesIn`: the statement calls a method of `this` or `super` (which may release any field). */
const CALLS_THIS_MEMBER = '\0this.method()';

/** A block or `case`/`default` clause: what `namesIn` and the disposal walk take statement by statement. */
function holdsStatements(node: ts.Node): node is ts.Block | ts.CaseClause | ts.DefaultClause {
  return ts.isBlock(node) || ts.isCaseClause(node) || ts.isDefaultClause(node);
}

/** `X.prototype` for the `X` of it (what a prototype-setting call is given), else the node itself. */
function outermostPrototype(id: TSESTree.Node): TSESTree.Node {
  const member = id.parent;
  return member?.type === AST_NODE_TYPES.MemberExpression && member.object === id && propertyName(member) === 'prototype' ? member : id;
}

/** `Base` for `Base.prototype`, else the node itself. */
function outermostPrototypeObject(node: TSESTree.Node): TSESTree.Node {
  return node.type === AST_NODE_TYPES.MemberExpression && propertyName(node) === 'prototype' ? node.object : node;
}

/** `(fn)`, `fn as T`, `fn satisfies T`, `fn!`: the expression inside. */
function skipTsWrappers(node: ts.Expression): ts.Expression {
  let e = node;
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
  return e;
}

/** `this.x` / `this.#x` in the TypeScript AST; with a checker, also `self.x` where `self` only ever holds `this`. */
function tsThisField(node: ts.Node, checker?: ts.TypeChecker): string | undefined {
  if (!ts.isPropertyAccessExpression(node)) return undefined;
  const object = node.expression;
  if (object.kind !== ts.SyntaxKind.ThisKeyword) {
    if (!checker || !ts.isIdentifier(object)) return undefined;
    const declaration = checker.getSymbolAtLocation(object)?.valueDeclaration;
    const list = declaration?.parent;
    const constant = !!list && ts.isVariableDeclarationList(list) && !!(list.flags & ts.NodeFlags.Const);
    // `const self = this`, or `var self = this` in code written before `const` (a reassigned one is rare there).
    if (!declaration || !ts.isVariableDeclaration(declaration) || declaration.initializer?.kind !== ts.SyntaxKind.ThisKeyword) return undefined;
    if (!constant && !isJavaScriptFile(declaration.getSourceFile().fileName)) return undefined;
  }
  // A private name's text keeps its `#`, matching how fields are named here.
  return node.name.text;
}

export class ClassFieldAnalysis {
  constructor(
    private readonly services: ReturnType<typeof ESLintUtils.getParserServices>,
    private readonly checker: ts.TypeChecker,
    private readonly catalog: Catalog,
    private readonly functions: ProgramFunctions,
    private readonly disposalNames: readonly string[],
    /** Report a method that replaces a live field only where it evidently runs again (the `strict` config). */
    private readonly checkOverwrites = false,
  ) {}

  private kindOf(expression: TSESTree.Node): ResourceKind | undefined {
    const value = skipValueWrappers(expression);
    if (value.type !== AST_NODE_TYPES.CallExpression && value.type !== AST_NODE_TYPES.NewExpression) return undefined;
    const tsNode = this.services.esTreeNodeToTSNodeMap.get(value) as ts.CallExpression | ts.NewExpression;
    return this.functions.acquisitionKind(tsNode, expression.type === AST_NODE_TYPES.AwaitExpression);
  }

  /** Every resource the class creates and keeps in a field. */
  acquisitions(cls: ClassNode, sourceCode: Readonly<TSESLint.SourceCode>): FieldAcquisition[] {
    const found: FieldAcquisition[] = [];
    for (const member of cls.body.body) {
      if (member.type === AST_NODE_TYPES.PropertyDefinition && member.value && !member.computed) {
        const field =
          member.key.type === AST_NODE_TYPES.PrivateIdentifier
            ? `#${member.key.name}`
            : member.key.type === AST_NODE_TYPES.Identifier
              ? member.key.name
              : undefined;
        const kind = field ? this.kindOf(member.value) : undefined;
        if (field && kind) found.push({ field, isStatic: member.static, kind, node: skipValueWrappers(member.value), collection: false });
      }
      if (member.type !== AST_NODE_TYPES.MethodDefinition) continue;
      const body = member.value.body;
      if (!body) continue;
      this.collectStores(body, member.static, member, found, sourceCode);
    }
    return found;
  }

  /** The resources a method body stores in fields of `this` (`this.x = …`, `this.list.push(…)`), into `found`. */
  private collectStores(
    body: TSESTree.Node,
    isStatic: boolean,
    method: TSESTree.MethodDefinition | undefined,
    found: FieldAcquisition[],
    sourceCode: Readonly<TSESLint.SourceCode>,
    /** Code written before arrow functions reaches the instance through `var self = this`. */
    aliases = false,
  ): void {
    const fieldOf = (node: TSESTree.Node): string | undefined => thisField(node, aliases ? sourceCode : undefined);
    const visit = (node: TSESTree.Node): void => {
      // Nested classes own their own fields; nested functions still run as this class's code (arrow callbacks).
      if (node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression) return;
      if (node.type === AST_NODE_TYPES.AssignmentExpression && ['=', '??=', '||='].includes(node.operator)) {
        const field = fieldOf(node.left);
        if (field) {
          const acquisition = this.storedResource(node.right, sourceCode);
          // `this.#client ??= new Client(url)` creates one only when unset: it never replaces a live one.
          const lazy = node.operator !== '=';
          if (acquisition) found.push({ field, isStatic, ...acquisition, method, collection: false, lazy });
        }
      }
      if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression) {
        const field = fieldOf(node.callee.object);
        const name = node.callee.property.type === AST_NODE_TYPES.Identifier ? node.callee.property.name : '';
        if (field && ['add', 'push', 'set', 'unshift'].includes(name)) {
          const value = node.arguments[name === 'set' ? 1 : 0];
          const acquisition = value && this.storedResource(value, sourceCode);
          if (acquisition) found.push({ field, isStatic, ...acquisition, method, collection: true });
        }
      }
      for (const child of childNodes(node)) visit(child);
    };
    visit(body);
  }

  /**
   * `function Poller(port) { this.timer = setInterval(…) }` with `Poller.prototype.close = function () { … }`: a
   * constructor function of a JavaScript file, which TypeScript types as a class. Its symbol, if it is one: the
   * variable's for `var Client = function Client() { … }` (the prototype hangs on the variable, not on the inner name).
   */
  constructorFunctionSymbol(fn: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression): ts.Symbol | undefined {
    const tsFn = this.services.esTreeNodeToTSNodeMap.get(fn) as ts.FunctionDeclaration | ts.FunctionExpression;
    if (!isJavaScriptFile(tsFn.getSourceFile().fileName)) return undefined;
    let name: ts.Node | undefined;
    if (ts.isFunctionDeclaration(tsFn)) name = tsFn.name;
    // `var Poller = function (port) { … }`; other places a function expression is put are not followed.
    else if (ts.isVariableDeclaration(tsFn.parent) && tsFn.parent.initializer === tsFn) name = tsFn.parent.name;
    const symbol = name && this.checker.getSymbolAtLocation(name);
    return symbol && symbol.flags & ts.SymbolFlags.Class ? symbol : undefined;
  }

  /**
   * The function a class member runs when called: a method with a body, or a property holding an arrow function or
   * function expression (`close = () => { … }`: a method written as a field, bound to the instance).
   */
  private memberFunction(declaration: ts.Declaration): ts.FunctionLikeDeclaration | undefined {
    if (ts.isMethodDeclaration(declaration)) return declaration.body ? declaration : undefined;
    if (ts.isPropertyDeclaration(declaration) && declaration.initializer) {
      const value = skipTsWrappers(declaration.initializer);
      if (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) return value;
    }
    return undefined;
  }

  /**
   * The function a member of a constructor function's instances runs: `X.prototype.m = function () { … }` (also
   * `X.prototype['m']`, a function declared elsewhere and assigned by name, or a property of an object literal
   * assigned to `X.prototype`); undefined when its body cannot be read.
   */
  private prototypeMethod(declaration: ts.Declaration): ts.FunctionLikeDeclaration | undefined {
    let value: ts.Expression | undefined;
    if (ts.isMethodDeclaration(declaration)) return this.memberFunction(declaration);
    if (ts.isPropertyAssignment(declaration)) value = declaration.initializer;
    else {
      let assignment: ts.Node = declaration;
      if (ts.isPropertyAccessExpression(assignment) || ts.isElementAccessExpression(assignment)) assignment = assignment.parent;
      if (!ts.isBinaryExpression(assignment) || assignment.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
      value = assignment.right;
    }
    value = skipTsWrappers(value);
    if (ts.isIdentifier(value)) {
      const target = this.checker.getSymbolAtLocation(value)?.valueDeclaration;
      return target && ts.isFunctionDeclaration(target) && target.body ? target : undefined;
    }
    return (ts.isFunctionExpression(value) || ts.isArrowFunction(value)) && value.body ? value : undefined;
  }

  /**
   * Findings for a constructor function (see constructorFunctionSymbol), by the same rules as for a class: what the
   * constructor or a prototype method stores in `this` (or `self`) must be released by a disposal method on the
   * prototype (its own or one it inherits: `util.inherits(Sub, Base)`), by another of its methods, or by the
   * constructor (a `'close'` listener it registers). Only functions with methods on their prototype are classes; one
   * that takes its state from another constructor (`Base.call(this)`) or lends it to others (a mixin:
   * `Timed.call(this)`), or whose disposal-named member cannot be read, is not judged. One-shot timeouts and
   * overwrites are not judged here: they need to know which methods run again.
   */
  analyseConstructorFunction(fn: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression, sourceCode: Readonly<TSESLint.SourceCode>): FieldFinding[] {
    // Generators and async functions cannot be called with `new`.
    if (fn.generator || fn.async) return [];
    const symbol = this.constructorFunctionSymbol(fn);
    if (!symbol || !fn.body) return [];
    const variable =
      fn.type === AST_NODE_TYPES.FunctionDeclaration ? sourceCode.getDeclaredVariables(fn)[0] : sourceCode.getDeclaredVariables(fn.parent as TSESTree.VariableDeclarator)[0];
    if (!variable) return [];
    const callsOn = (node: TSESTree.Node): boolean => {
      // `X.call(this, …)`, `X.apply(this, …)`
      const member = node.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== node || !['call', 'apply'].includes(propertyName(member) ?? '')) return false;
      const call = member.parent;
      return call?.type === AST_NODE_TYPES.CallExpression && call.arguments[0]?.type === AST_NODE_TYPES.ThisExpression;
    };
    // A mixin: another constructor runs it on its own instance.
    if (variable.references.some((r) => callsOn(r.identifier))) return [];
    // State from a base constructor: its methods are the ones that release it.
    let inheritsState = false;
    const visit = (node: TSESTree.Node): void => {
      if (inheritsState || (node !== fn.body && isFunctionNode(node) && node.type !== AST_NODE_TYPES.ArrowFunctionExpression)) return;
      if (node.type === AST_NODE_TYPES.MemberExpression && callsOn(node.object)) inheritsState = true;
      for (const child of childNodes(node)) visit(child);
    };
    visit(fn.body);
    if (inheritsState) return [];
    const types = [this.checker.getDeclaredTypeOfSymbol(symbol)];
    // `util.inherits(Sub, Base)`, `Object.setPrototypeOf(Sub.prototype, Base.prototype)`: Base's methods are Sub's.
    for (const ref of variable.references) {
      const call = outermostPrototype(ref.identifier).parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(outermostPrototype(ref.identifier) as TSESTree.CallExpressionArgument)) continue;
      for (const argument of call.arguments) {
        const base = this.checker.getSymbolAtLocation(this.services.esTreeNodeToTSNodeMap.get(outermostPrototypeObject(argument)));
        if (base && base !== symbol && base.flags & ts.SymbolFlags.Class) types.push(this.checker.getDeclaredTypeOfSymbol(base));
      }
    }
    this.classSymbol = symbol;
    const methods: { name: string; fn: ts.FunctionLikeDeclaration }[] = [];
    const disposals: DisposalMethod[] = [];
    for (const type of types) {
      for (const property of this.checker.getPropertiesOfType(type)) {
        const disposalNamed = isDisposeProperty(String(property.escapedName)) || isDisposalName(property.name, this.disposalNames);
        for (const declaration of property.declarations ?? []) {
          const method = this.prototypeMethod(declaration);
          if (method) {
            methods.push({ name: property.name, fn: method });
            if (disposalNamed) disposals.push({ name: property.name, declaration: method });
          } else if (disposalNamed) {
            // A disposal method the analysis cannot read (declared in a `.d.ts`, set with defineProperty): trusted.
            return [];
          }
        }
      }
    }
    // Only a function with methods on its prototype is a class (TypeScript takes any function that sets `this.x` as one).
    if (methods.length === 0) return [];
    const found: FieldAcquisition[] = [];
    this.collectStores(fn.body, false, undefined, found, sourceCode, true);
    for (const method of methods) {
      const body = method.fn.body && (this.services.tsNodeToESTreeNodeMap.get(method.fn.body) as TSESTree.Node | undefined);
      if (body) this.collectStores(body, false, undefined, found, sourceCode, true);
    }
    const tsFn = this.services.esTreeNodeToTSNodeMap.get(fn) as ts.FunctionLikeDeclaration;
    const findings: FieldFinding[] = [];
    const reported = new Set<string>();
    for (const acquisition of found) {
      const { field, kind, collection } = acquisition;
      if (kind.oneShot || reported.has(field)) continue;
      if (kind.madeBy && this.madeByField(acquisition.node, kind)) continue;
      const releasedBy = (f: ts.FunctionLikeDeclaration): boolean => this.releases(f, field, kind, collection);
      if (disposals.some((d) => releasedBy(d.declaration)) || methods.some((m) => releasedBy(m.fn)) || releasedBy(tsFn)) continue;
      findings.push(disposals.length > 0 ? { type: 'notReleased', acquisition, disposals } : { type: 'noDisposal', acquisition });
      reported.add(field);
    }
    return findings;
  }

  /** The resource a stored value holds: created right there, or in a local initialized by an acquisition. */
  private storedResource(value: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): { kind: ResourceKind; node: TSESTree.Node } | undefined {
    const kind = this.kindOf(value);
    if (kind) return { kind, node: skipValueWrappers(value) };
    const inner = skipValueWrappers(value);
    if (inner.type !== AST_NODE_TYPES.Identifier) return undefined;
    const scope = sourceCode.getScope(inner);
    const variable = scope.references.find((r) => r.identifier === inner)?.resolved;
    const definition = variable?.defs[0];
    if (definition?.type !== 'Variable' || !definition.node.init) return undefined;
    const initKind = this.kindOf(definition.node.init);
    return initKind ? { kind: initKind, node: skipValueWrappers(definition.node.init) } : undefined;
  }

  /** The members of the class's instances (or, for static fields, of the class itself), its own and inherited. */
  private members(tsClass: ts.ClassLikeDeclaration, isStatic: boolean): ts.Symbol[] {
    const symbol = tsClass.name ? this.checker.getSymbolAtLocation(tsClass.name) : this.checker.getTypeAtLocation(tsClass).getSymbol();
    if (!symbol) return [];
    const type = isStatic ? this.checker.getTypeOfSymbolAtLocation(symbol, tsClass) : this.checker.getDeclaredTypeOfSymbol(symbol);
    return this.checker.getPropertiesOfType(type);
  }

  /** The disposal methods the class has, its own and inherited. */
  /** Per class, its disposal methods: [instance, static]. */
  private readonly disposalsCache = new Map<ts.Node, [DisposalMethod[]?, DisposalMethod[]?]>();

  disposals(cls: ClassNode, isStatic: boolean): DisposalMethod[] {
    const tsClass = this.services.esTreeNodeToTSNodeMap.get(cls) as ts.ClassLikeDeclaration;
    const byStatic = this.disposalsCache.get(tsClass) ?? [];
    this.disposalsCache.set(tsClass, byStatic);
    const cached = byStatic[isStatic ? 1 : 0];
    if (cached) return cached;
    const result: DisposalMethod[] = [];
    byStatic[isStatic ? 1 : 0] = result;
    for (const property of this.members(tsClass, isStatic)) {
      const escaped = String(property.escapedName);
      const isDispose = isDisposeProperty(escaped);
      if (!isDispose && !isDisposalName(property.name, this.disposalNames)) continue;
      // With overloads, the implementation is the declaration that has a body; `close = () => { … }` is one too.
      const member = property.declarations?.find((d) => !!this.memberFunction(d)) as ts.MethodDeclaration | ts.PropertyDeclaration | undefined;
      const declaration = member && this.memberFunction(member);
      if (!member || !declaration) continue;
      // Private helpers (`private teardown()`, `#closeSocket()`) are not where callers dispose the class; they count
      // only through the disposal methods that call them.
      const isPrivate =
        ts.isPrivateIdentifier(member.name) ||
        !!ts.getModifiers(member)?.some((m) => m.kind === ts.SyntaxKind.PrivateKeyword);
      if (isPrivate) continue;
      const owner = member.parent;
      const inheritedFrom = owner !== tsClass && ts.isClassLike(owner) ? (owner.name?.text ?? 'a base class') : undefined;
      const name = isDispose ? `[Symbol.${escaped.includes('async') ? 'asyncDispose' : 'dispose'}]` : property.name;
      result.push({ name, declaration, inheritedFrom });
    }
    return result;
  }

  /**
   * Whether anything else in the class or its bases can release the field: a method that is not a private helper
   * (helpers count through their callers) or the constructor releases it — `clear()`, `cancel()`, a template method's
   * hook, a listener registered at construction — or a base class declared without bodies (a `.d.ts`) has a disposal
   * method, whose declaration is trusted.
   */
  releasedElsewhere(
    cls: ClassNode,
    isStatic: boolean,
    field: string,
    kind: ResourceKind,
    collection: boolean,
    /**
     * Methods that store a new resource in the field, with where the last store is: a release before it only makes
     * room for the next resource; one after it releases what was just stored (`child.unref()` after a spawn).
     */
    acquiring: ReadonlyMap<ts.Node, number>,
  ): boolean {
    const tsClass = this.services.esTreeNodeToTSNodeMap.get(cls) as ts.ClassLikeDeclaration;
    for (const property of this.members(tsClass, isStatic)) {
      for (const member of property.declarations ?? []) {
        if (!ts.isMethodDeclaration(member) && !ts.isPropertyDeclaration(member)) continue;
        const declaration = this.memberFunction(member);
        if (!declaration) {
          const declared = member.getSourceFile().isDeclarationFile;
          if (ts.isMethodDeclaration(member) && declared && (isDisposeProperty(String(property.escapedName)) || isDisposalName(property.name, this.disposalNames))) return true;
          continue;
        }
        const isPrivate =
          ts.isPrivateIdentifier(member.name) || !!ts.getModifiers(member)?.some((m) => m.kind === ts.SyntaxKind.PrivateKeyword);
        // A private helper counts through its callers, unless the class hands it out as a callback (a listener
        // table, `emitter.on('close', this.#onClose)`): then it runs whenever that fires.
        const reachable = !isPrivate || this.referencedAsValue(tsClass, property);
        if (reachable && this.releases(declaration, field, kind, collection, new Set(), acquiring.get(declaration))) return true;
      }
    }
    const constructor = tsClass.members.find(ts.isConstructorDeclaration);
    return (
      !isStatic &&
      !!constructor?.body &&
      this.releases(constructor, field, kind, collection, new Set(), acquiring.get(constructor))
    );
  }

  /** Whether the class uses the method as a value (`this.#removeClient` not called on the spot). */
  private referencedAsValue(tsClass: ts.ClassLikeDeclaration, property: ts.Symbol): boolean {
    let byProperty = this.referencedCache.get(tsClass);
    if (!byProperty) this.referencedCache.set(tsClass, (byProperty = new Map()));
    const cached = byProperty.get(property);
    if (cached !== undefined) return cached;
    let found = false;
    const visit = (n: ts.Node): void => {
      if (found) return;
      if (
        ts.isPropertyAccessExpression(n) &&
        n.expression.kind === ts.SyntaxKind.ThisKeyword &&
        !!this.checker.getSymbolAtLocation(n.name)?.declarations?.some((d) => property.declarations?.includes(d))
      ) {
        let p = n.parent;
        while (ts.isParenthesizedExpression(p) || ts.isNonNullExpression(p)) p = p.parent;
        const called = ts.isCallExpression(p) && p.expression === n;
        const bound = ts.isPropertyAccessExpression(p) && ['call', 'apply'].includes(p.name.text);
        if (!called && !bound) found = true;
      }
      ts.forEachChild(n, visit);
    };
    visit(tsClass);
    byProperty.set(property, found);
    return found;
  }

  /** Per class, whether each private method is used as a value (see referencedAsValue). */
  private readonly referencedCache = new Map<ts.Node, Map<ts.Symbol, boolean>>();

  private readonly namesCache = new Map<ts.Node, Set<string>>();
  /** Per list of statements, which of them mention each name (indices, ascending). */
  private readonly mentionIndex = new Map<ts.NodeArray<ts.Statement>, Map<string, number[]>>();

  /**
   * Calls `fn` on the statements that mention one of the `wanted` names, in order; `wanted` is asked again after each
   * (a statement can add an alias that later statements use).
   */
  private eachMentioning(statements: ts.NodeArray<ts.Statement>, wanted: () => string[], fn: (statement: ts.Node) => void): void {
    let index = this.mentionIndex.get(statements);
    if (!index) {
      index = new Map();
      for (const [i, statement] of statements.entries()) {
        for (const name of this.namesIn(statement)) {
          const at = index.get(name);
          if (at) at.push(i);
          else index.set(name, [i]);
        }
      }
      this.mentionIndex.set(statements, index);
    }
    for (let last = -1; ; ) {
      let next = Infinity;
      for (const name of wanted()) {
        const at = index.get(name);
        if (!at) continue;
        // The first index after `last` (binary search).
        let lo = 0;
        let hi = at.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (at[mid]! <= last) lo = mid + 1;
          else hi = mid;
        }
        if (lo < at.length && at[lo]! < next) next = at[lo]!;
      }
      if (next === Infinity) return;
      fn(statements[next]!);
      last = next;
    }
  }

  /** For `this.x` where `x` is a getter that returns a field (`get fork() { return this._fork; }`), that field. */
  private getterField(access: ts.PropertyAccessExpression): string | undefined {
    if (access.expression.kind !== ts.SyntaxKind.ThisKeyword) return undefined;
    const getter = this.checker.getSymbolAtLocation(access.name)?.declarations?.find(ts.isGetAccessorDeclaration);
    const returned = getter?.body?.statements.find(ts.isReturnStatement)?.expression;
    return returned && tsThisField(ts.isNonNullExpression(returned) ? returned.expression : returned);
  }

  /**
   * The names a statement mentions: identifiers, private names and string keys; for `this.x` where `x` is a getter
   * returning a field, that field too; and CALLS_THIS_MEMBER when it calls a method of `this` or `super`.
   */
  private namesIn(statement: ts.Node): Set<string> {
    const cached = this.namesCache.get(statement);
    if (cached) return cached;
    const names = new Set<string>();
    const visit = (n: ts.Node): void => {
      if (n !== statement && n.parent && holdsStatements(n.parent)) {
        for (const name of this.namesIn(n)) names.add(name);
        return;
      }
      if (ts.isIdentifier(n) || ts.isPrivateIdentifier(n) || ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) names.add(n.text);
      if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression)) {
        const receiver = n.expression.expression.kind;
        if (receiver === ts.SyntaxKind.ThisKeyword || receiver === ts.SyntaxKind.SuperKeyword) names.add(CALLS_THIS_MEMBER);
      }
      if (ts.isPropertyAccessExpression(n) && !(ts.isCallExpression(n.parent) && n.parent.expression === n)) {
        const field = this.getterField(n);
        if (field) names.add(field);
      }
      ts.forEachChild(n, visit);
    };
    visit(statement);
    this.namesCache.set(statement, names);
    return names;
  }

  /** Whether a method releases `this.<field>` (directly, through helpers it calls, or `super` methods). */
  releases(method: ts.FunctionLikeDeclaration, field: string, kind: ResourceKind, collection: boolean, seen = new Set<ts.Node>(), after?: number): boolean {
    if (seen.has(method) || !method.body) return false;
    seen.add(method);
    let released = false;
    const aliases = new Set<ts.Symbol>();
    /** Aliases of one element of a collection field: `const stack = this.#clients.get(client);`. */
    const elementAliases = new Set<ts.Symbol>();
    const isField = (n: ts.Node): boolean => {
      let e = ts.isParenthesizedExpression(n) || ts.isNonNullExpression(n) || ts.isAwaitExpression(n) ? n.expression : n;
      // `this.client ?? await this.clientPromise`, `cond ? this.client : other`, `(_a = this.client)`: what the
      // expression may evaluate to (TypeScript's own output for `??` has the last two shapes).
      if (ts.isConditionalExpression(e)) return isField(e.whenTrue) || isField(e.whenFalse);
      if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken) return isField(e.right);
      if (!collection && ts.isBinaryExpression(e) && (e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
        return isField(e.left) || isField(e.right);
      }
      if (collection) e = collectionSource(e);
      if (tsThisField(e, this.checker) === field) return true;
      // `process.kill(this.child.pid)`: the descriptor is the resource under another value.
      if (kind.descriptor && ts.isPropertyAccessExpression(e) && e.name.text === kind.descriptor && isField(e.expression)) return true;
      // `get fork() { return this._fork; }` … `const fork = this.fork; fork.kill();`
      if (ts.isPropertyAccessExpression(e) && this.getterField(e) === field) return true;
      // A static field through the class name: `Api.agent.close()`.
      if (
        this.classSymbol &&
        ts.isPropertyAccessExpression(e) &&
        ts.isIdentifier(e.expression) &&
        e.name.text === field &&
        this.checker.getSymbolAtLocation(e.expression) === this.classSymbol
      ) {
        return true;
      }
      if (ts.isIdentifier(e)) {
        const s = this.checker.getSymbolAtLocation(e);
        return !!s && aliases.has(s);
      }
      return false;
    };
    const releasesElement = (fn: ts.Node | undefined, element: ts.Node | undefined): boolean => {
      if (!fn || !element || !ts.isIdentifier(element)) return false;
      const symbol = this.checker.getSymbolAtLocation(element);
      let found = false;
      const scan = (n: ts.Node): void => {
        if (found) return;
        if (ts.isCallExpression(n)) {
          const callee = n.expression;
          if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && this.checker.getSymbolAtLocation(callee.expression) === symbol) {
            if (this.catalog.isReleaseMethod(kind, callee.name.text)) found = true;
          }
          if (n.arguments.some((a) => ts.isIdentifier(a) && this.checker.getSymbolAtLocation(a) === symbol) && this.catalog.callRule(callee)?.effect === 'release') {
            found = true;
          }
        }
        ts.forEachChild(n, scan);
      };
      scan(fn);
      return found;
    };
    /** `this.#clients.get(client)`, `this.#clients[key]`: one element of the collection field. */
    const isElement = (n: ts.Node): boolean => {
      const e = ts.isParenthesizedExpression(n) || ts.isNonNullExpression(n) || ts.isAwaitExpression(n) ? n.expression : n;
      if (ts.isIdentifier(e)) {
        const symbol = this.checker.getSymbolAtLocation(e);
        return !!symbol && elementAliases.has(symbol);
      }
      if (ts.isElementAccessExpression(e)) return tsThisField(e.expression, this.checker) === field;
      return ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'get' && tsThisField(e.expression.expression, this.checker) === field;
    };
    /**
     * The names that make a statement worth a look: the field, its aliases, and CALLS_THIS_MEMBER (a helper may release
     * it). The other statements of a block are skipped, so a class with many fields is not walked in full per field.
     */
    const wanted = (): string[] => [field, CALLS_THIS_MEMBER, ...[...aliases, ...elementAliases].map((alias) => alias.name)];
    /** Visits `n`'s children; of a block's statements only those that mention a wanted name, in order. */
    const children = (n: ts.Node, visitChild: (child: ts.Node) => void): void => {
      if (holdsStatements(n)) {
        if (ts.isCaseClause(n)) visitChild(n.expression);
        this.eachMentioning(n.statements, wanted, visitChild);
      } else {
        ts.forEachChild(n, visitChild);
      }
    };
    // `_a = this.client` anywhere in the method makes `_a` an alias (TypeScript's output for `this.client ?? …`).
    const findAssignedAliases = (n: ts.Node): void => {
      if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(n.left) && isField(n.right)) {
        const s = this.checker.getSymbolAtLocation(n.left);
        if (s) aliases.add(s);
      }
      children(n, findAssignedAliases);
    };
    findAssignedAliases(method.body);
    const visit = (n: ts.Node): void => {
      if (released) return;
      // Only what comes after `after` counts (see releasedElsewhere).
      if (after !== undefined && ts.isCallExpression(n) && n.getStart() < after) {
        ts.forEachChild(n, visit);
        return;
      }
      // `const c = this.client; await c.close();`
      if (ts.isVariableDeclaration(n) && n.initializer && isField(n.initializer) && ts.isIdentifier(n.name)) {
        const s = this.checker.getSymbolAtLocation(n.name);
        if (s) aliases.add(s);
      }
      if (collection && ts.isVariableDeclaration(n) && n.initializer && isElement(n.initializer) && ts.isIdentifier(n.name)) {
        const s = this.checker.getSymbolAtLocation(n.name);
        if (s) elementAliases.add(s);
      }
      if (ts.isCallExpression(n)) {
        const callee = n.expression;
        // this.clients.get(client)?.dispose(): each element is released as it is taken out.
        if (collection && (ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee)) && isElement(callee.expression)) {
          const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : this.catalog.isDisposeKey(callee.argumentExpression) ? '@@dispose' : '';
          if (this.catalog.isReleaseMethod(kind, name)) released = true;
        }
        // this.field.close(), this.field?.close(), this.field[Symbol.dispose]()
        if ((ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee)) && isField(callee.expression) && !collection) {
          const name = ts.isPropertyAccessExpression(callee)
            ? callee.name.text
            : this.catalog.isDisposeKey(callee.argumentExpression)
              ? '@@dispose'
              : '';
          if (this.catalog.isReleaseMethod(kind, name)) released = true;
        }
        // clearInterval(this.timer), pipeline(this.stream, …)
        if (!collection && n.arguments.some(isField) && this.catalog.callRule(callee)?.effect === 'release') released = true;
        // this.sockets.forEach((s) => s.destroy()), this.timers.forEach(clearInterval)
        if (collection && ts.isPropertyAccessExpression(callee) && isField(callee.expression) && ['forEach', 'map'].includes(callee.name.text)) {
          const fn = n.arguments[0];
          if (fn && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && releasesElement(fn.body, fn.parameters[0]?.name)) released = true;
          if (fn && !ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn) && this.catalog.callRule(fn)?.effect === 'release') released = true;
        }
        // Array.from(this.clients, (item) => item.close())
        if (
          collection &&
          ts.isPropertyAccessExpression(callee) &&
          callee.name.text === 'from' &&
          n.arguments.length === 2 &&
          isField(n.arguments[0])
        ) {
          const fn = n.arguments[1];
          if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && releasesElement(fn.body, fn.parameters[0]?.name)) released = true;
        }
        // this.helper(), this.#helper(), super.close()
        if (ts.isPropertyAccessExpression(callee) && (callee.expression.kind === ts.SyntaxKind.ThisKeyword || callee.expression.kind === ts.SyntaxKind.SuperKeyword)) {
          const declaration = this.checker.getSymbolAtLocation(callee.name)?.valueDeclaration;
          const helper = declaration && this.memberFunction(declaration);
          if (helper && this.releases(helper, field, kind, collection, seen)) released = true;
        }
      }
      // for (const s of this.sockets) s.destroy();
      if (collection && (ts.isForOfStatement(n) || ts.isForInStatement(n)) && isField(n.expression)) {
        const declaration = ts.isVariableDeclarationList(n.initializer) ? n.initializer.declarations[0] : undefined;
        if (declaration && releasesElement(n.statement, declaration.name)) released = true;
      }
      children(n, visit);
    };
    visit(method.body);
    return released;
  }

  /**
   * Whether a method that replaces `this.<field>` first releases or checks what it may still hold
   * (`clearInterval(this.timer)`, `if (this.timer) return;`) before the assignment at `position`.
   */
  guardsBeforeOverwrite(method: TSESTree.MethodDefinition, field: string, kind: ResourceKind, position: number): boolean {
    const tsMethod = this.services.esTreeNodeToTSNodeMap.get(method) as ts.MethodDeclaration;
    if (!tsMethod.body) return true;
    let guarded = false;
    /** Whether `n` reads a `this.` member that `which` accepts. */
    const mentions = (n: ts.Node, which: (member: string) => boolean): boolean => {
      let found = false;
      const scan = (m: ts.Node): void => {
        if (found) return;
        const member = tsThisField(m);
        if (member !== undefined && which(member)) found = true;
        ts.forEachChild(m, scan);
      };
      scan(n);
      return found;
    };
    const mentionsField = (n: ts.Node): boolean => mentions(n, (member) => member === field);
    const mentionsThisMember = (n: ts.Node): boolean => mentions(n, () => true);
    const visit = (n: ts.Node): void => {
      if (guarded || n.getStart() >= position) return;
      // if (this.timer) return; / if (this.timer) throw …; / if (!this.timer) { … assignment … }; a busy flag
      // (`if (this.#running) return;`) guards the same way.
      if (ts.isIfStatement(n) && mentionsThisMember(n.expression)) {
        const consequentExits = (s: ts.Statement): boolean =>
          ts.isReturnStatement(s) || ts.isThrowStatement(s) || (ts.isBlock(s) && s.statements.some((x) => ts.isReturnStatement(x) || ts.isThrowStatement(x)));
        const exits = consequentExits(n.thenStatement);
        const inside = n.thenStatement.pos <= position && position <= n.thenStatement.end;
        if (exits || (inside && mentionsField(n.expression))) guarded = true;
      }
      // assert(!this.#enabled, 'already started'): a function whose signature asserts its argument.
      if (ts.isCallExpression(n) && n.arguments.some(mentionsThisMember)) {
        const signature = this.checker.getResolvedSignature(n);
        const predicate = signature && this.checker.getTypePredicateOfSignature(signature);
        if (predicate && (predicate.kind === ts.TypePredicateKind.AssertsIdentifier || predicate.kind === ts.TypePredicateKind.AssertsThis)) guarded = true;
      }
      if (ts.isCallExpression(n)) {
        const callee = n.expression;
        if (ts.isPropertyAccessExpression(callee) && tsThisField(callee.expression) === field && this.catalog.isReleaseMethod(kind, callee.name.text)) guarded = true;
        if (n.arguments.some((a) => tsThisField(a) === field) && this.catalog.callRule(callee)?.effect === 'release') guarded = true;
        if (ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword) {
          const declaration = this.checker.getSymbolAtLocation(callee.name)?.valueDeclaration;
          if (declaration && ts.isMethodDeclaration(declaration) && this.releases(declaration, field, kind, false)) guarded = true;
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(tsMethod.body);
    return guarded;
  }

  /**
   * Whether the class evidently runs a method again while what it stored may still be live: a setter (every
   * assignment runs it); a method the class calls, or hands on as a callback, from a loop, a timer, an event
   * listener or the method itself (a reconnect on 'close', a retry); or one called from a method that runs again.
   * A public method the class never calls itself runs when its callers decide, and callers call `start()` once.
   */
  runsAgain(cls: ts.ClassLikeDeclaration, method: ts.MethodDeclaration | ts.AccessorDeclaration, seen = new Set<ts.Node>()): boolean {
    if (ts.isSetAccessorDeclaration(method)) return true;
    const cached = this.runsAgainCache.get(method);
    if (cached !== undefined) return cached;
    if (seen.has(method) || seen.size > 8) return false;
    seen.add(method);
    const name = ts.isPrivateIdentifier(method.name) || ts.isIdentifier(method.name) ? method.name.text : undefined;
    if (!name) return false;
    let again = false;
    const repeats = (reference: ts.Node): boolean => {
      for (let node: ts.Node = reference; node.parent && node !== cls; node = node.parent) {
        const parent = node.parent;
        if (parent === method) return true; // the method calls or schedules itself
        if (
          (ts.isForStatement(parent) || ts.isForOfStatement(parent) || ts.isForInStatement(parent) || ts.isWhileStatement(parent) || ts.isDoStatement(parent)) &&
          parent.statement === node
        ) {
          return true;
        }
        // A callback (or the method itself, or `this.m.bind(this)`) handed to a timer or an event listener.
        if (ts.isCallExpression(parent) && parent.arguments.includes(node as ts.Expression)) {
          const callee = parent.expression;
          if (this.catalog.kindOfCall(callee)) return true;
          if (ts.isPropertyAccessExpression(callee) && LISTENER_METHODS.has(callee.name.text)) return true;
        }
        // Called from another method of the class: it runs again when that one does.
        if ((ts.isMethodDeclaration(parent) || ts.isAccessor(parent)) && parent.parent === cls && parent.body === node) {
          return this.runsAgain(cls, parent, seen);
        }
      }
      return false;
    };
    const visit = (node: ts.Node): void => {
      if (again) return;
      if (ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword && node.name.text === name && repeats(node)) again = true;
      ts.forEachChild(node, visit);
    };
    visit(cls);
    // Only a whole answer is kept: one cut short by a cycle depends on where the search started.
    if (again || seen.size === 1) this.runsAgainCache.set(method, again);
    return again;
  }

  private readonly runsAgainCache = new Map<ts.Node, boolean>();

  /** `this.page = await this.browser.newPage()`: made by a method of another field of a kind that releases it with itself. */
  private madeByField(node: TSESTree.Node, kind: ResourceKind): boolean {
    let call: TSESTree.Node = node;
    while (call.type === AST_NODE_TYPES.AwaitExpression || call.type === AST_NODE_TYPES.TSNonNullExpression) call = call.type === AST_NODE_TYPES.AwaitExpression ? call.argument : call.expression;
    if (call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    let maker: TSESTree.Node = call.callee.object;
    if (maker.type === AST_NODE_TYPES.TSNonNullExpression) maker = maker.expression;
    if (thisField(maker) === undefined) return false;
    const makerKind = this.catalog.kindOfType(this.checker.getTypeAtLocation(this.services.esTreeNodeToTSNodeMap.get(maker)));
    return !!makerKind && kind.madeBy!.includes(makerKind.id);
  }

  /** `this.t = setTimeout(() => this.tick(), ms)` inside `tick()`: a timeout that schedules its own method again. */
  private rearmsItself(acquisition: FieldAcquisition): boolean {
    const method = acquisition.method;
    const call = acquisition.node;
    if (!method || call.type !== AST_NODE_TYPES.CallExpression) return false;
    const name =
      method.key.type === AST_NODE_TYPES.Identifier
        ? method.key.name
        : method.key.type === AST_NODE_TYPES.PrivateIdentifier
          ? `#${method.key.name}`
          : undefined;
    const callback = call.arguments[0];
    if (!name || !callback) return false;
    let found = false;
    const visit = (node: TSESTree.Node): void => {
      if (found) return;
      if (thisField(node) === name) found = true;
      for (const child of childNodes(node)) visit(child);
    };
    visit(callback);
    return found;
  }

  /** The class being analysed, for static fields named through it. */
  private classSymbol: ts.Symbol | undefined;

  /** Findings for one class. */
  analyse(cls: ClassNode, sourceCode: Readonly<TSESLint.SourceCode>): FieldFinding[] {
    const findings: FieldFinding[] = [];
    const tsClass = this.services.esTreeNodeToTSNodeMap.get(cls) as ts.ClassLikeDeclaration;
    this.classSymbol = tsClass.name ? this.checker.getSymbolAtLocation(tsClass.name) : undefined;
    const acquisitions = this.acquisitions(cls, sourceCode);
    if (acquisitions.length === 0) return findings;
    const reported = new Set<string>();
    // Per field, the methods that store a new resource in it and where their last store ends.
    const acquiringByField = new Map<string, Map<ts.Node, number>>();
    for (const a of acquisitions) {
      const key = `${a.isStatic}:${a.field}`;
      const acquiring = acquiringByField.get(key) ?? new Map<ts.Node, number>();
      acquiringByField.set(key, acquiring);
      if (!a.method) continue;
      const method = this.services.esTreeNodeToTSNodeMap.get(a.method) as ts.Node;
      const stored = (this.services.esTreeNodeToTSNodeMap.get(a.node) as ts.Node).getEnd();
      acquiring.set(method, Math.max(acquiring.get(method) ?? 0, stored));
    }
    for (const acquisition of acquisitions) {
      const { field, kind, method } = acquisition;
      const tsMethod = method && (this.services.esTreeNodeToTSNodeMap.get(method) as ts.MethodDeclaration | ts.AccessorDeclaration);
      // A one-shot timeout ends by itself; only one that re-arms itself (a repeating timer), or that a method the class
      // evidently runs again arms anew (`terminate() { this.closeTimer = setTimeout(…) }`), is owned like an interval.
      const rearms = kind.oneShot && this.rearmsItself(acquisition);
      // A timeout a disposal method arms (a kill timer after a graceful end) is that method's own way of releasing.
      const armedByDisposal = !!tsMethod && this.disposals(cls, acquisition.isStatic).some((d) => d.declaration === tsMethod);
      const armedAgain =
        kind.oneShot && !rearms && !!tsMethod && method.kind !== 'constructor' && !armedByDisposal && this.runsAgain(tsClass, tsMethod);
      if (kind.oneShot && !rearms && !armedAgain) continue;
      // `this.channel = await this.connection.createChannel()`: released with the field that made it.
      if (kind.madeBy && this.madeByField(acquisition.node, kind)) continue;
      const disposals = this.disposals(cls, acquisition.isStatic);
      const released = disposals.some((d) => this.releases(d.declaration, field, kind, acquisition.collection));
      const key = `${acquisition.isStatic}:${field}`;
      if (!released && !reported.has(key) && !this.releasedElsewhere(cls, acquisition.isStatic, field, kind, acquisition.collection, acquiringByField.get(key)!)) {
        // Static fields live as long as the class: only a static disposal method is expected to release them.
        if (disposals.length === 0 && !acquisition.isStatic) findings.push({ type: 'noDisposal', acquisition });
        else if (disposals.length > 0) findings.push({ type: 'notReleased', acquisition, disposals });
        reported.add(key);
      }
      // Replacing a field that may still hold a resource, outside the constructor, leaks the old one.
      const isConstructor = method?.kind === 'constructor';
      // A timeout that re-arms itself replaces a handle that has just fired.
      if (this.checkOverwrites && method && tsMethod && !isConstructor && !acquisition.collection && !acquisition.lazy && !rearms) {
        const assignment = acquisition.node.parent;
        const position = (this.services.esTreeNodeToTSNodeMap.get(assignment ?? acquisition.node) as ts.Node).getStart();
        if (this.runsAgain(tsClass, tsMethod) && !this.guardsBeforeOverwrite(method, field, kind, position)) {
          findings.push({ type: 'overwrite', acquisition, method });
        }
      }
    }
    return findings;
  }
}
