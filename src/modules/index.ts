import type { PublicAddress } from '../platform/public-address.js';
import type { Kysely } from 'kysely';
import type { OidcConfig } from '../config.js';
import type { Role } from '../platform/access.js';
import { type AuditRecorder, createAuditRecorder } from '../platform/audit.js';
import type { Clock } from '../platform/clock.js';
import { createFieldCipher, deriveKey, type PasswordHasher } from '../platform/crypto.js';
import type { DB } from '../platform/db/schema.js';
import type { RoutePlugin } from '../platform/http/server.js';
import type { Job } from '../platform/jobs.js';
import type { Mailer } from '../platform/mail.js';
import { authRoutes, tokensRoutes, usersRoutes } from './accounts/accounts.routes.js';
import { createAuthService } from './accounts/auth.service.js';
import { createSignInGate } from './accounts/mfa.gate.js';
import { mfaRoutes, signInReplies } from './accounts/mfa.routes.js';
import { createMfaService } from './accounts/mfa.service.js';
import { createPasskeys, passkeyParty } from './accounts/passkeys.js';
import { createOidcClient } from './accounts/oidc-client.js';
import { oidcRoutes } from './accounts/oidc.routes.js';
import { createOidcService } from './accounts/oidc.service.js';
import { createSessionsService } from './accounts/sessions.service.js';
import { createTokensService } from './accounts/tokens.service.js';
import { createUsersService } from './accounts/users.service.js';
import { auditRoutes } from './audit/audit.routes.js';
import { createAuditLogService } from './audit/audit.service.js';
import { engagementsRoutes } from './engagements/engagements.routes.js';
import { createEngagementsService } from './engagements/engagements.service.js';
import { createTasksService } from './engagements/tasks.service.js';
import { organizationsRoutes } from './organizations/organizations.routes.js';
import { createOrganizationsService } from './organizations/organizations.service.js';
import { createAgreementsService } from './partnerships/agreements.service.js';
import { partnershipsRoutes } from './partnerships/partnerships.routes.js';
import { createPartnershipsService } from './partnerships/partnerships.service.js';
import { createAssignmentsService } from './deployments/assignments.service.js';
import { createDeploymentReportsService } from './deployments/deployment-reports.service.js';
import { deploymentsRoutes } from './deployments/deployments.routes.js';
import { createDeploymentsService } from './deployments/deployments.service.js';
import { createReadinessCheck } from './deployments/readiness-check.js';
import { badgesRoutes } from './badges/badges.routes.js';
import type { AfterCommit } from '../platform/after-commit.js';
import { badgeUrls, createBadgesService } from './badges/badges.service.js';
import { createEndorsementsService } from './badges/endorsements.service.js';
import { createIssuerKeys } from './badges/issuer-keys.js';
import { createIssuerProfilesService } from './badges/issuer-profiles.service.js';
import { cascadeRoutes } from './cascade/cascade.routes.js';
import { createCascadeService } from './cascade/cascade.service.js';
import { peopleRoutes } from './people/people.routes.js';
import { createDashboardService } from './reports/dashboard.service.js';
import { reportsRoutes } from './reports/reports.routes.js';
import { createReportsService } from './reports/reports.service.js';
import { catalogRoutes } from './training/catalog.routes.js';
import { createCatalogService } from './training/catalog.service.js';
import { certificationsRoutes } from './training/certifications.routes.js';
import { createCertificationsService } from './training/certifications.service.js';
import { createEnrollmentsService } from './training/enrollments.service.js';
import { offeringsRoutes } from './training/offerings.routes.js';
import { createOfferingsService } from './training/offerings.service.js';
import { notificationsRoutes } from './notifications/notifications.routes.js';
import { createNotificationsService } from './notifications/notifications.service.js';
import { certificationReminders } from './training/certification-reminders.js';
import { createNoticesJob, NOTICES_INTERVAL_MS } from './notifications/notices.job.js';
import { overdueTaskNotices } from './engagements/task-notices.js';
import { renewalNotices } from './partnerships/renewal-notices.js';
import { vettingWaitingNotices } from './vetting/vetting-notices.js';
import { createImportNotices } from './imports/import-notices.js';
import { createReportNotices } from './reports/report-notices.js';
import { vettingRoutes } from './vetting/vetting.routes.js';
import { importsRoutes } from './imports/imports.routes.js';
import { createImportsService } from './imports/imports.service.js';
import { createVettingService } from './vetting/vetting.service.js';
import { createPeopleService } from './people/people.service.js';
import { createSearchIndex } from './search/search.index.js';
import { searchRoutes } from './search/search.routes.js';
import { createSearchService } from './search/search.service.js';

export interface ServiceDeps {
  db: Kysely<DB>;
  /** Where work that follows a commit runs (credentials signed after a close). */
  afterCommit: AfterCommit;
  /** A connection of its own for a long write, where the engine needs one (SQLite). */
  separateConnection?: (() => { db: Kysely<DB>; close(): Promise<void> }) | undefined;
  clock: Clock;
  passwords: PasswordHasher;
  secretKey: string;
  sessionHours: number;
  sessionIdleMinutes: number;
  mailer: Mailer;
  /** Where Cadre is reached (CADRE_PUBLIC_URL): credentials name their issuers and status lists by it. */
  address: PublicAddress;
  /** The IATI organisation identifier the program office reports under. */
  iatiOrgRef: string;
  /** The roles that must sign in with a second factor. */
  secondFactorRoles: readonly Role[];
  /** Sign-in with an OpenID Connect provider, when configured. */
  oidc?: OidcConfig | undefined;
}

/** Wires every module's services; each takes only what it uses. */
export function createServices({ db, afterCommit, separateConnection, clock, passwords, secretKey, sessionHours, sessionIdleMinutes, mailer, address, iatiOrgRef, secondFactorRoles, oidc }: ServiceDeps) {
  const publicUrl = address.url;
  // The search index is rewritten with each audited write, in its transaction.
  const audit: AuditRecorder = createAuditRecorder(clock, [createSearchIndex().follow]);
  const organizations = createOrganizationsService({ db, clock, audit });
  const people = createPeopleService({ db, clock, audit, organizations, passports: createFieldCipher(deriveKey(secretKey, 'passport-numbers')) });
  const users = createUsersService({ db, clock, audit, passwords, organizations, people });
  const readiness = createReadinessCheck(people);
  const deployments = createDeploymentsService({ db, clock, audit, organizations, readiness });
  const catalog = createCatalogService({ db, clock, audit });
  const urls = badgeUrls(publicUrl);
  const keys = createIssuerKeys({ db, clock, audit, cipher: createFieldCipher(deriveKey(secretKey, 'signing-keys')), urls });
  const badges = createBadgesService({ db, clock, audit, keys, urls, afterCommit });
  const certifications = createCertificationsService({
    db,
    clock,
    audit,
    // Decertifying a trainer puts what they taught under review.
    onRevoke: (trx, certification) => badges.flagTaughtBy(trx, certification.personId, 'an instructor of the offering was decertified'),
  });
  const vetting = createVettingService({ db, clock, audit, people });
  const offerings = createOfferingsService({ db, clock, audit, organizations, people, catalog, certifications });
  const notifications = createNotificationsService({ db, clock, audit, mailer, publicUrl });
  const cascade = createCascadeService({ db, people });
  const enrollments = createEnrollmentsService({ db, clock, audit, people, offerings, catalog, certifications, vetting, badges, address });
  const passkeys = createPasskeys(passkeyParty(publicUrl));
  const gate = createSignInGate({ db, clock, passkeys });
  const auth = createAuthService({ db, clock, audit, passwords, csrfKey: deriveKey(secretKey, 'csrf'), deviceKey: deriveKey(secretKey, 'device-cookies'), sessionHours, sessionIdleMinutes, gate });
  const mfa = createMfaService({
    db,
    clock,
    audit,
    totpCipher: createFieldCipher(deriveKey(secretKey, 'totp-secrets')),
    recoveryKey: deriveKey(secretKey, 'recovery-codes'),
    passkeys,
    auth,
    requiredRoles: secondFactorRoles,
  });
  const tokens = createTokensService({ db, clock, audit });
  const noticeSources = [overdueTaskNotices({ db, users }), renewalNotices({ db, users }), certificationReminders({ db, users }), vettingWaitingNotices({ db, users })];
  const jobs: Job[] = [{ name: 'notices', intervalMs: NOTICES_INTERVAL_MS, run: createNoticesJob({ clock, sources: noticeSources, notifications }) }];
  return {
    address,
    afterCommit,
    organizations,
    users,
    auth,
    mfa,
    oidc: oidc && createOidcService({ db, clock, audit, client: createOidcClient(oidc), gate, auth, name: oidc.name, multiFactorAcr: oidc.multiFactorAcr }),
    tokens,
    sessions: createSessionsService({ db, clock, audit, tokens, sessionIdleMinutes }),
    auditLog: createAuditLogService({ db }),
    partnerships: createPartnershipsService({ db, clock, audit, organizations, users }),
    agreements: createAgreementsService({ db, clock, audit }),
    engagements: createEngagementsService({ db, clock, audit, organizations, users }),
    tasks: createTasksService({ db, clock, audit, organizations, users }),
    people,
    deployments,
    assignments: createAssignmentsService({ db, clock, audit, people, deployments, readiness }),
    deploymentReports: createDeploymentReportsService({ db, clock }),
    catalog,
    certifications,
    vetting,
    offerings,
    enrollments,
    imports: createImportsService({
      db,
      afterCommit,
      separateConnection,
      clock,
      audit,
      people,
      organizations,
      enrollments,
      catalog,
      certifications,
      onRunFinished: createImportNotices({ db, users, notifications }),
    }),
    badges,
    keys,
    issuerProfiles: createIssuerProfilesService({ db, clock, audit, urls }),
    endorsements: createEndorsementsService({ db, clock, audit, keys, urls, badges, catalog }),
    cascade,
    notifications,
    dashboard: createDashboardService({ db, clock, cascade }),
    reports: createReportsService({ db, clock, audit, cascade, iatiReportingRef: iatiOrgRef, onRunFinished: createReportNotices({ db, users, notifications }) }),
    search: createSearchService({ db }),
    jobs,
  };
}

export type Services = ReturnType<typeof createServices>;

export function moduleRoutes(
  services: Services,
  options: { sessionHours: number; secondFactorRoles: readonly Role[]; oidcRedirectUrl?: string | undefined },
): RoutePlugin[] {
  const replies = signInReplies({ sessionHours: options.sessionHours, requiredRoles: options.secondFactorRoles, address: services.address });
  return [
    authRoutes({ auth: services.auth, users: services.users, sessions: services.sessions, replies, address: services.address }),
    mfaRoutes({ mfa: services.mfa, replies }),
    oidcRoutes({ oidc: services.oidc, redirectUrl: options.oidcRedirectUrl, replies }),
    usersRoutes(services),
    tokensRoutes(services),
    auditRoutes(services),
    organizationsRoutes(services),
    partnershipsRoutes(services),
    engagementsRoutes(services),
    peopleRoutes(services),
    deploymentsRoutes(services),
    catalogRoutes(services),
    offeringsRoutes(services),
    certificationsRoutes(services),
    vettingRoutes(services),
    cascadeRoutes(services),
    notificationsRoutes(services),
    badgesRoutes(services),
    reportsRoutes(services),
    importsRoutes(services),
    searchRoutes(services),
  ];
}
