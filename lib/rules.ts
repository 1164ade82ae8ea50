// Every rule of the plugin by id, with their full typescript-eslint types (the plugin object exposes looser ones).
import type { TSESLint } from '@typescript-eslint/utils';
import noLeakedResource from '../rules/no-leaked-resource.js';
import noLeakedTimer from '../rules/no-leaked-timer.js';
import noUnconsumedBody from '../rules/no-unconsumed-body.js';

export const rules = {
  'no-leaked-resource': noLeakedResource,
  'no-leaked-timer': noLeakedTimer,
  'no-unconsumed-body': noUnconsumedBody,
} satisfies Record<string, TSESLint.RuleModule<string, readonly unknown[]>>;

export type RuleName = keyof typeof rules;
