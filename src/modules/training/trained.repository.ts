import type { ExpressionBuilder, Kysely, SelectQueryBuilder } from 'kysely';
import type { Track } from '../../platform/db/enums.js';
import type { CoursesTable, DB, EnrollmentsTable, OfferingsTable } from '../../platform/db/schema.js';

type Trained = DB & { te: EnrollmentsTable; tof: OfferingsTable; tc: CoursesTable };

/** Who counts as trained: the one definition the people list's filter and the figures share. */
export interface TrainedFilter {
  /** The offering ended on or after this day. */
  from?: string | undefined;
  /** The offering ended on or before this day. */
  to?: string | undefined;
  /** The course's track. */
  track?: Track | undefined;
  /** Where the offering was given. */
  country?: string | undefined;
}

/**
 * The enrollments that make someone trained: completed, in an offering that was not cancelled
 * and ended in the period, of a course on the track, given in the country. A person is trained
 * once however many of these they have.
 */
export function trainedEnrollments<TB extends keyof DB = never>(
  from: Kysely<DB> | ExpressionBuilder<DB, TB>,
  filter: TrainedFilter,
): SelectQueryBuilder<Trained, TB | 'te' | 'tof' | 'tc', object> {
  // Inside a query (an EXISTS over the outer row) or on its own (counted by group): one definition.
  let query = (from as Kysely<DB>)
    .selectFrom('enrollments as te')
    .innerJoin('offerings as tof', 'tof.id', 'te.offering_id')
    .innerJoin('courses as tc', 'tc.id', 'tof.course_id')
    .where('te.status', '=', 'completed')
    .where('tof.status', '!=', 'cancelled');
  if (filter.from) query = query.where('tof.end_on', '>=', filter.from);
  if (filter.to) query = query.where('tof.end_on', '<=', filter.to);
  // The period's offerings, named again as a list of ids: without statistics SQLite would walk
  // every enrollment of every year; with it, it starts from the period's offerings (offerings_end)
  // and reaches their enrollments through enrollments_offering_person, never opening a row.
  if (filter.from || filter.to) {
    let offerings = (from as Kysely<DB>).selectFrom('offerings as tpo').select('tpo.id');
    if (filter.from) offerings = offerings.where('tpo.end_on', '>=', filter.from);
    if (filter.to) offerings = offerings.where('tpo.end_on', '<=', filter.to);
    query = query.where('te.offering_id', 'in', offerings);
  }
  if (filter.track) query = query.where('tc.track', '=', filter.track);
  if (filter.country) query = query.where('tof.country', '=', filter.country);
  return query as unknown as SelectQueryBuilder<Trained, TB | 'te' | 'tof' | 'tc', object>;
}

export function isTrainedFilter(filter: TrainedFilter): boolean {
  return Boolean(filter.from || filter.to || filter.track || filter.country);
}
