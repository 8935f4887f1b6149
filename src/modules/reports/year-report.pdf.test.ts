import { describe, expect, it } from 'vitest';
import { pdfPageInk, pdfPages } from '../../../test/support/documents.js';
import { largeYear } from '../../../test/support/year-reports.js';
import { yearReportPdf } from './year-report.pdf.js';

describe('the year report PDF', () => {
  it('lays out a large program on full pages, each numbered, none drawn past its margins', async () => {
    const bytes = await yearReportPdf(largeYear(300));
    const pages = await pdfPages(bytes);
    const ink = await pdfPageInk(bytes, { scale: 0.5 });
    expect(pages.length).toBeGreaterThan(5);
    pages.slice(1).forEach((page, i) => expect(page).toContain(`Page ${i + 2} of ${pages.length}`));
    for (const page of ink) expect(page.ink).toBeGreaterThan(0.025);
    for (const page of ink.slice(1)) expect(page.inkAtEdges).toBe(0);
  });

  it('says so when a year has nothing to report, without empty pages', async () => {
    const bytes = await yearReportPdf(largeYear(0));
    const text = (await pdfPages(bytes)).join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('No deployment in the year.');
    expect(text).toContain('No new partnership is being built.');
    for (const page of await pdfPageInk(bytes, { scale: 0.5 })) expect(page.ink).toBeGreaterThan(0.025);
  });
});
