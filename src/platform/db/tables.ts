import type { DB } from './schema.js';

/**
 * Tables a migration removed, whose rows an older backup may still hold: a restore passes over
 * them (sign-in failures gave way to `sign_in_throttles` in 2026-12-06-10-credentials; certification
 * reminders became notices in 2026-12-08-50-notices).
 */
export const RETIRED_TABLES: readonly string[] = ['sign_in_failures', 'certification_reminders'];

/**
 * Tables the engine keeps for an index of its own (SQLite's FTS5 tables, one per kind of search
 * record, their shadow tables, and the views of the rows each indexes): rebuilt from their source
 * rows by triggers, so never backed up or declared.
 */
export const DERIVED_TABLE_PREFIXES: readonly string[] = ['search_fts'];

/**
 * Every application table, parents before children: the order a logical backup writes them
 * and a restore inserts them. A test checks it against the migrated database, so a new table
 * cannot be left out of backups.
 */
export const TABLES_IN_DEPENDENCY_ORDER = [
  'settings',
  'organizations',
  'users',
  'sessions',
  'api_tokens',
  'totp_authenticators',
  'passkeys',
  'recovery_codes',
  'auth_challenges',
  'second_factor_failures',
  'sign_in_throttles',
  'audit_head',
  'audit_events',
  'partnerships',
  'partnership_tracks',
  'partnership_countries',
  'partnership_stage_changes',
  'agreements',
  'engagements',
  'engagement_participants',
  'tasks',
  'people',
  'person_languages',
  'person_heritage_countries',
  'person_specialties',
  'person_readiness',
  'deployments',
  'deployment_purposes',
  'deployment_languages',
  'deployment_specialties',
  'deployment_status_changes',
  'rotations',
  'assignments',
  'assignment_events',
  'credentials',
  'courses',
  'course_versions',
  'offerings',
  'offering_instructors',
  'enrollments',
  'cascade_generations',
  'cascade_edges',
  'cascade_changes',
  'track_experience',
  'certifications',
  'vetting_records',
  'offering_followups',
  'notifications',
  'notification_settings',
  'jobs',
  'work_runs',
  'signing_keys',
  'status_lists',
  'badge_credentials',
  'endorsements',
  'issuer_profiles',
  'report_runs',
  'imports',
  'import_chunks',
  'import_problems',
  'import_records',
  'import_mappings',
  'search_entries',
] as const satisfies readonly (keyof DB)[];

/** The columns each table is read in order of, so a backup is the same file twice over. */
export const ORDER_COLUMNS: Partial<Record<(typeof TABLES_IN_DEPENDENCY_ORDER)[number], string[]>> = {
  audit_events: ['seq'],
  audit_head: ['id'],
  settings: ['key'],
  partnership_tracks: ['partnership_id', 'track'],
  partnership_countries: ['partnership_id', 'country'],
  person_languages: ['person_id', 'language'],
  person_heritage_countries: ['person_id', 'country'],
  person_specialties: ['person_id', 'specialty'],
  person_readiness: ['person_id', 'item'],
  deployment_purposes: ['deployment_id', 'purpose'],
  deployment_languages: ['deployment_id', 'language'],
  deployment_specialties: ['deployment_id', 'specialty'],
  offering_instructors: ['offering_id', 'person_id'],
  cascade_generations: ['person_id'],
  cascade_edges: ['enrollment_id', 'instructor_id'],
  cascade_changes: ['seq', 'instructor_id', 'trainee_id'],
  track_experience: ['offering_id', 'person_id'],
  jobs: ['name'],
  notification_settings: ['user_id'],
  totp_authenticators: ['user_id'],
  sign_in_throttles: ['key'],
  status_lists: ['organization_id'],
  badge_credentials: ['certification_id'],
  issuer_profiles: ['organization_id'],
  import_chunks: ['import_id', 'seq'],
  import_problems: ['import_id', 'seq'],
  import_records: ['import_id', 'record_id'],
  search_entries: ['kind', 'record_id'],
};
