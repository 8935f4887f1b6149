import { isIP } from 'node:net';

/**
 * Whether the address Cadre is reached at (CADRE_PUBLIC_URL) can be written into what Cadre
 * signs: certificates' QR codes, credentials' issuer and status-list links. A credential signed
 * with a loopback or plain-http address can never be checked by its holder's employer, and it
 * cannot be re-signed without changing what was already handed out.
 */
export interface PublicAddress {
  /** The address credentials and certificates name. */
  readonly url: string;
  readonly isPublic: boolean;
  /** Why it is not public, in a sentence; null when it is. */
  readonly problem: string | null;
}

function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.') || host === '0.0.0.0';
  if (isIP(host) === 6) return host === '::1' || host === '::' || host.startsWith('::ffff:127.');
  return false;
}

/** Judges CADRE_PUBLIC_URL (`configured`); when it is unset Cadre names `fallback`, never public. */
export function publicAddress(configured: string | undefined, fallback: string): PublicAddress {
  if (!configured) return { url: fallback, isPublic: false, problem: 'CADRE_PUBLIC_URL is not set' };
  let parsed: URL;
  try {
    parsed = new URL(configured);
  } catch {
    return { url: configured, isPublic: false, problem: 'CADRE_PUBLIC_URL is not a URL' };
  }
  if (isLoopbackHost(parsed.hostname)) return { url: configured, isPublic: false, problem: 'CADRE_PUBLIC_URL names this machine only (a loopback address)' };
  if (parsed.protocol !== 'https:') return { url: configured, isPublic: false, problem: 'CADRE_PUBLIC_URL does not use https' };
  return { url: configured, isPublic: true, problem: null };
}
