import type { RequestContext } from '../../platform/access.js';
import type { Track } from '../../platform/db/enums.js';
import { addDays } from '../../platform/dates.js';
import { searchKey } from '../../platform/text.js';
import { peoplePolicy as policy } from './people.policy.js';
import type { PeopleFilter } from './people.repository.js';
import { ilrToNumber, type ListPeopleQuery } from './people.schemas.js';
import { EXPIRING_WITHIN_DAYS, readinessBounds } from './readiness.js';

/** The roster list's query as the repository's filter, narrowed to what the caller may filter by on `day`. */
export function peopleListFilter(ctx: RequestContext, query: ListPeopleQuery, day: string): PeopleFilter {
  // Viewers see names only, so they may not filter by what they cannot see.
  const isNamesOnly = !policy.allows(ctx.actor, 'readDetail');
  return {
    search: query.q ? searchKey(query.q) : undefined,
    organizationId: query.organizationId,
    scope: policy.scope(ctx.actor, 'read'),
    language: isNamesOnly ? undefined : query.language,
    minSpeaking: query.minSpeaking ? ilrToNumber(query.minSpeaking) : undefined,
    specialty: isNamesOnly ? undefined : query.specialty,
    heritageCountry: isNamesOnly ? undefined : query.heritageCountry,
    status: query.status,
    importId: query.importId,
    trained: { from: query.trainedFrom, to: query.trainedTo, track: query.trainedTrack, country: query.trainedCountry },
    readiness:
      query.readiness && !isNamesOnly
        ? { status: query.readiness, today: readinessBounds(day), soon: readinessBounds(addDays(day, EXPIRING_WITHIN_DAYS)) }
        : undefined,
  };
}

/** How the candidate pool is narrowed in SQL. */
export interface PoolFilter {
  organizationId?: string | undefined;
  language?: string | undefined;
  minSpeaking?: number | undefined;
  track?: Track | undefined;
}
