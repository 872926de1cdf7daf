/**
 * Property-based fuzzing of every client → server Socket.IO event, on a running server and the
 * real database. Payloads come from the events' own zod schemas, valid-shaped or broken on
 * purpose, sent by anonymous-looking, outsider and participant sockets, with and without an
 * acknowledgement, and with odd argument shapes. Properties: every emit with an ack gets one;
 * a refusal carries a stable error code; a success matches the ack schema; valid payloads are
 * never refused as invalid; the process stays healthy and the database consistent.
 */
import {
  CLIENT_EVENT_NAMES,
  clientEvents,
  ERROR_CODES,
  hasNulCharacter,
  type ClientEventName,
} from '@spotlight/contracts';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../harness';
import { eventWithDancers, matchAt } from '../helpers';
import { connectSocket, rawEmit, type ClientSocket } from '../socket-harness';
import { fuzzValue, jsonSchemaOf } from './arbitraries';
import { recordCases } from './counts';
import { invariantViolations, NO_VIOLATIONS } from './invariants';

/** Total socket cases; FUZZ_RUNS (the REST total) scales it too. */
const TOTAL = Math.round(Number(process.env.FUZZ_RUNS ?? 6_000) * 0.7);
const RUNS_PER_EVENT = Math.max(50, Math.ceil(TOTAL / CLIENT_EVENT_NAMES.length));
const codes = new Set<string>(ERROR_CODES);

type Identity = 'outsider' | 'a' | 'b';

let t: TestServer;
const users: Partial<Record<Identity, TestUser>> = {};
const sockets: Partial<Record<Identity, ClientSocket>> = {};
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

async function socketFor(identity: Identity): Promise<ClientSocket> {
  const existing = sockets[identity];
  if (existing?.connected) return existing;
  existing?.close();
  const socket = await connectSocket(t.url, { token: users[identity]!.token });
  sockets[identity] = socket;
  return socket;
}

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  // High chat limits, so that generated messages reach storage; the limits have their own tests.
  t = await startTestServer({
    CHAT_RATE_PER_SECOND: '1000',
    // The fuzzer joins rooms far faster than a person; the limit has its own tests.
    ROOM_JOINS_PER_USER_PER_10S: '1000000',
    CHAT_BURST: '10000',
    REGISTER_MAX_PER_IP_PER_HOUR: '100000',
  });
  // Two dancers with an accepted match (ids 1) and a pending one; the ids the fuzzer favours
  // (1–12) then name real events and matches.
  const accepted = await matchAt(t, 'accepted');
  users.a = accepted.requester;
  users.b = accepted.target;
  const { users: others } = await eventWithDancers(t, 1);
  users.outsider = others[0]!;
  await matchAt(t, 'pending');
});

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  for (const socket of Object.values(sockets)) socket?.close();
  await t?.close();
});

/** How a case hands its payload over: as Socket.IO clients do, or in odd shapes. */
type Shape = 'normal' | 'no-payload' | 'extra-args' | 'no-ack';

const caseArbitrary = (event: ClientEventName) =>
  fc.record({
    identity: fc.constantFrom<Identity>('outsider', 'a', 'b'),
    payload: fuzzValue(jsonSchemaOf(clientEvents[event].payload)),
    shape: fc.constantFrom<Shape>(
      'normal',
      'normal',
      'normal',
      'normal',
      'no-payload',
      'extra-args',
      'no-ack',
    ),
  });

describe.each(CLIENT_EVENT_NAMES)('%s', (event) => {
  it(`answers ${RUNS_PER_EVENT} generated emits`, async () => {
    const { payload: payloadSchema, result: resultSchema } = clientEvents[event];
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(caseArbitrary(event), async (c) => {
        cases++;
        const socket = await socketFor(c.identity);
        if (c.shape === 'no-ack') {
          (socket as unknown as { emit(event: string, payload: unknown): void }).emit(
            event,
            c.payload,
          );
          // The socket must still answer: an ack round trip on the same connection.
          const probe = (await rawEmit(socket, 'leave_event_room', { eventId: 1 })) as {
            ok: boolean;
          };
          expect(probe.ok).toBe(true);
          return;
        }
        const args =
          c.shape === 'no-payload'
            ? []
            : c.shape === 'extra-args'
              ? [c.payload, 'extra', 42]
              : [c.payload];
        const ack = (await rawEmit(socket, event, ...args)) as {
          ok?: unknown;
          error?: { code?: string; message?: unknown };
        };
        const text = JSON.stringify(ack);
        expect(typeof ack.ok, `no proper ack: ${text.slice(0, 200)}`).toBe('boolean');
        if (ack.ok === false) {
          expect(codes.has(ack.error?.code ?? ''), `unstable code: ${text.slice(0, 200)}`).toBe(
            true,
          );
          expect(
            ack.error?.code,
            `server failure: ${JSON.stringify(c.payload)?.slice(0, 200)}`,
          ).not.toBe('internal_error');
          expect(typeof ack.error?.message).toBe('string');
          const validPayload =
            c.shape === 'normal' &&
            !hasNulCharacter(c.payload) &&
            payloadSchema.safeParse(c.payload).success;
          if (validPayload) {
            expect(
              ack.error?.code,
              `valid payload refused: ${JSON.stringify(c.payload)?.slice(0, 200)}`,
            ).not.toBe('validation_error');
          }
        } else {
          const { ok: _ok, ...result } = ack;
          expect(
            resultSchema.safeParse(result).success,
            `ack off-contract: ${text.slice(0, 300)}`,
          ).toBe(true);
        }
      }),
      { numRuns: RUNS_PER_EVENT, endOnFailure: true },
    );
    recordCases('socket', event, cases);
  });
});

describe('after the socket fuzzing', () => {
  it('left the database consistent and the process healthy', async () => {
    expect(await invariantViolations(t.db)).toEqual(NO_VIOLATIONS);
    expect(unhandled).toEqual([]);
    const socket = await connectSocket(t.url, { token: users.a!.token });
    expect(((await rawEmit(socket, 'join_event_room', { eventId: 1 })) as { ok: boolean }).ok).toBe(
      true,
    );
    socket.close();
  });
});
