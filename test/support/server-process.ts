import { type ChildProcess, spawn } from 'node:child_process';
import readline from 'node:readline';
import type { DatabaseTarget } from '../../src/config.js';

/** `cadre serve` as a separate process on a test database, as an operator runs it. */
export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Ends it as an operator would (SIGTERM), and waits for it to exit. */
  stop(): Promise<void>;
  /** Ends it as a power cut would (SIGKILL): no shutdown work runs. */
  kill(): Promise<void>;
}

export const TEST_SECRET_KEY = 'shared-secret-of-test-processes-0123456789';

export function databaseUrlOf(target: DatabaseTarget): string {
  return target.engine === 'postgres' ? target.url : `sqlite:${target.file}`;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}

export async function startServer(options: {
  target: DatabaseTarget;
  dataDir: string;
  admin: { email: string; password: string };
  env?: Record<string, string>;
}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['bin/cadre.js', 'serve', '--no-demo', '--port', '0'], {
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: databaseUrlOf(options.target),
      CADRE_DATA_DIR: options.dataDir,
      CADRE_SECRET_KEY: TEST_SECRET_KEY,
      CADRE_ADMIN_EMAIL: options.admin.email,
      CADRE_ADMIN_PASSWORD: options.admin.password,
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`cadre serve exited with ${code}`)));
    readline.createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      const match = /running at (http:\/\/\S+) /.exec(line);
      if (match?.[1]) resolve(match[1]);
    });
  });
  return {
    child,
    url,
    async stop() {
      child.kill('SIGTERM');
      await exited(child);
    },
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
  };
}

/** Signs in through the API and answers the headers a browser would send with each change. */
export async function signIn(url: string, credentials: { email: string; password: string }): Promise<Record<string, string>> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  if (response.status !== 200) throw new Error(`sign-in answered ${response.status}: ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
}
