/**
 * The closed sets of values a column may hold. They live here, below the modules, so the row
 * types in schema.ts and the modules' zod schemas are built from the same lists: a value added
 * to one is in the other, and a row read from the database needs no cast.
 */

export const ORGANIZATION_KINDS = [
  'program_office',
  'municipal_police',
  'county_sheriff',
  'state_police',
  'state_corrections',
  'county_corrections',
  'federal_agency',
  'professional_association',
  'academy',
  'foreign_police',
  'foreign_corrections',
  'ministry',
  'other',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const STAGES = ['prospect', 'engaged', 'agreement', 'active', 'paused', 'closed'] as const;
export type Stage = (typeof STAGES)[number];

export const TRACKS = ['policing', 'corrections'] as const;
export type Track = (typeof TRACKS)[number];

export const AGREEMENT_KINDS = ['mou', 'inter_agency_agreement', 'letter_of_agreement'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

export const ENGAGEMENT_KINDS = ['meeting', 'call', 'visit', 'workshop', 'conference', 'correspondence'] as const;
export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number];

export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const SEXES = ['female', 'male'] as const;
export type Sex = (typeof SEXES)[number];

export const PERSON_STATUSES = ['active', 'inactive', 'retired'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

export const READINESS_ITEMS = [
  'passport',
  'medical_clearance',
  'security_clearance',
  'country_clearance',
  'security_training',
  'predeployment_training',
  'agency_release',
] as const;
export type ReadinessItem = (typeof READINESS_ITEMS)[number];

export const DEPLOYMENT_STATUSES = ['planning', 'staffing', 'predeployment', 'in_country', 'completed', 'cancelled'] as const;
export type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number];

export const PURPOSES = ['mentor', 'train', 'advise'] as const;
export type Purpose = (typeof PURPOSES)[number];

export const ASSIGNMENT_STATUSES = ['nominated', 'selected', 'ready', 'deployed', 'returned', 'withdrawn'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const ASSIGNMENT_ROLES = ['mentor', 'trainer', 'advisor', 'team_lead'] as const;
export type AssignmentRole = (typeof ASSIGNMENT_ROLES)[number];

/** An assignment's history: a change of status, or of its end date. */
export const ASSIGNMENT_EVENT_KINDS = ['status', 'extension'] as const;
export type AssignmentEventKind = (typeof ASSIGNMENT_EVENT_KINDS)[number];

export const COURSE_LEVELS = ['basic', 'advanced', 'instructor', 'master'] as const;
export type CourseLevel = (typeof COURSE_LEVELS)[number];

export const OFFERING_STATUSES = ['scheduled', 'closed', 'cancelled'] as const;
export type OfferingStatus = (typeof OFFERING_STATUSES)[number];

export const INSTRUCTOR_ROLES = ['lead', 'co'] as const;
export type InstructorRole = (typeof INSTRUCTOR_ROLES)[number];

export const ENROLLMENT_STATUSES = ['enrolled', 'completed', 'failed', 'withdrawn', 'no_show'] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

export const VETTING_STATUSES = ['pending', 'cleared', 'denied', 'suspended'] as const;
export type VettingStatus = (typeof VETTING_STATUSES)[number];

/** Ed25519 for Data Integrity proofs, RS256 for VC-JWTs. */
export const SIGNING_ALGORITHMS = ['Ed25519', 'RS256'] as const;
export type SigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number];

export const REPORT_RUN_KINDS = ['year', 'iati'] as const;
export type ReportRunKind = (typeof REPORT_RUN_KINDS)[number];

export const REPORT_RUN_STATUSES = ['running', 'done', 'failed'] as const;
export type ReportRunStatus = (typeof REPORT_RUN_STATUSES)[number];

export const IMPORT_KINDS = ['people', 'organizations', 'enrollments', 'certifications'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_STATUSES = ['uploaded', 'validating', 'validated', 'committing', 'committed', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const IMPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const COMMIT_MODES = ['all', 'valid_only'] as const;
export type CommitMode = (typeof COMMIT_MODES)[number];

export const DATE_FORMATS = ['YMD', 'DMY', 'MDY'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** ILR proficiency, as the U.S. government writes it: 0, 0+, 1, 1+ … 4+, 5. */
export const ILR_LEVELS = ['0', '0+', '1', '1+', '2', '2+', '3', '3+', '4', '4+', '5'] as const;
