// What the lifetime engine hands back to rules: an acquisition and the path on which it leaks.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ResourceKind } from '../catalog/types.js';
import type { Effect } from './walk.js';

/** How a leaking path leaves the resource's scope. */
export type ExitKind =
  | 'return' // an explicit `return`
  | 'end' // falling off the end of the function
  | 'throw' // an explicit `throw`
  | 'break' // `break` out of the block that declares it
  | 'continue' // `continue` out of the block that declares it
  | 'block-end' // the end of the block that declares it
  | 'next-iteration' // the next loop iteration reassigns it
  | 'overwrite' // an assignment replaces it
  | 'endless-loop' // a `for await` over it that can never be left
  | 'rejected' // an `await` rejects into a `catch` that handles the error and goes on without releasing it
  | 'outcome' // released only in listeners for some outcomes of an emitter (`'connect'`), not the others (`'error'`)
  | 'piped'; // released or handed on only by `pipe()`, which covers the other stream's success only

export interface LeakExit {
  kind: ExitKind;
  /** The last condition the leaking path went through before the exit (`if (!user)`), if any. */
  after?: TSESTree.Node;
  /** The statement or node where the path leaves; for `end`, the function. */
  node: TSESTree.Node;
  line: number;
  /** For `rejected`: the `catch` clause that takes the rejection and goes on. */
  handler?: TSESTree.CatchClause;
  /** For `outcome`: the emitter, the events whose listeners release it, and an event of an outcome they miss. */
  outcome?: { emitter: string; covered: string[]; missed: string; always?: string };
  /** For `piped`: the stream at the other end of the pipe, and whether the resource is its source or destination. */
  piped?: { other: string; role: 'source' | 'destination' };
}

export interface Acquisition {
  /** The call or `new` expression that creates the resource. */
  node: TSESTree.CallExpression | TSESTree.NewExpression;
  /** The node reports point at (the acquisition expression, or the awaited expression around it). */
  reportNode: TSESTree.Node;
  kind: ResourceKind;
  /** The variable that first holds it, if any. */
  name?: string;
}

/** What the engine knows about a resource held in a variable, for the fixers. */
export interface Held {
  /** The variable that first holds it. */
  variable: TSESLint.Scope.Variable;
  /** Every variable that holds it (the first one and its aliases). */
  holders: TSESLint.Scope.Variable[];
  /** What each recorded use does to it: releases, hand-offs, overwrites, borrows (uses in closures are lifted). */
  events: ReadonlyMap<TSESTree.Node, Effect>;
  /** The function (or module) whose code paths were walked. */
  frameNode: TSESTree.Node;
  /** The variable holds a collection of resources. */
  container: boolean;
  /** What the variable holds: the resource's kind, or its body's (`const { body } = await request(url)`). */
  kind: ResourceKind;
  /** Every exit on which it leaks (computed on demand). */
  leakingExits: () => LeakExit[];
  /** Some path reaches this exit statement after a release or hand-off of the resource. */
  handledBefore: (exit: TSESTree.Node) => boolean;
  /**
   * Some path reaches this exit statement after the resource (or its body) was passed to code whose effect the analysis
   * does not know for sure (an argument of such a call, or a literal that goes elsewhere). That code may have released
   * it, or locked a body's stream. For the end of a block: whether any path passed it on.
   */
  passedBefore: (exit: TSESTree.Node) => boolean;
}

export type Finding =
  | { type: 'leak'; acquisition: Acquisition; exit: LeakExit; held?: Held }
  | { type: 'discarded'; acquisition: Acquisition; lentTo?: string; storedIn?: string }
  /** `usable`: `using` would release it (its value is Disposable, and disposal is its release). */
  | { type: 'exception'; acquisition: Acquisition; thrower: TSESTree.Node; throwerText: string; line: number; held?: Held; usable?: boolean }
  /** A one-shot timer raced against other work (`Promise.race`) and never cleared when the work wins. */
  | { type: 'race'; acquisition: Acquisition; race: TSESTree.Node; raceText: string; line: number };
