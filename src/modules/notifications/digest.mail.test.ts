import { describe, expect, it } from 'vitest';
import { DIGEST_MAX_ITEMS, digestMail } from './digest.mail.js';

const to = { email: 'olivia@agency.example', name: 'Olivia <O’Brien>', locale: 'en' as const };

describe('the digest mail', () => {
  it('names the count, lists each notice with an absolute link, and says how to turn it off', () => {
    const mail = digestMail(to, [{ title: 'Follow-up overdue: Send the MOU', body: 'Due Jan 31, 2011.', link: '/engagements/e1' }], 'https://cadre.example.org/');
    expect(mail.to).toBe('olivia@agency.example');
    expect(mail.subject).toBe('Cadre: 1 unread notification');
    expect(mail.text).toContain('* Follow-up overdue: Send the MOU\n  Due Jan 31, 2011.\n  https://cadre.example.org/engagements/e1\n');
    expect(mail.text).toContain('Turn it off: https://cadre.example.org/account/notifications');
    expect(mail.html).toContain('<a href="https://cadre.example.org/engagements/e1">Follow-up overdue: Send the MOU</a>');
  });

  it('escapes what users wrote in its HTML, and keeps links under a public URL with a path', () => {
    const mail = digestMail(to, [{ title: 'Import finished: <script>.csv', body: 'A & B', link: '/imports/i1?x="1"' }], 'https://example.org/cadre');
    expect(mail.html).toContain('Hello Olivia &lt;O’Brien&gt;,');
    expect(mail.html).toContain('Import finished: &lt;script&gt;.csv');
    expect(mail.html).toContain('A &amp; B');
    expect(mail.html).not.toContain('<script>');
    expect(mail.text).toContain('https://example.org/cadre/imports/i1?x="1"');
    expect(mail.html).toContain('href="https://example.org/cadre/imports/i1?x=&quot;1&quot;"');
  });

  it('lists at most DIGEST_MAX_ITEMS notices, then says how many more', () => {
    const items = Array.from({ length: DIGEST_MAX_ITEMS + 2 }, (_, i) => ({ title: `Notice ${i}`, body: 'Body.', link: null }));
    const mail = digestMail(to, items, 'https://cadre.example.org');
    expect(mail.subject).toBe(`Cadre: ${DIGEST_MAX_ITEMS + 2} unread notifications`);
    expect(mail.text).toContain(`Notice ${DIGEST_MAX_ITEMS - 1}`);
    expect(mail.text).not.toContain(`Notice ${DIGEST_MAX_ITEMS}\n`);
    expect(mail.text).toContain('And 2 more.');
  });
});
