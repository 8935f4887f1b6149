import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Role } from '../access.js';
import type { Locale } from '../i18n/locales.js';
import type {
  AgreementKind,
  AssignmentEventKind,
  AssignmentRole,
  AssignmentStatus,
  CommitMode,
  CourseLevel,
  DateFormat,
  DeploymentStatus,
  EngagementKind,
  EnrollmentStatus,
  ImportFormat,
  ImportKind,
  ImportStatus,
  InstructorRole,
  OfferingStatus,
  OrganizationKind,
  PersonStatus,
  Purpose,
  ReadinessItem,
  ReportRunKind,
  ReportRunStatus,
  Sex,
  SigningAlgorithm,
  Stage,
  TaskStatus,
  Track,
  VettingStatus,
} from './enums.js';

/**
 * The typed shape of the database, shared by both engines. Calendar dates are `YYYY-MM-DD`
 * strings and instants ISO-8601 UTC strings on both: the PostgreSQL driver is told to hand them
 * back that way (see database.ts), so no row type depends on the engine.
 */

type Instant = string;
type CalendarDate = string;

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: Instant;
}

export interface OrganizationsTable {
  id: string;
  name: string;
  search_name: string;
  acronym: string | null;
  kind: OrganizationKind;
  country: string;
  subdivision: string | null;
  city: string | null;
  parent_id: string | null;
  website: string | null;
  description: string | null;
  archived_at: Instant | null;
  created_at: Instant;
  updated_at: Instant;
  version: Generated<number>;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: Role;
  organization_id: string | null;
  person_id: string | null;
  password_hash: string | null;
  must_change_password: Generated<number>;
  disabled_at: Instant | null;
  last_sign_in_at: Instant | null;
  /** One of `LOCALES`; null follows the browser. */
  locale: Locale | null;
  created_at: Instant;
  updated_at: Instant;
  version: Generated<number>;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: Instant;
  last_seen_at: Instant;
  expires_at: Instant;
  ip: string | null;
  user_agent: string | null;
  second_factor: SecondFactorKind | null;
}

/** How a sign-in proved a second factor. */
export type SecondFactorKind = 'totp' | 'passkey' | 'recovery_code' | 'oidc';

export interface TotpAuthenticatorsTable {
  user_id: string;
  secret_sealed: string;
  last_step: number | null;
  confirmed_at: Instant | null;
  created_at: Instant;
}

export interface PasskeysTable {
  id: string;
  user_id: string;
  /** base64url, as WebAuthn names it. */
  credential_id: string;
  /** The COSE public key, base64url. */
  public_key: string;
  counter: Generated<number>;
  /** Comma-separated transports the authenticator named (usb, nfc, ble, internal, hybrid). */
  transports: Generated<string>;
  name: string;
  created_at: Instant;
  last_used_at: Instant | null;
}

export interface RecoveryCodesTable {
  id: string;
  user_id: string;
  code_hash: string;
  created_at: Instant;
  used_at: Instant | null;
}

export type AuthChallengePurpose = 'sign_in' | 'passkey_registration' | 'oidc';

export interface AuthChallengesTable {
  id: string;
  purpose: AuthChallengePurpose;
  user_id: string | null;
  /** JSON: what the next step checks against. */
  data: Generated<string>;
  attempts: Generated<number>;
  created_at: Instant;
  expires_at: Instant;
}

export interface SecondFactorFailuresTable {
  id: string;
  user_id: string;
  failed_at: Instant;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: Instant;
  expires_at: Instant | null;
  last_used_at: Instant | null;
  revoked_at: Instant | null;
  access: Generated<TokenAccess>;
  /** A JSON array of the resources the token may reach; null for every one. */
  areas: string | null;
  last_used_ip: string | null;
  last_used_user_agent: string | null;
}

export type TokenAccess = 'read' | 'write';

export interface SignInThrottlesTable {
  key: string;
  attempts: number;
  next_allowed_at: Instant;
  last_attempt_at: Instant;
}

export interface AuditEventsTable {
  seq: number;
  id: string;
  occurred_at: Instant;
  actor_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
  request_id: string | null;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  last_seq: number;
  last_hash: string;
}

export interface PartnershipsTable {
  id: string;
  organization_id: string;
  stage: Stage;
  stage_changed_on: CalendarDate;
  owner_id: string | null;
  summary: string | null;
  created_at: Instant;
  updated_at: Instant;
  version: Generated<number>;
}

export interface PartnershipTracksTable {
  partnership_id: string;
  track: Track;
}

export interface PartnershipCountriesTable {
  partnership_id: string;
  country: string;
}

export interface PartnershipStageChangesTable {
  id: string;
  partnership_id: string;
  from_stage: Stage | null;
  to_stage: Stage;
  changed_on: CalendarDate;
  changed_by: string | null;
  note: string | null;
  recorded_at: Instant;
}

export interface AgreementsTable {
  id: string;
  partnership_id: string;
  kind: AgreementKind;
  reference: string;
  title: string | null;
  terms: string | null;
  signed_on: CalendarDate | null;
  effective_on: CalendarDate | null;
  expires_on: CalendarDate | null;
  renewal_due_on: CalendarDate | null;
  reimbursement_ceiling_cents: number | null;
  currency: Generated<string>;
  created_at: Instant;
  updated_at: Instant;
  version: Generated<number>;
}

export interface EngagementsTable {
  id: string;
  organization_id: string;
  kind: EngagementKind;
  occurred_on: CalendarDate;
  title: string;
  location: string | null;
  summary: string | null;
  outcome: string | null;
  created_by: string | null;
  created_at: Instant;
  updated_at: Instant;
  version: Generated<number>;
  /** A meeting logged in error is withdrawn, not deleted. */
  withdrawn_at: Instant | null;
  withdrawn_by: string | null;
  withdrawn_reason: string | null;
}

export interface EngagementParticipantsTable {
  id: string;
  engagement_id: string;
  position: number;
  name: string;
  title: string | null;
  organization_id: string | null;
}

export interface TasksTable {
  id: string;
  engagement_id: string | null;
  organization_id: string | null;
  title: string;
  notes: string | null;
  owner_id: string | null;
  due_on: CalendarDate;
  status: TaskStatus;
  completed_at: Instant | null;
  /** The day the work was done, which may come long before it was recorded. */
  done_on: CalendarDate | null;
  created_by: string | null;
  created_at: Instant;
  updated_at: Instant;
  version: Generated<number>;
}

export interface PeopleTable {
  id: string;
  organization_id: string;
  given_name: string;
  family_name: string;
  search_name: string;
  sort_name: string;
  rank_title: string | null;
  email: string | null;
  phone: string | null;
  sex: Sex | null;
  date_of_birth: CalendarDate | null;
  status: PersonStatus;
  notes: string | null;
  created_at: Instant;
  updated_at: Instant;
  version: Generated<number>;
}

export interface PersonLanguagesTable {
  person_id: string;
  language: string;
  /** ILR level in half steps: 0 = 0, 1 = 0+, 2 = 1, … 10 = 5; null when not known. */
  speaking: number | null;
  reading: number | null;
}

export interface PersonHeritageCountriesTable {
  person_id: string;
  country: string;
}

export interface PersonSpecialtiesTable {
  person_id: string;
  specialty: string;
}

export interface PersonReadinessTable {
  person_id: string;
  item: ReadinessItem;
  /** Null only for a passport whose issue date is not known. */
  completed_on: CalendarDate | null;
  expires_on: CalendarDate | null;
  reference: string | null;
  /** Encrypted at rest (the passport number), bound to its person. */
  secret: string | null;
  /** What may be shown of the secret: its last characters. */
  secret_hint: string | null;
  updated_at: Instant;
}

export interface DeploymentsTable {
  id: string;
  title: string;
  host_country: string;
  host_organization_id: string | null;
  track: Track;
  status: DeploymentStatus;
  start_on: CalendarDate;
  end_on: CalendarDate;
  is_high_threat: Generated<number>;
  summary: string | null;
  created_at: Instant;
  updated_at: Instant;
  version: Generated<number>;
}

export interface DeploymentPurposesTable {
  deployment_id: string;
  purpose: Purpose;
}

export interface DeploymentLanguagesTable {
  deployment_id: string;
  language: string;
  min_speaking: number;
}

export interface DeploymentSpecialtiesTable {
  deployment_id: string;
  specialty: string;
}

export interface DeploymentStatusChangesTable {
  id: string;
  deployment_id: string;
  from_status: DeploymentStatus | null;
  to_status: DeploymentStatus;
  changed_at: Instant;
  changed_by: string | null;
  note: string | null;
}

export interface RotationsTable {
  id: string;
  deployment_id: string;
  sequence: number;
  start_on: CalendarDate;
  end_on: CalendarDate;
  authorized_headcount: number;
  created_at: Instant;
  updated_at: Instant;
  version: Generated<number>;
}

export interface AssignmentsTable {
  id: string;
  deployment_id: string;
  rotation_id: string;
  person_id: string;
  role: AssignmentRole;
  status: AssignmentStatus;
  start_on: CalendarDate;
  end_on: CalendarDate;
  deployed_on: CalendarDate | null;
  returned_on: CalendarDate | null;
  withdrawn_reason: string | null;
  nominated_by: string | null;
  created_at: Instant;
  updated_at: Instant;
  version: Generated<number>;
}

export interface AssignmentEventsTable {
  id: string;
  assignment_id: string;
  kind: AssignmentEventKind;
  from_status: AssignmentStatus | null;
  to_status: AssignmentStatus | null;
  from_end_on: CalendarDate | null;
  to_end_on: CalendarDate | null;
  note: string | null;
  recorded_at: Instant;
  recorded_by: string | null;
}

export interface CredentialsTable {
  id: string;
  name: string;
  description: string | null;
  criteria: string;
  track: Track;
  validity_months: number | null;
  pass_mark: number | null;
  min_attendance_percent: number;
  co_teachings_before_lead: Generated<number>;
  /** JSON: the name and short criteria by language code (es, fr, pt, ht); English is name and criteria. */
  translations: Generated<string>;
  created_at: Instant;
  updated_at: Instant;
  version: Generated<number>;
}

export interface CoursesTable {
  id: string;
  code: string;
  track: Track;
  level: CourseLevel;
  language: string;
  grants_credential_id: string | null;
  requires_credential_id: string | null;
  current_version: number;
  archived_at: Instant | null;
  created_at: Instant;
  updated_at: Instant;
  version: Generated<number>;
}

export interface CourseVersionsTable {
  id: string;
  course_id: string;
  number: number;
  title: string;
  hours: number;
  description: string | null;
  created_at: Instant;
  created_by: string | null;
}

export interface OfferingsTable {
  id: string;
  course_id: string;
  course_version_id: string;
  start_on: CalendarDate;
  end_on: CalendarDate;
  country: string;
  city: string | null;
  host_organization_id: string | null;
  delivering_organization_id: string | null;
  capacity: number;
  is_us_funded: Generated<number>;
  is_refresher: Generated<number>;
  status: OfferingStatus;
  closed_at: Instant | null;
  cancel_reason: string | null;
  notes: string | null;
  created_at: Instant;
  updated_at: Instant;
  version: Generated<number>;
}

export interface OfferingInstructorsTable {
  offering_id: string;
  person_id: string;
  role: InstructorRole;
}

export interface EnrollmentsTable {
  id: string;
  offering_id: string;
  person_id: string;
  status: EnrollmentStatus;
  attendance_percent: number | null;
  score: number | null;
  outcome: string | null;
  created_at: Instant;
  updated_at: Instant;
  version: Generated<number>;
}

/** One edge of the cascade, kept in step with its sources (see modules/cascade/cascade.upkeep.ts). */
export interface CascadeEdgesTable {
  enrollment_id: string;
  instructor_id: string;
  trainee_id: string;
  offering_id: string;
  country: string;
  end_on: CalendarDate;
  year: number;
  track: string;
  /** The trainee's generation when the edge counts (instructor in the cascade, trainee not generation 0); else null. */
  generation: number | null;
  /** The instructor's generation, under the same condition. */
  instructor_generation: number | null;
}

/** One pair whose cascade edges a change wrote; neither person: the whole cascade was written again (see modules/cascade/cascade.changes.repository.ts). */
export interface CascadeChangesTable {
  seq: number;
  instructor_id: string | null;
  trainee_id: string | null;
}

/** One offering a person completed or taught, with its course's track, kept in step with its sources (see modules/people/track-experience.repository.ts). */
export interface TrackExperienceTable {
  offering_id: string;
  person_id: string;
  track: Track;
}

export interface CascadeGenerationsTable {
  person_id: string;
  generation: number;
}

export interface CertificationsTable {
  id: string;
  person_id: string;
  credential_id: string;
  offering_id: string | null;
  issued_on: CalendarDate;
  expires_on: CalendarDate | null;
  renews_id: string | null;
  revoked_at: Instant | null;
  revoked_reason: string | null;
  created_at: Instant;
  updated_at: Instant;
  version: Generated<number>;
}

export interface VettingRecordsTable {
  id: string;
  person_id: string;
  case_reference: string;
  status: VettingStatus;
  submitted_on: CalendarDate;
  result_on: CalendarDate | null;
  valid_until: CalendarDate | null;
  notes: string | null;
  created_at: Instant;
  updated_at: Instant;
  version: Generated<number>;
}

export interface OfferingFollowupsTable {
  id: string;
  offering_id: string;
  person_id: string;
  recorded_on: CalendarDate;
  has_taught: number;
  offerings_taught: Generated<number>;
  people_trained: Generated<number>;
  agency_report: string | null;
  recorded_by: string | null;
  created_at: Instant;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  kind: string;
  subject_id: string | null;
  title: string;
  body: string;
  link: string | null;
  created_at: Instant;
  read_at: Instant | null;
  /** What makes this notice one of its own: the same kind, subject and occurrence is told once. */
  occurrence: Generated<string>;
  /** When a daily digest mailed it. */
  digested_at: Instant | null;
}

/** A user's choices about notices, and the day their digest last went out. */
export interface NotificationSettingsTable {
  user_id: string;
  is_digest_on: Generated<number>;
  digest_sent_on: CalendarDate | null;
  digest_sent_at: Instant | null;
  updated_at: Instant;
  /** Moved on by the user's own changes only, not by a digest going out. */
  version: Generated<number>;
}

export interface JobsTable {
  name: string;
  next_run_at: Instant;
  locked_until: Instant | null;
  last_run_at: Instant | null;
  last_result: string | null;
}

/** A run of long work: its state, progress and the last sign of life of the process running it. */
export interface WorkRunsTable {
  id: string;
  kind: string;
  subject_id: string;
  status: string;
  progress: Generated<number>;
  message: string | null;
  claimed_by: string | null;
  heartbeat_at: Instant | null;
  outcome: string | null;
  created_at: Instant;
  started_at: Instant | null;
  finished_at: Instant | null;
}

export interface SigningKeysTable {
  id: string;
  organization_id: string;
  /** Ed25519 for Data Integrity proofs, RS256 for VC-JWTs. */
  algorithm: SigningAlgorithm;
  key_number: number;
  /** Multibase (Ed25519) or a public JWK (RSA). */
  public_key: string;
  private_key_sealed: string;
  created_at: Instant;
  retired_at: Instant | null;
}

export interface StatusListsTable {
  organization_id: string;
  next_index: number;
}

/** What an issuer prints on its certificates: its mark and its signatory. */
export interface IssuerProfilesTable {
  organization_id: string;
  /** Base64 of the image's bytes. */
  mark: string | null;
  mark_type: 'image/png' | 'image/jpeg' | null;
  mark_width: number | null;
  mark_height: number | null;
  /** SHA-256 of the bytes (hex): the mark's ETag. */
  mark_digest: string | null;
  signatory_name: string | null;
  signatory_title: string | null;
  updated_at: Instant;
  version: Generated<number>;
}

export interface BadgeCredentialsTable {
  certification_id: string;
  issuer_organization_id: string;
  status_index: number;
  credential: string;
  jwt: string;
  issued_at: Instant;
  flagged_at: Instant | null;
  flag_reason: string | null;
}

export interface EndorsementsTable {
  id: string;
  endorser_organization_id: string;
  endorsee_organization_id: string;
  credential_id: string;
  statement: string;
  credential: string;
  issued_at: Instant;
  withdrawn_at: Instant | null;
  withdrawn_reason: string | null;
  version: Generated<number>;
}

export interface ReportRunsTable {
  id: string;
  kind: ReportRunKind;
  parameters: string;
  status: ReportRunStatus;
  progress: Generated<number>;
  message: string | null;
  content_type: string | null;
  filename: string | null;
  /** The document: text, or base64 for a PDF. */
  result: string | null;
  created_by: string | null;
  created_at: Instant;
  finished_at: Instant | null;
}

export interface ImportsTable {
  id: string;
  kind: ImportKind;
  status: ImportStatus;
  filename: string;
  format: ImportFormat;
  byte_size: number;
  sha256: string;
  encoding: string | null;
  delimiter: string | null;
  sheet: string | null;
  /** JSON: the workbook's sheet names. */
  sheets: Generated<string>;
  header_row: Generated<number>;
  /** JSON: the header cells, by column. */
  headers: Generated<string>;
  /** JSON: the first rows, as read. */
  preview: Generated<string>;
  /** JSON: per column, how its cells read as dates (day-first only, month-first only, either). */
  column_dates: Generated<string>;
  /** JSON: which column goes to which field. */
  mapping: Generated<string>;
  /** JSON: the indexes of the columns confirmed as left out. */
  left_out: Generated<string>;
  date_format: DateFormat | null;
  row_count: Generated<number>;
  valid_count: number | null;
  problem_count: number | null;
  mode: CommitMode | null;
  /** JSON: what the commit did (created, updated, unchanged, skipped). */
  summary: string | null;
  progress: Generated<number>;
  message: string | null;
  organization_id: string | null;
  offering_id: string | null;
  created_by: string | null;
  created_at: Instant;
  updated_at: Instant;
  started_at: Instant | null;
  finished_at: Instant | null;
  version: Generated<number>;
}

export interface ImportChunksTable {
  import_id: string;
  seq: number;
  /** Base64 of one piece of the file. */
  data: string;
}

export interface ImportProblemsTable {
  import_id: string;
  seq: number;
  row_number: number;
  column_index: number | null;
  column_name: string | null;
  field: string | null;
  value: string | null;
  reason: string;
}

/** A record an import created or changed. */
export interface ImportRecordsTable {
  import_id: string;
  record_id: string;
  record_type: 'person' | 'organization';
  change: 'created' | 'updated';
}

export interface ImportMappingsTable {
  id: string;
  kind: ImportKind;
  name: string;
  search_name: string;
  /** `office`, or the agency id of a coordinator's mapping. */
  scope: string;
  /** JSON: header → field. */
  columns: string;
  /** JSON: the headers it leaves out. */
  left_out: Generated<string>;
  date_format: DateFormat | null;
  organization_id: string | null;
  created_by: string | null;
  created_at: Instant;
  updated_at: Instant;
  version: Generated<number>;
}

/** The kinds of record the search finds. */
export type SearchKind = 'organization' | 'person' | 'offering' | 'course' | 'certification' | 'deployment';

/** One searchable record: its display text and its words folded by `search/search.text.ts`. */
export interface SearchEntriesTable {
  /** SQLite's FTS5 rowid; numbered but unused on PostgreSQL. */
  seq: Generated<number>;
  kind: SearchKind;
  record_id: string;
  title: string;
  detail: string | null;
  /** Words anyone who reads the record may find it by. */
  names: string;
  /** `names` and the words only its detailed readers may find it by (a person's email). */
  terms: string;
  archived: Generated<number>;
}

export interface DB {
  settings: SettingsTable;
  organizations: OrganizationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  totp_authenticators: TotpAuthenticatorsTable;
  passkeys: PasskeysTable;
  recovery_codes: RecoveryCodesTable;
  auth_challenges: AuthChallengesTable;
  second_factor_failures: SecondFactorFailuresTable;
  sign_in_throttles: SignInThrottlesTable;
  audit_events: AuditEventsTable;
  audit_head: AuditHeadTable;
  partnerships: PartnershipsTable;
  partnership_tracks: PartnershipTracksTable;
  partnership_countries: PartnershipCountriesTable;
  partnership_stage_changes: PartnershipStageChangesTable;
  agreements: AgreementsTable;
  engagements: EngagementsTable;
  engagement_participants: EngagementParticipantsTable;
  tasks: TasksTable;
  people: PeopleTable;
  person_languages: PersonLanguagesTable;
  person_heritage_countries: PersonHeritageCountriesTable;
  person_specialties: PersonSpecialtiesTable;
  person_readiness: PersonReadinessTable;
  deployments: DeploymentsTable;
  deployment_purposes: DeploymentPurposesTable;
  deployment_languages: DeploymentLanguagesTable;
  deployment_specialties: DeploymentSpecialtiesTable;
  deployment_status_changes: DeploymentStatusChangesTable;
  rotations: RotationsTable;
  assignments: AssignmentsTable;
  assignment_events: AssignmentEventsTable;
  credentials: CredentialsTable;
  courses: CoursesTable;
  course_versions: CourseVersionsTable;
  offerings: OfferingsTable;
  offering_instructors: OfferingInstructorsTable;
  enrollments: EnrollmentsTable;
  cascade_generations: CascadeGenerationsTable;
  cascade_edges: CascadeEdgesTable;
  cascade_changes: CascadeChangesTable;
  track_experience: TrackExperienceTable;
  certifications: CertificationsTable;
  vetting_records: VettingRecordsTable;
  offering_followups: OfferingFollowupsTable;
  notifications: NotificationsTable;
  notification_settings: NotificationSettingsTable;
  jobs: JobsTable;
  work_runs: WorkRunsTable;
  signing_keys: SigningKeysTable;
  status_lists: StatusListsTable;
  badge_credentials: BadgeCredentialsTable;
  issuer_profiles: IssuerProfilesTable;
  endorsements: EndorsementsTable;
  report_runs: ReportRunsTable;
  imports: ImportsTable;
  import_chunks: ImportChunksTable;
  import_problems: ImportProblemsTable;
  import_records: ImportRecordsTable;
  import_mappings: ImportMappingsTable;
  search_entries: SearchEntriesTable;
}

export type OrganizationRow = Selectable<OrganizationsTable>;
export type NewOrganizationRow = Insertable<OrganizationsTable>;
export type OrganizationUpdate = Updateable<OrganizationsTable>;
export type UserRow = Selectable<UsersTable>;
export type PartnershipRow = Selectable<PartnershipsTable>;
export type AgreementRow = Selectable<AgreementsTable>;
export type EngagementRow = Selectable<EngagementsTable>;
export type TaskRow = Selectable<TasksTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
export type PersonRow = Selectable<PeopleTable>;
export type DeploymentRow = Selectable<DeploymentsTable>;
export type RotationRow = Selectable<RotationsTable>;
export type AssignmentRow = Selectable<AssignmentsTable>;
export type ReadinessRow = Selectable<PersonReadinessTable>;
export type ImportRow = Selectable<ImportsTable>;
export type ImportMappingRow = Selectable<ImportMappingsTable>;
