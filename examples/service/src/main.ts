// Wires the cluster-manager service together: API server, metrics endpoint, health monitor, cluster-info exporter.
import * as http from 'node:http';
import { Agent, request } from 'undici';
import { ClusterInfoExporter } from './cluster-info.js';
import { proxyClusterRequestSafely } from './cluster-proxy.js';
import { loadConfig, type ClusterTarget } from './config.js';
import { HealthMonitor } from './health-monitor.js';
import { MetricsEndpoint, type MetricsRegistry } from './metrics-endpoint.js';

const config = loadConfig();

// One dispatcher for all calls to the clusters' info endpoints, closed at shutdown.
const clusterDispatcher = new Agent({ keepAliveTimeout: 10_000, connections: 8 });

async function fetchClusterInfo(cluster: ClusterTarget): Promise<Record<string, number>> {
  const { statusCode, body } = await request(`http://${cluster.host}:${cluster.port}/info`, {
    dispatcher: clusterDispatcher,
  });
  if (statusCode !== 200) {
    await body.dump();
    throw new Error(`cluster ${cluster.name} answered ${statusCode}`);
  }
  return (await body.json()) as Record<string, number>;
}

const monitor = new HealthMonitor(config.directorUrl, config.healthCheckIntervalMs);
const exporter = new ClusterInfoExporter(config.clusters, fetchClusterInfo);
const registry: MetricsRegistry = {
  render: () =>
    [
      `director_healthy ${monitor.healthy ? 1 : 0}`,
      ...[...exporter.latest].map(([name, info]) => `cluster_nodes{cluster="${name}"} ${info.nodes ?? 0}`),
    ].join('\n'),
};
const metrics = new MetricsEndpoint(registry);

const apiServer = http.createServer((req, res) => {
  const name = new URL(req.url ?? '/', 'http://localhost').pathname.split('/')[2];
  const cluster = config.clusters.find((candidate) => candidate.name === name);
  if (!cluster) {
    res.writeHead(404).end();
    return;
  }
  proxyClusterRequestSafely(req, res, cluster).catch(() => res.destroy());
});

function startService(): void {
  apiServer.listen(config.httpPort);
  metrics.listen(config.metricsPort);
  monitor.start();
  exporter.start(config.clusterInfoRefreshMs);
}

async function stopService(): Promise<void> {
  exporter.stop();
  await monitor.stop();
  await metrics.stop();
  const apiServerClosed = new Promise<void>((resolve) => apiServer.close(() => resolve()));
  // close() alone waits for keep-alive connections to go idle; end them now so shutdown is bounded.
  apiServer.closeAllConnections();
  await apiServerClosed;
  await clusterDispatcher.close();
}

// Handles SIGTERM by stopping every component, so no socket or ticker outlives the service.
function stopOnSignal(): void {
  stopService().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error('shutdown failed', error);
      process.exit(1);
    },
  );
}

startService();
process.once('SIGTERM', stopOnSignal);
