// Rule `leaks/no-leaked-timer`: intervals that are never cleared, and timeouts cleared on some paths or raced without clearing.
import { createRule } from '../lib/create-rule.js';
import { fileAnalysis } from '../lib/analysis/file-analysis.js';
import { LEAK_MESSAGES, reportFinding } from '../lib/analysis/report.js';
import { mergeRuleListeners } from '../lib/analysis/operations.js';
import type { TSESTree } from '@typescript-eslint/utils';
import { FIX_OPTION_SCHEMA, type FixOptions } from '../lib/fix/options.js';
import { FIX_MESSAGES, fixPlanner } from '../lib/fix/plan.js';

export type Options = [{ checkExceptionPaths?: boolean; checkModuleScope?: boolean } & FixOptions];

const { leak, discarded, race, exception } = LEAK_MESSAGES;
const messages = {
  leak,
  discarded,
  race,
  exception,
  settled:
    '`{{name}}` ({{resource}}, created here) is not cleared when the promise {{how}} at line {{line}}, so {{consequence}}. Clear it wherever the promise settles.',
  settledDiscarded:
    'This {{resource}} (created here) is not cleared when the promise {{how}} at line {{line}}, so {{consequence}}. Keep its handle and clear it wherever the promise settles.',
  ...FIX_MESSAGES,
};
export type MessageIds = keyof typeof messages;

export default createRule<Options, MessageIds>({
  name: 'no-leaked-timer',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Require intervals to be cleared on every path, and timeouts that race other work or are cleared on some paths to be cleared on all',
      recommended: true,
      requiresTypeChecking: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    messages,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkExceptionPaths: {
            type: 'boolean',
            description:
              'Also report timers cleared after a call or `await` that can throw, outside a `try` whose `finally` (or `catch`) clears them.',
          },
          checkModuleScope: {
            type: 'boolean',
            description: 'Also report timers started at the top level of a module (they normally run for the life of the process).',
          },
          ...FIX_OPTION_SCHEMA,
        },
      },
    ],
    defaultOptions: [{ checkExceptionPaths: false, checkModuleScope: false, fixStyle: 'auto' }],
  },
  defaultOptions: [{ checkExceptionPaths: false, checkModuleScope: false, fixStyle: 'auto' }],
  create(context, [options]) {
    const lifetime = { checkModuleScope: options.checkModuleScope ?? false, checkExceptionPaths: options.checkExceptionPaths ?? false };
    // Timers the lifetime engine reports; a Promise executor's timer left armed where the promise settles is reported
    // by the operation analysis only when the engine has nothing to say about it.
    const reported = new Set<TSESTree.Node>();
    const analysis = fileAnalysis(context);
    const { catalog, listener: lifetimeListener } = analysis.lifetime(context, lifetime, {
      categories: ['timer'],
      onFinding: (finding) => {
        reported.add(finding.acquisition.node);
        reportFinding(context, finding, {}, planFix(finding));
      },
    });
    const planFix = fixPlanner(context, catalog, { style: options.fixStyle ?? 'auto', nodeVersion: options.nodeVersion, wrap: true });
    const operations = analysis.operationChecks({ timers: true }, (finding) => {
      if (finding.type !== 'timer-settled' || reported.has(finding.timer.call)) return;
      const { timer } = finding;
      const data = {
        name: timer.holder?.name ?? 'it',
        resource: timer.kind.label,
        consequence: timer.kind.consequence ?? 'it stays armed',
        how: finding.how,
        line: finding.settle.loc.start.line,
      };
      context.report({ node: timer.call, messageId: timer.holder ? 'settled' : 'settledDiscarded', data });
    });
    return mergeRuleListeners(lifetimeListener, operations);
  },
});
