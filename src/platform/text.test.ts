import { describe, expect, it } from 'vitest';
import { searchKey } from './text.js';

describe('searchKey', () => {
  it('ignores case, accents and spacing', () => {
    expect(searchKey("  Police  Nationale d'Haïti ")).toBe(searchKey("police nationale d'haiti"));
    expect(searchKey('Polícia Penal de São Paulo')).toBe('policia penal de sao paulo');
  });

  it('keeps scripts without case as they are', () => {
    expect(searchKey('شرطة دبي')).toBe('شرطة دبي');
  });
});
