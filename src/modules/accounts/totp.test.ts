import { TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { hashRecoveryCode, newRecoveryCodes, normaliseRecoveryCode, RECOVERY_CODE_COUNT } from './recovery-codes.js';
import { matchTotpStep, newTotpSecret, totpUri } from './totp.js';

const at = new Date('2026-11-28T12:00:10Z');

describe('TOTP', () => {
  it('makes 160-bit base32 secrets and an otpauth URI naming Cadre and the account', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = totpUri(secret, 'admin@example.test');
    expect(uri).toContain('otpauth://totp/Cadre:admin%40example.test?');
    expect(uri).toContain(`secret=${secret}`);
  });

  it('finds the time step of a code, one step either side and no further', () => {
    const secret = newTotpSecret();
    const step = Math.floor(at.getTime() / 30_000);
    const code = (offsetSteps: number) => new TOTP({ secret }).generate({ timestamp: at.getTime() + offsetSteps * 30_000 });
    expect(matchTotpStep(secret, code(0), at)).toBe(step);
    expect(matchTotpStep(secret, code(-1), at)).toBe(step - 1);
    expect(matchTotpStep(secret, code(1), at)).toBe(step + 1);
    expect(matchTotpStep(secret, code(-2), at)).toBeNull();
    expect(matchTotpStep(secret, code(2), at)).toBeNull();
    expect(matchTotpStep(secret, `${code(0).slice(0, 3)} ${code(0).slice(3)}`, at)).toBe(step);
    expect(matchTotpStep(secret, 'abcdef', at)).toBeNull();
  });
});

describe('recovery codes', () => {
  it('makes ten distinct codes, read however they are typed', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const key = Buffer.alloc(32, 7);
    const code = codes[0]!;
    expect(hashRecoveryCode(key, code.toUpperCase().replace(/-/g, ' '))).toBe(hashRecoveryCode(key, code));
    expect(hashRecoveryCode(Buffer.alloc(32, 8), code)).not.toBe(hashRecoveryCode(key, code));
    expect(normaliseRecoveryCode(' AbCd-efgh ')).toBe('abcdefgh');
  });
});
