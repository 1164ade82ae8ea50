// The options of rules that fix local resources: which edit to prefer, and the oldest Node.js version the code runs on.
import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import type { FixStyle } from './plan.js';

export interface FixOptions {
  /** `auto`: `using` where it is valid for the project and the type, else `try`/`finally`. */
  fixStyle?: FixStyle;
  /** The oldest Node.js version the code runs on (default: `engines.node` of the nearest package.json). */
  nodeVersion?: string;
}

export const FIX_OPTION_SCHEMA: Record<keyof FixOptions, JSONSchema4> = {
  fixStyle: {
    type: 'string',
    enum: ['auto', 'using', 'try-finally'],
    description:
      'How fixes release a resource: `using` / `await using` where valid and `try`/`finally` elsewhere (`auto`: `using` only where TypeScript downlevels it; `using`: also where the runtime runs it natively), or always `try`/`finally`.',
  },
  nodeVersion: {
    type: 'string',
    description:
      'The oldest Node.js version the code runs on, for disposal methods that newer versions added (default: the minimum of `engines.node` in the nearest package.json, else the running Node.js).',
  },
};
