// Other ways users write their config with the plugin: `extends`, typescript-eslint's helper, and ESLint 9's defineConfig.
import { defineConfig } from 'eslint/config';
import { defineConfig as defineConfig9 } from 'eslint-v9/config';
import leaks from 'eslint-plugin-leaks';
import tseslint from 'typescript-eslint';

const typedTypeScript = {
  files: ['**/*.ts'],
  languageOptions: {
    parser: tseslint.parser,
    parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
  },
};

export const withExtends = defineConfig([
  typedTypeScript,
  { files: ['**/*.ts'], extends: [leaks.configs.strict] },
  { files: ['**/*.js'], extends: [leaks.configs['disable-type-checked']] },
]);

export const withTypescriptEslintPresets = defineConfig([
  tseslint.configs.recommendedTypeChecked,
  ...leaks.configs.all,
  {
    plugins: { leaks },
    rules: {
      'leaks/no-leaked-resource': [
        'error',
        {
          unknownCallees: 'borrow',
          resources: [{ type: { from: 'package', package: 'generic-pool', name: 'Pool' }, release: ['drain'], pooling: true }],
          ignore: [{ from: 'lib', name: 'WebSocket' }],
        },
      ],
    },
  },
]);

// Deprecated in typescript-eslint 8 in favour of defineConfig, but still in many users' configs.
export const withTseslintConfig = tseslint.config(
  ...leaks.configs.recommended,
  { plugins: { leaks }, rules: { 'leaks/no-leaked-resource': ['error', { checkModuleScope: true }] } },
  { files: ['**/*.js'], extends: [leaks.configs['disable-type-checked']] },
);

export const onEslint9 = defineConfig9([
  ...leaks.configs.recommended,
  { plugins: { leaks }, rules: { 'leaks/no-leaked-resource': ['error', { checkExceptionPaths: true }] } },
]);
