import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

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
  /** Where reminders are mailed through; without it, reminders are in-app only. */
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  readonly isRunningJobs: boolean;
  /** The IATI organisation identifier the program office reports under. */
  readonly iatiOrgRef: string;
  readonly logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
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

export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const value = parsed.data;
  const dataDir = path.resolve(value.CADRE_DATA_DIR);
  return Object.freeze({
    port: value.PORT,
    host: value.HOST,
    database: Object.freeze(databaseTarget(value.DATABASE_URL, dataDir)),
    dataDir,
    adminEmail: value.CADRE_ADMIN_EMAIL?.toLowerCase(),
    adminPassword: value.CADRE_ADMIN_PASSWORD,
    secretKey: value.CADRE_SECRET_KEY,
    publicUrl: value.CADRE_PUBLIC_URL?.replace(/\/$/, ''),
    trustProxy: value.CADRE_TRUST_PROXY,
    sessionHours: value.CADRE_SESSION_HOURS,
    smtpUrl: value.CADRE_SMTP_URL,
    mailFrom: value.CADRE_MAIL_FROM,
    isRunningJobs: value.CADRE_JOBS === 'on',
    iatiOrgRef: value.CADRE_IATI_ORG_REF,
    logLevel: value.LOG_LEVEL,
  });
}
