// Rule `leaks/no-leaked-timer`: intervals that are never cleared, and timeouts cleared on some paths or raced without clearing.
import { createRule } from '../lib/create-rule.js';
import { createLifetimeListener } from '../lib/analysis/listener.js';
import { LEAK_MESSAGES, reportFinding } from '../lib/analysis/report.js';
import { FIX_OPTION_SCHEMA, type FixOptions } from '../lib/fix/options.js';
import { FIX_MESSAGES } from '../lib/fix/plan.js';

export type Options = [{ checkModuleScope?: boolean } & FixOptions];

const { leak, discarded, race } = LEAK_MESSAGES;
const messages = { leak, discarded, race, ...FIX_MESSAGES };
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
          checkModuleScope: {
            type: 'boolean',
            description: 'Also report timers started at the top level of a module (they normally run for the life of the process).',
          },
          ...FIX_OPTION_SCHEMA,
        },
      },
    ],
    defaultOptions: [{ checkModuleScope: false, fixStyle: 'auto' }],
  },
  defaultOptions: [{ checkModuleScope: false, fixStyle: 'auto' }],
  create(context, [options]) {
    return createLifetimeListener(context, { checkModuleScope: options.checkModuleScope ?? false }, {
      categories: ['timer'],
      fix: { style: options.fixStyle ?? 'auto', nodeVersion: options.nodeVersion, wrap: true },
      onFinding: (finding, plan) => reportFinding(context, finding, {}, plan),
    });
  },
});
