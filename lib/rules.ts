// Every rule of the plugin by id, with their full typescript-eslint types (the plugin object exposes looser ones).
import type { TSESLint } from '@typescript-eslint/utils';
import noLeakedResource from '../rules/no-leaked-resource.js';
import noLeakedTimer from '../rules/no-leaked-timer.js';
import noHangingSocket from '../rules/no-hanging-socket.js';
import noUnconsumedBody from '../rules/no-unconsumed-body.js';
import noUnendedResponse from '../rules/no-unended-response.js';
import noUnreleasedField from '../rules/no-unreleased-field.js';
import noLeakedListener from '../rules/no-leaked-listener.js';

export const rules = {
  'no-leaked-resource': noLeakedResource,
  'no-leaked-timer': noLeakedTimer,
  'no-unconsumed-body': noUnconsumedBody,
  'no-unended-response': noUnendedResponse,
  'no-hanging-socket': noHangingSocket,
  'no-unreleased-field': noUnreleasedField,
  'no-leaked-listener': noLeakedListener,
} satisfies Record<string, TSESLint.RuleModule<string, readonly unknown[]>>;

export type RuleName = keyof typeof rules;
