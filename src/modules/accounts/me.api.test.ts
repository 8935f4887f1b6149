import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestApp } from '../../../test/harness.js';

/** A person chooses the language they read Cadre in; it outlasts the browser and reaches their mail. */
let t: TestApp;
let officer: Agent;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-28T12:00:00Z' });
  officer = await agentFor(t, 'program_officer');
  admin = await agentFor(t, 'admin');
});
afterAll(() => t.close());

const auditOf = async (userId: string) =>
  ((await admin.get(`/api/audit?entityId=${userId}&action=user.update_own`)).json().items as { action: string; before: unknown; after: unknown }[]).map((e) => [e.before, e.after]);

describe('PATCH /api/auth/me', () => {
  it('keeps the language chosen, audits the change, and goes back to the browser’s on null', async () => {
    const set = await officer.patch('/api/auth/me', { locale: 'pt' });
    expect(set.statusCode).toBe(200);
    expect(set.json().user.locale).toBe('pt');
    expect((await officer.get('/api/auth/me')).json().user.locale).toBe('pt');
    expect(await auditOf(officer.user.id)).toEqual([[{ locale: null }, { locale: 'pt' }]]);

    const reset = await officer.patch('/api/auth/me', { locale: null });
    expect(reset.statusCode).toBe(200);
    expect(reset.json().user.locale).toBeNull();
    expect(await auditOf(officer.user.id)).toEqual(expect.arrayContaining([[{ locale: 'pt' }, { locale: null }]]));
  });

  it('refuses a language Cadre does not speak, naming /body/locale', async () => {
    const refused = await officer.patch('/api/auth/me', { locale: 'de' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'validation', errors: [expect.objectContaining({ pointer: '/body/locale' })] });
    const missing = await officer.patch('/api/auth/me', {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([expect.objectContaining({ pointer: '/body/locale' })]);
    expect((await officer.get('/api/auth/me')).json().user.locale).toBeNull();
  });
});
