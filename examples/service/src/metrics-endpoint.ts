// Serves this process's metrics to the scraping agent (incident 3: CLOSE_WAIT pile-up on the metrics port).
import * as http from 'node:http';
import * as net from 'node:net';

export interface MetricsRegistry {
  render(): string;
}

// BUG (incident 3): a half-open server whose connection handler never ends the socket after the scraper's
// 'end', and never destroys it on 'error' or 'timeout'; every scrape leaves a socket in CLOSE_WAIT.
// `leaks/no-hanging-socket` reports both.
export function createRawMetricsServer(registry: MetricsRegistry): net.Server {
  return net.createServer({ allowHalfOpen: true }, (socket) => {
    socket.setTimeout(30_000);
    socket.on('data', () => {
      socket.write(registry.render());
    });
  });
}

// BUG (incident 3): the HTTP handler returns without ending the response for unknown paths.
export function createMetricsHandler(registry: MetricsRegistry): http.RequestListener {
  return (request, response) => {
    if (request.url !== '/metrics') return;
    response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
    response.end(registry.render());
  };
}

// Correct: every request is answered, idle keep-alive connections time out, and stop() closes them all.
export class MetricsEndpoint {
  readonly #server: http.Server;

  constructor(registry: MetricsRegistry) {
    this.#server = http.createServer((request, response) => {
      if (request.url !== '/metrics') {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
      response.end(registry.render());
    });
    this.#server.keepAliveTimeout = 5_000;
    this.#server.headersTimeout = 10_000;
    this.#server.maxConnections = 64;
  }

  listen(port: number): void {
    this.#server.listen(port);
  }

  stop(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#server.close((error) => (error ? reject(error) : resolve()));
      this.#server.closeAllConnections();
    });
  }
}
