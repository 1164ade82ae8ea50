import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

const IMPORTS_TEST_FILES = ['tests/rules/local-fix-safety.test.ts', 'tests/rules/no-unreleased-field.fix-safety.test.ts'];

export default defineConfig({
  test: {
    // vitest's default leaves a core free (one worker on two cores); the e2e and real-world tests spend most of their
    // time waiting on child processes (npm, ESLint's CLI, git, the language server), so a second worker pays.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        // Rule and unit tests. Files share a worker's modules (isolate: false): TypeScript, typescript-eslint and the
        // fixture project's program are loaded once per worker instead of once per file, which halves the run.
        // tests/setup.ts wires RuleTester to vitest.
        extends: true,
        test: {
          name: 'rules',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'tests/realworld/**', 'tests/e2e/**', ...IMPORTS_TEST_FILES],
          isolate: false,
          setupFiles: ['tests/setup.ts'],
        },
      },
      {
        // Tests that import other test files for their case lists (mocking their RuleTester away): a file imported
        // here would not run its own tests in a worker that shares modules, so these stay isolated.
        extends: true,
        test: { name: 'case-lists', include: IMPORTS_TEST_FILES, setupFiles: ['tests/setup.ts'] },
      },
      {
        // The pinned real-world corpus: installs its packages and lints ~350 k lines, so it gets its own project
        // and a timeout in minutes (`npm run realworld` prints the same run as a table).
        extends: true,
        test: { name: 'realworld', include: ['tests/realworld/*.test.ts'], hookTimeout: 20 * 60_000, testTimeout: 20 * 60_000 },
      },
      {
        // End to end, as a user meets the plugin: the packed package installed into fresh projects (ESLint 10 and 9),
        // the CLI, a pre-commit hook, the ESLint language server, SARIF output. tests/e2e/setup.ts packs and installs
        // once for all of them.
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/*.test.ts'],
          globalSetup: ['tests/e2e/setup.ts'],
          hookTimeout: 5 * 60_000,
          testTimeout: 2 * 60_000,
        },
      },
    ],
  },
});
