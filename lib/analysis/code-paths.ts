// Records, for each code path segment, the nodes the lifetime walk cares about, in evaluation order.
import type { TSESTree } from '@typescript-eslint/utils';

/** ESLint's CodePathSegment, as much of it as the walk reads. */
export interface Segment {
  id: string;
  nextSegments: Segment[];
  reachable: boolean;
}

export interface CodePath {
  id: string;
  /** Final segments where the function exits by throwing (explicitly or through a `finally`). */
  thrownSegments: Segment[];
}

export type PositionTag =
  | 'id' // an Identifier
  | 'fn' // a nested function created here
  | 'call' // a call, `new` or `await` that may throw
  | 'acquire' // a call or `new` finished evaluating (recorded at its exit)
  | 'return'
  | 'throw'
  | 'break'
  | 'continue'
  | 'scope-exit' // a block, switch or for statement ends
  | 'test' // the test of an `if`, `?:` or `&&`/`||` finished evaluating
  | 'branch' // a conditional branch starts
  | 'catch' // a catch clause starts
  | 'start' // a function's body starts
  | 'call-end' // a call finished evaluating, arguments included (where a release takes effect)
  | 'end-process'; // a call that ends the process (`process.exit()`): nothing outlives it

export interface Position {
  node: TSESTree.Node;
  tag: PositionTag;
}

/** What one analysis found in a frame: the places where its walks start. */
export interface FrameState {
  /** Candidate acquisitions seen in this code path (calls and `new`s, already matched by the catalog). */
  readonly acquisitions: TSESTree.Node[];
  /** Parameters that receive a resource to release (`http.get(url, (res) => …)`). */
  readonly parameterAcquisitions: TSESTree.Node[];
  /**
   * Resources acquired in a callback nested in this function that end up in one of this function's variables:
   * `timer = setTimeout(…)` in a Promise executor, `const sockets = ports.map((p) => net.connect(p))`. This function
   * owns them from the point where the callback is created (`callback`).
   */
  readonly adopted: {
    acquisition: TSESTree.Node;
    callback: TSESTree.Node;
    target: TSESTree.Identifier;
    container: boolean;
  }[];
}

/**
 * One function's (or the module's) code path as it is traversed: the positions recorded once for every analysis of
 * the file, and each analysis's own starting points (its `FrameState`).
 */
export class Frame {
  readonly current = new Set<Segment>();
  readonly positions = new Map<Segment, Position[]>();
  private readonly states = new Map<object, FrameState>();

  /** The starting points `owner` (one analysis of the file) found in this frame. */
  stateOf(owner: object): FrameState {
    let state = this.states.get(owner);
    if (!state) this.states.set(owner, (state = { acquisitions: [], parameterAcquisitions: [], adopted: [] }));
    return state;
  }

  /** Whether `owner` found anything to analyse in this frame. */
  hasWork(owner: object): boolean {
    const state = this.states.get(owner);
    return !!state && (state.acquisitions.length > 0 || state.parameterAcquisitions.length > 0 || state.adopted.length > 0);
  }

  constructor(
    readonly codePath: CodePath,
    readonly node: TSESTree.Node,
  ) {}

  enter(segment: Segment): void {
    this.current.add(segment);
    if (!this.positions.has(segment)) this.positions.set(segment, []);
  }

  leave(segment: Segment): void {
    this.current.delete(segment);
  }

  /** Where walks can start (acquisitions, callbacks, function starts, catch clauses), so `find` need not scan every position. */
  private readonly starts = new Map<TSESTree.Node, { tag: PositionTag; segment: Segment; index: number }[]>();

  record(node: TSESTree.Node, tag: PositionTag): void {
    const indexed = tag === 'acquire' || tag === 'fn' || tag === 'start' || tag === 'catch';
    for (const segment of this.current) {
      const positions = this.positions.get(segment)!;
      if (indexed) {
        let entries = this.starts.get(node);
        if (!entries) this.starts.set(node, (entries = []));
        entries.push({ tag, segment, index: positions.length });
      }
      positions.push({ node, tag });
    }
  }

  /** The segments (and index within each) where `node` was recorded with `tag` ('acquire', 'fn', 'start' or 'catch'). */
  find(node: TSESTree.Node, tag: PositionTag): { segment: Segment; index: number }[] {
    return (this.starts.get(node) ?? []).filter((entry) => entry.tag === tag).map(({ segment, index }) => ({ segment, index }));
  }
}

/**
 * For a child of an `if`, `?:` or `&&`/`||`: its test finished evaluating ('test', at the test's exit), or a branch
 * starts ('branch', on entering any other child).
 */
export function recordBranch(frame: Frame | undefined, node: TSESTree.Node, isTestExit: boolean): void {
  const parent = node.parent as TSESTree.IfStatement | TSESTree.ConditionalExpression | TSESTree.LogicalExpression;
  const isTest = parent.type === 'LogicalExpression' ? parent.left === node : parent.test === node;
  if (isTestExit && isTest) frame?.record(node, 'test');
  if (!isTestExit && !isTest) frame?.record(node, 'branch');
}

/** Runs a handler so that it never crashes ESLint: an unexpected shape of code yields fewer reports, not an exception. */
export const guard =
  <A extends unknown[]>(fn: (...args: A) => void) =>
  (...args: A): void => {
    try {
      fn(...args);
    } catch (error) {
      if (process.env.LEAKS_DEBUG) throw error;
    }
  };
