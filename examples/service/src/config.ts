// Settings of the cluster-manager service, read once from the environment at start-up.
export interface ClusterTarget {
  name: string;
  host: string;
  port: number;
  /** Whether requests may be forwarded to this cluster at all. */
  enabled: boolean;
}

export interface ServiceConfig {
  httpPort: number;
  metricsPort: number;
  directorUrl: string;
  prometheusUrl: string;
  healthCheckIntervalMs: number;
  clusterInfoRefreshMs: number;
  clusters: ClusterTarget[];
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  return {
    httpPort: Number(env.HTTP_PORT ?? 8080),
    metricsPort: Number(env.METRICS_PORT ?? 9100),
    directorUrl: env.DIRECTOR_URL ?? 'http://127.0.0.1:25555',
    prometheusUrl: env.PROMETHEUS_URL ?? 'http://127.0.0.1:9090',
    healthCheckIntervalMs: Number(env.HEALTH_CHECK_INTERVAL_MS ?? 30_000),
    clusterInfoRefreshMs: Number(env.CLUSTER_INFO_REFRESH_MS ?? 60_000),
    clusters: JSON.parse(env.CLUSTERS ?? '[]') as ClusterTarget[],
  };
}
