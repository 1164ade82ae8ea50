// A user's eslint.config.ts, type-checked by tests/types/config-types.test.ts against the built declarations.
import { defineConfig } from 'eslint/config';
import leaks from 'eslint-plugin-leaks';

export default defineConfig([
  ...leaks.configs.recommended,
  ...leaks.configs.strict,
  {
    plugins: { leaks },
    rules: { 'leaks/no-leaked-resource': ['error', { checkExceptionPaths: true }] },
  },
]);
