import { describe, expect, it } from 'vitest';
import { createFieldCipher, createPasswordHasher, deriveKey } from './crypto.js';

describe('password hashing', () => {
  const hasher = createPasswordHasher({ logCost: 10 });

  it('verifies the password it hashed, and no other', async () => {
    const stored = await hasher.hash('correct horse battery staple');
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(await hasher.verify('correct horse battery staple', stored)).toBe(true);
    expect(await hasher.verify('correct horse battery stapl', stored)).toBe(false);
    expect(await hasher.verify('correct horse battery staple', null)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hasher.hash('same password twice')).not.toBe(await hasher.hash('same password twice'));
  });

  it('treats the same characters in another Unicode form as the same password', async () => {
    const stored = await hasher.hash('Caf\u00e9 au lait, s\u2019il vous pla\u00eet');
    expect(await hasher.verify('Cafe\u0301 au lait, s\u2019il vous pla\u00eet', stored)).toBe(true);
  });

  it('verifies a hash made at another cost', async () => {
    const stronger = createPasswordHasher({ logCost: 11 });
    expect(await hasher.verify('raised the cost later', await stronger.hash('raised the cost later'))).toBe(true);
  });
});

describe('key derivation', () => {
  it('gives each purpose its own key', () => {
    const secret = 'a master secret of at least thirty-two characters';
    expect(deriveKey(secret, 'csrf').equals(deriveKey(secret, 'csrf'))).toBe(true);
    expect(deriveKey(secret, 'csrf').equals(deriveKey(secret, 'passports'))).toBe(false);
  });
});

describe('field encryption', () => {
  const cipher = createFieldCipher(deriveKey('a master secret of at least thirty-two characters', 'passports'));

  it('round-trips a value and never stores it in the clear', () => {
    const sealed = cipher.encrypt('X1234567', 'person-1');
    expect(sealed).not.toContain('X1234567');
    expect(cipher.decrypt(sealed, 'person-1')).toBe('X1234567');
    expect(cipher.encrypt('X1234567', 'person-1')).not.toBe(sealed);
  });

  it('refuses a value moved to another record, or altered', () => {
    const sealed = cipher.encrypt('X1234567', 'person-1');
    expect(() => cipher.decrypt(sealed, 'person-2')).toThrow();
    const [v, iv, body, tag] = sealed.split('.');
    const flipped = `${v}.${iv}.${(body as string).slice(0, -2)}AA.${tag}`;
    expect(() => cipher.decrypt(flipped, 'person-1')).toThrow();
  });

  it('refuses another key', () => {
    const other = createFieldCipher(deriveKey('another master secret of thirty-two characters', 'passports'));
    expect(() => other.decrypt(cipher.encrypt('X1234567', 'p'), 'p')).toThrow(expect.objectContaining({ code: 'conflict', extra: { rule: 'secret_key.mismatch' } }));
  });
});
