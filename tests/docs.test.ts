// Lints every example in the rule docs (and the README) with the plugin, so that no documented example can rot.
//
// Convention: a fenced ```ts, ```tsx or ```js block is an example when the nearest non-blank line above its fence is
// `<!-- incorrect -->` or `<!-- correct -->`. In docs/rules/*.md every ts/tsx/js block must carry one of the two
// markers; in README.md only marked blocks are linted (its config snippets are not examples). Each example is linted
// as a file of the typed fixture project (tests/fixtures: file.ts, react.tsx or script.js, by the block's language)
// with the rule at "error" and default options; an inline `/* eslint leaks/<rule>: ["error", {...}] */` comment in
// the block sets its options. An incorrect example must get at least one report from its rule, a correct one none,
// and no example may fail to parse, carry an invalid inline config, or have TypeScript errors (an example whose
// imports do not resolve would be linted against `any` types and prove nothing). A ```text block right after an
// incorrect example shows ESLint's output for it (stylish format) and must match what the rule reports. A correct
// example right after an incorrect one is the output of `eslint --fix` on it when the text between them says
// "After `eslint --fix`", and the output of its suggestions when it says `After the suggestion "<message>"` (or
// `After the suggestions "<message>" and "<message>"`: each applied once, as an editor would one after the other).
//
// Each rule page must also have a "Related rules" section whose links all lead to other rule pages.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParserServicesWithTypeInformation } from '@typescript-eslint/utils';
import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import { ESLint, type Linter, type Rule } from 'eslint';
import tseslint from 'typescript-eslint';
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import plugin from '../lib/index.js';
import { rules } from '../lib/rules.js';
import { BUILTIN_RESOURCES, NEEDS_NO_RELEASE } from '../lib/catalog/resources.js';
import { fixturesDir } from './rule-tester.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const docsDir = path.join(root, 'docs', 'rules');

type Verdict = 'incorrect' | 'correct';

interface Example {
  file: string;
  /** 1-based line of the opening fence, for failure messages. */
  line: number;
  language: 'ts' | 'tsx' | 'js';
  verdict: Verdict | undefined;
  code: string;
  /** The lines of a ```text block that directly follows the example: the ESLint output it documents. */
  output?: string[];
  /** For a correct example introduced by "After `eslint --fix`": the incorrect example just before it. */
  fixOf?: Example;
  /** For a correct example introduced by `After the suggestion "…"`: those suggestions of the example just before it. */
  suggestionOf?: { example: Example; messages: string[] };
}

const LINTED_LANGUAGES = new Set(['ts', 'tsx', 'js']);
const MARKER = /^<!--\s*(incorrect|correct)\s*-->$/;

function extractExamples(file: string): Example[] {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  const examples: Example[] = [];
  let previousEnd = -1;
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,}|~{3,})\s*([\w-]*)/.exec(lines[i]!);
    if (!open) continue;
    const [, fence, language] = open;
    let end = i + 1;
    while (end < lines.length && !lines[end]!.startsWith(fence!)) end++;
    if (LINTED_LANGUAGES.has(language!)) {
      let above = i - 1;
      while (above >= 0 && lines[above]!.trim() === '') above--;
      const marker = above >= 0 ? MARKER.exec(lines[above]!.trim()) : null;
      let next = end + 1;
      while (next < lines.length && lines[next]!.trim() === '') next++;
      let output: string[] | undefined;
      if (lines[next]?.trim() === '```text') {
        const close = lines.findIndex((line, index) => index > next && line.trim() === '```');
        output = lines.slice(next + 1, close < 0 ? undefined : close).filter((line) => line.trim() !== '');
      }
      const previous = examples.at(-1);
      const between = lines.slice(previousEnd + 1, i).join(' ').replace(/\s+/g, ' ');
      const follows = marker?.[1] === 'correct' && previous?.verdict === 'incorrect' ? previous : undefined;
      const fixOf = follows && between.includes('After `eslint --fix`') ? follows : undefined;
      const suggestion = follows && /After the suggestions? ("[^"]+"(?:(?:,| and|, and) "[^"]+")*)/.exec(between);
      examples.push({
        file: path.relative(root, file),
        line: i + 1,
        language: language as Example['language'],
        verdict: marker?.[1] as Verdict | undefined,
        code: `${lines.slice(i + 1, end).join('\n')}\n`,
        output,
        fixOf,
        suggestionOf: suggestion ? { example: follows, messages: [...suggestion[1]!.matchAll(/"([^"]+)"/g)].map((m) => m[1]!) } : undefined,
      });
      previousEnd = end;
    }
    i = end;
  }
  return examples;
}

/** Reports the TypeScript diagnostics of the linted file, so a broken example cannot pass by being untyped. */
const typeErrorsRule: Rule.RuleModule = {
  meta: { type: 'problem', schema: [], messages: { diagnostic: 'TS{{code}}: {{text}}' } },
  create(context) {
    return {
      'Program:exit'() {
        const { program } = context.sourceCode.parserServices as unknown as ParserServicesWithTypeInformation;
        const sourceFile = program.getSourceFile(context.filename);
        if (!sourceFile) {
          context.report({ loc: { line: 1, column: 0 }, messageId: 'diagnostic', data: { code: '?', text: 'not in the program' } });
          return;
        }
        for (const diagnostic of [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)]) {
          const { line, character } = sourceFile.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
          context.report({
            loc: { line: line + 1, column: character },
            messageId: 'diagnostic',
            data: { code: String(diagnostic.code), text: ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ') },
          });
        }
      },
    };
  },
};

const ruleIds = Object.keys(plugin.rules);

const eslintOptions: ESLint.Options = {
  cwd: fixturesDir,
  overrideConfigFile: true,
  overrideConfig: [
    {
      files: ['**/*.ts', '**/*.tsx', '**/*.js'],
      languageOptions: {
        parser: tseslint.parser as Linter.Parser,
        parserOptions: { projectService: true, tsconfigRootDir: fixturesDir, ecmaFeatures: { jsx: true } },
      },
      plugins: {
        leaks: plugin as unknown as ESLint.Plugin,
        docs: { rules: { 'type-errors': typeErrorsRule } },
      },
      rules: {
        ...Object.fromEntries(ruleIds.map((id) => [`leaks/${id}`, 'error'])),
        'docs/type-errors': 'error',
      },
    },
  ],
};
const eslint = new ESLint(eslintOptions);

const FIXTURE_FILE: Record<Example['language'], string> = { ts: 'file.ts', tsx: 'react.tsx', js: 'script.js' };

const results = new Map<Example, Promise<Linter.LintMessage[]>>();

function lint(example: Example): Promise<Linter.LintMessage[]> {
  let result = results.get(example);
  if (!result) {
    result = eslint
      .lintText(example.code, { filePath: path.join(fixturesDir, FIXTURE_FILE[example.language]) })
      .then(([lintResult]) => lintResult!.messages);
    results.set(example, result);
  }
  return result;
}

const describeMessages = (messages: Linter.LintMessage[]): string =>
  messages.map((m) => `${m.line}:${m.column} ${m.ruleId ?? '(no rule)'} ${m.message}`).join('\n') || '(no messages)';

/** The rule an example demonstrates: the one its doc page is about; README examples are about the first rule. */
function ruleOf(example: Example): string {
  const base = path.basename(example.file, '.md');
  return ruleIds.includes(base) ? base : ruleIds[0]!;
}

const docFiles = readdirSync(docsDir)
  .filter((name) => name.endsWith('.md'))
  .map((name) => path.join(docsDir, name));
const ruleDocExamples = docFiles.flatMap(extractExamples);
const readmeExamples = extractExamples(path.join(root, 'README.md')).filter((example) => example.verdict);
const examples = [...ruleDocExamples, ...readmeExamples];

describe('documentation examples', () => {
  it('finds marked examples in every rule doc', () => {
    for (const file of docFiles) {
      const relative = path.relative(root, file);
      const own = ruleDocExamples.filter((example) => example.file === relative);
      expect(own.filter((example) => example.verdict === 'incorrect').length, relative).toBeGreaterThan(0);
      expect(own.filter((example) => example.verdict === 'correct').length, relative).toBeGreaterThan(0);
    }
  });

  it('marks every code example in the rule docs as incorrect or correct', () => {
    const unmarked = ruleDocExamples.filter((example) => !example.verdict).map((example) => `${example.file}:${example.line}`);
    expect(unmarked).toEqual([]);
  });

  for (const example of examples.filter((e) => e.verdict)) {
    it(`${example.file}:${example.line} is ${example.verdict}`, async () => {
      const messages = await lint(example);
      const broken = messages.filter((m) => m.fatal || m.ruleId === null || m.ruleId === 'docs/type-errors');
      expect(broken, `parse, inline-config or type errors:\n${describeMessages(broken)}`).toEqual([]);
      const reports = messages.filter((m) => m.ruleId === `leaks/${ruleOf(example)}` && m.severity === 2);
      if (example.verdict === 'incorrect') {
        expect(reports.length, `expected a report:\n${describeMessages(messages)}`).toBeGreaterThan(0);
        if (example.output) {
          // Stylish output: `line:column  error  message-without-final-period  rule-id`.
          const stylish = reports.map((m) => `${m.line}:${m.column}  error  ${m.message.replace(/\.$/, '')}  ${m.ruleId}`);
          expect(example.output.map((line) => line.trim())).toEqual(stylish);
        }
      } else {
        expect(reports, `expected no report:\n${describeMessages(messages)}`).toEqual([]);
      }
    });
  }

  const fixing = new ESLint({ ...eslintOptions, fix: true });
  for (const example of examples.filter((e) => e.fixOf)) {
    const before = example.fixOf!;
    it(`${example.file}:${example.line} is what \`eslint --fix\` makes of the example on line ${before.line}`, async () => {
      const [result] = await fixing.lintText(before.code, { filePath: path.join(fixturesDir, FIXTURE_FILE[before.language]) });
      expect(result!.output ?? before.code).toBe(example.code);
    });
  }

  for (const example of examples.filter((e) => e.suggestionOf)) {
    const { example: before, messages } = example.suggestionOf!;
    it(`${example.file}:${example.line} is what the suggestions ${JSON.stringify(messages)} make of the example on line ${before.line}`, async () => {
      const offered = (await lint(before)).filter((m) => m.ruleId === `leaks/${ruleOf(before)}`).flatMap((m) => m.suggestions ?? []);
      const fixes = messages.map((message) => {
        const named = offered.filter((s) => s.desc === message);
        expect(named.length, `suggestions named "${message}"`).toBe(1);
        return named[0]!.fix;
      });
      // Applied from the end of the file backwards, so that each range still points at the text it was made for.
      let code = before.code;
      for (const { range, text } of [...fixes].sort((a, b) => b.range[0] - a.range[0])) code = code.slice(0, range[0]) + text + code.slice(range[1]);
      expect(code).toBe(example.code);
    });
  }

  it('shows every message of each rule (and of its suggestions) in some incorrect example', async () => {
    for (const id of ruleIds) {
      const own = ruleDocExamples.filter((example) => example.verdict === 'incorrect' && ruleOf(example) === id);
      // Suggestion messages are shown through the reports that offer them.
      const shown = new Set(
        (await Promise.all(own.map(lint)))
          .flat()
          .flatMap((m) => (m.ruleId === `leaks/${id}` ? [m.messageId, ...(m.suggestions ?? []).map((s) => s.messageId)] : [])),
      );
      const declared = Object.keys(rules[id as keyof typeof rules].meta.messages);
      expect(declared.filter((messageId) => !shown.has(messageId)), id).toEqual([]);
    }
  });
});

/** The text of a `## title` section (or `### title`, with level 3), up to the next heading of that level or above. */
function section(markdown: string, title: string, level = 2): string | undefined {
  const hashes = '#'.repeat(level);
  const lines = markdown.split(/\r?\n/);
  const start = lines.findIndex((line) => line.trim() === `${hashes} ${title}`);
  if (start < 0) return undefined;
  const end = lines.findIndex((line, index) => index > start && /^#{1,6} /.test(line) && line.indexOf(' ') <= level);
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

/** `### \`name\`` subsections of a section, by option name. */
function subsections(text: string): Map<string, string> {
  const parts = text.split(/^### /m).slice(1);
  return new Map(parts.map((part) => [/^`([^`]+)`/.exec(part)?.[1] ?? part.split('\n')[0]!, part]));
}

describe('rule doc structure', () => {
  for (const id of ruleIds) {
    const rule = rules[id as keyof typeof rules];
    const markdown = readFileSync(path.join(docsDir, `${id}.md`), 'utf8');

    const schema: readonly JSONSchema4[] = Array.isArray(rule.meta.schema) ? rule.meta.schema : [rule.meta.schema];
    const names = schema.flatMap((item) => ('properties' in item ? Object.keys(item.properties ?? {}) : []));

    it(`${id}: has the required sections`, () => {
      expect(section(markdown, 'When Not To Use It')?.trim()).toBeTruthy();
      if (names.length > 0) expect(section(markdown, 'Options')).toBeDefined();
    });

    it(`${id}: links its Related rules only to other rule pages that exist`, () => {
      const related = section(markdown, 'Related rules') ?? '';
      const targets = [...related.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]!);
      expect(targets.length, 'links in "## Related rules"').toBeGreaterThan(0);
      for (const target of targets) {
        const page = /^(?:\.\/)?([a-z0-9-]+)\.md(?:#[\w-]*)?$/.exec(target)?.[1];
        expect(page, `${target} is not a rule page beside this one`).toBeDefined();
        expect(existsSync(path.join(docsDir, `${page}.md`)) && ruleIds.includes(page!), `${target} is not a rule's page`).toBe(true);
        expect(page, `${target} links the page to itself`).not.toBe(id);
      }
    });

    it(`${id}: documents every option, its default, and an example of it`, () => {
      const defaults = (rule.meta.defaultOptions?.[0] ?? {}) as Record<string, unknown>;
      const documented = subsections(section(markdown, 'Options') ?? '');
      expect([...documented.keys()].sort()).toEqual([...names].sort());
      for (const name of names) {
        const text = documented.get(name)!;
        if (name in defaults) expect(text, name).toContain(`Default: \`${JSON.stringify(defaults[name])}\``);
        expect(text, name).toMatch(/<!--\s*(incorrect|correct)\s*-->\s*\n\s*```/);
        expect(text, name).toContain(`"${name}"`);
      }
    });
  }

  it('the ownership model names every built-in resource kind and every type that needs no release', () => {
    const markdown = readFileSync(path.join(root, 'docs', 'ownership-model.md'), 'utf8');
    const resources = section(markdown, 'Built-in resources', 3) ?? '';
    // A `{name}` label names the matched class; the table's row is named after the kind's first type.
    const firstTypeName = (kind: (typeof BUILTIN_RESOURCES)[number]): string => {
      const first = kind.types[0];
      return typeof first === 'string' || first === undefined ? String(first) : [first.name].flat()[0]!;
    };
    const labels = BUILTIN_RESOURCES.map((kind) => kind.label.replace('{name}', firstTypeName(kind)));
    expect(labels.filter((label) => !resources.includes(label))).toEqual([]);
    const exempt = section(markdown, 'Types that need no release', 3) ?? '';
    const names = NEEDS_NO_RELEASE.flatMap((spec) => (typeof spec === 'string' ? [spec] : [spec.name].flat()));
    expect(names.filter((name) => !exempt.includes(`\`${name}\``))).toEqual([]);
  });
});
