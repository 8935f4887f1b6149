import { publicAddress } from './platform/public-address.js';
import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from './platform/package-root.js';
import type { Config } from './config.js';
import { type AfterCommit, createAfterCommit } from './platform/after-commit.js';
import { type Clock, systemClock } from './platform/clock.js';
import { createPasswordHasher, type PasswordHasher } from './platform/crypto.js';
import { type Database, isReady } from './platform/db/database.js';
import { createMailer, type Mailer } from './platform/mail.js';
import type { Authenticator } from './platform/http/auth.js';
import type { App, AuthResult } from './platform/http/context.js';
import { buildServer } from './platform/http/server.js';
import type { Authentication } from './modules/accounts/auth.service.js';
import type { Role } from './platform/access.js';
import { createServices, moduleRoutes, type Services } from './modules/index.js';

export interface AppDeps {
  config: Config;
  database: Database;
  secretKey: string;
  clock?: Clock;
  passwords?: PasswordHasher;
  mailer?: Mailer;
  /** The built web app; by default dist/web beside this package, when it has been built. */
  webRoot?: string | null;
}


export function packageVersion(): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

export function defaultWebRoot(): string {
  return path.join(packageRoot, 'dist', 'web');
}

/** A browser session of a role that requires a second factor, which proved none, must enrol one first. */
function toAuthResult(auth: Authentication | null, secondFactorRoles: readonly Role[]): AuthResult | null {
  return (
    auth && {
      actor: auth.actor,
      method: auth.method,
      sessionId: auth.sessionId,
      mustChangePassword: auth.user.mustChangePassword,
      mustEnrolSecondFactor: auth.method === 'session' && auth.secondFactor === null && secondFactorRoles.includes(auth.actor.role),
    }
  );
}

/** A command's work after a commit has nobody to answer: a failure goes to standard error. */
const toStandardError = (error: unknown) => void process.stderr.write(`Work after a commit failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);

export function buildServices(deps: AppDeps, afterCommit: AfterCommit = createAfterCommit(toStandardError)): Services {
  return createServices({
    db: deps.database.db,
    afterCommit,
    separateConnection: deps.database.separateConnection,
    clock: deps.clock ?? systemClock,
    passwords: deps.passwords ?? createPasswordHasher(),
    secretKey: deps.secretKey,
    sessionHours: deps.config.sessionHours,
    sessionIdleMinutes: deps.config.sessionIdleMinutes,
    mailer: deps.mailer ?? createMailer({ smtpUrl: deps.config.smtpUrl, from: deps.config.mailFrom }),
    address: publicAddress(deps.config.publicUrl, `http://localhost:${deps.config.port}`),
    iatiOrgRef: deps.config.iatiOrgRef,
    secondFactorRoles: deps.config.secondFactorRoles,
    oidc: deps.config.oidc,
  });
}

/** The whole HTTP application over one database: what `cadre serve` runs and the API tests drive. */
export async function createApp(deps: AppDeps): Promise<{ app: App; services: Services }> {
  // The server's log exists once the server does; work after a commit starts only with its requests.
  const server: { log?: App['log'] } = {};
  const services = buildServices(
    deps,
    createAfterCommit((error) => server.log?.error({ err: error }, 'work after a commit failed')),
  );
  const authenticator: Authenticator = {
    session: async (token) => toAuthResult(await services.auth.authenticateSession(token), deps.config.secondFactorRoles),
    bearer: async (secret, seen) => toAuthResult(await services.auth.authenticateToken(secret, seen), deps.config.secondFactorRoles),
    isCsrfTokenValid: (sessionId, token) => services.auth.isCsrfTokenValid(sessionId, token),
  };
  const app = await buildServer({
    logLevel: deps.config.logLevel,
    trustProxy: deps.config.trustProxy,
    authenticator,
    routes: moduleRoutes(services, {
      sessionHours: deps.config.sessionHours,
      secondFactorRoles: deps.config.secondFactorRoles,
      oidcRedirectUrl: deps.config.oidc?.redirectUrl,
    }),
    webRoot: deps.webRoot === undefined ? defaultWebRoot() : deps.webRoot,
    version: packageVersion(),
    isHealthy: () => isReady(deps.database),
    publicUrl: deps.config.publicUrl,
  });
  server.log = app.log;
  // The database closes after the server: the imports it runs in the background stop (rolled
  // back, to be run again) and what requests started after their commits finishes first.
  app.addHook('onClose', async () => {
    services.imports.stop();
    await services.afterCommit.settled();
  });
  return { app, services };
}
