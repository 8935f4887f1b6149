import { describe, expect, it } from 'vitest';
import { ORGANIZATION_KINDS } from './db/enums.js';
import { codeLabel, countryName, yesNo } from './labels.js';

describe('labels', () => {
  it('names every code of a set in words', () => {
    for (const kind of ORGANIZATION_KINDS) expect(codeLabel('organizationKind', kind)).not.toMatch(/_/);
    expect(codeLabel('readiness', 'not_ready')).toBe('Not ready');
    expect(codeLabel('deploymentStatus', 'in_country')).toBe('In country');
  });

  it('reads a code it does not know as the code itself', () => {
    expect(codeLabel('stage', 'retired_stage')).toBe('retired_stage');
  });

  it('names countries from their codes, and keeps a code Intl cannot name', () => {
    expect(countryName('HT')).toBe('Haiti');
    expect(countryName('SV')).toBe('El Salvador');
    expect(countryName('not a code')).toBe('not a code');
  });

  it('says Yes or No', () => {
    expect([yesNo(true), yesNo(false)]).toEqual(['Yes', 'No']);
  });
});
