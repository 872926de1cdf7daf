/**
 * Bounds on the TCP connections of the HTTP server: how many one client IP may hold open, and
 * how long a request may take to send its headers and its whole self (slow-loris).
 */
import http from 'node:http';
import type { Config } from '../config';

/** Express's `trust proxy fn`: whether a peer address is a proxy we trust. */
export type TrustsPeer = (address: string, hop: number) => boolean;

/**
 * An HTTP server whose requests must send their headers within HTTP_HEADERS_TIMEOUT_MS and
 * finish within HTTP_REQUEST_TIMEOUT_MS (Node answers 408 and closes), and whose clients hold
 * at most HTTP_MAX_CONNECTIONS_PER_IP connections each.
 *
 * The cap counts the TCP peer. A trusted proxy (TRUST_PROXY, e.g. nginx on loopback) carries
 * every client's connections and is not capped here: nginx limits per client IP itself.
 */
export function createHttpServer(
  config: Config,
  app: http.RequestListener,
  trustsPeer: TrustsPeer,
): http.Server {
  const server = http.createServer(
    {
      headersTimeout: config.HTTP_HEADERS_TIMEOUT_MS,
      requestTimeout: config.HTTP_REQUEST_TIMEOUT_MS,
      // Node checks the two timeouts on this interval (30 s by default).
      connectionsCheckingInterval: Math.min(1000, config.HTTP_HEADERS_TIMEOUT_MS),
    },
    app,
  );
  server.keepAliveTimeout = 65_000;
  const open = new Map<string, number>();
  server.on('connection', (socket) => {
    const ip = socket.remoteAddress ?? 'unknown';
    if (trustsPeer(ip, 0)) return;
    const count = (open.get(ip) ?? 0) + 1;
    if (count > config.HTTP_MAX_CONNECTIONS_PER_IP) {
      socket.destroy();
      return;
    }
    open.set(ip, count);
    socket.once('close', () => {
      const left = (open.get(ip) ?? 1) - 1;
      if (left > 0) open.set(ip, left);
      else open.delete(ip);
    });
  });
  return server;
}
