import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { platformText } from '../platform.messages.js';

/**
 * Optimistic concurrency over HTTP: a record's version is its ETag, and every update must send
 * it back in If-Match, so two people editing the same record cannot overwrite each other.
 */

export function setEtag(reply: FastifyReply, version: number): void {
  reply.header('etag', `"${version}"`);
}

export function requiredVersion(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  if (header === undefined || header === '') {
    throw new AppError(
      'precondition_required',
      platformText('ifMatchRequired'),
    );
  }
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(String(header).trim());
  if (!match?.[1] || Number(match[1]) < 1) {
    throw new AppError('validation', platformText('ifMatchNotNumber'), {
      errors: [{ pointer: '/header/if-match', detail: platformText('ifMatchField') }],
    });
  }
  return Number(match[1]);
}

/** A record in a response, with its version as the ETag the next change sends back. */
export function withEtag<T extends { version: number }>(reply: FastifyReply, record: T): T {
  setEtag(reply, record.version);
  return record;
}

/** A record just made: 201, its address in Location, its version as the ETag. */
export function created<T extends { version: number }>(reply: FastifyReply, location: string, record: T): FastifyReply {
  setEtag(reply, record.version);
  return reply.status(201).header('location', location).send(record);
}
