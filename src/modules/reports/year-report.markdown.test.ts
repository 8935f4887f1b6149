import { describe, expect, it } from 'vitest';
import { LISTED } from './year-report.document.js';
import { yearReportMarkdown } from './year-report.markdown.js';
import { largeYear } from '../../../test/support/year-reports.js';

describe('the year report of a large program', () => {
  it('lists what fits and counts the rest, so it stays a report', () => {
    const markdown = yearReportMarkdown(largeYear(300));
    expect(markdown).not.toContain('Agency 299 |');
    expect(markdown).toContain('| Municipal police | 140 | 10 | 150 |');
    expect(markdown).toContain('300 meetings, calls and visits with partners in the year.');
    expect(markdown).toContain(`| ${300 - LISTED} other agencies | ${(300 - LISTED) * 2} |`);
    expect(markdown).toContain('New partnerships being built: 300 (150 engaged, 150 prospect).');
    expect(markdown).toContain(`### Follow-ups due (300, the first ${LISTED} by date)`);
    expect(markdown).toContain(`- and ${300 - LISTED} more.`);
    expect(markdown).toContain('### Scheduled offerings\n\n300 scheduled, by country:');
    expect(markdown).toContain('| El Salvador | 100 |');
    expect(markdown).not.toContain('Course 299');
  });

  it('lists everything while the lists are short', () => {
    const markdown = yearReportMarkdown(largeYear(LISTED));
    expect(markdown).toContain(`| Agency ${LISTED - 1} | Municipal police | Prospect |`);
    expect(markdown).toContain(`Meeting ${LISTED - 1}`);
    expect(markdown).toContain(`- **March 1, 2011**: Course ${LISTED - 1}`);
    expect(markdown).not.toContain('more.');
  });
});
