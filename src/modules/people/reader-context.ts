import type { FastifyRequest } from 'fastify';
import type { RequestContext } from '../../platform/access.js';
import { contextOf } from '../../platform/http/context.js';
import { DEFAULT_LOCALE, type Locale } from '../../platform/i18n/locales.js';

/**
 * A request's context with the reader's language, for services whose answers carry sentences
 * (readiness reasons, blockers, a candidate's score explained): the route passes `request.locale`
 * along, and whatever else calls the service (imports, the CLI, audit snapshots) reads English.
 */
export type ReaderContext = RequestContext & { readonly locale?: Locale };

export function readerContext(request: FastifyRequest): ReaderContext {
  return { ...contextOf(request), locale: request.locale };
}

export function readerLocale(ctx: RequestContext): Locale {
  return (ctx as ReaderContext).locale ?? DEFAULT_LOCALE;
}
