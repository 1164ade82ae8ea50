// Rule `leaks/no-unconsumed-body`: HTTP response bodies (fetch, undici, node:http) that are neither read nor cancelled on some path.
import { createRule } from '../lib/create-rule.js';
import { fileAnalysis } from '../lib/analysis/file-analysis.js';
import { reportFinding } from '../lib/analysis/report.js';
import { FIX_MESSAGES, fixPlanner } from '../lib/fix/plan.js';

export type Options = [];

// Same message ids as the engine's other rules; worded for bodies, which are read or cancelled rather than closed.
const messages = {
  leak: 'The body of `{{name}}` ({{resource}}, obtained here) is not {{released}} {{path}}, so {{consequence}}. {{advice}}',
  discarded: 'The body of this {{resource}} is never {{released}}: the response is {{how}}, so {{consequence}}. {{advice}}',
  suggestRelease: FIX_MESSAGES.suggestRelease,
} as const;
export type MessageIds = keyof typeof messages;

export default createRule<Options, MessageIds>({
  name: 'no-unconsumed-body',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Require HTTP response bodies (fetch, undici `request`, `http.get` callbacks) to be read, cancelled or handed off on every path',
      recommended: true,
      requiresTypeChecking: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    messages,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const { catalog, listener } = fileAnalysis(context).lifetime(context, {}, {
      categories: ['response'],
      onFinding: (finding) => reportFinding(context, finding, {}, planFix(finding)),
    });
    // A body is released at the exits that forget it; a `finally` would cancel bodies that were already read.
    const planFix = fixPlanner(context, catalog, { style: 'try-finally', wrap: false });
    return listener;
  },
});
