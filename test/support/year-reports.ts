import type { YearReport } from '../../src/modules/reports/year-report.js';

/** A year of a large program: more partners, meetings, agencies and plans than a report can list. */
export function largeYear(size: number): YearReport {
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  const countries = ['SV', 'BR', 'HT'];
  return {
    year: 2010,
    issuedOn: '2011-01-10',
    office: { name: 'Program Office', acronym: 'PO' },
    partners: range(size).map((i) => ({ name: `Agency ${i}`, acronym: null, kind: i % 2 ? 'municipal_police' : 'state_corrections', stage: i % 3 ? 'active' : 'prospect', since: '2009-01-01' })),
    partnersByKind: [
      { kind: 'municipal_police', stages: { active: size / 2 - 10, prospect: 10 } },
      { kind: 'state_corrections', stages: { active: size / 2 - 5, prospect: 5 } },
    ],
    engagements: range(size).map((i) => ({ date: '2010-05-01', organization: `Agency ${i}`, kind: i % 2 ? 'meeting' : 'visit', title: `Meeting ${i}`, participants: [], outcome: null })),
    deployments: [],
    training: {
      instructorsCertified: { domestic: size * 2, abroad: 0 },
      instructorsHoldingAtYearEnd: { domestic: size * 2, abroad: 0 },
      instructorsHoldingByTrack: [{ track: 'corrections', domestic: size * 2, abroad: 0 }],
      peopleTrained: 0,
      domesticInstructorsByAgency: range(size).map((i) => ({ organization: `Agency ${i}`, count: 2 })),
      abroad: [],
      trainedByCountryAndSex: [],
    },
    cascade: { generations: [], byCountry: [], totalTrained: 0, multiplier: null },
    countriesAssisted: [],
    nextYear: {
      prospects: range(size).map((i) => ({ name: `Prospect ${i}`, stage: i % 2 ? 'engaged' : 'prospect' })),
      followUps: range(size).map((i) => ({ title: `Follow-up ${i}`, dueOn: '2011-02-01', organization: null })),
      offerings: range(size).map((i) => ({ title: `Course ${i}`, country: countries[i % 3] as string, startOn: '2011-03-01' })),
      deployments: [],
      renewals: [],
    },
  };
}

