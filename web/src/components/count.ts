import i18next from '../i18n';
import { intlLocale } from '../language/languages';

/** A count in the interface's language ("1,234", "1 234"). */
export function formatCount(value: number): string {
  return new Intl.NumberFormat(intlLocale(i18next.language)).format(value);
}
