/**
 * The API's own zod schemas and types, shared with the server so that the browser checks input
 * exactly as the API will. Only schema files are imported here: they depend on zod, the country
 * and language code lists and the pure date rules they name, never on the server's machinery.
 */
import type { z } from 'zod';
import type { meSchema } from '../../../src/modules/accounts/accounts.schemas.js';
import type { enrolledSchema, pendingSignInSchema, signInOptionsSchema, totpEnrolmentSchema } from '../../../src/modules/accounts/mfa.schemas.js';
import type { chainReportSchema } from '../../../src/modules/audit/audit.schemas.js';
import type { certificateSummarySchema, endorsementSchema, verdictSchema, verificationSchema } from '../../../src/modules/badges/badges.schemas.js';
export { type IssuerProfile, updateIssuerProfileSchema } from '../../../src/modules/badges/badges.schemas.js';
import type { instructorCascadeSchema, programCascadeSchema } from '../../../src/modules/cascade/cascade.schemas.js';
import type { personDaysSchema } from '../../../src/modules/deployments/deployments.schemas.js';
import type { boardSchema, TRACKS as TRACK_LIST } from '../../../src/modules/partnerships/partnerships.schemas.js';
import type { readinessItemSchema as readinessItemType } from '../../../src/modules/people/people.schemas.js';
import type { importListItemSchema, importProblemSchema, importSchema, kindSchema, mappingSchema } from '../../../src/modules/imports/imports.schemas.js';
import type { dashboardSchema, reportRunSchema } from '../../../src/modules/reports/reports.schemas.js';
import type { Certification as CertificationType, transcriptSchema } from '../../../src/modules/training/certifications.schemas.js';
import type { Course as CourseType, courseDetailSchema } from '../../../src/modules/training/courses.schemas.js';
import type { closeReportSchema, Enrollment as EnrollmentType, Offering as OfferingType } from '../../../src/modules/training/offerings.schemas.js';
import type { VettingRecord as VettingRecordType, vettingQueueSchema } from '../../../src/modules/vetting/vetting.schemas.js';

export { ROLES, type Role } from '../../../src/platform/access.js';
export { IMPORT_KINDS } from '../../../src/platform/db/enums.js';
export {
  changePasswordSchema,
  createApiTokenSchema,
  createUserSchema,
  signInSchema,
  tokenAreaSchema,
  TOKEN_LIFETIME_DAYS,
  type ApiToken,
  type Session,
  type User,
  type UserCredentials,
} from '../../../src/modules/accounts/accounts.schemas.js';
export { confirmTotpSchema, passkeyNameSchema, type AccountSecurity, type PasskeyView } from '../../../src/modules/accounts/mfa.schemas.js';
export { type AuditEvent } from '../../../src/modules/audit/audit.schemas.js';
export { SEARCH_KINDS, type SearchKindName, type SearchResponse, type SearchResult } from '../../../src/modules/search/search.schemas.js';
export {
  createOrganizationSchema,
  ORGANIZATION_KINDS,
  ORGANIZATION_SORTS,
  type CreateOrganizationInput,
  type Organization,
} from '../../../src/modules/organizations/organizations.schemas.js';
export {
  AGREEMENT_KINDS,
  changeStageSchema,
  createAgreementSchema,
  createPartnershipSchema,
  updateAgreementSchema,
  STAGES,
  TRACKS,
  type Agreement,
  type CreatePartnershipInput,
  type Partnership,
  type PartnershipDetail,
  type Stage,
} from '../../../src/modules/partnerships/partnerships.schemas.js';
export {
  createEngagementSchema,
  ENGAGEMENT_KINDS,
  updateEngagementSchema,
  updateTaskSchema,
  withdrawEngagementSchema,
  type CreateEngagementInput,
  type Engagement,
  type EngagementDetail,
  type Task,
} from '../../../src/modules/engagements/engagements.schemas.js';
export { doneOnProblem } from '../../../src/modules/engagements/engagements.rules.js';
export {
  createPersonSchema,
  ILR_LEVELS,
  PERSON_STATUSES,
  readinessItemSchema,
  SEXES,
  setReadinessSchema,
  updatePersonSchema,
  type CreatePersonInput,
  type IlrLevel,
  type Person,
  type PersonDetail,
} from '../../../src/modules/people/people.schemas.js';
export {
  ASSIGNMENT_ROLES,
  ASSIGNMENT_STATUSES,
  changeAssignmentStatusSchema,
  changeDeploymentStatusSchema,
  createDeploymentSchema,
  createRotationSchema,
  DEPLOYMENT_STATUSES,
  extendAssignmentSchema,
  PURPOSES,
  type Assignment,
  type AssignmentStatus,
  type Candidate,
  type CreateDeploymentInput,
  type Deployment,
  type DeploymentDetail,
  type DeploymentStatus,
  updateDeploymentSchema,
} from '../../../src/modules/deployments/deployments.schemas.js';
export {
  createCredentialSchema,
  updateCredentialSchema,
  type CreateCredentialInput,
  type Credential,
  TRANSLATION_LANGUAGES,
} from '../../../src/modules/training/credentials.schemas.js';
export {
  COURSE_LEVELS,
  createCourseSchema,
  updateCourseSchema,
  type Course,
  type CreateCourseInput,
} from '../../../src/modules/training/courses.schemas.js';
export {
  createOfferingSchema,
  ENROLLMENT_STATUSES,
  enrollSchema,
  followUpSchema,
  INSTRUCTOR_ROLES,
  OFFERING_STATUSES,
  recordResultSchema,
  setInstructorSchema,
  type CreateOfferingInput,
  type Enrollment,
  type Offering,
  type OfferingDetail,
  updateOfferingSchema,
} from '../../../src/modules/training/offerings.schemas.js';
export { CERTIFICATION_STATUSES, revokeSchema, type Certification } from '../../../src/modules/training/certifications.schemas.js';
export {
  recordVettingResultSchema,
  submitVettingSchema,
  VETTING_STATUSES,
  type VettingRecord,
} from '../../../src/modules/vetting/vetting.schemas.js';
export { type Notification, type NotificationSettings, updateNotificationSettingsSchema } from '../../../src/modules/notifications/notifications.schemas.js';
export { endorseSchema, verifyRequestSchema, withdrawSchema } from '../../../src/modules/badges/badges.schemas.js';
export { startRunSchema } from '../../../src/modules/reports/reports.schemas.js';

export type Me = z.infer<typeof meSchema>;
export type PendingSignIn = z.infer<typeof pendingSignInSchema>;
export type SignInOptions = z.infer<typeof signInOptionsSchema>;
export type TotpEnrolment = z.infer<typeof totpEnrolmentSchema>;
export type Enrolled = z.infer<typeof enrolledSchema>;
export type Board = z.infer<typeof boardSchema>;
export type ChainReport = z.infer<typeof chainReportSchema>;
export type Track = (typeof TRACK_LIST)[number];
export type PersonDays = z.infer<typeof personDaysSchema>;
export type ReadinessItem = z.infer<typeof readinessItemType>;
export type CourseDetail = z.infer<typeof courseDetailSchema>;
export type CloseReport = z.infer<typeof closeReportSchema>;
export type Transcript = z.infer<typeof transcriptSchema>;
export type VettingQueue = z.infer<typeof vettingQueueSchema>;
export type ProgramCascade = z.infer<typeof programCascadeSchema>;
export type InstructorCascade = z.infer<typeof instructorCascadeSchema>;
export type CertificateSummary = z.infer<typeof certificateSummarySchema>;
export type Verification = z.infer<typeof verificationSchema>;
export type Verdict = z.infer<typeof verdictSchema>;
export type VerificationCheck = Verification['checks'][number];
export type Endorsement = z.infer<typeof endorsementSchema>;
export type Dashboard = z.infer<typeof dashboardSchema>;
export type ReportRun = z.infer<typeof reportRunSchema>;
export type Import = z.infer<typeof importSchema>;
export type ImportListItem = z.infer<typeof importListItemSchema>;
export type ImportProblem = z.infer<typeof importProblemSchema>;
export type ImportKindInfo = z.infer<typeof kindSchema>;
export type ImportMapping = z.infer<typeof mappingSchema>;
export type ImportKind = Import['kind'];
export type EnrollmentStatus = EnrollmentType['status'];
export type OfferingStatus = OfferingType['status'];
export type CertificationStatus = CertificationType['status'];
export type VettingStatus = VettingRecordType['status'];
export type CourseLevel = CourseType['level'];

/** A keyset-paginated list, as every list endpoint answers. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  /** How many match in all, on the first page of a list that counts them. */
  total?: number;
}
