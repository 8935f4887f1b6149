import type { Kysely } from 'kysely';
import { type AuditRecorder, createAuditRecorder } from '../platform/audit.js';
import type { Clock } from '../platform/clock.js';
import type { PasswordHasher } from '../platform/crypto.js';
import type { DB } from '../platform/db/schema.js';
import type { RoutePlugin } from '../platform/http/server.js';
import { authRoutes, tokensRoutes, usersRoutes } from './accounts/accounts.routes.js';
import { createAuthService } from './accounts/auth.service.js';
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

export interface ServiceDeps {
  db: Kysely<DB>;
  clock: Clock;
  passwords: PasswordHasher;
  csrfKey: Buffer;
  sessionHours: number;
}

/** Wires every module's services; each takes only what it uses. */
export function createServices({ db, clock, passwords, csrfKey, sessionHours }: ServiceDeps) {
  const audit: AuditRecorder = createAuditRecorder(clock);
  const organizations = createOrganizationsService({ db, clock, audit });
  const users = createUsersService({ db, clock, audit, passwords, organizations });
  return {
    organizations,
    users,
    auth: createAuthService({ db, clock, audit, passwords, csrfKey, sessionHours }),
    tokens: createTokensService({ db, clock, audit }),
    auditLog: createAuditLogService({ db }),
    partnerships: createPartnershipsService({ db, clock, audit, organizations, users }),
    agreements: createAgreementsService({ db, clock, audit }),
    engagements: createEngagementsService({ db, clock, audit, organizations, users }),
    tasks: createTasksService({ db, clock, audit, organizations, users }),
  };
}

export type Services = ReturnType<typeof createServices>;

export function moduleRoutes(services: Services, options: { sessionHours: number }): RoutePlugin[] {
  return [
    authRoutes({ auth: services.auth, users: services.users, sessionHours: options.sessionHours }),
    usersRoutes(services),
    tokensRoutes(services),
    auditRoutes(services),
    organizationsRoutes(services),
    partnershipsRoutes(services),
    engagementsRoutes(services),
  ];
}
