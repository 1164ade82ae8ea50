// Without type information every rule stops with typescript-eslint's message naming the setting to add — except on a
// JavaScript file, which a project without `allowJs` does not type: the plugin's configs lint those too, so the rules
// skip them.
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

describe('a JavaScript file without type information', () => {
  // A leak every rule family would report with types: an interval, a socket, a listener on process.
  const code = `import * as net from 'node:net';
export function start(port) {
  setInterval(() => {}, 1000);
  const socket = net.connect(port);
  process.on('exit', () => socket.destroy());
}
`;
  for (const [parserName, languageOptions] of [
    ["ESLint's own parser", {}],
    ["typescript-eslint's parser with typed linting turned off (disableTypeChecked)", { parser: tseslint.parser, parserOptions: { projectService: false, project: false, program: null } }],
  ] as const) {
    it(`is skipped by every rule, with ${parserName}`, async () => {
      const eslint = new ESLint({
        cwd: fixturesDir,
        overrideConfigFile: true,
        overrideConfig: [
          {
            files: ['**/*.js'],
            languageOptions,
            plugins: { leaks: plugin as unknown as ESLint.Plugin },
            rules: Object.fromEntries(Object.keys(plugin.rules).map((rule) => [`leaks/${rule}`, 'error'])),
          },
        ],
      });
      const [result] = await eslint.lintText(code, { filePath: `${fixturesDir}/untyped.js` });
      expect(result!.messages).toEqual([]);
    });
  }

  it("fails with the message naming parserOptions when it has typescript-eslint's parser and no project (a setting forgotten, not turned off)", async () => {
    const eslint = new ESLint({
      cwd: fixturesDir,
      overrideConfigFile: true,
      overrideConfig: [
        {
          files: ['**/*.js'],
          languageOptions: { parser: tseslint.parser },
          plugins: { leaks: plugin as unknown as ESLint.Plugin },
          rules: { 'leaks/no-leaked-timer': 'error' },
        },
      ],
    });
    await expect(eslint.lintText(code, { filePath: `${fixturesDir}/untyped.js` })).rejects.toThrow(/requires type information[\s\S]*parserOptions/);
  });

  it('is linted when the project types it (the fixture project has allowJs)', async () => {
    const eslint = new ESLint({
      cwd: fixturesDir,
      overrideConfigFile: true,
      overrideConfig: [
        {
          files: ['**/*.js'],
          languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: fixturesDir } },
          plugins: { leaks: plugin as unknown as ESLint.Plugin },
          rules: { 'leaks/no-leaked-timer': 'error' },
        },
      ],
    });
    const [result] = await eslint.lintText(code, { filePath: `${fixturesDir}/script.js` });
    expect(result!.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual(['3:3 leaks/no-leaked-timer']);
  });
});
