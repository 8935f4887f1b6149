import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { htmlDocument, pdfPages } from '../../../test/support/documents.js';
import type { YearReport } from './year-report.js';
import { yearReportHtml } from './year-report.html.js';
import { yearReportMarkdown } from './year-report.markdown.js';
import { yearReportPdf } from './year-report.pdf.js';

/** Names as hostile as a form lets anyone type them. */
const SCRIPT = '<script>alert(1)</script> Police';
const IMAGE = '<img src=x onerror=alert(1)>';
const MARKUP = 'Corrections | *Bureau* # _of_ `Prisons` [link](http://x) &amp; www.x.org a@b.org';
const PERSON = 'Chief <b>Ana</b> | #1 *Ruiz*';
const MEETING = '# Talks <iframe src=x></iframe> | about *training*';
const NONLATIN = 'Полиция Αστυνομία';

function hostileYear(): YearReport {
  return {
    year: 2010,
    issuedOn: '2011-01-10',
    office: { name: 'Office <em>of</em> | Programs', acronym: '<PO>' },
    partners: [
      { name: SCRIPT, acronym: null, kind: 'municipal_police', stage: 'active', since: '2010-02-01' },
      { name: IMAGE, acronym: null, kind: 'state_corrections', stage: 'prospect', since: '2010-03-01' },
      { name: MARKUP, acronym: null, kind: 'federal_agency', stage: 'active', since: '2010-04-01' },
      { name: NONLATIN, acronym: null, kind: 'foreign_police', stage: 'active', since: '2010-05-01' },
    ],
    partnersByKind: [],
    engagements: [{ date: '2010-06-01', organization: IMAGE, kind: 'meeting', title: MEETING, participants: [PERSON], outcome: 'Agreed <u>terms</u>.' }],
    deployments: [
      {
        title: `Deployment ${IMAGE}`,
        hostCountry: 'HT',
        hostOrganization: SCRIPT,
        purposes: ['mentor'],
        startOn: '2010-08-09',
        endOn: '2010-11-06',
        days: 90,
        officers: 3,
        sendingOrganizations: [SCRIPT],
        personDaysInYear: 270,
      },
    ],
    training: {
      instructorsCertified: { domestic: 12, abroad: 0 },
      instructorsHoldingAtYearEnd: { domestic: 12, abroad: 0 },
      instructorsHoldingByTrack: [{ track: 'corrections', domestic: 12, abroad: 0 }],
      peopleTrained: 20,
      domesticInstructorsByAgency: [{ organization: MARKUP, count: 12 }],
      abroad: [{ country: 'SV', offerings: 1, peopleTrained: 20, newInstructors: 2 }],
      trainedByCountryAndSex: [{ country: 'SV', female: 10, male: 10, unrecorded: 0, total: 20 }],
    },
    cascade: { generations: [{ generation: 0, peopleTrained: 0, newInstructors: 1 }, { generation: 1, peopleTrained: 20, newInstructors: 2 }], byCountry: [], totalTrained: 20, multiplier: 1 },
    countriesAssisted: [{ country: 'HT', deployments: 1, peopleTrained: 0 }, { country: 'SV', deployments: 0, peopleTrained: 20 }],
    nextYear: {
      prospects: [{ name: IMAGE, stage: 'prospect' }],
      followUps: [{ title: MEETING, dueOn: '2011-02-01', organization: IMAGE }],
      offerings: [],
      deployments: [],
      renewals: [{ reference: 'LOA|1*', organization: SCRIPT, renewalDueOn: '2011-09-30' }],
    },
  };
}

const squash = (text: string) => text.replace(/\s+/g, ' ');

describe('user text in the year report', () => {
  it('is text, never markup, in the HTML', () => {
    const document = htmlDocument(yearReportHtml(hostileYear()));
    // Only what the report itself draws: no element that came from a name.
    expect(document.querySelectorAll('script, img, iframe, em, b, u, a[href^="http"]')).toHaveLength(0);
    expect([...document.querySelectorAll('[onerror]')]).toHaveLength(0);
    const text = squash(document.body.textContent ?? '');
    for (const name of [SCRIPT, IMAGE, MARKUP, PERSON, MEETING, NONLATIN, 'Office <em>of</em> | Programs']) expect(text).toContain(squash(name));
    const partners = [...document.querySelectorAll('table')].find((t) => t.querySelector('caption')?.textContent === 'Partners at the end of the year');
    expect([...(partners?.querySelectorAll('tbody td:first-child') ?? [])].map((td) => td.textContent)).toEqual([SCRIPT, IMAGE, MARKUP, NONLATIN]);
  });

  it('reads literally in the Markdown, as marked renders it, and keeps each table’s columns', async () => {
    const markdown = yearReportMarkdown(hostileYear());
    const html = await marked.parse(markdown);
    const document = htmlDocument(html);
    expect(document.querySelectorAll('script, img, iframe, em em, b, u, a')).toHaveLength(0);
    const text = squash(document.body.textContent ?? '');
    for (const name of [SCRIPT, IMAGE, MARKUP, PERSON, MEETING, NONLATIN]) expect(text).toContain(squash(name));
    // A name's `#` makes no heading of its own.
    expect([...document.querySelectorAll('h1, h2, h3')].map((h) => h.textContent)).not.toContain('Talks');
    const tables = [...document.querySelectorAll('table')];
    expect(tables.length).toBeGreaterThan(3);
    for (const table of tables) {
      const columns = table.querySelectorAll('thead th').length;
      for (const row of table.querySelectorAll('tbody tr')) expect(row.querySelectorAll('td')).toHaveLength(columns);
    }
    expect([...tables[0]?.querySelectorAll('tbody td:first-child') ?? []].map((td) => td.textContent)).toEqual([SCRIPT, IMAGE, MARKUP, NONLATIN]);
  });

  it('prints as written in the PDF, in any script', async () => {
    const text = squash((await pdfPages(await yearReportPdf(hostileYear()))).join(' '));
    for (const name of [SCRIPT, IMAGE, MARKUP, NONLATIN]) expect(text).toContain(name);
    expect(text).toContain('Chief <b>Ana</b> | #1 *Ruiz*');
  });
});
