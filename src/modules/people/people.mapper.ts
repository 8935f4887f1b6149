import type { ReadinessRow } from '../../platform/db/schema.js';
import type { PersonExtras, PersonRowWithOrganization } from './people.repository.js';
import { ilrFromNumber, type Person, type PersonAction, type PersonDetail } from './people.schemas.js';
import { type ReadinessRecord, readinessBadge } from './readiness.js';

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

/** A person as the API shows it, with what the caller may do to them (none in an audit event). */
export function toPerson(row: PersonRowWithOrganization, extras: PersonExtras, today: string, detail: 'full' | 'names', allowedActions: PersonAction[] = []): Person {
  if (detail === 'names') return namesOnly(row, allowedActions);
  return {
    ...namesOnly(row, allowedActions),
    detail: 'full',
    status: row.status,
    languages: extras.languages.map((l) => ({ language: l.language, speaking: ilrFromNumber(l.speaking), reading: ilrFromNumber(l.reading) })),
    heritageCountries: extras.heritage.map((h) => h.country),
    specialties: extras.specialties.map((s) => s.specialty),
    readiness: readinessBadge(toReadinessRecords(extras.readiness), today),
    version: row.version,
  };
}

export function toPersonDetail(row: PersonRowWithOrganization, extras: PersonExtras, today: string, detail: 'full' | 'names', allowedActions: PersonAction[] = []): PersonDetail {
  const person = toPerson(row, extras, today, detail, allowedActions);
  if (detail === 'names') return person;
  return {
    ...person,
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
  };
}
