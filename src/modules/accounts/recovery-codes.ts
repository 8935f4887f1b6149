import { randomInt } from 'node:crypto';
import { hmacHex } from '../../platform/crypto.js';

/** Ten codes of 16 characters from a 32-letter alphabet: 80 bits each, as NIST SP 800-63B asks of look-up secrets with throttling. */
export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const LENGTH = 16;

function randomCode(): string {
  let code = '';
  for (let i = 0; i < LENGTH; i += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return code.match(/.{4}/g)!.join('-');
}

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, randomCode);
}

/** What a person types, however spaced, dashed or cased. */
export function normaliseRecoveryCode(typed: string): string {
  return typed.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Stored keyed-hashed: a copy of the table alone does not let anyone try codes offline. */
export function hashRecoveryCode(key: Buffer, code: string): string {
  return hmacHex(key, `recovery:${normaliseRecoveryCode(code)}`);
}
