import { barChart, worldMap } from './charts.js';
import { reportFormats, type ReportFormats } from './report-format.js';
import { countryName, type YearReport } from './year-report.js';

/**
 * The year report as a publication: sections of typed blocks, built once from the YearReport.
 * The HTML, Markdown and PDF renderers each read this model, never another's output, and escape
 * (or draw) user text in their own way: text here is plain, never markup.
 */

/** A piece of text; `strong` sets it apart (a figure, a name the sentence is about). */
export interface Run {
  text: string;
  strong?: boolean;
}

export interface Column {
  header: string;
  numeric: boolean;
}

export type Block =
  | { kind: 'paragraph'; runs: Run[] }
  | { kind: 'subheading'; text: string }
  | { kind: 'list'; items: Run[][] }
  | { kind: 'table'; caption: string; columns: Column[]; rows: string[][] }
  | { kind: 'figure'; svg: string; caption: string }
  | { kind: 'keyFigures'; items: { value: string; label: string }[] };

export interface Section {
  /** A stable anchor for the HTML contents. */
  id: string;
  title: string;
  blocks: Block[];
}

export interface ReportDocument {
  title: string;
  /** What the report is about, without the year: the cover's title. */
  subject: string;
  /** What the report covers, beside its contents. */
  about: string;
  /** The running header of every page but the cover. */
  runningHeader: string;
  office: { name: string; acronym: string | null };
  year: number;
  issued: string;
  asOf: string;
  summary: Section;
  sections: Section[];
  annex: Section;
  formats: ReportFormats;
}

/**
 * Past this many entries a list reads better as counts: a large program's report stays a report
 * (the records themselves are in the lists' CSV and XLSX exports).
 */
export const LISTED = 40;

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
const SUBJECT = 'Police and Corrections Partnerships';
const TRACK: Record<string, string> = { policing: 'police', corrections: 'corrections' };

export const kindLabel = (kind: string) => KIND[kind] ?? kind.replace(/_/g, ' ');
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const text = (value: string): Run => ({ text: value });
const strong = (value: string): Run => ({ text: value, strong: true });
const paragraph = (...runs: Run[]): Block => ({ kind: 'paragraph', runs });

/** Entries counted by a key, largest first, then by name. */
function tally<T>(items: readonly T[], key: (item: T) => string): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function table(caption: string, columns: [string, 'text' | 'number'][], rows: (string | number)[][], f: ReportFormats): Block {
  return {
    kind: 'table',
    caption,
    columns: columns.map(([header, type]) => ({ header, numeric: type === 'number' })),
    rows: rows.map((row) => row.map((cell) => (typeof cell === 'number' ? f.number(cell) : cell))),
  };
}

/** The office as a reader names it: "Bureau of … (INL)". */
function officeName(r: YearReport) {
  return r.office.acronym ? `${r.office.name} (${r.office.acronym})` : r.office.name;
}

/** An organization by its short name where the records have one. */
function withAcronym(r: YearReport, name: string) {
  const acronym = r.partners.find((p) => p.name === name)?.acronym;
  return acronym ? `${name} (${acronym})` : name;
}

function plural(f: ReportFormats, n: number, one: string, many: string) {
  return `${f.number(n)} ${n === 1 ? one : many}`;
}

function summary(r: YearReport, f: ReportFormats): Section {
  const active = r.partners.filter((p) => p.stage === 'active').length;
  const trained = r.training.peopleTrained;
  const holding = r.training.instructorsHoldingAtYearEnd;
  const keyFigures: Block = {
    kind: 'keyFigures',
    items: [
      { value: f.number(active), label: active === 1 ? 'active partner' : 'active partners' },
      { value: f.number(r.deployments.reduce((sum, d) => sum + d.officers, 0)), label: 'officers deployed abroad' },
      { value: f.number(holding.domestic), label: 'U.S. instructors certified' },
      { value: f.number(trained), label: 'people trained' },
      { value: f.number(r.countriesAssisted.length), label: r.countriesAssisted.length === 1 ? 'country assisted' : 'countries assisted' },
    ],
  };
  const highlights: Run[][] = [];
  const activeNames = r.partners.filter((p) => p.stage === 'active').map((p) => p.name);
  if (activeNames.length) {
    highlights.push([
      strong(`${plural(f, activeNames.length, 'active partner', 'active partners')}`),
      text(activeNames.length <= 8 ? ` at the end of ${r.year}: ${f.list(activeNames)}.` : ` at the end of ${r.year}, of ${plural(f, r.partners.length, 'partner', 'partners')} in all.`),
    ]);
  }
  for (const d of r.deployments) {
    const senders = f.list(d.sendingOrganizations.map((o) => withAcronym(r, o)));
    highlights.push([
      strong(`${plural(f, d.officers, 'officer', 'officers')} of ${senders}`),
      text(` deployed to ${countryName(d.hostCountry)} for ${plural(f, d.days, 'day', 'days')} from ${f.date(d.startOn)}`),
      text(d.purposes.length ? ` to ${f.list(d.purposes)}${d.hostOrganization ? ` the ${d.hostOrganization}` : ''}` : ''),
      text(`: ${plural(f, d.personDaysInYear, 'person-day', 'person-days')} in ${r.year}.`),
    ]);
  }
  for (const t of r.training.instructorsHoldingByTrack.filter((x) => x.domestic > 0)) {
    highlights.push([
      strong(`${capital(f.atLeast(t.domestic))} U.S. ${TRACK[t.track] ?? t.track} instructors`),
      text(` of the partner agencies held an instructor certification at the end of ${r.year}.`),
    ]);
  }
  if (r.training.abroad.length) {
    const abroad = r.training.abroad;
    const offerings = abroad.reduce((sum, a) => sum + a.offerings, 0);
    const people = abroad.reduce((sum, a) => sum + a.peopleTrained, 0);
    highlights.push([
      text('Certified instructors delivered '),
      strong(`training in ${f.list(abroad.map((a) => countryName(a.country)))}`),
      text(`: ${plural(f, offerings, 'offering', 'offerings')}, ${plural(f, people, 'person', 'people')} trained.`),
    ]);
  }
  if (r.cascade.multiplier !== null) {
    highlights.push([
      text('Through the cascade of trainers '),
      strong(`${plural(f, r.cascade.totalTrained, 'person was', 'people were')} trained`),
      text(`, ${f.decimal(r.cascade.multiplier)} for every one trained by the program office's own master instructors.`),
    ]);
  }
  const prospective = new Set(r.nextYear.prospects.map((p) => p.name));
  const meetings = r.engagements.filter((e) => prospective.has(e.organization));
  for (const e of meetings) {
    highlights.push([text(`New partnership sought: ${e.kind} with `), strong(e.organization), text(` on ${f.date(e.date)}. ${e.outcome ?? ''}`.trimEnd())]);
  }
  if (r.countriesAssisted.length) {
    highlights.push([strong(`${plural(f, r.countriesAssisted.length, 'country', 'countries')} assisted`), text(`: ${f.list(r.countriesAssisted.map((c) => countryName(c.country)))}.`)]);
  }
  return {
    id: 'summary',
    title: 'Summary',
    blocks: [
      paragraph(text(`In ${r.year} the program office, ${officeName(r)}, worked with domestic police and corrections organizations, and with them assisted the law enforcement and corrections organizations of other countries. This report states the year's work from Cadre's records as they stood on ${f.date(`${r.year}-12-31`)}.`)),
      keyFigures,
      ...(highlights.length ? [{ kind: 'subheading', text: `${r.year} in brief` } as const, { kind: 'list', items: highlights } as const] : []),
    ],
  };
}

function partnersSection(r: YearReport, f: ReportFormats): Section {
  const active = r.partners.filter((p) => p.stage === 'active').length;
  const blocks: Block[] = [paragraph(text(`${plural(f, r.partners.length, 'partner', 'partners')} at the end of the year, `), strong(`${f.number(active)} of them active`), text('.'))];
  if (r.partners.length <= LISTED) {
    blocks.push(
      table(
        'Partners at the end of the year',
        [['Partner', 'text'], ['Kind', 'text'], ['Stage at year end', 'text'], ['Since', 'text']],
        r.partners.map((p) => [p.name, capital(kindLabel(p.kind)), capital(p.stage), f.date(p.since)]),
        f,
      ),
    );
  } else {
    const stages = [...new Set(r.partnersByKind.flatMap((k) => Object.keys(k.stages)))].sort();
    blocks.push(
      table(
        'Partners at the end of the year, by kind and stage',
        [['Kind', 'text'], ...stages.map((s): [string, 'number'] => [capital(s), 'number']), ['Total', 'number']],
        r.partnersByKind.map((k) => [capital(kindLabel(k.kind)), ...stages.map((stage) => k.stages[stage] ?? 0), Object.values(k.stages).reduce((a, b) => a + b, 0)]),
        f,
      ),
    );
  }
  return { id: 'partners', title: 'Partners', blocks };
}

function meetingsSection(r: YearReport, f: ReportFormats): Section | null {
  if (r.engagements.length === 0) return null;
  if (r.engagements.length > LISTED) {
    return {
      id: 'meetings',
      title: 'Meetings and visits',
      blocks: [
        paragraph(text(`${f.number(r.engagements.length)} meetings, calls and visits with partners in the year.`)),
        table('Meetings, calls and visits, by kind', [['Kind', 'text'], ['Engagements', 'number']], tally(r.engagements, (e) => capital(e.kind)), f),
      ],
    };
  }
  const items = r.engagements.map((e): Run[] => [
    strong(f.date(e.date)),
    text(`, ${e.kind} with ${e.organization}: ${e.title}.`),
    text(e.participants.length ? ` Taking part: ${e.participants.join('; ')}.` : ''),
    text(e.outcome ? ` ${e.outcome}` : ''),
  ]);
  return { id: 'meetings', title: 'Meetings and visits', blocks: [{ kind: 'list', items }] };
}

function deploymentsSection(r: YearReport, f: ReportFormats): Section {
  const blocks: Block[] = [];
  if (r.deployments.length === 0) blocks.push(paragraph(text('No deployment in the year.')));
  for (const d of r.deployments) {
    blocks.push({ kind: 'subheading', text: d.title });
    blocks.push(
      paragraph(
        strong(`${plural(f, d.officers, 'officer', 'officers')} from ${f.list(d.sendingOrganizations)}`),
        text(` deployed to ${countryName(d.hostCountry)} from ${f.date(d.startOn)} to ${f.date(d.endOn)} (${plural(f, d.days, 'day', 'days')})`),
        text(d.purposes.length ? ` to ${f.list(d.purposes)}${d.hostOrganization ? ` the ${d.hostOrganization}` : ''}` : ''),
        text(': '),
        strong(`${plural(f, d.personDaysInYear, 'person-day', 'person-days')} in ${r.year}`),
        text('.'),
      ),
    );
  }
  return { id: 'deployments', title: 'Deployments abroad', blocks };
}

function trainingSection(r: YearReport, f: ReportFormats): Section {
  const t = r.training;
  const blocks: Block[] = [
    paragraph(
      strong(`${plural(f, t.instructorsCertified.domestic, 'U.S. instructor', 'U.S. instructors')}`),
      text(` from the partner agencies ${t.instructorsCertified.domestic === 1 ? 'was' : 'were'} certified in ${r.year}, and ${plural(f, t.instructorsCertified.abroad, 'instructor', 'instructors')} abroad. At the end of the year ${plural(f, t.instructorsHoldingAtYearEnd.domestic, 'U.S. instructor', 'U.S. instructors')} held an instructor certification, and ${f.number(t.instructorsHoldingAtYearEnd.abroad)} abroad.`),
    ),
  ];
  if (t.domesticInstructorsByAgency.length) {
    const agencies = [...t.domesticInstructorsByAgency].sort((a, b) => b.count - a.count || a.organization.localeCompare(b.organization));
    const rest = agencies.slice(LISTED);
    const rows: (string | number)[][] = agencies.slice(0, LISTED).map((a) => [a.organization, a.count]);
    if (rest.length) rows.push([`${f.number(rest.length)} other agencies`, rest.reduce((sum, a) => sum + a.count, 0)]);
    blocks.push(table('U.S. instructors holding a certification at year end, by agency', [['Agency', 'text'], ['Certified instructors', 'number']], rows, f));
  }
  if (t.abroad.length) {
    blocks.push(paragraph(text('Training delivered abroad: '), strong(f.list(t.abroad.map((a) => countryName(a.country)))), text('.')));
    blocks.push(
      table(
        'Training delivered abroad',
        [['Country', 'text'], ['Offerings', 'number'], ['People trained', 'number'], ['New instructors', 'number']],
        t.abroad.map((a) => [countryName(a.country), a.offerings, a.peopleTrained, a.newInstructors]),
        f,
      ),
    );
  }
  if (t.trainedByCountryAndSex.length) {
    blocks.push(
      {
        kind: 'figure',
        svg: barChart(`People trained in ${r.year}, by country`, t.trainedByCountryAndSex.map((c) => ({ label: countryName(c.country), value: c.total })), 640, f.number, { drawTitle: false }),
        caption: `People trained in ${r.year}, by the country where they were trained.`,
      },
      table(
        'People trained, by country and sex',
        [['Country', 'text'], ['Women', 'number'], ['Men', 'number'], ['Not recorded', 'number'], ['Total', 'number']],
        t.trainedByCountryAndSex.map((c) => [countryName(c.country), c.female, c.male, c.unrecorded, c.total]),
        f,
      ),
    );
  }
  return { id: 'training', title: 'Train-the-trainer', blocks };
}

function cascadeSection(r: YearReport, f: ReportFormats): Section {
  const c = r.cascade;
  const blocks: Block[] = [
    paragraph(
      text("Generation 0 is the program office's own master instructors; generation 1 are the people they trained, and so on. "),
      strong(`${plural(f, c.totalTrained, 'person was', 'people were')} trained in the cascade in ${r.year}`),
      text(c.multiplier === null ? '; the multiplier is not defined, as generation 0 trained no one.' : `; the multiplier (everyone trained ÷ those trained by generation 0) is ${f.decimal(c.multiplier)}.`),
    ),
  ];
  const generations = c.generations.filter((g) => g.generation > 0);
  if (generations.length) {
    blocks.push({
      kind: 'figure',
      svg: barChart(`People trained in ${r.year}, by generation of the cascade`, generations.map((g) => ({ label: `Generation ${g.generation}`, value: g.peopleTrained })), 640, f.number, { drawTitle: false }),
      caption: `People trained in ${r.year}, by generation of the cascade.`,
    });
  }
  blocks.push(table('The cascade, by generation', [['Generation', 'text'], ['People trained', 'number'], ['Went on to teach', 'number']], c.generations.map((g) => [f.number(g.generation), g.peopleTrained, g.newInstructors]), f));
  if (c.byCountry.length) {
    blocks.push(table('The cascade, by country and generation', [['Country', 'text'], ['Generation', 'number'], ['People trained', 'number']], c.byCountry.map((x) => [countryName(x.country), x.generation, x.peopleTrained]), f));
  }
  return { id: 'cascade', title: 'The cascade', blocks };
}

function countriesSection(r: YearReport, f: ReportFormats): Section {
  const notes = new Map(
    r.countriesAssisted.map((c) => [
      c.country,
      `${countryName(c.country)}: ${[c.deployments ? plural(f, c.deployments, 'deployment', 'deployments') : '', c.peopleTrained ? `${plural(f, c.peopleTrained, 'person', 'people')} trained` : ''].filter(Boolean).join(', ')}`,
    ]),
  );
  if (r.countriesAssisted.length === 0) return { id: 'countries', title: 'Countries assisted', blocks: [paragraph(text('No country was assisted in the year.'))] };
  return {
    id: 'countries',
    title: 'Countries assisted',
    blocks: [
      paragraph(text(`${plural(f, r.countriesAssisted.length, 'country', 'countries')} assisted: `), strong(f.list(r.countriesAssisted.map((c) => countryName(c.country)))), text('.')),
      { kind: 'figure', svg: worldMap(`Countries assisted in ${r.year}`, notes), caption: `Countries assisted in ${r.year}: by a deployment, or by training delivered there.` },
      table('Countries assisted', [['Country', 'text'], ['Deployments', 'number'], ['People trained', 'number']], r.countriesAssisted.map((c) => [countryName(c.country), c.deployments, c.peopleTrained]), f),
    ],
  };
}

/** A dated list, in full when short; else the first LISTED and how many more. */
function datedList<T>(title: string, items: readonly T[], line: (item: T) => Run[], f: ReportFormats): Block[] {
  if (items.length === 0) return [];
  const shown = items.slice(0, LISTED).map(line);
  if (items.length > LISTED) shown.push([text(`and ${f.number(items.length - LISTED)} more.`)]);
  return [{ kind: 'subheading', text: items.length > LISTED ? `${title} (${f.number(items.length)}, the first ${f.number(LISTED)} by date)` : title }, { kind: 'list', items: shown }];
}

/** What is scheduled, listed when short, else counted by country. */
function scheduled<T>(title: string, items: readonly T[], country: (item: T) => string, line: (item: T) => Run[], f: ReportFormats): Block[] {
  if (items.length === 0) return [];
  if (items.length <= LISTED) return [{ kind: 'subheading', text: title }, { kind: 'list', items: items.map(line) }];
  return [
    { kind: 'subheading', text: title },
    paragraph(text(`${f.number(items.length)} scheduled, by country:`)),
    table(`${title}, by country`, [['Country', 'text'], ['Scheduled', 'number']], tally(items, (item) => countryName(country(item))), f),
  ];
}

function plannedSection(r: YearReport, f: ReportFormats): Section {
  const n = r.nextYear;
  const blocks: Block[] = [];
  if (n.prospects.length > LISTED) {
    blocks.push(paragraph(text(`New partnerships being built: ${f.number(n.prospects.length)} (${tally(n.prospects, (p) => p.stage).map(([stage, count]) => `${f.number(count)} ${stage}`).join(', ')}).`)));
  } else if (n.prospects.length) {
    blocks.push(paragraph(text('New partnerships being built: '), ...n.prospects.flatMap((p, i) => [text(i === 0 ? '' : i === n.prospects.length - 1 ? ' and ' : ', '), strong(p.name), text(` (${p.stage})`)]), text('.')));
  } else {
    blocks.push(paragraph(text('No new partnership is being built.')));
  }
  blocks.push(...datedList('Follow-ups due', n.followUps, (x) => [strong(f.date(x.dueOn)), text(`: ${x.title}${x.organization ? ` (${x.organization})` : ''}`)], f));
  blocks.push(...scheduled('Scheduled offerings', n.offerings, (o) => o.country, (o) => [strong(f.date(o.startOn)), text(`: ${o.title}, ${countryName(o.country)}`)], f));
  blocks.push(...scheduled('Scheduled deployments', n.deployments, (d) => d.hostCountry, (d) => [strong(f.date(d.startOn)), text(`: ${d.title}, ${countryName(d.hostCountry)}`)], f));
  blocks.push(...datedList('Agreements due for renewal', n.renewals, (a) => [strong(f.date(a.renewalDueOn)), text(`: ${a.reference} (${a.organization})`)], f));
  return { id: 'planned', title: `Planned for ${r.year + 1}`, blocks };
}

function methods(r: YearReport, f: ReportFormats): Section {
  const yearEnd = f.date(`${r.year}-12-31`);
  const item = (term: string, definition: string): Run[] => [strong(term), text(` ${definition}`)];
  return {
    id: 'methods',
    title: 'Annex: Methods',
    blocks: [
      paragraph(text(`Every figure is a count of records in Cadre, read as they stood on ${yearEnd}, by the same definitions as Cadre's dashboard; each can be opened there as the list of the records it counts.`)),
      {
        kind: 'list',
        items: [
          item('Partners', `are the organizations with a partnership recorded by ${yearEnd}, each at the stage it had reached on that day (prospect, engaged, active…), by the kind of organization.`),
          item('Meetings and visits', `are the engagements with partners that took place in ${r.year}.`),
          item('Deployments', `are those under way at some time in ${r.year} and not cancelled. Officers are the distinct people who were deployed on it (not those only assigned); its days count the first and the last.`),
          item('Person-days', `add up, for each officer, the days deployed that fall within ${r.year}; days not yet served are not counted.`),
          item('Certified instructors', `are the distinct people of partner agencies (not the program office's own master instructors) holding an instructor certification on ${yearEnd}: issued by then, not expired and not revoked. U.S. instructors are those of U.S. agencies; the track (police, corrections) is the certification's.`),
          item('People trained', `are the distinct people who completed a training offering that ended in ${r.year} and was not cancelled, counted once in each country where they were trained.`),
          item('Cascade generations', 'place each person trained by who trained them: generation 1 was trained by the program office\'s master instructors (generation 0), generation 2 by instructors of generation 1, and so on.'),
          item('The multiplier', 'is everyone trained in the cascade divided by those trained directly by generation 0: how many people the program reached for each one it trained itself.'),
          item('Countries assisted', `are the countries abroad that hosted a deployment or training in ${r.year}.`),
          item('Plans', `list the follow-ups due, offerings and deployments scheduled, and agreements due for renewal in ${r.year + 1}, as recorded on the day of issue.`),
        ],
      },
    ],
  };
}

/** The report's publication: what every format shows, in the reader's language and style. */
export function yearReportDocument(r: YearReport, locale = 'en-US'): ReportDocument {
  const f = reportFormats(locale);
  const sections = [partnersSection(r, f), meetingsSection(r, f), deploymentsSection(r, f), trainingSection(r, f), cascadeSection(r, f), countriesSection(r, f), plannedSection(r, f)].filter(
    (s): s is Section => s !== null,
  );
  // A table without rows or a list without items says nothing: the section's sentence says "none".
  const empty = (b: Block) => (b.kind === 'table' && b.rows.length === 0) || (b.kind === 'list' && b.items.length === 0);
  for (const s of [...sections]) s.blocks = s.blocks.filter((b) => !empty(b));
  let figure = 0;
  for (const block of sections.flatMap((s) => s.blocks)) {
    if (block.kind === 'figure') block.caption = `Figure ${f.number((figure += 1))}. ${block.caption}`;
  }
  return {
    title: `${SUBJECT}: ${r.year} Report`,
    subject: SUBJECT,
    about: `${r.office.name} states here the work of its partnerships with domestic police and corrections organizations in ${r.year}: the partners, the officers they deployed abroad, the instructors they certified, the training those instructors delivered, and what is planned for ${r.year + 1}. Every figure comes from the office's records as they stood on ${f.date(`${r.year}-12-31`)}; the annex says what each one counts.`,
    runningHeader: `${r.office.acronym ?? r.office.name} · ${SUBJECT} · ${r.year}`,
    office: r.office,
    year: r.year,
    issued: f.date(r.issuedOn),
    asOf: f.date(`${r.year}-12-31`),
    summary: summary(r, f),
    sections,
    annex: methods(r, f),
    formats: f,
  };
}
