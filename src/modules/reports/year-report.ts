import { countries } from '../../platform/countries.js';
import { createRequire } from 'node:module';
import type { Kysely } from 'kysely';
import type { RequestContext } from '../../platform/access.js';
import { type Clock, today } from '../../platform/clock.js';
import { daysInclusive } from '../../platform/dates.js';
import type { DB } from '../../platform/db/schema.js';
import type { CascadeService } from '../cascade/cascade.service.js';
import { PURPOSES } from '../deployments/deployments.schemas.js';
import { calendarYear, personDaysWithin } from '../deployments/person-days.js';
import { isActiveOn } from '../training/training.rules.js';
import { figureDefinitions } from './figures.js';
import { groupBy, reportsRepository, trainedBySex } from './reports.repository.js';

const require = createRequire(import.meta.url);
countries.registerLocale(require('i18n-iso-countries/langs/en.json') as countries.LocaleData);

export function countryName(code: string): string {
  return countries.getName(code, 'en') ?? code;
}

/** What a year report states, every figure taken from the records. Renderers only lay it out. */
export interface YearReport {
  year: number;
  /** The day the report was made: its date of issue. */
  issuedOn: string;
  office: { name: string; acronym: string | null };
  partners: { name: string; acronym: string | null; kind: string; stage: string; since: string }[];
  partnersByKind: { kind: string; stages: Record<string, number> }[];
  engagements: { date: string; organization: string; kind: string; title: string; participants: string[]; outcome: string | null }[];
  deployments: {
    title: string;
    hostCountry: string;
    hostOrganization: string | null;
    purposes: string[];
    startOn: string;
    endOn: string;
    days: number;
    officers: number;
    sendingOrganizations: string[];
    personDaysInYear: number;
  }[];
  training: {
    /** Instructors certified in the year, at home and abroad. */
    instructorsCertified: { domestic: number; abroad: number };
    /** Instructors of partner agencies (not the program office's own) holding a certification at year end. */
    instructorsHoldingAtYearEnd: { domestic: number; abroad: number };
    /** The same, by the track of the certification (policing, corrections). */
    instructorsHoldingByTrack: { track: string; domestic: number; abroad: number }[];
    /** Distinct people trained in the year, anywhere: the dashboard's figure. */
    peopleTrained: number;
    domesticInstructorsByAgency: { organization: string; count: number }[];
    abroad: { country: string; offerings: number; peopleTrained: number; newInstructors: number }[];
    trainedByCountryAndSex: { country: string; female: number; male: number; unrecorded: number; total: number }[];
  };
  cascade: {
    generations: { generation: number; peopleTrained: number; newInstructors: number }[];
    byCountry: { country: string; generation: number; peopleTrained: number }[];
    totalTrained: number;
    multiplier: number | null;
  };
  countriesAssisted: { country: string; deployments: number; peopleTrained: number }[];
  nextYear: {
    prospects: { name: string; stage: string }[];
    followUps: { title: string; dueOn: string; organization: string | null }[];
    offerings: { title: string; country: string; startOn: string }[];
    deployments: { title: string; hostCountry: string; startOn: string }[];
    renewals: { reference: string; organization: string; renewalDueOn: string }[];
  };
}

const HOME = 'US';

function count<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** Builds the report of a year from the records, as they stood at the year's end. */
export async function buildYearReport(
  deps: { db: Kysely<DB>; clock: Clock; cascade: Pick<CascadeService, 'program'> },
  ctx: RequestContext,
  year: number,
  progress: (percent: number, step: string) => void = () => undefined,
): Promise<YearReport> {
  const repo = reportsRepository(deps.db);
  const day = today(deps.clock);
  // The cascade reads every enrollment of every year and takes longest; on PostgreSQL it runs on
  // its own connection while the other figures are read. Its failure is the report's, at await.
  const cascadeRead = deps.cascade.program(ctx, { year });
  cascadeRead.catch(() => undefined);
  progress(5, 'partners');
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const window = { from, to };
  const office = await repo.programOffice();
  // The year report counts as the dashboard does with no filter: the same definitions.
  const figures = figureDefinitions(deps.db, { year }, day);

  const partnerships = (await repo.partnerships({})).filter((p) => p.changes.some((c) => c.changed_on <= to));
  const partners = partnerships.map((p) => {
    const last = p.changes.filter((c) => c.changed_on <= to).at(-1);
    return { name: p.name, acronym: p.acronym, kind: p.kind, stage: last?.to_stage ?? p.stage, since: last?.changed_on ?? p.stage_changed_on };
  });
  // The dashboard's partners figure for the year, by the same definition (figures.ts).
  const stageCounts = await figures.partners.byKindAndStage();
  const kinds = [...new Set(stageCounts.map((row) => row.kind))].sort();
  const partnersByKind = kinds.map((kind) => ({ kind, stages: Object.fromEntries(stageCounts.filter((row) => row.kind === kind).map((row) => [row.stage, row.count])) }));

  progress(20, 'meetings and deployments');
  const engagementRows = await figures.engagements.all();
  const participants = groupBy(await repo.participants(engagementRows.map((e) => e.id)), (p) => p.engagement_id);
  const engagements = engagementRows.map((e) => ({
    date: e.occurred_on,
    organization: e.organization_name,
    kind: e.kind,
    title: e.title,
    participants: (participants.get(e.id) ?? []).map((p) => (p.title ? `${p.name} (${p.title})` : p.name)),
    outcome: e.outcome,
  }));

  const deploymentRows = await repo.deployments(window);
  const assignments = groupBy(await repo.deployedAssignments(deploymentRows.map((d) => d.id)), (a) => a.deployment_id);
  const deployments = deploymentRows.map((d) => {
    const mine = assignments.get(d.id) ?? [];
    // Days not yet served are not counted: a report of the current year counts to today.
    const personDaysInYear = mine.reduce((sum, a) => sum + personDaysWithin(a, calendarYear(year), day), 0);
    return {
      title: d.title,
      hostCountry: d.host_country,
      hostOrganization: d.host_name,
      purposes: PURPOSES.filter((p) => d.purposes.includes(p)),
      startOn: d.start_on,
      endOn: d.end_on,
      days: daysInclusive(d.start_on, d.end_on),
      officers: new Set(mine.map((a) => a.person_id)).size,
      sendingOrganizations: [...new Set(mine.map((a) => a.organization_name))].sort(),
      personDaysInYear,
    };
  });

  progress(40, 'certifications and training');
  const certifications = await repo.instructorCertifications({ issuedBy: to });
  // The program office's own master instructors certify others; they are not counted among them.
  const partnerCertifications = certifications.filter((c) => c.organization_id !== office?.id);
  const holding = partnerCertifications.filter((c) => isActiveOn({ issuedOn: c.issued_on, expiresOn: c.expires_on, revokedAt: c.revoked_at }, to));
  const distinctPeople = (list: typeof certifications, place: 'home' | 'abroad') =>
    new Set(list.filter((c) => (place === 'home' ? c.country === HOME : c.country !== HOME)).map((c) => c.person_id)).size;
  const certifiedInYear = partnerCertifications.filter((c) => c.issued_on >= from);
  const domesticByAgency = count(
    [...new Map(holding.filter((c) => c.country === HOME).map((c) => [c.person_id, c.organization_id])).values()],
    (id) => id,
  );
  const orgNames = await repo.organizationNames([...domesticByAgency.keys()]);

  const peopleTrained = await figures.trained.count();
  const trained = trainedBySex(await repo.trainedPeople(window, { country: true, sex: true }));
  const offerings = await repo.offeringsByCountry(window);
  const abroadCountries = [...offerings.keys()].filter((country) => country !== HOME).sort((a, b) => countryName(a).localeCompare(countryName(b)));
  const newInstructorsByCountry = new Map<string, Set<string>>();
  for (const c of certifications) {
    if (c.issued_on < from) continue;
    const people = newInstructorsByCountry.get(c.country) ?? new Set<string>();
    people.add(c.person_id);
    newInstructorsByCountry.set(c.country, people);
  }
  const newInstructorsIn = (country: string) => newInstructorsByCountry.get(country)?.size ?? 0;
  const abroad = abroadCountries.map((country) => ({
    country,
    offerings: offerings.get(country) ?? 0,
    peopleTrained: trained.get(country)?.total ?? 0,
    newInstructors: newInstructorsIn(country),
  }));
  const trainedByCountryAndSex = [...trained]
    .map(([country, { female, male, unrecorded, total }]) => ({ country, female, male, unrecorded, total }))
    .sort((a, b) => countryName(a.country).localeCompare(countryName(b.country)));

  progress(60, 'the cascade');
  const cascade = await cascadeRead;
  progress(80, 'plans for the next year');

  const assisted = new Map<string, { deployments: number; peopleTrained: number }>();
  for (const d of deployments) {
    if (d.hostCountry === HOME) continue;
    const entry = assisted.get(d.hostCountry) ?? { deployments: 0, peopleTrained: 0 };
    entry.deployments += 1;
    assisted.set(d.hostCountry, entry);
  }
  for (const row of abroad) {
    const entry = assisted.get(row.country) ?? { deployments: 0, peopleTrained: 0 };
    entry.peopleTrained += row.peopleTrained;
    assisted.set(row.country, entry);
  }

  const next = { from: `${year + 1}-01-01`, to: `${year + 1}-12-31` };
  const [followUps, nextOfferings, nextDeployments, renewals] = await Promise.all([
    repo.openTasks({ dueFrom: next.from, dueTo: next.to }),
    repo.offerings(next),
    repo.deployments(next),
    repo.agreementsRenewing(next.from, next.to),
  ]);

  const tracks = [...new Set(holding.map((c) => c.track))].sort();
  return {
    year,
    issuedOn: day,
    office: { name: office?.name ?? 'Program office', acronym: office?.acronym ?? null },
    partners,
    partnersByKind,
    engagements,
    deployments,
    training: {
      instructorsCertified: { domestic: distinctPeople(certifiedInYear, 'home'), abroad: distinctPeople(certifiedInYear, 'abroad') },
      instructorsHoldingAtYearEnd: { domestic: distinctPeople(holding, 'home'), abroad: distinctPeople(holding, 'abroad') },
      instructorsHoldingByTrack: tracks.map((track) => {
        const mine = holding.filter((c) => c.track === track);
        return { track, domestic: distinctPeople(mine, 'home'), abroad: distinctPeople(mine, 'abroad') };
      }),
      peopleTrained,
      domesticInstructorsByAgency: [...domesticByAgency].map(([id, n]) => ({ organization: orgNames.get(id) ?? id, count: n })).sort((a, b) => b.count - a.count || a.organization.localeCompare(b.organization)),
      abroad,
      trainedByCountryAndSex,
    },
    cascade: { generations: cascade.generations, byCountry: cascade.byCountry, totalTrained: cascade.totalTrained, multiplier: cascade.multiplier },
    countriesAssisted: [...assisted].map(([country, v]) => ({ country, ...v })).sort((a, b) => countryName(a.country).localeCompare(countryName(b.country))),
    nextYear: {
      prospects: partners.filter((p) => p.stage === 'prospect' || p.stage === 'engaged').map((p) => ({ name: p.name, stage: p.stage })),
      followUps: followUps.map((t) => ({ title: t.title, dueOn: t.due_on, organization: t.organization_name })),
      offerings: nextOfferings.map((o) => ({ title: o.title, country: o.country, startOn: o.start_on })),
      deployments: nextDeployments.map((d) => ({ title: d.title, hostCountry: d.host_country, startOn: d.start_on })),
      renewals: renewals.map((r) => ({ reference: r.reference, organization: r.organization_name, renewalDueOn: r.renewal_due_on as string })),
    },
  };
}
