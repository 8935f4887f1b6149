import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { ROLES, type Role } from './platform/access.js';

/**
 * The process configuration. It is parsed once, from the environment handed in by the entry
 * point, and frozen: nothing else in Cadre reads `process.env`, so every setting is visible here.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .refine((value) => /^(postgres(ql)?|sqlite|file):/.test(value), {
      message: 'must start with postgres://, postgresql://, sqlite: or file:',
    })
    .optional(),
  CADRE_DATA_DIR: z.string().min(1).default('./data'),
  CADRE_ADMIN_EMAIL: z.email().optional(),
  CADRE_ADMIN_PASSWORD: z
    .string()
    .min(15, 'must be at least 15 characters')
    .max(256, 'must be at most 256 characters')
    .optional(),
  CADRE_SECRET_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  CADRE_PUBLIC_URL: z.url().optional(),
  CADRE_TRUST_PROXY: z
    .string()
    .default('false')
    .transform((value, ctx) => {
      const parsed = parseTrustProxy(value);
      if (parsed === null) {
        ctx.addIssue({ code: 'custom', message: 'must be false, true, a number of proxy hops, or a comma-separated list of proxy addresses or CIDR ranges' });
        return z.NEVER;
      }
      return parsed;
    })
    .describe('Which proxies may tell the client address and protocol (X-Forwarded-For/-Proto).'),
  CADRE_SESSION_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  CADRE_SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(30),
  CADRE_SMTP_URL: z
    .string()
    .refine((value) => /^smtps?:\/\//.test(value), { message: 'must start with smtp:// or smtps://' })
    .optional(),
  CADRE_MAIL_FROM: z.string().min(3).default('Cadre <no-reply@cadre.localhost>'),
  CADRE_JOBS: z
    .enum(['on', 'off'])
    .default('on')
    .describe('off: this process runs no background jobs (another one does).'),
  CADRE_IATI_ORG_REF: z
    .string()
    .regex(/^[A-Z]{2,}-[A-Za-z0-9-]+$/, 'must be an IATI organisation identifier, such as US-GOV-11 (registration agency, then the number)')
    .default('US-GOV-11')
    .describe('The IATI identifier of the reporting organization; activity identifiers begin with it.'),
  CADRE_REQUIRE_SECOND_FACTOR: z
    .string()
    .default('admin,program_officer')
    .describe('The roles that must sign in with a second factor, comma-separated; empty for none.'),
  CADRE_OIDC_ISSUER: z.url().optional().describe('The OpenID Connect provider to offer sign-in with (its issuer URL).'),
  CADRE_OIDC_CLIENT_ID: z.string().min(1).optional(),
  CADRE_OIDC_PRIVATE_KEY_FILE: z
    .string()
    .min(1)
    .optional()
    .describe('The client\'s private key (PKCS#8 PEM, or a JWK), for private_key_jwt client authentication.'),
  CADRE_OIDC_REDIRECT_URL: z.url().optional().describe('Default: CADRE_PUBLIC_URL + /api/auth/oidc/callback.'),
  CADRE_OIDC_NAME: z.string().min(1).max(60).default('Login.gov').describe('The provider\'s name on the sign-in button.'),
  CADRE_OIDC_ACR_VALUES: z.string().min(1).optional().describe('acr_values asked of the provider, space-separated.'),
  CADRE_OIDC_MFA_ACR: z
    .string()
    .default('http://idmanagement.gov/ns/assurance/aal/2 http://idmanagement.gov/ns/assurance/aal/3 urn:gov:gsa:ac:classes:sp:PasswordProtectedTransport:duo')
    .describe('acr values, space-separated, by which the provider asserts it used more than one factor.'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/**
 * Which proxies are believed about the client: none (`false`), the nearest `n` hops, or only
 * requests arriving from the listed addresses and ranges. Never every sender: a client could
 * then name any address it likes in X-Forwarded-For and step around per-address limits.
 */
export type TrustProxy = false | number | readonly string[];

/** Names proxy-addr (Fastify's trustProxy) knows for groups of addresses. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address, bits, extra] = entry.split('/');
  if (!address || extra !== undefined) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (bits === undefined) return true;
  const prefix = /^\d{1,3}$/.test(bits) ? Number(bits) : Number.NaN;
  return prefix >= 0 && prefix <= (family === 4 ? 32 : 128);
}

/**
 * `false` (or empty): no proxy. A whole number: that many proxies in front, the client address
 * read that many hops back. A list: the proxies' addresses or CIDR ranges. `true`, from before
 * lists were accepted, now means one proxy in front, not "believe anyone".
 */
export function parseTrustProxy(raw: string): TrustProxy | null {
  const value = raw.trim().toLowerCase();
  if (value === '' || value === 'false') return false;
  if (value === 'true') return 1;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return hops === 0 ? false : hops <= 32 ? hops : null;
  }
  const entries = value.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  return entries.length > 0 && entries.every(isProxyAddress) ? Object.freeze(entries) : null;
}

export type DatabaseTarget =
  | { engine: 'sqlite'; file: string }
  | { engine: 'postgres'; url: string };

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly database: DatabaseTarget;
  readonly dataDir: string;
  readonly adminEmail: string | undefined;
  readonly adminPassword: string | undefined;
  readonly secretKey: string | undefined;
  readonly publicUrl: string | undefined;
  readonly trustProxy: TrustProxy;
  readonly sessionHours: number;
  /** A session unused this long ends (NIST SP 800-63B AAL2: 30 minutes of inactivity). */
  readonly sessionIdleMinutes: number;
  /** Where reminders are mailed through; without it, reminders are in-app only. */
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  readonly isRunningJobs: boolean;
  /** The IATI organisation identifier the program office reports under. */
  readonly iatiOrgRef: string;
  /** The roles whose accounts must have, and sign in with, a second factor. */
  readonly secondFactorRoles: readonly Role[];
  /** OpenID Connect sign-in, when configured. */
  readonly oidc: OidcConfig | undefined;
  readonly logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
}

export interface OidcConfig {
  readonly issuer: string;
  readonly clientId: string;
  readonly privateKeyFile: string;
  readonly redirectUrl: string;
  /** The provider's name, as the sign-in button shows it. */
  readonly name: string;
  readonly acrValues: string | undefined;
  /** acr values that assert a sign-in with more than one factor (besides amr `mfa`). */
  readonly multiFactorAcr: readonly string[];
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

function databaseTarget(url: string | undefined, dataDir: string): DatabaseTarget {
  if (!url) return { engine: 'sqlite', file: path.join(dataDir, 'cadre.db') };
  if (/^postgres(ql)?:/.test(url)) return { engine: 'postgres', url };
  const file = url.replace(/^(sqlite|file):(\/\/)?/, '');
  if (!file) throw new ConfigError('DATABASE_URL: a sqlite: URL needs a file path');
  return { engine: 'sqlite', file };
}

function secondFactorRoles(value: string): Role[] {
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const unknown = names.filter((name) => !(ROLES as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new ConfigError(`CADRE_REQUIRE_SECOND_FACTOR: ${unknown.join(', ')} is not a role (roles: ${ROLES.join(', ')})`);
  }
  return [...new Set(names as Role[])];
}

type Env = z.infer<typeof envSchema>;

/** All of issuer, client id and key file, or none: half a configuration is a mistake worth naming. */
function oidcConfig(value: Env, publicUrl: string | undefined, port: number): OidcConfig | undefined {
  const parts = { CADRE_OIDC_ISSUER: value.CADRE_OIDC_ISSUER, CADRE_OIDC_CLIENT_ID: value.CADRE_OIDC_CLIENT_ID, CADRE_OIDC_PRIVATE_KEY_FILE: value.CADRE_OIDC_PRIVATE_KEY_FILE };
  const missing = Object.entries(parts).filter(([, given]) => given === undefined).map(([name]) => name);
  if (missing.length === 3) return undefined;
  if (missing.length > 0) throw new ConfigError(`OpenID Connect sign-in needs ${missing.join(' and ')} too`);
  const base = publicUrl ?? `http://localhost:${port}`;
  return Object.freeze({
    issuer: value.CADRE_OIDC_ISSUER as string,
    clientId: value.CADRE_OIDC_CLIENT_ID as string,
    privateKeyFile: path.resolve(value.CADRE_OIDC_PRIVATE_KEY_FILE as string),
    redirectUrl: value.CADRE_OIDC_REDIRECT_URL ?? `${base}/api/auth/oidc/callback`,
    name: value.CADRE_OIDC_NAME,
    acrValues: value.CADRE_OIDC_ACR_VALUES,
    multiFactorAcr: Object.freeze(value.CADRE_OIDC_MFA_ACR.split(/\s+/).filter(Boolean)),
  });
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const value = parsed.data;
  const dataDir = path.resolve(value.CADRE_DATA_DIR);
  const publicUrl = value.CADRE_PUBLIC_URL?.replace(/\/$/, '');
  return Object.freeze({
    port: value.PORT,
    host: value.HOST,
    database: Object.freeze(databaseTarget(value.DATABASE_URL, dataDir)),
    dataDir,
    adminEmail: value.CADRE_ADMIN_EMAIL?.toLowerCase(),
    adminPassword: value.CADRE_ADMIN_PASSWORD,
    secretKey: value.CADRE_SECRET_KEY,
    publicUrl,
    trustProxy: value.CADRE_TRUST_PROXY,
    sessionHours: value.CADRE_SESSION_HOURS,
    sessionIdleMinutes: value.CADRE_SESSION_IDLE_MINUTES,
    smtpUrl: value.CADRE_SMTP_URL,
    mailFrom: value.CADRE_MAIL_FROM,
    isRunningJobs: value.CADRE_JOBS === 'on',
    iatiOrgRef: value.CADRE_IATI_ORG_REF,
    secondFactorRoles: Object.freeze(secondFactorRoles(value.CADRE_REQUIRE_SECOND_FACTOR)),
    oidc: oidcConfig(value, publicUrl, value.PORT),
    logLevel: value.LOG_LEVEL,
  });
}
