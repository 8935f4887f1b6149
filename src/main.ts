import { config as loadDotenv } from 'dotenv';
import { packageVersion } from './app.js';
import { buildProgram } from './cli/program.js';
import { ConfigError } from './config.js';
import { AppError } from './platform/errors.js';
import { BackupError } from './platform/db/backup.js';
import { MigrationError } from './platform/db/database.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function describe(error: unknown): { message: string; code: number } {
  if (error instanceof ConfigError) return { message: error.message, code: 2 };
  if (error instanceof AppError) {
    const details = (error.extra.errors ?? []).map((e) => `\n  ${e.pointer}: ${e.detail}`).join('');
    return { message: `${error.message}${details}`, code: 1 };
  }
  if (error instanceof BackupError || error instanceof MigrationError) return { message: error.message, code: 1 };
  const driver = error as { code?: string; message?: string };
  if (driver.code === 'ECONNREFUSED') return { message: `Cannot reach the database: ${driver.message}`, code: 3 };
  if (driver.code === 'EADDRINUSE') return { message: `The port is already in use: ${driver.message}`, code: 3 };
  return { message: `Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, code: 1 };
}

// The environment is read here, once, and handed down; .env fills in what it does not set.
loadDotenv({ quiet: true });
const program = buildProgram(
  {
    env: { ...process.env },
    out: (line) => process.stdout.write(`${line}\n`),
    readStdin,
    setExitCode: (code) => {
      process.exitCode = code;
    },
  },
  packageVersion(),
);

program.parseAsync(process.argv).catch((error: unknown) => {
  const { message, code } = describe(error);
  process.stderr.write(`cadre: ${message}\n`);
  process.exit(code);
});
