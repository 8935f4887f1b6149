import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';

/**
 * IATI Activity Standard 2.03. Cadre builds a plain model of each activity, checks the IATI
 * rules the schema cannot (rulesets/standard.json) and its own (assistance abroad only), and
 * writes the XML in the schema's order.
 */

export interface IatiOrg {
  ref?: string | undefined;
  /** OrganisationType: 10 government, 11 local government, 22 national NGO, 80 academic… */
  type: string;
  name: string;
}

/** OrganisationRole (2.03 has no beneficiary role): 1 funding, 2 accountable, 3 extending, 4 implementing. */
export type IatiRole = '1' | '2' | '3' | '4';

export interface IatiIndicator {
  title: string;
  /** Per period: the actual value, and its breakdown by a dimension (sex, country) when there is one. */
  periods: { start: string; end: string; actual: number; breakdown?: { name: string; value: string; actual: number }[] }[];
}

export interface IatiActivity {
  identifier: string;
  title: string;
  description: string;
  participants: { role: IatiRole; org: IatiOrg }[];
  /** ActivityStatus: 1 pipeline, 2 implementation, 3 finalisation, 4 closed, 5 cancelled. */
  status: '1' | '2' | '3' | '4' | '5';
  dates: { plannedStart?: string | undefined; actualStart?: string | undefined; plannedEnd?: string | undefined; actualEnd?: string | undefined };
  /** ISO 3166-1 alpha-2, with percentages that sum to 100. Never a region: Cadre knows where it worked. */
  recipientCountries: { code: string; percentage: number }[];
  /** DAC 5-digit purpose codes (vocabulary 1). */
  sectors: { code: string; name: string; percentage: number }[];
  /** D01 donor country personnel (officers deployed), D02 other technical assistance (training). */
  aidType: 'D01' | 'D02';
  results: { title: string; indicators: IatiIndicator[] }[];
}

export interface IatiProblem {
  activity: string;
  rule: string;
  message: string;
}

/** Whole percentages that sum to 100, shared as evenly as they can be. */
export function evenPercentages(count: number): number[] {
  if (count === 0) return [];
  const base = Math.floor(100 / count);
  return Array.from({ length: count }, (_, i) => base + (i < 100 - base * count ? 1 : 0));
}

export interface IatiRulesContext {
  /** The reporting organisation's IATI identifier; every activity identifier begins with it. */
  reportingRef: string;
  /** The day the file is made: actual dates may not come after it. */
  today: string;
  /** The office's own country: its domestic work is not assistance, so no activity is published there. */
  homeCountry: string;
}

/**
 * The IATI rules the XSD does not hold (ruleset ids from IATI-Rulesets' standard.json), and
 * Cadre's own (ids beginning `cadre.`): every activity is assistance in a named country abroad.
 */
export function iatiProblems(activities: readonly IatiActivity[], { reportingRef, today, homeCountry }: IatiRulesContext): IatiProblem[] {
  const problems: IatiProblem[] = [];
  const seen = new Set<string>();
  for (const a of activities) {
    const add = (rule: string, message: string) => problems.push({ activity: a.identifier, rule, message });
    if (!a.identifier.startsWith(`${reportingRef}-`)) add('1.1.21', `the identifier must begin with the reporting organisation's identifier, ${reportingRef}-`);
    if (a.identifier === reportingRef) add('1.1.3', "the identifier must differ from the reporting organisation's identifier");
    if (/[/&|?]/.test(a.identifier) || a.identifier.trim() !== a.identifier) add('1.3.13', 'the identifier must not contain /, &, | or ?, nor start or end with spaces');
    if (seen.has(a.identifier)) add('unique', 'the identifier is used by another activity in the file');
    seen.add(a.identifier);
    if (!a.dates.plannedStart && !a.dates.actualStart) add('6.11.1', 'a planned or actual start date is required');
    if (a.sectors.length === 0) add('6.2.2', 'a sector is required');
    const sectorSum = a.sectors.reduce((sum, s) => sum + s.percentage, 0);
    if (a.sectors.length > 0 && sectorSum !== 100) add('2.1.2', `sector percentages sum to ${sectorSum}, not 100`);
    if (a.recipientCountries.length === 0) add('cadre.recipient', 'a recipient country is required: an activity is assistance to a country');
    const countrySum = a.recipientCountries.reduce((sum, c) => sum + c.percentage, 0);
    if (a.recipientCountries.length > 0 && countrySum !== 100) add('3.1.2', `recipient country percentages sum to ${countrySum}, not 100`);
    if (a.recipientCountries.some((c) => c.code === homeCountry)) add('cadre.abroad', `${homeCountry} is the office's own country: work there is not assistance abroad`);
    for (const share of [...a.recipientCountries, ...a.sectors]) {
      if (share.percentage < 0 || share.percentage > 100) add('12.1.1', `the percentage ${share.percentage} is outside 0–100`);
    }
    if (!a.participants.some((p) => p.role === '1')) add('cadre.funding', 'a funding organisation is required');
    const { plannedStart, plannedEnd, actualStart, actualEnd } = a.dates;
    if (plannedStart && plannedEnd && plannedEnd < plannedStart) add('11.1.2', 'the planned end comes before the planned start');
    if (actualStart && actualEnd && actualEnd < actualStart) add('11.1.3', 'the actual end comes before the actual start');
    if (actualStart && actualStart > today) add('11.1.4', `the actual start ${actualStart} is in the future`);
    if (actualEnd && actualEnd > today) add('11.1.5', `the actual end ${actualEnd} is in the future`);
    for (const period of a.results.flatMap((r) => r.indicators.flatMap((i) => i.periods))) {
      if (period.end < period.start) add('8.6.1', `the indicator period ending ${period.end} starts after it, on ${period.start}`);
    }
  }
  return problems;
}

function narrative(parent: XMLBuilder, element: string, text: string, attributes: Record<string, string> = {}) {
  parent.ele(element, attributes).ele('narrative').txt(text);
}

function org(parent: XMLBuilder, element: string, value: IatiOrg, attributes: Record<string, string> = {}) {
  const node = parent.ele(element, { ...(value.ref && { ref: value.ref }), type: value.type, ...attributes });
  node.ele('narrative').txt(value.name);
}

/** The iati-activities document, elements in the order the 2.03 schema requires. */
export async function iatiXml(reporting: IatiOrg & { ref: string }, activities: readonly IatiActivity[], generatedAt: string): Promise<string> {
  const { create } = await import('xmlbuilder2');
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('iati-activities', { version: '2.03', 'generated-datetime': generatedAt });
  for (const a of activities) {
    const node = root.ele('iati-activity', { 'xml:lang': 'en', 'default-currency': 'USD', 'last-updated-datetime': generatedAt, hierarchy: '1' });
    node.ele('iati-identifier').txt(a.identifier);
    org(node, 'reporting-org', reporting);
    narrative(node, 'title', a.title);
    narrative(node, 'description', a.description, { type: '1' });
    for (const p of a.participants) org(node, 'participating-org', p.org, { role: p.role });
    node.ele('activity-status', { code: a.status });
    const dates: [string, string | undefined][] = [['1', a.dates.plannedStart], ['2', a.dates.actualStart], ['3', a.dates.plannedEnd], ['4', a.dates.actualEnd]];
    for (const [type, day] of dates) if (day) node.ele('activity-date', { type, 'iso-date': day });
    // ActivityScope 4, national: each activity is the work in one country.
    if (a.recipientCountries.length === 1) node.ele('activity-scope', { code: '4' });
    for (const c of a.recipientCountries) node.ele('recipient-country', { code: c.code, percentage: String(c.percentage) });
    for (const s of a.sectors) narrative(node, 'sector', s.name, { vocabulary: '1', code: s.code, percentage: String(s.percentage) });
    // Sustainable Development Goal 16: peace, justice and strong institutions.
    node.ele('tag', { vocabulary: '2', code: '16' });
    node.ele('collaboration-type', { code: '1' });
    node.ele('default-flow-type', { code: '10' });
    node.ele('default-finance-type', { code: '110' });
    node.ele('default-aid-type', { code: a.aidType, vocabulary: '1' });
    for (const r of a.results) {
      const result = node.ele('result', { type: '1', 'aggregation-status': '1' });
      narrative(result, 'title', r.title);
      for (const indicator of r.indicators) {
        const i = result.ele('indicator', { measure: '1', ascending: '1' });
        narrative(i, 'title', indicator.title);
        for (const period of indicator.periods) {
          const p = i.ele('period');
          p.ele('period-start', { 'iso-date': period.start });
          p.ele('period-end', { 'iso-date': period.end });
          p.ele('actual', { value: String(period.actual) });
          for (const part of period.breakdown ?? []) {
            p.ele('actual', { value: String(part.actual) }).ele('dimension', { name: part.name, value: part.value });
          }
        }
      }
    }
  }
  return root.end({ prettyPrint: true });
}
