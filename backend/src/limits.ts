/**
 * Rate limiters. In memory on one node; in Redis when REDIS_URL is set, so that the limits hold
 * across nodes. Limits are per account or user first; per-IP ceilings sit far above what a
 * ballroom behind one venue IP sends.
 *
 * Redis down: every Redis limiter falls back to an in-memory limiter of its own node (its
 * `insuranceLimiter`), at once while the connection is not ready and after the command timeout
 * otherwise. The limits then hold per node instead of per cluster: they fail closed, never open.
 */
import type { Redis } from 'ioredis';
import {
  BurstyRateLimiter,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { Config } from './config';

export interface Limits {
  /** Sign-in attempts per account key (email, or a known device of the account) that failed. */
  loginFailures: RateLimiterAbstract;
  /** One point per key: held for the backoff after the failures that came before (loginBackoff). */
  loginGate: RateLimiterAbstract;
  /** Failed logins per client IP. */
  loginIp: RateLimiterAbstract;
  /** Successful sign-ins (a bcrypt hash and a sessions row each) per account and per IP. */
  loginSuccessAccount: RateLimiterAbstract;
  loginSuccessIp: RateLimiterAbstract;
  registerIp: RateLimiterAbstract;
  /** Verification and reset mails asked for, per account (or e-mail address) and per IP. */
  accountMail: RateLimiterAbstract;
  accountMailIp: RateLimiterAbstract;
  /** Tokens of mailed links tried per IP (verification and reset confirmations). */
  accountTokenIp: RateLimiterAbstract;
  apiIp: RateLimiterAbstract;
  /** Chat messages per user: sustained rate plus a burst. */
  chatUser: BurstyRateLimiter;
  /** The same content from the same user in the same room within 30 s (see ClaimStore). */
  chatDuplicate: ClaimStore;
  socketConnectIp: RateLimiterAbstract;
  /** Reports filed per user per hour. */
  reportUser: RateLimiterAbstract;
  /** Announcements posted per organiser per hour. */
  announcementUser: RateLimiterAbstract;
  /** Room joins (each reads a page of history) per user. */
  roomJoinUser: RateLimiterAbstract;
  /** Bytes of WebRTC signals (offers, answers, ICE candidates) relayed per match per minute. */
  signalingMatch: RateLimiterAbstract;
  /** Transfer telemetry reports per user per hour. */
  telemetryUser: RateLimiterAbstract;
  /** WSDC registry lookups per user per hour (cached ones count too). */
  wsdcUser: RateLimiterAbstract;
}

/**
 * Signaling bytes per match per minute. One negotiation is an offer and an answer (an SDP is at
 * most 32 KiB, a data-channel one about 1–3 KiB) and a few dozen ICE candidates (≤ 1 KiB each):
 * under 100 KiB even at the schema's maxima. An ICE restart is one more such round, so 2 MiB is
 * some 20 full renegotiations a minute, far beyond a real one.
 */
export const SIGNALING_BYTES_PER_MATCH_PER_MINUTE = 2 * 1024 * 1024;

/** Telemetry reports per user per hour: one per side of each transfer, for a busy event day. */
export const TELEMETRY_REPORTS_PER_USER_PER_HOUR = 120;

/**
 * WSDC lookups per user per hour: a dancer fills their own number once or twice, and a typo
 * or two; far fewer than a script walking the registry through us would need.
 */
export const WSDC_LOOKUPS_PER_USER_PER_HOUR = 30;

/** Verification or reset mails one account (or one address) may ask for per hour. */
export const ACCOUNT_MAILS_PER_ACCOUNT_PER_HOUR = 5;

/** How long identical content from one user in one room is refused. */
export const CHAT_DUPLICATE_WINDOW_SECONDS = 30;

/**
 * A short-lived claim on a key. The first owner holds it for the TTL; the same owner may claim
 * it again (an idempotent retry), anyone else is refused. Unlike a rate limiter, it remembers
 * who holds the key, so that a retry with the same clientId is never taken for a duplicate.
 */
export interface ClaimStore {
  readonly ttlSeconds: number;
  /** True when `owner` holds the key now (new or already held by it). Store errors let it through. */
  claim(key: string, owner: string): Promise<boolean>;
  /** Gives the key up, if `owner` holds it (the message it guarded was not stored after all). */
  release(key: string, owner: string): Promise<void>;
}

export function memoryClaims(ttlSeconds: number): ClaimStore {
  const held = new Map<string, { owner: string; until: number }>();
  let claims = 0;
  const sweep = (now: number) => {
    for (const [key, entry] of held) if (entry.until <= now) held.delete(key);
  };
  return {
    ttlSeconds,
    async claim(key, owner) {
      const now = Date.now();
      // Expired entries are dropped now and then, so that the map stays bounded.
      if (++claims % 1000 === 0) sweep(now);
      const entry = held.get(key);
      if (entry && entry.until > now && entry.owner !== owner) return false;
      held.set(key, { owner, until: now + ttlSeconds * 1000 });
      return true;
    },
    async release(key, owner) {
      if (held.get(key)?.owner === owner) held.delete(key);
    },
  };
}

const RELEASE_SCRIPT = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0`;

export function redisClaims(redis: Redis, prefix: string, ttlSeconds: number): ClaimStore {
  return {
    ttlSeconds,
    async claim(key, owner) {
      try {
        if ((await redis.set(prefix + key, owner, 'EX', ttlSeconds, 'NX')) === 'OK') return true;
        return (await redis.get(prefix + key)) === owner;
      } catch {
        return true;
      }
    },
    async release(key, owner) {
      await redis.eval(RELEASE_SCRIPT, 1, prefix + key, owner).catch(() => undefined);
    },
  };
}

/** How long failed sign-ins of an account are remembered (a success forgets them). */
export const LOGIN_FAILURE_MEMORY_SECONDS = 24 * 3600;

export function createLimits(config: Config, redis?: Redis): Limits {
  const make = (keyPrefix: string, points: number, duration: number) => {
    const memory = new RateLimiterMemory({ keyPrefix, points, duration });
    if (!redis) return memory;
    return new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${config.REDIS_KEY_PREFIX}:rl:${keyPrefix}`,
      points,
      duration,
      // Not ready (down, reconnecting): the node's own memory limiter answers at once, instead
      // of queueing the command behind the reconnection.
      rejectIfRedisNotReady: true,
      insuranceLimiter: memory,
    });
  };
  const window = config.LOGIN_WINDOW_MINUTES * 60;
  return {
    loginFailures: make('login_failures', 1_000_000, LOGIN_FAILURE_MEMORY_SECONDS),
    loginGate: make('login_gate', 1, 1),
    loginIp: make('login_ip', config.LOGIN_MAX_FAILURES_PER_IP, window),
    loginSuccessAccount: make('login_ok_account', config.LOGIN_MAX_PER_ACCOUNT_PER_HOUR, 3600),
    loginSuccessIp: make('login_ok_ip', config.LOGIN_MAX_PER_IP_PER_HOUR, 3600),
    registerIp: make('register_ip', config.REGISTER_MAX_PER_IP_PER_HOUR, 3600),
    accountMail: make('account_mail', ACCOUNT_MAILS_PER_ACCOUNT_PER_HOUR, 3600),
    accountMailIp: make('account_mail_ip', config.ACCOUNT_MAILS_MAX_PER_IP_PER_HOUR, 3600),
    accountTokenIp: make('account_token_ip', config.ACCOUNT_MAILS_MAX_PER_IP_PER_HOUR, 3600),
    apiIp: make('api_ip', config.API_MAX_PER_IP_PER_MINUTE, 60),
    chatUser: new BurstyRateLimiter(
      make('chat_user', config.CHAT_RATE_PER_SECOND, 1),
      make('chat_burst', Math.max(1, config.CHAT_BURST - config.CHAT_RATE_PER_SECOND), 10),
    ),
    chatDuplicate: redis
      ? redisClaims(redis, `${config.REDIS_KEY_PREFIX}:dup:`, CHAT_DUPLICATE_WINDOW_SECONDS)
      : memoryClaims(CHAT_DUPLICATE_WINDOW_SECONDS),
    socketConnectIp: make('socket_ip', config.SOCKET_CONNECTS_PER_IP_PER_MINUTE, 60),
    reportUser: make('report_user', 20, 3600),
    announcementUser: make('announcement_user', 30, 3600),
    roomJoinUser: make('join_user', config.ROOM_JOINS_PER_USER_PER_10S, 10),
    signalingMatch: make('signal_match', SIGNALING_BYTES_PER_MATCH_PER_MINUTE, 60),
    telemetryUser: make('telemetry_user', TELEMETRY_REPORTS_PER_USER_PER_HOUR, 3600),
    wsdcUser: make('wsdc_user', WSDC_LOOKUPS_PER_USER_PER_HOUR, 3600),
  };
}

/** The backoff schedule of sign-ins: seconds attempt `n` (1-based) must wait after the one before. */
export interface Backoff {
  /** Attempts that never wait. */
  free: number;
  /** The first wait; each attempt after it doubles it. */
  baseSeconds: number;
  maxSeconds: number;
}

/** 0 for the first `free - 1` attempts, then base, 2 base, 4 base, ... up to the cap. */
export const backoffSeconds = (n: number, { free, baseSeconds, maxSeconds }: Backoff) =>
  n < free ? 0 : Math.min(baseSeconds * 2 ** Math.min(n - free, 30), maxSeconds);

/**
 * Admits a sign-in attempt for `key` under exponential backoff (see `backoffSeconds`): attempt
 * `n` holds the key's gate for its backoff, and the next attempt passes once the gate is free.
 * An attempt counts before its password is checked, so that guesses sent at once cannot all
 * pass. Resolves to the seconds to wait (the attempt then does not count), or 0.
 */
export async function admitAttempt(limits: Limits, key: string, backoff: Backoff): Promise<number> {
  const attempt = await limits.loginFailures.consume(key);
  const wait = backoffSeconds(attempt.consumedPoints, backoff);
  if (wait === 0) return 0;
  try {
    await limits.loginGate.consume(key, 1, { customDuration: wait });
    return 0;
  } catch (result) {
    await limits.loginFailures.reward(key, 1);
    if (result instanceof RateLimiterRes) return Math.max(1, Math.ceil(result.msBeforeNext / 1000));
    throw result;
  }
}

/** Forgets the failed attempts of `key` (after a correct password). */
export async function clearAttempts(limits: Limits, key: string) {
  await Promise.all([limits.loginFailures.delete(key), limits.loginGate.delete(key)]);
}

/**
 * Consumes a point; resolves to the seconds to wait when the limit is reached, or 0.
 * Redis errors never reach this (the insurance limiter answers them); any other store error
 * lets the request through: a limiter must not take the service down.
 */
export async function consume(
  limiter: RateLimiterAbstract | BurstyRateLimiter,
  key: string,
  points = 1,
): Promise<number> {
  try {
    await limiter.consume(key, points);
    return 0;
  } catch (result) {
    if (result instanceof RateLimiterRes) return Math.max(1, Math.ceil(result.msBeforeNext / 1000));
    return 0;
  }
}

/** Seconds until the key may try again, or 0 when it has points left. */
export async function blockedFor(limiter: RateLimiterAbstract, key: string): Promise<number> {
  try {
    const result = await limiter.get(key);
    if (result && result.consumedPoints >= limiter.points) {
      return Math.max(1, Math.ceil(result.msBeforeNext / 1000));
    }
    return 0;
  } catch {
    return 0;
  }
}
