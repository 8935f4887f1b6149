import type { Kysely } from 'kysely';
import type { RequestContext } from '../../platform/access.js';
import type { DB } from '../../platform/db/schema.js';
import { nameOf, type PersonProfile, profileOf } from './people.mapper.js';
import type { PoolFilter } from './people.filters.js';
import { peoplePolicy as policy, personAccess } from './people.policy.js';
import { extrasOf, peopleRepository, type PersonRowWithOrganization } from './people.repository.js';
import type { CandidateFilter, CandidateRanking } from './person-conditions.repository.js';

/** What other modules read of people: profiles for their rules and rankings, names for their views, candidates by score. */
export function createPeopleReads(db: Kysely<DB>) {
  const visibleTo = (ctx: RequestContext, rows: readonly PersonRowWithOrganization[]) => rows.filter((row) => policy.can(ctx.actor, 'read', personAccess(row)));

  async function profilesOf(executor: Kysely<DB>, rows: readonly PersonRowWithOrganization[]): Promise<Map<string, PersonProfile>> {
    const related = await peopleRepository(executor).related(rows.map((r) => r.id));
    return new Map(rows.map((row) => [row.id, profileOf(row, extrasOf(related, row.id))]));
  }

  return {
    /** Profiles of people the actor may see, for ranking and rules in other modules. */
    async profiles(ctx: RequestContext, ids: readonly string[], executor: Kysely<DB> = db): Promise<Map<string, PersonProfile>> {
      return profilesOf(executor, visibleTo(ctx, await peopleRepository(executor).findByIds([...new Set(ids)])));
    },

    /** Name and agency of each of these people the actor may see: for views that name many (a cascade's tree). */
    async displayNames(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, { name: string; organizationName: string }>> {
      const rows = visibleTo(ctx, await peopleRepository(db).findByIds([...new Set(ids)]));
      return new Map(rows.map((row) => [row.id, { name: nameOf(row), organizationName: row.organization_name }]));
    },

    /**
     * Profiles whatever the actor may see, for rules that act on people another permission already
     * covers (an instructor enrolling participants in their own offering). Callers show only names.
     */
    async profilesForRule(ids: readonly string[], executor: Kysely<DB> = db): Promise<Map<string, PersonProfile>> {
      return profilesOf(executor, await peopleRepository(executor).findByIds([...new Set(ids)]));
    },

    /**
     * The active people the actor may see who may be candidates, by the bound of their score: the
     * best `limit`, or everyone at or above a key. Names and bounds only; `candidateProfiles` reads the rest.
     */
    async candidatesByBound(ctx: RequestContext, narrow: PoolFilter, ranking: CandidateRanking, hard: CandidateFilter, which: { limit: number } | { atLeast: { isInTrack: boolean; tenths: number } }) {
      const filter = { status: 'active' as const, scope: policy.scope(ctx.actor, 'read'), organizationId: narrow.organizationId, language: narrow.language, minSpeaking: narrow.minSpeaking, track: narrow.track };
      const rows = await peopleRepository(db).candidatesByBound(filter, ranking, hard, which);
      return rows.map((r) => ({ id: r.id, name: nameOf(r), isInTrack: Number(r.in_track) === 1, bound: Number(r.bound) }));
    },

    /** Profiles of people `candidatesByBound` gave (it has judged the actor's scope), in the order asked. */
    async candidateProfiles(ids: readonly string[]): Promise<PersonProfile[]> {
      const repo = peopleRepository(db);
      const [rows, related] = await Promise.all([repo.findByIds(ids), repo.related(ids)]);
      const rowOf = new Map(rows.map((row) => [row.id, row]));
      return ids.flatMap((id) => {
        const row = rowOf.get(id);
        return row ? [profileOf(row, extrasOf(related, id))] : [];
      });
    },
  };
}
