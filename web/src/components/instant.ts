import i18next from '../i18n';
import { formatDateIn } from '../language/dates';

/** A moment, as date and time in the interface's language. */
export function formatInstant(instant: string | null | undefined): string {
  if (!instant) return '';
  return formatDateIn(i18next.language, new Date(instant), { dateStyle: 'medium', timeStyle: 'short' });
}
