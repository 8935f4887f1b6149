import { describe, expect, it } from 'vitest';
import { createUserSchema, passwordSchema } from './accounts.schemas.js';

describe('passwords (NIST SP 800-63B rev. 4)', () => {
  it('needs at least 15 characters and nothing else', () => {
    expect(passwordSchema.safeParse('fourteen chars').success).toBe(false);
    expect(passwordSchema.safeParse('fifteen letters').success).toBe(true);
    expect(passwordSchema.safeParse('all lower case and spaces only').success).toBe(true);
  });

  it('accepts long passphrases and any script', () => {
    expect(passwordSchema.safeParse('x'.repeat(5) + 'y'.repeat(5) + 'a long phrase '.repeat(16)).success).toBe(true);
    expect(passwordSchema.safeParse('Lapolis nasyonal Ayiti').success).toBe(true);
  });

  it('refuses known-bad and one-note passwords', () => {
    expect(passwordSchema.safeParse('passwordpassword').success).toBe(false);
    expect(passwordSchema.safeParse('aaaaaaaaaaaaaaaaaaaa').success).toBe(false);
  });
});

describe('user bindings', () => {
  const base = { email: 'Someone@Example.test', name: 'Someone', password: 'a long enough passphrase' };

  it('binds a coordinator to an organization', () => {
    const result = createUserSchema.safeParse({ ...base, role: 'coordinator' });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['organizationId']);
  });

  it('binds an instructor to a person', () => {
    expect(createUserSchema.safeParse({ ...base, role: 'instructor' }).error?.issues[0]?.path).toEqual(['personId']);
  });

  it('binds nobody else', () => {
    const result = createUserSchema.safeParse({ ...base, role: 'viewer', organizationId: '01a22092-12b9-7c6d-8f98-6c1f800debff' });
    expect(result.error?.issues[0]?.message).toBe('must be empty for the role viewer');
  });

  it('keeps emails in lower case', () => {
    expect(createUserSchema.parse({ ...base, role: 'viewer' }).email).toBe('someone@example.test');
  });
});
