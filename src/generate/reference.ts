import type { Kysely } from 'kysely';
import type { Engine } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import type { Progress } from './bulk.js';
import type { Random } from './random.js';
import type { Sizes } from './scales.js';

/** What every area of the generator shares: where it writes, its randomness, its sizes. */
export interface GenerationContext {
  db: Kysely<DB>;
  engine: Engine;
  rnd: Random;
  id: () => string;
  sizes: Sizes;
  progress: Progress;
  /** The day the program stands at: fixed, so a program generated later is the same program. */
  today: string;
  /** created_at / updated_at of rows with no date of their own. */
  stamp: string;
  firstYear: number;
}

/** Sixty countries, the program's own first: partners are spread over the first `sizes.countries`. */
export const COUNTRIES = [
  'US', 'HT', 'SV', 'GT', 'HN', 'MX', 'CO', 'BR', 'PE', 'EC', 'BO', 'PY', 'CL', 'AR', 'UY', 'PA', 'CR', 'NI', 'DO', 'JM',
  'TT', 'BS', 'BZ', 'GY', 'SR', 'LC', 'GD', 'BB', 'DM', 'AG', 'KN', 'VC', 'PH', 'ID', 'TH', 'VN', 'KH', 'LA', 'MN', 'NP',
  'BD', 'LK', 'KE', 'UG', 'TZ', 'RW', 'GH', 'NG', 'SN', 'LR', 'SL', 'CM', 'BJ', 'TG', 'ML', 'NE', 'MA', 'TN', 'JO', 'GE',
] as const;

/** The language most of a country's officers speak, for the languages they are given. */
export function languageOf(country: string): string {
  if (['HT', 'SN', 'CM', 'BJ', 'TG', 'ML', 'NE', 'MA', 'TN', 'RW'].includes(country)) return 'fr';
  if (country === 'BR') return 'pt';
  if (['MX', 'SV', 'GT', 'HN', 'CO', 'PE', 'EC', 'BO', 'PY', 'CL', 'AR', 'UY', 'PA', 'CR', 'NI', 'DO'].includes(country)) return 'es';
  return 'en';
}

export const LANGUAGES = ['en', 'es', 'fr', 'pt', 'ht', 'ar', 'sw'] as const;

export const CITIES = ['Capital', 'Port City', 'Riverside', 'Hill Town', 'Lakeside', 'Northgate', 'Southport', 'Eastfield', 'Westbrook', 'Old Town'];

export const GIVEN_NAMES = [
  'Ana', 'Jean', 'Luis', 'Marie', 'Sam', 'Carlos', 'Fatou', 'Kwame', 'Mei', 'Ravi', 'Sofia', 'Pierre', 'Joao', 'Amina', 'David',
  'Elena', 'Omar', 'Grace', 'Tomas', 'Nadia', 'Paul', 'Rosa', 'Ibrahim', 'Linh', 'Miguel', 'Claire', 'Kofi', 'Lucia', 'Yusuf', 'Hana',
];
export const FAMILY_NAMES = [
  'Pierre', 'Garcia', 'Diallo', 'Mensah', 'Nguyen', 'Silva', 'Smith', 'Joseph', 'Lopez', 'Okafor', 'Martinez', 'Baptiste', 'Costa',
  'Hernandez', 'Traore', 'Santos', 'Johnson', 'Charles', 'Ramirez', 'Kamara', 'Rodriguez', 'Louis', 'Pereira', 'Flores', 'Mwangi',
  'Torres', 'Dubois', 'Alvarez', 'Osei', 'Moreno',
];

export const RANKS = ['Police Officer', 'Sergeant', 'Lieutenant', 'Captain', 'Inspector', 'Corrections Officer', 'Commissioner', 'Superintendent'];

export const SPECIALTIES = ['forensics', 'community policing', 'investigations', 'crowd management', 'use of force', 'training', 'border security', 'corrections management', 'gender-based violence', 'cybercrime'];

/** `YYYY-MM-DD` plus days, by UTC arithmetic (faster than the library's for millions of rows). */
export function plusDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export const instantOf = (day: string) => `${day}T12:00:00.000Z`;
