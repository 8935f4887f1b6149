import { type ChildProcess, spawn } from 'node:child_process';
import readline from 'node:readline';
import type { DatabaseTarget } from '../../src/config.js';

/** A `cadre serve` process started by a test, on a database the test made. */
export interface Server {
  child: ChildProcess;
  url: string;
  /** Every line it has printed to stdout (its log, at the level asked), as they come. */
  output: string[];
}

export function databaseUrl(target: DatabaseTarget): string {
  return target.engine === 'postgres' ? target.url : `sqlite:${target.file}`;
}

/**
 * Starts `cadre serve` on a free port and resolves once it says where it runs; rejects with what
 * it printed to stderr if it exits first (a migration that failed, say).
 */
export function startServer(target: DatabaseTarget, env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, ['bin/cadre.js', 'serve', '--no-demo', '--port', '0'], {
    // Second factors off unless a test asks for them: the suites sign in as admins with passwords.
    env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl(target), LOG_LEVEL: 'warn', CADRE_REQUIRE_SECOND_FACTOR: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const output: string[] = [];
  return new Promise<Server>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`cadre serve exited with ${code}: ${stderr.trim()}`)));
    readline.createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      output.push(line);
      const match = /running at (http:\/\/\S+) /.exec(line);
      if (match?.[1]) resolve({ child, url: match[1], output });
    });
  });
}

export async function stopServer({ child }: Server): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** A signed-in browser session against one server: its cookie and CSRF token on every call. */
export interface Session {
  headers: Record<string, string>;
  send(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown, version?: number): Promise<Response>;
}

export async function signIn(server: Server, email: string, password: string): Promise<Session> {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (login.status !== 200) throw new Error(`sign-in as ${email} answered ${login.status}: ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { cookie, 'x-csrf-token': csrfToken };
  return {
    headers,
    send: (method, url, body, version) =>
      fetch(`${server.url}${url}`, {
        method,
        headers: { ...headers, ...(body !== undefined && { 'content-type': 'application/json' }), ...(version !== undefined && { 'if-match': `"${version}"` }) },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      }),
  };
}

/** Ends a server as a power cut would (SIGKILL): no shutdown work runs. */
export async function killServer({ child }: Server): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}
