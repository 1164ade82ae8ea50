// Fixes run, not only type-check: each scenario lints a module with one rule, applies its fix (or suggestion) the way
// `eslint --fix` (or the editor) does, compiles the original and the edited module with TypeScript, and runs both on
// every path the scenario drives, against real sockets, HTTP responses and timers. The edit must keep what the code
// returns or throws, release on the leaking path what the original left open, and release nothing twice (the fakes
// below throw on a second release, as several drivers do).
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RuleId, fixtureLinter } from './fixture-linter.js';
import { fixturesDir } from './rule-tester.js';

/** What one call of the module's export did. */
interface Outcome {
  /** What it returned, or the message of what it threw. */
  result: unknown;
  /** Resources it left open: connections the server still holds, response bodies nobody read, timers still armed. */
  open: number;
  /** Releases of the fakes that count them (a second release throws and shows up in `result`). */
  releases?: number;
}

interface Scenario {
  name: string;
  rule: RuleId;
  options?: unknown[];
  /** `fix`: what `eslint --fix` writes; `suggestion`: the report's first suggestion, applied as the editor would. */
  edit: 'fix' | 'suggestion';
  code: string;
  /** Calls the module's export on the leaking paths and the others, one outcome per call. */
  paths: (mod: Record<string, (...args: never[]) => unknown>, env: Env) => Promise<Outcome[]>;
}

/** A TCP server that counts the connections still open, an HTTP server, and counters for timers and bodies. */
class Env {
  port = 0;
  url = '';
  private readonly tcp = net.createServer((socket) => {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.resume();
  });
  private readonly web = http.createServer((req, res) => {
    res.statusCode = req.url === '/missing' ? 404 : 200;
    // More than a socket buffer holds: a body nobody reads stays in flight.
    res.end('x'.repeat(1 << 20));
  });
  private readonly sockets = new Set<net.Socket>();

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.tcp.listen(0, '127.0.0.1', resolve));
    this.port = (this.tcp.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => this.web.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.web.address() as net.AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    this.web.closeAllConnections();
    await Promise.all([new Promise((resolve) => this.tcp.close(resolve)), new Promise((resolve) => this.web.close(resolve))]);
  }

  /** Runs `call`, waits for the connections it opened to settle, and counts what is still open; then closes it all. */
  async connections(call: () => unknown): Promise<Outcome> {
    const result = await outcome(call);
    // Let the connections the call opened reach the server, then give the closed ones time to close.
    await new Promise((resolve) => setTimeout(resolve, 50));
    let open = this.sockets.size;
    for (let waited = 0; open > 0 && waited < 500; waited += 25) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      open = this.sockets.size;
    }
    for (const socket of this.sockets) socket.destroy();
    return { result, open };
  }

  /** Runs `call` with `setInterval` watched: the intervals it leaves armed are counted, then cleared. */
  async intervals(call: () => unknown): Promise<Outcome> {
    const armed = new Set<NodeJS.Timeout>();
    const { setInterval: set, clearInterval: clear } = globalThis;
    globalThis.setInterval = ((...args: Parameters<typeof set>) => {
      const handle = set(...args);
      armed.add(handle);
      return handle;
    }) as typeof set;
    globalThis.clearInterval = ((handle: NodeJS.Timeout | undefined) => {
      if (handle) armed.delete(handle);
      clear(handle);
    }) as typeof clear;
    try {
      const result = await outcome(call);
      return { result, open: armed.size };
    } finally {
      globalThis.setInterval = set;
      globalThis.clearInterval = clear;
      for (const handle of armed) clear(handle);
    }
  }

  /** Runs `call` with `fetch` watched: the responses whose bodies were neither read nor cancelled are counted. */
  async bodies(call: () => unknown): Promise<Outcome> {
    const responses: Response[] = [];
    const original = globalThis.fetch;
    globalThis.fetch = async (...args: Parameters<typeof fetch>) => {
      const response = await original(...args);
      responses.push(response);
      return response;
    };
    try {
      const result = await outcome(call);
      await new Promise((resolve) => setTimeout(resolve, 10));
      const open = responses.filter((r) => r.body && !r.bodyUsed).length;
      for (const r of responses) if (!r.bodyUsed) await r.body?.cancel().catch(() => undefined);
      return { result, open };
    } finally {
      globalThis.fetch = original;
    }
  }
}

async function outcome(call: () => unknown): Promise<unknown> {
  try {
    return await call();
  } catch (error) {
    return `threw: ${(error as Error).message}`;
  }
}

/** A query runner like TypeORM's: released once with release() or disposal; a second release throws. */
function runnerSource(): { createQueryRunner: () => object; releases: () => number } {
  let releases = 0;
  return {
    releases: () => releases,
    createQueryRunner: () => {
      let released = false;
      const release = async (): Promise<void> => {
        if (released) throw new Error('Query runner already released');
        released = true;
        releases++;
      };
      return { getVersion: async () => '8.0.1-log', release, [Symbol.asyncDispose]: release };
    },
  };
}

const scenarios: Scenario[] = [
  {
    name: 'no-leaked-resource: a release before the early return that left the socket open',
    rule: 'no-leaked-resource',
    edit: 'fix',
    code: `import * as net from 'node:net';
export function greet(port: number, name: string): string {
  const socket = net.connect(port, '127.0.0.1');
  if (!name) return 'anonymous';
  socket.write(\`hello \${name}\`);
  socket.end();
  return name;
}`,
    paths: async (mod, env) => [
      await env.connections(() => (mod.greet as (port: number, name: string) => string)(env.port, '')),
      await env.connections(() => (mod.greet as (port: number, name: string) => string)(env.port, 'ada')),
    ],
  },
  {
    name: 'no-leaked-resource: a release before an explicit throw keeps the error',
    rule: 'no-leaked-resource',
    edit: 'fix',
    code: `import * as net from 'node:net';
export function send(port: number, line: string): number {
  const socket = net.connect(port, '127.0.0.1');
  if (line.includes('\\n')) throw new Error('one line only');
  socket.end(line);
  return line.length;
}`,
    paths: async (mod, env) => [
      await env.connections(() => (mod.send as (port: number, line: string) => number)(env.port, 'a\nb')),
      await env.connections(() => (mod.send as (port: number, line: string) => number)(env.port, 'ab')),
    ],
  },
  {
    name: 'no-leaked-resource (checkExceptionPaths): the try/finally suggestion releases when the work throws, once',
    rule: 'no-leaked-resource',
    options: [{ checkExceptionPaths: true }],
    edit: 'suggestion',
    code: `import * as net from 'node:net';
export function relay(port: number, raw: string, parse: boolean): void {
  const socket = net.connect(port, '127.0.0.1');
  if (parse) {
    const value: unknown = JSON.parse(raw);
    socket.write(String(value));
  }
  socket.end();
}`,
    paths: async (mod, env) => {
      const relay = mod.relay as (port: number, raw: string, parse: boolean) => void;
      return [
        await env.connections(() => relay(env.port, '{bad', true)),
        await env.connections(() => relay(env.port, '42', true)),
        await env.connections(() => relay(env.port, '', false)),
      ];
    },
  },
  {
    name: 'no-leaked-resource: a runner released on its main path is released at the early returns only (a second release throws)',
    rule: 'no-leaked-resource',
    edit: 'fix',
    code: `declare class QueryRunner implements AsyncDisposable {
  getVersion(): Promise<string>;
  release(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}
interface DataSource {
  createQueryRunner(): QueryRunner;
}
export async function version(dataSource: DataSource, cached: string | undefined, short: boolean): Promise<string> {
  const queryRunner = dataSource.createQueryRunner();
  if (cached) return cached;
  const v = await queryRunner.getVersion();
  if (short) return v.split('-')[0];
  await queryRunner.release();
  return v;
}`,
    paths: async (mod) => {
      const run = async (cached: string | undefined, short: boolean): Promise<Outcome> => {
        const source = runnerSource();
        const result = await outcome(() => (mod.version as (...a: unknown[]) => Promise<string>)(source, cached, short));
        return { result, open: source.releases() === 0 ? 1 : 0, releases: source.releases() };
      };
      return [await run('5.7', false), await run(undefined, true), await run(undefined, false)];
    },
  },
  {
    name: 'no-unconsumed-body: the body is cancelled where it is not handed on, and not after (a locked stream throws)',
    rule: 'no-unconsumed-body',
    edit: 'fix',
    code: `export async function download(url: string, consume: (options: { from: ReadableStream<Uint8Array> }) => Promise<number>): Promise<number | undefined> {
  const res = await fetch(url);
  if (!res.ok) return undefined;
  const size = await consume({ from: res.body! });
  return size;
}`,
    paths: async (mod, env) => {
      // A consumer that keeps its reader (the stream stays locked to it), as many do.
      const consume = async ({ from }: { from: ReadableStream<Uint8Array> }): Promise<number> => {
        const reader = from.getReader();
        let size = 0;
        for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) size += chunk.value.length;
        return size;
      };
      const download = mod.download as (url: string, c: typeof consume) => Promise<number | undefined>;
      return [await env.bodies(() => download(`${env.url}/missing`, consume)), await env.bodies(() => download(`${env.url}/file`, consume))];
    },
  },
  {
    name: 'no-leaked-timer: the suggestion clears the interval at the early return it was left armed on',
    rule: 'no-leaked-timer',
    edit: 'suggestion',
    code: `export async function poll(ready: () => boolean, skip: boolean): Promise<string> {
  const ticker = setInterval(() => ready(), 1000);
  if (skip) return 'skipped';
  await new Promise((resolve) => setTimeout(resolve, 5));
  clearInterval(ticker);
  return ready() ? 'ready' : 'waiting';
}`,
    paths: async (mod, env) => {
      const poll = mod.poll as (ready: () => boolean, skip: boolean) => Promise<string>;
      return [await env.intervals(() => poll(() => true, true)), await env.intervals(() => poll(() => true, false))];
    },
  },
];

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leaks-fix-execution-'));
let moduleCount = 0;

/** Compiles a module as TypeScript would for Node (ES2022 output: `using` becomes code Node 20 runs) and loads it. */
async function load(code: string): Promise<Record<string, (...args: never[]) => unknown>> {
  const { outputText, diagnostics } = ts.transpileModule(code, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    reportDiagnostics: true,
  });
  expect(diagnostics ?? []).toEqual([]);
  const file = path.join(workDir, `module-${++moduleCount}.mjs`);
  fs.writeFileSync(file, outputText);
  return (await import(pathToFileURL(file).href)) as Record<string, (...args: never[]) => unknown>;
}

/** The edited code: what `--fix` writes, or the first suggestion of the first report applied to the original. */
async function edited(scenario: Scenario): Promise<string> {
  const filePath = path.join(fixturesDir, 'file.ts');
  if (scenario.edit === 'fix') {
    const [result] = await fixtureLinter({ [scenario.rule]: scenario.options ?? [] }, { fix: true }).lintText(scenario.code, { filePath });
    expect(result!.output, 'the rule fixes the code').toBeDefined();
    return result!.output!;
  }
  const [result] = await fixtureLinter({ [scenario.rule]: scenario.options ?? [] }).lintText(scenario.code, { filePath });
  const suggestion = result!.messages[0]?.suggestions?.[0];
  expect(suggestion, 'the report offers a suggestion').toBeDefined();
  const { range, text } = suggestion!.fix;
  return scenario.code.slice(0, range[0]) + text + scenario.code.slice(range[1]);
}

describe('fixes run: they keep behaviour, release on the leaking path and never twice', () => {
  const env = new Env();
  beforeAll(() => env.start());
  afterAll(async () => {
    await env.stop();
    fs.rmSync(workDir, { recursive: true, force: true });
  });

  for (const scenario of scenarios) {
    it(scenario.name, async () => {
      const output = await edited(scenario);
      const before = await scenario.paths(await load(scenario.code), env);
      const after = await scenario.paths(await load(output), env);
      // The scenario drives the leaking path: the original leaves something open there.
      expect(before.some((o) => o.open > 0)).toBe(true);
      // Same results (return values, thrown messages) on every path; nothing left open; at most one release each.
      expect(after.map((o) => o.result)).toEqual(before.map((o) => o.result));
      expect(after.map((o) => o.open)).toEqual(after.map(() => 0));
      for (const o of after) if (o.releases !== undefined) expect(o.releases).toBe(1);
    });
  }
});
