import { JSDOM } from 'jsdom';

/** One iati-activity of an export, read back into what the tests ask about. */
export interface ReadActivity {
  identifier: string;
  hierarchy: string | null;
  title: string;
  description: string;
  reportingRef: string | null;
  participants: { role: string; type: string | null; name: string }[];
  status: string | null;
  dates: Record<string, string>;
  recipientCountries: { code: string; percentage: number }[];
  recipientRegions: string[];
  sectors: { code: string; vocabulary: string | null; percentage: number }[];
  aidType: string | null;
  indicators: Record<string, { actual: number; breakdown: Record<string, number> }>;
}

const text = (element: Element | null | undefined) => element?.querySelector(':scope > narrative')?.textContent ?? '';

/** Reads an IATI activities file with an XML parser (not by pattern), one entry per activity. */
export function readIatiActivities(xml: string): ReadActivity[] {
  const document = new JSDOM(xml, { contentType: 'application/xml' }).window.document;
  return [...document.querySelectorAll('iati-activity')].map((a) => {
    const indicators: ReadActivity['indicators'] = {};
    for (const indicator of a.querySelectorAll('result > indicator')) {
      const actuals = [...indicator.querySelectorAll('period > actual')];
      const total = actuals.find((actual) => !actual.querySelector('dimension'));
      const breakdown = Object.fromEntries(
        actuals.flatMap((actual) => {
          const dimension = actual.querySelector('dimension');
          return dimension ? [[`${dimension.getAttribute('name')}:${dimension.getAttribute('value')}`, Number(actual.getAttribute('value'))]] : [];
        }),
      );
      indicators[text(indicator.querySelector(':scope > title'))] = { actual: Number(total?.getAttribute('value')), breakdown };
    }
    return {
      identifier: a.querySelector('iati-identifier')?.textContent ?? '',
      hierarchy: a.getAttribute('hierarchy'),
      title: text(a.querySelector(':scope > title')),
      description: text(a.querySelector(':scope > description')),
      reportingRef: a.querySelector('reporting-org')?.getAttribute('ref') ?? null,
      participants: [...a.querySelectorAll(':scope > participating-org')].map((p) => ({ role: p.getAttribute('role') ?? '', type: p.getAttribute('type'), name: text(p) })),
      status: a.querySelector('activity-status')?.getAttribute('code') ?? null,
      dates: Object.fromEntries([...a.querySelectorAll(':scope > activity-date')].map((d) => [d.getAttribute('type'), d.getAttribute('iso-date')])),
      recipientCountries: [...a.querySelectorAll(':scope > recipient-country')].map((c) => ({ code: c.getAttribute('code') ?? '', percentage: Number(c.getAttribute('percentage')) })),
      recipientRegions: [...a.querySelectorAll(':scope > recipient-region')].map((r) => r.getAttribute('code') ?? ''),
      sectors: [...a.querySelectorAll(':scope > sector')].map((s) => ({ code: s.getAttribute('code') ?? '', vocabulary: s.getAttribute('vocabulary'), percentage: Number(s.getAttribute('percentage')) })),
      aidType: a.querySelector('default-aid-type')?.getAttribute('code') ?? null,
      indicators,
    };
  });
}
