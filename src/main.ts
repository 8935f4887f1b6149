import { packageVersion } from './app.js';
import { buildProgram, describeCliError } from './cli/program.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** `.env` in the working directory, if there is one, fills in what the environment does not set. */
function loadDotenv() {
  try {
    process.loadEnvFile();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    process.stderr.write(`cadre: cannot read .env: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
}

// The environment is read here, once, and handed down.
loadDotenv();
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
