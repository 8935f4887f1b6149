import type { Kysely } from 'kysely';
import type { RequestContext } from '../../platform/access.js';
import type { DB } from '../../platform/db/schema.js';
import type { Text } from '../../platform/i18n/messages.js';
import { peopleText } from '../people/people.messages.js';
import type { PeopleService } from '../people/people.service.js';
import { deploymentBlockers } from '../people/readiness.js';

export interface AssignmentPeriod {
  id: string;
  person_id: string;
  start_on: string;
  end_on: string;
  is_high_threat: number;
}

/** What stops a person from deploying, and the rule it breaks: "Ana Díaz has no passport on record". */
export interface Blocker {
  rule: string;
  detail: Text;
}

export interface ReadinessCheck {
  /** What stops each assignment's person from deploying for its dates, by assignment id. */
  blockersFor(ctx: RequestContext, assignments: readonly AssignmentPeriod[], executor: Kysely<DB>): Promise<Map<string, Blocker[]>>;
}

export function createReadinessCheck(people: Pick<PeopleService, 'profiles'>): ReadinessCheck {
  return {
    async blockersFor(ctx, assignments, executor) {
      const profiles = await people.profiles(ctx, assignments.map((a) => a.person_id), executor);
      const result = new Map<string, Blocker[]>();
      for (const a of assignments) {
        const profile = profiles.get(a.person_id);
        if (!profile) continue;
        const problems = deploymentBlockers(profile.readiness, { start: a.start_on, end: a.end_on }, { isHighThreat: a.is_high_threat === 1 });
        result.set(a.id, problems.map((p) => ({ rule: p.rule, detail: peopleText('readiness.who', { name: profile.name, problem: p.detail }) })));
      }
      return result;
    },
  };
}
