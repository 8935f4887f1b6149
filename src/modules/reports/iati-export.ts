import type { Kysely } from 'kysely';
import { type Clock, today } from '../../platform/clock.js';
import type { DB } from '../../platform/db/schema.js';
import { ruleBroken } from '../../platform/errors.js';
import { calendarYear, personDaysWithin } from '../deployments/person-days.js';
import { evenPercentages, type IatiActivity, type IatiOrg, iatiProblems, iatiXml } from './iati.js';
import { groupBy, reportsRepository } from './reports.repository.js';
import { countryName } from './year-report.js';

const SECTORS: Record<string, { code: string; name: string }> = {
  policing: { code: '15132', name: 'Police' },
  corrections: { code: '15137', name: 'Prisons' },
};

/** IATI OrganisationType for each kind of organization. */
function orgType(kind: string): string {
  if (kind === 'professional_association') return '22';
  if (kind === 'academy') return '15';
  return '10';
}

const STATUS: Record<string, IatiActivity['status']> = { prospect: '1', engaged: '1', agreement: '1', active: '2', paused: '2', closed: '4' };
const DEPLOYMENT_STATUS: Record<string, IatiActivity['status']> = { planning: '1', staffing: '1', predeployment: '1', in_country: '2', completed: '4', cancelled: '5' };

function sectorsOf(tracks: readonly string[]) {
  const known = tracks.filter((t) => SECTORS[t]);
  const shares = evenPercentages(known.length || 1);
  return (known.length ? known : ['policing']).map((t, i) => ({ ...(SECTORS[t] as { code: string; name: string }), percentage: shares[i] as number }));
}

function geography(countries: readonly string[]): Pick<IatiActivity, 'recipientCountries' | 'recipientRegion'> {
  const unique = [...new Set(countries)].filter((c) => c !== 'US').sort();
  if (unique.length === 0) return { recipientCountries: [], recipientRegion: { code: '998', percentage: 100 } };
  const shares = evenPercentages(unique.length);
  return { recipientCountries: unique.map((code, i) => ({ code, percentage: shares[i] as number })) };
}

const past = (day: string | undefined, now: string) => (day && day <= now ? day : undefined);
const future = (day: string | undefined, now: string) => (day && day > now ? day : undefined);

/**
 * The year's activities for IATI: one per partnership programme, one per deployment, one per
 * train-the-trainer programme, each with its results. Refused, naming the rules, if any activity
 * would break the IATI rules the schema does not check.
 */
export async function iatiExport(deps: { db: Kysely<DB>; clock: Clock; reportingRef: string }, year: number): Promise<{ xml: string; activities: number }> {
  const repo = reportsRepository(deps.db);
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const now = today(deps.clock);
  const office = await repo.programOffice();
  if (!office) throw ruleBroken('iati.no_program_office', 'There is no program office to report as.');
  const reporting = { ref: deps.reportingRef, type: '10', name: office.acronym ? `${office.name} (${office.acronym})` : office.name };
  const prefix = `${deps.reportingRef}-CADRE`;
  const activities: IatiActivity[] = [];

  const certifiedInYear = (await repo.instructorCertifications({ issuedBy: to })).filter((c) => c.issued_on >= from);
  const certifiedByOrganization = groupBy(certifiedInYear, (c) => c.organization_id);
  const deployments = await repo.deployments({ from, to });
  const assignments = await repo.deployedAssignments(deployments.map((d) => d.id));
  const assignmentsByOrganization = groupBy(assignments, (a) => a.organization_id);
  const assignmentsByDeployment = groupBy(assignments, (a) => a.deployment_id);
  const details = await repo.partnershipDetails();

  for (const p of await repo.partnerships({})) {
    const changes = p.changes.filter((c) => c.changed_on <= to);
    const last = changes.at(-1);
    if (!last || (last.to_stage === 'closed' && last.changed_on < from)) continue;
    const tracksRow = details.tracks.get(p.id) ?? [];
    const targets = details.countries.get(p.id) ?? [];
    const agreements = details.agreements.get(p.id) ?? [];
    const activeSince = changes.find((c) => c.to_stage === 'active')?.changed_on;
    const ends = agreements.map((a) => a.expires_on).filter((d): d is string => d !== null).sort();
    const deployedFromHere = new Set((assignmentsByOrganization.get(p.organization_id) ?? []).map((a) => a.person_id)).size;
    const certifiedHere = certifiedByOrganization.get(p.organization_id)?.length ?? 0;
    const indicators = [
      ...(deployedFromHere ? [{ title: 'Officers deployed abroad', periods: [{ start: from, end: to, actual: deployedFromHere }] }] : []),
      ...(certifiedHere ? [{ title: 'Instructors certified', periods: [{ start: from, end: to, actual: certifiedHere }] }] : []),
    ];
    activities.push({
      identifier: `${prefix}-PARTNERSHIP-${p.id}`,
      title: `Partnership with ${p.name}`,
      description: `The program office's partnership with ${p.name}, at the ${last.to_stage} stage on ${to}.`,
      participants: [
        { role: '1', org: reporting },
        { role: '3', org: reporting },
        { role: '4', org: { type: orgType(p.kind), name: p.name } },
      ],
      status: STATUS[last.to_stage] ?? '2',
      dates: { plannedStart: changes[0]?.changed_on, actualStart: past(activeSince, now), plannedEnd: future(ends.at(-1), now), actualEnd: last.to_stage === 'closed' ? past(last.changed_on, now) : undefined },
      ...geography(targets.map((t) => t.country).concat(p.country)),
      sectors: sectorsOf(tracksRow.map((t) => t.track)),
      aidType: 'D02',
      results: indicators.length ? [{ title: `Results in ${year}`, indicators }] : [],
    });
  }

  for (const d of deployments) {
    const mine = assignmentsByDeployment.get(d.id) ?? [];
    const officers = new Set(mine.map((a) => a.person_id)).size;
    const personDays = mine.reduce((sum, a) => sum + personDaysWithin(a, calendarYear(year), now), 0);
    const senders = [...new Map(mine.map((a) => [a.organization_id, a.organization_name])).values()];
    activities.push({
      identifier: `${prefix}-DEPLOYMENT-${d.id}`,
      title: d.title,
      description: `Officers deployed to ${countryName(d.host_country)} to ${d.purposes.join(', ')}${d.host_name ? ` the ${d.host_name}` : ''}.`,
      participants: [
        { role: '1', org: reporting },
        { role: '3', org: reporting },
        ...(d.host_name ? [{ role: '2' as const, org: { type: '10', name: d.host_name } }] : []),
        ...senders.map((name) => ({ role: '4' as const, org: { type: '10', name } })),
      ],
      status: DEPLOYMENT_STATUS[d.status] ?? '2',
      dates: { plannedStart: d.start_on, actualStart: d.status === 'planning' || d.status === 'staffing' ? undefined : past(d.start_on, now), plannedEnd: d.end_on, actualEnd: d.status === 'completed' ? past(d.end_on, now) : undefined },
      ...geography([d.host_country]),
      sectors: sectorsOf([d.track]),
      aidType: 'D01',
      results: [
        {
          title: 'Officers deployed',
          indicators: [
            { title: 'Officers deployed', periods: [{ start: from, end: to, actual: officers, byCountry: [{ country: d.host_country, value: officers }] }] },
            { title: 'Person-days deployed', periods: [{ start: from, end: to, actual: personDays }] },
          ],
        },
      ],
    });
  }

  const offerings = await repo.offerings({ from, to });
  const [trainedByTrack, trainedByTrackAndCountry] = await Promise.all([repo.trainedPeople({ from, to }, { track: true }), repo.trainedPeople({ from, to }, { track: true, country: true })]);
  for (const track of ['policing', 'corrections']) {
    const ofTrack = offerings.filter((o) => o.track === track && (o.level === 'instructor' || o.level === 'master'));
    if (ofTrack.length === 0) continue;
    const certified = certifiedInYear.filter((c) => c.track === track);
    const byCountry = (counts: { country: string; value: number }[]) => counts.sort((a, b) => (a.country < b.country ? -1 : 1));
    activities.push({
      identifier: `${prefix}-TOT-${track.toUpperCase()}-${year}`,
      title: `${track === 'corrections' ? 'Corrections' : 'Police'} train-the-trainer programme, ${year}`,
      description: `Instructors certified to the program's standard, and the training they carried on to other countries.`,
      participants: [
        { role: '1', org: reporting },
        { role: '3', org: reporting },
      ],
      status: to < now ? '4' : '2',
      dates: { plannedStart: from, actualStart: past(ofTrack[0]?.start_on, now), plannedEnd: to, actualEnd: to < now ? to : undefined },
      ...geography(offerings.filter((o) => o.track === track).map((o) => o.country)),
      sectors: sectorsOf([track]),
      aidType: 'D02',
      results: [
        {
          title: 'Instructors certified and people trained',
          indicators: [
            {
              title: 'Instructors certified',
              periods: [
                {
                  start: from,
                  end: to,
                  actual: new Set(certified.map((c) => c.person_id)).size,
                  byCountry: byCountry([...groupBy(certified, (c) => c.country)].map(([country, rows]) => ({ country, value: new Set(rows.map((c) => c.person_id)).size }))),
                },
              ],
            },
            { title: 'People trained', periods: [{ start: from, end: to, actual: trainedByTrack.find((t) => t.track === track)?.people ?? 0, byCountry: byCountry(trainedByTrackAndCountry.filter((t) => t.track === track).map((t) => ({ country: t.country ?? '', value: t.people }))) }] },
          ],
        },
      ],
    });
  }

  const problems = iatiProblems(deps.reportingRef, activities, now);
  if (problems.length > 0) {
    throw ruleBroken('iati.rules', `The export would break IATI rules: ${problems.map((p) => `${p.activity} (${p.rule}) ${p.message}`).join('; ')}`);
  }
  return { xml: iatiXml(reporting, activities, deps.clock.now().toISOString().replace(/\.\d{3}Z$/, 'Z')), activities: activities.length };
}

export type { IatiOrg };
