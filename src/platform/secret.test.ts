import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSecretKey, resolveSecretKey, secretKeyFingerprint } from './secret.js';

describe('the master secret', () => {
  it('is named by a short fingerprint, the same each time and different for another key', () => {
    const secret = 'a master secret of at least thirty-two characters';
    expect(secretKeyFingerprint(secret)).toMatch(/^[0-9a-f]{16}$/);
    expect(secretKeyFingerprint(secret)).toBe(secretKeyFingerprint(secret));
    expect(secretKeyFingerprint(`${secret}!`)).not.toBe(secretKeyFingerprint(secret));
  });

  it('is found without being made, and made once, private, in a private directory', () => {
    const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-secret-')), 'data');
    try {
      expect(findSecretKey(undefined, dataDir)).toBeNull();
      expect(fs.existsSync(dataDir)).toBe(false);
      const made = resolveSecretKey(undefined, dataDir);
      expect(findSecretKey(undefined, dataDir)).toBe(made);
      expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
      expect(fs.statSync(path.join(dataDir, 'secret.key')).mode & 0o777).toBe(0o600);
      expect(findSecretKey('configured-secret-of-thirty-two-characters', dataDir)).toBe('configured-secret-of-thirty-two-characters');
    } finally {
      fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
    }
  });
});
