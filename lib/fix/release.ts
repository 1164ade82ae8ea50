// Builds the statement that releases a resource held in an expression (`this.client`), for fixes and suggestions.
import ts from 'typescript';
import type { ResourceKind } from '../catalog/types.js';

export interface ReleaseContext {
  checker: ts.TypeChecker;
  /** The type of the expression that holds the resource (the field's type). */
  type: ts.Type;
  /** The expression may be undefined or null: call through `?.`. */
  optional: boolean;
  /** The statement goes into an async function: a release that returns a promise is awaited. */
  inAsyncFunction: boolean;
  /** The expression holds a collection of resources (`Set`, array, `Map` values). */
  collection: boolean;
  /** A local variable at the end of its scope or at an exit: the catalog's `fixRelease` applies (`socket.end()`). */
  local?: boolean;
}

function returnsPromise(checker: ts.TypeChecker, method: ts.Symbol | undefined, at: ts.Node | undefined): boolean {
  if (!method) return false;
  const methodType = at ? checker.getTypeOfSymbolAtLocation(method, at) : checker.getTypeOfSymbol(method);
  return checker.getNonNullableType(methodType).getCallSignatures().some((signature) => !!signature.getReturnType().getProperty('then'));
}

/** The element type of a collection type (`Set<T>`, `T[]`, `Map<K, T>`), and whether it is a Map. */
function elementOf(checker: ts.TypeChecker, type: ts.Type): { element: ts.Type | undefined; isMap: boolean } {
  const nonNullable = checker.getNonNullableType(type);
  const name = nonNullable.getSymbol()?.name;
  const args = checker.getTypeArguments(nonNullable as ts.TypeReference);
  if (name === 'Map') return { element: args[1], isMap: true };
  return { element: args[0] ?? checker.getIndexTypeOfType(nonNullable, ts.IndexKind.Number), isMap: false };
}

/** One statement that releases what `target` holds, or undefined when no safe release text exists. */
export function releaseStatement(kind: ResourceKind, target: string, context: ReleaseContext): string | undefined {
  const { checker } = context;
  if (context.collection) {
    const { element, isMap } = elementOf(checker, context.type);
    if (!element) return undefined;
    // An unset collection field has nothing to release: iterate an empty one instead of throwing.
    const source = isMap
      ? context.optional
        ? `${target}?.values() ?? []`
        : `${target}.values()`
      : context.optional
        ? `${target} ?? []`
        : target;
    // The loop variable must not shadow the collection it iterates (`for (const item of item)` throws).
    const item = /^item\b/.test(target) ? 'element' : 'item';
    const inner = releaseStatement(kind, item, { ...context, type: element, optional: false, collection: false, inAsyncFunction: true });
    if (!inner) return undefined;
    if (inner.startsWith('await ')) {
      // Close them together rather than one `await` after another.
      const call = inner.slice('await '.length, -1);
      return `${context.inAsyncFunction ? 'await' : 'void'} Promise.all(Array.from(${source}, (${item}) => ${call}));`;
    }
    return `for (const ${item} of ${source}) ${inner}`;
  }
  if (kind.releaseFunction) return `${kind.releaseFunction}(${target});`;
  // The fix release names a member (`end`, `body`) that the declared type must have (`const input: Readable = …`).
  const fixMember = kind.fixRelease && /^\$\??\.(\w+)/.exec(kind.fixRelease.expression)?.[1];
  if (kind.fixRelease && context.local && (!fixMember || checker.getNonNullableType(context.type).getProperty(fixMember))) {
    // A function replacement: `$` patterns in the target (`$$sock`) must not be expanded.
    const call = kind.fixRelease.expression.replace('$', () => (context.optional ? `${target}?` : target)).replace('??.', '?.');
    if (!kind.fixRelease.async) return `${call};`;
    return context.inAsyncFunction ? `await ${call};` : `void ${call};`;
  }
  const nonNullable = checker.getNonNullableType(context.type);
  const dot = context.optional ? '?.' : '.';
  let call: string;
  let method: ts.Symbol | undefined;
  const name = kind.release[0];
  if (name) {
    method = nonNullable.getProperty(name);
    if (!method) return undefined;
    // `AsyncIterator.return` is optional: `ticks.return?.()`.
    call = `${target}${dot}${name}${method.flags & ts.SymbolFlags.Optional ? '?.' : ''}()`;
  } else {
    const properties = checker.getPropertiesOfType(nonNullable);
    const asyncDispose = properties.find((p) => /^__@asyncDispose@/.test(String(p.escapedName)));
    const dispose = properties.find((p) => /^__@dispose@/.test(String(p.escapedName)));
    method = dispose ?? asyncDispose;
    if (!method) return undefined;
    call = `${target}${context.optional ? '?.' : ''}[Symbol.${dispose ? 'dispose' : 'asyncDispose'}]()`;
  }
  const promise = returnsPromise(checker, method, method.valueDeclaration);
  if (promise && context.inAsyncFunction) return `await ${call};`;
  if (promise) return `void ${call};`;
  return `${call};`;
}
