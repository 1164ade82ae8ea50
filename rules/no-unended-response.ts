// Rule `leaks/no-unended-response`: an HTTP request handler must finish or hand on its response on every path.
import { createRule } from '../lib/create-rule.js';
import { fileAnalysis } from '../lib/analysis/file-analysis.js';
import { reportFinding } from '../lib/analysis/report.js';

export type Options = [];

const messages = {
  leak: '`{{name}}` ({{resource}}) is never {{released}} {{path}}, so {{consequence}}. {{advice}}',
} as const;
export type MessageIds = keyof typeof messages;

export default createRule<Options, MessageIds>({
  name: 'no-unended-response',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require HTTP request handlers to end, send or hand on the response on every path',
      recommended: true,
      requiresTypeChecking: true,
    },
    messages,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return fileAnalysis(context).lifetime(context, {}, {
      categories: ['server-response'],
      allExits: true,
      // The path is the finding: report the `return` that forgets to respond, and the branch that led there.
      onFinding: (finding) => reportFinding(context, finding, { atExit: true, mentionBranch: true }),
    }).listener;
  },
});
