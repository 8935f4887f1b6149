import type { Insertable, Selectable } from 'kysely';
import type { AuditEntry } from '../../platform/audit.js';
import type { FieldCipher } from '../../platform/crypto.js';
import type { PersonReadinessTable } from '../../platform/db/schema.js';
import type { ReadinessInput, ReadinessItem } from './readiness.js';

/** One person's readiness records from an import; `version` is the one read of a person already on the roster. */
export interface ImportedReadiness {
  personId: string;
  version?: number | undefined;
  records: { item: ReadinessItem; input: ReadinessInput & { reference?: string | null | undefined } }[];
}

/**
 * A readiness record as it is stored (a new passport number encrypted, else the one on record
 * kept) and its audit event, which says whether the number changed but never holds it.
 */
export function readinessChange(passports: FieldCipher, personId: string, item: ReadinessItem, input: ImportedReadiness['records'][number]['input'], previous: Selectable<PersonReadinessTable> | undefined, now: string) {
  const isNewNumber = !!input.passportNumber;
  const row: Insertable<PersonReadinessTable> = {
    person_id: personId,
    item,
    completed_on: input.completedOn ?? null,
    expires_on: input.expiresOn ?? null,
    reference: input.reference ?? null,
    secret: isNewNumber ? passports.encrypt(input.passportNumber as string, `${personId}:passport`) : (previous?.secret ?? null),
    secret_hint: isNewNumber ? (input.passportNumber as string).slice(-3) : (previous?.secret_hint ?? null),
    updated_at: now,
  };
  const event: AuditEntry = {
    action: 'person.readiness_set',
    entityType: 'person',
    entityId: personId,
    before: { item, ...(previous && { completedOn: previous.completed_on, expiresOn: previous.expires_on, reference: previous.reference, passportNumberEnding: previous.secret_hint }) },
    after: { item, completedOn: row.completed_on, expiresOn: row.expires_on, reference: row.reference, passportNumberChanged: isNewNumber },
  };
  return { row, event };
}
