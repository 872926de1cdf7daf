/**
 * The data commands: `npm run db:import` and `npm run db:seed`, in process against this file's
 * database, and as real commands (npm, tsx, a database of their own) end to end.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { api } from '@spotlight/contracts';
import bcrypt from 'bcrypt';
import { count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importEventRows } from '../src/cli/import-events';
import { REPO_ROOT } from '../src/config';
import { openDatabase, type Database } from '../src/db/client';
import { eventParticipants, events, users } from '../src/db/schema';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoEvents, seedDemoData } from '../src/db/seed';
import { startTestServer, type TestServer } from './harness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const row = (name: string, overrides: Record<string, string | null> = {}) => ({
  name,
  location: 'Test Hall',
  startDate: '2028-02-01',
  endDate: '2028-02-03',
  worldsdcId: `${name.toLowerCase().replace(/\W+/g, '-')}-${randomBytes(3).toString('hex')}`,
  ...overrides,
});

describe('importEventRows', () => {
  it('inserts new events, then updates them in place', async () => {
    const rows = [row('Import One'), row('Import Two'), row('No Id', { worldsdcId: null })];
    expect(await importEventRows(t.db, rows)).toEqual({ inserted: 3, updated: 0 });
    const changed = rows.map((r) => ({ ...r, location: 'New Hall', description: 'moved' }));
    expect(await importEventRows(t.db, changed)).toEqual({ inserted: 0, updated: 3 });
    const stored = await t.db
      .select()
      .from(events)
      .where(inArray(events.name, ['Import One', 'Import Two', 'No Id']));
    expect(stored).toHaveLength(3);
    expect(stored.every((e) => e.location === 'New Hall' && e.description === 'moved')).toBe(true);
  });

  it('keeps participants and their count when an event is updated', async () => {
    const [first] = [row('Joined Event')];
    await importEventRows(t.db, [first!]);
    const [event] = await t.db
      .select()
      .from(events)
      .where(eq(events.worldsdcId, first!.worldsdcId!));
    const dancer = await t.registerUser();
    await t.call(api.events.join, { params: { id: event!.id } }, { token: dancer.token });
    await importEventRows(t.db, [{ ...first!, name: 'Joined Event (renamed)' }]);
    const [after] = await t.db.select().from(events).where(eq(events.id, event!.id));
    expect(after).toMatchObject({ name: 'Joined Event (renamed)', participantsCount: 1 });
  });

  it('writes nothing when one row fails in the database', async () => {
    const good = row('Rolled Back');
    // Validation would catch this; the database refuses it too, and takes the batch back.
    const bad = row('Backwards', { startDate: '2028-05-05', endDate: '2028-05-01' });
    await expect(importEventRows(t.db, [good, bad])).rejects.toThrow();
    const [found] = await t.db
      .select({ value: count() })
      .from(events)
      .where(eq(events.worldsdcId, good.worldsdcId!));
    expect(found!.value).toBe(0);
  });
});

describe('seedDemoData', () => {
  it('loads the demo events and accounts once, and again changes nothing', async () => {
    const first = await seedDemoData(t.db, t.config.BCRYPT_COST);
    expect(first.events).toMatchObject({ inserted: demoEvents().length, updated: 0 });
    expect(first.accounts).toBe(DEMO_ACCOUNTS.length);
    const second = await seedDemoData(t.db, t.config.BCRYPT_COST);
    expect(second.events).toMatchObject({ inserted: 0, updated: demoEvents().length });
    expect(second.accounts).toBe(0);

    // The demo accounts are at the event that is on today, and the count says so.
    const [ongoing] = await t.db.select().from(events).where(eq(events.id, first.ongoingEventId!));
    const today = new Date().toISOString().slice(0, 10);
    expect(ongoing!.startDate <= today && today <= ongoing!.endDate).toBe(true);
    // Everyone but the site admin dances there.
    expect(ongoing!.participantsCount).toBe(DEMO_ACCOUNTS.length - 1);

    // The demo data lets a newcomer try all three roles.
    const roles = await Promise.all(
      ['admin@demo.spotlight.cam', 'olivia@demo.spotlight.cam', 'ana@demo.spotlight.cam'].map(
        async (email) =>
          (await t.call(api.auth.login, { body: { email, password: DEMO_PASSWORD } })).body.user,
      ),
    );
    expect(roles.map((user) => [user.isAdmin, user.organiserOf.length])).toEqual([
      [true, 0],
      [false, 2],
      [false, 0],
    ]);
    expect(roles[1]!.organiserOf).toContain(first.ongoingEventId);

    const login = await t.call(api.auth.login, {
      body: { email: DEMO_ACCOUNTS[0].email, password: DEMO_PASSWORD },
    });
    expect(login.status).toBe(200);
    const list = await t.call(
      api.events.list,
      { query: { joined: 'true' } },
      { token: login.body.token },
    );
    expect(list.body.items.map((e) => e.id)).toEqual([first.ongoingEventId]);
  });
});

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  return new Promise<RunResult>((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * A database for the commands: a fresh PostgreSQL database when DATABASE_URL is set, else an
 * embedded PGlite in a directory of its own (opened here only while no command runs).
 */
async function commandTarget() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'spotlight-cli-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    JWT_SECRET: randomBytes(32).toString('hex'),
    DATABASE_URL: '',
  };
  if (!process.env.DATABASE_URL) {
    return {
      env,
      async inspect<T>(read: (db: Database) => Promise<T>): Promise<T> {
        const handle = await openDatabase({ dataDir: path.join(dataDir, 'pglite') });
        try {
          return await read(handle.db);
        } finally {
          await handle.close();
        }
      },
      close: async () => {},
    };
  }
  const server = await startTestServer();
  env.DATABASE_URL = server.config.DATABASE_URL;
  return {
    env,
    inspect: <T>(read: (db: Database) => Promise<T>) => read(server.db),
    close: () => server.close(),
  };
}

describe('the commands', () => {
  it('npm run db:import loads a file named relative to where it is typed, and reports bad rows without writing', async () => {
    const target = await commandTarget();
    try {
      const docs = path.join(REPO_ROOT, 'docs');
      const ok = await run(
        'npm',
        ['run', '-s', 'db:import', '--', 'sample-events.csv'],
        docs,
        target.env,
      );
      expect(ok.code, ok.stderr).toBe(0);
      expect(ok.stdout).toMatch(
        /Imported 5 event\(s\) from .*sample-events\.csv .*: 5 inserted, 0 updated/,
      );

      const again = await run(
        'npm',
        ['run', '-s', 'db:import', '--', 'sample-events.csv'],
        docs,
        target.env,
      );
      expect(again.stdout).toMatch(/0 inserted, 5 updated/);

      const bad = path.join(mkdtempSync(path.join(tmpdir(), 'spotlight-bad-')), 'bad.json');
      writeFileSync(
        bad,
        JSON.stringify([
          { name: 'Fine', location: 'X', startDate: '2028-01-01', endDate: '2028-01-02' },
          { name: 'Broken', location: 'X', startDate: 'soon', endDate: '2028-01-02' },
        ]),
      );
      const refused = await run(
        'npm',
        ['run', '-s', 'db:import', '--', bad],
        REPO_ROOT,
        target.env,
      );
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('nothing was imported');
      expect(refused.stderr).toMatch(/index 1: startDate: /);

      const names = await target.inspect(async (db) =>
        (await db.select({ name: events.name }).from(events)).map((e) => e.name).sort(),
      );
      expect(names).toHaveLength(5);
      expect(names).toContain('Summer Hummer');
      expect(names).not.toContain('Fine');
    } finally {
      await target.close();
    }
  }, 180_000);

  it('npm run db:seed loads the demo data, prints the credentials, and can run again', async () => {
    const target = await commandTarget();
    try {
      const first = await run('npm', ['run', '-s', 'db:seed'], REPO_ROOT, target.env);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toMatch(/10 event\(s\) inserted, 0 updated; 5 account\(s\) created/);
      expect(first.stdout).toContain(DEMO_PASSWORD);
      for (const account of DEMO_ACCOUNTS) expect(first.stdout).toContain(account.email);

      const second = await run('npm', ['run', '-s', 'db:seed'], REPO_ROOT, target.env);
      expect(second.code, second.stderr).toBe(0);
      expect(second.stdout).toMatch(
        /0 event\(s\) inserted, 10 updated; 0 account\(s\) created, 5 already there/,
      );

      const state = await target.inspect(async (db) => {
        const accounts = await db
          .select()
          .from(users)
          .where(
            inArray(
              users.email,
              DEMO_ACCOUNTS.map((a) => a.email),
            ),
          );
        const [joined] = await db.select({ value: count() }).from(eventParticipants);
        return { accounts, joined: joined!.value };
      });
      expect(state.accounts).toHaveLength(5);
      expect(state.joined).toBe(4);
      expect(await bcrypt.compare(DEMO_PASSWORD, state.accounts[0]!.passwordHash)).toBe(true);
    } finally {
      await target.close();
    }
  }, 180_000);

  it('npm run admin:grant makes an account a site admin, --revoke takes it back, and an unknown e-mail changes nothing', async () => {
    const target = await commandTarget();
    const isAdmin = (email: string) =>
      target.inspect(async (db) =>
        (await db.select({ isAdmin: users.isAdmin }).from(users).where(eq(users.email, email)))
          .map((u) => u.isAdmin)
          .at(0),
      );
    try {
      expect((await run('npm', ['run', '-s', 'db:seed'], REPO_ROOT, target.env)).code).toBe(0);
      const email = DEMO_ACCOUNTS[0].email;
      const granted = await run(
        'npm',
        ['run', '-s', 'admin:grant', '--', email.toUpperCase()],
        REPO_ROOT,
        target.env,
      );
      expect(granted.code, granted.stderr).toBe(0);
      expect(granted.stdout).toContain(`${email} is now a site admin`);
      expect(await isAdmin(email)).toBe(true);

      const revoked = await run(
        'npm',
        ['run', '-s', 'admin:grant', '--', email, '--revoke'],
        REPO_ROOT,
        target.env,
      );
      expect(revoked.code, revoked.stderr).toBe(0);
      expect(await isAdmin(email)).toBe(false);

      const unknown = await run(
        'npm',
        ['run', '-s', 'admin:grant', '--', 'nobody@example.test'],
        REPO_ROOT,
        target.env,
      );
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain('No account with the e-mail nobody@example.test');
      const usage = await run('npm', ['run', '-s', 'admin:grant'], REPO_ROOT, target.env);
      expect(usage.code).toBe(2);
      expect(usage.stderr).toContain('Usage: npm run admin:grant');
    } finally {
      await target.close();
    }
  }, 180_000);
});
