import { describe, expect, it } from 'vitest';
import { formatDateIn } from './dates';

describe('dates in the interface’s language', () => {
  const day = new Date('2010-09-20T00:00:00Z');

  it('writes Kreyòl months in Kreyòl, in Haiti’s order', () => {
    expect(formatDateIn('ht', day, { dateStyle: 'long', timeZone: 'UTC' })).toBe('20 septanm 2010');
    expect(formatDateIn('ht', new Date('2026-11-30T00:00:00Z'), { dateStyle: 'medium', timeZone: 'UTC' })).toBe('30 novanm 2026');
  });

  it('leaves every other language to Intl', () => {
    expect(formatDateIn('es', day, { dateStyle: 'long', timeZone: 'UTC' })).toBe('20 de septiembre de 2010');
    expect(formatDateIn('fr', day, { dateStyle: 'long', timeZone: 'UTC' })).toBe('20 septembre 2010');
    expect(formatDateIn('en', day, { dateStyle: 'medium', timeZone: 'UTC' })).toBe('Sep 20, 2010');
  });
});
