import { uuidv7 } from 'uuidv7';

/** Record ids are UUIDv7: unique without coordination and ordered by creation time. */
export function newId(): string {
  return uuidv7();
}
