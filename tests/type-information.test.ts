// Without type information every rule stops with typescript-eslint's message naming the setting to add.
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../lib/index.js';
import { fixturesDir } from './rule-tester.js';

describe('a lint run without type information', () => {
  for (const rule of Object.keys(plugin.rules)) {
    it(`leaks/${rule} fails with a message that names parserOptions`, async () => {
      const eslint = new ESLint({
        cwd: fixturesDir,
        overrideConfigFile: true,
        overrideConfig: [
          {
            files: ['**/*.ts'],
            // The parser, but no project: typescript-eslint produces no type information.
            languageOptions: { parser: tseslint.parser },
            plugins: { leaks: plugin as unknown as ESLint.Plugin },
            rules: { [`leaks/${rule}`]: 'error' },
          },
        ],
      });
      await expect(eslint.lintText('export const x = 1;\n', { filePath: `${fixturesDir}/file.ts` })).rejects.toThrow(
        /requires type information[\s\S]*parserOptions/,
      );
    });
  }
});
