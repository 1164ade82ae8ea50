// Refreshes cluster information in the background for the metrics exporter (incident 5: a ticker never stopped).
import type { ClusterTarget } from './config.js';

export type ClusterInfoSource = (cluster: ClusterTarget) => Promise<Record<string, number>>;

// BUG (incident 5): the abort handler logs and returns without clearing the interval; each restart of the
// loop leaks a ticker that keeps fetching for a cancelled run.
// `leaks/no-leaked-timer` reports it; `leaks/no-leaked-resource` leaves timers to that rule.
export function runClusterInfoLoop(
  clusters: readonly ClusterTarget[],
  fetchInfo: ClusterInfoSource,
  intervalMs: number,
  signal: AbortSignal,
): void {
  const ticker = setInterval(() => {
    for (const cluster of clusters) void fetchInfo(cluster).catch(() => undefined);
  }, intervalMs);
  ticker.unref();
  signal.addEventListener(
    'abort',
    () => {
      console.info('cluster info loop cancelled');
    },
    { once: true },
  );
}

// BUG (incident 5): stop() never clears the ticker that start() sets (and a second start() would overwrite it).
export class LeakyClusterInfoExporter {
  #ticker: NodeJS.Timeout | undefined;
  #latest = new Map<string, Record<string, number>>();

  constructor(
    private readonly clusters: readonly ClusterTarget[],
    private readonly fetchInfo: ClusterInfoSource,
  ) {}

  start(intervalMs: number): void {
    this.#ticker = setInterval(() => void this.refresh(), intervalMs);
  }

  stop(): void {
    this.#latest.clear();
  }

  private async refresh(): Promise<void> {
    for (const cluster of this.clusters) this.#latest.set(cluster.name, await this.fetchInfo(cluster));
  }
}

// Correct: start() is idempotent and stop() clears the interval, so no exit path leaves a ticker running.
export class ClusterInfoExporter {
  #ticker: NodeJS.Timeout | undefined;
  #latest = new Map<string, Record<string, number>>();

  constructor(
    private readonly clusters: readonly ClusterTarget[],
    private readonly fetchInfo: ClusterInfoSource,
  ) {}

  get latest(): ReadonlyMap<string, Record<string, number>> {
    return this.#latest;
  }

  start(intervalMs: number, signal?: AbortSignal): void {
    if (this.#ticker) return;
    this.#ticker = setInterval(() => void this.refresh(), intervalMs);
    signal?.addEventListener('abort', () => this.stop(), { once: true });
  }

  stop(): void {
    clearInterval(this.#ticker);
    this.#ticker = undefined;
  }

  private async refresh(): Promise<void> {
    for (const cluster of this.clusters) {
      try {
        this.#latest.set(cluster.name, await this.fetchInfo(cluster));
      } catch {
        this.#latest.delete(cluster.name);
      }
    }
  }
}
