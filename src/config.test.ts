import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseTrustProxy } from './config.js';

describe('configuration', () => {
  it('defaults to SQLite under ./data on port 3000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ engine: 'sqlite', file: path.resolve('data', 'cadre.db') });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads PostgreSQL and SQLite URLs', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h:5432/db' }).database).toEqual({ engine: 'postgres', url: 'postgres://u@h:5432/db' });
    expect(loadConfig({ DATABASE_URL: 'sqlite:/tmp/x.db' }).database).toEqual({ engine: 'sqlite', file: '/tmp/x.db' });
  });

  it('names every wrong setting', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', CADRE_ADMIN_PASSWORD: 'short' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', CADRE_ADMIN_PASSWORD: 'short' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('DATABASE_URL');
      expect(message).toContain('CADRE_ADMIN_PASSWORD: must be at least 15 characters');
    }
  });

  it('ends sessions unused for 30 minutes unless told otherwise, and never after less than 5', () => {
    expect(loadConfig({}).sessionIdleMinutes).toBe(30);
    expect(loadConfig({ CADRE_SESSION_IDLE_MINUTES: '15' }).sessionIdleMinutes).toBe(15);
    expect(() => loadConfig({ CADRE_SESSION_IDLE_MINUTES: '1' })).toThrow(/CADRE_SESSION_IDLE_MINUTES/);
  });

  it('refuses a short secret key', () => {
    expect(() => loadConfig({ CADRE_SECRET_KEY: 'too-short' })).toThrow(/CADRE_SECRET_KEY/);
  });

  it('asks a second factor of admins and program officers unless told otherwise', () => {
    expect(loadConfig({}).secondFactorRoles).toEqual(['admin', 'program_officer']);
    expect(loadConfig({ CADRE_REQUIRE_SECOND_FACTOR: '' }).secondFactorRoles).toEqual([]);
    expect(loadConfig({ CADRE_REQUIRE_SECOND_FACTOR: ' viewer , admin,viewer' }).secondFactorRoles).toEqual(['viewer', 'admin']);
    expect(() => loadConfig({ CADRE_REQUIRE_SECOND_FACTOR: 'admin,superuser' })).toThrow(/CADRE_REQUIRE_SECOND_FACTOR: superuser is not a role/);
  });

  it('configures OpenID Connect sign-in from all of its settings, or not at all', () => {
    expect(loadConfig({}).oidc).toBeUndefined();
    const oidc = loadConfig({
      CADRE_PUBLIC_URL: 'https://cadre.example.gov/',
      CADRE_OIDC_ISSUER: 'https://idp.int.identitysandbox.gov/',
      CADRE_OIDC_CLIENT_ID: 'urn:gov:gsa:openidconnect.profiles:sp:sso:agency:cadre',
      CADRE_OIDC_PRIVATE_KEY_FILE: 'keys/oidc.pem',
    }).oidc;
    expect(oidc).toMatchObject({
      issuer: 'https://idp.int.identitysandbox.gov/',
      clientId: 'urn:gov:gsa:openidconnect.profiles:sp:sso:agency:cadre',
      privateKeyFile: path.resolve('keys/oidc.pem'),
      redirectUrl: 'https://cadre.example.gov/api/auth/oidc/callback',
      name: 'Login.gov',
    });
    expect(oidc?.multiFactorAcr).toContain('http://idmanagement.gov/ns/assurance/aal/2');
    expect(() => loadConfig({ CADRE_OIDC_ISSUER: 'https://idp.example.test' })).toThrow(
      /needs CADRE_OIDC_CLIENT_ID and CADRE_OIDC_PRIVATE_KEY_FILE too/,
    );
  });

  it('trusts no proxy by default, and never every sender', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ CADRE_TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    // `true` from earlier versions keeps working behind the one proxy it was meant for.
    expect(loadConfig({ CADRE_TRUST_PROXY: 'true' }).trustProxy).toBe(1);
    expect(loadConfig({ CADRE_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ CADRE_TRUST_PROXY: '0' }).trustProxy).toBe(false);
  });

  it('reads a list of proxy addresses and ranges', () => {
    expect(loadConfig({ CADRE_TRUST_PROXY: '10.0.0.0/8, 192.168.1.10,::1,fd00::/8,loopback' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '192.168.1.10',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
  });

  it('names a proxy setting it cannot read', () => {
    for (const wrong of ['yes', '10.0.0.0/33', '300.1.1.1', 'proxy.example.test', '10.0.0.1/8/1', ',', '99']) {
      expect(parseTrustProxy(wrong), wrong).toBeNull();
    }
    expect(() => loadConfig({ CADRE_TRUST_PROXY: '10.0.0.0/33' })).toThrow(/CADRE_TRUST_PROXY: must be false, true, a number/);
  });
});
