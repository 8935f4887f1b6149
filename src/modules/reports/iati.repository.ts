import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { trainedEnrollments } from '../training/trained.repository.js';

/** Long id lists are read in parts, under both databases' limits on bound parameters. */
function chunks<T>(list: readonly T[], size = 1000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * The queries behind the IATI export that the other reports do not need: the training the
 * program paid for abroad, who taught and hosted it, and what it produced. Read only.
 */
export function iatiRepository(db: Kysely<DB>) {
  /** Offerings the program funded outside its own country, not cancelled. */
  const fundedAbroad = (home: string) =>
    db
      .selectFrom('offerings as o')
      .innerJoin('courses as c', 'c.id', 'o.course_id')
      .where('o.status', '!=', 'cancelled')
      .where('o.is_us_funded', '=', 1)
      .where('o.country', '!=', home);

  return {
    /** The offerings the program funded abroad that ran in the period. */
    trainingAbroad(period: { from: string; to: string }, home: string) {
      return fundedAbroad(home)
        .where('o.start_on', '<=', period.to)
        .where('o.end_on', '>=', period.from)
        .select(['o.id', 'o.start_on', 'o.end_on', 'o.country', 'o.city', 'o.status', 'o.host_organization_id', 'o.delivering_organization_id', 'c.track', 'c.level'])
        .orderBy('o.start_on')
        .orderBy('o.id')
        .execute();
    },

    /** The organizations whose people taught each offering. */
    async instructorOrganizations(offeringIds: readonly string[]) {
      const rows: { offering_id: string; organization_id: string }[] = [];
      for (const chunk of chunks(offeringIds)) {
        rows.push(
          ...(await db
            .selectFrom('offering_instructors as i')
            .innerJoin('people as p', 'p.id', 'i.person_id')
            .select(['i.offering_id', 'p.organization_id'])
            .where('i.offering_id', 'in', chunk)
            .execute()),
        );
      }
      return rows;
    },

    async organizations(ids: readonly string[]) {
      const rows: { id: string; name: string; acronym: string | null; kind: DB['organizations']['kind']; country: string }[] = [];
      for (const chunk of chunks([...new Set(ids)])) {
        rows.push(...(await db.selectFrom('organizations').select(['id', 'name', 'acronym', 'kind', 'country']).where('id', 'in', chunk).execute()));
      }
      return new Map(rows.map((r) => [r.id, r]));
    },

    /**
     * Distinct people who completed training the program funded abroad that ended in the period,
     * by country, track and sex (a person has one sex, so the sexes of a group add up to it).
     */
    async trainedAbroad(period: { from: string; to: string }, home: string) {
      const rows = await trainedEnrollments(db, period)
        .innerJoin('people as p', 'p.id', 'te.person_id')
        .where('tof.is_us_funded', '=', 1)
        .where('tof.country', '!=', home)
        .select(['tof.country as country', 'tc.track as track', 'p.sex as sex', (eb) => eb.fn.count<number | string>('te.person_id').distinct().as('people')])
        .groupBy(['tof.country', 'tc.track', 'p.sex'])
        .execute();
      // PostgreSQL counts in bigint, which its driver hands over as a string.
      return rows.map((row) => ({ ...row, people: Number(row.people) }));
    },

    /** Distinct people certified in the period through offerings the program funded abroad, by country and track. */
    async certifiedAbroad(period: { from: string; to: string }, home: string) {
      const rows = await fundedAbroad(home)
        .innerJoin('certifications as cert', 'cert.offering_id', 'o.id')
        .where('cert.issued_on', '>=', period.from)
        .where('cert.issued_on', '<=', period.to)
        .where('cert.revoked_at', 'is', null)
        .select(['o.country', 'c.track', (eb) => eb.fn.count<number | string>('cert.person_id').distinct().as('people')])
        .groupBy(['o.country', 'c.track'])
        .execute();
      return rows.map((row) => ({ ...row, people: Number(row.people) }));
    },
  };
}
