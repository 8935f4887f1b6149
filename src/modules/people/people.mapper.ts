import type { Insertable } from 'kysely';
import type { PersonStatus } from '../../platform/db/enums.js';
import type { PeopleTable, ReadinessRow } from '../../platform/db/schema.js';
import { DEFAULT_LOCALE, type Locale } from '../../platform/i18n/locales.js';
import { searchKey } from '../../platform/text.js';
import type { PersonExtras, PersonRowWithOrganization } from './people.repository.js';
import { type CreatePersonInput, type IlrLevel, levelFromNumber, levelToNumber, type Person, type PersonAction, type PersonDetail } from './people.schemas.js';
import { type ReadinessBadge, type ReadinessItem, type ReadinessRecord, readinessBadge } from './readiness.js';

/** A readiness badge with its reasons put in the reader's language. */
export function readinessIn(badge: ReadinessBadge, locale: Locale): { status: ReadinessBadge['status']; reasons: string[] } {
  return { status: badge.status, reasons: badge.reasons.map((reason) => reason.in(locale)) };
}

export function toReadinessRecords(rows: readonly Pick<ReadinessRow, 'item' | 'completed_on' | 'expires_on'>[]): ReadinessRecord[] {
  return rows.map((r) => ({ item: r.item, completedOn: r.completed_on, expiresOn: r.expires_on }));
}

function namesOnly(row: PersonRowWithOrganization, allowedActions: PersonAction[]): Person {
  return {
    id: row.id,
    detail: 'names',
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    givenName: row.given_name,
    familyName: row.family_name,
    rankTitle: row.rank_title,
    allowedActions,
  };
}

/** A language as the API shows it: its levels, each null when not known. */
export function toLanguageSkill(row: { language: string; speaking: number | null; reading: number | null }) {
  return { language: row.language, speaking: levelFromNumber(row.speaking), reading: levelFromNumber(row.reading) };
}

/** A language as it is stored: levels as numbers, each null when not known. */
export function languageRow(skill: { language: string; speaking: IlrLevel | null; reading: IlrLevel | null }) {
  return { language: skill.language, speaking: levelToNumber(skill.speaking), reading: levelToNumber(skill.reading) };
}

/** A person as the API shows it, with what the caller may do to them (none in an audit event); readiness reasons in the reader's language. */
export function toPerson(row: PersonRowWithOrganization, extras: PersonExtras, today: string, detail: 'full' | 'names', allowedActions: PersonAction[] = [], locale: Locale = DEFAULT_LOCALE): Person {
  const person = namesOnly(row, allowedActions);
  if (detail === 'names') return person;
  // Added to the object just made rather than spread into a new one: a person is mapped for every
  // row of a list and for every audit event of a bulk import.
  return Object.assign(person, {
    detail: 'full' as const,
    status: row.status,
    languages: extras.languages.map(toLanguageSkill),
    heritageCountries: extras.heritage.map((h) => h.country),
    specialties: extras.specialties.map((s) => s.specialty),
    readiness: readinessIn(readinessBadge(toReadinessRecords(extras.readiness), today), locale),
    version: row.version,
  });
}

export function toPersonDetail(row: PersonRowWithOrganization, extras: PersonExtras, today: string, detail: 'full' | 'names', allowedActions: PersonAction[] = [], locale: Locale = DEFAULT_LOCALE): PersonDetail {
  const person = toPerson(row, extras, today, detail, allowedActions, locale);
  if (detail === 'names') return person;
  return Object.assign(person, {
    email: row.email,
    phone: row.phone,
    sex: row.sex,
    dateOfBirth: row.date_of_birth,
    notes: row.notes,
    readinessItems: extras.readiness.map((r) => ({
      item: r.item,
      completedOn: r.completed_on,
      expiresOn: r.expires_on,
      reference: r.reference,
      passportNumberMasked: r.secret_hint ? `••••${r.secret_hint}` : null,
    })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

/** What other modules (deployments, training) learn of a person: no row, no contact details. */
export interface PersonProfile {
  id: string;
  organizationId: string;
  organizationName: string;
  /** The agency's country: people of agencies outside the United States are foreign participants. */
  organizationCountry: string;
  name: string;
  status: PersonStatus;
  /** Speaking levels as numbers (ILR half steps), null when not known. */
  languages: { language: string; speaking: number | null }[];
  heritageCountries: string[];
  specialties: string[];
  readiness: ReadinessRecord[];
}

/** How a person is named wherever a list shows them. */
export const nameOf = (row: Pick<PersonRowWithOrganization, 'given_name' | 'family_name'>) => `${row.given_name} ${row.family_name}`;

export function profileOf(row: PersonRowWithOrganization, extras: PersonExtras): PersonProfile {
  return {
    id: row.id,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    organizationCountry: row.organization_country,
    name: nameOf(row),
    status: row.status,
    languages: extras.languages.map((l) => ({ language: l.language, speaking: l.speaking })),
    heritageCountries: extras.heritage.map((h) => h.country),
    specialties: extras.specialties.map((s) => s.specialty),
    readiness: toReadinessRecords(extras.readiness),
  };
}

/** The keys a person is searched and sorted by. */
export function names(input: { givenName: string; familyName: string }) {
  return {
    search_name: searchKey(`${input.givenName} ${input.familyName}`),
    sort_name: searchKey(`${input.familyName} ${input.givenName}`),
  };
}

/** A new person's row from what was asked for. */
export function personRow(id: string, input: CreatePersonInput, now: string): Insertable<PeopleTable> {
  return {
    id,
    organization_id: input.organizationId,
    given_name: input.givenName,
    family_name: input.familyName,
    ...names(input),
    rank_title: input.rankTitle ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    sex: input.sex ?? null,
    date_of_birth: input.dateOfBirth ?? null,
    status: input.status,
    notes: input.notes ?? null,
    created_at: now,
    updated_at: now,
  };
}

/** A person as an import compares it with a row of its file: every field an import may set. */
export interface PersonForImport {
  id: string;
  organizationId: string;
  searchName: string;
  givenName: string;
  familyName: string;
  rankTitle: string | null;
  email: string | null;
  phone: string | null;
  sex: string | null;
  dateOfBirth: string | null;
  status: string;
  notes: string | null;
  languages: { language: string; speaking: IlrLevel | null; reading: IlrLevel | null }[];
  heritageCountries: string[];
  specialties: string[];
  /** Readiness on record, without the passport number itself. */
  readiness: { item: ReadinessItem; completedOn: string | null; expiresOn: string | null; reference: string | null; hasPassportNumber: boolean }[];
  /** Whether `number` is the passport number on record (compared where the number can be read). */
  isSamePassportNumber(number: string): boolean;
  version: number;
  /** Whether the actor may change this person. */
  isEditable: boolean;
}
