/**
 * The Redis connection, and how it behaves when Redis goes away (the degraded mode,
 * docs/security.md).
 */
import { Redis } from 'ioredis';
import type { Config } from './config';
import type { Logger } from './logger';

/**
 * Redis that fails fast when it is down: a command waits at most REDIS_COMMAND_TIMEOUT_MS and
 * is not retried across reconnections (see also failFastOnceReady). Rate limiters then fall
 * back to memory (limits.ts), /api/ready says 503, and everything else carries on without it.
 */
export function connectRedis(config: Config, logger: Logger): Redis {
  const redis = new Redis(config.REDIS_URL!, {
    commandTimeout: config.REDIS_COMMAND_TIMEOUT_MS,
    connectTimeout: Math.max(1000, config.REDIS_COMMAND_TIMEOUT_MS * 4),
    maxRetriesPerRequest: 1,
    enableOfflineQueue: true,
    retryStrategy: (attempt) => Math.min(100 * 2 ** attempt, 5000),
  });
  let warned = false;
  redis.on('error', (error) => {
    // One line per outage, not one per reconnect attempt.
    if (!warned) logger.warn({ err: error }, 'redis error; running degraded until it is back');
    warned = true;
  });
  failFastOnceReady(redis);
  redis.on('ready', () => {
    if (warned) logger.info('redis is back');
    warned = false;
  });
  return redis;
}

/**
 * Before the first connection, commands wait for it (start-up, the adapter's subscriptions);
 * once connected, a command sent while Redis is away fails at once instead of queueing.
 */
export function failFastOnceReady(redis: Redis) {
  if (redis.status === 'ready') redis.options.enableOfflineQueue = false;
  else redis.once('ready', () => (redis.options.enableOfflineQueue = false));
}

/**
 * The Socket.IO adapter publishes without waiting for the result; with Redis down each publish
 * would become an unhandled rejection. The message is lost either way (other nodes are out of
 * reach), so the failure is logged once per outage and otherwise dropped.
 */
export function catchPublishErrors(pub: Redis, logger: Logger) {
  const publish = pub.publish.bind(pub) as (channel: string, message: string) => Promise<number>;
  let failing = false;
  pub.on('ready', () => (failing = false));
  const safePublish = (channel: string, message: string) => {
    const sent = publish(channel, message);
    sent.catch((error: unknown) => {
      if (!failing) logger.warn({ err: error }, 'redis publish failed; other nodes miss events');
      failing = true;
    });
    return sent;
  };
  pub.publish = safePublish as Redis['publish'];
}
