import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Duplex } from 'node:stream';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isContention } from '../db/contention.js';
import { AppError, type ErrorCode, invalid } from '../errors.js';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales.js';
import { platformText } from '../platform.messages.js';
import { issueDetail } from './issue-wording.js';

/** RFC 9457 problem details: the one shape every error leaves the API in. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: ErrorCode | 'bad_request' | 'unsupported_media_type' | 'internal';
  requestId: string;
  rule?: string;
  errors?: { pointer: string; detail: string }[];
}

const STATUS: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  password_change_required: 403,
  second_factor_enrolment_required: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  rule_broken: 422,
  precondition_required: 428,
  rate_limited: 429,
  payload_too_large: 413,
};

const title = (code: Problem['code'], locale: Locale) => platformText(`title.${code}`).in(locale);

function problemTypeUri(code: Problem['code'], rule?: string): string {
  return rule ? `urn:cadre:rule:${rule}` : `urn:cadre:problem:${code}`;
}

const VALIDATION_PART: Record<string, string> = {
  body: 'body',
  querystring: 'query',
  params: 'path',
  headers: 'header',
};

function schemaProblems(error: FastifyError, locale: Locale): { pointer: string; detail: string }[] {
  const part = VALIDATION_PART[error.validationContext ?? 'body'] ?? 'body';
  return (error.validation ?? []).flatMap((issue) => {
    const params = issue.params as { keys?: unknown };
    if (issue.keyword === 'unrecognized_keys' && Array.isArray(params.keys)) {
      return params.keys.map((key) => ({
        pointer: `/${part}${issue.instancePath === '/' ? '' : issue.instancePath}/${String(key)}`,
        detail: platformText('issue.unrecognizedKey').in(locale),
      }));
    }
    const path = issue.instancePath === '/' ? '' : issue.instancePath;
    return [{ pointer: `/${part}${path}`, detail: issueDetail(issue, locale) }];
  });
}

/**
 * Fastify's refusals that say something about a field, told as the field's problem; a change that
 * met another at the same records, rolled back whole, told as a conflict to send again.
 */
export function asAppError(error: unknown): unknown {
  if (isContention(error)) {
    return new AppError('conflict', platformText('contention'), { retryAfterSeconds: 1 });
  }
  const code = (error as FastifyError | null)?.code;
  if (code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return invalid(platformText('pathTooLong'), [{ pointer: '/path', detail: platformText('pathSegmentTooLong') }]);
  }
  if (code === 'FST_ERR_BAD_URL') {
    return invalid(platformText('pathNotUtf8'), [{ pointer: '/path', detail: platformText('pathNotUtf8Field') }]);
  }
  return error;
}

/** The problem an error leaves the API as, in the language the request asked for. */
export function toProblem(raw: unknown, request: FastifyRequest): Problem {
  const error = asAppError(raw);
  const locale = request.locale ?? DEFAULT_LOCALE;
  const base = { instance: request.url.split('?')[0] ?? request.url, requestId: String(request.id) };
  if (error instanceof AppError) {
    const errors = error.errorsIn(locale);
    return {
      ...base,
      type: problemTypeUri(error.code, error.extra.rule),
      title: title(error.code, locale),
      status: STATUS[error.code],
      detail: error.detailIn(locale),
      code: error.code,
      ...(error.extra.rule && { rule: error.extra.rule }),
      ...(errors && { errors }),
    };
  }
  const fastifyError = error as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fastifyError)) {
    const errors = schemaProblems(fastifyError, locale);
    const named = errors.map((e) => `${e.pointer.split('/').slice(2).join('.') || e.pointer} ${e.detail}`);
    const fields = named.slice(0, 3).join('; ');
    return {
      ...base,
      type: problemTypeUri('validation'),
      title: title('validation', locale),
      status: 400,
      detail: named.length > 3 ? platformText('fieldsInvalidMore', { fields, count: named.length - 3 }).in(locale) : fields,
      code: 'validation',
      errors,
    };
  }
  const status = typeof fastifyError.statusCode === 'number' ? fastifyError.statusCode : 500;
  if (status >= 400 && status < 500) {
    const code =
      status === 415 ? 'unsupported_media_type' : status === 413 ? 'payload_too_large' : 'bad_request';
    return {
      ...base,
      type: problemTypeUri(code),
      title: title(code, locale),
      status,
      detail: clientMessage(fastifyError, locale),
      code,
    };
  }
  return {
    ...base,
    type: problemTypeUri('internal'),
    title: title('internal', locale),
    status: 500,
    detail: platformText('internal', { requestId: base.requestId }).in(locale),
    code: 'internal',
  };
}

/** Fastify's own 4xx messages, made plain; they never carry internals. */
function clientMessage(error: FastifyError, locale: Locale): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return platformText('bodyNotJson', { reason: error.message }).in(locale);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return platformText('sendJson').in(locale);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return platformText('bodyTooLarge').in(locale);
    default:
      return error.message;
  }
}

export function sendProblem(reply: FastifyReply, problem: Problem, retryAfterSeconds?: number) {
  if (retryAfterSeconds !== undefined) reply.header('retry-after', String(retryAfterSeconds));
  reply.header('content-language', reply.request.locale ?? DEFAULT_LOCALE);
  return reply.status(problem.status).type('application/problem+json').send(problem);
}

/**
 * A request Node's HTTP parser refused (no route, no request id yet): answered as a problem too,
 * written straight to the socket as Fastify's own handler does.
 */
export function onClientError(error: Error & { code?: string }, socket: Duplex) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const title = status === 408 ? 'Request timeout' : status === 431 ? 'Request headers too large' : platformText('title.bad_request').in(DEFAULT_LOCALE);
  const body = JSON.stringify({ type: problemTypeUri('bad_request'), title, status, detail: platformText('unreadableHttp').in(DEFAULT_LOCALE), code: 'bad_request' });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${title}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/problem+json\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
