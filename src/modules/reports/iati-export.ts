import type { Kysely } from 'kysely';
import { type Clock, today } from '../../platform/clock.js';
import { longDate } from '../../platform/dates.js';
import { type OrganizationKind, PURPOSES, type Track } from '../../platform/db/enums.js';
import type { DB } from '../../platform/db/schema.js';
import { ruleBroken } from '../../platform/errors.js';
import { reportsText } from './reports.messages.js';
import { calendarYear, personDaysWithin } from '../deployments/person-days.js';
import { type IatiActivity, type IatiIndicator, type IatiOrg, iatiProblems, iatiXml } from './iati.js';
import { iatiRepository } from './iati.repository.js';
import { groupBy, reportsRepository } from './reports.repository.js';
import { countryName } from './year-report.js';

/*
 * How Cadre's records become what a foreign-assistance publisher publishes to IATI.
 *
 * An activity is assistance given abroad, in one recipient country:
 * - each deployment to a country other than the office's own (identifier …-DEPLOYMENT-<id>, stable
 *   across years, so a deployment over New Year is one activity in both years' files), aid type
 *   D01 donor country personnel;
 * - each year's training the program funded in a country abroad, one per track
 *   (…-TRAINING-<country>-<TRACK>-<year>), aid type D02 other technical assistance. Courses the
 *   program did not fund (a local academy's own) are not its assistance.
 * Partnerships are not activities: a prospect or a domestic partner gives no assistance by being
 * one, and the work a partnership does abroad is already in its deployments and training. Training
 * at home (the U.S. instructors certified to teach abroad) is the means, not the assistance.
 *
 * Participating organisations (OrganisationRole 2.03): the program office funds (1), is accountable
 * (2) and extends (3) each activity; the domestic agencies whose officers deployed or whose
 * instructors taught, and the foreign counterpart that hosted the work, implement it (4). 2.03 has
 * no beneficiary role, and the counterpart carries the work out with the program, so it is named as
 * implementing and the description says whom the work served. Organisation types follow
 * OrganisationType: federal and national bodies 10 Government, U.S. state, county and city agencies
 * 11 Local Government (sub-national), academies 80, associations 22 at home or 24 in the recipient
 * country, anything else 90.
 *
 * Sectors (DAC 5-digit, vocabulary 1): policing 15132 Police, corrections 15137 Prisons, the
 * purpose codes under 15130 Legal and judicial development for these institutions. Results are
 * counts for the year: officers deployed and person-days in country; people trained, instructors
 * certified and courses held.
 */

const SECTORS: Record<Track, { code: string; name: string }> = {
  policing: { code: '15132', name: 'Police' },
  corrections: { code: '15137', name: 'Prisons' },
};

const LOCAL_GOVERNMENT: readonly OrganizationKind[] = ['municipal_police', 'county_sheriff', 'state_police', 'state_corrections', 'county_corrections'];

/** IATI OrganisationType for an organization, seen from the office's country. */
export function organisationType(kind: OrganizationKind, country: string, home: string): string {
  if (LOCAL_GOVERNMENT.includes(kind)) return '11';
  if (kind === 'academy') return '80';
  if (kind === 'professional_association') return country === home ? '22' : '24';
  if (kind === 'other') return '90';
  return '10';
}

const DEPLOYMENT_STATUS: Record<string, IatiActivity['status']> = { planning: '1', staffing: '1', predeployment: '1', in_country: '2', completed: '4', cancelled: '5' };
const LEVELS: Record<string, string> = { basic: 'basic', instructor: 'instructor development', master: 'master instructor' };

const past = (day: string | undefined, now: string) => (day && day <= now ? day : undefined);
const list = new Intl.ListFormat('en', { style: 'long', type: 'conjunction' });
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

type Organization = { id: string; name: string; acronym: string | null; kind: OrganizationKind; country: string };
const nameOf = (o: { name: string; acronym: string | null }) => (o.acronym ? `${o.name} (${o.acronym})` : o.name);
/** An organization named in a sentence: "the New York Police Department (NYPD)". */
const theOrg = (o: { name: string; acronym: string | null }) => (/^the /i.test(o.name) ? nameOf(o) : `the ${nameOf(o)}`);

/** Counts by sex as indicator dimensions; people whose sex is not recorded are in the total only. */
function bySex(groups: readonly { sex: string | null; people: number }[]) {
  return ['female', 'male'].flatMap((sex) => {
    const actual = groups.filter((g) => g.sex === sex).reduce((sum, g) => sum + g.people, 0);
    return actual ? [{ name: 'sex', value: sex, actual }] : [];
  });
}

/**
 * The year's assistance abroad as IATI activities. Refused, naming the rules, if any activity
 * would break the IATI rules the schema does not check.
 */
export async function iatiExport(deps: { db: Kysely<DB>; clock: Clock; reportingRef: string }, year: number): Promise<{ xml: string; activities: number }> {
  const repo = reportsRepository(deps.db);
  const iati = iatiRepository(deps.db);
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const now = today(deps.clock);
  const office = await repo.programOffice();
  if (!office) throw ruleBroken('iati.no_program_office', reportsText('iati.noProgramOffice'));
  const home = office.country;
  const reporting = { ref: deps.reportingRef, type: '10', name: nameOf(office) };
  const prefix = `${deps.reportingRef}-CADRE`;
  const asOffice = (['1', '2', '3'] as const).map((role) => ({ role, org: reporting }));
  const implementing = (orgs: readonly Organization[]) =>
    orgs.filter((o) => o.id !== office.id).map((o) => ({ role: '4' as const, org: { type: organisationType(o.kind, o.country, home), name: nameOf(o) } }));
  const present = (indicators: (IatiIndicator | false)[]) => indicators.filter((i): i is IatiIndicator => i !== false);

  const deployments = (await repo.deployments({ from, to })).filter((d) => d.host_country !== home);
  const assignments = groupBy(await repo.deployedAssignments(deployments.map((d) => d.id)), (a) => a.deployment_id);
  const training = await iati.trainingAbroad({ from, to }, home);
  const instructors = groupBy(await iati.instructorOrganizations(training.map((o) => o.id)), (i) => i.offering_id);
  const organizations = await iati.organizations([
    ...deployments.flatMap((d) => [d.host_organization_id ?? [], ...(assignments.get(d.id) ?? []).map((a) => a.organization_id)].flat()),
    ...training.flatMap((o) => [o.host_organization_id ?? [], o.delivering_organization_id ?? [], ...(instructors.get(o.id) ?? []).map((i) => i.organization_id)].flat()),
  ]);
  const orgs = (ids: readonly (string | null)[]) => [...new Set(ids)].flatMap((id) => (id && organizations.get(id)) || []);
  const activities: IatiActivity[] = [];

  for (const d of deployments) {
    const mine = assignments.get(d.id) ?? [];
    const officers = [...new Map(mine.map((a) => [a.person_id, a])).values()];
    const agencies = orgs(mine.map((a) => a.organization_id));
    const host = orgs([d.host_organization_id]);
    const country = countryName(d.host_country);
    const status = DEPLOYMENT_STATUS[d.status] ?? '2';
    const deployedOn = mine.map((a) => a.deployed_on).filter((day): day is string => day !== null).sort();
    const returnedOn = mine.map((a) => a.returned_on).filter((day): day is string => day !== null).sort();
    const started = d.status === 'in_country' || d.status === 'completed';
    const whom = host[0] ? theOrg(host[0]) : `counterparts in ${country}`;
    const who = officers.length ? `${plural(officers.length, 'officer', 'officers')} of ${list.format(agencies.map(theOrg))}` : 'Officers of the program’s partner agencies';
    activities.push({
      identifier: `${prefix}-DEPLOYMENT-${d.id}`,
      title: d.title,
      description: `${who} deployed to ${country} from ${longDate(d.start_on)} to ${longDate(d.end_on)} to ${list.format(PURPOSES.filter((p) => d.purposes.includes(p)))} ${whom}.`,
      participants: [...asOffice, ...implementing(agencies), ...implementing(host)],
      status,
      dates: {
        plannedStart: d.start_on,
        actualStart: started ? past(deployedOn[0] ?? d.start_on, now) : undefined,
        plannedEnd: d.end_on,
        actualEnd: d.status === 'completed' ? past(returnedOn.at(-1) ?? d.end_on, now) : undefined,
      },
      recipientCountries: [{ code: d.host_country, percentage: 100 }],
      sectors: [{ ...SECTORS[d.track], percentage: 100 }],
      aidType: 'D01',
      results: officers.length
        ? [
            {
              title: `Officers deployed to ${country}`,
              indicators: [
                { title: 'Officers deployed', periods: [{ start: from, end: to, actual: officers.length, breakdown: bySex(officers.map((o) => ({ sex: o.sex, people: 1 }))) }] },
                { title: 'Person-days in country', periods: [{ start: from, end: to, actual: mine.reduce((sum, a) => sum + personDaysWithin(a, calendarYear(year), now), 0) }] },
              ],
            },
          ]
        : [],
    });
  }

  const [trained, certified] = await Promise.all([iati.trainedAbroad({ from, to }, home), iati.certifiedAbroad({ from, to }, home)]);
  const programmes = [...groupBy(training, (o) => `${o.country}:${o.track}`).values()].sort((a, b) => countryName(a[0]?.country ?? '').localeCompare(countryName(b[0]?.country ?? '')) || (a[0]?.track ?? '').localeCompare(b[0]?.track ?? ''));
  for (const offerings of programmes) {
    const { country: code, track } = offerings[0] as (typeof offerings)[number];
    const country = countryName(code);
    const trainedHere = trained.filter((t) => t.country === code && t.track === track);
    const peopleTrained = trainedHere.reduce((sum, t) => sum + t.people, 0);
    const certifiedHere = certified.find((c) => c.country === code && c.track === track)?.people ?? 0;
    const hosts = orgs(offerings.map((o) => o.host_organization_id));
    const teachers = orgs(offerings.flatMap((o) => [o.delivering_organization_id, ...(instructors.get(o.id) ?? []).map((i) => i.organization_id)]));
    // Domestic agencies first, then the counterparts in the country: who came, then who received them.
    const implementers = [...teachers.filter((o) => o.country === home), ...teachers.filter((o) => o.country !== home), ...hosts].filter((o, i, all) => all.findIndex((x) => x.id === o.id) === i);
    const levels = [...groupBy(offerings, (o) => o.level)].map(([level, rows]) => `${rows.length} ${LEVELS[level] ?? level}`);
    const cities = [...new Set(offerings.map((o) => o.city).filter((c): c is string => Boolean(c)))];
    const taughtBy = teachers.filter((o) => o.id !== office.id);
    const started = offerings.some((o) => o.start_on <= now);
    const closed = to < now && offerings.every((o) => o.status === 'closed' && o.end_on <= now);
    const ends = offerings.map((o) => o.end_on).sort();
    const subject = track === 'corrections' ? 'Corrections' : 'Police';
    activities.push({
      identifier: `${prefix}-TRAINING-${code}-${track.toUpperCase()}-${year}`,
      title: `${subject} training in ${country}, ${year}`,
      description: [
        `${subject} training the program funded in ${country} in ${year}: ${plural(offerings.length, 'course', 'courses')} (${list.format(levels)})${cities.length ? ` in ${list.format(cities)}` : ''}`,
        hosts.length ? `, for ${list.format(hosts.map(theOrg))}` : '',
        taughtBy.length ? `, taught by instructors of ${list.format(taughtBy.map(theOrg))}` : '',
        '.',
      ].join(''),
      participants: [...asOffice, ...implementing(implementers)],
      status: !started ? '1' : closed ? '4' : '2',
      dates: { plannedStart: offerings[0]?.start_on, actualStart: started ? past(offerings[0]?.start_on, now) : undefined, plannedEnd: ends.at(-1), actualEnd: closed ? ends.at(-1) : undefined },
      recipientCountries: [{ code, percentage: 100 }],
      sectors: [{ ...SECTORS[track], percentage: 100 }],
      aidType: 'D02',
      results: [
        {
          title: `${subject} training in ${country}`,
          indicators: present([
            peopleTrained > 0 && { title: 'People trained', periods: [{ start: from, end: to, actual: peopleTrained, breakdown: bySex(trainedHere) }] },
            certifiedHere > 0 && { title: 'Instructors certified', periods: [{ start: from, end: to, actual: certifiedHere }] },
            { title: 'Courses held', periods: [{ start: from, end: to, actual: offerings.length }] },
          ]),
        },
      ],
    });
  }

  // The schema wants at least one activity: a year with no assistance abroad has no file to publish.
  if (activities.length === 0) throw ruleBroken('iati.nothing_abroad', reportsText('iati.nothingAbroad', { year }));
  const problems = iatiProblems(activities, { reportingRef: deps.reportingRef, today: now, homeCountry: home });
  if (problems.length > 0) {
    throw ruleBroken('iati.rules', reportsText('iati.rules', { problems: problems.map((p) => `${p.activity} (${p.rule}) ${p.message}`).join('; ') }));
  }
  return { xml: await iatiXml(reporting, activities, deps.clock.now().toISOString().replace(/\.\d{3}Z$/, 'Z')), activities: activities.length };
}

export type { IatiOrg };
