import {
  clientEvents,
  hasNulCharacter,
  type Ack,
  type ClientEventName,
  type ClientResult,
  type ErrorBody,
  type ParsedClientPayload,
} from '@spotlight/contracts';
import type { Socket } from 'socket.io';
import { z } from 'zod';
import { isAppError, sessionExpired, validationError } from '../errors';
import type { Logger } from '../logger';
import type { IoSocket } from './types';

/**
 * A client event's handler. `afterAck` queues work (a broadcast) to run once the sender has
 * been answered, so that the order is: stored, acknowledged, broadcast.
 */
export type Handler<E extends ClientEventName> = (
  payload: ParsedClientPayload<E>,
  afterAck: (task: () => void) => void,
) => Promise<ClientResult<E>>;

type Respond<E extends ClientEventName> = (result: Ack<ClientResult<E>>) => void;

/** An error as the client sees it in an acknowledgement; unknown errors are logged, never sent. */
export function toAckError(error: unknown, logger: Logger, event: string): ErrorBody {
  if (error instanceof z.ZodError) error = validationError(error, 'payload');
  if (isAppError(error)) {
    const details =
      error.retryAfter !== undefined ? { retryAfter: error.retryAfter } : error.details;
    return {
      code: error.code,
      message: error.message,
      ...(details === undefined ? {} : { details }),
    };
  }
  logger.error({ err: error, event }, 'socket event failed');
  return { code: 'internal_error', message: 'Something went wrong on our side; try again' };
}

/**
 * Registers one client event: the payload is validated with its contract schema, the handler
 * runs, and the client always gets `{ ok: true, ...result }` or `{ ok: false, error }`. A
 * missing acknowledgement, a missing payload or a throwing handler never escapes.
 */
export function handle<E extends ClientEventName>(
  socket: IoSocket,
  logger: Logger,
  name: E,
  handler: Handler<E>,
): void {
  const schema: z.ZodType = clientEvents[name].payload;
  const listener = (...args: unknown[]) => {
    const last = args.at(-1);
    const ack = typeof last === 'function' ? (last as Respond<E>) : undefined;
    const payload = ack && args.length === 1 ? undefined : args[0];
    const respond = (result: Ack<ClientResult<E>>) => {
      try {
        ack?.(result);
      } catch (error) {
        logger.warn({ err: error, event: name }, 'acknowledgement failed');
      }
    };
    if (hasNulCharacter(payload)) {
      respond({
        ok: false,
        error: { code: 'validation_error', message: 'Text must not contain NUL characters' },
      });
      return;
    }
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      respond({ ok: false, error: toAckError(parsed.error, logger, name) });
      return;
    }
    const tasks: (() => void)[] = [];
    // The schema of `name` produced it, so it has the payload type of `name`.
    const run = async () => {
      if (!(await socket.data.live)) throw sessionExpired();
      return handler(parsed.data as ParsedClientPayload<E>, (task) => tasks.push(task));
    };
    run().then(
      (result) => {
        respond({ ok: true, ...result });
        for (const task of tasks) {
          try {
            task();
          } catch (error) {
            logger.error({ err: error, event: name }, 'socket event follow-up failed');
          }
        }
      },
      (error: unknown) => respond({ ok: false, error: toAckError(error, logger, name) }),
    );
  };
  // Registered untyped: the listener takes whatever a client sends and checks it above.
  (socket as Socket).on(name as string, listener);
}
