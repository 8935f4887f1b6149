import { Argument, Command, Option } from 'commander';
import { ConfigError } from '../config.js';
import { ROLES } from '../platform/access.js';
import { BackupError } from '../platform/db/backup.js';
import { MigrationError } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import { verifyAudit } from './audit.js';
import { rotateKeys } from './keys.js';
import { printClientJwks } from './oidc.js';
import { verifyOffline } from './verify.js';
import { backup, restore } from './backup.js';
import { REPORT_FORMATS } from '../modules/reports/reports.schemas.js';
import { migrate } from './migrate.js';
import { exportIati, reportYear } from './report.js';
import { importCommand, type ImportOptions } from './import.js';
import { IMPORT_KINDS } from '../modules/imports/imports.fields.js';
import { seed } from './seed.js';
import { generate, GenerateError } from './generate.js';
import { SCALES, type Scale } from '../generate/index.js';
import { serve } from './serve.js';
import { createUser } from './user.js';
import { runJobs } from './jobs.js';

export interface CliIo {
  env: Record<string, string | undefined>;
  out: (line: string) => void;
  /** Reads all of standard input, for secrets that must not appear in the process list. */
  readStdin: () => Promise<string>;
  setExitCode: (code: number) => void;
  /** Where progress goes (standard error), when anywhere. */
  progress?: (text: string) => void;
  /** Whether that is a terminal, so a bar can redraw itself. */
  isProgressTty?: boolean;
}

export function buildProgram(io: CliIo, version: string): Command {
  const program = new Command('cadre')
    .description('Cadre: partners, people, deployments, training and certification for a police and corrections assistance program.')
    .version(version)
    .showHelpAfterError('(run with --help for usage)');

  program
    .command('serve')
    .description('Migrate the database, then serve the API and the web app')
    .option('--no-demo', 'do not fill a new embedded database with the 2010 demo program')
    .option('--port <port>', 'port to listen on (default: PORT or 3000)')
    .option('--host <host>', 'address to listen on (default: HOST or 127.0.0.1)')
    .action((options: { demo: boolean; port?: string; host?: string }) => serve(io.env, options, io.out));

  program
    .command('migrate')
    .description('Bring the database schema up to date')
    .option('--status', 'only list the migrations not yet applied')
    .action((options: { status?: boolean }) => migrate(io.env, { status: options.status === true }, io.out));

  program
    .command('seed')
    .description('Fill the database with demo data')
    .requiredOption('--demo', 'the 2010 program: partners, the Richmond meeting, the Haitian National Police')
    .action(() => seed(io.env, io.out));

  program
    .command('generate')
    .description('Fill the database with a synthetic program at a scale (deterministic), for benchmarks and tests at size')
    .addOption(new Option('--scale <scale>', 'small (1/200 of large), medium (1/20) or large (100,000 people, 1,000,000 enrollments)').choices(SCALES).default('small'))
    .option('--seed <number>', 'another program of the same size')
    .option('--replace', 'delete the program the database holds first (user accounts stay)')
    .action((options: { scale: Scale; seed?: string; replace?: boolean }) => generate(io.env, options, { out: io.out, progress: io.progress, isTty: io.isProgressTty }));

  const user = program.command('user').description('Manage user accounts');
  user
    .command('create')
    .description('Create a user; prints a one-time password unless --password-stdin is given')
    .requiredOption('--email <email>', 'sign-in email')
    .requiredOption('--name <name>', 'display name')
    .addOption(new Option('--role <role>', 'role').choices(ROLES).makeOptionMandatory())
    .option('--organization <id>', 'organization id (coordinators)')
    .option('--person <id>', 'person id (instructors)')
    .option('--password-stdin', 'read the password from standard input')
    .action(async (options: { email: string; name: string; role: string; organization?: string; person?: string; passwordStdin?: boolean }) => {
      const password = options.passwordStdin ? (await io.readStdin()).replace(/\r?\n$/, '') : undefined;
      await createUser(io.env, { ...options, password }, io.out);
    });

  const jobs = program.command('jobs').description('The background jobs every server runs on a schedule');
  jobs
    .command('run')
    .description('Run jobs now, whatever their schedule (all of them when none is named): notices')
    .argument('[names...]', 'the jobs to run')
    .action((names: string[]) => runJobs(io.env, names, io.out));

  const audit = program.command('audit').description('The audit log');
  audit
    .command('verify')
    .description('Check the hash chain: exits 1 when an event was removed or altered')
    .action(async () => io.setExitCode(await verifyAudit(io.env, io.out)));

  const keys = program.command('keys').description('The signing keys of credential issuers');
  keys
    .command('rotate')
    .description('Retire an issuer’s signing keys and make new ones (older credentials still verify)')
    .option('--organization <id>', 'the issuer (default: the program office)')
    .action((options: { organization?: string }) => rotateKeys(io.env, options, io.out));

  const oidc = program.command('oidc').description('Sign-in with an OpenID Connect provider');
  oidc
    .command('jwks')
    .description('Print the public key of Cadre’s client, as a JWKS, to register with the provider (private_key_jwt)')
    .option('--key <file>', 'the private key (default: CADRE_OIDC_PRIVATE_KEY_FILE)')
    .action((options: { key?: string }) => printClientJwks(io.env, options, io.out));

  program
    .command('verify')
    .description('Verify a downloaded credential or certificate PDF offline, against the issuer’s published keys')
    .argument('<file>', 'the credential: JSON, a VC-JWT, or a certificate PDF carrying one')
    .requiredOption('--keys <files...>', 'the issuer’s controller document and/or JWKS, as downloaded')
    .option('--status-list <file>', 'the issuer’s status list credential, to check revocation')
    .action(async (file: string, options: { keys: string[]; statusList?: string }) => io.setExitCode(await verifyOffline(file, options, io.out)));

  const report = program.command('report').description('The program’s reports');
  report
    .command('year')
    .description('The year report: partners, meetings, deployments, training, the cascade, countries assisted, plans for the next year')
    .requiredOption('--year <year>', 'the year to report on, such as 2010')
    .addOption(new Option('--format <format>', 'document format').choices(REPORT_FORMATS).default('pdf'))
    .option('-o, --output <file>', 'where to write it (default: cadre-year-report-<year>.<format> here)')
    .action((options: { year: string; format: string; output?: string }) => reportYear(io.env, options, io.out));

  program
    .command('import')
    .description('Import people, organizations, enrollments (an attendance sheet) or certifications from CSV or XLSX: all rows or nothing')
    .addArgument(new Argument('<kind>', 'what the file holds').choices(IMPORT_KINDS))
    .argument('<file>', 'the CSV or XLSX file')
    .option('--dry-run', 'check every row and report the problems; write nothing')
    .option('--map <column=field...>', 'map a column (header, number or letter) to a field, such as "Apellido=familyName"; "Notas=-" leaves a column out')
    .option('--leave-out <column...>', 'confirm a column (header, number or letter) is left out; every column must go to a field or be left out')
    .option('--date-format <order>', 'the order of the file’s dates when they read both ways: DMY, MDY or YMD')
    .option('--valid-only', 'check every row, list the rows left out and why, then import the valid rows (one transaction)')
    .option('--organization <name or id>', 'people: the agency of rows that name none')
    .option('--offering <id>', 'enrollments: the offering the attendance sheet is for')
    .option('--sheet <name>', 'XLSX: the worksheet to read (default: the first)')
    .option('--problems <file>', 'write every problem to this CSV file')
    .action(async (kind: string, file: string, options: ImportOptions) =>
      io.setExitCode(await importCommand(io.env, kind, file, options, { out: io.out, progress: io.progress, isTty: io.isProgressTty })),
    );

  const exports = program.command('export').description('Exports for others to read');
  exports
    .command('iati')
    .description('The year’s activities as IATI Activity Standard 2.03 XML')
    .requiredOption('--year <year>', 'the year to export, such as 2010')
    .option('-o, --output <file>', 'where to write it (default: cadre-iati-<year>.xml here)')
    .action((options: { year: string; output?: string }) => exportIati(io.env, options, io.out));

  program
    .command('backup')
    .description('Back up the database (SQLite: online copy; PostgreSQL: logical export)')
    .option('-o, --output <file>', 'where to write it (default: <data dir>/backups/cadre-<time>.<db|jsonl.gz>)')
    .action((options: { output?: string }) => backup(io.env, options, io.out));

  program
    .command('restore')
    .description('Restore a backup made by `cadre backup`')
    .argument('<file>', 'the backup file')
    .option('--force', 'replace an existing SQLite database file (the old one is kept beside it)')
    .action((file: string, options: { force?: boolean }) => restore(io.env, file, { force: options.force === true }, io.out));

  return program;
}

/** What to print for an error that ends a command, and the exit code: 2 configuration, 3 unreachable, 1 otherwise. */
export function describeCliError(error: unknown): { message: string; code: number } {
  if (error instanceof ConfigError) return { message: error.message, code: 2 };
  if (error instanceof AppError) {
    const details = (error.extra.errors ?? []).map((e) => `\n  ${e.pointer}: ${e.detail}`).join('');
    return { message: `${error.message}${details}`, code: 1 };
  }
  if (error instanceof BackupError || error instanceof MigrationError || error instanceof GenerateError) return { message: error.message, code: 1 };
  const driver = error as { code?: string; message?: string };
  if (driver.code === 'ECONNREFUSED') return { message: `Cannot reach the database: ${driver.message}`, code: 3 };
  if (driver.code === 'EADDRINUSE') return { message: `The port is already in use: ${driver.message}`, code: 3 };
  return { message: `Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, code: 1 };
}
