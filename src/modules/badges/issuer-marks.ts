import { createHash } from 'node:crypto';
import { imageSize } from 'image-size';
import { invalid } from '../../platform/errors.js';

/** An issuer's mark as printed: small enough to store and serve, big enough to print sharp. */
export const MARK_LIMITS = { maxBytes: 512 * 1024, minPixels: 64, maxPixels: 4000 } as const;

const TYPES = { png: 'image/png', jpg: 'image/jpeg' } as const;
const MAGIC: readonly { type: keyof typeof TYPES; bytes: readonly number[] }[] = [
  { type: 'png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'jpg', bytes: [0xff, 0xd8, 0xff] },
];

export interface IssuerMark {
  bytes: Buffer;
  type: (typeof TYPES)[keyof typeof TYPES];
  width: number;
  height: number;
  digest: string;
}

/**
 * Reads an uploaded mark: a PNG or JPEG by its first bytes (whatever it is called), whose size
 * and dimensions lie within MARK_LIMITS. Anything else is refused, naming what is wrong.
 */
export function readIssuerMark(base64: string, pointer: string): IssuerMark {
  const refuse = (detail: string) => invalid('The issuer mark cannot be used.', [{ pointer, detail }]);
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) throw refuse('is empty: send the image as base64');
  if (bytes.length > MARK_LIMITS.maxBytes) throw refuse(`is ${Math.ceil(bytes.length / 1024)} KB: a mark may be at most ${MARK_LIMITS.maxBytes / 1024} KB`);
  const kind = MAGIC.find((m) => m.bytes.every((byte, i) => bytes[i] === byte))?.type;
  if (!kind) throw refuse('is not a PNG or JPEG image');
  let size: { width?: number; height?: number };
  try {
    size = imageSize(bytes);
  } catch {
    throw refuse(`is not a readable ${kind === 'png' ? 'PNG' : 'JPEG'} image`);
  }
  const { width, height } = size;
  if (!width || !height) throw refuse('has no dimensions');
  if (Math.min(width, height) < MARK_LIMITS.minPixels) throw refuse(`is ${width}×${height} pixels: each side must be at least ${MARK_LIMITS.minPixels} pixels to print sharp`);
  if (Math.max(width, height) > MARK_LIMITS.maxPixels) throw refuse(`is ${width}×${height} pixels: each side may be at most ${MARK_LIMITS.maxPixels} pixels`);
  return { bytes, type: TYPES[kind], width, height, digest: createHash('sha256').update(bytes).digest('hex') };
}
