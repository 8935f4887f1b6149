import { describe, expect, it } from 'vitest';
import { createFieldCipher, createGate, createPasswordHasher, deriveKey } from './crypto.js';
import { AppError } from './errors.js';

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

describe('the hashing gate', () => {
  function deferred() {
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    return { promise, resolve };
  }

  it('runs at most the limit at once, queues a few more and refuses the rest with Retry-After', async () => {
    const gate = createGate({ concurrent: 2, queued: 3 });
    const release = deferred();
    let started = 0;
    const task = async () => {
      started += 1;
      await release.promise;
    };
    const admitted = Array.from({ length: 5 }, () => gate.run(task));
    await Promise.resolve();
    expect(started).toBe(2);
    expect(gate.load).toEqual({ running: 2, waiting: 3 });
    const refused = await gate.run(task).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'rate_limited', extra: { retryAfterSeconds: 1 } });
    release.resolve();
    await Promise.all(admitted);
    expect(started).toBe(5);
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it('frees the slot of a task that fails', async () => {
    const gate = createGate({ concurrent: 1, queued: 0 });
    await expect(gate.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(gate.run(() => Promise.resolve('next'))).resolves.toBe('next');
  });

  it('keeps a flood of hashes from running all at once', async () => {
    const gated = createPasswordHasher({ logCost: 10, concurrent: 1, queued: 2 });
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => gated.verify('a wrong password here', null)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(3);
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
