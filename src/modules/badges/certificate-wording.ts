import { countryName, formatDay, formatDayRange, formatNumber } from '../../platform/i18n/format.js';
import type { Locale } from '../../platform/i18n/locales.js';

/**
 * The words and the long dates, hours and places of a printed certificate, in each language
 * Cadre prints certificates in. Dates, numbers and country names are the platform's (see
 * platform/i18n/format.ts), in characters the PDF's standard fonts have.
 */

interface Wording {
  title: string;
  certifies: string;
  earned: string;
  course: string;
  hours: (n: string) => string;
  validFrom: (from: string, until: string) => string;
  validFromNoExpiry: (from: string) => string;
  verify: string;
  chain: string;
  number: string;
  signatory: string;
}

const WORDING = {
  en: {
    title: 'Certificate',
    certifies: 'certifies that',
    earned: 'has earned the credential',
    course: 'on completing',
    hours: (n) => `${n} hours`,
    validFrom: (from, until) => `Valid from ${from} until ${until}`,
    validFromNoExpiry: (from) => `Valid from ${from} · No expiry`,
    verify: 'Verify this certificate at',
    chain: 'Under the standard of',
    number: 'Certificate no.',
    signatory: 'For the issuer',
  },
  es: {
    title: 'Certificado',
    certifies: 'certifica que',
    earned: 'ha obtenido la credencial',
    course: 'al completar',
    hours: (n) => `${n} horas`,
    validFrom: (from, until) => `Válido desde el ${from} hasta el ${until}`,
    validFromNoExpiry: (from) => `Válido desde el ${from} · Sin vencimiento`,
    verify: 'Verifique este certificado en',
    chain: 'Según la norma de',
    number: 'Certificado n.º',
    signatory: 'Por el emisor',
  },
  pt: {
    title: 'Certificado',
    certifies: 'certifica que',
    earned: 'obteve a credencial',
    course: 'ao concluir',
    hours: (n) => `${n} horas`,
    validFrom: (from, until) => `Válido de ${from} até ${until}`,
    validFromNoExpiry: (from) => `Válido desde ${from} · Sem validade`,
    verify: 'Verifique este certificado em',
    chain: 'Segundo o padrão de',
    number: 'Certificado n.º',
    signatory: 'Pelo emissor',
  },
  fr: {
    title: 'Certificat',
    certifies: 'certifie que',
    earned: 'a obtenu la qualification',
    course: 'à l’issue de',
    hours: (n) => `${n} heures`,
    validFrom: (from, until) => `Valable du ${from} au ${until}`,
    validFromNoExpiry: (from) => `Valable à partir du ${from} · Sans expiration`,
    verify: 'Vérifiez ce certificat sur',
    chain: 'Selon la norme de',
    number: 'Certificat n°',
    signatory: 'Pour l’émetteur',
  },
  ht: {
    title: 'Sètifika',
    certifies: 'sètifye ke',
    earned: 'te merite kalifikasyon',
    course: 'apre li fin swiv',
    hours: (n) => `${n} èdtan`,
    validFrom: (from, until) => `Bay le ${from} · Valab jiska ${until}`,
    validFromNoExpiry: (from) => `Bay le ${from} · San dat ekspirasyon`,
    verify: 'Verifye sètifika sa a sou',
    chain: 'Dapre estanda',
    number: 'Sètifika nimewo',
    signatory: 'Pou moun ki bay li',
  },
} as const satisfies Record<Locale, Wording>;

export type CertificateLanguage = keyof typeof WORDING;

/** The languages certificates are printed in. */
export const CERTIFICATE_LANGUAGES = Object.keys(WORDING) as [CertificateLanguage, ...CertificateLanguage[]];

export function wordingFor(language: CertificateLanguage): Wording {
  return WORDING[language];
}

// PDF's standard fonts have no thin or narrow no-break spaces, which Intl puts in ranges.
const printable = (text: string) => text.replace(/[\u2009\u202f]/g, ' ');

/** A day, long, in the certificate's language: "May 14, 2010", "14 de mayo de 2010", "14 me 2010". */
export function longDate(day: string, language: CertificateLanguage): string {
  return printable(formatDay(day, language));
}

/** Days of training, long: "May 3 – 14, 2010", "3–14 de mayo de 2010", "3–14 me 2010". */
export function longDateRange(start: string, end: string, language: CertificateLanguage): string {
  return printable(formatDayRange(start, end, language));
}

/** A country's name in the certificate's language. */
export function placeName(code: string, language: CertificateLanguage): string {
  return printable(countryName(code, language));
}

/** Hours of teaching, as the language writes numbers. */
export function hoursText(hours: number, language: CertificateLanguage): string {
  return WORDING[language].hours(printable(formatNumber(hours, language)));
}
