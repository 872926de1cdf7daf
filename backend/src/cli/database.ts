/**
 * What the command-line tools share: the configuration, and the database it names (PostgreSQL
 * at DATABASE_URL, or the embedded PGlite in DATA_DIR), migrated.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig, type Config } from '../config';
import { openDatabase, type DatabaseHandle } from '../db/client';
import { DataDirError } from '../db/data-dir';

/** The configuration, or an exit with every problem listed. */
export function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

/** Where the data goes, for people: never the password of a URL. */
export function describeDatabase(config: Config): string {
  if (!config.DATABASE_URL) return `embedded PGlite in ${path.join(config.DATA_DIR, 'pglite')}`;
  const url = new URL(config.DATABASE_URL);
  return `PostgreSQL ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
}

/** Opens and migrates the configured database. */
export async function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  // PGlite is one process's database: with the server (npm start) running, this refuses.
  const handle = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: path.join(config.DATA_DIR, 'pglite'),
    poolMax: 2,
  }).catch((error: unknown) => {
    if (!(error instanceof DataDirError)) throw error;
    console.error(error.message);
    process.exit(1);
  });
  await handle.migrate();
  return handle;
}

/** True when this module is the script node was started with. */
const isMain = (moduleUrl: string) =>
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(moduleUrl);

/** Runs a command's main when its module is the script node started: exits with its code. */
export function runIfMain(moduleUrl: string, main: () => Promise<number>) {
  if (!isMain(moduleUrl)) return;
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
