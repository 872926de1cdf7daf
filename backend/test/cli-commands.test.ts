/**
 * The data commands end to end, as real commands (npm, tsx, a database of their own):
 * `npm run db:import`, `npm run db:seed` and `npm run admin:grant`.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import bcrypt from 'bcrypt';
import { count, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/config';
import { openDatabase, type Database } from '../src/db/client';
import { eventParticipants, events, users } from '../src/db/schema';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/db/seed';
import { startTestServer } from './harness';

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
