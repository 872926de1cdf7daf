/**
 * The embedded database's directory at start: one server per directory (a second `npm start`
 * is refused before it opens anything), a stale lock is taken over, and a directory that holds
 * data but does not open cleanly is refused untouched instead of being re-initialised.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { api } from '@spotlight/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { callApi, killAll, processEnv, runBackendToExit, spawnBackend } from './process-harness';

const dirs: string[] = [];
const dataDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'spotlight-startup-'));
  dirs.push(dir);
  return dir;
};
afterAll(async () => {
  await killAll();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Every file under `dir` with its size and modification time: what "untouched" means. */
const snapshot = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .sort()
    .map((name) => {
      const stat = statSync(path.join(dir, name));
      return `${name} ${stat.size} ${stat.mtimeMs}`;
    });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the first server is done with what a registration starts (the verification
 * mail's job writes the job tables and the .eml) and the directory has been the same for 1.5 s.
 */
async function settled(dataDir: string) {
  const mail = path.join(dataDir, 'mail');
  for (let i = 0; i < 60 && !(existsSync(mail) && readdirSync(mail).length > 0); i++) {
    await sleep(250);
  }
  let last = snapshot(path.join(dataDir, 'pglite'));
  for (let i = 0; i < 20; i++) {
    await sleep(1500);
    const now = snapshot(path.join(dataDir, 'pglite'));
    if (JSON.stringify(now) === JSON.stringify(last)) return now;
    last = now;
  }
  return last;
}

// These start the embedded database only; the PostgreSQL run of the suite would repeat them.
describe.skipIf(process.env.DATABASE_URL)(
  'the embedded data directory',
  { timeout: 180_000 },
  () => {
    it('refuses a second server on the same directory before it opens the database', async () => {
      const env = processEnv({ DATA_DIR: dataDir() });
      const first = await spawnBackend(env);
      const { user } = await callApi(first.url, api.auth.register, {
        body: { email: 'first@example.com', username: 'first', password: 'correct horse 1' },
      });
      const lock = JSON.parse(readFileSync(path.join(env.DATA_DIR!, 'pglite.lock'), 'utf8'));
      await settled(env.DATA_DIR!);
      // The first server's own background work (the minute jobs) may write at any time; frozen,
      // it writes nothing, so any change to the directory would be the second server's.
      first.pause();
      const before = snapshot(path.join(env.DATA_DIR!, 'pglite'));
      let after: string[];
      let second: Awaited<ReturnType<typeof runBackendToExit>>;
      try {
        second = await runBackendToExit(env);
        after = snapshot(path.join(env.DATA_DIR!, 'pglite'));
      } finally {
        first.resume();
      }
      expect(second.code).toBe(1);
      const lines = second.output.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`in use by another spotlight.cam process (pid ${lock.pid}`);
      expect(after).toEqual(before);

      // The first one goes on serving the same data.
      const login = await callApi(first.url, api.auth.login, {
        body: { email: 'first@example.com', password: 'correct horse 1' },
      });
      expect(login.user.id).toBe(user.id);
      await first.kill();
    });

    it('takes over the lock of a server that died', async () => {
      const env = processEnv({ DATA_DIR: dataDir() });
      const lockFile = path.join(env.DATA_DIR!, 'pglite.lock');
      // A pid far above Linux's pid_max, on this host: nobody holds it.
      writeFileSync(
        lockFile,
        JSON.stringify({ pid: 9_999_999, host: hostname(), startedAt: 'then' }),
      );
      const server = await spawnBackend(env);
      expect(JSON.parse(readFileSync(lockFile, 'utf8')).pid).not.toBe(9_999_999);
      await server.kill();
      // A clean shutdown gives the directory up.
      expect(() => statSync(lockFile)).toThrow();
    });

    it('refuses a directory that holds files but no PG_VERSION, and writes nothing into it', async () => {
      const env = processEnv({ DATA_DIR: dataDir() });
      const pglite = path.join(env.DATA_DIR!, 'pglite');
      mkdirSync(path.join(pglite, 'base'), { recursive: true });
      writeFileSync(path.join(pglite, 'base', '1'), 'rows that matter');
      const before = snapshot(pglite);

      const { code, output } = await runBackendToExit(env);
      expect(code).toBe(1);
      expect(output.trim().split('\n')).toHaveLength(1);
      expect(output).toContain('no PG_VERSION');
      expect(output).toContain('Restore it from a backup, or move it away');
      expect(snapshot(pglite)).toEqual(before);
    });

    it('refuses a directory that has PG_VERSION but does not open, and leaves it as it was', async () => {
      const env = processEnv({ DATA_DIR: dataDir() });
      const pglite = path.join(env.DATA_DIR!, 'pglite');
      mkdirSync(pglite);
      writeFileSync(path.join(pglite, 'PG_VERSION'), '17\n');
      const before = snapshot(pglite);
      const { code, output } = await runBackendToExit(env);
      expect(code).toBe(1);
      expect(output.trim()).toMatch(/pglite does not open as a database \(.*\)\. Restore/);
      expect(snapshot(pglite)).toEqual(before);
    });

    it('refuses a file where the database directory should be, in one line', async () => {
      const env = processEnv({ DATA_DIR: dataDir() });
      writeFileSync(path.join(env.DATA_DIR!, 'pglite'), 'not a directory');
      const { code, output } = await runBackendToExit(env);
      expect(code).toBe(1);
      expect(output.trim()).toMatch(/pglite is a file, not a database directory\. Restore/);
    });
  },
);
