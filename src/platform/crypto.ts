import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { AppError } from './errors.js';

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
 * scrypt, as NIST SP 800-63B allows; the cost is stored with each hash so it can be raised
 * later without breaking existing passwords. OWASP's 2^17 is the default.
 */
export function createPasswordHasher(options: { logCost?: number } = {}): PasswordHasher {
  const N = 2 ** (options.logCost ?? 17);
  const r = 8;
  const p = 1;
  const keyLength = 32;
  const derive = (password: string, salt: Buffer, n: number, rr: number, pp: number) =>
    scryptAsync(password.normalize('NFKC'), salt, keyLength, { N: n, r: rr, p: pp, maxmem: 256 * n * rr + 1024 });
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
  return createHash('sha256').update(value).digest('hex');
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
    'This data was sealed under another master secret than the one this server runs with. The operator must start Cadre with the secret key the data was written under (CADRE_SECRET_KEY or the secret.key file of the data directory).',
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
