import { randomFillSync } from 'node:crypto';
import { V7Generator } from 'uuidv7';

/**
 * Random words for the ids, drawn from the system's strong generator a thousand at a time: the
 * library's own buffer holds eight, and a call to Web Crypto for every two or three ids was a
 * measurable part of a short request (each request has an id, as each record does).
 */
class PooledRandom {
  private readonly words = new Uint32Array(1024);
  private next = this.words.length;

  nextUint32(): number {
    if (this.next >= this.words.length) {
      randomFillSync(this.words);
      this.next = 0;
    }
    return this.words[this.next++] as number;
  }
}

const generator = new V7Generator(new PooledRandom());

/** Record ids are UUIDv7: unique without coordination and ordered by creation time. */
export function newId(): string {
  return generator.generate().toString();
}
