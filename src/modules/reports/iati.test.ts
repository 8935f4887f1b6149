import { describe, expect, it } from 'vitest';
import { evenPercentages, type IatiActivity, iatiProblems } from './iati.js';
import { organisationType } from './iati-export.js';

const REF = 'US-GOV-11';
const CONTEXT = { reportingRef: REF, today: '2011-01-15', homeCountry: 'US' };

function activity(overrides: Partial<IatiActivity> = {}): IatiActivity {
  return {
    identifier: `${REF}-CADRE-DEPLOYMENT-1`,
    title: 'Haiti deployment',
    description: 'Officers deployed to Haiti.',
    participants: [
      { role: '1', org: { ref: REF, type: '10', name: 'Program office' } },
      { role: '4', org: { type: '11', name: 'City Police Department' } },
    ],
    status: '4',
    dates: { plannedStart: '2010-08-09', actualStart: '2010-08-09', plannedEnd: '2010-11-06', actualEnd: '2010-11-06' },
    recipientCountries: [{ code: 'HT', percentage: 100 }],
    sectors: [{ code: '15132', name: 'Police', percentage: 100 }],
    aidType: 'D01',
    results: [],
    ...overrides,
  };
}
const rules = (a: IatiActivity[]) => iatiProblems(a, CONTEXT).map((p) => p.rule);

describe('evenPercentages', () => {
  it('shares 100 in whole numbers that sum to 100', () => {
    for (let n = 1; n <= 12; n += 1) {
      const shares = evenPercentages(n);
      expect(shares).toHaveLength(n);
      expect(shares.reduce((a, b) => a + b, 0)).toBe(100);
      expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
    }
    expect(evenPercentages(3)).toEqual([34, 33, 33]);
    expect(evenPercentages(0)).toEqual([]);
  });
});

describe('the IATI rules the schema cannot check', () => {
  it('accepts a well-formed activity', () => {
    expect(iatiProblems([activity()], CONTEXT)).toEqual([]);
  });

  it('wants identifiers that begin with the reporting organisation and are unique and clean', () => {
    expect(rules([activity({ identifier: 'XM-DAC-1-CADRE-1' })])).toEqual(['1.1.21']);
    expect(rules([activity({ identifier: REF })])).toEqual(['1.1.21', '1.1.3']);
    expect(rules([activity({ identifier: `${REF}-A/B` })])).toEqual(['1.3.13']);
    expect(rules([activity(), activity()])).toEqual(['unique']);
  });

  it('wants a start date', () => {
    expect(rules([activity({ dates: { plannedEnd: '2010-11-06' } })])).toEqual(['6.11.1']);
  });

  it('wants sector and geography percentages that sum to 100', () => {
    expect(rules([activity({ sectors: [] })])).toEqual(['6.2.2']);
    expect(rules([activity({ sectors: [{ code: '15132', name: 'Police', percentage: 50 }, { code: '15137', name: 'Prisons', percentage: 49 }] })])).toEqual(['2.1.2']);
    expect(rules([activity({ recipientCountries: [{ code: 'SV', percentage: 50 }, { code: 'BR', percentage: 51 }] })])).toEqual(['3.1.2']);
    expect(rules([activity({ recipientCountries: [{ code: 'SV', percentage: 34 }, { code: 'BR', percentage: 33 }, { code: 'HT', percentage: 33 }] })])).toEqual([]);
    expect(rules([activity({ recipientCountries: [{ code: 'SV', percentage: 120 }, { code: 'BR', percentage: -20 }] })])).toEqual(['12.1.1', '12.1.1']);
  });

  it('wants every activity in a recipient country abroad, never the office’s own, and funded', () => {
    expect(rules([activity({ recipientCountries: [] })])).toEqual(['cadre.recipient']);
    expect(rules([activity({ recipientCountries: [{ code: 'US', percentage: 100 }] })])).toEqual(['cadre.abroad']);
    expect(rules([activity({ recipientCountries: [{ code: 'HT', percentage: 50 }, { code: 'US', percentage: 50 }] })])).toEqual(['cadre.abroad']);
    expect(rules([activity({ participants: [{ role: '4', org: { type: '11', name: 'City Police Department' } }] })])).toEqual(['cadre.funding']);
  });

  it('wants indicator periods that end after they start', () => {
    const indicator = (start: string, end: string) => ({ title: 'Officers deployed', periods: [{ start, end, actual: 6 }] });
    expect(rules([activity({ results: [{ title: 'Officers deployed', indicators: [indicator('2010-01-01', '2010-12-31')] }] })])).toEqual([]);
    expect(rules([activity({ results: [{ title: 'Officers deployed', indicators: [indicator('2010-12-31', '2010-01-01')] }] })])).toEqual(['8.6.1']);
  });

  it('wants dates in order and actual dates not in the future', () => {
    expect(rules([activity({ dates: { plannedStart: '2010-08-09', plannedEnd: '2010-08-01' } })])).toEqual(['11.1.2']);
    expect(rules([activity({ dates: { actualStart: '2010-08-09', actualEnd: '2010-08-01' } })])).toEqual(['11.1.3']);
    expect(rules([activity({ dates: { actualStart: '2011-02-01' } })])).toEqual(['11.1.4']);
    expect(rules([activity({ dates: { actualStart: '2010-08-09', actualEnd: '2011-02-01' } })])).toEqual(['11.1.5']);
  });
});

describe('the IATI organisation type of each kind of organization', () => {
  it('tells national government from state, county and city government, and associations at home from abroad', () => {
    expect(organisationType('federal_agency', 'US', 'US')).toBe('10');
    expect(organisationType('program_office', 'US', 'US')).toBe('10');
    expect(organisationType('foreign_police', 'HT', 'US')).toBe('10');
    expect(organisationType('ministry', 'SV', 'US')).toBe('10');
    for (const kind of ['municipal_police', 'county_sheriff', 'state_police', 'state_corrections', 'county_corrections'] as const) {
      expect(organisationType(kind, 'US', 'US'), kind).toBe('11');
    }
    expect(organisationType('academy', 'SV', 'US')).toBe('80');
    expect(organisationType('professional_association', 'US', 'US')).toBe('22');
    expect(organisationType('professional_association', 'BR', 'US')).toBe('24');
    expect(organisationType('other', 'US', 'US')).toBe('90');
  });
});
