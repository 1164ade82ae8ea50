// Writes a synthetic TypeScript project of mixed code (leaks, correct releases, plain logic) for stable lint timings.
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/**
 * Each template is a module-level snippet; `n` makes its names unique within a file. They mirror the shapes the
 * rule tests cover (tests/fixtures): pooling clients, sockets, servers, streams, file handles, Disposables, plus
 * code with no resources at all, since most of a real code base is that.
 */
const TEMPLATES = [
  // A new pooling client per call, never closed (reported).
  (n) => `export async function ping${n}(url: string): Promise<boolean> {
  const client = new Client(url);
  const { statusCode, body } = await client.request({ method: 'GET', path: '/health' });
  await body.dump();
  return statusCode === 200;
}`,
  // The same, closed in finally (clean).
  (n) => `export async function pingSafely${n}(url: string): Promise<boolean> {
  const client = new Client(url);
  try {
    const { statusCode, body } = await client.request({ method: 'GET', path: '/health' });
    await body.dump();
    return statusCode === 200;
  } finally {
    await client.close();
  }
}`,
  // A socket leaked on an early return (reported).
  (n) => `export function dial${n}(host: string, port: number, dryRun: boolean): void {
  const socket = net.connect({ host, port });
  if (dryRun) return;
  socket.write('hello');
  socket.end();
}`,
  // A file handle with await using and a loop with branches (clean).
  (n) => `export async function countLines${n}(file: string, pattern: RegExp): Promise<number> {
  await using handle = await open(file, 'r');
  let count = 0;
  for await (const line of handle.readLines()) {
    if (line.length === 0) continue;
    if (pattern.test(line)) count++;
    else if (line.startsWith('#')) break;
  }
  return count;
}`,
  // A class owning a shared agent, destroyed on close (clean).
  (n) => `export class Gateway${n} {
  readonly #agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  #requests = 0;

  get(host: string, path: string): Promise<number> {
    this.#requests++;
    return new Promise((resolve, reject) => {
      http.get({ host, path, agent: this.#agent }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      }).on('error', reject);
    });
  }

  close(): void {
    this.#agent.destroy();
  }
}`,
  // A keep-alive agent only lent to a request (reported).
  (n) => `export function fetchStatus${n}(host: string): void {
  http.get({ host, agent: new http.Agent({ keepAlive: true }) }, (response) => response.resume());
}`,
  // A server that listens for the life of the process (clean).
  (n) => `export function serve${n}(port: number, routes: Map<string, string>): http.Server {
  const server = http.createServer((request, response) => {
    const body = routes.get(request.url ?? '/');
    if (body === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.end(body);
  });
  server.listen(port);
  return server;
}`,
  // A read stream piped to the end or destroyed (clean).
  (n) => `export async function copy${n}(from: string, to: string): Promise<void> {
  const source = createReadStream(from);
  const target = createWriteStream(to);
  await pipeline(source, target);
}`,
  // Plain business logic with many branches and no resources.
  (n) => `export interface Order${n} { id: string; lines: { sku: string; quantity: number; price: number }[]; coupon?: string }

export function total${n}(order: Order${n}, discounts: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const line of order.lines) {
    if (line.quantity <= 0) continue;
    const price = line.quantity > 10 ? line.price * 0.95 : line.price;
    sum += price * line.quantity;
  }
  switch (order.coupon) {
    case undefined:
      break;
    case 'FREESHIP':
      sum -= Math.min(sum, 4.99);
      break;
    default: {
      const discount = discounts.get(order.coupon);
      if (discount !== undefined) sum *= 1 - discount;
    }
  }
  return Math.round(sum * 100) / 100;
}`,
  // Plain async orchestration with try/catch and no resources.
  (n) => `export async function retry${n}<T>(task: () => Promise<T>, attempts: number, delayMs: number): Promise<T> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await task();
    } catch (error) {
      lastError = error;
      if (attempt === attempts) break;
      await new Promise((resolve) => setTimeout(resolve, delayMs * attempt));
    }
  }
  throw lastError instanceof Error ? lastError : new Error(String(lastError));
}`,
];

const HEADER = `import * as http from 'node:http';
import * as net from 'node:net';
import { createReadStream, createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { Client } from 'undici';`;

/** Deterministic: file i holds four templates starting at i mod the template count, so runs compare like with like. */
function fileText(index) {
  const parts = [HEADER];
  for (let slot = 0; slot < 4; slot++) parts.push(TEMPLATES[(index + slot * 3) % TEMPLATES.length](`${index}_${slot}`));
  // Keep every import used so the program type-checks like real code.
  parts.push(
    `export const uses${index} = [http.STATUS_CODES, net.isIP, createReadStream, createWriteStream, open, pipeline, Client];`,
  );
  return `${parts.join('\n\n')}\n`;
}

/**
 * Creates `fileCount` modules under a fresh temp directory with a tsconfig like tests/fixtures', resolving
 * packages (@types/node, undici) through a symlink to this repository's node_modules.
 */
export async function writeSyntheticProject(repoRoot, fileCount) {
  const dir = await mkdtemp(path.join(tmpdir(), 'leaks-bench-'));
  await symlink(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  await writeFile(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'leaks-bench-corpus', private: true, type: 'module' })}\n`);
  await writeFile(
    path.join(dir, 'tsconfig.json'),
    `${JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2023', 'ESNext.Disposable'],
          types: ['node'],
          strict: true,
          skipLibCheck: true,
          noEmit: true,
        },
        include: ['src/**/*.ts'],
      },
      null,
      2,
    )}\n`,
  );
  await mkdir(path.join(dir, 'src'));
  await Promise.all(
    Array.from({ length: fileCount }, (_, index) =>
      writeFile(path.join(dir, 'src', `module-${String(index).padStart(4, '0')}.ts`), fileText(index)),
    ),
  );
  return dir;
}
