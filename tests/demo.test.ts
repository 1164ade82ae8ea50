// End-to-end: `node examples/demo.mjs` lints the example service with the built plugin and a user's config.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const examplesDir = path.join(repoRoot, 'examples');
const demoScript = path.join(examplesDir, 'demo.mjs');

interface DemoFinding {
  file: string;
  line: number;
  column: number;
  ruleId: string;
  messageId: string | null;
  message: string;
  incident: number | null;
  inCorrectCode: boolean;
}

interface DemoJson {
  filesLinted: number;
  findings: DemoFinding[];
  failures: unknown[];
}

const runDemo = async (args: string[]): Promise<{ stdout: string; stderr: string }> =>
  promisify(execFile)(process.execPath, [demoScript, ...args], { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1' } });

/** Line range (1-based, inclusive) of each named top-level function or class in an example file. */
function declarationRanges(file: string): Map<string, { start: number; end: number }> {
  const text = readFileSync(path.join(examplesDir, file), 'utf8');
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const ranges = new Map<string, { start: number; end: number }>();
  for (const statement of sourceFile.statements) {
    if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) {
      ranges.set(statement.name.text, {
        start: sourceFile.getLineAndCharacterOfPosition(statement.getStart()).line + 1,
        end: sourceFile.getLineAndCharacterOfPosition(statement.getEnd()).line + 1,
      });
    }
  }
  return ranges;
}

describe('npm run demo (examples/demo.mjs)', () => {
  let json: DemoJson;
  let text: string;

  beforeAll(async () => {
    const [jsonRun, textRun] = await Promise.all([runDemo(['--json']), runDemo([])]);
    json = JSON.parse(jsonRun.stdout) as DemoJson;
    text = textRun.stdout;
  });

  it('lints every example file without a parse or config failure', () => {
    expect(json.failures).toEqual([]);
    // service/src has 7 modules, plus eslint.config.mjs and demo.mjs themselves.
    expect(json.filesLinted).toBe(9);
  });

  it('reports incidents 2 and 4 at the acquisitions, and nothing else, with leaks/no-leaked-resource', () => {
    const leaks = json.findings
      .filter((finding) => finding.ruleId === 'leaks/no-leaked-resource')
      .map(({ file, line, column, messageId, incident }) => ({ file, line, column, messageId, incident }));
    expect(leaks).toEqual([
      // Incident 4: per-request tunnels left open on the error / early-return path.
      { file: 'service/src/cluster-proxy.ts', line: 15, column: 18, messageId: 'leak', incident: 4 },
      { file: 'service/src/cluster-proxy.ts', line: 33, column: 18, messageId: 'leak', incident: 4 },
      { file: 'service/src/cluster-proxy.ts', line: 45, column: 18, messageId: 'leak', incident: 4 },
      // Incident 2: a new pooling client per health check.
      { file: 'service/src/health-monitor.ts', line: 8, column: 18, messageId: 'leakPooling', incident: 2 },
      { file: 'service/src/health-monitor.ts', line: 17, column: 69, messageId: 'discardedPooling', incident: 2 },
      { file: 'service/src/health-monitor.ts', line: 27, column: 16, messageId: 'leakPooling', incident: 2 },
    ]);
  });

  it('names the resource and the leaking exit in the messages', () => {
    const byLine = new Map(json.findings.map((finding) => [`${finding.file}:${finding.line}`, finding.message]));
    expect(byLine.get('service/src/health-monitor.ts:8')).toContain('`client` (undici Client');
    expect(byLine.get('service/src/health-monitor.ts:17')).toContain('only lent to `http.get`');
    expect(byLine.get('service/src/cluster-proxy.ts:15')).toMatch(/ throws at line 18\./);
    expect(byLine.get('service/src/cluster-proxy.ts:33')).toMatch(/ returns at line 38\./);
    expect(byLine.get('service/src/cluster-proxy.ts:45')).toContain('(WebSocket, created here)');
  });

  it('reports incident 5, the ticker its run loop never clears, with leaks/no-leaked-timer', () => {
    const timers = json.findings
      .filter((finding) => finding.ruleId === 'leaks/no-leaked-timer')
      .map(({ file, line, column, messageId, incident }) => ({ file, line, column, messageId, incident }));
    expect(timers).toEqual([{ file: 'service/src/cluster-info.ts', line: 15, column: 18, messageId: 'leak', incident: 5 }]);
    const byLine = new Map(json.findings.map((finding) => [`${finding.file}:${finding.line}`, finding.message]));
    expect(byLine.get('service/src/cluster-info.ts:15')).toContain('is not cleared when `runClusterInfoLoop()` ends at line 26');
  });

  it('reports incident 1, response bodies never read or cancelled, with leaks/no-unconsumed-body', () => {
    const bodies = json.findings
      .filter((finding) => finding.ruleId === 'leaks/no-unconsumed-body')
      .map(({ file, line, column, messageId, incident }) => ({ file, line, column, messageId, incident }));
    expect(bodies).toEqual([
      { file: 'service/src/metrics-query.ts', line: 17, column: 26, messageId: 'leak', incident: 1 },
      { file: 'service/src/metrics-query.ts', line: 25, column: 9, messageId: 'discarded', incident: 1 },
    ]);
    const byLine = new Map(json.findings.map((finding) => [`${finding.file}:${finding.line}`, finding.message]));
    expect(byLine.get('service/src/metrics-query.ts:17')).toContain('The body of `response` (fetch response, obtained here)');
    expect(byLine.get('service/src/metrics-query.ts:17')).toContain('when `queryInstant()` returns at line 18');
  });

  it('reports incident 3, connections left open by a metrics port, with the server-side rules', () => {
    const server = json.findings
      .filter((finding) => finding.ruleId === 'leaks/no-hanging-socket' || finding.ruleId === 'leaks/no-unended-response')
      .map(({ file, line, column, ruleId, messageId, incident }) => ({ file, line, column, ruleId, messageId, incident }));
    expect(server).toEqual([
      { file: 'service/src/metrics-endpoint.ts', line: 13, column: 53, ruleId: 'leaks/no-hanging-socket', messageId: 'halfOpen', incident: 3 },
      { file: 'service/src/metrics-endpoint.ts', line: 14, column: 5, ruleId: 'leaks/no-hanging-socket', messageId: 'timeoutIgnored', incident: 3 },
      { file: 'service/src/metrics-endpoint.ts', line: 24, column: 37, ruleId: 'leaks/no-unended-response', messageId: 'leak', incident: 3 },
    ]);
    const byLine = new Map(json.findings.map((finding) => [`${finding.file}:${finding.line}`, finding.message]));
    expect(byLine.get('service/src/metrics-endpoint.ts:24')).toContain("(after `if (request.url !== '/metrics')`)");
  });

  it('reports the exporter class whose stop() forgets its ticker, with leaks/no-unreleased-field', () => {
    const fields = json.findings
      .filter((finding) => finding.ruleId === 'leaks/no-unreleased-field')
      .map(({ file, line, column, messageId, incident }) => ({ file, line, column, messageId, incident }));
    expect(fields).toEqual([
      { file: 'service/src/cluster-info.ts', line: 39, column: 20, messageId: 'notReleased', incident: 5 },
    ]);
  });

  it('catches all five incidents', () => {
    expect(text).toContain('All five incidents caught.');
  });

  it('finds at least five leaks in total', () => {
    expect(json.findings.length).toBeGreaterThanOrEqual(5);
  });

  it('reports nothing in the code written correctly', () => {
    const correct: Record<string, string[]> = {
      'service/src/health-monitor.ts': ['pingDirectorOnce', 'HealthMonitor'],
      'service/src/cluster-proxy.ts': [
        'forwardOverTunnelSafely',
        'proxyClusterRequestSafely',
        'watchClusterEventsSafely',
        'isPortFree',
      ],
      'service/src/metrics-query.ts': ['queryInstantSafely'],
      'service/src/metrics-endpoint.ts': ['MetricsEndpoint'],
      'service/src/cluster-info.ts': ['ClusterInfoExporter'],
    };
    for (const [file, names] of Object.entries(correct)) {
      const ranges = declarationRanges(file);
      for (const name of names) {
        const range = ranges.get(name);
        expect(range, `${file} declares ${name}`).toBeDefined();
        const inside = json.findings.filter(
          (finding) => finding.file === file && finding.line >= range!.start && finding.line <= range!.end,
        );
        expect(inside, `${file} ${name}`).toEqual([]);
      }
    }
    const cleanFiles = ['service/src/main.ts', 'service/src/config.ts', 'eslint.config.mjs', 'demo.mjs'];
    expect(json.findings.filter((finding) => cleanFiles.includes(finding.file))).toEqual([]);
    expect(json.findings.filter((finding) => finding.inCorrectCode)).toEqual([]);
  });

  it('prints findings as file:line:col grouped by file, and a summary naming the incidents caught', () => {
    expect(text).toMatch(
      /^examples\/service\/src\/health-monitor\.ts {2}\(incident 2: .+\)\n {2}examples\/service\/src\/health-monitor\.ts:8:18 {2}leaks\/no-leaked-resource {2}`client`/m,
    );
    expect(text).toContain('examples/service/src/cluster-proxy.ts:45:18  leaks/no-leaked-resource');
    const summary = text.trimEnd().split('\n').at(-1) ?? '';
    expect(summary).toMatch(/^\d+ findings in \d+ of 9 files\./);
    expect(summary).toMatch(/Incidents caught: .*\b2 \(A new HTTP client per health check: 3\)/);
    expect(summary).toMatch(/Incidents caught: .*\b4 \(Tunnel connections never released: 3\)/);
  });
});

describe('npm run demo -- --fix-dry-run', () => {
  let stdout: string;
  const sourcesBefore = new Map<string, string>();
  const serviceFiles = ['cluster-info.ts', 'cluster-proxy.ts', 'health-monitor.ts', 'metrics-query.ts'].map((name) =>
    path.join(examplesDir, 'service', 'src', name),
  );

  beforeAll(async () => {
    for (const file of serviceFiles) sourcesBefore.set(file, readFileSync(file, 'utf8'));
    ({ stdout } = await runDemo(['--fix-dry-run']));
  });

  it('prints a unified diff per file with the fixes for incidents 1, 2 and 4', () => {
    expect(stdout).toContain('--- examples/service/src/metrics-query.ts');
    expect(stdout).toContain('+  if (!response.ok) {\n+    await response.body?.cancel();\n+    return null;\n+  }');
    expect(stdout).toContain('--- examples/service/src/health-monitor.ts');
    expect(stdout).toMatch(/\+  try \{\n\+    const \{ statusCode, body \} = await client\.request/);
    expect(stdout).toContain('+  } finally {\n+    await client.close();\n+  }');
    expect(stdout).toContain('+    tunnel.end();\n     throw new ClusterUnavailableError');
    expect(stdout).toMatch(/^\d+ finding\(s\) fixed by --fix, \d+ with suggestions only \(editor quick fixes\), \d+ without an automatic edit\.$/m);
  });

  it('writes nothing', () => {
    for (const file of serviceFiles) expect(readFileSync(file, 'utf8'), file).toBe(sourcesBefore.get(file));
  });

  it('produces code that type-checks: the fixed example project has no TypeScript errors', async () => {
    const { lintExamples } = (await import(pathToFileURL(demoScript).href)) as {
      lintExamples: (options: { fix: boolean }) => Promise<{ results: { filePath: string; output?: string }[] }>;
    };
    const { results } = await lintExamples({ fix: true });
    const fixed = new Map(results.filter((r) => r.output !== undefined).map((r) => [path.resolve(r.filePath), r.output!]));
    expect(fixed.size).toBeGreaterThan(2);
    const configFile = path.join(examplesDir, 'service', 'tsconfig.json');
    const config = ts.getParsedCommandLineOfConfigFile(configFile, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
    const host = ts.createCompilerHost(config.options);
    const readFile = host.readFile.bind(host);
    host.readFile = (fileName) => fixed.get(path.resolve(fileName)) ?? readFile(fileName);
    const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, host });
    const errors = ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
    expect(errors).toEqual([]);
  });
});
