import { createHash } from 'node:crypto';
import { imageSize } from 'image-size';
import { invalid } from '../../platform/errors.js';
import type { Text } from '../../platform/i18n/messages.js';
import { badgesText } from './badges.messages.js';

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
  const refuse = (detail: Text) => invalid(badgesText('issuerMark.unusable'), [{ pointer, detail }]);
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) throw refuse(badgesText('issuerMark.empty'));
  if (bytes.length > MARK_LIMITS.maxBytes) throw refuse(badgesText('issuerMark.tooLarge', { size: Math.ceil(bytes.length / 1024), max: MARK_LIMITS.maxBytes / 1024 }));
  const kind = MAGIC.find((m) => m.bytes.every((byte, i) => bytes[i] === byte))?.type;
  if (!kind) throw refuse(badgesText('issuerMark.notImage'));
  let size: { width?: number; height?: number };
  try {
    size = imageSize(bytes);
  } catch {
    throw refuse(badgesText('issuerMark.unreadable', { kind: kind === 'png' ? 'PNG' : 'JPEG' }));
  }
  const { width, height } = size;
  if (!width || !height) throw refuse(badgesText('issuerMark.noDimensions'));
  if (Math.min(width, height) < MARK_LIMITS.minPixels) throw refuse(badgesText('issuerMark.tooSmall', { width, height, min: MARK_LIMITS.minPixels }));
  if (Math.max(width, height) > MARK_LIMITS.maxPixels) throw refuse(badgesText('issuerMark.tooBig', { width, height, max: MARK_LIMITS.maxPixels }));
  return { bytes, type: TYPES[kind], width, height, digest: createHash('sha256').update(bytes).digest('hex') };
}
