import { iso31662 } from 'iso-3166';
import { organizationsText } from './organizations.messages.js';
import type { Text } from '../../platform/i18n/messages.js';

/**
 * Where an organization sits: its subdivision must be one ISO 3166-2 lists (the schema checks
 * only the shape, "US-NY") and one of its own country's. The words are the schema's, so a
 * script, an import and the web read the same refusal.
 */

const SUBDIVISIONS: ReadonlySet<string> = new Set(iso31662.map((entry) => entry.code));

export const SUBDIVISION_UNKNOWN = organizationsText('subdivisionUnknown');
export const SUBDIVISION_ELSEWHERE = organizationsText('subdivisionElsewhere');

/** What is wrong with a subdivision for a country, in the API's words; null when nothing is. */
export function subdivisionProblem(country: string, subdivision: string | null | undefined): Text | null {
  if (!subdivision) return null;
  if (!subdivision.startsWith(`${country}-`)) return SUBDIVISION_ELSEWHERE;
  return SUBDIVISIONS.has(subdivision) ? null : SUBDIVISION_UNKNOWN;
}
