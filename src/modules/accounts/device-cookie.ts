import { hmacHex, randomToken, safeEqual } from '../../platform/crypto.js';

/**
 * OWASP's device cookie: a browser that signed in to an account gets a value signed for that
 * account, and its later attempts on that account are counted apart from everyone else's, so a
 * flood of wrong passwords from elsewhere does not keep the owner out of their own browser.
 */
export const DEVICE_COOKIE = 'cadre_device';
export const DEVICE_COOKIE_DAYS = 365;

export function issueDeviceCookie(key: Buffer, email: string): string {
  const nonce = randomToken(16);
  return `${nonce}.${hmacHex(key, `device:${email}:${nonce}`)}`;
}

/** The cookie's nonce when it was signed for this account, else null. */
export function deviceOf(key: Buffer, email: string, cookie: string | undefined): string | null {
  const [nonce, signature, extra] = (cookie ?? '').split('.');
  if (!nonce || !signature || extra !== undefined) return null;
  return safeEqual(signature, hmacHex(key, `device:${email}:${nonce}`)) ? nonce : null;
}
