// What the lifetime engine hands back to rules: an acquisition and the path on which it leaks.
import type { TSESTree } from '@typescript-eslint/utils';
import type { ResourceKind } from '../catalog/types.js';

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
  | 'endless-loop'; // a `for await` over it that can never be left

export interface LeakExit {
  kind: ExitKind;
  /** The last condition the leaking path went through before the exit (`if (!user)`), if any. */
  after?: TSESTree.Node;
  /** The statement or node where the path leaves; for `end`, the function. */
  node: TSESTree.Node;
  line: number;
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

export type Finding =
  | { type: 'leak'; acquisition: Acquisition; exit: LeakExit }
  | { type: 'discarded'; acquisition: Acquisition; lentTo?: string }
  | { type: 'exception'; acquisition: Acquisition; thrower: TSESTree.Node; throwerText: string; line: number }
  /** A one-shot timer raced against other work (`Promise.race`) and never cleared when the work wins. */
  | { type: 'race'; acquisition: Acquisition; race: TSESTree.Node; raceText: string; line: number };
