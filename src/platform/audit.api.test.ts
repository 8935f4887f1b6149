import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestApp } from '../../test/harness.js';
import { buildOrganization } from '../../test/factories.js';
import { verifyAuditChain } from './audit.js';
import type { Database } from './db/database.js';

let t: TestApp;
let admin: Agent;
let officer: Agent;

beforeAll(async () => {
  t = await createTestApp();
  admin = await agentFor(t, 'admin');
  officer = await agentFor(t, 'program_officer');
});
afterAll(() => t.close());

/** Lets a test play the attacker with database access, who can switch the append-only guard off. */
async function withoutAppendOnlyGuard(database: Database, run: () => Promise<unknown>) {
  const db = database.db;
  if (database.engine === 'postgres') {
    await sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only`.execute(db);
    try {
      await run();
    } finally {
      await sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only`.execute(db);
    }
    return;
  }
  await sql`DROP TRIGGER audit_events_no_update`.execute(db);
  await sql`DROP TRIGGER audit_events_no_delete`.execute(db);
  try {
    await run();
  } finally {
    await sql.raw(`CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END`).execute(db);
    await sql.raw(`CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END`).execute(db);
  }
}

describe('the audit log', () => {
  it('records who changed what, before and after, with the request id and address', async () => {
    const created = await officer.post('/api/organizations', { name: 'Audited Police Department', kind: 'municipal_police', country: 'US' });
    const org = created.json();
    const edited = await officer.patch(`/api/organizations/${org.id}`, { city: 'Audit City' }, 1);

    const events = (await admin.get(`/api/audit?entityType=organization&entityId=${org.id}`)).json().items;
    expect(events.map((e: { action: string }) => e.action)).toEqual(['organization.update', 'organization.create']);
    const [update, create] = events;
    expect(create).toMatchObject({ actorId: officer.user.id, actorLabel: officer.user.email, before: null, after: { name: 'Audited Police Department' } });
    expect(create.requestId).toBe(created.headers['x-request-id']);
    expect(update).toMatchObject({ before: { city: null, version: 1 }, after: { city: 'Audit City', version: 2 } });
    expect(update.requestId).toBe(edited.headers['x-request-id']);
    expect(update.ip).toBe('127.0.0.1');
  });

  it('records sign-ins, failed ones too, without the password', async () => {
    await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: officer.user.email, password: 'definitely the wrong one' } });
    const events = (await admin.get('/api/audit?action=session.')).json().items;
    expect(events[0]).toMatchObject({ action: 'session.sign_in_failed', after: { email: officer.user.email } });
    expect(JSON.stringify(events)).not.toContain('definitely the wrong one');
  });

  it('writes nothing when a change is refused', async () => {
    const before = (await verifyAuditChain(t.testDb.database.db)).lastSeq;
    await officer.post('/api/organizations', { name: 'Bad Country PD', kind: 'municipal_police', country: 'XX' });
    await officer.post('/api/partnerships', { organizationId: '01a22092-12b9-7c6d-8f98-6c1f800debff' });
    expect((await verifyAuditChain(t.testDb.database.db)).lastSeq).toBe(before);
  });

  it('is for admins only', async () => {
    expect((await officer.get('/api/audit')).statusCode).toBe(403);
    expect((await officer.get('/api/audit/verification')).statusCode).toBe(403);
  });

  it('stays one unbroken chain under concurrent writes', async () => {
    await Promise.all(
      Array.from({ length: 25 }, (_, i) => officer.post('/api/organizations', { name: `Concurrent PD ${i}`, kind: 'municipal_police', country: 'US' })),
    );
    const report = (await admin.get('/api/audit/verification')).json();
    expect(report).toMatchObject({ isIntact: true, problems: [] });
    expect(report.events).toBe(report.lastSeq);
  });

  it('refuses UPDATE and DELETE, whoever asks', async () => {
    const db = t.testDb.database.db;
    await expect(sql`UPDATE audit_events SET actor_label = 'someone else'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_events`.execute(db)).rejects.toThrow(/append-only/);
  });

  it('detects an altered event', async () => {
    const org = await buildOrganization(t.services, t.system);
    const event = (await admin.get(`/api/audit?entityId=${org.id}`)).json().items[0];
    await withoutAppendOnlyGuard(t.testDb.database, () => sql`UPDATE audit_events SET actor_label = 'someone else' WHERE seq = ${event.seq}`.execute(t.testDb.database.db));
    const report = (await admin.get('/api/audit/verification')).json();
    expect(report.isIntact).toBe(false);
    expect(report.problems).toContainEqual({ seq: event.seq, problem: 'was altered (its content no longer matches its hash)' });
    await withoutAppendOnlyGuard(t.testDb.database, () => sql`UPDATE audit_events SET actor_label = ${event.actorLabel} WHERE seq = ${event.seq}`.execute(t.testDb.database.db));
    expect((await admin.get('/api/audit/verification')).json().isIntact).toBe(true);
  });

  it('detects a removed event, in the middle or at the end', async () => {
    const fresh = await createTestApp();
    try {
      for (let i = 0; i < 4; i += 1) await buildOrganization(fresh.services, fresh.system);
      const db = fresh.testDb.database.db;
      await withoutAppendOnlyGuard(fresh.testDb.database, () => sql`DELETE FROM audit_events WHERE seq = 2`.execute(db));
      let report = await verifyAuditChain(db);
      expect(report.problems.map((p) => p.seq)).toEqual([2, 3]);
      await withoutAppendOnlyGuard(fresh.testDb.database, () => sql`DELETE FROM audit_events WHERE seq = 4`.execute(db));
      report = await verifyAuditChain(db);
      expect(report.problems.at(-1)?.problem).toMatch(/events at the end were removed/);
    } finally {
      await fresh.close();
    }
  });
});
