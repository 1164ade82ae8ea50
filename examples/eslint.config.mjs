// The flat config a user of eslint-plugin-leaks writes: typed linting for TypeScript, the plugin's recommended rules.
import { defineConfig } from 'eslint/config';
import leaks from 'eslint-plugin-leaks';
import tseslint from 'typescript-eslint';

export default defineConfig([
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  ...leaks.configs.recommended,
  // Plain JavaScript here (this config, the demo script) has no type information to offer the typed rules.
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [leaks.configs['disable-type-checked']],
  },
]);
