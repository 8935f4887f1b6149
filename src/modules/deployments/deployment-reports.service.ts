import type { Kysely } from 'kysely';
import type { RequestContext } from '../../platform/access.js';
import { type Clock, today } from '../../platform/clock.js';
import type { DB } from '../../platform/db/schema.js';
import { toAssignment } from './deployments.mapper.js';
import { assignmentsPolicy } from './deployments.policy.js';
import { assignmentsRepository, type PersonDaysFilter } from './deployments.repository.js';
import type { Assignment } from './deployments.schemas.js';
import { personDaysByYear } from './person-days.js';

export type PersonDaysGroup = 'deployment' | 'country' | 'organization' | 'year';

/** Deployment figures: the timeline, and person-days by deployment, country, agency or year. */
export function createDeploymentReportsService({ db, clock }: { db: Kysely<DB>; clock: Clock }) {
  return {
    /** Every assignment the actor may see that runs between two days, for the calendar. */
    async timeline(ctx: RequestContext, window: { from: string; to: string }): Promise<Assignment[]> {
      const scope = assignmentsPolicy.scope(ctx.actor, 'read');
      const day = today(clock);
      return (await assignmentsRepository(db).inWindow(window.from, window.to, scope)).map((a) => toAssignment(a, day));
    },

    /** Days deployed, summed over people: 6 officers for 90 days is 540. */
    async personDays(ctx: RequestContext, query: { groupBy: PersonDaysGroup; year?: number | undefined } & Omit<PersonDaysFilter, 'hostCountry' | 'from' | 'to'> & { country?: string | undefined }) {
      const { groupBy, year } = query;
      const scope = assignmentsPolicy.scope(ctx.actor, 'readPersonDays');
      const window = year === undefined ? {} : { from: `${year}-01-01`, to: `${year}-12-31` };
      const filter: PersonDaysFilter = { track: query.track, hostCountry: query.country, organizationId: query.organizationId, ...window };
      const day = today(clock);
      const groups = new Map<string, { label: string; people: Set<string>; personDays: number }>();
      const add = (key: string, label: string, personId: string, days: number) => {
        const group = groups.get(key) ?? { label, people: new Set<string>(), personDays: 0 };
        group.people.add(personId);
        group.personDays += days;
        groups.set(key, group);
      };
      for (const a of await assignmentsRepository(db).deployed(scope, filter)) {
        for (const { year: y, days } of personDaysByYear(a, day)) {
          if (year !== undefined && y !== year) continue;
          if (groupBy === 'deployment') add(a.deployment_id, a.deployment_title, a.person_id, days);
          if (groupBy === 'country') add(a.host_country, a.host_country, a.person_id, days);
          if (groupBy === 'organization') add(a.person_organization_id, a.person_organization_name, a.person_id, days);
          if (groupBy === 'year') add(String(y), String(y), a.person_id, days);
        }
      }
      const rows = [...groups.entries()]
        .map(([key, g]) => ({ key, label: g.label, people: g.people.size, personDays: g.personDays }))
        .sort((x, y) => y.personDays - x.personDays || x.label.localeCompare(y.label));
      return { groupBy, rows, total: rows.reduce((sum, r) => sum + r.personDays, 0) };
    },
  };
}

export type DeploymentReportsService = ReturnType<typeof createDeploymentReportsService>;
