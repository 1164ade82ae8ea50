// Queries the Prometheus backend for dashboards and alert evaluation (incident 1: response bodies never closed).

export interface Sample {
  metric: Record<string, string>;
  value: [number, string];
}

interface QueryResponse {
  status: 'success' | 'error';
  data: { result: Sample[] };
}

// BUG (incident 1): on a non-2xx answer the body is neither read nor cancelled, so its connection stays
// allocated; connections grow with the query rate until `accept4: too many open files`.
// `leaks/no-unconsumed-body` reports it.
export async function queryInstant(prometheusUrl: string, promql: string): Promise<Sample[] | null> {
  const response = await fetch(`${prometheusUrl}/api/v1/query?query=${encodeURIComponent(promql)}`);
  if (!response.ok) return null;
  const payload = (await response.json()) as QueryResponse;
  return payload.status === 'success' ? payload.data.result : null;
}

// BUG (incident 1): the awaited response is thrown away entirely, body and all.
export async function pokeRuleReload(prometheusUrl: string): Promise<void> {
  await fetch(`${prometheusUrl}/-/reload`, { method: 'POST' });
}

// Correct: the body is consumed on success and cancelled on the error path.
export async function queryInstantSafely(prometheusUrl: string, promql: string): Promise<Sample[] | null> {
  const response = await fetch(`${prometheusUrl}/api/v1/query?query=${encodeURIComponent(promql)}`);
  if (!response.ok) {
    await response.body?.cancel();
    return null;
  }
  const payload = (await response.json()) as QueryResponse;
  return payload.status === 'success' ? payload.data.result : null;
}
