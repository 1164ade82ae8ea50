// Every fix and suggestion output in the no-unreleased-field case lists type-checks without new errors, and releases the field it was made for: run again, the rule no longer reports `notReleased` for that field.
import * as path from 'node:path';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import { describe, expect, it, vi } from 'vitest';
import rule, { type MessageIds, type Options } from '../../rules/no-unreleased-field.js';
import { fixtureLinter } from '../fixture-linter.js';
import { fixturesDir } from '../rule-tester.js';
import { typeErrorsIntroduced } from '../typecheck.js';
import * as disposal from './no-unreleased-field.disposal.test.js';
import * as fixes from './no-unreleased-field.fixes.test.js';
import * as overwrite from './no-unreleased-field.overwrite.test.js';
import * as ownership from './no-unreleased-field.ownership.test.js';

// Only the case lists are wanted here: the files that own them run them through the RuleTester themselves.
vi.mock('../rule-tester.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../rule-tester.js')>()),
  createRuleTester: () => ({ run: () => undefined }),
}));

type Case = InvalidTestCase<MessageIds, Options>;

const caseLists: Record<string, readonly Case[]> = {
  ownership: ownership.invalid,
  disposal: disposal.invalid,
  overwrite: overwrite.invalid,
  fixes: fixes.invalid,
};

/** An edited version of a case's code, and the fields whose `notReleased` report the edit is meant to settle. */
interface Edit {
  label: string;
  testCase: Case;
  output: string;
  fields: string[];
}

const fieldOf = (error: Case['errors'][number]): string => String((error.data as { field?: unknown } | undefined)?.field);

function editsOf(list: string, testCase: Case): Edit[] {
  const edits: Edit[] = [];
  const fixed = testCase.errors.filter((error) => error.messageId === 'notReleased' && !error.suggestions?.length).map(fieldOf);
  const passes = typeof testCase.output === 'string' ? [testCase.output] : Array.isArray(testCase.output) ? testCase.output : [];
  passes.forEach((output, index) => {
    // Fixes apply pass by pass; only after the last one should every fixed field be released.
    const last = index === passes.length - 1;
    edits.push({ label: `${list} › ${testCase.name} › fix${passes.length > 1 ? ` (pass ${index + 1})` : ''}`, testCase, output, fields: last ? fixed : [] });
  });
  for (const error of testCase.errors) {
    for (const suggestion of error.suggestions ?? []) {
      const method = (suggestion.data as { method?: unknown } | undefined)?.method;
      edits.push({ label: `${list} › ${testCase.name} › suggestion for \`${String(method)}\``, testCase, output: suggestion.output, fields: [fieldOf(error)] });
    }
  }
  return edits;
}

const edits = Object.entries(caseLists).flatMap(([list, cases]) => cases.flatMap((testCase) => editsOf(list, testCase)));

/** An ESLint that runs only this rule, with one case's options, on the fixture project. */
const linterFor = (options: Readonly<Options> | undefined) => fixtureLinter({ 'no-unreleased-field': options ?? [] });

// The RuleTester lints a case without a filename as react.tsx (its default when JSX is enabled).
const fileNameOf = (testCase: Case): string => testCase.filename ?? 'react.tsx';

describe('no-unreleased-field fix and suggestion outputs', () => {
  it('finds fix and suggestion outputs in the case lists', () => {
    expect(edits.filter((edit) => edit.label.includes('› fix')).length).toBeGreaterThan(10);
    expect(edits.filter((edit) => edit.label.includes('› suggestion')).length).toBeGreaterThan(3);
  });

  for (const edit of edits) {
    describe(edit.label, () => {
      it('introduces no type errors', () => {
        expect(typeErrorsIntroduced(edit.testCase.code, edit.output, fileNameOf(edit.testCase))).toEqual([]);
      });

      if (edit.fields.length > 0) {
        it(`releases ${edit.fields.map((field) => `this.${field}`).join(', ')}: no notReleased report for it any more`, async () => {
          const [result] = await linterFor(edit.testCase.options).lintText(edit.output, {
            filePath: path.join(fixturesDir, fileNameOf(edit.testCase)),
          });
          const fatal = result!.messages.filter((message) => message.fatal);
          expect(fatal).toEqual([]);
          const remaining = result!.messages.filter(
            (message) => message.messageId === 'notReleased' && edit.fields.some((field) => message.message.startsWith(`\`this.${field}\` (`)),
          );
          expect(remaining.map((message) => `${message.line}:${message.column} ${message.message}`)).toEqual([]);
        });
      }
    });
  }
});
