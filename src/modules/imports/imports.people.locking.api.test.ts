import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganization, buildPerson } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import type { PeopleService } from '../people/people.service.js';
import { peopleHandler } from './imports.people.js';
import { freshRunState, MappedRow, type PlanningHandler } from './imports.rows.js';

/**
 * The order in which a roster's writing takes its locks. Adding one person takes the identity
 * lock and then, as it is audited, the audit head; a roster whose first batch only changes people
 * already on record locks their rows and the audit head first, so, were the identity lock taken at
 * its first new person only, the two would each hold what the other waits for (PostgreSQL ends
 * one of them). The writing takes it before anything else.
 */

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Call = 'lockIdentities' | 'createMany' | 'update' | 'recordReadinessMany';

describe('a roster’s writing', () => {
  it('holds the identity checks from its start, before it changes anyone found or adds anyone', async () => {
    const agency = await buildOrganization(t.services, t.system, { name: 'Lock Order Constabulary', kind: 'foreign_police', country: 'HT' });
    await buildPerson(t.services, t.system, { organizationId: agency.id, givenName: 'Found', familyName: 'Onrecord', email: 'found.onrecord@lock-order.example' });
    const calls: Call[] = [];
    const people = t.services.people;
    // The service itself, each call noted as it is made.
    const noted: Pick<PeopleService, Call | 'matchForImport'> = {
      matchForImport: people.matchForImport,
      lockIdentities: (...args) => (calls.push('lockIdentities'), people.lockIdentities(...args)),
      createMany: (...args) => (calls.push('createMany'), people.createMany(...args)),
      update: (...args) => (calls.push('update'), people.update(...args)),
      recordReadinessMany: (...args) => (calls.push('recordReadinessMany'), people.recordReadinessMany(...args)),
    };
    const columns = new Map([
      ['givenName', 0],
      ['familyName', 1],
      ['email', 2],
      ['rankTitle', 3],
    ]);
    const state = freshRunState({ ctx: t.system, kind: 'people', isWriting: true, headers: ['Given name', 'Family name', 'Email', 'Rank'], columns, dateFormat: null, organizationId: agency.id, offeringId: null });
    const handler = peopleHandler({ people: noted, organizations: t.services.organizations }, state) as PlanningHandler;
    const db = t.testDb.database.db;
    // A first batch that only changes someone found, then one that adds someone.
    await handler.check([new MappedRow({ row: 2, cells: ['Found', 'Onrecord', 'found.onrecord@lock-order.example', 'Captain'] }, columns)], db);
    await handler.check([new MappedRow({ row: 3, cells: ['Newly', 'Added', 'newly.added@lock-order.example', 'Officer'] }, columns)], db);
    expect(state.problems).toEqual([]);

    const trx = await db.startTransaction().execute();
    try {
      await handler.write(trx, () => undefined);
      await trx.commit().execute();
    } catch (error) {
      await trx.rollback().execute();
      throw error;
    }
    expect(calls.filter((call) => call !== 'recordReadinessMany')).toEqual(['lockIdentities', 'update', 'createMany']);
    expect(state.summary).toEqual({ created: 1, updated: 1, unchanged: 0, skipped: 0 });
  });
});
