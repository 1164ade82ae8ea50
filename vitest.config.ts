import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'rules', include: ['tests/**/*.test.ts'], exclude: [...configDefaults.exclude, 'tests/realworld/**'] },
      },
      {
        // The pinned real-world corpus: installs its packages and lints ~350 k lines, so it gets its own project
        // and a timeout in minutes (`npm run realworld` prints the same run as a table).
        extends: true,
        test: { name: 'realworld', include: ['tests/realworld/*.test.ts'], hookTimeout: 20 * 60_000, testTimeout: 20 * 60_000 },
      },
    ],
  },
});
