import type { ImportedReadiness, PersonForImport } from '../people/people.service.js';
import { type ReadinessItem, readinessInputProblems } from '../people/readiness.js';
import { type MappedRow, report, type RunState, takeDate } from './imports.rows.js';
import { importsText } from './imports.messages.js';

/**
 * Readiness columns of a roster: which item each column fills, and what a row gives of each
 * item. A blank cell never erases what is on record, and a record the row leaves as it is, is
 * not written again.
 */

type Record = ImportedReadiness['records'][number];
type Given = { item: ReadinessItem; completedOn?: string; expiresOn?: string; reference?: string; passportNumber?: string };

/** The import's fields of each item, and the field a missing part of it is reported against. */
const ITEMS: { item: ReadinessItem; completedOn?: string; expiresOn?: string; reference?: string; passportNumber?: string }[] = [
  { item: 'passport', passportNumber: 'passportNumber', completedOn: 'passportIssuedOn', expiresOn: 'passportExpiresOn' },
  { item: 'medical_clearance', completedOn: 'medicalClearanceOn' },
  { item: 'security_clearance', reference: 'securityClearance', completedOn: 'securityClearanceOn' },
  { item: 'agency_release', completedOn: 'agencyReleaseOn' },
  { item: 'predeployment_training', completedOn: 'predeploymentTrainingOn' },
];

const PASSPORT_NUMBER = /^[A-Z0-9]{5,20}$/;

/** What the row gives of each item it fills in, its problems reported. */
export function givenReadiness(state: RunState, row: MappedRow): Given[] {
  const given: Given[] = [];
  for (const fields of ITEMS) {
    const filled = Object.entries(fields).filter(([part, field]) => part !== 'item' && row.has(field as string));
    if (filled.length === 0) continue;
    const entry: Given = { item: fields.item };
    for (const [part, field] of filled) {
      if (part === 'completedOn' || part === 'expiresOn') {
        const day = takeDate(state, row, field as string);
        if (day) entry[part] = day;
      } else if (part === 'passportNumber') {
        const number = row.text(field as string).replace(/[\s.-]/g, '').toUpperCase();
        if (PASSPORT_NUMBER.test(number)) entry.passportNumber = number;
        else report(state, row, field as string, importsText('row.notPassportNumber'));
      } else {
        entry.reference = row.text(field as string).slice(0, 120);
      }
    }
    given.push(entry);
  }
  return given;
}

/**
 * The records to write for a row: each item it fills, over the one on record (the person's, when
 * they are on the roster), checked by the readiness rules; only those that change.
 */
export function readinessToWrite(state: RunState, row: MappedRow, given: readonly Given[], current?: PersonForImport): Record[] {
  const records: Record[] = [];
  for (const entry of given) {
    const fields = ITEMS.find((i) => i.item === entry.item) as (typeof ITEMS)[number];
    const onRecord = current?.readiness.find((r) => r.item === entry.item);
    const input = {
      completedOn: entry.completedOn ?? onRecord?.completedOn ?? null,
      expiresOn: entry.expiresOn ?? onRecord?.expiresOn ?? null,
      reference: entry.reference ?? onRecord?.reference ?? null,
      ...(entry.passportNumber && { passportNumber: entry.passportNumber }),
    };
    const problems = readinessInputProblems(entry.item, input);
    // Checked once merged: an expiry alone may come before the issue date on record.
    if (input.completedOn && input.expiresOn && input.expiresOn < input.completedOn) {
      report(state, row, fields.expiresOn ?? null, importsText('row.beforeIssued', { issuedOn: input.completedOn }));
      continue;
    }
    for (const problem of problems) {
      const field = fields[problem.field] ?? null;
      const reason =
        problem.field === 'expiresOn' ? importsText('row.expiryNeeded') : problem.field === 'completedOn' ? importsText('row.dayNeeded', { item: importsText(`item.${entry.item}`) }) : problem.detail;
      // A missing part is named by its column when the file has one, else by the part the row gave.
      report(state, row, field && row.isMapped(field) ? field : (Object.values(fields).find((f) => f !== entry.item && row.has(f)) ?? null), reason);
    }
    if (problems.length > 0) continue;
    const isNumberOnRecord = !!input.passportNumber && onRecord?.hasPassportNumber === true && current?.isSamePassportNumber(input.passportNumber) === true;
    const isSame = onRecord && onRecord.completedOn === input.completedOn && onRecord.expiresOn === input.expiresOn && onRecord.reference === input.reference && (!input.passportNumber || isNumberOnRecord);
    if (isSame) continue;
    // The number on record is kept as it is: not sealed again, nor said to have changed.
    const { passportNumber, ...rest } = input;
    records.push({ item: entry.item, input: isNumberOnRecord ? rest : { ...rest, ...(passportNumber && { passportNumber }) } });
  }
  return records;
}
