// Every fix and suggestion output in the case lists of the rules that fix local resources (no-leaked-resource,
// no-leaked-timer, no-unconsumed-body) type-checks without new errors, parses, and settles a report: run again on
// the output, the rule reports less than on the original code. (That a second `--fix` pass changes nothing is checked
// by the RuleTester itself, which applies fixes until they converge and compares every pass.)
import * as path from 'node:path';
import type { InvalidTestCase } from '@typescript-eslint/utils/ts-eslint';
import { describe, expect, it, vi } from 'vitest';
import { type RuleId, fixtureLinter } from '../fixture-linter.js';
import { fixturesDir } from '../rule-tester.js';
import { typeErrorsIntroduced } from '../typecheck.js';
import * as fixSafety from './fix-safety.real-code.test.js';
import * as fixShapes from './fixes.test.js';
import * as resourceAcquisition from './no-leaked-resource.acquisition.test.js';
import * as resourceExceptions from './no-leaked-resource.exceptions.test.js';
import * as resourceGuards from './no-leaked-resource.guards.test.js';
import * as resourceIdentity from './no-leaked-resource.identity.test.js';
import * as resourceLanguages from './no-leaked-resource.languages.test.js';
import * as resourceModuleScope from './no-leaked-resource.module-scope.test.js';
import * as resourceOptions from './no-leaked-resource.options.test.js';
import * as resourcePaths from './no-leaked-resource.paths.test.js';
import * as resourcePerRequest from './no-leaked-resource.per-request.test.js';
import * as resourcePooling from './no-leaked-resource.pooling.test.js';
import * as resourceReassignment from './no-leaked-resource.reassignment.test.js';
import * as resourceRelease from './no-leaked-resource.release.test.js';
import * as resourceRobustness from './no-leaked-resource.robustness.test.js';
import * as resourceServers from './no-leaked-resource.servers.test.js';
import * as resourceThirdParty from './no-leaked-resource.third-party.test.js';
import * as resourceTransfer from './no-leaked-resource.transfer.test.js';
import * as timerIntervals from './no-leaked-timer.intervals.test.js';
import * as timerIterators from './no-leaked-timer.iterators.test.js';
import * as timerRecognition from './no-leaked-timer.recognition.test.js';
import * as timerScope from './no-leaked-timer.scope.test.js';
import * as timerTimeouts from './no-leaked-timer.timeouts.test.js';
import * as bodyFetch from './no-unconsumed-body.fetch.test.js';
import * as bodyHandoffs from './no-unconsumed-body.handoffs.test.js';
import * as bodyLanguages from './no-unconsumed-body.languages.test.js';
import * as bodyNodeHttp from './no-unconsumed-body.node-http.test.js';
import * as bodyPaths from './no-unconsumed-body.paths.test.js';
import * as bodyUndici from './no-unconsumed-body.undici.test.js';

// Only the case lists are wanted here: the files that own them run them through the RuleTester themselves.
vi.mock('../rule-tester.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../rule-tester.js')>()),
  createRuleTester: () => ({ run: () => undefined }),
}));

type Case = InvalidTestCase<string, readonly unknown[]>;

interface CaseList {
  rule: string;
  cases: readonly Case[];
  /** The file a case without `filename` is linted as: the lists whose files map cases through `inTs` use file.ts. */
  defaultFile: 'file.ts' | 'react.tsx';
}

const ruleIds: readonly RuleId[] = ['no-leaked-resource', 'no-leaked-timer', 'no-unconsumed-body'];

const list = (rule: string, module: { invalid: readonly unknown[] }, defaultFile: CaseList['defaultFile']): CaseList => ({
  rule,
  cases: module.invalid as readonly Case[],
  defaultFile,
});

const lists: Record<string, CaseList> = {
  'fix shapes': list('no-leaked-resource', fixShapes, 'file.ts'),
  'timer fix shapes': list('no-leaked-timer', { invalid: fixShapes.timerInvalid }, 'file.ts'),
  'fix safety': list('no-leaked-resource', fixSafety, 'file.ts'),
  'body fix safety': list('no-unconsumed-body', { invalid: fixSafety.bodyInvalid }, 'file.ts'),
  acquisition: list('no-leaked-resource', resourceAcquisition, 'file.ts'),
  exceptions: list('no-leaked-resource', resourceExceptions, 'file.ts'),
  guards: list('no-leaked-resource', resourceGuards, 'file.ts'),
  identity: list('no-leaked-resource', resourceIdentity, 'file.ts'),
  languages: list('no-leaked-resource', resourceLanguages, 'react.tsx'),
  'module-scope': list('no-leaked-resource', resourceModuleScope, 'file.ts'),
  options: list('no-leaked-resource', resourceOptions, 'file.ts'),
  paths: list('no-leaked-resource', resourcePaths, 'file.ts'),
  'per-request': list('no-leaked-resource', resourcePerRequest, 'file.ts'),
  pooling: list('no-leaked-resource', resourcePooling, 'file.ts'),
  reassignment: list('no-leaked-resource', resourceReassignment, 'file.ts'),
  release: list('no-leaked-resource', resourceRelease, 'file.ts'),
  robustness: list('no-leaked-resource', resourceRobustness, 'file.ts'),
  'third-party': list('no-leaked-resource', resourceThirdParty, 'file.ts'),
  servers: list('no-leaked-resource', resourceServers, 'file.ts'),
  transfer: list('no-leaked-resource', resourceTransfer, 'file.ts'),
  intervals: list('no-leaked-timer', timerIntervals, 'react.tsx'),
  iterators: list('no-leaked-timer', timerIterators, 'react.tsx'),
  recognition: list('no-leaked-timer', timerRecognition, 'react.tsx'),
  'timer scope': list('no-leaked-timer', timerScope, 'react.tsx'),
  timeouts: list('no-leaked-timer', timerTimeouts, 'react.tsx'),
  fetch: list('no-unconsumed-body', bodyFetch, 'react.tsx'),
  handoffs: list('no-unconsumed-body', bodyHandoffs, 'react.tsx'),
  'body languages': list('no-unconsumed-body', bodyLanguages, 'react.tsx'),
  'node-http': list('no-unconsumed-body', bodyNodeHttp, 'react.tsx'),
  'body paths': list('no-unconsumed-body', bodyPaths, 'react.tsx'),
  undici: list('no-unconsumed-body', bodyUndici, 'react.tsx'),
};

interface Edit {
  label: string;
  rule: string;
  testCase: Case;
  fileName: string;
  /** The code the edit applies to (the previous pass's output for a later fix pass). */
  before: string;
  output: string;
}

function editsOf(name: string, { rule, cases, defaultFile }: CaseList): Edit[] {
  const edits: Edit[] = [];
  for (const [index, testCase] of cases.entries()) {
    const fileName = testCase.filename ?? defaultFile;
    const label = `${rule} › ${name} › ${testCase.name ?? `case ${index + 1}`}`;
    const passes = typeof testCase.output === 'string' ? [testCase.output] : Array.isArray(testCase.output) ? testCase.output : [];
    passes.forEach((output, pass) => {
      const before = pass === 0 ? testCase.code : passes[pass - 1]!;
      edits.push({ label: `${label} › fix${passes.length > 1 ? ` (pass ${pass + 1})` : ''}`, rule, testCase, fileName, before, output });
    });
    for (const [e, error] of testCase.errors.entries()) {
      for (const [s, suggestion] of (error.suggestions ?? []).entries()) {
        const id = typeof suggestion === 'string' ? suggestion : suggestion.messageId;
        const output = typeof suggestion === 'string' ? undefined : suggestion.output;
        if (output === undefined) continue;
        edits.push({ label: `${label} › error ${e + 1} › suggestion ${s + 1} (${String(id)})`, rule, testCase, fileName, before: testCase.code, output });
      }
    }
  }
  return edits;
}

const edits = Object.entries(lists).flatMap(([name, caseList]) => editsOf(name, caseList));

/** An ESLint that runs only one rule, with one case's options, on the fixture project. */
const linterFor = (rule: string, options: readonly unknown[] | undefined) => fixtureLinter({ [rule as RuleId]: options ?? [] });

async function reportCount(edit: Edit, code: string): Promise<number> {
  const [result] = await linterFor(edit.rule, edit.testCase.options).lintText(code, { filePath: path.join(fixturesDir, edit.fileName) });
  expect(result!.messages.filter((message) => message.fatal)).toEqual([]);
  return result!.messages.length;
}

describe('fix and suggestion outputs of the local-resource rules', () => {
  it('finds fix and suggestion outputs for every rule in the case lists', () => {
    for (const rule of ruleIds) {
      expect(edits.filter((edit) => edit.rule === rule && edit.label.includes('› fix')).length, rule).toBeGreaterThan(2);
    }
    expect(edits.filter((edit) => edit.label.includes('› suggestion')).length).toBeGreaterThan(10);
  });

  for (const edit of edits) {
    describe(edit.label, () => {
      it('introduces no type errors', () => {
        expect(typeErrorsIntroduced(edit.before, edit.output, edit.fileName)).toEqual([]);
      });

      it('settles a report: the rule reports less on the output', async () => {
        expect(await reportCount(edit, edit.output)).toBeLessThan(await reportCount(edit, edit.before));
      });
    });
  }
});
