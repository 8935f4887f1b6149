import { config as loadDotenv } from 'dotenv';
import { packageVersion } from './app.js';
import { buildProgram, describeCliError } from './cli/program.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

// The environment is read here, once, and handed down; .env fills in what it does not set.
loadDotenv({ quiet: true });
const program = buildProgram(
  {
    env: { ...process.env },
    out: (line) => process.stdout.write(`${line}\n`),
    readStdin,
    progress: (text) => process.stderr.write(text),
    isProgressTty: process.stderr.isTTY === true,
    setExitCode: (code) => {
      process.exitCode = code;
    },
  },
  packageVersion(),
);

program.parseAsync(process.argv).catch((error: unknown) => {
  const { message, code } = describeCliError(error);
  process.stderr.write(`cadre: ${message}\n`);
  process.exit(code);
});
