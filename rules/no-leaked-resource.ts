// Rule `leaks/no-leaked-resource`: a resource created in a function must be released or handed off on every path.
import { typeOrValueSpecifiersSchema } from '@typescript-eslint/type-utils';
import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import { createRule } from '../lib/create-rule.js';
import { fileAnalysis } from '../lib/analysis/file-analysis.js';
import { LEAK_MESSAGES, reportFinding } from '../lib/analysis/report.js';
import type { LifetimeOptions } from '../lib/options.js';
import { FIX_OPTION_SCHEMA, type FixOptions } from '../lib/fix/options.js';
import { FIX_MESSAGES, fixPlanner } from '../lib/fix/plan.js';

export type Options = [Partial<LifetimeOptions> & FixOptions];

// Races are about one-shot timers, which this rule does not track.
const { race: _race, ...leakMessages } = LEAK_MESSAGES;
const messages = { ...leakMessages, ...FIX_MESSAGES };
export type MessageIds = keyof typeof messages;

const releaseSpecifierSchema: JSONSchema4 = {
  type: 'object',
  additionalProperties: false,
  required: ['type', 'release'],
  properties: {
    type: { ...(typeOrValueSpecifiersSchema.items as JSONSchema4) },
    release: {
      type: 'array',
      items: { type: 'string' },
      minItems: 1,
      description: 'Method names that release the resource (e.g. "close", "end").',
    },
    pooling: { type: 'boolean', description: 'Whether the type is a pooling client (changes the advice).' },
  },
};

export default createRule<Options, MessageIds>({
  name: 'no-leaked-resource',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Require resources (clients, sockets, servers, streams, file handles, Disposables) to be released or handed off on every path',
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
            description: 'Also report resources that are not released when a call or `await` between creation and release throws.',
          },
          checkModuleScope: {
            type: 'boolean',
            description: 'Also report resources created at the top level of a module (they normally live as long as the process).',
          },
          unknownCallees: {
            type: 'string',
            enum: ['transfer', 'borrow'],
            description:
              'What passing a resource to a function whose body is not in the program means: `transfer` (the callee takes ownership) or `borrow` (the caller must still release it).',
          },
          resources: {
            type: 'array',
            items: releaseSpecifierSchema,
            description: 'Extra resource types, each with the methods that release it.',
          },
          ignore: {
            ...(typeOrValueSpecifiersSchema as JSONSchema4),
            description: 'Types that are never reported.',
          },
          ...FIX_OPTION_SCHEMA,
        },
      },
    ],
    defaultOptions: [
      { checkExceptionPaths: false, checkModuleScope: false, unknownCallees: 'transfer', resources: [], ignore: [], fixStyle: 'auto' },
    ],
  },
  defaultOptions: [
    { checkExceptionPaths: false, checkModuleScope: false, unknownCallees: 'transfer', resources: [], ignore: [], fixStyle: 'auto' },
  ],
  create(context, [options]) {
    const { fixStyle = 'auto', nodeVersion, ...lifetime } = options;
    const { catalog, listener } = fileAnalysis(context).lifetime(context, lifetime as LifetimeOptions, {
      categories: ['resource'],
      onFinding: (finding) => reportFinding(context, finding, {}, planFix(finding)),
    });
    const planFix = fixPlanner(context, catalog, { style: fixStyle, nodeVersion, wrap: true });
    return listener;
  },
});
