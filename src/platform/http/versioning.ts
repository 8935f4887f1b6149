import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

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
      'Send the version you are changing in the If-Match header (the ETag you read), such as If-Match: "3".',
    );
  }
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(String(header).trim());
  if (!match?.[1] || Number(match[1]) < 1) {
    throw new AppError('validation', 'If-Match must hold a version number, such as "3".', {
      errors: [{ pointer: '/header/if-match', detail: 'is not a record version' }],
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
