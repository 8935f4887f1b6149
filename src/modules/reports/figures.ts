import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Scope } from '../../platform/policy.js';
import { assignmentsRepository, type DeploymentFilter, deploymentsRepository, type PersonDaysFilter } from '../deployments/deployments.repository.js';
import { type EngagementFilter, engagementsRepository, type TaskFilter, tasksRepository } from '../engagements/engagements.repository.js';
import { type PartnershipFilter, partnershipsRepository } from '../partnerships/partnerships.repository.js';
import { type PeopleFilter, peopleRepository } from '../people/people.repository.js';
import { type CertificationFilter, certificationsRepository } from '../training/certifications.repository.js';
import type { TrainedFilter } from '../training/trained.repository.js';

/** What the dashboard's figures are limited to. */
export interface FigureFilters {
  year: number;
  track?: 'policing' | 'corrections' | undefined;
  country?: string | undefined;
  /** A partner organization. */
  organizationId?: string | undefined;
}

/** The dashboard is for the program office and its viewers, who see every record. */
const EVERYTHING: Scope = { kind: 'all' };

/** A web path with the parameters that have a value, in the order given. */
function link(path: string, params: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '').map(([k, v]): [string, string] => [k, String(v)]));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * Each figure's one definition: the filter of the list that shows its records (the list's own
 * repository filter, so its SQL is written once), the count of that list, and the web path of the
 * list with the same filter as its parameters. The web list pages pass those parameters to the
 * API unchanged, so the figure, the link and the list's total are one query three ways.
 */
export function figureDefinitions(db: Kysely<DB>, filters: FigureFilters, today: string) {
  const { year, track, country, organizationId } = filters;
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  // Stages and certifications as they stood at the year's end, or today for the year under way.
  const yearEnd = to < today ? to : today;
  const partner = { track, country };

  const partnersFilter: PartnershipFilter & { asOf: string } = { asOf: yearEnd, track, country, organizationId, scope: EVERYTHING };
  const engagementsFilter: EngagementFilter = { from, to, organizationId, partner, scope: EVERYTHING };
  const overdueFilter: TaskFilter = { overdueOn: today, dueFrom: from, dueBy: to, organizationId, partner, scope: EVERYTHING };
  const deploymentsFilter: DeploymentFilter = { from, to, track, hostCountry: country, organizationId, cancelled: 'exclude', scope: EVERYTHING };
  const personDaysFilter: PersonDaysFilter = { from, to, track, hostCountry: country, organizationId };
  const instructorsFilter: CertificationFilter = { activeOn: yearEnd, credentialLevel: 'instructor', track, country, organizationId, today, scope: EVERYTHING };
  const trainedFilter: TrainedFilter = { from, to, track, country };
  const peopleFilter = (trained: TrainedFilter): PeopleFilter => ({ trained, organizationId, scope: EVERYTHING });

  return {
    period: { from, to, yearEnd },
    query: link('', { year, track, country, organizationId }).slice(1),

    partners: {
      byKindAndStage: () => partnershipsRepository(db).countByKindAndStage(partnersFilter),
      link: (more: { kind?: string } = {}) => link('/partnerships', { asOf: yearEnd, track, country, organizationId, kind: more.kind }),
    },
    engagements: {
      count: () => engagementsRepository(db).count(engagementsFilter),
      all: () => engagementsRepository(db).all(engagementsFilter),
      link: () => link('/engagements', { from, to, track, country, organizationId }),
    },
    /** Follow-ups due in the year and still open past their day. */
    overdueFollowUps: {
      count: () => tasksRepository(db).count(overdueFilter),
      link: () => link('/tasks', { isOverdue: 'true', dueFrom: from, dueBy: to, track, country, organizationId }),
    },
    /** Deployments running in the year that were not cancelled. */
    deployments: {
      count: (more: { status?: DeploymentFilter['status'] } = {}) => deploymentsRepository(db).count({ ...deploymentsFilter, ...more }),
      countByHostCountry: () => deploymentsRepository(db).countByHostCountry(deploymentsFilter),
      filter: deploymentsFilter,
      link: (more: { status?: string; hostCountry?: string } = {}) =>
        link('/deployments', { from, to, track, hostCountry: more.hostCountry ?? country, organizationId, cancelled: 'exclude', status: more.status }),
    },
    /** Days deployed in the year, over the assignments the person-days list sums. */
    personDays: {
      assignments: () => assignmentsRepository(db).deployed(EVERYTHING, personDaysFilter),
      link: () => link('/deployments/timeline', { from, to, year, track, country, organizationId }),
    },
    /** Instructor certifications (a course of instructor level or above grants them) held at the year's end. */
    instructors: {
      count: (more: { expiresBy?: string } = {}) => certificationsRepository(db).count({ ...instructorsFilter, ...more }),
      link: (more: { expiresBy?: string } = {}) =>
        link('/certifications', { activeOn: yearEnd, expiresBy: more.expiresBy, credentialLevel: 'instructor', track, country, organizationId }),
    },
    /** People who completed a course in an offering that ended in the year (not cancelled). */
    trained: {
      filter: trainedFilter,
      organizationId,
      count: () => peopleRepository(db).count(peopleFilter(trainedFilter)),
      link: (more: { country?: string } = {}) =>
        link('/people', { trainedFrom: from, trainedTo: to, trainedTrack: track, trainedCountry: more.country ?? country, organizationId }),
    },
    cascadeLink: () => link('/cascade', { year, track, country, organizationId }),
  };
}

