// Classifies what one use of a resource value does to its lifetime: release, hand off, alias, lend, or just use it.
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree, type ParserServicesWithTypeInformation } from '@typescript-eslint/utils';
import ts from 'typescript';
import { isThenableType } from 'ts-api-utils';
import type { Catalog } from '../catalog/catalog.js';
import { LISTENER_METHODS } from '../catalog/resources.js';
import type { ResourceKind } from '../catalog/types.js';
import type { LifetimeOptions } from '../options.js';
import type { ProgramFunctions } from './program-functions.js';

type Variable = TSESLint.Scope.Variable;

export type Use =
  | { t: 'release' }
  | { t: 'transfer' }
  | { t: 'borrow' }
  /**
   * Now also held by a local variable (`const b = a`); `container` when held inside an object or array; `body` when
   * the variable holds the response's body (`const { body } = await request(url)`).
   */
  | { t: 'alias'; variable: Variable; container: boolean; body?: boolean }
  /** Passed to a lender (`http.request({ agent })`), which uses it and leaves it open. */
  | { t: 'lent'; to: string }
  /** The value is discarded where it stands (`x;`, `void x`, `net.connect(p).on(...)` as a statement). */
  | { t: 'dropped' }
  /** (Closures only) called here (`direct`) or registered as a callback: the closure's own effect applies here. */
  | { t: 'invoked'; direct: boolean };

export type FunctionNode =
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression
  | TSESTree.ArrowFunctionExpression
  | TSESTree.StaticBlock
  | TSESTree.Program;

/** A JavaScript file (`.js`, `.jsx`, `.mjs`, `.cjs`), by its name. */
export function isJavaScriptFile(fileName: string): boolean {
  return /\.[cm]?jsx?$/i.test(fileName);
}

export function isFunctionNode(node: TSESTree.Node): node is Exclude<FunctionNode, TSESTree.Program> {
  return (
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.ArrowFunctionExpression
  );
}

/** The nearest function, class static block or program that contains `node`: the code path it runs in. */
export function enclosingFunction(node: TSESTree.Node): FunctionNode {
  for (let p: TSESTree.Node | undefined = node.parent; p; p = p.parent) {
    if (p.type === AST_NODE_TYPES.StaticBlock || p.type === AST_NODE_TYPES.Program || isFunctionNode(p)) return p;
  }
  throw new Error('node outside a program');
}

/** The outermost node that is still the same value as `node` once type-only wrappers (`as`, `!`, `?.`) are skipped. */
export function outermostValue(node: TSESTree.Node): TSESTree.Node {
  let cur = node;
  while (
    cur.parent &&
    (cur.parent.type === AST_NODE_TYPES.TSAsExpression ||
      cur.parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      cur.parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      cur.parent.type === AST_NODE_TYPES.ChainExpression)
  ) {
    cur = cur.parent;
  }
  return cur;
}

/** `{ …, autoClose: false }`: the object literal sets the property to the literal value. */
function hasOption(object: TSESTree.ObjectExpression, option: { property: string; value: boolean }): boolean {
  return object.properties.some(
    (p) => p.type === AST_NODE_TYPES.Property && propertyKey(p) === option.property && p.value.type === AST_NODE_TYPES.Literal && p.value.value === option.value,
  );
}

/** The name of an object literal's property (`{ from: x }`, `{ 'from': x }`), unless it is computed. */
function propertyKey(property: TSESTree.Property): string | undefined {
  if (property.computed) return undefined;
  return property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : property.key.type === AST_NODE_TYPES.Literal ? String(property.key.value) : undefined;
}

/**
 * Whether the value read at `id` flows on: called, passed to a call, returned, stored, or put in a literal — not only
 * tested (`typeof next === 'function'`, `if (next)`) or compared.
 */
export function flowsOn(id: TSESTree.Node): boolean {
  const cur = outermostValue(id);
  const parent = cur.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.SpreadElement:
    case AST_NODE_TYPES.ArrowFunctionExpression:
      return true;
    case AST_NODE_TYPES.Property:
      return parent.value === cur;
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.init === cur;
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.right === cur;
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.test !== cur;
    case AST_NODE_TYPES.LogicalExpression:
      return parent.right === cur;
    default:
      return false;
  }
}

/**
 * Where the resource read at `id` — or its body, `res.body` — is passed to other code: the call it is an argument of
 * (directly, or inside object and array literals), or 'literal' for a literal that goes elsewhere. Calling its own
 * methods (`res.json()`), reading a property (`res.status`), aliasing it (`const r = res`) or returning it passes
 * nothing on.
 */
export function passedTo(id: TSESTree.Node, bodyProperty?: string): TSESTree.CallExpression | TSESTree.NewExpression | 'literal' | undefined {
  let cur = outermostValue(id);
  const member = cur.parent;
  if (bodyProperty && member?.type === AST_NODE_TYPES.MemberExpression && member.object === cur && propertyName(member) === bodyProperty) {
    cur = outermostValue(member);
  }
  let inLiteral = false;
  for (;;) {
    const parent = cur.parent;
    if (parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) {
      return parent.callee === cur ? undefined : parent;
    }
    if (parent?.type === AST_NODE_TYPES.SpreadElement || parent?.type === AST_NODE_TYPES.ArrayExpression) {
      cur = parent.type === AST_NODE_TYPES.SpreadElement ? parent : outermostValue(parent);
      inLiteral = true;
      continue;
    }
    if (parent?.type === AST_NODE_TYPES.Property && parent.value === cur && parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
      cur = outermostValue(parent.parent);
      inLiteral = true;
      continue;
    }
    return inLiteral ? 'literal' : undefined;
  }
}

/** Whether `inner` lies within `outer` (nodes or source ranges). */
export function contains(outer: TSESTree.Node | TSESTree.Range, inner: TSESTree.Node | TSESTree.Range): boolean {
  const [a, b] = 'range' in outer ? outer.range : outer;
  const [c, d] = 'range' in inner ? inner.range : inner;
  return a <= c && d <= b;
}

/** The indentation of the line a node (or token) starts on, for edits that add lines next to it. */
export function lineIndent(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node | TSESTree.Token): string {
  return /^\s*/.exec(sourceCode.lines[node.loc.start.line - 1] ?? '')?.[0] ?? '';
}

/** The value an expression evaluates to once `await`, `as`, `!`, `satisfies` and `?.` wrappers are looked through. */
export function skipValueWrappers(node: TSESTree.Node): TSESTree.Node {
  let cur = node;
  while (
    cur.type === AST_NODE_TYPES.AwaitExpression ||
    cur.type === AST_NODE_TYPES.TSAsExpression ||
    cur.type === AST_NODE_TYPES.TSNonNullExpression ||
    cur.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    cur.type === AST_NODE_TYPES.ChainExpression
  ) {
    cur = cur.type === AST_NODE_TYPES.AwaitExpression ? cur.argument : cur.expression;
  }
  return cur;
}

/** The variable that names a function: its declaration's name, or the `const` it initialises. */
export function functionVariable(fn: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): TSESLint.Scope.Variable | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return sourceCode.getDeclaredVariables(fn)[0];
  const declarator = fn.parent;
  return declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init === fn
    ? sourceCode.getDeclaredVariables(declarator)[0]
    : undefined;
}

export function propertyName(member: TSESTree.MemberExpression): string | undefined {
  if (!member.computed) return member.property.type === AST_NODE_TYPES.Identifier ? member.property.name : undefined;
  const key = member.property;
  if (key.type === AST_NODE_TYPES.Literal && typeof key.value === 'string') return key.value;
  if (
    key.type === AST_NODE_TYPES.MemberExpression &&
    key.object.type === AST_NODE_TYPES.Identifier &&
    key.object.name === 'Symbol' &&
    key.property.type === AST_NODE_TYPES.Identifier &&
    (key.property.name === 'dispose' || key.property.name === 'asyncDispose')
  ) {
    return '@@dispose';
  }
  return undefined;
}

/** `for`, `for … in`, `for … of`, `while` and `do … while` statements. */
/** `open` when the node is the object of a call `node.open(…)`; undefined otherwise. */
export function calledMethod(node: TSESTree.Node): string | undefined {
  const member = node.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== node) return undefined;
  if (member.parent?.type !== AST_NODE_TYPES.CallExpression || member.parent.callee !== member) return undefined;
  return propertyName(member);
}

export function isLoop(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.ForStatement ||
    node.type === AST_NODE_TYPES.ForInStatement ||
    node.type === AST_NODE_TYPES.ForOfStatement ||
    node.type === AST_NODE_TYPES.WhileStatement ||
    node.type === AST_NODE_TYPES.DoWhileStatement
  );
}

/** The direct child nodes of an ESTree node (every property holding a node or nodes, the parent excepted). */
export function childNodes(node: TSESTree.Node): TSESTree.Node[] {
  const children: TSESTree.Node[] = [];
  for (const key of Object.keys(node) as (keyof typeof node)[]) {
    if (key === 'parent') continue;
    const value = node[key] as unknown;
    for (const child of Array.isArray(value) ? value : [value]) {
      if (child && typeof child === 'object' && 'type' in child) children.push(child as TSESTree.Node);
    }
  }
  return children;
}

/** Whether a loop has a way out of its body: a `break` to it, or a `return`/`throw` not inside a nested function. */
export function loopCanEnd(loop: TSESTree.ForOfStatement): boolean {
  let found = false;
  const visit = (node: TSESTree.Node, depth: number): void => {
    if (found) return;
    if (isFunctionNode(node)) return;
    // A `yield` hands control to a consumer that may stop the generator, which leaves the loop.
    if (node.type === AST_NODE_TYPES.ReturnStatement || node.type === AST_NODE_TYPES.ThrowStatement || node.type === AST_NODE_TYPES.YieldExpression) {
      found = true;
    }
    else if (node.type === AST_NODE_TYPES.BreakStatement && (node.label || depth === 0)) found = true;
    const nested = isLoop(node) || node.type === AST_NODE_TYPES.SwitchStatement;
    for (const child of childNodes(node)) visit(child, nested ? depth + 1 : depth);
  };
  visit(loop.body, 0);
  return found;
}

export function stringArgument(call: TSESTree.CallExpression, index: number): string | undefined {
  const arg = call.arguments[index];
  if (arg?.type === AST_NODE_TYPES.Literal && typeof arg.value === 'string') return arg.value;
  if (arg?.type === AST_NODE_TYPES.TemplateLiteral && arg.expressions.length === 0) return arg.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

export interface UsageContext {
  sourceCode: Readonly<TSESLint.SourceCode>;
  services: ParserServicesWithTypeInformation;
  catalog: Catalog;
  functions: ProgramFunctions;
  options: LifetimeOptions;
}

export class UsageClassifier {
  constructor(private readonly ctx: UsageContext) {}

  /** Whether `variable` belongs to the function `fn` (not to an outer scope or the module). */
  isLocalTo(variable: Variable, fn: FunctionNode): boolean {
    return variable.scope.variableScope.block === fn;
  }

  /**
   * What happens to the value of `node` (an expression that evaluates to the resource, or to a closure over it
   * when `closure` is set), seen from inside `fn`.
   */
  classify(node: TSESTree.Node, kind: ResourceKind, fn: FunctionNode, closure = false, inContainer = false): Use {
    let cur: TSESTree.Node = node;
    let container = inContainer;
    // Read through its descriptor (`child.pid`): a record of it handed to code the plugin cannot see is a log line.
    let descriptor = false;
    for (let guard = 0; guard < 64; guard++) {
      const parent: TSESTree.Node | undefined = cur.parent;
      if (!parent) return { t: 'borrow' };
      switch (parent.type) {
        case AST_NODE_TYPES.TSNonNullExpression:
        case AST_NODE_TYPES.TSAsExpression:
        case AST_NODE_TYPES.TSSatisfiesExpression:
        case AST_NODE_TYPES.TSTypeAssertion:
        case AST_NODE_TYPES.ChainExpression:
        case AST_NODE_TYPES.AwaitExpression:
          cur = parent;
          continue;
        case AST_NODE_TYPES.ConditionalExpression:
          if (parent.test === cur) return { t: 'borrow' };
          cur = parent;
          continue;
        case AST_NODE_TYPES.LogicalExpression:
          if (parent.left === cur && parent.operator === '&&') return { t: 'borrow' };
          cur = parent;
          continue;
        case AST_NODE_TYPES.SequenceExpression:
          if (parent.expressions[parent.expressions.length - 1] !== cur) return { t: 'borrow' };
          cur = parent;
          continue;
        case AST_NODE_TYPES.Property: {
          if (parent.value !== cur || parent.parent.type !== AST_NODE_TYPES.ObjectExpression) return { t: 'borrow' };
          const handed = container || closure ? undefined : this.propertyArgumentUse(parent, kind);
          if (handed) return handed;
          container = true;
          cur = parent.parent;
          continue;
        }
        case AST_NODE_TYPES.ArrayExpression: {
          const index = parent.elements.indexOf(cur as TSESTree.Expression);
          const destructured = this.destructuredInto(parent, index, fn) ?? this.awaitedAllInto(parent, index, fn);
          if (destructured) return destructured;
          container = true;
          cur = parent;
          continue;
        }
        case AST_NODE_TYPES.SpreadElement:
          if (parent.parent.type === AST_NODE_TYPES.CallExpression || parent.parent.type === AST_NODE_TYPES.NewExpression) {
            const use = this.argumentUse(parent.parent, parent, kind, container, closure, fn);
            return use === 'passthrough' ? { t: 'borrow' } : use;
          }
          container = true;
          cur = parent.parent;
          continue;
        case AST_NODE_TYPES.MemberExpression: {
          if (parent.object !== cur) return { t: 'borrow' };
          if (kind.body && !container && !closure && propertyName(parent) === kind.body.property) {
            return this.bodyUse(parent, kind);
          }
          if (container && !closure) return this.containerMemberUse(parent, kind);
          if (closure) return { t: 'borrow' };
          // `handle.fd`: the descriptor is the resource itself under another value.
          if (kind.descriptor && propertyName(parent) === kind.descriptor && !(parent.parent.type === AST_NODE_TYPES.CallExpression && parent.parent.callee === parent)) {
            cur = parent;
            descriptor = true;
            continue;
          }
          const use = this.memberUse(parent, kind);
          if (use === 'self') {
            cur = parent.parent as TSESTree.CallExpression;
            continue;
          }
          return use;
        }
        case AST_NODE_TYPES.CallExpression:
        case AST_NODE_TYPES.NewExpression:
          if (parent.callee === cur) return closure ? { t: 'invoked', direct: true } : { t: 'borrow' };
          {
            const use = this.argumentUse(parent, cur, kind, container, closure, fn);
            // `logger.info({ pid: child.pid })`: lent, unless the callee is known to keep or release it.
            if (descriptor && container && typeof use === 'object' && use.t === 'transfer' && !this.knownCallee(parent)) {
              return { t: 'lent', to: this.ctx.sourceCode.getText(parent.callee) };
            }
            // `await send({ agent: new Agent() })`: an operation that settles borrows the options it is given; a pool
            // is shared by design, never owned by one operation (a constructor may keep it: that stays a hand-off).
            if (
              container &&
              kind.pooling &&
              parent.type === AST_NODE_TYPES.CallExpression &&
              typeof use === 'object' &&
              use.t === 'transfer' &&
              !this.knownCallee(parent) &&
              this.settles(parent)
            ) {
              return { t: 'lent', to: this.ctx.sourceCode.getText(parent.callee) };
            }
            if (use === 'passthrough') {
              cur = parent; // the callee hands its argument back: the call's value is the resource
              continue;
            }
            return use;
          }
        case AST_NODE_TYPES.VariableDeclarator: {
          if (parent.init !== cur) return { t: 'borrow' };
          const declaration = parent.parent;
          if (!closure && !container && (declaration.kind === 'using' || declaration.kind === 'await using')) {
            return { t: 'release' };
          }
          // `export const agent = new Agent()`: every importer may use and release it.
          if (declaration.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return { t: 'transfer' };
          if (parent.id.type === AST_NODE_TYPES.ObjectPattern && kind.body && !container && !closure) {
            return this.destructuredBody(parent.id, kind.body.property, fn);
          }
          // `const { pid } = child`: the descriptor under another name is the resource.
          if (parent.id.type === AST_NODE_TYPES.ObjectPattern && kind.descriptor && !container && !closure && !descriptor) {
            const held = this.destructuredDescriptor(parent.id, kind.descriptor, fn);
            if (held) return held;
          }
          if (parent.id.type !== AST_NODE_TYPES.Identifier) return { t: 'borrow' };
          const variable = this.ctx.sourceCode.getDeclaredVariables(parent)[0];
          if (!variable) return { t: 'borrow' };
          if (!this.isLocalTo(variable, fn)) return { t: 'transfer' };
          return { t: 'alias', variable, container };
        }
        case AST_NODE_TYPES.AssignmentExpression: {
          if (parent.right !== cur) return { t: 'borrow' };
          if (parent.operator !== '=' && parent.operator !== '??=' && parent.operator !== '||=') return { t: 'borrow' };
          const target = parent.left;
          if (target.type === AST_NODE_TYPES.MemberExpression) return { t: 'transfer' };
          if (target.type !== AST_NODE_TYPES.Identifier) return { t: 'borrow' };
          const variable = ASTUtils.findVariable(this.ctx.sourceCode.getScope(target), target);
          if (!variable || !this.isLocalTo(variable, fn)) return { t: 'transfer' };
          return { t: 'alias', variable, container };
        }
        case AST_NODE_TYPES.ReturnStatement:
        case AST_NODE_TYPES.YieldExpression:
        case AST_NODE_TYPES.ThrowStatement:
        case AST_NODE_TYPES.JSXExpressionContainer:
        case AST_NODE_TYPES.JSXSpreadAttribute:
        case AST_NODE_TYPES.PropertyDefinition:
        case AST_NODE_TYPES.AccessorProperty:
        case AST_NODE_TYPES.ExportDefaultDeclaration:
        case AST_NODE_TYPES.TSExportAssignment:
          return { t: 'transfer' };
        case AST_NODE_TYPES.ArrowFunctionExpression:
          return parent.body === cur ? { t: 'transfer' } : { t: 'borrow' };
        case AST_NODE_TYPES.ExpressionStatement:
          return { t: 'dropped' };
        case AST_NODE_TYPES.UnaryExpression:
          return parent.operator === 'void' ? { t: 'dropped' } : { t: 'borrow' };
        case AST_NODE_TYPES.ForOfStatement:
          if (parent.right !== cur || closure) return { t: 'borrow' };
          if (container) return this.elementsReleasedIn(parent, kind) ? { t: 'release' } : { t: 'borrow' };
          if (parent.await && kind.releasedByIteration && (!kind.endless || loopCanEnd(parent))) return { t: 'release' };
          if (parent.await && this.ctx.catalog.releasedByIteration(kind, this.ctx.services.getTypeAtLocation(parent.right))) return { t: 'release' };
          return { t: 'borrow' };
        default:
          return { t: 'borrow' };
      }
    }
    return { t: 'borrow' };
  }

  /** `const { statusCode, body } = await request(url)`: the body lands in `body`; without it, nobody can read it. */
  private destructuredBody(pattern: TSESTree.ObjectPattern, property: string, fn: FunctionNode): Use {
    for (const p of pattern.properties) {
      if (p.type === AST_NODE_TYPES.RestElement) return { t: 'transfer' };
      const key = p.computed ? undefined : p.key.type === AST_NODE_TYPES.Identifier ? p.key.name : undefined;
      if (key !== property) continue;
      const value = p.value.type === AST_NODE_TYPES.AssignmentPattern ? p.value.left : p.value;
      if (value.type !== AST_NODE_TYPES.Identifier) return { t: 'borrow' };
      const variable = ASTUtils.findVariable(this.ctx.sourceCode.getScope(value), value);
      if (!variable) return { t: 'borrow' };
      return this.isLocalTo(variable, fn) ? { t: 'alias', variable, container: false, body: true } : { t: 'transfer' };
    }
    return { t: 'dropped' };
  }

  /** `const { pid } = child`: the variable that receives the descriptor, as an alias of the resource. */
  private destructuredDescriptor(pattern: TSESTree.ObjectPattern, property: string, fn: FunctionNode): Use | undefined {
    for (const p of pattern.properties) {
      if (p.type !== AST_NODE_TYPES.Property || p.computed || propertyKey(p) !== property) continue;
      const value = p.value.type === AST_NODE_TYPES.AssignmentPattern ? p.value.left : p.value;
      if (value.type !== AST_NODE_TYPES.Identifier) return undefined;
      const variable = ASTUtils.findVariable(this.ctx.sourceCode.getScope(value), value);
      if (!variable) return undefined;
      return this.isLocalTo(variable, fn) ? { t: 'alias', variable, container: false } : { t: 'transfer' };
    }
    return undefined;
  }

  /** `res.body` used: cancelled, read with a reader, iterated, or handed to a call (`Readable.fromWeb(res.body)`). */
  private bodyUse(member: TSESTree.MemberExpression, kind: ResourceKind): Use {
    const release = kind.body?.release ?? [];
    const cur = outermostValue(member);
    const parent = cur.parent;
    if (!parent) return { t: 'borrow' };
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === cur) {
      const name = propertyName(parent);
      const call = parent.parent;
      const called = call?.type === AST_NODE_TYPES.CallExpression && call.callee === parent;
      return called && name !== undefined && release.includes(name) ? { t: 'release' } : { t: 'borrow' };
    }
    if ((parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) && parent.callee !== cur) {
      // Handed to a call that reads it (`Readable.fromWeb`, `pipeline`, a consumer); lenders such as logging do not.
      const tsCall = this.ctx.services.esTreeNodeToTSNodeMap.get(parent) as ts.CallExpression | ts.NewExpression;
      return this.ctx.catalog.callRule(tsCall.expression)?.effect === 'borrow' ? { t: 'borrow' } : { t: 'release' };
    }
    if (parent.type === AST_NODE_TYPES.ForOfStatement && parent.right === cur) return { t: 'release' };
    if (parent.type === AST_NODE_TYPES.ReturnStatement) return { t: 'transfer' };
    // `consume({ from: res.body })`: a property of an object literal passed to a call is passed to that call.
    if (parent.type === AST_NODE_TYPES.Property && parent.value === cur) return this.bodyPropertyUse(parent, kind);
    return { t: 'borrow' };
  }

  /**
   * A body in an object literal passed to a call: a function of the program consumes it when it keeps or releases
   * that property; a lender of the catalog only reads the options; other code the plugin cannot see reads it, as when
   * the body is passed directly (after which cancelling it would throw: the stream is locked).
   */
  private bodyPropertyUse(property: TSESTree.Property, kind: ResourceKind): Use {
    // `sink({ from: res.body } as Options)`: the object as the call sees it.
    const argument = this.argumentProperty(property, outermostValue(property.parent));
    if (!argument) return { t: 'borrow' };
    const { index, key, tsCall } = argument;
    if (this.ctx.catalog.callRule(tsCall.expression)?.effect === 'borrow') {
      // A lender's options are only looked at (`console.log({ body })`), except where its declared type asks for a
      // value of its own there (`fetch(url, { body: res.body })` uploads the stream).
      const slot = this.ctx.services.program.getTypeChecker().getContextualType(this.ctx.services.esTreeNodeToTSNodeMap.get(property.value) as ts.Expression);
      return slot && !(slot.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) ? { t: 'release' } : { t: 'borrow' };
    }
    const body = this.ctx.functions.bodyOf(tsCall);
    if (!body) return { t: 'release' };
    const effect = this.ctx.functions.propertyEffect(body, index, key, this.ctx.catalog.bodyKind(kind));
    return effect === 'release' || effect === 'transfer' ? { t: 'release' } : { t: 'borrow' };
  }

  /** `const [a, b] = [x, y]`: the element at `index` lands in the variable at the same place of the pattern. */
  private destructuredInto(array: TSESTree.ArrayExpression, index: number, fn: FunctionNode): Use | undefined {
    const parent = array.parent;
    const pattern =
      parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === array
        ? parent.id
        : parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === array
          ? parent.left
          : undefined;
    if (pattern?.type !== AST_NODE_TYPES.ArrayPattern || index < 0) return undefined;
    const element = pattern.elements[index];
    if (element?.type !== AST_NODE_TYPES.Identifier) return { t: 'borrow' };
    const variable = ASTUtils.findVariable(this.ctx.sourceCode.getScope(element), element);
    if (!variable) return { t: 'borrow' };
    return this.isLocalTo(variable, fn) ? { t: 'alias', variable, container: false } : { t: 'transfer' };
  }

  /** `const [a, b] = await Promise.all([open(x), open(y)])`: element `index` lands in the pattern's variable. */
  private awaitedAllInto(array: TSESTree.ArrayExpression, index: number, fn: FunctionNode): Use | undefined {
    const call = array.parent;
    if (call.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== array || index < 0) return undefined;
    const tsCall = this.ctx.services.esTreeNodeToTSNodeMap.get(call) as ts.CallExpression;
    if (!this.ctx.catalog.calleeMatches(tsCall.expression, [{ from: 'lib', name: ['all', 'allSettled'] }])) return undefined;
    const awaited = call.parent;
    if (awaited?.type !== AST_NODE_TYPES.AwaitExpression) return { t: 'borrow' };
    const declarator = awaited.parent;
    if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.ArrayPattern) {
      return { t: 'borrow' };
    }
    const element = declarator.id.elements[index];
    if (element?.type !== AST_NODE_TYPES.Identifier) return { t: 'borrow' };
    const variable = ASTUtils.findVariable(this.ctx.sourceCode.getScope(element), element);
    if (!variable) return { t: 'borrow' };
    return this.isLocalTo(variable, fn) ? { t: 'alias', variable, container: false } : { t: 'transfer' };
  }

  /** `x[disposeSymbol]` where the key's type is `Symbol.dispose` or `Symbol.asyncDispose`. */
  private isDisposeKey(key: TSESTree.Node): boolean {
    const tsKey = this.ctx.services.esTreeNodeToTSNodeMap.get(key) as ts.Expression | undefined;
    return !!tsKey && this.ctx.catalog.isDisposeKey(tsKey);
  }

  /** `x.m(...)` or `x.p`: release, hand-off, a method returning `x` itself ('self'), or a plain use. */
  private memberUse(member: TSESTree.MemberExpression, kind: ResourceKind): Use | 'self' {
    const name = propertyName(member) ?? (member.computed && this.isDisposeKey(member.property) ? '@@dispose' : undefined);
    const call = member.parent;
    if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== member || name === undefined) return { t: 'borrow' };
    if (this.ctx.catalog.isReleaseMethod(kind, name)) return { t: 'release' };
    if (kind.handoffMethods?.includes(name)) return { t: 'transfer' };
    if (name === 'pipe' && kind.releasedByPipe) return { t: 'release' };
    if (LISTENER_METHODS.has(name)) {
      const event = stringArgument(call, 0);
      if (event !== undefined && kind.releaseEvents?.includes(event)) return { t: 'release' };
      if (event !== undefined && kind.handoffEvents?.includes(event)) return { t: 'transfer' };
    }
    const tsCall = this.ctx.services.esTreeNodeToTSNodeMap.get(call) as ts.CallExpression;
    if (this.ctx.functions.returnsReceiver(tsCall, kind)) return 'self';
    return { t: 'dropped' };
  }

  /** Whether the body of `for (const x of list)` releases `x`: the loop releases every element of `list`. */
  private elementsReleasedIn(loop: TSESTree.ForOfStatement, kind: ResourceKind): boolean {
    const declaration = loop.left;
    if (declaration.type !== AST_NODE_TYPES.VariableDeclaration) return false;
    const variable = this.ctx.sourceCode.getDeclaredVariables(declaration)[0];
    return !!variable && this.releasedThrough(variable, kind);
  }

  /** Whether some use of `variable` (an element of a collection) releases it. */
  private releasedThrough(variable: Variable, kind: ResourceKind): boolean {
    return variable.references.some((ref) => {
      if (ref.isWrite()) return false;
      const use = this.classify(ref.identifier, kind, enclosingFunction(ref.identifier), false);
      return use.t === 'release';
    });
  }

  /** `list.forEach((x) => x.close())`, `list.map((x) => x.close())`: a callback that releases each element. */
  private containerMemberUse(member: TSESTree.MemberExpression, kind: ResourceKind): Use {
    const name = propertyName(member);
    const call = member.parent;
    if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) return { t: 'borrow' };
    if (name !== 'forEach' && name !== 'map') return { t: 'borrow' };
    const callback = call.arguments[0];
    if (!callback || !isFunctionNode(callback) || callback.params[0]?.type !== AST_NODE_TYPES.Identifier) return { t: 'borrow' };
    const element = this.ctx.sourceCode.getDeclaredVariables(callback).find((v) => v.defs[0]?.name === callback.params[0]);
    return element && this.releasedThrough(element, kind) ? { t: 'release' } : { t: 'borrow' };
  }

  /** Whether the catalog or the program says what the callee does with its arguments. */
  /**
   * The call is an operation that settles to data: it returns a promise of something that cannot hold what it was
   * given — nothing, a primitive, or plain records and arrays of them. A promise of an object with methods (a client an
   * async factory builds) may keep the pool, as may `Promise.resolve(x)`, which resolves to what it is given.
   */
  private settles(call: TSESTree.CallExpression): boolean {
    const checker = this.ctx.services.program.getTypeChecker();
    const tsCall = this.ctx.services.esTreeNodeToTSNodeMap.get(call) as ts.CallExpression;
    const type = checker.getTypeAtLocation(tsCall);
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown) || !isThenableType(checker, tsCall, type)) return false;
    if (this.ctx.catalog.calleeMatches(tsCall.expression, [{ from: 'lib', name: ['resolve'] }])) return false;
    const awaited = checker.getAwaitedType(type);
    return !!awaited && this.isData(awaited, checker, 0);
  }

  /** Nothing, a primitive, or a record or array of them: a value that holds no object with behaviour. */
  private isData(type: ts.Type, checker: ts.TypeChecker, depth: number): boolean {
    if (depth > 3 || type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return false;
    if (type.isUnion()) return type.types.every((t) => this.isData(t, checker, depth + 1));
    const primitive =
      ts.TypeFlags.Void | ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Never | ts.TypeFlags.StringLike | ts.TypeFlags.NumberLike |
      ts.TypeFlags.BooleanLike | ts.TypeFlags.BigIntLike | ts.TypeFlags.EnumLike;
    if (type.flags & primitive) return true;
    if (checker.isArrayType(type) || checker.isTupleType(type)) {
      return checker.getTypeArguments(type as ts.TypeReference).every((t) => this.isData(t, checker, depth + 1));
    }
    if (!(type.flags & ts.TypeFlags.Object) || type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0) return false;
    return type.getProperties().every((property) => {
      const declaration = property.valueDeclaration ?? property.declarations?.[0];
      if (!declaration) return false;
      return this.isData(checker.getTypeOfSymbolAtLocation(property, declaration), checker, depth + 1);
    });
  }

  private knownCallee(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
    const tsCall = this.ctx.services.esTreeNodeToTSNodeMap.get(call) as ts.CallExpression | ts.NewExpression;
    return !!this.ctx.catalog.callRule(tsCall.expression) || !!this.ctx.functions.bodyOf(tsCall);
  }

  /** The resource (or a closure over it) passed as an argument; 'passthrough' when the callee hands it back. */
  private argumentUse(
    call: TSESTree.CallExpression | TSESTree.NewExpression,
    argument: TSESTree.Node,
    kind: ResourceKind,
    container: boolean,
    closure: boolean,
    fn: FunctionNode,
  ): Use | 'passthrough' {
    if (closure) return { t: 'invoked', direct: false };
    if (this.isPromiseResolve(call.callee)) return { t: 'transfer' };
    const calleeText = this.ctx.sourceCode.getText(call.callee);
    const tsCall = this.ctx.services.esTreeNodeToTSNodeMap.get(call) as ts.CallExpression | ts.NewExpression;
    const index = call.arguments.indexOf(argument as TSESTree.CallExpressionArgument);
    const rule = this.ctx.catalog.callRule(tsCall.expression);
    if (rule && (!rule.args || rule.args.includes(index))) {
      // `createReadStream(path, { fd, autoClose: false })`: the options say the callee only borrows what they hold.
      if (container && rule.borrowsWhen && argument.type === AST_NODE_TYPES.ObjectExpression && hasOption(argument, rule.borrowsWhen)) {
        return { t: 'lent', to: calleeText };
      }
      if (rule.effect === 'release') {
        if (container) return { t: 'borrow' };
        if (rule.whenEvent && call.type === AST_NODE_TYPES.CallExpression) {
          const event = stringArgument(call, 1);
          return event !== undefined && kind.releaseEvents?.includes(event) ? { t: 'release' } : { t: 'lent', to: calleeText };
        }
        return { t: 'release' };
      }
      if (rule.effect === 'borrow') return { t: 'lent', to: calleeText };
      // `list.push(x)` on a local list that never leaves the function is no hand-off: the list holds it.
      if (
        rule.receiver &&
        call.callee.type === AST_NODE_TYPES.MemberExpression &&
        call.callee.object.type === AST_NODE_TYPES.Identifier
      ) {
        const list = ASTUtils.findVariable(this.ctx.sourceCode.getScope(call.callee.object), call.callee.object);
        // Only a list this function created: a parameter's list belongs to the caller.
        if (list && fn.type !== AST_NODE_TYPES.Program && this.isLocalTo(list, fn) && list.defs[0]?.type === 'Variable') {
          return { t: 'alias', variable: list, container: true };
        }
      }
      return { t: 'transfer' };
    }
    // `src.pipe(dest)`: the source ends the destination when it is done.
    if (call.callee.type === AST_NODE_TYPES.MemberExpression && propertyName(call.callee) === 'pipe' && index === 0) {
      return { t: 'transfer' };
    }
    const body = this.ctx.functions.bodyOf(tsCall);
    if (body) {
      if (index < 0) return { t: 'borrow' };
      const effect = this.ctx.functions.parameterEffect(body, index, kind);
      if (effect === 'release') return container ? { t: 'borrow' } : { t: 'release' };
      if (effect === 'transfer') return { t: 'transfer' };
      if (effect === 'passthrough') return container ? { t: 'borrow' } : 'passthrough';
      return { t: 'lent', to: calleeText };
    }
    if (call.type === AST_NODE_TYPES.NewExpression) return { t: 'transfer' };
    return this.ctx.options.unknownCallees === 'borrow' ? { t: 'lent', to: calleeText } : { t: 'transfer' };
  }

  /**
   * `BidiBrowser.create({ connection, … })`: a resource in an object literal passed to a function of the program is
   * handed to it when that function keeps or releases that property (`new Session(options.connection)`).
   */
  private propertyArgumentUse(property: TSESTree.Property, kind: ResourceKind): Use | undefined {
    const argument = this.argumentProperty(property, property.parent);
    if (!argument) return undefined;
    const { index, key, tsCall } = argument;
    const body = this.ctx.functions.bodyOf(tsCall);
    if (!body) return undefined;
    const effect = this.ctx.functions.propertyEffect(body, index, key, kind);
    if (effect === 'transfer') return { t: 'transfer' };
    if (effect === 'release') return { t: 'release' };
    return undefined;
  }

  /**
   * `create({ connection })`: the call that `object` (the literal holding `property`, as the call sees it) is an
   * argument of, at which position, and the property's name; undefined unless the literal is itself an argument.
   */
  private argumentProperty(
    property: TSESTree.Property,
    object: TSESTree.Node,
  ): { index: number; key: string; tsCall: ts.CallExpression | ts.NewExpression } | undefined {
    const call = object.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression && call?.type !== AST_NODE_TYPES.NewExpression) return undefined;
    const index = call.arguments.indexOf(object as TSESTree.CallExpressionArgument);
    const key = propertyKey(property);
    if (index < 0 || key === undefined) return undefined;
    return { index, key, tsCall: this.ctx.services.esTreeNodeToTSNodeMap.get(call) as ts.CallExpression | ts.NewExpression };
  }

  /** `resolve` of `new Promise((resolve) => …)`: resolving with the resource hands it to whoever awaits. */
  private isPromiseResolve(callee: TSESTree.Node): boolean {
    if (callee.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = ASTUtils.findVariable(this.ctx.sourceCode.getScope(callee), callee);
    const definition = variable?.defs[0];
    if (definition?.type !== 'Parameter') return false;
    const fn = definition.node;
    if (!isFunctionNode(fn) || fn.params[0] !== definition.name) return false;
    const parent = fn.parent;
    return (
      parent?.type === AST_NODE_TYPES.NewExpression &&
      parent.callee.type === AST_NODE_TYPES.Identifier &&
      parent.callee.name === 'Promise' &&
      parent.arguments[0] === fn
    );
  }
}
