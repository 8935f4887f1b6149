import type { OrganizationKind, Stage, Track } from '../platform/db/enums.js';
import { searchKey } from '../platform/text.js';
import { writersFor } from './bulk.js';
import { CITIES, COUNTRIES, FAMILY_NAMES, GIVEN_NAMES, type GenerationContext, instantOf, plusDays } from './reference.js';

export interface Partner {
  id: string;
  country: string;
  city: string;
  name: string;
}

export interface Organizations {
  programOfficeId: string;
  partners: Partner[];
}

const DOMESTIC: OrganizationKind[] = ['municipal_police', 'county_sheriff', 'state_police', 'state_corrections', 'county_corrections', 'federal_agency', 'academy', 'professional_association'];
const FOREIGN: OrganizationKind[] = ['foreign_police', 'foreign_corrections', 'ministry', 'academy'];
const NOUNS: Record<OrganizationKind, string> = {
  program_office: 'Program Office',
  municipal_police: 'Police Department',
  county_sheriff: "Sheriff's Office",
  state_police: 'State Police',
  state_corrections: 'Department of Corrections',
  county_corrections: 'County Jail',
  federal_agency: 'Federal Bureau',
  professional_association: 'Association of Chiefs',
  academy: 'Training Academy',
  foreign_police: 'National Police',
  foreign_corrections: 'Prison Service',
  ministry: 'Ministry of Justice',
  other: 'Office',
};
/** A partnership's history: the stages it went through, the last its stage now. */
const PATHS: Stage[][] = [['prospect'], ['prospect', 'engaged'], ['prospect', 'engaged', 'agreement'], ['prospect', 'engaged', 'agreement', 'active'], ['engaged', 'agreement', 'active'], ['engaged', 'agreement', 'active', 'paused'], ['prospect', 'engaged', 'agreement', 'active', 'closed']];
const PATH_WEIGHTS = [1, 2, 2, 6, 4, 1, 1];
const TRACKS: Track[][] = [['policing'], ['corrections'], ['policing', 'corrections']];
const ENGAGEMENT_KINDS = ['meeting', 'call', 'visit', 'workshop', 'conference', 'correspondence'] as const;

/** The program office and its partners, with partnerships, agreements, meetings and follow-up tasks. */
export async function generateOrganizations(ctx: GenerationContext): Promise<Organizations> {
  const { db, engine, rnd, id, sizes, stamp } = ctx;
  const count = sizes.partners;
  const w = writersFor(db, engine, 'organizations', count * 12, ctx.progress);
  const organizations = w.writer('organizations', ['id', 'name', 'search_name', 'acronym', 'kind', 'country', 'subdivision', 'city', 'parent_id', 'website', 'description', 'archived_at', 'created_at', 'updated_at']);
  const partnerships = w.writer('partnerships', ['id', 'organization_id', 'stage', 'stage_changed_on', 'owner_id', 'summary', 'created_at', 'updated_at']);
  const tracks = w.writer('partnership_tracks', ['partnership_id', 'track']);
  const countries = w.writer('partnership_countries', ['partnership_id', 'country']);
  const stages = w.writer('partnership_stage_changes', ['id', 'partnership_id', 'from_stage', 'to_stage', 'changed_on', 'changed_by', 'note', 'recorded_at']);
  const agreements = w.writer('agreements', ['id', 'partnership_id', 'kind', 'reference', 'title', 'terms', 'signed_on', 'effective_on', 'expires_on', 'renewal_due_on', 'reimbursement_ceiling_cents', 'created_at', 'updated_at']);
  const engagements = w.writer('engagements', ['id', 'organization_id', 'kind', 'occurred_on', 'title', 'location', 'summary', 'outcome', 'created_by', 'created_at', 'updated_at', 'withdrawn_at', 'withdrawn_by', 'withdrawn_reason']);
  const participants = w.writer('engagement_participants', ['id', 'engagement_id', 'position', 'name', 'title', 'organization_id']);
  const tasks = w.writer('tasks', ['id', 'engagement_id', 'organization_id', 'title', 'notes', 'owner_id', 'due_on', 'status', 'completed_at', 'done_on', 'created_by', 'created_at', 'updated_at']);

  const programOfficeId = id();
  const officeName = 'International Police Assistance Program Office';
  await organizations.add([programOfficeId, officeName, searchKey(officeName), 'IPAPO', 'program_office', 'US', null, 'Washington', null, null, null, null, stamp, stamp]);

  const lastYear = ctx.firstYear + sizes.years - 1;
  const partners: Partner[] = [];
  for (let i = 0; i < count; i++) {
    const country = COUNTRIES[i % sizes.countries] as string;
    const kind = rnd.pick(country === 'US' ? DOMESTIC : FOREIGN);
    const city = rnd.pick(CITIES);
    const name = `${city} ${NOUNS[kind]} ${country}-${String(i + 1).padStart(4, '0')}`;
    const orgId = id();
    const archived = rnd.chance(0.02) ? stamp : null;
    await organizations.add([orgId, name, searchKey(name), `${country}${NOUNS[kind].replace(/[^A-Z]/g, '')}${i + 1}`, kind, country, null, city, null, null, null, archived, stamp, stamp]);
    partners.push({ id: orgId, country, city, name });

    const path = rnd.weighted(PATHS.map((p, k) => [p, PATH_WEIGHTS[k] as number] as [Stage[], number]));
    const partnershipId = id();
    let on = rnd.day(rnd.int(ctx.firstYear, lastYear - 2));
    const changes: [Stage | null, Stage, string][] = [];
    path.forEach((stage, k) => {
      changes.push([k === 0 ? null : (path[k - 1] as Stage), stage, on]);
      on = plusDays(on, rnd.int(60, 500));
      if (on > ctx.today) on = ctx.today;
    });
    const [, stage, changedOn] = changes.at(-1) as [Stage | null, Stage, string];
    await partnerships.add([partnershipId, orgId, stage, changedOn, null, `Partnership with ${name}`, instantOf(changes[0]![2]), instantOf(changedOn)]);
    for (const track of rnd.pick(TRACKS)) await tracks.add([partnershipId, track]);
    await countries.add([partnershipId, country]);
    for (const [from, to, day] of changes) await stages.add([id(), partnershipId, from, to, day, null, null, instantOf(day)]);
    const signed = changes.find(([, to]) => to === 'agreement')?.[2];
    if (signed) {
      const expires = plusDays(signed, 5 * 365);
      await agreements.add([id(), partnershipId, rnd.pick(['mou', 'inter_agency_agreement', 'letter_of_agreement']), `AGR-${i + 1}`, `Agreement with ${name}`, null, signed, signed, expires, plusDays(expires, -90), rnd.int(1, 50) * 1_000_000, instantOf(signed), instantOf(signed)]);
    }

    for (let e = 0, n = rnd.int(2, 8); e < n; e++) {
      const day = rnd.day(rnd.int(ctx.firstYear, lastYear));
      const occurred = day > ctx.today ? ctx.today : day;
      const engagementId = id();
      const kindOf = rnd.pick(ENGAGEMENT_KINDS);
      await engagements.add([engagementId, orgId, kindOf, occurred, `${kindOf[0]!.toUpperCase()}${kindOf.slice(1)} with ${name}`, city, 'Discussed training needs and upcoming offerings.', rnd.chance(0.5) ? 'Agreed next steps.' : null, null, instantOf(occurred), instantOf(occurred), null, null, null]);
      for (let p = 0, m = rnd.int(1, 3); p < m; p++) {
        await participants.add([id(), engagementId, p, `${rnd.pick(GIVEN_NAMES)} ${rnd.pick(FAMILY_NAMES)}`, rnd.chance(0.5) ? 'Chief' : null, p === 0 ? orgId : null]);
      }
      if (rnd.chance(0.4)) {
        const due = plusDays(occurred, rnd.int(14, 90));
        const done = due < ctx.today && rnd.chance(0.8);
        await tasks.add([id(), engagementId, orgId, 'Send the training calendar', null, null, due, done ? 'done' : 'open', done ? instantOf(due) : null, done ? due : null, null, instantOf(occurred), instantOf(done ? due : occurred)]);
      }
    }
    w.tick();
  }
  await w.finish();
  return { programOfficeId, partners };
}
