import type { Kysely } from 'kysely';
import type { RequestContext } from '../../platform/access.js';
import { type Clock, today } from '../../platform/clock.js';
import { addDays } from '../../platform/dates.js';
import type { DB } from '../../platform/db/schema.js';
import { forbidden } from '../../platform/errors.js';
import type { CascadeService } from '../cascade/cascade.service.js';
import { calendarYear, personDaysWithin } from '../deployments/person-days.js';
import { figureDefinitions, type FigureFilters } from './figures.js';
import { reportsPolicy } from './reports.policy.js';
import { reportsText } from './reports.messages.js';
import { reportsRepository, trainedBySex } from './reports.repository.js';

export type DashboardQuery = FigureFilters;

const HOME = 'US';

/**
 * The program's figures for a year, each with the link to the list of its records. Every count
 * is the count of that list under the same filters (figures.ts holds each definition once), so a
 * figure and the list it opens cannot disagree.
 */
export function createDashboardService({ db, clock, cascade }: { db: Kysely<DB>; clock: Clock; cascade: Pick<CascadeService, 'totals'> }) {
  return {
    async dashboard(ctx: RequestContext, query: DashboardQuery) {
      if (!reportsPolicy.allows(ctx.actor, 'read')) throw forbidden(reportsText('dashboard.forOffice'));
      const day = today(clock);
      const figures = figureDefinitions(db, query, day);
      const { from, to, yearEnd } = figures.period;
      const soon = addDays(yearEnd, 90);

      const [partners, engagements, overdue, deployments, inCountry, assignments, instructors, expiring, trainedTotal, trainedGroups, deploymentsByCountry, program] =
        await Promise.all([
          figures.partners.byKindAndStage(),
          figures.engagements.count(),
          figures.overdueFollowUps.count(),
          figures.deployments.count(),
          figures.deployments.count({ status: 'in_country' }),
          figures.personDays.assignments(),
          figures.instructors.count(),
          figures.instructors.count({ expiresBy: soon }),
          figures.trained.count(),
          reportsRepository(db).trainedPeople({ ...figures.trained.filter, organizationId: figures.trained.organizationId }, { country: true, sex: true }),
          figures.deployments.countByHostCountry(),
          cascade.totals(ctx, { year: query.year, track: query.track, country: query.country, organizationId: query.organizationId }),
        ]);
      const personDays = assignments.reduce((sum, a) => sum + personDaysWithin(a, calendarYear(query.year), day), 0);

      const byKind = new Map<string, Record<string, number>>();
      for (const row of partners) byKind.set(row.kind, { ...byKind.get(row.kind), [row.stage]: row.count });
      const trainedByCountry = trainedBySex(trainedGroups);
      const assisted = new Set([...deploymentsByCountry.keys(), ...trainedByCountry.keys()].filter((country) => country !== HOME));

      return {
        filters: { year: query.year, track: query.track ?? null, country: query.country ?? null, organizationId: query.organizationId ?? null },
        period: { from, to, asOf: yearEnd },
        partners: {
          total: partners.reduce((sum, row) => sum + row.count, 0),
          byKind: [...byKind].map(([kind, stages]) => ({ kind, stages, link: figures.partners.link({ kind }) })).sort((a, b) => a.kind.localeCompare(b.kind)),
          link: figures.partners.link(),
        },
        engagements: { count: engagements, link: figures.engagements.link() },
        overdueFollowUps: { count: overdue, link: figures.overdueFollowUps.link() },
        deployments: {
          count: deployments,
          inCountryNow: inCountry,
          personDays,
          link: figures.deployments.link(),
          inCountryLink: figures.deployments.link({ status: 'in_country' }),
          personDaysLink: figures.personDays.link(),
        },
        instructors: {
          active: instructors,
          expiringWithin90Days: expiring,
          link: figures.instructors.link(),
          expiringLink: figures.instructors.link({ expiresBy: soon }),
        },
        trained: {
          total: trainedTotal,
          link: figures.trained.link(),
          byCountry: [...trainedByCountry]
            .map(([country, sexes]) => ({ country, ...sexes, link: figures.trained.link({ country }) }))
            .sort((a, b) => b.total - a.total || a.country.localeCompare(b.country)),
        },
        cascade: {
          multiplier: program.multiplier,
          totalTrained: program.totalTrained,
          generations: program.generations,
          link: figures.cascadeLink(),
        },
        countriesAssisted: [...assisted]
          .map((country) => ({
            country,
            deployments: deploymentsByCountry.get(country) ?? 0,
            peopleTrained: trainedByCountry.get(country)?.total ?? 0,
            deploymentsLink: figures.deployments.link({ hostCountry: country }),
            trainedLink: figures.trained.link({ country }),
          }))
          .sort((a, b) => a.country.localeCompare(b.country)),
        query: figures.query,
      };
    },

    /** The years that have any activity, newest first, for the year picker. */
    async years(ctx: RequestContext): Promise<number[]> {
      if (!reportsPolicy.allows(ctx.actor, 'read')) throw forbidden(reportsText('dashboard.forOffice'));
      return [...(await reportsRepository(db).activityYears())].sort((a, b) => b - a);
    },
  };
}

export type DashboardService = ReturnType<typeof createDashboardService>;
