// `npm run admin -- <command>`: account administration and audit verification, run on the
// server machine against the same database as the server.
import { moveUser, setAccountDisabled, resetPassword } from '../admin/accounts';
import { roleSchema } from '../../shared/domain/directory';
import { verifyAudit } from '../audit/log';
import { openDatabase } from '../store/open';
import { describeDatabase, readConfig } from './config';

const HELP = `Usage: npm run admin -- <command> [args] [--data-dir DIR]   (DATABASE_URL for PostgreSQL)
  verify-audit              check the audit log's hash chain from the first row
  disable-user <username>   disable an account and end its sessions
  enable-user <username>    enable an account again
  reset-password <username> set a new random password (printed once) and end its sessions
  move-user <username> --department D [--manager M|none] [--roles staff,hr_officer]
                            move a person; their clients resynchronize and drop what they may no longer read
A running server ends the sockets of revoked sessions at their next request.`;

async function main(): Promise<number> {
  const config = readConfig(process.argv.slice(2));
  const [command, username] = config.positionals;
  if (config.help || !command) {
    console.log(HELP);
    return command ? 0 : 2;
  }
  const db = await openDatabase(config.database);
  try {
    switch (command) {
      case 'verify-audit': {
        const result = await verifyAudit(db);
        if (result.ok) console.log(`Audit log intact: ${result.rows} rows verified (${describeDatabase(config.database)}).`);
        else console.error(`Audit log BROKEN at row ${result.brokenAt}: ${result.why} (${result.rows} rows verified before it).`);
        return result.ok ? 0 : 1;
      }
      case 'disable-user':
      case 'enable-user': {
        if (!username) throw new Error(`${command} needs a username`);
        const { revoked } = await setAccountDisabled(db, null, username, command === 'disable-user');
        console.log(`${username}: ${command === 'disable-user' ? `disabled, ${revoked.length} session(s) revoked` : 'enabled'}.`);
        return 0;
      }
      case 'reset-password': {
        if (!username) throw new Error('reset-password needs a username');
        const { password } = await resetPassword(db, null, username);
        console.log(`New password for ${username} (shown once): ${password}`);
        return 0;
      }
      case 'move-user': {
        const { department, manager, roles } = config.move;
        if (!username || !department) throw new Error('move-user needs a username and --department');
        await moveUser(db, null, username, {
          departmentId: department,
          ...(manager === undefined ? {} : { managerId: manager === 'none' ? null : manager }),
          ...(roles ? { roles: roles.map((r) => roleSchema.parse(r)) } : {}),
        });
        console.log(`${username} moved to ${department}; takes effect at their clients' next sync.`);
        return 0;
      }
      default:
        console.error(`Unknown command: ${command}\n\n${HELP}`);
        return 2;
    }
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
