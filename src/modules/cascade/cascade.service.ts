import type { Kysely } from 'kysely';
import type { RequestContext } from '../../platform/access.js';
import type { DB } from '../../platform/db/schema.js';
import { notFound } from '../../platform/errors.js';
import { DEFAULT_LOCALE, type Locale } from '../../platform/i18n/locales.js';
import type { PeopleService } from '../people/people.service.js';
import { cascadePolicy as policy } from './cascade.policy.js';
import { createCascadeFollower } from './cascade.follower.js';
import { programFigures, programTotals, type ProgramFilter } from './cascade.figures.repository.js';
import { cascadeRepository } from './cascade.repository.js';
import { cascadeText } from './cascade.messages.js';

/** How far the training travelled: the program's figures from the cascade tables that upkeep keeps in step with offerings and enrollments; one instructor's reach from the graph in memory that follows them. */
export function createCascadeService({ db, people }: { db: Kysely<DB>; people: Pick<PeopleService, 'profiles' | 'displayNames'> }) {
  // This server's copy of the cascade's graph, for reaches: read on first use, then caught up from the change log.
  const follower = createCascadeFollower(db);
  return {
    /** Reads the graph ahead of the first reach (a server, once it listens), so that reach does not wait for it; answers how many pairs it holds. */
    async warm(): Promise<number> {
      return (await follower.graph()).size;
    },

    /** The program's cascade; with filters, the trainings counted are that year's, track's, country's and agency's (trainees). */
    async program(ctx: RequestContext, options: ProgramFilter) {
      policy.requireAllowed(ctx.actor, 'readProgram');
      const result = await programFigures(db, options);
      return {
        year: options.year ?? null,
        filters: { track: options.track ?? null, country: options.country ?? null, organizationId: options.organizationId ?? null },
        generationZero: result.generations[0]?.newInstructors ?? 0,
        ...result,
      };
    },

    /** The program's cascade by generation alone (no counts by country or year), under the same filters. */
    async totals(ctx: RequestContext, options: ProgramFilter) {
      policy.requireAllowed(ctx.actor, 'readProgram');
      return programTotals(db, options);
    },

    /** One instructor's downstream tree, by depth and country, with the follow-up evidence; people the caller may not see are named in `locale`. */
    async instructor(ctx: RequestContext, personId: string, options: { maxNodes: number }, locale: Locale = DEFAULT_LOCALE) {
      const profile = (await people.profiles(ctx, [personId])).get(personId);
      if (!profile || !policy.can(ctx.actor, 'read', profile)) throw notFound('person');
      const reach = (await follower.graph()).reach(personId, options.maxNodes);
      const shown = reach.nearest.map((n) => n.personId);
      const [names, followUps] = await Promise.all([people.displayNames(ctx, shown), cascadeRepository(db).followUps(shown)]);
      const taught = new Map(followUps.map((f) => [f.person_id, f.has_taught === 1]));
      return {
        instructor: { id: profile.id, name: profile.name, organizationName: profile.organizationName },
        reach: reach.total,
        byDepth: [...reach.byDepth].map(([depth, count]) => ({ depth, people: count })).sort((a, b) => a.depth - b.depth),
        byCountry: [...reach.byCountry].map(([country, count]) => ({ country, people: count })).sort((a, b) => b.people - a.people || a.country.localeCompare(b.country)),
        // Nearest first: the walk's own order.
        nodes: reach.nearest.map((node) => {
          const p = names.get(node.personId);
          return {
            ...node,
            name: p?.name ?? cascadeText('person.outsideView').in(locale),
            organizationName: p?.organizationName ?? '',
            hasTaught: taught.get(node.personId) ?? null,
          };
        }),
        isTruncated: reach.total > shown.length,
      };
    },
  };
}

export type CascadeService = ReturnType<typeof createCascadeService>;
