/**
 * The measuring half of bench/chat-fanout: N sockets joined to one event room of a server, and
 * the latency and throughput rounds over them.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  SOCKET_PATH,
  type ClientToServerEvents,
  type EventMessage,
  type ServerToClientEvents,
} from '@spotlight/contracts';
import { io, type Socket } from 'socket.io-client';
import { pool, sleep, type Child } from './processes';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

function connect(url: string, token: string | undefined): Promise<ClientSocket> {
  const socket: ClientSocket = io(url, {
    path: SOCKET_PATH,
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: token ? { token } : {},
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => reject(error));
  });
}

export const percentile = (sorted: Float64Array, p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
export const sorted = (values: number[]) => Float64Array.from(values).sort();
export const median = (values: number[]) => percentile(sorted(values), 0.5);

export interface Target {
  name: string;
  server: Child;
  /** Server CPU time over the throughput rounds, and the messages they carried. */
  cpuMs: number;
  cpuMessages: number;
  sockets: ClientSocket[];
  eventId: number;
  setupSeconds: number;
  latencies: number[];
  acks: number[];
  lost: number;
  /** Messages per second of each throughput round. */
  rounds: number[];
}

/** How the rounds send: from the first `senders` sockets, at `rate` per second or `window` in flight. */
export interface Pace {
  senders: number;
  rate: number;
  window: number;
}

/** Connects N sockets and joins them to the event room; waits for the arrival wave to pass. */
export async function prepare(
  name: string,
  server: Child,
  eventId: number,
  tokens: (string | undefined)[],
): Promise<Target> {
  const setupStart = performance.now();
  const sockets = await pool(tokens, 50, (token) => connect(server.url, token));
  await pool(sockets, 50, async (socket) => {
    const ack = await socket.timeout(60_000).emitWithAck('join_event_room', { eventId });
    if (!ack.ok) throw new Error(`join: ${ack.error.code}`);
  });
  // Let the arrival wave of active_users pushes pass before measuring.
  let lastPush = performance.now();
  for (const socket of sockets) socket.on('active_users', () => (lastPush = performance.now()));
  while (performance.now() - lastPush < 3_000) await sleep(250);
  for (const socket of sockets) socket.off('active_users');
  return {
    name,
    server,
    cpuMs: 0,
    cpuMessages: 0,
    sockets,
    eventId,
    setupSeconds: (performance.now() - setupStart) / 1000,
    latencies: [],
    acks: [],
    lost: 0,
    rounds: [],
  };
}

let phases = 0;

/** Sends `count` messages and resolves once every other socket had each one (or 60 s passed). */
async function phase(
  target: Target,
  count: number,
  senderCount: number,
  send: (emit: (seq: number) => Promise<void>) => Promise<void>,
) {
  const { sockets, eventId } = target;
  const expected = count * (sockets.length - 1);
  const sentAt = new Float64Array(count);
  const latencies = new Float64Array(expected);
  const acks = new Float64Array(count);
  let delivered = 0;
  let lastArrival = 0;
  let done!: () => void;
  const complete = new Promise<void>((resolve) => (done = resolve));
  const prefix = `p${phases++} `;
  const onMessage = (message: EventMessage) => {
    if (!message.content.startsWith(prefix)) return;
    const now = performance.now();
    latencies[delivered++] = now - sentAt[Number(message.content.slice(prefix.length))]!;
    lastArrival = now;
    if (delivered === expected) done();
  };
  for (const socket of sockets) socket.on('event_message', onMessage);

  const senders = sockets.slice(0, senderCount);
  const started = performance.now();
  await send(async (seq) => {
    sentAt[seq] = performance.now();
    const ack = await senders[seq % senders.length]!.timeout(30_000).emitWithAck(
      'send_event_message',
      { eventId, content: `${prefix}${seq}`, clientId: randomUUID() },
    );
    if (!ack.ok) throw new Error(`${target.name} ${seq}: ${ack.error.code} ${ack.error.message}`);
    acks[seq] = performance.now() - sentAt[seq]!;
  });
  await Promise.race([complete, sleep(60_000)]);
  for (const socket of sockets) socket.off('event_message', onMessage);
  target.lost += expected - delivered;
  return {
    seconds: ((delivered === expected ? lastArrival : performance.now()) - started) / 1000,
    latencies: latencies.subarray(0, delivered),
    acks,
  };
}

/** Paced at `pace.rate` per second: what a dancer sees at a steady pace. */
export async function latencyRound(target: Target, count: number, pace: Pace) {
  const result = await phase(target, count, pace.senders, async (emit) => {
    const start = performance.now();
    const pending: Promise<void>[] = [];
    for (let seq = 0; seq < count; seq++) {
      const wait = start + (seq * 1000) / pace.rate - performance.now();
      if (wait > 0) await sleep(wait);
      pending.push(emit(seq));
    }
    await Promise.all(pending);
  });
  for (const value of result.latencies) target.latencies.push(value);
  for (const value of result.acks) target.acks.push(value);
}

/** As fast as `pace.window` messages in flight allow. */
export async function throughputRound(target: Target, count: number, pace: Pace) {
  const cpuBefore = target.server.cpuMs();
  const result = await phase(target, count, pace.senders, async (emit) => {
    let next = 0;
    await Promise.all(
      Array.from({ length: pace.window }, async () => {
        while (next < count) await emit(next++);
      }),
    );
  });
  target.rounds.push(count / result.seconds);
  target.cpuMs += target.server.cpuMs() - cpuBefore;
  target.cpuMessages += count;
}
