// The rule factory every rule in this plugin is built with: typed options, docs URLs that point at docs/rules/, and
// the one exception to "no type information is an error": a JavaScript file the project does not type is skipped.
import { ESLintUtils, type TSESLint } from '@typescript-eslint/utils';
import type { RuleWithMetaAndName } from '@typescript-eslint/utils/eslint-utils';

export interface LeaksRuleDocs {
  /** Whether the rule is part of the `recommended` config. */
  recommended?: boolean;
  /** Whether the rule needs type information (all rules of this plugin do). */
  requiresTypeChecking: true;
}

export const REPOSITORY = 'https://github.com/eslint-plugin-leaks/eslint-plugin-leaks';
export const REPOSITORY_DOCS = `${REPOSITORY}/blob/main/docs/rules/`;

const ruleCreator = ESLintUtils.RuleCreator<LeaksRuleDocs>((name) => `${REPOSITORY_DOCS}${name}.md`);

const JAVASCRIPT_FILE = /\.[cm]?jsx?$/i;

/**
 * A JavaScript file without a TypeScript program behind it (no `allowJs` project, or parsed by espree): there is
 * nothing to judge, so the rule does nothing. The plugin's configs lint `.js` files so that projects which do type
 * them (`allowJs`/`checkJs`) get reports; the others must not fail. A TypeScript file without type information still
 * stops with typescript-eslint's message naming `parserOptions`: that is a configuration error to fix.
 */
function untypedJavaScript(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): boolean {
  return JAVASCRIPT_FILE.test(context.filename) && !context.sourceCode.parserServices?.program;
}

export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: Readonly<RuleWithMetaAndName<Options, MessageIds, LeaksRuleDocs>>,
): ReturnType<typeof ruleCreator<Options, MessageIds>> {
  return ruleCreator<Options, MessageIds>({
    ...rule,
    create: (context, options) => (untypedJavaScript(context) ? {} : rule.create(context, options)),
  });
}
