import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/dialects.js';
import { type Server, startServer, stopServer } from '../../../test/support/servers.js';

/**
 * Two `cadre serve` processes on one database, each asked at the same moment to take the same
 * authenticator-app code or recovery code: one of them opens a session, the other refuses.
 */

const ADMIN = { email: 'admin@race.test', password: 'two processes racing one code' };
let testDb: TestDatabase;
let dataDir: string;
const servers: Server[] = [];

/** The cookie of a name from a response, as `name=value`. */
function cookieOf(response: Response, name: string): string {
  const line = response.headers.getSetCookie().find((value) => value.startsWith(`${name}=`));
  if (!line) throw new Error(`no ${name} cookie`);
  return line.split(';')[0]!;
}

async function passwordStep(url: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  expect(((await response.json()) as { secondFactorRequired?: boolean }).secondFactorRequired).toBe(true);
  return cookieOf(response, 'cadre_sign_in');
}

function secondStep(url: string, pending: string, body: object) {
  return fetch(`${url}/api/auth/login/second-factor`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: pending }, body: JSON.stringify(body) });
}

beforeAll(async () => {
  testDb = await createTestDatabase({ migrate: false });
  await testDb.database.close();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-race-'));
  const env = {
    CADRE_DATA_DIR: dataDir,
    CADRE_SECRET_KEY: 'shared-secret-of-both-racing-processes-0123',
    CADRE_ADMIN_EMAIL: ADMIN.email,
    CADRE_ADMIN_PASSWORD: ADMIN.password,
    CADRE_REQUIRE_SECOND_FACTOR: 'admin',
  };
  // One after the other: the first migrates and creates the admin.
  servers.push(await startServer(testDb.target, env));
  servers.push(await startServer(testDb.target, env));
}, 60_000);

afterAll(async () => {
  for (const server of servers) await stopServer(server);
  await testDb.drop().catch(() => undefined);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('one code, two servers, at once', () => {
  it('opens one session for a TOTP code and one for a recovery code, never two', async () => {
    const [a, b] = servers.map((server) => server.url) as [string, string];
    // The admin enrols an authenticator app on server A.
    const login = await fetch(`${a}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
    const session = { cookie: cookieOf(login, 'cadre_session'), 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
    const { secret } = (await (await fetch(`${a}/api/account/totp`, { method: 'POST', headers: session })).json()) as { secret: string };
    const enrolled = await fetch(`${a}/api/account/totp/confirm`, {
      method: 'POST',
      headers: { ...session, 'content-type': 'application/json' },
      body: JSON.stringify({ code: new TOTP({ secret }).generate() }),
    });
    const { recoveryCodes } = (await enrolled.json()) as { recoveryCodes: string[] };

    // The next step's code: within the accepted window, and not used yet. Rounds after the first replay it.
    const code = new TOTP({ secret }).generate({ timestamp: Date.now() + 30_000 });
    for (let round = 0; round < 3; round += 1) {
      const [onA, onB] = await Promise.all([passwordStep(a), passwordStep(b)]);
      const totp = await Promise.all([secondStep(a, onA, { method: 'totp', code }), secondStep(b, onB, { method: 'totp', code })]);
      expect(totp.map((response) => response.status).sort(), `TOTP round ${round}`).toEqual(round === 0 ? [200, 401] : [401, 401]);

      const [againA, againB] = await Promise.all([passwordStep(a), passwordStep(b)]);
      const recovery = { method: 'recovery_code', code: recoveryCodes[round] };
      const spent = await Promise.all([secondStep(a, againA, recovery), secondStep(b, againB, recovery)]);
      expect(spent.map((response) => response.status).sort(), `recovery code round ${round}`).toEqual([200, 401]);
    }
  });
});
