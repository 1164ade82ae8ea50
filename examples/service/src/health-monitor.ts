// Health checks against the deployment director (incident 2: a new HTTP client per check, never closed).
import * as http from 'node:http';
import { Client, Pool } from 'undici';

// BUG (incident 2): every check opens a new undici Client and never closes it, so each run leaves an
// ESTABLISHED connection behind that later sits in CLOSE_WAIT.
export async function pingDirector(directorUrl: string): Promise<boolean> {
  const client = new Client(directorUrl);
  const { statusCode, body } = await client.request({ method: 'GET', path: '/info' });
  await body.dump();
  return statusCode === 200;
}

// BUG (incident 2): the keep-alive agent is only lent to `http.get`; nobody destroys it, so its sockets stay open.
export function pingAgentVm(host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host, port, path: '/healthz', agent: new http.Agent({ keepAlive: true }) }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
  });
}

// BUG (incident 2): the pool is closed on the happy path only; the first failing endpoint returns early.
export async function pingEndpoints(directorUrl: string, paths: readonly string[]): Promise<boolean> {
  const pool = new Pool(directorUrl, { connections: 4 });
  for (const path of paths) {
    const { statusCode, body } = await pool.request({ method: 'GET', path });
    await body.dump();
    if (statusCode !== 200) return false;
  }
  await pool.close();
  return true;
}

// Fix 1: close the client after each use, on every path.
export async function pingDirectorOnce(directorUrl: string): Promise<boolean> {
  const client = new Client(directorUrl);
  try {
    const { statusCode, body } = await client.request({ method: 'GET', path: '/info' });
    await body.dump();
    return statusCode === 200;
  } finally {
    await client.close();
  }
}

// Fix 2: one client as an instance member, reused by every check and closed when the monitor stops.
export class HealthMonitor {
  readonly #director: Client;
  readonly #intervalMs: number;
  #timer: NodeJS.Timeout | undefined;
  #healthy = true;

  constructor(directorUrl: string, intervalMs: number) {
    this.#director = new Client(directorUrl, { keepAliveTimeout: 10_000 });
    this.#intervalMs = intervalMs;
  }

  get healthy(): boolean {
    return this.#healthy;
  }

  start(): void {
    this.#timer ??= setInterval(() => {
      this.check().then(
        (healthy) => (this.#healthy = healthy),
        () => (this.#healthy = false),
      );
    }, this.#intervalMs);
  }

  async check(): Promise<boolean> {
    const { statusCode, body } = await this.#director.request({ method: 'GET', path: '/info' });
    await body.dump();
    return statusCode === 200;
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#director.close();
  }
}
