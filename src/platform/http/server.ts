import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import secureJson from 'secure-json-parse';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { newId } from '../ids.js';
import { platformText } from '../platform.messages.js';
import { type Authenticator, openToAnyone, registerAuthentication, SESSION_COOKIE } from './auth.js';
import { registerSecurityHeaders } from './security-headers.js';
import type { App } from './context.js';
import { guardInput } from './input-guard.js';
import { registerLocale } from './locale.js';
import { fastSerializerCompiler } from './serialization.js';
import { asAppError, onClientError, sendProblem, toProblem } from './problem.js';
import { AppError, routeNotFound } from '../errors.js';
import type { TrustProxy } from '../../config.js';

export type RoutePlugin = (app: App) => void;

export interface ServerOptions {
  logLevel: string;
  trustProxy: TrustProxy;
  authenticator: Authenticator;
  routes: RoutePlugin[];
  /** The built web app (index.html and assets); left out, only the API is served. */
  webRoot: string | null;
  /** Answers the health check: true once the database is reachable and migrated. */
  isHealthy: () => Promise<boolean>;
  version: string;
  /** CADRE_PUBLIC_URL: the origin pages of this server are served from, besides the Host they were asked at. */
  publicUrl?: string | undefined;
}

function loggerOptions(level: string): FastifyServerOptions['logger'] {
  if (level === 'silent') return false;
  return {
    level,
    // Credentials and personal data never reach the log.
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
      censor: '[redacted]',
    },
  };
}

/**
 * Fastify's trustProxy from the configured proxies. A hop count is a function of the hop: the
 * nearest `hops` senders are believed whoever they are (Fastify refuses a bare number, since a
 * client reaching Cadre directly could then claim any address: hop counts are for a Cadre only
 * the proxies can reach).
 */
function trustProxyOption(trust: TrustProxy): NonNullable<FastifyServerOptions['trustProxy']> {
  if (trust === false) return false;
  if (typeof trust === 'number') return (_address: string, hop: number) => hop < trust;
  return [...trust];
}

export async function buildServer(options: ServerOptions): Promise<App> {
  const app = Fastify({
    logger: loggerOptions(options.logLevel),
    trustProxy: trustProxyOption(options.trustProxy),
    genReqId: () => newId(),
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
    // What the router refuses before any route is found (a bad percent-encoding, a path segment
    // longer than any id) is answered like every other error; so is a request Node cannot parse.
    frameworkErrors: (error, request, reply) => sendProblem(reply, toProblem(error, request)),
    clientErrorHandler: onClientError,
  }).withTypeProvider<ZodTypeProvider>();

  // The API speaks JSON only: a cross-site form can post text/plain, so it gets a 415.
  app.removeContentTypeParser(['text/plain', 'application/json']);
  // An empty JSON body is no body (clients send the header on a bare POST such as sign-out);
  // prototype-poisoning keys are refused, as Fastify's own parser does.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    if (typeof body !== 'string' || body.trim() === '') return done(null, undefined);
    try {
      done(null, secureJson.parse(body, { protoAction: 'error', constructorAction: 'error' }));
    } catch (error) {
      done(new AppError('validation', platformText('bodyNotJson', { reason: (error as Error).message })), undefined);
    }
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(fastSerializerCompiler);

  app.setErrorHandler((error, request, reply) => {
    const problem = toProblem(error, request);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    const refusal = asAppError(error);
    const retryAfter = refusal instanceof AppError ? refusal.extra.retryAfterSeconds : undefined;
    return sendProblem(reply, problem, retryAfter);
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', String(request.id));
  });

  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // Served over plain HTTP on a laptop too: HSTS belongs to the TLS terminator.
    strictTransportSecurity: false,
  });
  await app.register(fastifyCookie);
  registerLocale(app);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Cadre API',
        version: options.version,
        description:
          'Partners, people, deployments, training and certification for a police and corrections assistance program. ' +
          'Errors are RFC 9457 problem details (application/problem+json). Updates need If-Match with the record version. ' +
          'Problems (title, detail, each field error) are written in the language asked for: a `lang` query parameter, the `cadre_locale` cookie, ' +
          'then Accept-Language (en, es, fr, pt or ht; English otherwise); `code`, `rule` and `type` never change with the language.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          bearer: { type: 'http', scheme: 'bearer', description: 'An API token from POST /api/tokens.' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(async (docs) => {
    openToAnyone(docs as App);
    await docs.register(fastifySwaggerUi, {
      routePrefix: '/api/docs',
      uiConfig: { url: '/api/openapi.json', deepLinking: true },
      staticCSP: true,
      uiHooks: {},
    });
  });

  registerAuthentication(app, options.authenticator, { publicUrl: options.publicUrl });
  guardInput(app);

  app.get('/api/openapi.json', { schema: { hide: true }, config: { isPublic: true } }, async () => app.swagger());

  app.get(
    '/api/health',
    {
      config: { isPublic: true },
      schema: {
        tags: ['platform'],
        summary: 'Liveness: ok once the database is reachable and migrated',
        security: [],
        response: { 200: z.object({ status: z.literal('ok') }), 503: z.object({ status: z.literal('unavailable') }) },
      },
    },
    async (_request, reply) => ((await options.isHealthy()) ? { status: 'ok' as const } : reply.status(503).send({ status: 'unavailable' as const })),
  );

  await app.register(
    async (api) => {
      for (const routes of options.routes) routes(api as App);
    },
    { prefix: '/api' },
  );

  app.setNotFoundHandler((request, reply) => sendProblem(reply, toProblem(routeNotFound(`${request.method} ${request.url.split('?')[0]}`), request)));

  if (options.webRoot && fs.existsSync(path.join(options.webRoot, 'index.html'))) {
    const webRoot = options.webRoot;
    await app.register(async (web) => {
      openToAnyone(web as App);
      await web.register(fastifyStatic, { root: webRoot, wildcard: false, index: false, maxAge: '1h' });
      // Any other page is the single-page app, which routes in the browser; what the router
      // could not match under the API, however it was spelled, is the API's 404.
      web.get('/*', { schema: { hide: true } }, (request, reply) => {
        const rest = (request.params as { '*'?: string })['*'] ?? '';
        if (isUnderApi(rest)) throw routeNotFound(`GET ${request.url.split('?')[0]}`);
        return reply.header('cache-control', 'no-cache').sendFile('index.html', webRoot);
      });
    });
  }

  return app;
}

/** Whether a decoded path (after its first slash) names the API, however its segments are spelled. */
function isUnderApi(rest: string): boolean {
  const first = rest.split(/[/\\]+/).find((segment) => segment !== '' && segment !== '.');
  return first?.toLowerCase() === 'api';
}
