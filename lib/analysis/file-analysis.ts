// One analysis per file for every enabled rule of the plugin. The first rule that asks for a part of it (the
// lifetime walk, the operation checks) gets the listener that records the file as ESLint traverses it; every rule
// that asks later, in the same lint run of the same file, subscribes to the same recording and gets its own
// findings from it. A rule that is off never asks, and costs nothing.
//
// What is shared: the code path positions of every function (recorded once, not once per rule) and the traversal.
// What stays per rule: the catalog of its categories and options, and the walks from what that catalog matches.
import { AST_NODE_TYPES, ESLintUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type ts from 'typescript';
import type { Catalog } from '../catalog/catalog.js';
import type { LifetimeOptions } from '../options.js';
import { type CodePath, Frame, guard, type PositionTag, recordBranch, type Segment } from './code-paths.js';
import { createLifetimeTracker, type LifetimeRuleConfig, type LifetimeTracker } from './listener.js';
import { createOperationAnalysis, type OperationChecks, type OperationFinding } from './operations.js';
import type { FunctionNode } from './usage.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** A rule's part of the file's lifetime analysis: its catalog (for the fixer) and the listener to return from `create`. */
export interface LifetimeSubscription {
  catalog: Catalog;
  listener: TSESLint.RuleListener;
}

/**
 * What the rule contexts of one lint run share: ESLint makes each rule's context an extension of one file context
 * per run (its prototype). Undefined for a host that makes contexts some other way.
 */
function runOf(context: Context): object | undefined {
  const prototype = Object.getPrototypeOf(context) as object | null;
  return prototype && prototype !== Object.prototype ? prototype : undefined;
}

class FileAnalysis {
  /** Rules that subscribed in this run: a rule subscribing again means ESLint is linting the file anew. */
  readonly rules = new Set<string>();
  readonly run: object | undefined;
  /** Set by the first traversal event: a subscription after it belongs to another run. */
  started = false;
  private readonly frames: Frame[] = [];
  private readonly trackers: LifetimeTracker[] = [];
  private operations?: { checks: OperationChecks; subscribers: ((finding: OperationFinding) => void)[] };

  constructor(private readonly context: Context) {
    this.run = runOf(context);
  }

  lifetime(context: Context, options: Partial<LifetimeOptions>, config: LifetimeRuleConfig): LifetimeSubscription {
    const tracker = createLifetimeTracker(context, options, config, this.frames);
    this.trackers.push(tracker);
    return { catalog: tracker.catalog, listener: this.trackers.length === 1 ? this.recorder() : {} };
  }

  operationChecks(checks: Partial<OperationChecks>, onFinding: (finding: OperationFinding) => void): TSESLint.RuleListener {
    const first = !this.operations;
    this.operations ??= { checks: { listeners: false, timers: false }, subscribers: [] };
    const shared = this.operations;
    if (checks.listeners) shared.checks.listeners = true;
    if (checks.timers) shared.checks.timers = true;
    shared.subscribers.push(onFinding);
    if (!first) return {};
    // Each rule takes the findings of its own checks (no-leaked-listener ignores the timers', and the reverse).
    const listener = createOperationAnalysis(this.context, shared.checks, (finding) => {
      for (const subscriber of shared.subscribers) guard(subscriber)(finding);
    });
    return this.marksStart(listener);
  }

  private marksStart(listener: TSESLint.RuleListener): TSESLint.RuleListener {
    const handlers = listener as Record<string, (...args: unknown[]) => void>;
    const start = handlers.onCodePathStart;
    return {
      ...listener,
      onCodePathStart: (...args: unknown[]) => {
        this.started = true;
        start?.(...args);
      },
    } as TSESLint.RuleListener;
  }

  /**
   * Records each function's code path (segments, and the positions the walks care about, in evaluation order) and
   * hands each tracker the calls, functions and frame ends it looks at.
   */
  private recorder(): TSESLint.RuleListener {
    const { frames, trackers } = this;
    const services = ESLintUtils.getParserServices(this.context);
    const top = (): Frame | undefined => frames[frames.length - 1];
    const record = (tag: PositionTag) => (node: TSESTree.Node) => top()?.record(node, tag);
    // One tracker's failure costs its findings only, never another rule's or ESLint's run.
    const each = (fn: (tracker: LifetimeTracker) => void): void => {
      for (const tracker of trackers) guard(fn)(tracker);
    };
    const branch = (isTestExit: boolean) => (node: TSESTree.Node) => recordBranch(top(), node, isTestExit);
    return {
      onCodePathStart: (codePath: CodePath, node: TSESTree.Node) => {
        this.started = true;
        frames.push(new Frame(codePath, node));
      },
      onCodePathEnd: () => {
        const frame = frames.pop();
        if (frame) each((tracker) => tracker.onFrameEnd(frame));
      },
      onCodePathSegmentStart: (segment: Segment) => top()?.enter(segment),
      onUnreachableCodePathSegmentStart: (segment: Segment) => top()?.enter(segment),
      onCodePathSegmentEnd: (segment: Segment) => top()?.leave(segment),
      onUnreachableCodePathSegmentEnd: (segment: Segment) => top()?.leave(segment),
      Identifier: record('id'),
      ':function': (node: Exclude<FunctionNode, TSESTree.Program | TSESTree.StaticBlock>) => {
        frames[frames.length - 2]?.record(node, 'fn');
        const frame = top();
        if (frame?.node !== node) return;
        frame.record(node, 'start');
        each((tracker) => tracker.onFunction(frame, node));
      },
      'CallExpression, NewExpression, AwaitExpression, ForOfStatement[await=true]': record('call'),
      'CallExpression, NewExpression:exit': (node: TSESTree.CallExpression | TSESTree.NewExpression) => {
        const frame = top();
        if (!frame) return;
        frame.record(node, 'call-end');
        guard(() => {
          if (node.type === AST_NODE_TYPES.CallExpression && trackers[0]?.catalog.endsProcess(services.esTreeNodeToTSNodeMap.get(node) as ts.CallExpression)) {
            frame.record(node, 'end-process');
          }
        })();
        each((tracker) => tracker.onCall(frame, node));
      },
      'ReturnStatement:exit': record('return'),
      'ThrowStatement:exit': record('throw'),
      'BreakStatement:exit': record('break'),
      'ContinueStatement:exit': record('continue'),
      'BlockStatement, SwitchStatement, ForStatement, ForInStatement, ForOfStatement:exit': record('scope-exit'),
      CatchClause: record('catch'),
      'IfStatement > *, ConditionalExpression > *, LogicalExpression > *': branch(false),
      'IfStatement > *, ConditionalExpression > *, LogicalExpression > *:exit': branch(true),
    } as unknown as TSESLint.RuleListener;
  }
}

const analyses = new WeakMap<TSESLint.SourceCode, FileAnalysis>();

/**
 * The analysis of the file `context` lints, shared by the plugin's rules in this run: created by the first rule that
 * asks, found by the others.
 */
export function fileAnalysis(context: Context): FileAnalysis {
  const sourceCode = context.sourceCode as TSESLint.SourceCode;
  let analysis = analyses.get(sourceCode);
  // The same SourceCode linted again (the Linter API allows it) is a new run: another file context (also after a run
  // that failed before traversing), a rule that subscribes twice, or one that subscribes after the traversal began.
  const run = runOf(context);
  if (!analysis || analysis.started || analysis.rules.has(context.id) || analysis.run !== run) {
    analysis = new FileAnalysis(context);
    analyses.set(sourceCode, analysis);
  }
  analysis.rules.add(context.id);
  return analysis;
}

export type { FileAnalysis };
