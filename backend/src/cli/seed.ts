/**
 * `npm run db:seed`: loads the demo events and accounts into the configured database
 * (DATABASE_URL, or the embedded PGlite in DATA_DIR) and prints how to sign in. Safe to run
 * again: events are updated in place and existing accounts are kept.
 */
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_ROLES, seedDemoData } from '../db/seed';
import { configOrExit, describeDatabase, runIfMain, openConfiguredDatabase } from './database';

async function main(): Promise<number> {
  const config = configOrExit();
  const database = await openConfiguredDatabase(config);
  try {
    const result = await seedDemoData(database.db, config.BCRYPT_COST);
    const { inserted, updated } = result.events;
    const existing = DEMO_ACCOUNTS.length - result.accounts;
    console.log(
      `Demo data in ${describeDatabase(config)}: ${inserted} event(s) inserted, ${updated} updated; ${result.accounts} account(s) created, ${existing} already there.`,
    );
    console.log(`Sign in with any of these accounts, password "${DEMO_PASSWORD}":`);
    for (const account of DEMO_ACCOUNTS) {
      console.log(`  ${account.email.padEnd(27)} ${DEMO_ROLES[account.email]}`);
    }
    return 0;
  } finally {
    await database.close();
  }
}

runIfMain(import.meta.url, main);
