import fs from 'node:fs';
import path from 'node:path';
import { deriveKey, hmacHex, randomToken } from './crypto.js';
import { makePrivateDir, PRIVATE_FILE_MODE, restrictToOwner } from './private-files.js';

export function secretKeyFile(dataDir: string): string {
  return path.join(dataDir, 'secret.key');
}

/** The master secret from configuration or the data directory, or null when there is none; never makes one. */
export function findSecretKey(configured: string | undefined, dataDir: string): string | null {
  if (configured) return configured;
  const file = secretKeyFile(dataDir);
  try {
    const secret = fs.readFileSync(file, 'utf8').trim();
    restrictToOwner(file);
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return null;
  }
}

/**
 * The master secret every signing and encryption key derives from. Taken from configuration
 * when given (required when several hosts share one PostgreSQL); otherwise created once in the
 * data directory, readable by its owner only.
 */
export function resolveSecretKey(configured: string | undefined, dataDir: string): string {
  const found = findSecretKey(configured, dataDir);
  if (found) return found;
  makePrivateDir(dataDir);
  const file = secretKeyFile(dataDir);
  const secret = randomToken(48);
  try {
    fs.writeFileSync(file, `${secret}\n`, { mode: PRIVATE_FILE_MODE, flag: 'wx' });
    return secret;
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return fs.readFileSync(file, 'utf8').trim();
    throw error;
  }
}

/**
 * Names a master secret without revealing it: an HMAC under a key derived for this purpose
 * alone, shortened to 16 hex digits. Backups carry it, so a restore can tell whether it has
 * the key their sealed fields (passport numbers, issuer signing keys) were written under.
 */
export function secretKeyFingerprint(secret: string): string {
  return hmacHex(deriveKey(secret, 'secret-key-fingerprint'), 'cadre master secret').slice(0, 16);
}
