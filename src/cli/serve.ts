import { createApp } from '../app.js';
import { systemContext } from '../platform/access.js';
import { seedProgram2010 } from '../demo/program-2010.js';
import { buildServices } from '../app.js';
import { systemClock } from '../platform/clock.js';
import { createJobRunner } from '../platform/jobs.js';
import { openRuntime } from './runtime.js';

export interface ServeOptions {
  demo: boolean;
  port?: string | undefined;
  host?: string | undefined;
}

/**
 * Starts Cadre: migrates, creates the first admin on an empty database, fills a brand-new
 * embedded database with the 2010 demo program, then serves the API and the web app.
 */
export async function serve(env: Record<string, string | undefined>, options: ServeOptions, out: (line: string) => void): Promise<void> {
  const runtime = await openRuntime(env, { PORT: options.port, HOST: options.host });
  const { config, database, secretKey } = runtime;
  const services = buildServices({ config, database, secretKey });

  const adminEmail = config.adminEmail ?? 'admin@cadre.localhost';
  const admin = await services.users.ensureFirstAdmin(systemContext('cadre serve'), { email: adminEmail, password: config.adminPassword });
  if (runtime.migration.isFreshDatabase && database.engine === 'sqlite' && options.demo) {
    out('Filling the new database with the 2010 demo program…');
    const report = await seedProgram2010(services, systemContext('cadre seed'));
    out(`Filled the new database with the 2010 demo program (${report.organizations} organizations, ${report.partnerships} partnerships).`);
  }

  const { app, services: appServices } = await createApp({ config, database, secretKey });
  const jobs = createJobRunner({
    db: database.db,
    clock: systemClock,
    jobs: appServices.jobs,
    onError: (job, error) => app.log.error({ err: error, job }, 'background job failed'),
  });
  let isClosing = false;
  const shutdown = async (signal: string) => {
    isClosing = true;
    app.log.info({ signal }, 'shutting down');
    await jobs.stop();
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  if (config.isRunningJobs) jobs.start();
  // The cascade's graph takes seconds to read on a large program: read now, between requests, not
  // by the first person who asks for an instructor's reach.
  const warming = performance.now();
  void appServices.cascade.warm().then(
    (pairs) => app.log.info({ pairs, ms: Math.round(performance.now() - warming) }, 'cascade graph read ahead'),
    // A server stopped during the read closes the database under it: nothing to say then.
    (error: unknown) => isClosing || app.log.warn({ err: error }, 'the cascade graph was not read ahead; the first reach reads it'),
  );
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = ['0.0.0.0', '::', '127.0.0.1', '::1'].includes(config.host) ? 'localhost' : config.host;
  const url = config.publicUrl ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  out(`Cadre is running at ${url} (database: ${database.engine}, ${database.description}).`);
  if (admin) {
    out(`Sign in at ${url}/sign-in as ${admin.email}.`);
    if (admin.oneTimePassword) out(`One-time password (shown once; you will choose your own at first sign-in): ${admin.oneTimePassword}`);
    if (config.secondFactorRoles.includes('admin')) {
      out('Then enrol a second factor, as admins must: an authenticator app (scan the QR code it shows) or a passkey.');
    }
  }
}
