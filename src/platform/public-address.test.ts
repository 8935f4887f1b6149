import { describe, expect, it } from 'vitest';
import { publicAddress } from './public-address.js';

const FALLBACK = 'http://localhost:3311';

describe('whether the public address can be signed with', () => {
  it('is not public when CADRE_PUBLIC_URL is unset, and names the address Cadre falls back to', () => {
    expect(publicAddress(undefined, FALLBACK)).toEqual({ url: FALLBACK, isPublic: false, problem: 'unset' });
  });

  it.each([
    'https://localhost',
    'https://cadre.localhost',
    'https://LOCALHOST:8443',
    'https://127.0.0.1',
    'https://127.10.0.3:3000',
    'https://[::1]:3000',
    'https://0.0.0.0',
    'https://127.1',
    'https://[::ffff:127.0.0.1]',
  ])('is not public for the loopback address %s', (url) => {
    expect(publicAddress(url, FALLBACK)).toMatchObject({ url, isPublic: false, problem: 'loopback' });
  });

  it('is not public over plain http', () => {
    expect(publicAddress('http://cadre.example.org', FALLBACK)).toMatchObject({ isPublic: false, problem: 'not_https' });
  });

  it.each(['https://cadre.example.org', 'https://cadre.example.org:8443/training', 'https://203.0.113.7', 'https://[2001:db8::1]'])('is public for %s', (url) => {
    expect(publicAddress(url, FALLBACK)).toEqual({ url, isPublic: true, problem: null });
  });
});
