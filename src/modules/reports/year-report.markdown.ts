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

/** The year report as Markdown: the text a reports officer edits, and what the golden test holds. */
export function yearReportMarkdown(r: YearReport): string {
  const office = r.office.acronym ? `${r.office.name} (${r.office.acronym})` : r.office.name;
  const out: string[] = [];
  out.push(`# ${r.year}: police and corrections partnerships`, '');
  out.push(`${office}. All figures come from Cadre's records as they stood on 31 December ${r.year}.`, '');

  out.push('## Partners', '');
  const active = r.partners.filter((p) => p.stage === 'active');
  out.push(`${r.partners.length} partners at the end of the year, ${active.length} of them active.`, '');
  out.push(table(['partner', 'kind', 'stage at year end', 'since'], r.partners.map((p) => [p.name, kindLabel(p.kind), p.stage, p.since])), '');

  if (r.engagements.length > 0) {
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
  if (t.domesticInstructorsByAgency.length) out.push(table(['agency', 'certified instructors'], t.domesticInstructorsByAgency.map((a) => [a.organization, a.count])), '');
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
  if (n.prospects.length) out.push(`New partnerships being built: ${list(n.prospects.map((p) => `${p.name} (${p.stage})`))}.`, '');
  if (n.followUps.length) out.push('Follow-ups due:', '', ...n.followUps.map((f) => `- ${f.dueOn}: ${f.title}${f.organization ? ` (${f.organization})` : ''}`), '');
  if (n.offerings.length) out.push('Scheduled offerings:', '', ...n.offerings.map((o) => `- ${o.startOn}: ${o.title}, ${countryName(o.country)}`), '');
  if (n.deployments.length) out.push('Scheduled deployments:', '', ...n.deployments.map((d) => `- ${d.startOn}: ${d.title}, ${countryName(d.hostCountry)}`), '');
  if (n.renewals.length) out.push('Agreements due for renewal:', '', ...n.renewals.map((a) => `- ${a.renewalDueOn}: ${a.reference} (${a.organization})`), '');
  out.push('Keep working with the police and corrections partners.', '');
  return out.join('\n');
}
