import { countryName, type YearReport } from './year-report.js';

const KIND: Record<string, string> = {
  program_office: 'program office',
  municipal_police: 'municipal police',
  county_sheriff: 'county sheriff',
  state_police: 'state police',
  state_corrections: 'state corrections',
  county_corrections: 'county corrections',
  federal_agency: 'federal agency',
  professional_association: 'professional association',
  academy: 'academy',
  foreign_police: 'foreign police',
  foreign_corrections: 'foreign corrections',
  ministry: 'ministry',
  other: 'other',
};

export const kindLabel = (kind: string) => KIND[kind] ?? kind;
const list = (items: string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);
const table = (head: string[], rows: (string | number)[][]) =>
  [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

/**
 * Past this many entries a list reads better as counts: a large program's report stays a report
 * (the records themselves are in the lists' CSV and XLSX exports).
 */
export const LISTED = 40;

/** Entries counted by a key, largest first, then by name. */
function tally<T>(items: readonly T[], key: (item: T) => string): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** A dated list, in full when short; else the first LISTED and how many more. */
function datedList<T>(title: string, items: readonly T[], line: (item: T) => string): string[] {
  if (items.length === 0) return [];
  const shown = items.slice(0, LISTED).map((item) => `- ${line(item)}`);
  const more = items.length > LISTED ? [`- and ${items.length - LISTED} more.`] : [];
  return [`${title}${items.length > LISTED ? ` (${items.length}, the first ${LISTED} by date)` : ''}:`, '', ...shown, ...more, ''];
}

/** What is scheduled, listed when short, else counted by country. */
function scheduled<T>(title: string, items: readonly T[], country: (item: T) => string, line: (item: T) => string): string[] {
  if (items.length === 0) return [];
  if (items.length <= LISTED) return [`${title}:`, '', ...items.map((item) => `- ${line(item)}`), ''];
  return [`${title}: ${items.length}, by country:`, '', table(['country', 'scheduled'], tally(items, (item) => countryName(country(item)))), ''];
}

/** The year report as Markdown: the text a reports officer edits, and what the golden test holds. */
export function yearReportMarkdown(r: YearReport): string {
  const office = r.office.acronym ? `${r.office.name} (${r.office.acronym})` : r.office.name;
  const out: string[] = [];
  out.push(`# ${r.year}: police and corrections partnerships`, '');
  out.push(`${office}. All figures come from Cadre's records as they stood on 31 December ${r.year}.`, '');

  out.push('## Partners', '');
  const active = r.partners.filter((p) => p.stage === 'active');
  out.push(`${r.partners.length} partners at the end of the year, ${active.length} of them active.`, '');
  if (r.partners.length <= LISTED) {
    out.push(table(['partner', 'kind', 'stage at year end', 'since'], r.partners.map((p) => [p.name, kindLabel(p.kind), p.stage, p.since])), '');
  } else {
    const stages = [...new Set(r.partnersByKind.flatMap((k) => Object.keys(k.stages)))].sort();
    const rows = r.partnersByKind.map((k) => [kindLabel(k.kind), ...stages.map((stage) => k.stages[stage] ?? 0), Object.values(k.stages).reduce((a, b) => a + b, 0)]);
    out.push(table(['kind', ...stages, 'total'], rows), '');
  }

  if (r.engagements.length > LISTED) {
    out.push('## Meetings and visits', '');
    out.push(`${r.engagements.length} meetings, calls and visits with partners in the year.`, '');
    out.push(table(['kind', 'engagements'], tally(r.engagements, (e) => e.kind)), '');
  } else if (r.engagements.length > 0) {
    out.push('## Meetings and visits', '');
    for (const e of r.engagements) {
      out.push(`- ${e.date}, ${e.kind} with ${e.organization}: ${e.title}.${e.participants.length ? ` Taking part: ${e.participants.join('; ')}.` : ''}${e.outcome ? ` ${e.outcome}` : ''}`);
    }
    out.push('');
  }

  out.push('## Deployments abroad', '');
  if (r.deployments.length === 0) out.push('No deployment in the year.', '');
  for (const d of r.deployments) {
    out.push(`### ${d.title}`, '');
    out.push(
      `${d.officers} officers from ${list(d.sendingOrganizations)} deployed to ${countryName(d.hostCountry)} from ${d.startOn} to ${d.endOn} (${d.days} days) to ${list(d.purposes)}${d.hostOrganization ? ` the ${d.hostOrganization}` : ''}: ${d.personDaysInYear} person-days in ${r.year}.`,
      '',
    );
  }

  out.push('## Train-the-trainer', '');
  const t = r.training;
  out.push(
    `${t.instructorsCertified.domestic} U.S. instructors from the partner agencies were certified in ${r.year}, and ${t.instructorsCertified.abroad} instructors abroad. At the end of the year ${t.instructorsHoldingAtYearEnd.domestic} U.S. instructors held an instructor certification, and ${t.instructorsHoldingAtYearEnd.abroad} abroad.`,
    '',
  );
  if (t.domesticInstructorsByAgency.length) {
    const agencies = [...t.domesticInstructorsByAgency].sort((a, b) => b.count - a.count || a.organization.localeCompare(b.organization));
    const rest = agencies.slice(LISTED);
    const rows: (string | number)[][] = agencies.slice(0, LISTED).map((a) => [a.organization, a.count]);
    if (rest.length) rows.push([`${rest.length} other agencies`, rest.reduce((sum, a) => sum + a.count, 0)]);
    out.push(table(['agency', 'certified instructors'], rows), '');
  }
  if (t.abroad.length) {
    out.push(`Training delivered abroad: ${list(t.abroad.map((a) => countryName(a.country)))}.`, '');
    out.push(table(['country', 'offerings', 'people trained', 'new instructors'], t.abroad.map((a) => [countryName(a.country), a.offerings, a.peopleTrained, a.newInstructors])), '');
  }
  if (t.trainedByCountryAndSex.length) {
    out.push('People trained, by country and sex:', '');
    out.push(table(['country', 'women', 'men', 'not recorded', 'total'], t.trainedByCountryAndSex.map((c) => [countryName(c.country), c.female, c.male, c.unrecorded, c.total])), '');
  }

  out.push('## The cascade', '');
  out.push(
    `Generation 0 is the program office's own master instructors. ${r.cascade.totalTrained} people were trained in the cascade in ${r.year}; the multiplier (everyone trained ÷ those trained by generation 0) is ${r.cascade.multiplier ?? 'not defined'}.`,
    '',
  );
  out.push(table(['generation', 'people trained', 'went on to teach'], r.cascade.generations.map((g) => [g.generation, g.peopleTrained, g.newInstructors])), '');
  if (r.cascade.byCountry.length) out.push(table(['country', 'generation', 'people trained'], r.cascade.byCountry.map((c) => [countryName(c.country), c.generation, c.peopleTrained])), '');

  out.push('## Countries assisted', '');
  out.push(list(r.countriesAssisted.map((c) => countryName(c.country))) + '.', '');
  out.push(table(['country', 'deployments', 'people trained'], r.countriesAssisted.map((c) => [countryName(c.country), c.deployments, c.peopleTrained])), '');

  out.push(`## Planned for ${r.year + 1}`, '');
  const n = r.nextYear;
  if (n.prospects.length > LISTED) {
    out.push(`New partnerships being built: ${n.prospects.length} (${tally(n.prospects, (p) => p.stage).map(([stage, count]) => `${count} ${stage}`).join(', ')}).`, '');
  } else if (n.prospects.length) {
    out.push(`New partnerships being built: ${list(n.prospects.map((p) => `${p.name} (${p.stage})`))}.`, '');
  }
  out.push(...datedList('Follow-ups due', n.followUps, (f) => `${f.dueOn}: ${f.title}${f.organization ? ` (${f.organization})` : ''}`));
  out.push(...scheduled('Scheduled offerings', n.offerings, (o) => o.country, (o) => `${o.startOn}: ${o.title}, ${countryName(o.country)}`));
  out.push(...scheduled('Scheduled deployments', n.deployments, (d) => d.hostCountry, (d) => `${d.startOn}: ${d.title}, ${countryName(d.hostCountry)}`));
  out.push(...datedList('Agreements due for renewal', n.renewals, (a) => `${a.renewalDueOn}: ${a.reference} (${a.organization})`));
  out.push('Keep working with the police and corrections partners.', '');
  return out.join('\n');
}
