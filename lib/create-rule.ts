// The rule factory every rule in this plugin is built with: typed options, and docs URLs that point at docs/rules/.
import { ESLintUtils } from '@typescript-eslint/utils';

export interface LeaksRuleDocs {
  /** Whether the rule is part of the `recommended` config. */
  recommended?: boolean;
  /** Whether the rule needs type information (all rules of this plugin do). */
  requiresTypeChecking: true;
}

export const REPOSITORY_DOCS = 'https://github.com/eslint-plugin-leaks/eslint-plugin-leaks/blob/main/docs/rules/';

export const createRule = ESLintUtils.RuleCreator<LeaksRuleDocs>((name) => `${REPOSITORY_DOCS}${name}.md`);
