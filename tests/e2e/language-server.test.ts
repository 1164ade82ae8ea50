// The packed plugin in an editor: the real ESLint language server (vscode-eslint's server, as shipped by
// `vscode-langservers-extracted`) started over stdio in a project with ESLint 10 and README's config verbatim, driven
// the way VS Code drives it. It checks that
// - the server finds ESLint and the flat config, and reports the plugin's problems on opened files, with the rule as
//   `code`, the right ranges, a message naming the resource and a link to the rule's docs;
// - the code actions offered for them are the plugin's: a quick fix for the FileHandle (`await using`) and the rule's
//   suggestion for the AbortSignal listener;
// - running the quick fix makes the server send a workspace edit which, applied, gives the same text as `--fix`, and
//   after that change the file has no problems; running the suggestion moves the removal into `finally` and clears
//   the listener's problem the same way;
// - the server shuts down cleanly (`shutdown`, `exit`, exit code 0).
// It also prints (never asserts) how long the server takes to answer for a file after an edit.
//
// This server pulls diagnostics (LSP 3.17 `textDocument/diagnostic`); it never pushes `publishDiagnostics`. So the
// test asks for them after opening or changing a file, as VS Code does.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node.js';
import { ABORT_TS, FIXED_FILES_TS, LEAKY_FILES_TS, TSCONFIG, readmeConfig, root, workspace } from './helpers.js';

const { projects } = inject('e2e');

const SERVER = path.join(root, 'node_modules', 'vscode-langservers-extracted', 'bin', 'vscode-eslint-language-server');
const DOCS = 'https://github.com/eslint-plugin-leaks/eslint-plugin-leaks/blob/main/docs/rules/';
/** Longest wait for one answer of the server; the first diagnostics load ESLint, typescript-eslint and a program. */
const ANSWER_TIMEOUT = 60_000;

// The few LSP shapes used here.
interface Position {
  line: number;
  character: number;
}
interface Range {
  start: Position;
  end: Position;
}
interface TextEdit {
  range: Range;
  newText: string;
}
interface Diagnostic {
  range: Range;
  message: string;
  severity?: number;
  source?: string;
  code?: string | number;
  codeDescription?: { href: string };
}
interface Command {
  title: string;
  command: string;
  arguments?: unknown[];
}
interface CodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  diagnostics?: Diagnostic[];
  command?: Command;
}
interface WorkspaceEdit {
  changes?: Record<string, TextEdit[]>;
  documentChanges?: { textDocument: { uri: string; version: number | null }; edits: TextEdit[] }[];
}

/** The settings VS Code's ESLint extension sends for a TypeScript file in a workspace folder, with its defaults. */
function settingsFor(folder: string) {
  return {
    validate: 'on',
    packageManager: 'npm',
    useESLintClass: false,
    useFlatConfig: true,
    experimental: { useFlatConfig: false },
    codeActionOnSave: { mode: 'all' },
    format: false,
    quiet: false,
    onIgnoredFiles: 'off',
    options: {},
    rulesCustomizations: [],
    run: 'onType',
    problems: { shortenToSingleLine: false },
    nodePath: null,
    workingDirectory: { mode: 'location' },
    workspaceFolder: { name: path.basename(folder), uri: pathToFileURL(folder).href },
    codeAction: {
      disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' },
      showDocumentation: { enable: true },
    },
  };
}

function offsetAt(text: string, { line, character }: Position): number {
  let offset = 0;
  for (let l = 0; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return Math.min(offset + character, text.length);
}

/** Applies non-overlapping TextEdits, as an editor does: all positions refer to the text before the edits. */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits
    .map((edit) => ({ start: offsetAt(text, edit.range.start), end: offsetAt(text, edit.range.end), newText: edit.newText }))
    .sort((a, b) => b.start - a.start);
  for (const { start, end, newText } of sorted) text = text.slice(0, start) + newText + text.slice(end);
  return text;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

describe('the packed plugin in the ESLint language server (vscode-eslint, ESLint 10)', () => {
  const { dir: project } = projects.eslint10;
  const dir = workspace(project, {
    'eslint.config.mjs': readmeConfig(),
    'tsconfig.json': TSCONFIG,
    'src/files.ts': LEAKY_FILES_TS,
    'src/abort.ts': ABORT_TS,
  });
  const uri = (name: string): string => pathToFileURL(path.join(dir, name)).href;
  const filesUri = uri('src/files.ts');
  const abortUri = uri('src/abort.ts');

  let server: ChildProcess;
  let connection: MessageConnection;
  let exited: Promise<number | null>;
  /** What the server said besides answers: log messages, stderr, its own requests. Shown when an assertion fails. */
  const log: string[] = [];
  /** Methods of the requests the server sent to the client, in order. */
  const serverRequests: string[] = [];
  /** The documents as the client holds them, and their versions. */
  const documents = new Map<string, { text: string; version: number }>();

  async function request<R>(method: string, params: unknown): Promise<R> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer to ${method} within ${ANSWER_TIMEOUT} ms\n${log.join('\n')}`)), ANSWER_TIMEOUT);
    });
    try {
      return await Promise.race([connection.sendRequest<R>(method, params), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async function open(name: string, text: string): Promise<void> {
    documents.set(uri(name), { text, version: 1 });
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(name), languageId: 'typescript', version: 1, text } });
  }

  async function change(documentUri: string, text: string): Promise<void> {
    const document = documents.get(documentUri)!;
    document.text = text;
    document.version++;
    // The whole text as one change: allowed with incremental sync, and what an editor sends for a replace-all.
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri: documentUri, version: document.version }, contentChanges: [{ text }] });
  }

  async function diagnostics(documentUri: string): Promise<Diagnostic[]> {
    const report = await request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: documentUri } });
    expect(report.kind, log.join('\n')).toBe('full');
    return report.items;
  }

  async function codeActions(documentUri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: documentUri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], triggerKind: 1 },
    });
  }

  /** Edits the server asked the client to apply (`workspace/applyEdit`), in order. */
  const appliedEdits: WorkspaceEdit[] = [];
  /** Runs a code action's command; returns the workspace edit the server asked the client to apply while running it. */
  async function execute(action: CodeAction): Promise<WorkspaceEdit> {
    const before = appliedEdits.length;
    // The server answers the command only once the client has answered its `workspace/applyEdit`.
    await request('workspace/executeCommand', { command: action.command!.command, arguments: action.command!.arguments });
    expect(appliedEdits.length - before, `${action.command!.command} sent no workspace/applyEdit\n${log.join('\n')}`).toBe(1);
    return appliedEdits.at(-1)!;
  }

  beforeAll(async () => {
    server = spawn(process.execPath, [SERVER, '--stdio'], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
    exited = new Promise((resolve) => server.once('exit', (code) => resolve(code)));
    server.stderr!.on('data', (chunk: Buffer) => log.push(`[stderr] ${chunk.toString().trimEnd()}`));
    connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));

    connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string; section?: string }[] }) => {
      serverRequests.push('workspace/configuration');
      return params.items.map(() => settingsFor(dir));
    });
    connection.onRequest('workspace/applyEdit', (params: { label?: string; edit: WorkspaceEdit }) => {
      serverRequests.push('workspace/applyEdit');
      appliedEdits.push(params.edit);
      return { applied: true };
    });
    // Anything else the server asks (capability registration, progress, diagnostics refresh, eslint/noLibrary…):
    // recorded, and answered with an empty result as a client that ignores it would.
    connection.onRequest((method, params) => {
      serverRequests.push(method);
      log.push(`[request] ${method} ${JSON.stringify(params)}`);
      return null;
    });
    connection.onNotification('window/logMessage', (params: { type: number; message: string }) => log.push(`[log ${params.type}] ${params.message}`));
    connection.onNotification('eslint/status', (params: unknown) => log.push(`[eslint/status] ${JSON.stringify(params)}`));
    connection.onNotification((method, params) => log.push(`[notification] ${method} ${JSON.stringify(params)}`));
    connection.listen();

    const initialized = await request<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      clientInfo: { name: 'eslint-plugin-leaks e2e' },
      rootUri: pathToFileURL(dir).href,
      workspaceFolders: [{ name: path.basename(dir), uri: pathToFileURL(dir).href }],
      capabilities: {
        workspace: { configuration: true, applyEdit: true, workspaceFolders: true, workspaceEdit: { documentChanges: true } },
        textDocument: {
          synchronization: { didSave: true },
          diagnostic: { dynamicRegistration: false },
          codeAction: {
            isPreferredSupport: true,
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.fixAll'] } },
          },
        },
      },
    });
    expect(initialized.capabilities).toMatchObject({
      diagnosticProvider: { identifier: 'eslint' },
      codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.eslint'] },
    });
    await connection.sendNotification('initialized', {});
    await open('src/files.ts', LEAKY_FILES_TS);
    await open('src/abort.ts', ABORT_TS);
  });

  afterAll(async () => {
    connection?.dispose();
    if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
    await exited;
  });

  it("reports the plugin's problems on opened files", async () => {
    const files = await diagnostics(filesUri);
    const abort = await diagnostics(abortUri);
    expect(files, log.join('\n')).toEqual([
      {
        source: 'eslint',
        code: 'leaks/no-leaked-resource',
        codeDescription: { href: `${DOCS}no-leaked-resource.md` },
        severity: 1,
        range: { start: { line: 3, character: 23 }, end: { line: 3, character: 36 } },
        message: expect.stringContaining('`handle` (FileHandle, created here) is not closed when `firstBytes()` returns at line 6'),
      },
    ]);
    expect(abort, log.join('\n')).toEqual([
      {
        source: 'eslint',
        code: 'leaks/no-leaked-listener',
        codeDescription: { href: `${DOCS}no-leaked-listener.md` },
        severity: 1,
        range: { start: { line: 1, character: 2 }, end: { line: 1, character: 64 } },
        message: expect.stringContaining("'abort' listener added here to `signal`"),
      },
    ]);
    // The server found ESLint and the config by itself: it never asked the client for help.
    expect(serverRequests.filter((method) => method.startsWith('eslint/')), log.join('\n')).toEqual([]);
  });

  it('offers the quick fix and the suggestion as code actions', async () => {
    const [resource] = await diagnostics(filesUri);
    const fileActions = await codeActions(filesUri, resource!);
    expect(fileActions.map((a) => a.title)).toEqual([
      'Fix this leaks/no-leaked-resource problem',
      'Disable leaks/no-leaked-resource for this line',
      'Disable leaks/no-leaked-resource for the entire file',
      'Show documentation for leaks/no-leaked-resource',
      'Fix all auto-fixable problems',
    ]);
    expect(fileActions[0]).toMatchObject({
      kind: 'quickfix',
      isPreferred: true,
      diagnostics: [resource],
      command: { command: 'eslint.applySingleFix' },
    });

    const [listener] = await diagnostics(abortUri);
    const abortActions = await codeActions(abortUri, listener!);
    // No fix for the listener, only the rule's suggestion (titled with the rule), then the server's own actions.
    expect(abortActions.map((a) => a.title)).toEqual([
      "Wrap the rest of the function in `try`, and call `signal.removeEventListener('abort', onAbort)` in `finally`. (leaks/no-leaked-listener)",
      'Disable leaks/no-leaked-listener for this line',
      'Disable leaks/no-leaked-listener for the entire file',
      'Show documentation for leaks/no-leaked-listener',
    ]);
    expect(abortActions[0]).toMatchObject({ kind: 'quickfix', diagnostics: [listener], command: { command: 'eslint.applySuggestion' } });
    expect(abortActions[0]!.isPreferred).toBeUndefined();
  });

  it('applies the quick fix as --fix does, and the fixed file has no problems', async () => {
    const [resource] = await diagnostics(filesUri);
    const [fix] = await codeActions(filesUri, resource!);
    expect(fix!.title).toBe('Fix this leaks/no-leaked-resource problem');

    const edit = await execute(fix!);
    // One versioned change of the open document, the version the diagnostics were computed for.
    expect(edit.changes).toBeUndefined();
    expect(edit.documentChanges).toHaveLength(1);
    const [{ textDocument, edits }] = edit.documentChanges!;
    expect(textDocument).toEqual({ uri: filesUri, version: documents.get(filesUri)!.version });
    const fixed = applyEdits(documents.get(filesUri)!.text, edits);
    expect(fixed).toBe(FIXED_FILES_TS);

    await change(filesUri, fixed);
    expect(await diagnostics(filesUri), log.join('\n')).toEqual([]);
    // The other file is unchanged.
    expect((await diagnostics(abortUri)).map((d) => d.code)).toEqual(['leaks/no-leaked-listener']);
  });

  it('applies the suggestion, and the file has no problems', async () => {
    const [listener] = await diagnostics(abortUri);
    const [suggestion] = await codeActions(abortUri, listener!);
    expect(suggestion!.command!.command).toBe('eslint.applySuggestion');

    const edit = await execute(suggestion!);
    expect(edit.documentChanges).toHaveLength(1);
    const [{ textDocument, edits }] = edit.documentChanges!;
    expect(textDocument).toEqual({ uri: abortUri, version: documents.get(abortUri)!.version });
    const suggested = applyEdits(documents.get(abortUri)!.text, edits);
    // The listener gets a name, and the rest of the function runs in `try` with the removal in `finally`.
    expect(suggested).toContain("const onAbort = () => console.log('aborted');\n  signal.addEventListener('abort', onAbort);\n  try {\n");
    expect(suggested).toMatch(/\n  \} finally \{\n    signal\.removeEventListener\('abort', onAbort\);\n  \}\n\}\n$/);

    await change(abortUri, suggested);
    expect(await diagnostics(abortUri), log.join('\n')).toEqual([]);
  });

  it('answers after each edit (timing printed, not asserted)', async () => {
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const leaky = i % 2 === 0;
      const started = performance.now();
      await change(filesUri, leaky ? LEAKY_FILES_TS : FIXED_FILES_TS);
      const items = await diagnostics(filesUri);
      times.push(performance.now() - started);
      expect(items.map((d) => d.code)).toEqual(leaky ? ['leaks/no-leaked-resource'] : []);
    }
    const sorted = [...times].sort((a, b) => a - b);
    console.log(
      `language server, didChange → diagnostics for src/files.ts over ${times.length} edits: median ${percentile(sorted, 50).toFixed(0)} ms, p95 ${percentile(sorted, 95).toFixed(0)} ms (${times.map((t) => t.toFixed(0)).join(', ')})`,
    );
  });

  it('shuts down cleanly', async () => {
    await request('shutdown', null);
    await connection.sendNotification('exit');
    expect(await exited).toBe(0);
  });
});
