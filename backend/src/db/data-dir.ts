/**
 * The embedded database's directory, guarded. PGlite takes no lock of its own: two processes on
 * one directory both start, hand out the same ids, and one side's acknowledged writes are gone
 * after a restart. So a process holds `<dir>.lock` (its pid) for as long as it has the
 * directory open, and a directory that holds files but does not open cleanly is refused rather
 * than re-initialised. Both checks run before PGlite touches the directory.
 */
import {
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  readdirSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';

/** A data directory this process must not open; the message is one line, for people. */
export class DataDirError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataDirError';
  }
}

interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
}

const readOwner = (file: string): LockOwner | undefined => {
  try {
    const owner = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockOwner>;
    return typeof owner.pid === 'number' ? (owner as LockOwner) : undefined;
  } catch {
    return undefined;
  }
};

/** Whether `pid` is a live Node process other than this one (a reused pid is not an owner). */
function isLiveOwner(owner: LockOwner): boolean {
  // Another machine's lock (a shared volume) cannot be checked from here: it counts as live.
  if (owner.host !== hostname()) return true;
  // A container restarts with the same pid; a lock naming us is a previous life's.
  if (owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    return readFileSync(`/proc/${owner.pid}/cmdline`, 'utf8').includes('node');
  } catch {
    return true; // no /proc: trust the signal check
  }
}

/**
 * Takes `<dir>.lock`, or throws DataDirError naming the process that holds it. A lock whose
 * owner is gone (a crash, a SIGKILL) is taken over. Returns the function that releases it.
 */
export function lockDataDir(dir: string): () => void {
  const file = `${dir}.lock`;
  const mine: LockOwner = {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, JSON.stringify(mine));
      closeSync(fd);
      const release = () => {
        if (readOwner(file)?.pid === mine.pid && readOwner(file)?.startedAt === mine.startedAt) {
          try {
            unlinkSync(file);
          } catch {
            // already gone
          }
        }
      };
      process.once('exit', release);
      return () => {
        process.off('exit', release);
        release();
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new DataDirError(`Cannot create the lock file ${file}: ${(error as Error).message}`);
      }
      const owner = readOwner(file);
      if (owner && isLiveOwner(owner)) {
        throw new DataDirError(
          `${dir} is in use by another spotlight.cam process (pid ${owner.pid} on ${owner.host}, since ${owner.startedAt}): stop it first, or set DATA_DIR to another directory.`,
        );
      }
      // Stale (or half-written by a process that died at once): take it over, once.
      try {
        unlinkSync(file);
      } catch {
        // another process took it over first; the next attempt finds its lock
      }
    }
  }
  throw new DataDirError(`${dir} is being opened by another process right now: try again.`);
}

const ADVICE = 'Restore it from a backup, or move it away to start with an empty database.';

/**
 * Refuses a directory that cannot be a database: a file in its place, or files without
 * PG_VERSION (a half-copied or damaged cluster, which PGlite would silently re-initialise).
 * A missing or empty directory is a new database.
 */
export function checkDataDir(dir: string): void {
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory()) {
    throw new DataDirError(`${dir} is a file, not a database directory. ${ADVICE}`);
  }
  const entries = readdirSync(dir);
  if (entries.length > 0 && !entries.includes('PG_VERSION')) {
    throw new DataDirError(
      `${dir} holds files but no PG_VERSION, so it is not a complete database. ${ADVICE}`,
    );
  }
}

/** The error PGlite gave on a directory that passed checkDataDir, in the same words. */
export const damagedDataDir = (dir: string, error: unknown) =>
  new DataDirError(
    `${dir} does not open as a database (${error instanceof Error ? error.message : String(error)}). ${ADVICE}`,
  );
