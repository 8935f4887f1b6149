import type { Kysely, Transaction } from 'kysely';
import type { RequestContext } from '../../platform/access.js';
import type { AuditEntry, AuditRecorder } from '../../platform/audit.js';
import { type Clock, instant, today } from '../../platform/clock.js';
import { isUniqueViolation } from '../../platform/db/dialect.js';
import type { DB } from '../../platform/db/schema.js';
import { AppError, forbidden, invalid, notFound, ruleBroken, staleVersion } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { PublicAddress } from '../../platform/public-address.js';
import type { Text } from '../../platform/i18n/messages.js';
import { inTransaction } from '../../platform/db/transactions.js';
import type { PersonProfile } from '../people/people.mapper.js';
import type { PeopleService } from '../people/people.service.js';
import type { BadgesService } from '../badges/badges.service.js';
import { vettingPolicy } from '../vetting/vetting.policy.js';
import type { VettingService } from '../vetting/vetting.service.js';
import type { CatalogService } from './catalog.service.js';
import type { CertificationsService } from './certifications.service.js';
import { toEnrollment } from './offerings.mapper.js';
import { enrollmentsRepository, type OfferingRowWithNames, offeringsRepository } from './offerings.repository.js';
import type { Enrollment, FollowUpInput, OfferingDetail, RecordResultInput } from './offerings.schemas.js';
import type { OfferingsService } from './offerings.service.js';
import { enrollmentsPolicy, type OfferingAccess, offeringsPolicy, transcriptsPolicy } from './training.policy.js';
import { clashingOffering, followUpWindow, isVettingValidOn, offeringStatus, unmetCriteria } from './training.rules.js';
import { trainingText } from './training.messages.js';
import { offeringsChanged } from '../cascade/cascade.upkeep.js';

export interface EnrollmentsDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditRecorder;
  people: Pick<PeopleService, 'profiles' | 'profilesForRule' | 'lock'>;
  offerings: Pick<OfferingsService, 'load' | 'authorized' | 'detail'>;
  catalog: Pick<CatalogService, 'credentialRules'>;
  certifications: Pick<CertificationsService, 'issue' | 'ofPerson'>;
  vetting: Pick<VettingService, 'latestOf'>;
  badges: Pick<BadgesService, 'issueAfterCommit'>;
  /** Where the certificates issued on closing will point. */
  address: PublicAddress;
}

/** The program office is American: participants from agencies of other countries are foreign. */
export const PROGRAM_COUNTRY = 'US';

const conflictRule = (rule: string, message: Text) => new AppError('conflict', message, { rule });
const unknownPerson = () => invalid(trainingText('person.unknown'), [{ pointer: '/body/personId', detail: trainingText('person.notVisible') }]);
const alreadyOnRoster = (name: string) => conflictRule('enrollment.duplicate', trainingText('enrollment.duplicate', { name }));

/** The statuses that hold a seat and a place in the person's calendar. */
const SEATED: readonly string[] = ['enrolled', 'completed'];

/** Rosters, attendance and results, closing an offering, and what came of it. */
export function createEnrollmentsService({ db, clock, audit, people, offerings, catalog, certifications, vetting, badges, address }: EnrollmentsDeps) {
  /**
   * Certificates carry Cadre's address in their QR codes and signed links for good: while that
   * address is not public (CADRE_PUBLIC_URL unset, loopback, or not https), a person issuing them
   * confirms it by naming it back. Cadre's own acts (the demo seeding, command-line runs) were
   * started by whoever set the environment, and are not asked.
   */
  function refuseUnacknowledgedAddress(ctx: RequestContext, acknowledgedAddress: string | undefined) {
    if (address.isPublic || ctx.actor.id === null || acknowledgedAddress === address.url) return;
    throw conflictRule(
      'certificate.address_not_public',
      trainingText('address.notPublic', { url: address.url, problem: trainingText(`address.${address.problem ?? 'unset'}`) }),
    );
  }

  /**
   * A seat left on the offering (its lock held), and no other offering of the person's at the
   * same time: the person is locked first, as every enrollment of theirs checks this under it.
   */
  async function checkSeatAndCalendar(trx: Kysely<DB>, offering: OfferingRowWithNames, personId: string, name: string) {
    const repo = enrollmentsRepository(trx);
    const seated = (await repo.forOffering(offering.id)).filter((e) => e.status !== 'withdrawn' && e.status !== 'no_show').length;
    if (seated >= offering.capacity) throw conflictRule('offering.full', trainingText('offering.full', { count: offering.capacity }));
    await people.lock(personId, trx);
    const others = (await repo.forPerson(personId))
      .filter((e) => e.offering_id !== offering.id && SEATED.includes(e.status))
      .map((e) => ({ start: e.start_on, end: e.end_on, title: e.title }));
    const clash = clashingOffering({ start: offering.start_on, end: offering.end_on }, others);
    if (clash) throw ruleBroken('enrollment.clash', trainingText('enrollment.clash', { name, title: clash.title, start: clash.start, end: clash.end }));
  }

  /** The rules of enrolling, and the enrollment, once the caller may enroll this person here. */
  async function admit(ctx: RequestContext, trx: Transaction<DB>, offering: OfferingRowWithNames, access: OfferingAccess, profile: PersonProfile): Promise<Enrollment> {
    const personId = profile.id;
    if (offering.status !== 'scheduled') throw ruleBroken('offering.not_open', trainingText('offering.notOpen.enroll', { status: offeringStatus(offering.status) }));
    if (access.instructors.some((i) => i.personId === personId)) throw ruleBroken('enrollment.is_instructor', trainingText('enrollment.isInstructor', { name: profile.name }));
    const repo = enrollmentsRepository(trx);
    if ((await repo.forOffering(offering.id)).some((e) => e.person_id === personId)) throw alreadyOnRoster(profile.name);
    await checkSeatAndCalendar(trx, offering, personId, profile.name);
    if (offering.is_us_funded === 1 && profile.organizationCountry !== PROGRAM_COUNTRY) {
      const latest = (await vetting.latestOf([personId], trx)).get(personId);
      if (!latest || !isVettingValidOn(latest, offering.start_on)) {
        // Vetting is the program office's to read: others learn only that it stands in the way.
        const values = { name: profile.name, start: offering.start_on };
        const text = !vettingPolicy.can(ctx.actor, 'read', { personId })
          ? trainingText('vetting.notCleared', values)
          : latest
            ? trainingText('vetting.notClearedLatest', { ...values, status: trainingText(`vettingStatus.${latest.status as 'pending'}`) })
            : trainingText('vetting.notClearedNone', values);
        throw ruleBroken('vetting.not_cleared', text);
      }
    }
    const id = newId();
    const now = instant(clock);
    await repo.insert({ id, offering_id: offering.id, person_id: personId, status: 'enrolled', attendance_percent: null, score: null, outcome: null, created_at: now, updated_at: now });
    const enrollment = toEnrollment((await repo.findById(id)) as NonNullable<Awaited<ReturnType<typeof repo.findById>>>);
    await audit(trx, ctx, { action: 'enrollment.create', entityType: 'enrollment', entityId: id, after: enrollment });
    return enrollment;
  }

  return {
    /**
     * Enrolls a person: the offering must be open and have a seat; nobody twice, nobody who teaches
     * it, nobody in two offerings at once; a foreign participant of a U.S.-funded offering needs a
     * vetting cleared and valid on the start date.
     */
    async enroll(ctx: RequestContext, offeringId: string, personId: string, executor?: Transaction<DB>): Promise<Enrollment> {
      return inTransaction(db, executor, async (trx) => {
        // Status, seats and roster are read under the offering's lock, the calendar under the person's.
        await offeringsRepository(trx).lock(offeringId);
        const { row: offering, access } = await offerings.authorized(ctx, 'enroll', offeringId, trx);
        // The offering's instructors enroll whoever attends; others enroll the people they can see.
        const isRecorder = offeringsPolicy.can(ctx.actor, 'recordResults', access);
        const visible = await people.profiles(ctx, [personId], trx);
        const profile = (isRecorder ? await people.profilesForRule([personId], trx) : visible).get(personId);
        if (!profile) throw unknownPerson();
        if (!enrollmentsPolicy.can(ctx.actor, 'create', { personId, organizationId: profile.organizationId, offering: access })) throw forbidden();
        try {
          return await admit(ctx, trx, offering, access, profile);
        } catch (error) {
          // Any refusal about a person the caller may not read answers as if there were no such person.
          if (!visible.has(personId) && (error instanceof AppError || isUniqueViolation(error))) throw unknownPerson();
          if (isUniqueViolation(error)) throw alreadyOnRoster(profile.name);
          throw error;
        }
      });
    },

    /**
     * An offering's roster as an import compares it with an attendance sheet, read in the
     * caller's transaction; whether the actor may record results there, and whether it is open.
     */
    async rosterForImport(ctx: RequestContext, offeringId: string, trx: Kysely<DB>) {
      const { row: offering, access } = await offerings.load(ctx, offeringId, trx);
      const isRecorder = offeringsPolicy.can(ctx.actor, 'recordResults', access);
      const roster = (await enrollmentsRepository(trx).forOffering(offeringId)).map((row) => toEnrollment(row));
      return { isOpen: offering.status === 'scheduled', status: offering.status, isRecorder, roster };
    },

    /** Attendance and score, or a withdrawal or no-show, before the offering closes. */
    async recordResult(ctx: RequestContext, offeringId: string, enrollmentId: string, version: number, input: RecordResultInput, executor?: Transaction<DB>): Promise<Enrollment> {
      return inTransaction(db, executor, async (trx) => {
        // Under the offering's lock a close either came first (and this is refused) or waits for this.
        await offeringsRepository(trx).lock(offeringId);
        const { row: offering } = await offerings.authorized(ctx, 'recordResults', offeringId, trx);
        if (offering.status !== 'scheduled') throw ruleBroken('offering.not_open', trainingText('offering.notOpen.results', { status: offeringStatus(offering.status) }));
        const repo = enrollmentsRepository(trx);
        const current = await repo.findById(enrollmentId);
        if (!current || current.offering_id !== offeringId) throw notFound('enrollment');
        // Back on the roster from a withdrawal or no-show takes a seat and a place in the calendar again.
        if (input.status === 'enrolled' && !SEATED.includes(current.status)) {
          await checkSeatAndCalendar(trx, offering, current.person_id, `${current.given_name} ${current.family_name}`);
        }
        const isUpdated = await repo.update(enrollmentId, version, {
          ...(input.attendancePercent !== undefined && { attendance_percent: input.attendancePercent }),
          ...(input.score !== undefined && { score: input.score }),
          ...(input.status !== undefined && { status: input.status }),
          updated_at: instant(clock),
        });
        if (!isUpdated) throw staleVersion('enrollment', current.version);
        if (input.status !== undefined && input.status !== current.status) await offeringsChanged(trx, [offeringId]);
        const after = toEnrollment((await repo.findById(enrollmentId)) as typeof current);
        await audit(trx, ctx, { action: 'enrollment.result', entityType: 'enrollment', entityId: enrollmentId, before: toEnrollment(current), after });
        return after;
      });
    },

    /**
     * Closes an offering in one transaction: everyone still enrolled who met the credential's
     * criteria completes and is certified (a renewal if they held it already); the others fail,
     * with the reasons. The report says who was certified and who was not, and why. Their signed
     * credentials are issued once the close has committed (`issueAfterCommit`).
     */
    async close(ctx: RequestContext, offeringId: string, version: number, acknowledgedAddress?: string) {
      const { report, certificationIds } = await db.transaction().execute(async (trx) => {
        // No result is recorded, and nobody enrolled, between reading the roster and closing it.
        await offeringsRepository(trx).lock(offeringId);
        const { row: offering } = await offerings.authorized(ctx, 'close', offeringId, trx);
        if (offering.status !== 'scheduled') throw ruleBroken('offering.not_open', trainingText('offering.notOpen.close', { status: offeringStatus(offering.status) }));
        if (today(clock) < offering.end_on) throw ruleBroken('offering.close_before_end', trainingText('offering.closeBeforeEnd', { end: offering.end_on }));
        const credential = offering.grants_credential_id ? await catalog.credentialRules(offering.grants_credential_id, trx) : null;
        if (credential) refuseUnacknowledgedAddress(ctx, acknowledgedAddress);
        const rules = credential
          ? { validityMonths: credential.validity_months, passMark: credential.pass_mark, minAttendancePercent: credential.min_attendance_percent }
          : { validityMonths: null, passMark: null, minAttendancePercent: 0 };
        const passed: { personId: string; name: string }[] = [];
        const notCertified: { personId: string; name: string; reasons: Text[] }[] = [];
        const settled: { id: string; version: number; status: 'completed' | 'failed'; outcome: string | null }[] = [];
        const now = instant(clock);
        // One read of the roster, one write of every outcome, whatever the roster's size.
        for (const e of await enrollmentsRepository(trx).forOffering(offeringId)) {
          if (e.status !== 'enrolled') continue;
          const reasons = unmetCriteria({ attendancePercent: e.attendance_percent, score: e.score }, rules);
          const name = `${e.given_name} ${e.family_name}`;
          settled.push({ id: e.id, version: e.version, status: reasons.length ? 'failed' : 'completed', outcome: reasons.length ? reasons.map(String).join('; ') : null });
          if (reasons.length) notCertified.push({ personId: e.person_id, name, reasons });
          else passed.push({ personId: e.person_id, name });
        }
        if ((await enrollmentsRepository(trx).settle(settled, now)) !== settled.length) throw staleVersion('enrollmentOfOffering', settled[0]?.version ?? 1);
        // The enrollments' statuses are written: the cascade they move follows in the same transaction.
        await offeringsChanged(trx, [offeringId]);

        // Every event of the close is recorded at once, at the end, in the order they happened.
        const events: AuditEntry[] = [];
        const issued = credential
          ? await certifications.issue(
              ctx,
              trx,
              passed.map((p) => ({ personId: p.personId, credentialId: credential.id, offeringId, issuedOn: offering.end_on, validityMonths: credential.validity_months })),
              events,
            )
          : new Map<string, { id: string; expiresOn: string | null; isRenewal: boolean }>();
        if (!(await offeringsRepository(trx).update(offeringId, version, { status: 'closed', closed_at: now, updated_at: now }))) {
          throw staleVersion('offering', offering.version);
        }
        events.push({
          action: 'offering.close',
          entityType: 'offering',
          entityId: offeringId,
          before: { status: offering.status },
          after: { status: 'closed', certified: issued.size, notCertified: notCertified.length },
        });
        await audit.many(trx, ctx, events);
        const report = {
          offering: await offerings.detail(ctx, await offerings.load(ctx, offeringId, trx), trx),
          certified: passed
            .filter((p) => issued.has(p.personId))
            .map((p) => {
              const award = issued.get(p.personId) as { id: string; expiresOn: string | null; isRenewal: boolean };
              return { personId: p.personId, name: p.name, certificationId: award.id, expiresOn: award.expiresOn, isRenewal: award.isRenewal };
            }),
          passedWithoutCredential: credential ? [] : passed,
          notCertified,
        };
        return { report, certificationIds: [...issued.values()].map((award) => award.id) };
      });
      // Each certification leaves as a signed Open Badge, once there is a program office to issue it.
      if (certificationIds.length > 0) badges.issueAfterCommit(ctx, certificationIds);
      return report;
    },

    /** What a trained instructor went on to do, 3 to 12 months after the offering: the evidence that training took root. */
    async recordFollowUp(ctx: RequestContext, offeringId: string, input: FollowUpInput): Promise<OfferingDetail> {
      return db.transaction().execute(async (trx) => {
        const { row: offering } = await offerings.authorized(ctx, 'recordFollowUp', offeringId, trx);
        const completed = (await enrollmentsRepository(trx).forOffering(offeringId)).find((e) => e.person_id === input.personId && e.status === 'completed');
        if (!completed) throw invalid(trainingText('followUp.notCompleted'), [{ pointer: '/body/personId', detail: trainingText('followUp.notCompletedField') }]);
        const window = followUpWindow(offering.end_on);
        if (input.recordedOn < window.start || input.recordedOn > window.end) {
          throw ruleBroken('followup.window', trainingText('followUp.window', { start: window.start, end: window.end }));
        }
        await offeringsRepository(trx).upsertFollowUp({
          id: newId(),
          offering_id: offeringId,
          person_id: input.personId,
          recorded_on: input.recordedOn,
          has_taught: input.hasTaught ? 1 : 0,
          offerings_taught: input.offeringsTaught,
          people_trained: input.peopleTrained,
          agency_report: input.agencyReport ?? null,
          recorded_by: ctx.actor.id,
          created_at: instant(clock),
        });
        await audit(trx, ctx, { action: 'offering.follow_up', entityType: 'offering', entityId: offeringId, after: input });
        return offerings.detail(ctx, await offerings.load(ctx, offeringId, trx), trx);
      });
    },

    /** A person's courses (taken and taught), results and certifications. */
    async transcript(ctx: RequestContext, personId: string) {
      const profile = (await people.profiles(ctx, [personId])).get(personId);
      if (!profile || !transcriptsPolicy.can(ctx.actor, 'read', profile)) throw notFound('person');
      const repo = enrollmentsRepository(db);
      const [taken, taught, certs] = await Promise.all([repo.forPerson(personId), repo.taughtBy(personId), certifications.ofPerson(personId, db, ctx)]);
      const courses = [
        ...taken.map((e) => ({
          offeringId: e.offering_id,
          courseCode: e.code,
          courseTitle: e.title,
          courseLanguage: e.language,
          courseVersion: e.version_number,
          startOn: e.start_on,
          endOn: e.end_on,
          country: e.country,
          role: 'participant' as const,
          status: e.status,
          attendancePercent: e.attendance_percent,
          score: e.score,
        })),
        ...taught.map((t) => ({
          offeringId: t.offering_id,
          courseCode: t.code,
          courseTitle: t.title,
          courseLanguage: t.language,
          courseVersion: t.version_number,
          startOn: t.start_on,
          endOn: t.end_on,
          country: t.country,
          role: t.role as 'lead' | 'co',
          status: t.status,
          attendancePercent: null,
          score: null,
        })),
      ].sort((a, b) => a.startOn.localeCompare(b.startOn));
      return { person: { id: profile.id, name: profile.name, organizationName: profile.organizationName }, courses, certifications: certs };
    },
  };
}

export type EnrollmentsService = ReturnType<typeof createEnrollmentsService>;
