import type { Kysely } from 'kysely';
import type { RequestContext } from '../../platform/access.js';
import type { DB, SearchKind } from '../../platform/db/schema.js';
import type { Scope } from '../../platform/policy.js';
import { deploymentsPolicy } from '../deployments/deployments.policy.js';
import { organizationsPolicy } from '../organizations/organizations.policy.js';
import { peoplePolicy } from '../people/people.policy.js';
import { certificationsPolicy, coursesPolicy, offeringsPolicy } from '../training/training.policy.js';
import { searchRepository } from './search.repository.js';
import { SEARCH_KINDS, type SearchQuery, type SearchResponse } from './search.schemas.js';
import { queryWords } from './search.text.js';

/** Where the web shows each kind of record. */
const LINKS: Record<SearchKind, string> = {
  organization: '/organizations',
  person: '/people',
  offering: '/offerings',
  course: '/courses',
  certification: '/certifications',
  deployment: '/deployments',
};

/** The scope in which the caller may read each kind: the same policy and scope as that kind's list. */
function readScope(ctx: RequestContext, kind: SearchKind): Scope | null {
  const actor = ctx.actor;
  switch (kind) {
    case 'organization':
      return organizationsPolicy.scopeOrNull(actor, 'read');
    case 'person':
      return peoplePolicy.scopeOrNull(actor, 'read');
    case 'offering':
      return offeringsPolicy.scopeOrNull(actor, 'read');
    case 'course':
      return coursesPolicy.scopeOrNull(actor, 'read');
    case 'certification':
      return certificationsPolicy.scopeOrNull(actor, 'read');
    case 'deployment':
      return deploymentsPolicy.scopeOrNull(actor, 'read');
  }
}

/**
 * Whether the caller may find people by their private words (an email): only where they may read
 * people's details, as wide as their reading of names (viewers read names only). A narrower
 * detail scope than the read scope (none today) would fall back to names, never widen.
 */
function mayFindByPrivateWords(ctx: RequestContext, readScope: Scope): boolean {
  const detail = peoplePolicy.scopeOrNull(ctx.actor, 'readDetail');
  if (!detail || detail.kind !== readScope.kind) return false;
  if (detail.kind === 'organization' && readScope.kind === 'organization') return detail.organizationId === readScope.organizationId;
  if (detail.kind === 'person' && readScope.kind === 'person') return detail.personId === readScope.personId;
  return true;
}

export function createSearchService({ db }: { db: Kysely<DB> }) {
  return {
    /** The records of each kind the caller may read that match every word of the query, best first. */
    async search(ctx: RequestContext, query: SearchQuery): Promise<SearchResponse> {
      const prefixes = queryWords(query.q);
      const kinds = query.kinds ?? [...SEARCH_KINDS];
      const repo = searchRepository(db);
      // The kinds are looked up together (PostgreSQL answers them on several connections); the groups keep the kinds' order.
      const found = await Promise.all(
        kinds.map(async (kind) => {
          const scope = readScope(ctx, kind);
          if (!scope) return null;
          const withPrivateWords = kind === 'person' && mayFindByPrivateWords(ctx, scope);
          // One more than asked tells whether there are more.
          const hits = await repo.find({ kind, prefixes, scope, withPrivateWords, limit: query.limit + 1 });
          if (hits.length === 0) return null;
          return {
            kind,
            hasMore: hits.length > query.limit,
            results: hits.slice(0, query.limit).map((hit) => ({
              kind,
              id: hit.record_id,
              title: hit.title,
              detail: hit.detail,
              context: hit.context,
              isInactive: Number(hit.archived) === 1,
              link: `${LINKS[kind]}/${hit.record_id}`,
            })),
          };
        }),
      );
      const groups: SearchResponse['groups'] = found.filter((group) => group !== null);
      return { query: query.q, groups, count: groups.reduce((sum, group) => sum + group.results.length, 0) };
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
