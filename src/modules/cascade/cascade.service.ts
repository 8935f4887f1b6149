import type { Kysely } from 'kysely';
import type { RequestContext } from '../../platform/access.js';
import type { DB } from '../../platform/db/schema.js';
import { notFound } from '../../platform/errors.js';
import { DEFAULT_LOCALE, type Locale } from '../../platform/i18n/locales.js';
import type { PeopleService } from '../people/people.service.js';
import { cascadePolicy as policy } from './cascade.policy.js';
import { buildGraph, type CascadeEdge, downstream } from './cascade.graph.js';
import { programFigures } from './cascade.figures.repository.js';
import { cascadeRepository, type EdgeRow } from './cascade.repository.js';
import { cascadeText } from './cascade.messages.js';

const toEdge = (row: EdgeRow): CascadeEdge => ({ instructor: row.instructor, trainee: row.trainee, country: row.country, year: Number(row.end_on.slice(0, 4)), track: row.track });

/** How far the training travelled: read from the cascade tables that upkeep keeps in step with offerings and enrollments. */
export function createCascadeService({ db, people }: { db: Kysely<DB>; people: Pick<PeopleService, 'profiles'> }) {
  return {
    /** The program's cascade; with filters, the trainings counted are that year's, track's, country's and agency's (trainees). */
    async program(ctx: RequestContext, options: { year?: number | undefined; track?: string | undefined; country?: string | undefined; organizationId?: string | undefined }) {
      policy.requireAllowed(ctx.actor, 'readProgram');
      const result = await programFigures(db, options);
      return {
        year: options.year ?? null,
        filters: { track: options.track ?? null, country: options.country ?? null, organizationId: options.organizationId ?? null },
        generationZero: result.generations[0]?.newInstructors ?? 0,
        ...result,
      };
    },

    /** One instructor's downstream tree, by depth and country, with the follow-up evidence; people the caller may not see are named in `locale`. */
    async instructor(ctx: RequestContext, personId: string, options: { maxNodes: number }, locale: Locale = DEFAULT_LOCALE) {
      const profile = (await people.profiles(ctx, [personId])).get(personId);
      if (!profile || !policy.can(ctx.actor, 'read', profile)) throw notFound('person');
      const repo = cascadeRepository(db);
      const reachIds = await repo.reach(personId);
      const edges = (await repo.edgesFrom([personId, ...reachIds])).map(toEdge);
      const tree = downstream(buildGraph(edges), personId);
      const firstEdge = new Map<string, CascadeEdge>();
      for (const edge of edges) {
        const node = tree.get(edge.trainee);
        if (node && node.parent === edge.instructor && !firstEdge.has(edge.trainee)) firstEdge.set(edge.trainee, edge);
      }
      const byDepth = new Map<number, number>();
      const byCountry = new Map<string, number>();
      for (const [id, node] of tree) {
        byDepth.set(node.depth, (byDepth.get(node.depth) ?? 0) + 1);
        const country = firstEdge.get(id)?.country ?? '';
        byCountry.set(country, (byCountry.get(country) ?? 0) + 1);
      }
      const shown = [...tree.entries()].sort((a, b) => a[1].depth - b[1].depth).slice(0, options.maxNodes);
      const [profiles, followUps] = await Promise.all([people.profiles(ctx, shown.map(([id]) => id)), repo.followUps(shown.map(([id]) => id))]);
      const taught = new Map(followUps.map((f) => [f.person_id, f.has_taught === 1]));
      return {
        instructor: { id: profile.id, name: profile.name, organizationName: profile.organizationName },
        reach: reachIds.length,
        byDepth: [...byDepth].map(([depth, count]) => ({ depth, people: count })).sort((a, b) => a.depth - b.depth),
        byCountry: [...byCountry].map(([country, count]) => ({ country, people: count })).sort((a, b) => b.people - a.people || a.country.localeCompare(b.country)),
        nodes: shown.map(([id, node]) => {
          const p = profiles.get(id);
          const edge = firstEdge.get(id);
          return {
            personId: id,
            name: p?.name ?? cascadeText('person.outsideView').in(locale),
            organizationName: p?.organizationName ?? '',
            parentId: node.parent,
            depth: node.depth,
            country: edge?.country ?? '',
            year: edge?.year ?? 0,
            hasTaught: taught.get(id) ?? null,
          };
        }),
        isTruncated: tree.size > shown.length,
      };
    },
  };
}

export type CascadeService = ReturnType<typeof createCascadeService>;
