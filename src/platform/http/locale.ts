import type { FastifyInstance } from 'fastify';
import { DEFAULT_LOCALE, LOCALE_COOKIE, type Locale, negotiateLocale } from '../i18n/locales.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The language the request is answered in; see `negotiateLocale`. */
    locale: Locale;
  }
}

/**
 * Settles each request's language before anything can refuse it: a `lang` query parameter (a
 * link to a certificate in Spanish), the visitor's saved choice in the cookie, then
 * Accept-Language. Answers that vary by it say so, for caches.
 */
export function registerLocale(app: FastifyInstance): void {
  app.decorateRequest('locale', DEFAULT_LOCALE);
  app.addHook('onRequest', async (request, reply) => {
    const query = request.query as { lang?: unknown } | undefined;
    request.locale = negotiateLocale({
      explicit: [typeof query?.lang === 'string' ? query.lang : undefined, request.cookies?.[LOCALE_COOKIE]],
      acceptLanguage: request.headers['accept-language'],
    });
    if (request.url.startsWith('/api/')) reply.header('vary', 'Accept-Language, Cookie');
  });
}
