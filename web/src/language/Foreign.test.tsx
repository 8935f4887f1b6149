import { describe, expect, it } from 'vitest';
import { foreignLang } from './Foreign';

describe('the lang of a record’s text', () => {
  it('is the record’s language where the page speaks another', () => {
    expect(foreignLang('en', 'ht')).toBe('en');
    expect(foreignLang(undefined, 'es')).toBe('en');
    expect(foreignLang('es', 'en')).toBe('es');
  });

  it('is left out where the page speaks it, whatever the region', () => {
    expect(foreignLang('en', 'en')).toBeUndefined();
    expect(foreignLang(null, 'en-XA')).toBeUndefined();
    expect(foreignLang('es', 'es')).toBeUndefined();
  });
});
