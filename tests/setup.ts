// Runs before each test file. Test files share modules (the rules project does not isolate them, so TypeScript,
// typescript-eslint and the fixture project's program are loaded once per worker), so RuleTester is wired to the
// vitest functions of the file that is starting, not of the first file that imported tests/rule-tester.ts.
import { RuleTester } from '@typescript-eslint/rule-tester';
import { afterAll, describe, it } from 'vitest';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;
