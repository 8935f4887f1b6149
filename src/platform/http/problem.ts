import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Duplex } from 'node:stream';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isContention } from '../db/contention.js';
import { AppError, type ErrorCode, type FieldProblem, invalid } from '../errors.js';

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
  errors?: FieldProblem[];
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

const TITLES: Record<Problem['code'], string> = {
  validation: 'The request is not valid',
  unauthenticated: 'Sign-in required',
  forbidden: 'Not allowed',
  password_change_required: 'Password change required',
  second_factor_enrolment_required: 'Second factor required',
  not_found: 'Not found',
  conflict: 'Conflict',
  precondition_failed: 'The record has changed',
  precondition_required: 'Version required',
  rule_broken: 'A rule was broken',
  rate_limited: 'Too many attempts',
  bad_request: 'Bad request',
  unsupported_media_type: 'Unsupported media type',
  payload_too_large: 'Request too large',
  internal: 'Something went wrong',
};

function problemTypeUri(code: Problem['code'], rule?: string): string {
  return rule ? `urn:cadre:rule:${rule}` : `urn:cadre:problem:${code}`;
}

const VALIDATION_PART: Record<string, string> = {
  body: 'body',
  querystring: 'query',
  params: 'path',
  headers: 'header',
};

function schemaProblems(error: FastifyError): FieldProblem[] {
  const part = VALIDATION_PART[error.validationContext ?? 'body'] ?? 'body';
  return (error.validation ?? []).flatMap((issue) => {
    const params = issue.params as { keys?: unknown };
    if (issue.keyword === 'unrecognized_keys' && Array.isArray(params.keys)) {
      return params.keys.map((key) => ({
        pointer: `/${part}${issue.instancePath === '/' ? '' : issue.instancePath}/${String(key)}`,
        detail: 'is not a field this request accepts',
      }));
    }
    const path = issue.instancePath === '/' ? '' : issue.instancePath;
    return [{ pointer: `/${part}${path}`, detail: issue.message ?? 'is not valid' }];
  });
}

/**
 * Fastify's refusals that say something about a field, told as the field's problem; a change that
 * met another at the same records, rolled back whole, told as a conflict to send again.
 */
export function asAppError(error: unknown): unknown {
  if (isContention(error)) {
    return new AppError('conflict', 'Another change reached the same records at the same moment, and nothing was written. Send the request again.', {
      retryAfterSeconds: 1,
    });
  }
  const code = (error as FastifyError | null)?.code;
  if (code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return invalid('A part of the path is longer than any id.', [{ pointer: '/path', detail: 'has a segment longer than any id' }]);
  }
  if (code === 'FST_ERR_BAD_URL') {
    return invalid('The path is not valid percent-encoded UTF-8.', [{ pointer: '/path', detail: 'is not valid percent-encoded UTF-8' }]);
  }
  return error;
}

export function toProblem(raw: unknown, request: FastifyRequest): Problem {
  const error = asAppError(raw);
  const base = { instance: request.url.split('?')[0] ?? request.url, requestId: String(request.id) };
  if (error instanceof AppError) {
    return {
      ...base,
      type: problemTypeUri(error.code, error.extra.rule),
      title: TITLES[error.code],
      status: STATUS[error.code],
      detail: error.message,
      code: error.code,
      ...(error.extra.rule && { rule: error.extra.rule }),
      ...(error.extra.errors && { errors: error.extra.errors }),
    };
  }
  const fastifyError = error as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fastifyError)) {
    const errors = schemaProblems(fastifyError);
    const named = errors.map((e) => `${e.pointer.split('/').slice(2).join('.') || e.pointer} ${e.detail}`);
    return {
      ...base,
      type: problemTypeUri('validation'),
      title: TITLES.validation,
      status: 400,
      detail: named.slice(0, 3).join('; ') + (named.length > 3 ? `; and ${named.length - 3} more` : ''),
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
      title: TITLES[code],
      status,
      detail: clientMessage(fastifyError),
      code,
    };
  }
  return {
    ...base,
    type: problemTypeUri('internal'),
    title: TITLES.internal,
    status: 500,
    detail: `An unexpected error occurred. Quote request ${base.requestId} when reporting it.`,
    code: 'internal',
  };
}

/** Fastify's own 4xx messages, made plain; they never carry internals. */
function clientMessage(error: FastifyError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return `The request body is not valid JSON: ${error.message}`;
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'Send the request body as application/json.';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'The request body is larger than this endpoint accepts.';
    default:
      return error.message;
  }
}

export function sendProblem(reply: FastifyReply, problem: Problem, retryAfterSeconds?: number) {
  if (retryAfterSeconds !== undefined) reply.header('retry-after', String(retryAfterSeconds));
  return reply.status(problem.status).type('application/problem+json').send(problem);
}

/**
 * A request Node's HTTP parser refused (no route, no request id yet): answered as a problem too,
 * written straight to the socket as Fastify's own handler does.
 */
export function onClientError(error: Error & { code?: string }, socket: Duplex) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const title = status === 408 ? 'Request timeout' : status === 431 ? 'Request headers too large' : TITLES.bad_request;
  const body = JSON.stringify({ type: problemTypeUri('bad_request'), title, status, detail: 'The request could not be read as HTTP.', code: 'bad_request' });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${title}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/problem+json\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
