import { type Actor, ROLES } from '../../platform/access.js';
import { definePolicy, grant, type Holders, READERS, STAFF } from '../../platform/policy.js';

/**
 * Training's access, as tables. Staff and viewers see all training. A coordinator sees the
 * offerings, results and certifications of their agency's people; an instructor, the offerings
 * they teach or take and their own record. Staff manage any offering; an instructor records the
 * roster and results of one they teach; closing (which certifies) is staff's or the lead
 * instructor's. Only staff write the catalogue (credentials and courses).
 */

/** The catalogue is no one's personal data: every signed-in role reads it. */
const CATALOGUE = {
  holders: (): Holders => ({}),
  rules: { read: grant(ROLES, 'all'), create: grant(STAFF, 'all'), update: grant(STAFF, 'all') },
};
export const credentialsPolicy = definePolicy(CATALOGUE);
export const coursesPolicy = definePolicy(CATALOGUE);

/** Who an offering belongs to: its instructors, and its participants. */
export interface OfferingAccess {
  readonly instructors: readonly { readonly personId: string; readonly organizationId: string; readonly role: string }[];
  /**
   * Its participants, or at least those within the caller's own reach (their agency's, or
   * themselves): enough to tell whether the caller takes part, without loading whole rosters.
   */
  readonly participants: readonly { readonly personId: string; readonly organizationId: string }[];
}

const teaches = (offering: OfferingAccess, actor: Actor) => offering.instructors.some((i) => i.personId === actor.personId);
const leads = (offering: OfferingAccess, actor: Actor) => offering.instructors.some((i) => i.personId === actor.personId && i.role === 'lead');

function offeringHolders(offering: OfferingAccess): Holders {
  const involved = [...offering.instructors, ...offering.participants];
  return { organizationIds: involved.map((h) => h.organizationId), personIds: involved.map((h) => h.personId) };
}

const TRAINING_READ = { ...grant(READERS, 'all'), coordinator: 'organization', instructor: 'person' } as const;

export const offeringsPolicy = definePolicy({
  holders: offeringHolders,
  rules: {
    read: TRAINING_READ,
    create: grant(STAFF, 'all'),
    update: grant(STAFF, 'all'),
    cancel: grant(STAFF, 'all'),
    addInstructor: grant(STAFF, 'all'),
    removeInstructor: grant(STAFF, 'all'),
    enroll: { ...grant(STAFF, 'all'), coordinator: 'organization', instructor: { reach: 'person', when: teaches } },
    recordResults: { ...grant(STAFF, 'all'), instructor: { reach: 'person', when: teaches } },
    close: { ...grant(STAFF, 'all'), instructor: { reach: 'person', when: leads } },
    recordFollowUp: grant(STAFF, 'all'),
  },
});

/** The follow-ups of an offering: what its trained people went on to do, for those who see its whole roster. */
export const followUpsPolicy = definePolicy({
  holders: offeringHolders,
  rules: {
    read: { ...grant(READERS, 'all'), instructor: { reach: 'person', when: teaches } },
    create: grant(STAFF, 'all'),
  },
});

/** One participant of one offering. */
export interface EnrollmentAccess {
  readonly personId: string;
  readonly organizationId: string;
  readonly offering: OfferingAccess;
}

/**
 * A participant's enrollment is their agency's and their own; the offering's instructors see
 * and record its whole roster. A coordinator enrolls their own agency's people.
 */
export const enrollmentsPolicy = definePolicy({
  holders: (enrollment: EnrollmentAccess) => ({
    organizationIds: [enrollment.organizationId],
    personIds: [enrollment.personId, ...enrollment.offering.instructors.map((i) => i.personId)],
  }),
  rules: {
    read: TRAINING_READ,
    create: { ...grant(STAFF, 'all'), coordinator: 'organization', instructor: { reach: 'person', when: (e: EnrollmentAccess, actor: Actor) => teaches(e.offering, actor) } },
    recordResult: { ...grant(STAFF, 'all'), instructor: { reach: 'person', when: (e: EnrollmentAccess, actor: Actor) => teaches(e.offering, actor) } },
  },
});

/** A person's award of a credential; only the program office revokes one. */
export const certificationsPolicy = definePolicy({
  holders: (certification: { personId: string; organizationId: string }) => ({ organizationIds: [certification.organizationId], personIds: [certification.personId] }),
  rules: {
    read: TRAINING_READ,
    revoke: grant(STAFF, 'all'),
  },
});

/** A person's transcript: their courses and results, which viewers (no personal data beyond names) do not see. */
export const transcriptsPolicy = definePolicy({
  holders: (person: { id: string; organizationId: string }) => ({ organizationIds: [person.organizationId], personIds: [person.id] }),
  rules: {
    read: { ...grant(STAFF, 'all'), coordinator: 'organization', instructor: 'person' },
  },
});
