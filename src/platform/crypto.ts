import { createCipheriv, createDecipheriv, createHmac, hash, hkdfSync, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { promisify } from 'node:util';
import { AppError } from './errors.js';
import { platformText } from './platform.messages.js';

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string | null): Promise<boolean>;
}

/**
 * Runs at most `concurrent` tasks at once and keeps at most `queued` waiting; past that it
 * refuses at once (429 with Retry-After) rather than let work pile up without end.
 */
export function createGate(options: { concurrent: number; queued: number }) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (running < options.concurrent) {
        running += 1;
      } else {
        if (waiting.length >= options.queued) {
          throw new AppError('rate_limited', platformText('passwordsBusy'), { retryAfterSeconds: 1 });
        }
        // The slot is handed over by the task that finishes, so `running` stays as it is.
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
      try {
        return await task();
      } finally {
        const next = waiting.shift();
        if (next) next();
        else running -= 1;
      }
    },
    get load() {
      return { running, waiting: waiting.length };
    },
  };
}

/**
 * scrypt, as NIST SP 800-63B allows; the cost is stored with each hash so it can be raised
 * later without breaking existing passwords. OWASP's 2^17 is the default.
 *
 * Each scrypt holds a libuv thread and 128 MiB for a while: a flood of sign-ins running them
 * all at once would take every core from signed-in requests. So hashing goes through a gate,
 * by default half the cores at once and 8 waiting (a few seconds of work); the rest are told to
 * come back (429), rather than wait behind a flood.
 */
export function createPasswordHasher(
  options: { logCost?: number; concurrent?: number; queued?: number } = {},
): PasswordHasher {
  const gate = createGate({
    concurrent: options.concurrent ?? Math.max(1, Math.floor(availableParallelism() / 2)),
    queued: options.queued ?? 8,
  });
  const N = 2 ** (options.logCost ?? 17);
  const r = 8;
  const p = 1;
  const keyLength = 32;
  const derive = (password: string, salt: Buffer, n: number, rr: number, pp: number) =>
    gate.run(() => scryptAsync(password.normalize('NFKC'), salt, keyLength, { N: n, r: rr, p: pp, maxmem: 256 * n * rr + 1024 }));
  // Compared against when the account does not exist, so that a wrong email costs the same time.
  const decoy = `scrypt$${N}$${r}$${p}$${randomBytes(16).toString('base64url')}$${randomBytes(keyLength).toString('base64url')}`;

  return {
    async hash(password) {
      const salt = randomBytes(16);
      const key = await derive(password, salt, N, r, p);
      return `scrypt$${N}$${r}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
    },
    async verify(password, stored) {
      const [scheme, n, rr, pp, salt, expected] = (stored ?? decoy).split('$');
      if (scheme !== 'scrypt' || !n || !rr || !pp || !salt || !expected) return false;
      const key = await derive(password, Buffer.from(salt, 'base64url'), Number(n), Number(rr), Number(pp));
      const wanted = Buffer.from(expected, 'base64url');
      return stored !== null && key.length === wanted.length && timingSafeEqual(key, wanted);
    },
  };
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256Hex(value: string | Buffer): string {
  // The one-shot form: no Hash object for each of the audit chain's events.
  return hash('sha256', value, 'hex');
}

export function hmacHex(key: Buffer, value: string): string {
  return createHmac('sha256', key).update(value).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Derives an independent key for one purpose from the master secret (HKDF-SHA256). */
export function deriveKey(secret: string, purpose: string, length = 32): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'cadre', purpose, length));
}

/** A sealed field this server's master secret cannot open: a problem for the operator, never a 500. */
export function sealedUnderAnotherKey(): AppError {
  return new AppError(
    'conflict',
    platformText('sealedOtherKey'),
    { rule: 'secret_key.mismatch' },
  );
}

export interface FieldCipher {
  encrypt(plaintext: string, boundTo: string): string;
  decrypt(sealed: string, boundTo: string): string;
}

/**
 * AES-256-GCM for single fields (passport numbers). `boundTo` (the record's id) is authenticated
 * with the value, so a ciphertext copied onto another record fails to decrypt. The version prefix
 * leaves room for key rotation.
 */
export function createFieldCipher(key: Buffer): FieldCipher {
  return {
    encrypt(plaintext, boundTo) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(boundTo));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return `v1.${iv.toString('base64url')}.${body.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}`;
    },
    decrypt(sealed, boundTo) {
      const [version, iv, body, tag] = sealed.split('.');
      if (version !== 'v1' || !iv || body === undefined || !tag) throw new Error('not a sealed field');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(boundTo));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      try {
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        // Authentication failed: most often a restored database started with a new master secret.
        throw sealedUnderAnotherKey();
      }
    },
  };
}
