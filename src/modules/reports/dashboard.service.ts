import type { Kysely } from 'kysely';
import type { RequestContext } from '../../platform/access.js';
import { type Clock, today } from '../../platform/clock.js';
import { addDays } from '../../platform/dates.js';
import type { DB } from '../../platform/db/schema.js';
import { forbidden } from '../../platform/errors.js';
import type { CascadeService } from '../cascade/cascade.service.js';
import { calendarYear, personDaysWithin } from '../deployments/person-days.js';
import { isActiveOn } from '../training/training.rules.js';
import { reportsPolicy } from './reports.policy.js';
import { reportsRepository, trainedBySex } from './reports.repository.js';

export interface DashboardQuery {
  year: number;
  track?: 'policing' | 'corrections' | undefined;
  country?: string | undefined;
  organizationId?: string | undefined;
}

/** The program's figures for a year, each with the link to the records behind it. */
export function createDashboardService({ db, clock, cascade }: { db: Kysely<DB>; clock: Clock; cascade: Pick<CascadeService, 'program'> }) {
  return {
    async dashboard(ctx: RequestContext, query: DashboardQuery) {
      if (!reportsPolicy.allows(ctx.actor, 'read')) throw forbidden('The dashboard is for the program office and its viewers.');
      const repo = reportsRepository(db);
      const day = today(clock);
      const from = `${query.year}-01-01`;
      const to = `${query.year}-12-31`;
      const yearEnd = to < day ? to : day;
      const filter = { from, to, track: query.track, country: query.country, organizationId: query.organizationId };
      const params = new URLSearchParams(Object.entries({ year: String(query.year), track: query.track, country: query.country, organizationId: query.organizationId }).filter(([, v]) => v) as [string, string][]);

      const partnerships = await repo.partnerships({ track: query.track, organizationId: query.organizationId });
      const stageAt = (p: (typeof partnerships)[number]) => p.changes.filter((c) => c.changed_on <= yearEnd).at(-1)?.to_stage;
      const byKind = new Map<string, Record<string, number>>();
      for (const p of partnerships) {
        const stage = stageAt(p);
        if (!stage) continue;
        const row = byKind.get(p.kind) ?? {};
        row[stage] = (row[stage] ?? 0) + 1;
        byKind.set(p.kind, row);
      }

      const [engagements, overdue, deployments, trainedGroups, trainedTotal, certifications, program] = await Promise.all([
        repo.engagements(filter),
        repo.openTasks({ overdueOn: day, organizationId: query.organizationId }),
        repo.deployments(filter),
        repo.trainedPeople(filter, { country: true, sex: true }),
        repo.trainedPeople(filter),
        repo.instructorCertifications({ track: query.track, organizationId: query.organizationId, issuedBy: yearEnd }),
        cascade.program(ctx, { year: query.year }),
      ]);
      const assignments = await repo.deployedAssignments(deployments.map((d) => d.id), query.organizationId);
      const personDays = assignments.reduce((sum, a) => sum + personDaysWithin(a, calendarYear(query.year), day), 0);
      const instructorCerts = certifications.filter((c) => !query.country || c.country === query.country);
      const activeInstructors = new Set(instructorCerts.filter((c) => isActiveOn({ issuedOn: c.issued_on, expiresOn: c.expires_on, revokedAt: c.revoked_at }, yearEnd)).map((c) => c.person_id));
      const soon = addDays(yearEnd, 90);
      const expiring = new Set(
        instructorCerts.filter((c) => c.revoked_at === null && c.expires_on !== null && c.expires_on >= yearEnd && c.expires_on <= soon).map((c) => c.person_id),
      );

      const trainedByCountry = trainedBySex(trainedGroups);
      const countries = new Map<string, { deployments: number; peopleTrained: number }>();
      for (const d of deployments) {
        const entry = countries.get(d.host_country) ?? { deployments: 0, peopleTrained: 0 };
        entry.deployments += 1;
        countries.set(d.host_country, entry);
      }
      for (const [country, sexes] of trainedByCountry) {
        if (country === 'US') continue;
        const entry = countries.get(country) ?? { deployments: 0, peopleTrained: 0 };
        entry.peopleTrained = sexes.total;
        countries.set(country, entry);
      }

      return {
        filters: { year: query.year, track: query.track ?? null, country: query.country ?? null, organizationId: query.organizationId ?? null },
        partners: {
          total: [...byKind.values()].reduce((sum, stages) => sum + Object.values(stages).reduce((a, b) => a + b, 0), 0),
          byKind: [...byKind].map(([kind, stages]) => ({ kind, stages, link: `/organizations?kind=${kind}` })).sort((a, b) => a.kind.localeCompare(b.kind)),
          link: '/partnerships',
        },
        engagements: { count: engagements.length, link: `/engagements?from=${from}&to=${to}${query.organizationId ? `&organizationId=${query.organizationId}` : ''}` },
        overdueFollowUps: { count: overdue.length, link: '/tasks?view=overdue' },
        deployments: {
          count: deployments.length,
          inCountryNow: deployments.filter((d) => d.status === 'in_country').length,
          personDays,
          link: `/deployments?from=${from}&to=${to}${query.country ? `&hostCountry=${query.country}` : ''}`,
        },
        instructors: { active: activeInstructors.size, expiringWithin90Days: expiring.size, link: '/certifications?status=active', expiringLink: '/certifications/expiring' },
        trained: {
          total: trainedTotal[0]?.people ?? 0,
          byCountry: [...trainedByCountry]
            .map(([country, sexes]) => ({ country, ...sexes, link: `/offerings?country=${country}&from=${from}&to=${to}` }))
            .sort((a, b) => b.total - a.total || a.country.localeCompare(b.country)),
        },
        cascade: { multiplier: program.multiplier, totalTrained: program.totalTrained, generations: program.generations, link: `/cascade?year=${query.year}` },
        countriesAssisted: [...countries].filter(([country]) => country !== 'US').map(([country, v]) => ({ country, ...v })).sort((a, b) => a.country.localeCompare(b.country)),
        query: params.toString(),
      };
    },

    /** The years that have any activity, newest first, for the year picker. */
    async years(ctx: RequestContext): Promise<number[]> {
      if (!reportsPolicy.allows(ctx.actor, 'read')) throw forbidden('The dashboard is for the program office and its viewers.');
      const rows = await reportsRepository(db).activityDays();
      return [...new Set(rows.map((r) => Number(String(r.day).slice(0, 4))))].sort((a, b) => b - a);
    },
  };
}

export type DashboardService = ReturnType<typeof createDashboardService>;
