// `npm run bench:editor`: the editor's round trip. Starts the real ESLint language server (vscode-eslint's, from
// vscode-langservers-extracted) on examples/ with its config (the plugin's `recommended`), opens a file of the example
// service, and times each edit → diagnostics answer (LSP `didChange`, then `textDocument/diagnostic`, as VS Code does)
// over --edits edits, alternating a leaky and a fixed version of one function; prints median and p95. Then the same
// with the plugin's rules off (ESLint and the typed parse alone), for what the rules add. Not a test.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { percentile } from './stats.mjs';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SERVER = path.join(repoRoot, 'node_modules', 'vscode-langservers-extracted', 'bin', 'vscode-eslint-language-server');
const FOLDER = path.join(repoRoot, 'examples');
const FILE = path.join(FOLDER, 'service', 'src', 'metrics-query.ts');
const { values: args } = parseArgs({ options: { edits: { type: 'string', default: '40' }, warmup: { type: 'string', default: '5' } } });

const { default: leaks } = await import('eslint-plugin-leaks');
/** The ESLint options the server passes on: with the plugin's rules off, the same parser, program and server remain. */
const eslintOptions = (rulesOff) =>
  rulesOff ? { overrideConfig: { rules: Object.fromEntries(Object.keys(leaks.rules).map((rule) => [`leaks/${rule}`, 'off'])) } } : {};

const settings = (rulesOff) => ({
  validate: 'on',
  packageManager: 'npm',
  useESLintClass: false,
  useFlatConfig: true,
  experimental: { useFlatConfig: false },
  codeActionOnSave: { mode: 'all' },
  format: false,
  quiet: false,
  onIgnoredFiles: 'off',
  options: eslintOptions(rulesOff),
  rulesCustomizations: [],
  run: 'onType',
  problems: { shortenToSingleLine: false },
  nodePath: null,
  workingDirectory: { mode: 'location' },
  workspaceFolder: { name: 'examples', uri: pathToFileURL(FOLDER).href },
  codeAction: { disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' }, showDocumentation: { enable: true } },
});


async function session(rulesOff) {
  const server = spawn(process.execPath, [SERVER, '--stdio'], { cwd: FOLDER, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => settings(rulesOff)));
  connection.onRequest(() => null);
  connection.onNotification(() => undefined);
  connection.listen();
  const uri = pathToFileURL(FILE).href;
  const original = fs.readFileSync(FILE, 'utf8');
  // One edit the rules care about: a leak appended and taken away again.
  const leaky = `${original}\nexport async function probe(path: string): Promise<number> {\n  const handle = await (await import('node:fs/promises')).open(path);\n  return (await handle.stat()).size;\n}\n`;
  try {
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(FOLDER).href,
      workspaceFolders: [{ name: 'examples', uri: pathToFileURL(FOLDER).href }],
      capabilities: { workspace: { configuration: true }, textDocument: { diagnostic: { dynamicRegistration: false } } },
    });
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: original } });
    await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    const times = [];
    let findings = 0;
    const total = Number(args.warmup) + Number(args.edits);
    for (let version = 2; version < 2 + total; version++) {
      const text = version % 2 === 0 ? leaky : original;
      const started = performance.now();
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
      const report = await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
      if (version - 2 >= Number(args.warmup)) times.push(performance.now() - started);
      findings = Math.max(findings, report.items.filter((item) => String(item.code).startsWith('leaks/')).length);
    }
    await connection.sendRequest('shutdown', null);
    await connection.sendNotification('exit');
    return { times: times.sort((a, b) => a - b), findings };
  } finally {
    connection.dispose();
    if (server.exitCode === null) server.kill();
  }
}

console.log(`ESLint language server on examples/, ${path.relative(repoRoot, FILE)}: ${args.edits} edits after ${args.warmup} warm-up edits`);
for (const rulesOff of [false, true]) {
  const { times, findings } = await session(rulesOff);
  console.log(
    `  ${rulesOff ? 'plugin rules off' : 'recommended     '}  edit → diagnostics: median ${percentile(times, 50).toFixed(0)} ms, p95 ${percentile(times, 95).toFixed(0)} ms, max ${times.at(-1).toFixed(0)} ms (plugin findings ${findings})`,
  );
}
