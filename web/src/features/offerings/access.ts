import type { OfferingDetail, User } from '../../api/schemas';
import { canWrite } from '../../api/session';

export interface OfferingAccess {
  /** Schedule, staff, cancel: the program office. */
  canManage: boolean;
  /** The roster, attendance and scores: staff, and the offering's own instructors. */
  canRecord: boolean;
  /** Closing certifies: staff, and the offering's lead instructor. */
  canClose: boolean;
  /** Enrolling: whoever records the roster, and a coordinator for their own people. */
  canEnroll: boolean;
}

/**
 * What the signed-in user may do to one offering, to choose what the page offers. It mirrors
 * training.policy.ts; the API checks again and has the last word.
 */
export function offeringAccess(user: Pick<User, 'role' | 'personId' | 'organizationId'>, offering: OfferingDetail): OfferingAccess {
  const isStaff = canWrite(user);
  const isOpen = offering.status === 'scheduled';
  const teaching = offering.instructors.find((instructor) => user.role === 'instructor' && instructor.personId === user.personId);
  const canRecord = isStaff || Boolean(teaching);
  return {
    canManage: isStaff && isOpen,
    canRecord: canRecord && isOpen,
    canClose: (isStaff || teaching?.role === 'lead') && isOpen,
    canEnroll: (canRecord || (user.role === 'coordinator' && user.organizationId !== null)) && isOpen,
  };
}
