/**
 * A real server for one test file: its own database (a PostgreSQL clone of the migrated
 * template, or an in-memory PGlite), a real HTTP port on 127.0.0.1, and a typed client.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  buildPath,
  type AuthResponse,
  type EndpointDef,
  type RegisterBody,
  type RequestOf,
  type ResponseOf,
  api,
  type ApiErrorResponse,
} from '@spotlight/contracts';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { loadConfig, type Config } from '../src/config';
import { openDatabase, type Database, type DatabaseHandle } from '../src/db/client';
import { upsertEvents, type NewEvent } from '../src/modules/events/repository';
import { startServer, type RunningServer } from '../src/server';
import { databaseUrl } from './global-setup';

export interface ApiResult<T> {
  status: number;
  body: T;
  headers: Headers;
}

export interface CallOptions {
  token?: string;
  cookie?: string;
  headers?: Record<string, string>;
}

export type TestUser = AuthResponse['user'] & { token: string; password: string };

export interface TestServer {
  url: string;
  server: RunningServer;
  config: Config;
  db: Database;
  /** Calls an endpoint of the contract; the body is typed as the success response. */
  call<E extends EndpointDef>(
    endpoint: E,
    request?: RequestOf<E>,
    options?: CallOptions,
  ): Promise<ApiResult<ResponseOf<E> & Partial<ApiErrorResponse>>>;
  /** A raw request, for bodies and paths the contract would not let through. */
  raw(
    method: string,
    path: string,
    init?: { body?: string; headers?: Record<string, string> },
  ): Promise<ApiResult<unknown>>;
  /** Registers a new user (unique email and username). */
  registerUser(overrides?: Partial<RegisterBody>): Promise<TestUser>;
  /** Inserts an event directly, as an organiser's import would. */
  createEvent(overrides?: Partial<NewEvent>): Promise<{ id: number }>;
  close(): Promise<void>;
}

let counter = 0;
const unique = () =>
  `${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(2).toString('hex')}`;

/** A valid registration body with a unique email and username. */
export const buildUser = (overrides: Partial<RegisterBody> = {}): RegisterBody => {
  const id = unique();
  return {
    email: `dancer.${id}@example.test`,
    username: `dancer_${id}`.slice(0, 30),
    password: `correct horse ${id}`,
    ...overrides,
  };
};

const isoDate = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** A database of its own: a clone of the migrated template on PostgreSQL, else in-memory PGlite. */
export async function openTestDatabase(): Promise<{
  handle: DatabaseHandle;
  url?: string;
  drop(): Promise<void>;
}> {
  const template = inject('templateDatabase');
  const base = process.env.DATABASE_URL;
  if (!template || !base) {
    const dump = inject('pgliteTemplate');
    const handle = await openDatabase(dump ? { loadDataDir: new Blob([readFileSync(dump)]) } : {});
    return { handle, drop: async () => {} };
  }
  const name = `${template.replace(/_tmpl$/, '')}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  // Cloning a template is a file copy; PostgreSQL allows one clone of a template at a time.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`create database "${name}" template "${template}"`);
      break;
    } catch (error) {
      if (attempt > 50 || !/being accessed by other users/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
    }
  }
  await admin.end();
  const url = databaseUrl(base, name);
  const handle = await openDatabase({ url, poolMax: 10 });
  return {
    handle,
    url,
    drop: async () => {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`drop database if exists "${name}" with (force)`);
      await client.end();
    },
  };
}

/** Test configuration: the real loader, with a port of its own and no demo data. */
export function testConfig(
  overrides: Record<string, string> = {},
  databaseUrlOverride?: string,
): Config {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'spotlight-test-')),
    JWT_SECRET: randomBytes(32).toString('hex'),
    SEED_DEMO_DATA: 'false',
    SERVE_FRONTEND: 'false',
    REDIS_URL: '',
    // Never the real WSDC registry (vitest.config.ts says the same for the backend's own runs;
    // this covers the frontend's and the e2e's): a closed loopback port, "unavailable" at once.
    WSDC_REGISTRY_URL: 'http://127.0.0.1:9/lookup2020/find',
    ...overrides,
  };
  env.DATABASE_URL = databaseUrlOverride ?? '';
  return loadConfig(env);
}

export async function startTestServer(overrides: Record<string, string> = {}): Promise<TestServer> {
  const database = await openTestDatabase();
  const config = testConfig(overrides, database.url);
  const server = await startServer(config, { database: database.handle });
  const url = server.url;

  const request = async (
    method: string,
    target: string,
    body: string | undefined,
    headers: Record<string, string>,
  ) => {
    const response = await fetch(url + target, { method, body, headers });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed, headers: response.headers };
  };

  const harness: TestServer = {
    url,
    server,
    config,
    db: database.handle.db,
    async call(endpoint, req, options = {}) {
      const r = (req ?? {}) as {
        params?: Record<string, unknown>;
        query?: Record<string, unknown>;
        body?: unknown;
      };
      let target = buildPath(endpoint.path, r.params);
      if (r.query) {
        const search = new URLSearchParams();
        for (const [key, value] of Object.entries(r.query)) {
          if (value !== undefined) search.set(key, String(value));
        }
        if ([...search].length) target += `?${search}`;
      }
      const headers: Record<string, string> = { ...options.headers };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      if (options.cookie) headers.cookie = options.cookie;
      if (r.body !== undefined) headers['content-type'] = 'application/json';
      const result = await request(
        endpoint.method,
        target,
        r.body === undefined ? undefined : JSON.stringify(r.body),
        headers,
      );
      return result as ApiResult<never>;
    },
    raw(method, target, init = {}) {
      return request(method, target, init.body, init.headers ?? {});
    },
    async registerUser(overrides = {}) {
      const body = buildUser(overrides);
      const result = await harness.call(api.auth.register, { body });
      if (result.status !== 201) throw new Error(`register failed: ${JSON.stringify(result.body)}`);
      return { ...result.body.user, token: result.body.token, password: body.password };
    },
    async createEvent(overrides = {}) {
      const row: NewEvent = {
        name: `Test Swing ${unique()}`,
        location: 'Test City',
        startDate: isoDate(7),
        endDate: isoDate(9),
        worldsdcId: `test-${randomUUID()}`,
        ...overrides,
      };
      const { ids } = await upsertEvents(database.handle.db, [row]);
      return { id: ids[0]! };
    },
    async close() {
      await server.close();
      await database.handle.close();
      await database.drop();
    },
  };
  return harness;
}

/**
 * One server for the whole test file: started before its tests (with `overrides` of its
 * configuration), with one registered user, and closed after them. `ready` gets both; assign
 * them to the file's variables.
 */
export function serveTestFile(
  ready: (t: TestServer, user: TestUser) => void,
  overrides: Record<string, string> = {},
) {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startTestServer(overrides);
    ready(server, await server.registerUser());
  });
  afterAll(() => server?.close());
}
