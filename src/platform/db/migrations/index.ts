import type { Migration } from 'kysely';
import * as foundation from './2026-11-28-01-foundation.js';
import * as partnerships from './2026-11-28-02-partnerships.js';
import * as peopleDeployments from './2026-11-28-03-people-deployments.js';
import * as training from './2026-11-28-04-training.js';
import * as badges from './2026-11-28-05-badges.js';
import * as reports from './2026-11-28-06-reports.js';
import * as imports from './2026-11-28-07-imports.js';
import * as reportIndexes from './2026-11-28-08-report-indexes.js';
import * as workRuns from './2026-12-06-01-work-runs.js';
import * as secondFactors from './2026-12-06-20-second-factors.js';
import * as credentials from './2026-12-06-10-credentials.js';
import * as importLeftOut from './2026-12-07-02-import-left-out.js';
import * as languageLevelsUnknown from './2026-12-07-01-language-levels-unknown.js';
import * as passportIssueUnknown from './2026-12-07-03-passport-issue-unknown.js';
import * as notices from './2026-12-08-50-notices.js';
import * as correctablePartners from './2026-12-08-20-correctable-partners.js';
import * as importRecords from './2026-12-08-60-import-records.js';
import * as search from './2026-12-08-40-search.js';
import * as cancelReasons from './2026-12-08-30-cancel-reasons.js';
import * as issuerMarks from './2026-12-09-20-issuer-marks.js';
import * as userLocale from './2026-12-10-10-user-locale.js';
import * as cascadeTables from './2026-12-12-01-cascade-tables.js';
import * as peopleReads from './2026-12-12-20-people-reads.js';
import * as reportFigures from './2026-12-12-30-report-figures.js';
import * as cascadeChanges from './2026-12-13-01-cascade-changes.js';
import * as reportReads from './2026-12-13-02-report-reads.js';
import * as searchByKind from './2026-12-13-03-search-by-kind.js';
import * as searchFtsByKind from './2026-12-14-01-search-fts-by-kind.js';
import * as trackExperience from './2026-12-14-02-track-experience.js';
import * as readinessCompleted from './2026-12-14-03-readiness-completed.js';

/** Every migration, by its dated name. Kysely applies them in name order. */
export const migrations: Record<string, Migration> = {
  '2026-11-28-01-foundation': foundation,
  '2026-11-28-02-partnerships': partnerships,
  '2026-11-28-03-people-deployments': peopleDeployments,
  '2026-11-28-04-training': training,
  '2026-11-28-05-badges': badges,
  '2026-11-28-06-reports': reports,
  '2026-11-28-07-imports': imports,
  '2026-11-28-08-report-indexes': reportIndexes,
  '2026-12-06-01-work-runs': workRuns,
  '2026-12-06-20-second-factors': secondFactors,
  '2026-12-06-10-credentials': credentials,
  '2026-12-07-01-language-levels-unknown': languageLevelsUnknown,
  '2026-12-07-02-import-left-out': importLeftOut,
  '2026-12-07-03-passport-issue-unknown': passportIssueUnknown,
  '2026-12-08-50-notices': notices,
  '2026-12-08-20-correctable-partners': correctablePartners,
  '2026-12-08-60-import-records': importRecords,
  '2026-12-08-40-search': search,
  '2026-12-08-30-cancel-reasons': cancelReasons,
  '2026-12-09-20-issuer-marks': issuerMarks,
  '2026-12-10-10-user-locale': userLocale,
  '2026-12-12-01-cascade-tables': cascadeTables,
  '2026-12-12-20-people-reads': peopleReads,
  '2026-12-12-30-report-figures': reportFigures,
  '2026-12-13-01-cascade-changes': cascadeChanges,
  '2026-12-13-02-report-reads': reportReads,
  '2026-12-13-03-search-by-kind': searchByKind,
  '2026-12-14-01-search-fts-by-kind': searchFtsByKind,
  '2026-12-14-02-track-experience': trackExperience,
  '2026-12-14-03-readiness-completed': readinessCompleted,
};
