import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor, RequestContext } from '../access.js';
import { AppError } from '../errors.js';
import { platformText } from '../platform.messages.js';

export interface AuthResult {
  actor: Actor;
  method: 'session' | 'token';
  sessionId: string | null;
  mustChangePassword: boolean;
  /** The role requires a second factor and this session has proved none: it must enrol one first. */
  mustEnrolSecondFactor: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthResult | null;
  }
  interface FastifyContextConfig {
    /** Anyone may call the route, signed in or not. */
    isPublic?: boolean;
    /** The route stays open to a user who must still change a one-time password. */
    isOpenBeforePasswordChange?: boolean;
    /** The route stays open to a user who must still enrol a second factor. */
    isOpenBeforeSecondFactor?: boolean;
    /**
     * The route manages credentials or accounts (tokens, passwords, users, sessions): a person
     * signed in at a browser may call it, an API token may not, so a leaked token cannot make
     * itself permanent or lock its owner out.
     */
    isSessionOnly?: boolean;
  }
}

/** A Fastify instance whose routes take zod schemas. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** The acting user and request, as services take them. Throws 401 on an anonymous request. */
export function contextOf(request: FastifyRequest): RequestContext {
  if (!request.auth) throw new AppError('unauthenticated', platformText('signIn'));
  return { actor: request.auth.actor, requestId: String(request.id), ip: request.ip, locale: request.locale };
}
