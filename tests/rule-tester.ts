// A typed RuleTester on the fixture project (real @types/node, undici, ws, pg), wired into vitest.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RuleTester } from '@typescript-eslint/rule-tester';

export const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

export function createRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: fixturesDir,
        ecmaFeatures: { jsx: true },
      },
    },
  });
}
