import type { EnrollmentRowWithPerson, OfferingRowWithNames } from './offerings.repository.js';
import type { Enrollment, EnrollmentAction, Offering, OfferingAction } from './offerings.schemas.js';

type InstructorRow = { offering_id: string; person_id: string; role: string; given_name: string; family_name: string };

/** An offering as the API shows it, with what the caller may do to it (none in an audit event). */
export function toOffering(row: OfferingRowWithNames, instructors: readonly InstructorRow[], allowedActions: OfferingAction[] = []): Offering {
  return {
    id: row.id,
    course: { id: row.course_id, code: row.course_code, title: row.course_title, level: row.course_level, track: row.course_track, language: row.course_language },
    courseVersion: row.course_version_number,
    startOn: row.start_on,
    endOn: row.end_on,
    country: row.country,
    city: row.city,
    hostOrganization: row.host_organization_id ? { id: row.host_organization_id, name: row.host_name ?? '' } : null,
    deliveringOrganization: row.delivering_organization_id ? { id: row.delivering_organization_id, name: row.delivering_name ?? '' } : null,
    capacity: row.capacity,
    enrolledCount: Number(row.enrolled_count ?? 0),
    isUsFunded: row.is_us_funded === 1,
    isRefresher: row.is_refresher === 1,
    status: row.status,
    closedAt: row.closed_at,
    cancelReason: row.cancel_reason,
    instructors: instructors
      .filter((i) => i.offering_id === row.id)
      .map((i) => ({ personId: i.person_id, name: `${i.given_name} ${i.family_name}`, role: i.role as 'lead' | 'co' })),
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    allowedActions,
  };
}

export function toEnrollment(row: EnrollmentRowWithPerson, allowedActions: EnrollmentAction[] = []): Enrollment {
  return {
    id: row.id,
    offeringId: row.offering_id,
    person: { id: row.person_id, name: `${row.given_name} ${row.family_name}`, organizationId: row.organization_id, organizationName: row.organization_name },
    status: row.status,
    attendancePercent: row.attendance_percent,
    score: row.score,
    outcome: row.outcome,
    version: row.version,
    allowedActions,
  };
}
