import type { Kysely } from 'kysely';
import type { RequestContext } from '../../platform/access.js';
import type { AuditRecorder } from '../../platform/audit.js';
import { type Clock, instant, today } from '../../platform/clock.js';
import { allPages, type Page, type PageRequest, type SortRequest, toPage } from '../../platform/db/keyset.js';
import type { DB } from '../../platform/db/schema.js';
import { forbidden, invalid, notFound, ruleBroken, staleVersion } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Scope } from '../../platform/policy.js';
import type { OrganizationsService } from '../organizations/organizations.service.js';
import type { PeopleService } from '../people/people.service.js';
import type { CatalogService } from './catalog.service.js';
import type { CertificationsService } from './certifications.service.js';
import { toEnrollment, toOffering } from './offerings.mapper.js';
import { enrollmentsRepository, type OfferingRowWithNames, offeringsRepository } from './offerings.repository.js';
import type { CreateOfferingInput, ListOfferingsQuery, Offering, OfferingAction, OfferingDetail, UpdateOfferingInput } from './offerings.schemas.js';
import { certificationsRepository } from './certifications.repository.js';
import { certificationsPolicy, enrollmentsPolicy, followUpsPolicy, type OfferingAccess, offeringsPolicy as policy } from './training.policy.js';
import { cancelReasonProblem, certificationStatus, offeringActionsIn, offeringDateProblems, offeringStatus } from './training.rules.js';
import { trainingText } from './training.messages.js';
import { offeringsChanged } from '../cascade/cascade.upkeep.js';

type OfferingPolicyAction = (typeof policy.actions)[number];
type InstructorRow = Awaited<ReturnType<ReturnType<typeof offeringsRepository>['instructorsOf']>>[number];

export interface OfferingsDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditRecorder;
  organizations: Pick<OrganizationsService, 'requireReference'>;
  people: Pick<PeopleService, 'profiles'>;
  catalog: Pick<CatalogService, 'courseRow' | 'credentialRules'>;
  certifications: Pick<CertificationsService, 'holdersOn'>;
}

type Mutable<T extends readonly unknown[]> = T[number][];

/** An offering as loaded for one caller: its row, its instructors and what the access policy needs. */
export interface LoadedOffering {
  row: OfferingRowWithNames;
  instructors: InstructorRow[];
  access: OfferingAccess;
}

/** The actions the caller may take on an offering: the policy's grant, in what its status still allows. */
function offeringActions(ctx: RequestContext, offering: LoadedOffering): OfferingAction[] {
  const open = offeringActionsIn(offering.row.status);
  return policy.allowedActions(ctx.actor, offering.access).filter((action) => open.includes(action));
}

/** Scheduling offerings of a course and staffing them with instructors. */
export function createOfferingsService({ db, clock, audit, organizations, people, catalog, certifications }: OfferingsDeps) {
  /** The access record of each offering, from its instructors and the participants within the caller's reach. */
  async function accessOf(ctx: RequestContext, ids: readonly string[], executor: Kysely<DB>, scope: Scope = policy.scope(ctx.actor, 'read')) {
    const repo = offeringsRepository(executor);
    const [instructors, participants] = await Promise.all([repo.instructorsOf(ids), repo.participantsOf(ids, scope)]);
    // Grouped once, so a page of offerings costs one pass over what was read, not one per offering.
    const access = new Map(ids.map((id) => [id, { instructors: [] as Mutable<OfferingAccess['instructors']>, participants: [] as Mutable<OfferingAccess['participants']> }]));
    for (const i of instructors) access.get(i.offering_id)?.instructors.push({ personId: i.person_id, organizationId: i.organization_id, role: i.role });
    for (const p of participants) access.get(p.offering_id)?.participants.push({ personId: p.person_id, organizationId: p.organization_id });
    return { instructors, of: (id: string): OfferingAccess => access.get(id) ?? { instructors: [], participants: [] } };
  }

  async function present(ctx: RequestContext, rows: OfferingRowWithNames[], executor: Kysely<DB> = db): Promise<Offering[]> {
    const found = await accessOf(ctx, rows.map((r) => r.id), executor);
    return rows.map((row) => toOffering(row, found.instructors, offeringActions(ctx, { row, instructors: found.instructors, access: found.of(row.id) })));
  }

  /**
   * The offering, if the caller may see it (staff and viewers all; others those their agency or
   * they take part in): another agency's answers exactly like a missing one.
   */
  async function load(ctx: RequestContext, id: string, executor: Kysely<DB> = db): Promise<LoadedOffering> {
    // A role that may see no offering at all (a coordinator bound to no agency) is refused, not told "not found".
    const scope = policy.scope(ctx.actor, 'read');
    const row = await offeringsRepository(executor).findById(id);
    if (!row) throw notFound('offering');
    const found = await accessOf(ctx, [id], executor, scope);
    const access = found.of(id);
    if (!policy.can(ctx.actor, 'read', access)) throw notFound('offering');
    return { row, instructors: found.instructors, access };
  }

  /** The offering, refused (404 or 403) unless the caller may take this action on it. */
  async function authorized(ctx: RequestContext, action: OfferingPolicyAction, id: string, executor: Kysely<DB> = db): Promise<LoadedOffering> {
    const loaded = await load(ctx, id, executor);
    // `load` has answered 404 for an offering out of sight; what is left is whether this action is theirs.
    if (!policy.can(ctx.actor, action, loaded.access)) throw forbidden();
    return loaded;
  }

  async function detail(ctx: RequestContext, offering: LoadedOffering, executor: Kysely<DB> = db): Promise<OfferingDetail> {
    const { row, instructors, access } = offering;
    // The roster as far as the caller reaches: all of it for staff, viewers and the offering's instructors; else their agency's or their own.
    const [enrollments, followUps, certifications] = await Promise.all([
      enrollmentsRepository(executor).forOffering(row.id, enrollmentsPolicy.scope(ctx.actor, 'read')),
      followUpsPolicy.can(ctx.actor, 'read', access) ? offeringsRepository(executor).followUps(row.id) : Promise.resolve([]),
      row.status === 'closed' ? certificationsRepository(executor).forOffering(row.id, certificationsPolicy.scope(ctx.actor, 'read')) : Promise.resolve([]),
    ]);
    const isOpen = row.status === 'scheduled';
    const day = today(clock);
    return {
      ...toOffering(row, instructors, offeringActions(ctx, offering)),
      certifications: certifications.map((c) => ({
        id: c.id,
        personId: c.person_id,
        name: `${c.given_name} ${c.family_name}`,
        credentialName: c.credential_name,
        issuedOn: c.issued_on,
        expiresOn: c.expires_on,
        isRenewal: c.renews_id !== null,
        status: certificationStatus({ expiresOn: c.expires_on, revokedAt: c.revoked_at }, day),
      })),
      enrollments: enrollments.map((e) => {
        const allowed = isOpen ? enrollmentsPolicy.allowedActions(ctx.actor, { personId: e.person_id, organizationId: e.organization_id, offering: access }) : [];
        return toEnrollment(e, allowed);
      }),
      followUps: followUps.map((f) => ({
        personId: f.person_id,
        name: `${f.given_name} ${f.family_name}`,
        recordedOn: f.recorded_on,
        hasTaught: f.has_taught === 1,
        offeringsTaught: f.offerings_taught,
        peopleTrained: f.people_trained,
        agencyReport: f.agency_report,
      })),
    };
  }

  /** An offering as an audit event keeps it: without its roster, follow-ups or what the caller could do. */
  const snapshot = (offering: OfferingDetail) => ({ ...offering, enrollments: undefined, followUps: undefined, allowedActions: undefined });

  async function checkOrganization(ctx: RequestContext, trx: Kysely<DB>, field: string, id: string | null | undefined) {
    if (!id) return;
    await organizations.requireReference(ctx, id, `/body/${field}`, trx);
  }

  function scheduledOnly(row: OfferingRowWithNames) {
    if (row.status !== 'scheduled') throw ruleBroken('offering.not_open', trainingText('offering.notOpen.change', { status: offeringStatus(row.status) }));
  }

  async function listPage(ctx: RequestContext, query: ListOfferingsQuery, page: PageRequest): Promise<Page<Offering>> {
    const scope = policy.scope(ctx.actor, 'read');
    const sort: SortRequest = { column: 'offerings.start_on', order: query.order };
    const rows = await offeringsRepository(db).list(
      {
        courseId: query.courseId,
        country: query.country,
        status: query.status,
        from: query.from,
        to: query.to,
        instructorId: query.instructorId,
        scope,
      },
      sort,
      page,
    );
    const result = toPage(rows, page, sort, (row) => ({ value: row.start_on, id: row.id }), (row) => row);
    return { items: await present(ctx, result.items), nextCursor: result.nextCursor };
  }

  return {
    list(ctx: RequestContext, query: ListOfferingsQuery) {
      return listPage(ctx, query, { limit: query.limit, cursor: query.cursor });
    },

    /** Every offering the list would show, for exports. */
    listAll(ctx: RequestContext, query: ListOfferingsQuery): AsyncGenerator<Offering> {
      return allPages((page) => listPage(ctx, query, page));
    },

    async get(ctx: RequestContext, id: string): Promise<OfferingDetail> {
      return detail(ctx, await load(ctx, id));
    },

    /** For the enrollments service. */
    load,
    authorized,
    detail,

    async schedule(ctx: RequestContext, input: CreateOfferingInput): Promise<OfferingDetail> {
      policy.requireAllowed(ctx.actor, 'create');
      return db.transaction().execute(async (trx) => {
        const course = await catalog.courseRow(input.courseId, trx).catch(() => {
          throw invalid(trainingText('course.unknown'), [{ pointer: '/body/courseId', detail: trainingText('course.notACourse') }]);
        });
        if (course.archived_at) throw ruleBroken('offering.course_archived', trainingText('offering.courseArchived', { code: course.code }));
        await checkOrganization(ctx, trx, 'hostOrganizationId', input.hostOrganizationId);
        await checkOrganization(ctx, trx, 'deliveringOrganizationId', input.deliveringOrganizationId);
        const id = newId();
        const now = instant(clock);
        await offeringsRepository(trx).insert({
          id,
          course_id: course.id,
          course_version_id: course.version_id,
          start_on: input.startOn,
          end_on: input.endOn,
          country: input.country,
          city: input.city ?? null,
          host_organization_id: input.hostOrganizationId ?? null,
          delivering_organization_id: input.deliveringOrganizationId ?? null,
          capacity: input.capacity,
          is_us_funded: input.isUsFunded ? 1 : 0,
          is_refresher: input.isRefresher ? 1 : 0,
          status: 'scheduled',
          closed_at: null,
          notes: input.notes ?? null,
          created_at: now,
          updated_at: now,
        });
        const created = await detail(ctx, await load(ctx, id, trx), trx);
        await audit(trx, ctx, { action: 'offering.schedule', entityType: 'offering', entityId: id, after: snapshot(created) });
        return created;
      });
    },

    async update(ctx: RequestContext, id: string, version: number, input: UpdateOfferingInput): Promise<OfferingDetail> {
      const action = input.status === 'cancelled' ? 'cancel' : 'update';
      policy.requireAllowed(ctx.actor, action);
      return db.transaction().execute(async (trx) => {
        // The capacity may not go below the roster, which enrollments change under this lock.
        await offeringsRepository(trx).lock(id);
        const { row: current, instructors } = await authorized(ctx, action, id, trx);
        scheduledOnly(current);
        const startOn = input.startOn ?? current.start_on;
        const endOn = input.endOn ?? current.end_on;
        const problems = offeringDateProblems({ startOn, endOn });
        if (problems.length > 0) throw invalid(trainingText('offering.endsBeforeStart'), problems.map((p) => ({ pointer: `/body/${p.field}`, detail: trainingText('offering.endBeforeStartField') })));
        const reasonProblem = action === 'cancel' ? cancelReasonProblem(input.cancelReason) : null;
        if (reasonProblem) throw invalid(trainingText('offering.sayWhyCancelled'), [{ pointer: '/body/cancelReason', detail: reasonProblem }]);
        if (input.capacity !== undefined && input.capacity < Number(current.enrolled_count ?? 0)) {
          throw ruleBroken('offering.capacity_below_enrolled', trainingText('offering.capacityBelowEnrolled', { count: Number(current.enrolled_count ?? 0) }));
        }
        await checkOrganization(ctx, trx, 'hostOrganizationId', input.hostOrganizationId);
        await checkOrganization(ctx, trx, 'deliveringOrganizationId', input.deliveringOrganizationId);
        const isUpdated = await offeringsRepository(trx).update(id, version, {
          start_on: startOn,
          end_on: endOn,
          ...(input.city !== undefined && { city: input.city }),
          ...(input.hostOrganizationId !== undefined && { host_organization_id: input.hostOrganizationId }),
          ...(input.deliveringOrganizationId !== undefined && { delivering_organization_id: input.deliveringOrganizationId }),
          ...(input.capacity !== undefined && { capacity: input.capacity }),
          ...(input.notes !== undefined && { notes: input.notes }),
          ...(input.status !== undefined && { status: input.status, cancel_reason: input.cancelReason ?? null }),
          updated_at: instant(clock),
        });
        if (!isUpdated) throw staleVersion('offering', current.version);
        await offeringsChanged(trx, [id]);
        const after = await detail(ctx, await load(ctx, id, trx), trx);
        await audit(trx, ctx, {
          action: `offering.${action}`,
          entityType: 'offering',
          entityId: id,
          before: { ...toOffering(current, instructors, []), allowedActions: undefined },
          after: snapshot(after),
        });
        return after;
      });
    },

    /**
     * Makes a person a lead or co-instructor. They must hold, active on the start date, the
     * credential the course requires; to lead, they must first have co-taught as often as the
     * credential says.
     */
    async setInstructor(ctx: RequestContext, id: string, version: number, input: { personId: string; role: 'lead' | 'co' }): Promise<OfferingDetail> {
      policy.requireAllowed(ctx.actor, 'addInstructor');
      return db.transaction().execute(async (trx) => {
        // Nobody both teaches and takes an offering: enrollments check the instructors under this lock.
        await offeringsRepository(trx).lock(id);
        const { row: offering } = await authorized(ctx, 'addInstructor', id, trx);
        scheduledOnly(offering);
        const profile = (await people.profiles(ctx, [input.personId], trx)).get(input.personId);
        if (!profile) throw invalid(trainingText('person.unknown'), [{ pointer: '/body/personId', detail: trainingText('person.notAPerson') }]);
        if ((await enrollmentsRepository(trx).forOffering(id)).some((e) => e.person_id === input.personId && e.status !== 'withdrawn')) {
          throw ruleBroken('offering.instructor_enrolled', trainingText('offering.instructorEnrolled', { name: profile.name }));
        }
        const credentialId = offering.requires_credential_id;
        if (credentialId) {
          const credential = await catalog.credentialRules(credentialId, trx);
          const holders = await certifications.holdersOn([input.personId], credentialId, offering.start_on, trx);
          if (!holders.has(input.personId)) {
            throw ruleBroken(
              'offering.instructor_not_certified',
              trainingText('offering.instructorNotCertified', { name: profile.name, credential: credential.name, start: offering.start_on, course: offering.course_code }),
            );
          }
          if (input.role === 'lead' && credential.co_teachings_before_lead > 0) {
            const done = await offeringsRepository(trx).coTeachings(input.personId, credentialId, offering.start_on);
            if (done < credential.co_teachings_before_lead) {
              throw ruleBroken(
                'offering.lead_needs_co_teaching',
                trainingText('offering.leadNeedsCoTeaching', { name: profile.name, done, count: credential.co_teachings_before_lead, credential: credential.name }),
              );
            }
          }
        }
        const repo = offeringsRepository(trx);
        if (!(await repo.update(id, version, { updated_at: instant(clock) }))) throw staleVersion('offering', offering.version);
        await repo.setInstructor(id, input.personId, input.role);
        await offeringsChanged(trx, [id]);
        await audit(trx, ctx, { action: 'offering.instructor_set', entityType: 'offering', entityId: id, after: input });
        return detail(ctx, await load(ctx, id, trx), trx);
      });
    },

    async removeInstructor(ctx: RequestContext, id: string, version: number, personId: string): Promise<OfferingDetail> {
      policy.requireAllowed(ctx.actor, 'removeInstructor');
      return db.transaction().execute(async (trx) => {
        const { row: offering } = await authorized(ctx, 'removeInstructor', id, trx);
        scheduledOnly(offering);
        const repo = offeringsRepository(trx);
        if (!(await repo.update(id, version, { updated_at: instant(clock) }))) throw staleVersion('offering', offering.version);
        if (!(await repo.removeInstructor(id, personId))) throw notFound('offeringInstructor');
        await offeringsChanged(trx, [id]);
        await audit(trx, ctx, { action: 'offering.instructor_remove', entityType: 'offering', entityId: id, before: { personId } });
        return detail(ctx, await load(ctx, id, trx), trx);
      });
    },
  };
}

export type OfferingsService = ReturnType<typeof createOfferingsService>;
