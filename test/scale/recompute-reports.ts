import { heldOn, type Index, plainDashboard, plainDeployments, plainPersonDays, plainTrained } from './recompute.js';

/**
 * The year report's and the IATI file's figures recomputed plainly from the rows (see
 * recompute.ts): what the report states for a year and what each activity of the year's IATI
 * file counts.
 */

const HOME = 'US';

/** People deployed (deployed or returned) on a deployment, by id, with their sex. */
function officersOf(ix: Index, deploymentId: string) {
  const officers = new Map<string, string | null>();
  for (const a of ix.t.assignments) {
    if (a.deployment_id === deploymentId && (a.status === 'deployed' || a.status === 'returned')) officers.set(a.person_id, ix.personById.get(a.person_id)?.sex ?? null);
  }
  return officers;
}

function personDaysOf(ix: Index, deploymentId: string, year: number, today: string) {
  return ix.t.assignments.filter((a) => a.deployment_id === deploymentId).reduce((sum, a) => sum + plainPersonDays(a, `${year}-01-01`, `${year}-12-31`, today), 0);
}

/** Offerings not cancelled that ran at some time in the year. */
function offeringsIn(ix: Index, year: number) {
  return ix.t.offerings.filter((o) => o.status !== 'cancelled' && o.start_on <= `${year}-12-31` && o.end_on >= `${year}-01-01`);
}

export function plainYearReport(ix: Index, year: number, today: string) {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const dashboard = plainDashboard(ix, { year }, today);
  const trained = plainTrained(ix, { year });

  // Instructor certifications issued by the year's end, of people outside the program office.
  const countryOf = (personId: string) => ix.orgById.get(ix.orgOfPerson(personId))?.country;
  const issued = ix.t.certifications.filter((c) => ix.instructorCredentials.has(c.credential_id) && c.issued_on <= to);
  const ofPartners = issued.filter((c) => ix.orgOfPerson(c.person_id) !== ix.office?.id);
  const holding = ofPartners.filter((c) => heldOn(c, to));
  const homeAndAbroad = (list: typeof issued) => ({
    domestic: new Set(list.filter((c) => countryOf(c.person_id) === HOME).map((c) => c.person_id)).size,
    abroad: new Set(list.filter((c) => countryOf(c.person_id) !== HOME).map((c) => c.person_id)).size,
  });
  const tracks = [...new Set(holding.map((c) => ix.credentialTrack.get(c.credential_id) as string))].sort();
  const domesticByAgency = new Map<string, Set<string>>();
  for (const c of holding) {
    if (countryOf(c.person_id) !== HOME) continue;
    const name = ix.orgById.get(ix.orgOfPerson(c.person_id))?.name as string;
    domesticByAgency.set(name, (domesticByAgency.get(name) ?? new Set()).add(c.person_id));
  }

  const offerings = offeringsIn(ix, year);
  const abroadCountries = [...new Set(offerings.map((o) => o.country).filter((c) => c !== HOME))];
  const abroad = abroadCountries.map((country) => ({
    country,
    offerings: offerings.filter((o) => o.country === country).length,
    peopleTrained: trained.byCountry.find((r) => r.country === country)?.total ?? 0,
    // Instructors of that country's agencies certified in the year.
    newInstructors: new Set(issued.filter((c) => c.issued_on >= from && countryOf(c.person_id) === country).map((c) => c.person_id)).size,
  }));

  const deployments = plainDeployments(ix, { year }).map((d) => ({ title: d.title, hostCountry: d.host_country, officers: officersOf(ix, d.id).size, personDaysInYear: personDaysOf(ix, d.id, year, today) }));
  // Every country abroad that was sent officers or held training, with both counts.
  const assistedCountries = new Set([...deployments.map((d) => d.hostCountry), ...abroad.map((a) => a.country)].filter((c) => c !== HOME));
  const assisted = [...assistedCountries].map((country) => ({
    country,
    deployments: deployments.filter((d) => d.hostCountry === country).length,
    peopleTrained: abroad.find((a) => a.country === country)?.peopleTrained ?? 0,
  }));

  return {
    partners: ix.t.partnerships.filter((p) => ix.t.partnership_stage_changes.some((c) => c.partnership_id === p.id && c.changed_on <= to)).length,
    partnersByKind: dashboard.partners.byKind,
    engagements: dashboard.engagements,
    deployments,
    training: {
      instructorsCertified: homeAndAbroad(ofPartners.filter((c) => c.issued_on >= from)),
      instructorsHoldingAtYearEnd: homeAndAbroad(holding),
      instructorsHoldingByTrack: tracks.map((track) => ({ track, ...homeAndAbroad(holding.filter((c) => ix.credentialTrack.get(c.credential_id) === track)) })),
      peopleTrained: trained.total,
      domesticInstructorsByAgency: [...domesticByAgency].map(([organization, people]) => ({ organization, count: people.size })),
      abroad,
      trainedByCountryAndSex: trained.byCountry,
    },
    countriesAssisted: assisted,
  };
}

export interface PlainActivity {
  /** DEPLOYMENT-<id> or TRAINING-<country>-<TRACK>-<year>: the identifier after the reporting prefix. */
  key: string;
  indicators: Record<string, { actual: number; breakdown: Record<string, number> }>;
}

/** The IATI activities of a year: deployments abroad, and funded training abroad by country and track. */
export function plainIati(ix: Index, year: number, today: string): PlainActivity[] {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const home = ix.office?.country ?? HOME;
  const bySex = (sexes: (string | null)[]) =>
    Object.fromEntries(['female', 'male'].flatMap((sex) => {
      const n = sexes.filter((s) => s === sex).length;
      return n ? [[`sex:${sex}`, n]] : [];
    }));
  const activities: PlainActivity[] = [];
  for (const d of plainDeployments(ix, { year }).filter((x) => x.host_country !== home)) {
    const officers = officersOf(ix, d.id);
    activities.push({
      key: `DEPLOYMENT-${d.id}`,
      indicators: officers.size
        ? {
            'Officers deployed': { actual: officers.size, breakdown: bySex([...officers.values()]) },
            'Person-days in country': { actual: personDaysOf(ix, d.id, year, today), breakdown: {} },
          }
        : {},
    });
  }
  const funded = offeringsIn(ix, year).filter((o) => o.is_us_funded === 1 && o.country !== home);
  const groups = new Map<string, typeof funded>();
  for (const o of funded) {
    const key = `${o.country}-${(ix.courseById.get(o.course_id)?.track as string).toUpperCase()}`;
    groups.set(key, (groups.get(key) ?? []).concat(o));
  }
  for (const [key, offerings] of groups) {
    const [country, track] = key.split('-') as [string, string];
    const people = new Map<string, string | null>();
    for (const tr of ix.trainings) {
      const o = tr.offering;
      if (o.is_us_funded === 1 && o.country === country && tr.track.toUpperCase() === track && o.end_on >= from && o.end_on <= to) people.set(tr.person, ix.personById.get(tr.person)?.sex ?? null);
    }
    const certified = new Set(
      ix.t.certifications
        .filter((c) => {
          const o = c.offering_id ? ix.offeringById.get(c.offering_id) : undefined;
          return o && o.status !== 'cancelled' && o.is_us_funded === 1 && o.country === country && ix.courseById.get(o.course_id)?.track.toUpperCase() === track;
        })
        .filter((c) => c.issued_on >= from && c.issued_on <= to && c.revoked_at === null)
        .map((c) => c.person_id),
    );
    const indicators: PlainActivity['indicators'] = {};
    if (people.size) indicators['People trained'] = { actual: people.size, breakdown: bySex([...people.values()]) };
    if (certified.size) indicators['Instructors certified'] = { actual: certified.size, breakdown: {} };
    indicators['Courses held'] = { actual: offerings.length, breakdown: {} };
    activities.push({ key: `TRAINING-${key}-${year}`, indicators });
  }
  return activities;
}
