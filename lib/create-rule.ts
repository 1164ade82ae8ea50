// The rule factory every rule in this plugin is built with: typed options, docs URLs that point at docs/rules/, and
// the one exception to "no type information is an error": a JavaScript file with typed linting off for it is skipped.
import { ESLintUtils, type TSESLint } from '@typescript-eslint/utils';
import type { RuleWithMetaAndName } from '@typescript-eslint/utils/eslint-utils';
import { isJavaScriptFile } from './analysis/usage.js';

export interface LeaksRuleDocs {
  /** Whether the rule is part of the `recommended` config. */
  recommended?: boolean;
  /** Whether the rule needs type information (all rules of this plugin do). */
  requiresTypeChecking: true;
}

export const REPOSITORY = 'https://github.com/eslint-plugin-leaks/eslint-plugin-leaks';
export const REPOSITORY_DOCS = `${REPOSITORY}/blob/main/docs/rules/`;

const ruleCreator = ESLintUtils.RuleCreator<LeaksRuleDocs>((name) => `${REPOSITORY_DOCS}${name}.md`);

/**
 * A JavaScript file without a TypeScript program behind it, when that is by design: parsed by ESLint's own parser
 * (no typescript-eslint services at all), or by typescript-eslint's with typed linting turned off for it
 * (`disableTypeChecked`: `projectService: false`, `project: false`, `program: null`). The plugin's configs lint `.js`
 * files so that projects which type them (`allowJs`) get reports; the others must not fail. Anything else without
 * type information — a TypeScript file, or a JavaScript file given typescript-eslint's parser and no project — still
 * stops with typescript-eslint's message naming `parserOptions`: that is a configuration to fix, not to hide.
 */
function untypedJavaScript(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): boolean {
  if (!isJavaScriptFile(context.filename)) return false;
  const services = context.sourceCode.parserServices;
  if (services?.program) return false;
  if (!services || !('esTreeNodeToTSNodeMap' in services)) return true;
  const options = (context.languageOptions?.parserOptions ?? {}) as { projectService?: unknown; project?: unknown; program?: unknown };
  return options.projectService === false || options.project === false || options.program === null;
}

export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: Readonly<RuleWithMetaAndName<Options, MessageIds, LeaksRuleDocs>>,
): ReturnType<typeof ruleCreator<Options, MessageIds>> {
  return ruleCreator<Options, MessageIds>({
    ...rule,
    create: (context, options) => (untypedJavaScript(context) ? {} : rule.create(context, options)),
  });
}
