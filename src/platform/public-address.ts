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
  /** Why it is not public; null when it is. */
  readonly problem: AddressProblem | null;
}

export const ADDRESS_PROBLEMS = ['unset', 'not_a_url', 'loopback', 'not_https'] as const;
export type AddressProblem = (typeof ADDRESS_PROBLEMS)[number];

/** Why an address is not public, in a sentence naming the setting. */
export const ADDRESS_PROBLEM_TEXT: Record<AddressProblem, string> = {
  unset: 'CADRE_PUBLIC_URL is not set',
  not_a_url: 'CADRE_PUBLIC_URL is not a URL',
  loopback: 'CADRE_PUBLIC_URL names this machine only (a loopback address)',
  not_https: 'CADRE_PUBLIC_URL does not use https',
};

/** A host only this machine reaches. The URL parser has already normalized IPv4 (`127.1`) and IPv6 forms. */
function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) return host.startsWith('127.') || host === '0.0.0.0';
  return host === '[::1]' || host === '[::]' || /^\[::ffff:(7f[0-9a-f]{2}:|127\.)/.test(host);
}

/** Judges CADRE_PUBLIC_URL (`configured`); when it is unset Cadre names `fallback`, never public. */
export function publicAddress(configured: string | undefined, fallback: string): PublicAddress {
  if (!configured) return { url: fallback, isPublic: false, problem: 'unset' };
  let parsed: URL;
  try {
    parsed = new URL(configured);
  } catch {
    return { url: configured, isPublic: false, problem: 'not_a_url' };
  }
  if (isLoopbackHost(parsed.hostname)) return { url: configured, isPublic: false, problem: 'loopback' };
  if (parsed.protocol !== 'https:') return { url: configured, isPublic: false, problem: 'not_https' };
  return { url: configured, isPublic: true, problem: null };
}
