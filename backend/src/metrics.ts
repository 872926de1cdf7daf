import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export type Metrics = ReturnType<typeof createMetrics>;

/** Prometheus metrics of one process, in a registry of its own. */
export function createMetrics(nodeId: string) {
  const registry = new Registry();
  registry.setDefaultLabels({ node: nodeId });
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency by route, method and status',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    openSockets: new Gauge({
      name: 'socketio_open_sockets',
      help: 'Socket.IO connections open on this node',
      registers: [registry],
    }),
    messagesStored: new Counter({
      name: 'chat_messages_stored_total',
      help: 'Chat messages stored (first time only, not idempotent retries)',
      labelNames: ['room'] as const,
      registers: [registry],
    }),
    matchRequests: new Counter({
      name: 'match_requests_total',
      help: 'Match requests created',
      registers: [registry],
    }),
    transfers: new Counter({
      name: 'transfers_reported_total',
      help: 'Transfer outcomes reported by clients',
      labelNames: ['role', 'outcome'] as const,
      registers: [registry],
    }),
    transferBytes: new Counter({
      name: 'transfer_bytes_total',
      help: 'Bytes moved peer to peer, as clients report them',
      labelNames: ['role'] as const,
      registers: [registry],
    }),
  };
}
