// Forwards API requests to downstream clusters over per-request tunnels (incident 4: tunnels never released).
import { once } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as net from 'node:net';
import { pipeline } from 'node:stream/promises';
import * as tls from 'node:tls';
import WebSocket from 'ws';
import type { ClusterTarget } from './config.js';

export class ClusterUnavailableError extends Error {}

// BUG (incident 4): the tunnel is ended after a successful exchange, but a disabled cluster throws first
// and leaves the connection open; "connections added" keeps rising while "connections removed" stays flat.
export async function forwardOverTunnel(cluster: ClusterTarget, payload: Buffer): Promise<Buffer> {
  const tunnel = net.connect({ host: cluster.host, port: cluster.port });
  await once(tunnel, 'connect');
  if (!cluster.enabled) {
    throw new ClusterUnavailableError(`cluster ${cluster.name} is disabled`);
  }
  tunnel.write(payload);
  const chunks: Buffer[] = [];
  for await (const chunk of tunnel) chunks.push(chunk as Buffer);
  tunnel.end();
  return Buffer.concat(chunks);
}

// BUG (incident 4): when the handshake fails the handler answers 502 and returns, leaving the TLS socket open.
export async function proxyClusterRequest(
  request: IncomingMessage,
  response: ServerResponse,
  cluster: ClusterTarget,
): Promise<void> {
  const tunnel = tls.connect({ host: cluster.host, port: cluster.port, servername: cluster.host });
  try {
    await once(tunnel, 'secureConnect');
  } catch {
    response.writeHead(502).end('tunnel handshake failed');
    return;
  }
  await pipeline(request, tunnel, response);
}

// BUG (incident 4): a WebSocket per watch request; the early return for an unknown cluster never closes it.
export async function watchClusterEvents(cluster: ClusterTarget, onEvent: (event: string) => void): Promise<void> {
  const socket = new WebSocket(`wss://${cluster.host}:${cluster.port}/events`);
  await once(socket, 'open');
  if (!cluster.enabled) return;
  socket.on('message', (data) => onEvent(String(data)));
  await once(socket, 'close');
  socket.terminate();
}

// Correct: the tunnel is destroyed in `finally`, whatever the exchange does.
export async function forwardOverTunnelSafely(cluster: ClusterTarget, payload: Buffer): Promise<Buffer> {
  const tunnel = net.connect({ host: cluster.host, port: cluster.port });
  try {
    await once(tunnel, 'connect');
    if (!cluster.enabled) {
      throw new ClusterUnavailableError(`cluster ${cluster.name} is disabled`);
    }
    tunnel.write(payload);
    const chunks: Buffer[] = [];
    for await (const chunk of tunnel) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  } finally {
    tunnel.destroy();
  }
}

// Correct: every exit either destroys the socket or hands it to `pipeline`, which destroys it when done.
export async function proxyClusterRequestSafely(
  request: IncomingMessage,
  response: ServerResponse,
  cluster: ClusterTarget,
): Promise<void> {
  const tunnel = tls.connect({ host: cluster.host, port: cluster.port, servername: cluster.host });
  try {
    await once(tunnel, 'secureConnect');
  } catch {
    tunnel.destroy();
    response.writeHead(502).end('tunnel handshake failed');
    return;
  }
  await pipeline(request, tunnel, response);
}

// Correct: the WebSocket is closed on the early return as well.
export async function watchClusterEventsSafely(cluster: ClusterTarget, onEvent: (event: string) => void): Promise<void> {
  const socket = new WebSocket(`wss://${cluster.host}:${cluster.port}/events`);
  try {
    await once(socket, 'open');
    if (!cluster.enabled) return;
    socket.on('message', (data) => onEvent(String(data)));
    await once(socket, 'close');
  } finally {
    socket.terminate();
  }
}

// Correct: `await using` closes the probe server however the function exits.
export async function isPortFree(port: number): Promise<boolean> {
  await using probe = net.createServer();
  probe.listen(port, '127.0.0.1');
  try {
    await once(probe, 'listening');
    return true;
  } catch {
    return false;
  }
}
