import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/harness.js';
import { DEVICE_COOKIE } from './device-cookie.js';
import { SIGN_IN_LIMITS } from './sign-in-throttle.js';

/**
 * Sign-in throttling: it slows guessing down, counts attempts before checking them (so a burst
 * cannot slip past), keeps the owner's known browser out of an attacker's count, and reads the
 * client address only through the proxies it is told to trust.
 */
let t: TestApp;
let counter = 0;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function createUser() {
  counter += 1;
  const email = `throttled.${counter}.${Math.random().toString(36).slice(2)}@example.test`;
  await t.services.users.create(t.system, { email, name: 'Throttled', role: 'viewer', password: TEST_PASSWORD });
  return email;
}

/** Each test signs in from its own address, so the tests do not count against one another. */
function addressFor(n: number): string {
  return `10.9.${Math.floor(n / 250)}.${(n % 250) + 1}`;
}
let addresses = 0;
const nextAddress = () => addressFor((addresses += 1));

function signIn(email: string, password: string, options: { from?: string; device?: string; headers?: Record<string, string>; app?: TestApp } = {}) {
  return (options.app ?? t).app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    remoteAddress: options.from ?? '10.0.0.1',
    headers: options.headers ?? {},
    ...(options.device && { cookies: { [DEVICE_COOKIE]: options.device } }),
  });
}

const later = (seconds: number) => t.clock.set(new Date(t.clock.now().getTime() + seconds * 1000));

describe('sign-in throttling', () => {
  it('checks at most the free attempts of 32 wrong passwords sent at once', async () => {
    const email = await createUser();
    const from = nextAddress();
    const responses = await Promise.all(Array.from({ length: 32 }, (_, i) => signIn(email, `wrong password number ${i}`, { from })));
    const statuses = responses.map((r) => r.statusCode);
    // 401 means the password was checked; 429 that it was refused before any hashing.
    expect(statuses.filter((s) => s === 401)).toHaveLength(SIGN_IN_LIMITS.account.free);
    expect(statuses.filter((s) => s === 429)).toHaveLength(32 - SIGN_IN_LIMITS.account.free);
    expect(responses.find((r) => r.statusCode === 429)?.headers['content-type']).toContain('application/problem+json');
  });

  it('slows guessing down with a growing wait, with Retry-After, and no lockout', async () => {
    const email = await createUser();
    const from = nextAddress();
    for (let i = 0; i < SIGN_IN_LIMITS.account.free; i += 1) expect((await signIn(email, `wrong ${i}`, { from })).statusCode).toBe(401);
    const first = await signIn(email, TEST_PASSWORD, { from });
    expect(first.statusCode).toBe(429);
    expect(first.headers['retry-after']).toBe('1');
    later(1);
    expect((await signIn(email, 'wrong again', { from })).statusCode).toBe(401);
    const second = await signIn(email, TEST_PASSWORD, { from });
    expect(second.statusCode).toBe(429);
    expect(second.headers['retry-after']).toBe('2');
    later(2);
    // Once the wait is over, the right password is let in: there is no lockout.
    expect((await signIn(email, TEST_PASSWORD, { from })).statusCode).toBe(200);
    // And the account starts afresh after it.
    for (let i = 0; i < SIGN_IN_LIMITS.account.free; i += 1) expect((await signIn(email, `wrong ${i}`, { from })).statusCode).toBe(401);
  });

  it('never waits longer than the ceiling, however long the flood', async () => {
    const email = await createUser();
    const from = nextAddress();
    let wait = 0;
    for (let i = 0; i < 40; i += 1) {
      const response = await signIn(email, `wrong ${i}`, { from });
      if (response.statusCode === 429) {
        wait = Number(response.headers['retry-after']);
        later(wait);
      }
    }
    expect(wait).toBe(SIGN_IN_LIMITS.account.maxDelaySeconds);
  });

  it('waits no longer than the ceiling when the clock was set back', async () => {
    const email = await createUser();
    const from = nextAddress();
    for (let i = 0; i < SIGN_IN_LIMITS.account.free; i += 1) await signIn(email, `wrong ${i}`, { from });
    const now = t.clock.now();
    t.clock.set(new Date(now.getTime() - 86_400_000));
    try {
      const response = await signIn(email, TEST_PASSWORD, { from });
      expect(response.statusCode).toBe(429);
      expect(Number(response.headers['retry-after'])).toBeLessThanOrEqual(SIGN_IN_LIMITS.account.maxDelaySeconds);
    } finally {
      t.clock.set(now);
    }
  });

  it('lets the owner in from a browser that signed in before, while a flood slows everyone else', async () => {
    const email = await createUser();
    const ownersAddress = nextAddress();
    const first = await signIn(email, TEST_PASSWORD, { from: ownersAddress });
    const device = first.cookies.find((c) => c.name === DEVICE_COOKIE);
    expect(device).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth/login' });

    const attacker = nextAddress();
    for (let i = 0; i < 12; i += 1) await signIn(email, `guess ${i}`, { from: attacker });
    expect((await signIn(email, TEST_PASSWORD, { from: attacker })).statusCode).toBe(429);
    // The same right password, without the cookie, from anywhere: slowed as well.
    expect((await signIn(email, TEST_PASSWORD, { from: ownersAddress })).statusCode).toBe(429);
    // With the cookie the account signed in with: in at once.
    expect((await signIn(email, TEST_PASSWORD, { from: ownersAddress, device: device?.value ?? '' })).statusCode).toBe(200);
  });

  it('does not take a device cookie made for another account, or altered', async () => {
    const owner = await createUser();
    const victim = await createUser();
    const from = nextAddress();
    const device = (await signIn(owner, TEST_PASSWORD, { from })).cookies.find((c) => c.name === DEVICE_COOKIE)?.value ?? '';
    for (let i = 0; i < SIGN_IN_LIMITS.account.free; i += 1) await signIn(victim, `guess ${i}`, { from });
    expect((await signIn(victim, 'another guess', { from, device })).statusCode).toBe(429);
    expect((await signIn(owner, 'a wrong one', { from, device: `${device}0` })).statusCode).toBe(401);
  });

  it('counts a known browser apart, and slows it too when it guesses', async () => {
    const email = await createUser();
    const from = nextAddress();
    const device = (await signIn(email, TEST_PASSWORD, { from })).cookies.find((c) => c.name === DEVICE_COOKIE)?.value ?? '';
    for (let i = 0; i < SIGN_IN_LIMITS.device.free; i += 1) expect((await signIn(email, `wrong ${i}`, { from, device })).statusCode).toBe(401);
    expect((await signIn(email, TEST_PASSWORD, { from, device })).statusCode).toBe(429);
  });

  it('slows one address trying many accounts, but not the known browsers behind it', async () => {
    const from = nextAddress();
    const known = await createUser();
    const device = (await signIn(known, TEST_PASSWORD, { from })).cookies.find((c) => c.name === DEVICE_COOKIE)?.value ?? '';
    for (let i = 0; i < SIGN_IN_LIMITS.address.free; i += 1) {
      expect((await signIn(`nobody.${i}.${counter}@example.test`, 'a guess', { from })).statusCode).toBe(401);
    }
    const fresh = await createUser();
    expect((await signIn(fresh, TEST_PASSWORD, { from })).statusCode).toBe(429);
    expect((await signIn(known, TEST_PASSWORD, { from, device })).statusCode).toBe(200);
  });

  it('gives an attempt back when hashing was too busy to check it', async () => {
    const busy = await createTestApp({ hashing: { concurrent: 1, queued: 0 } });
    try {
      await busy.services.users.create(busy.system, { email: 'busy@example.test', name: 'Busy', role: 'viewer', password: TEST_PASSWORD });
      const burst = await Promise.all(Array.from({ length: 6 }, (_, i) => signIn('busy@example.test', `wrong ${i}`, { from: addressFor(900 + i), app: busy })));
      const checked = burst.filter((r) => r.statusCode === 401).length;
      expect(checked).toBeGreaterThanOrEqual(1);
      expect(burst.filter((r) => r.statusCode === 429).every((r) => r.headers['retry-after'] === '1')).toBe(true);
      // Only the attempts that were checked count: the rest of the free ones are still there.
      for (let i = checked; i < SIGN_IN_LIMITS.account.free; i += 1) {
        expect((await signIn('busy@example.test', `wrong again ${i}`, { from: addressFor(950 + i), app: busy })).statusCode).toBe(401);
      }
    } finally {
      await busy.close();
    }
  });

  it('reads the client address only through a trusted proxy, so rotating X-Forwarded-For does not help', async () => {
    for (const trust of ['10.0.0.1', 'true', '10.0.0.0/24']) {
      const proxied = await createTestApp({ env: { CADRE_TRUST_PROXY: trust } });
      try {
        let last = 0;
        for (let i = 0; i <= SIGN_IN_LIMITS.address.free; i += 1) {
          // The client makes up the first entry; the proxy (10.0.0.1) appends the address it saw.
          const headers = { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.7` };
          last = (await signIn(`rotating.${i}@example.test`, 'a guess', { from: '10.0.0.1', headers, app: proxied })).statusCode;
        }
        expect(last, `CADRE_TRUST_PROXY=${trust}`).toBe(429);
        // Another client behind the same proxy is not slowed by it.
        const other = { 'x-forwarded-for': '203.0.113.8' };
        expect((await signIn('someone.else@example.test', 'a guess', { from: '10.0.0.1', headers: other, app: proxied })).statusCode).toBe(401);
      } finally {
        await proxied.close();
      }
    }
  });

  it('does not believe X-Forwarded-For from a sender that is not a trusted proxy', async () => {
    const proxied = await createTestApp({ env: { CADRE_TRUST_PROXY: '10.0.0.1' } });
    try {
      let last = 0;
      for (let i = 0; i <= SIGN_IN_LIMITS.address.free; i += 1) {
        const headers = { 'x-forwarded-for': `198.51.100.${i}` };
        last = (await signIn(`direct.${i}@example.test`, 'a guess', { from: '192.0.2.50', headers, app: proxied })).statusCode;
      }
      expect(last).toBe(429);
    } finally {
      await proxied.close();
    }
  });
});
