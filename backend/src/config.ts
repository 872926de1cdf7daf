/**
 * Configuration, parsed once at start into a frozen object. Every variable is documented here
 * and in .env.example. A bad value stops the process with every problem listed at once.
 */
import { hostname } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { developmentSecret, developmentVapidKeys } from './config-secrets';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const list = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);

const EnvSchema = z.object({
  /** development | production | test. Production requires JWT_SECRET and sets Secure cookies. */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Interface and port of the HTTP server (API, Socket.IO and the built frontend). */
  HOST: z.string().default('0.0.0.0'),
  PORT: int(0, 65535).default(8080),
  /** PostgreSQL connection string. Unset: embedded PGlite in DATA_DIR. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** Pool size per process for DATABASE_URL. */
  DATABASE_POOL_MAX: int(1, 200).default(20),
  /** Where the embedded database and the development JWT secret live. */
  DATA_DIR: z.string().default(path.join(REPO_ROOT, 'data')),
  /**
   * Outgoing mail server, `smtp://user:pass@host:port` (or `smtps://`). Unset: every mail is
   * written as an .eml file under DATA_DIR/mail and its link is logged, so nothing else is needed.
   */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  /** The From of every mail: an address, or `Name <address>`. */
  MAIL_FROM: z.string().min(3).default('spotlight.cam <no-reply@spotlight.cam>'),
  /**
   * The origin that links in mails point to, e.g. `https://spotlight.cam`. Unset: the server's
   * own address (http://localhost:PORT), right for `npm start` on one machine only.
   */
  PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  /** Where uploaded avatars are stored (local disk storage). Unset: DATA_DIR/uploads. */
  UPLOADS_DIR: z.string().optional(),
  /** HMAC key of the session JWTs, 32+ characters. Required in production. */
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Lifetime of a session (cookie, JWT and sessions row). */
  SESSION_TTL_HOURS: int(1, 24 * 30).default(24),
  /** How long the check-in code at the venue's door lasts before it rotates (the previous one stays valid as long again). */
  CHECK_IN_CODE_SECONDS: int(10, 3600).default(60),
  /** bcrypt cost factor; 12 unless tests lower it to save time. */
  BCRYPT_COST: int(4, 15).default(12),
  /** E-mail addresses (comma-separated) whose accounts are site admins, besides `npm run admin:grant`. */
  ADMIN_EMAILS: list.transform((emails) => emails.map((email) => email.toLowerCase())).default([]),
  /** Extra origins (comma-separated) allowed for CORS and state-changing requests. Same-origin is always allowed. */
  CORS_ORIGIN: list.default([]),
  /** Express `trust proxy`: which hops may set X-Forwarded-For. `loopback` fits nginx on the same host. */
  TRUST_PROXY: z.string().default('loopback'),
  /** Redis for the Socket.IO adapter, presence and rate limits across several nodes. Unset: one node, in memory. */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /** Prefix of every Redis key and pub/sub channel, so that several deployments (or test runs) can share one Redis. */
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_.-]{1,64}$/, 'letters, digits and : _ . - only')
    .default('spotlight'),
  /**
   * Longest wait for one Redis command. Redis down: limits fall back to per-node memory, and
   * /api/ready answers 503, instead of requests stalling behind reconnect attempts.
   */
  REDIS_COMMAND_TIMEOUT_MS: int(50, 60_000).default(500),
  /** STUN server(s) handed to clients, comma-separated. Set but empty: none. */
  STUN_SERVER: list.default(['stun:stun.l.google.com:19302']),
  /** TURN server URL(s), comma-separated, e.g. `turn:turn.example.com:3478`. */
  TURN_SERVER: list.default([]),
  /** coturn `static-auth-secret`, for time-limited TURN credentials. */
  TURN_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  /** How long TURN credentials stay valid. */
  TURN_TTL_SECONDS: int(60, 7 * 24 * 3600).default(6 * 3600),
  /**
   * Failed sign-ins per account before exponential backoff starts: then 1 s, 2 s, 4 s, ... between
   * attempts, up to LOGIN_WINDOW_MINUTES. A correct password from a known device skips it.
   */
  LOGIN_MAX_FAILURES: int(1, 1000).default(5),
  /** The first backoff after LOGIN_MAX_FAILURES failures, in seconds; it doubles on each attempt. */
  LOGIN_BACKOFF_SECONDS: int(1, 3600).default(1),
  /** Failed sign-ins per client IP within the window; high, because a venue shares one IP. */
  LOGIN_MAX_FAILURES_PER_IP: int(1, 1_000_000).default(2000),
  /** Window of the per-IP failures, and the longest backoff of an account. */
  LOGIN_WINDOW_MINUTES: int(1, 24 * 60).default(15),
  /** Successful sign-ins per account per hour (each costs a bcrypt hash and a sessions row). */
  LOGIN_MAX_PER_ACCOUNT_PER_HOUR: int(1, 100_000).default(60),
  /** Successful sign-ins per client IP per hour: a ballroom signs in behind one IP. */
  LOGIN_MAX_PER_IP_PER_HOUR: int(1, 1_000_000).default(10_000),
  /** Accounts created per client IP per hour. */
  REGISTER_MAX_PER_IP_PER_HOUR: int(1, 100_000).default(200),
  /**
   * Verification and password-reset mails asked for per client IP per hour, and as many tries
   * of mailed tokens (each account may ask for 5 an hour).
   */
  ACCOUNT_MAILS_MAX_PER_IP_PER_HOUR: int(1, 1_000_000).default(200),
  /** API requests per client IP per minute, far above what a full ballroom sends. */
  API_MAX_PER_IP_PER_MINUTE: int(1, 1_000_000).default(20_000),
  /** Chat messages per user: sustained rate per second and burst. */
  CHAT_RATE_PER_SECOND: int(1, 1000).default(5),
  CHAT_BURST: int(1, 10_000).default(10),
  /**
   * Room joins (event and private) per user per 10 s, each of which reads history. A reconnect
   * rejoins the one or two rooms in use; 30 leaves room for a flaky network and many tabs.
   */
  ROOM_JOINS_PER_USER_PER_10S: int(1, 1_000_000).default(30),
  /** Socket.IO connections per client IP per minute. */
  SOCKET_CONNECTS_PER_IP_PER_MINUTE: int(1, 1_000_000).default(3000),
  /** Open Socket.IO connections per user (all tabs and devices); one more is refused with `too_many_sockets`. */
  SOCKETS_PER_USER_MAX: int(1, 10_000).default(20),
  /**
   * Open TCP connections per client IP. A ballroom behind one venue IP holds a few thousand
   * (a socket and one or two HTTP connections per phone). A trusted proxy (TRUST_PROXY) is not
   * capped: behind nginx every connection comes from it, and nginx limits per client IP.
   */
  HTTP_MAX_CONNECTIONS_PER_IP: int(1, 1_000_000).default(5000),
  /** A request must have sent its headers within this (slow-loris); Node answers 408. */
  HTTP_HEADERS_TIMEOUT_MS: int(500, 600_000).default(10_000),
  /** A whole request, body included, must arrive within this. */
  HTTP_REQUEST_TIMEOUT_MS: int(1000, 3_600_000).default(60_000),
  /** Serve the built frontend (frontend/dist) from this process. */
  SERVE_FRONTEND: bool.default(true),
  FRONTEND_DIST: z.string().default(path.join(REPO_ROOT, 'frontend', 'dist')),
  /**
   * Load demo events and accounts (with the README's public password) into an empty database
   * at start. Default: on for the embedded database, never in production unless set to true.
   */
  SEED_DEMO_DATA: bool.optional(),
  /** Expose Prometheus metrics at /metrics, to scrapers that send METRICS_TOKEN. */
  METRICS_ENABLED: bool.default(true),
  /**
   * Bearer token of /metrics (`Authorization: Bearer <token>`), 16+ characters. Unset: /metrics
   * answers 404, so that `npm start` on a public port never exposes it.
   */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** How long a SIGTERM shutdown may take before the process exits anyway. */
  SHUTDOWN_TIMEOUT_MS: int(100, 120_000).default(10_000),
  /**
   * VAPID key pair of Web Push (RFC 8292), base64url: the public key is an uncompressed P-256
   * point (65 bytes), the private key 32 bytes; `npx web-push generate-vapid-keys` makes both.
   * Unset: generated once into DATA_DIR/vapid.json. Set them in production, the same on every
   * node: browsers subscribed with one public key and refuse pushes signed with another.
   */
  VAPID_PUBLIC_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{87}$/, 'must be a base64url P-256 public key (87 characters)')
    .optional(),
  VAPID_PRIVATE_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/, 'must be a base64url P-256 private key (43 characters)')
    .optional(),
  /** Who runs this server, for the push services: a `mailto:` or `https:` URL. */
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:\/\/)\S+$/, 'must be a mailto: or https:// URL')
    .default('mailto:push@spotlight.cam'),
  /**
   * Hosts push endpoints may point at (comma-separated `host` or `host:port`; `*.example.com`
   * matches every subdomain of example.com). A bare host allows only the scheme's default port.
   * The default is the browsers' push services, so that a subscription cannot make the server
   * send requests anywhere else.
   */
  PUSH_ALLOWED_HOSTS: list.default([
    'fcm.googleapis.com',
    'updates.push.services.mozilla.com',
    '*.push.apple.com',
    '*.notify.windows.com',
  ]),
  /** Seconds before the first retry of a failed push; doubled on each of up to 5 retries. */
  PUSH_RETRY_DELAY_SECONDS: int(1, 3600).default(30),
  /**
   * How long the server waits for the user's open clients to say whether one of them shows the
   * screen a notification is about (then no push is sent).
   */
  NOTIFY_CHECK_TIMEOUT_MS: int(50, 10_000).default(1500),
  /**
   * The WSDC points registry's lookup, which the profile form's "Fill from WSDC" asks (a form
   * POST of `num`). Tests point it at a local fake (test/support/wsdc-registry.ts).
   */
  WSDC_REGISTRY_URL: z
    .url({ protocol: /^https?$/ })
    .default('https://points.worldsdc.com/lookup2020/find'),
  /** Longest wait for the registry's whole answer; then the lookup answers 502 `wsdc_unavailable`. */
  WSDC_TIMEOUT_MS: int(100, 60_000).default(5000),
  /** Minutes before a heat's scheduled start that its dancers get "your heat in N minutes". */
  HEAT_REMINDER_MINUTES: int(1, 120).default(10),
  /** How often an idle job worker looks for due jobs (pg-boss takes 0.5 s at least). */
  JOBS_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
  /** Seconds a user stays in active_users after their last socket disconnects. */
  PRESENCE_GRACE_SECONDS: int(0, 3600).default(10),
  /**
   * Name of this node in logs and metrics. The default is unique per process and per
   * container (a container's hostname is its id; every replica's PID is the same).
   */
  NODE_ID: z
    .string()
    .max(64)
    .default(`${hostname().slice(0, 40)}-${process.pid}`),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

type Env = z.infer<typeof EnvSchema>;

export type Config = Readonly<
  Omit<
    Env,
    'JWT_SECRET' | 'SEED_DEMO_DATA' | 'VAPID_PUBLIC_KEY' | 'VAPID_PRIVATE_KEY' | 'UPLOADS_DIR'
  > & {
    JWT_SECRET: string;
    VAPID_PUBLIC_KEY: string;
    VAPID_PRIVATE_KEY: string;
    UPLOADS_DIR: string;
    SEED_DEMO_DATA: boolean;
    isProduction: boolean;
  }
>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Variables where an empty value means "none" rather than "use the default". */
const EMPTY_MEANS_NONE = new Set(['STUN_SERVER']);

/** Parses the environment; throws ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings mean "unset", as in most .env files.
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([key, v]) => v !== '' || EMPTY_MEANS_NONE.has(key)),
  );
  const parsed = EnvSchema.safeParse(cleaned);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

  // The rules between variables read each one on its own, so that they are listed even when
  // another variable is wrong too.
  const field = <K extends keyof Env>(key: K): Env[K] | undefined => {
    const result = EnvSchema.shape[key].safeParse(cleaned[key]);
    return result.success ? (result.data as Env[K]) : undefined;
  };
  const isProduction = field('NODE_ENV') === 'production';
  if (isProduction && !cleaned.JWT_SECRET) {
    problems.push('JWT_SECRET: required when NODE_ENV=production');
  }
  const bcryptCost = field('BCRYPT_COST');
  if (isProduction && bcryptCost !== undefined && bcryptCost < 12) {
    problems.push('BCRYPT_COST: must be at least 12 when NODE_ENV=production');
  }
  if ((field('TURN_SERVER') ?? []).length > 0 && !cleaned.TURN_SECRET) {
    problems.push('TURN_SECRET: required when TURN_SERVER is set');
  }
  const headersTimeout = field('HTTP_HEADERS_TIMEOUT_MS');
  const requestTimeout = field('HTTP_REQUEST_TIMEOUT_MS');
  if (headersTimeout && requestTimeout && headersTimeout > requestTimeout) {
    problems.push('HTTP_HEADERS_TIMEOUT_MS: must not be above HTTP_REQUEST_TIMEOUT_MS');
  }
  if (!cleaned.VAPID_PUBLIC_KEY !== !cleaned.VAPID_PRIVATE_KEY) {
    problems.push('VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY: set both or neither');
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const values = parsed.data;
  const vapid =
    values.VAPID_PUBLIC_KEY && values.VAPID_PRIVATE_KEY
      ? { publicKey: values.VAPID_PUBLIC_KEY, privateKey: values.VAPID_PRIVATE_KEY }
      : developmentVapidKeys(values.DATA_DIR);

  return Object.freeze({
    ...values,
    JWT_SECRET: values.JWT_SECRET ?? developmentSecret(values.DATA_DIR),
    VAPID_PUBLIC_KEY: vapid.publicKey,
    VAPID_PRIVATE_KEY: vapid.privateKey,
    UPLOADS_DIR: values.UPLOADS_DIR ?? path.join(values.DATA_DIR, 'uploads'),
    SEED_DEMO_DATA: values.SEED_DEMO_DATA ?? (!values.DATABASE_URL && !isProduction),
    isProduction,
  });
}
