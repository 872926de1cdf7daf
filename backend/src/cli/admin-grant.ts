/**
 * `npm run admin:grant -- <email>` makes an account a site admin; `--revoke` takes it back.
 * Accounts listed in ADMIN_EMAILS are admins anyway, whatever this flag says.
 */
import { createRolesService } from '../modules/roles/service';
import { configOrExit, describeDatabase, runIfMain, openConfiguredDatabase } from './database';

const USAGE = 'Usage: npm run admin:grant -- <email> [--revoke]';

async function main(args: string[]): Promise<number> {
  const revoke = args.includes('--revoke');
  const emails = args.filter((arg) => !arg.startsWith('--'));
  if (emails.length !== 1 || !emails[0]!.includes('@')) {
    console.error(USAGE);
    return 2;
  }
  const email = emails[0]!.trim().toLowerCase();
  const config = configOrExit();
  const database = await openConfiguredDatabase(config);
  try {
    const roles = createRolesService({ db: database.db, config });
    if (!(await roles.setAdmin(email, !revoke))) {
      console.error(`No account with the e-mail ${email} in ${describeDatabase(config)}.`);
      return 1;
    }
    console.log(
      revoke
        ? `${email} is no longer a site admin${config.ADMIN_EMAILS.includes(email) ? ' (but ADMIN_EMAILS still lists it)' : ''}.`
        : `${email} is now a site admin.`,
    );
    return 0;
  } finally {
    await database.close();
  }
}

runIfMain(import.meta.url, () => main(process.argv.slice(2)));
