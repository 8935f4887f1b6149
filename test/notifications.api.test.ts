import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createJobRunner } from '../src/platform/jobs.js';
import { buildEngagement, buildInstructorCourse, buildOrganization, buildPartnership, buildPerson } from './factories.js';
import { type Agent, agentFor, createTestApp, type TestApp } from './harness.js';
import { importFile } from './imports.js';
import { createReportNotices } from '../src/modules/reports/report-notices.js';
import { newId } from '../src/platform/ids.js';

/**
 * Notices through the scheduled job and as long work finishes, each to the people it concerns
 * and whom the record's policy lets read it, once; and the daily digest through a real SMTP
 * server listening on loopback for this test.
 */
const PUBLIC_URL = 'https://cadre.example.org';
let smtp: SMTPServer;
const inbox: { to: string; raw: string }[] = [];
let t: TestApp;
let officer: Agent;
let colleague: Agent;
let viewer: Agent;
let coordinator: Agent;
let otherCoordinator: Agent;
let holder: Agent;
let agencyId: string;

interface NoticeView {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        for (const rcpt of session.envelope.rcptTo) inbox.push({ to: rcpt.address, raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  t = await createTestApp({ now: '2010-06-01T06:00:00Z', env: { CADRE_SMTP_URL: `smtp://127.0.0.1:${port}`, CADRE_PUBLIC_URL: PUBLIC_URL } });
  officer = await agentFor(t, 'program_officer');
  colleague = await agentFor(t, 'program_officer');
  viewer = await agentFor(t, 'viewer');
  const agency = await buildOrganization(t.services, t.system, { kind: 'state_corrections', name: 'Notice County Corrections' });
  agencyId = agency.id;
  coordinator = await agentFor(t, 'coordinator', { organizationId: agency.id });
  otherCoordinator = await agentFor(t, 'coordinator', { organizationId: (await buildOrganization(t.services, t.system)).id });
  const person = await buildPerson(t.services, t.system, { organizationId: agency.id, givenName: 'Remindee' });
  holder = await agentFor(t, 'instructor', { personId: person.id });
});

afterAll(async () => {
  await t.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

async function runJobsAt(at: string) {
  t.clock.set(at);
  const runner = createJobRunner({ db: t.testDb.database.db, clock: t.clock, jobs: t.services.jobs, onError: (job, error) => { throw new Error(`${job}: ${String(error)}`); } });
  return runner.runNow(['notices']);
}

async function noticesOf(agent: Agent, about?: string): Promise<NoticeView[]> {
  const items = (await agent.get('/api/notifications?limit=100')).json().items as NoticeView[];
  return about ? items.filter((n) => n.title.includes(about) || n.body.includes(about)) : items;
}

/** A mail's text as written, its quoted-printable soft breaks and escapes undone. */
function decoded(raw: string): string {
  return raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

describe('overdue follow-ups', () => {
  it('tell the owner (or, with none, the staff) once per due date, and nobody who may not read them', async () => {
    const owned = `Send the draft MOU ${Date.now()}`;
    const unowned = `Share the training calendar ${Date.now()}`;
    const engagement = await buildEngagement(t.services, t.system, {
      organizationId: agencyId,
      occurredOn: '2010-05-01',
      followUps: [
        { title: owned, dueOn: '2010-05-20', ownerId: officer.user.id },
        { title: unowned, dueOn: '2010-05-25' },
      ],
    });
    await runJobsAt('2010-06-01T06:00:00Z');
    expect(await noticesOf(officer, owned)).toEqual([
      expect.objectContaining({ kind: 'task.overdue', title: `Follow-up overdue: ${owned}`, link: `/engagements/${engagement.id}`, readAt: null }),
    ]);
    expect(await noticesOf(colleague, owned)).toEqual([]);
    for (const staff of [officer, colleague]) expect(await noticesOf(staff, unowned)).toHaveLength(1);
    for (const other of [viewer, coordinator, otherCoordinator, holder]) expect(await noticesOf(other, 'Follow-up overdue')).toEqual([]);

    // The job runs again: nobody is told twice.
    await runJobsAt('2010-06-01T08:00:00Z');
    expect(await noticesOf(officer, owned)).toHaveLength(1);
    expect(await noticesOf(colleague, unowned)).toHaveLength(1);

    // Moved to a later date and overdue again, it is a new event, told again.
    const task = engagement.tasks.find((candidate) => candidate.title === owned);
    const moved = await officer.patch(`/api/tasks/${task?.id}`, { dueOn: '2010-06-05' }, task?.version);
    expect(moved.statusCode, moved.body).toBe(200);
    await runJobsAt('2010-06-03T06:00:00Z');
    expect(await noticesOf(officer, owned)).toHaveLength(1);
    await runJobsAt('2010-06-06T06:00:00Z');
    expect((await noticesOf(officer, owned)).map((n) => n.body)).toEqual([expect.stringContaining('Due June 5, 2010'), expect.stringContaining('Due May 20, 2010')]);
  });

  it('go to the staff when the owner can no longer sign in', async () => {
    const leaver = await agentFor(t, 'program_officer');
    const title = `Leaver's follow-up ${Date.now()}`;
    await buildEngagement(t.services, t.system, { organizationId: agencyId, occurredOn: '2010-06-01', followUps: [{ title, dueOn: '2010-06-10', ownerId: leaver.user.id }] });
    const account = await t.services.users.get(t.system, leaver.user.id);
    await t.services.users.update(t.system, leaver.user.id, account.version, { isDisabled: true });
    await runJobsAt('2010-06-11T06:00:00Z');
    expect(await noticesOf(officer, title)).toHaveLength(1);
    expect(await noticesOf(colleague, title)).toHaveLength(1);
  });
});

describe('agreements due for renewal', () => {
  it('tell the partnership’s owner within 90 days of the renewal, else the staff, once', async () => {
    const owned = await buildPartnership(t.services, t.system, { ownerId: colleague.user.id, organizationId: (await buildOrganization(t.services, t.system)).id });
    await t.services.agreements.create(t.system, owned.id, { kind: 'mou', reference: 'MOU-OWNED-1', signedOn: '2010-01-01', renewalDueOn: '2010-09-15', expiresOn: '2011-01-01', currency: 'USD' });
    const unowned = await buildPartnership(t.services, t.system, { organizationId: agencyId });
    await t.services.agreements.create(t.system, unowned.id, { kind: 'mou', reference: 'MOU-UNOWNED-1', signedOn: '2010-01-01', renewalDueOn: '2010-12-31', expiresOn: '2011-06-30', currency: 'USD' });

    await runJobsAt('2010-06-20T06:00:00Z');
    expect(await noticesOf(colleague, 'MOU-OWNED-1')).toEqual([expect.objectContaining({ kind: 'agreement.renewal_due', link: `/partnerships/${owned.id}` })]);
    expect(await noticesOf(officer, 'MOU-OWNED-1')).toEqual([]);
    // Not yet within 90 days.
    expect(await noticesOf(officer, 'MOU-UNOWNED-1')).toEqual([]);

    await runJobsAt('2010-10-05T06:00:00Z');
    await runJobsAt('2010-10-05T07:00:00Z');
    expect(await noticesOf(colleague, 'MOU-OWNED-1')).toHaveLength(1);
    for (const staff of [officer, colleague]) expect(await noticesOf(staff, 'MOU-UNOWNED-1')).toHaveLength(1);
    // The partner's coordinator reads the agreement but is not whom its renewal falls to.
    expect(await noticesOf(coordinator, 'MOU-')).toEqual([]);
  });
});

describe('certifications expiring', () => {
  it('tell the holder, their coordinator and the staff at 90, 60, 30 and 7 days, once each, and no other agency', async () => {
    const { course } = await buildInstructorCourse(t.services, t.system, { validityMonths: 12, passMark: null, minAttendancePercent: 0 });
    const offering = await t.services.offerings.schedule(t.system, { courseId: course.id, startOn: '2010-03-29', endOn: '2010-04-01', country: 'US', capacity: 5, isUsFunded: true, isRefresher: false });
    const enrollment = await t.services.enrollments.enroll(t.system, offering.id, holder.actor.personId as string);
    await t.services.enrollments.recordResult(t.system, offering.id, enrollment.id, enrollment.version, { attendancePercent: 100 });
    await t.services.enrollments.close(t.system, offering.id, (await t.services.offerings.get(t.system, offering.id)).version);

    // Valid through 2011-03-31.
    await runJobsAt('2010-12-30T06:00:00Z');
    expect(await noticesOf(holder, 'expires March 31, 2011')).toEqual([]);
    await runJobsAt('2010-12-31T06:00:00Z');
    for (const told of [holder, coordinator, officer, colleague]) {
      expect(await noticesOf(told, 'expires March 31, 2011')).toEqual([expect.objectContaining({ kind: 'certification.expiring', body: expect.stringContaining('in 90 days') })]);
    }
    for (const other of [otherCoordinator, viewer]) expect(await noticesOf(other, 'expires March 31, 2011')).toEqual([]);

    await runJobsAt('2011-01-01T06:00:00Z');
    expect(await noticesOf(holder, 'expires March 31, 2011')).toHaveLength(1);
    // Days missed are caught up with the threshold reached by then, not every one passed.
    await runJobsAt('2011-03-25T06:00:00Z');
    expect((await noticesOf(holder, 'expires March 31, 2011')).map((n) => n.body.match(/in (\d+) days/)?.[1])).toEqual(['6', '90']);
  });
});

describe('vetting waiting for a result', () => {
  it('tells the staff who record results once a case has waited 14 days, and nobody else', async () => {
    const participant = await buildPerson(t.services, t.system, { organizationId: agencyId, givenName: 'Vetted' });
    await t.services.vetting.submit(t.system, { personId: participant.id, caseReference: 'LEAHY-2011-0042', submittedOn: '2011-04-01' });
    await runJobsAt('2011-04-14T06:00:00Z');
    expect(await noticesOf(officer, 'LEAHY-2011-0042')).toEqual([]);
    await runJobsAt('2011-04-15T06:00:00Z');
    await runJobsAt('2011-04-15T07:00:00Z');
    for (const staff of [officer, colleague]) expect(await noticesOf(staff, 'LEAHY-2011-0042')).toEqual([expect.objectContaining({ kind: 'vetting.waiting' })]);
    for (const other of [viewer, coordinator, holder]) expect(await noticesOf(other, 'LEAHY-2011-0042')).toEqual([]);
  });
});

describe('long work finished', () => {
  it('tells whoever ran an import, and nobody else, each time a run ends', async () => {
    const roster = ['Given name,Family name,Email', `Ana,Notice,ana.notice.${Date.now()}@agency.example`].join('\r\n');
    const view = await importFile(t, coordinator, { kind: 'people', filename: 'notice-roster.csv', organizationId: agencyId }, roster);
    expect(view.status).toBe('committed');
    await vi.waitFor(async () => expect(await noticesOf(coordinator, 'notice-roster.csv')).toHaveLength(1));
    expect(await noticesOf(coordinator, 'notice-roster.csv')).toEqual([
      expect.objectContaining({ kind: 'import.finished', title: 'Import finished: notice-roster.csv', body: expect.stringContaining('1 created'), link: `/imports/${view.id}` }),
    ]);
    for (const other of [officer, colleague, otherCoordinator]) expect(await noticesOf(other, 'notice-roster.csv')).toEqual([]);
  });

  it('tells whoever asked for a report run, unless they may no longer follow it', async () => {
    const asker = await agentFor(t, 'program_officer');
    const first = await asker.post('/api/reports/runs', { kind: 'year', year: 2010, format: 'md' });
    expect(first.statusCode, first.body).toBe(202);
    await vi.waitFor(async () => expect(await noticesOf(asker, 'year report for 2010')).toHaveLength(1), { timeout: 30_000, interval: 50 });
    expect((await noticesOf(asker, 'year report for 2010'))[0]).toMatchObject({ kind: 'report.finished', title: 'The year report for 2010 is ready' });
    expect(await noticesOf(officer, 'year report for 2010')).toEqual([]);

    // Moved to a partner agency, the asker no longer sees the office's reports: a run of theirs that ends now is told to nobody.
    const second = await asker.post('/api/reports/runs', { kind: 'year', year: 2009, format: 'md' });
    await vi.waitFor(async () => expect(await noticesOf(asker, 'year report for 2009')).toHaveLength(1), { timeout: 30_000, interval: 50 });
    await t.testDb.database.db.deleteFrom('notifications').where('subject_id', '=', second.json().id).execute();
    const account = await t.services.users.get(t.system, asker.user.id);
    await t.services.users.update(t.system, asker.user.id, account.version, { role: 'coordinator', organizationId: agencyId });
    await createReportNotices({ db: t.testDb.database.db, users: t.services.users, notifications: t.services.notifications })(second.json().id);
    expect(await t.testDb.database.db.selectFrom('notifications').select('title').where('subject_id', '=', second.json().id).execute()).toEqual([]);
  });
});

describe('the daily digest', () => {
  it('mails each user one digest a day of their unread notices not mailed before, with links under the public URL', async () => {
    inbox.length = 0;
    await officer.post('/api/notifications/read');
    expect((await colleague.put('/api/notifications/settings', { isDigestOn: false })).statusCode).toBe(428);
    const digestOff = await colleague.put('/api/notifications/settings', { isDigestOn: false }, 1);
    expect(digestOff.json()).toMatchObject({ isDigestOn: false, isMailConfigured: true, version: 2 });
    expect((await colleague.put('/api/notifications/settings', { isDigestOn: true }, 1)).statusCode).toBe(412);
    const title = `Digest follow-up ${Date.now()}`;
    await buildEngagement(t.services, t.system, { organizationId: agencyId, occurredOn: '2011-05-01', followUps: [{ title, dueOn: '2011-05-02', ownerId: officer.user.id }] });

    await runJobsAt('2011-05-03T06:00:00Z');
    const toOfficer = inbox.filter((mail) => mail.to === officer.user.email);
    expect(toOfficer).toHaveLength(1);
    const mail = decoded(toOfficer[0]?.raw ?? '');
    expect(mail).toMatch(/Subject: Cadre: \d+ unread notifications?/);
    expect(mail).toContain(`Follow-up overdue: ${title}`);
    expect(mail).toContain('text/plain');
    expect(mail).toContain('text/html');
    expect(mail).toMatch(new RegExp(`${PUBLIC_URL}/engagements/[0-9a-f-]{36}`));
    expect(mail).toContain(`${PUBLIC_URL}/account/notifications`);
    // What the officer had read before is not in it.
    expect(mail).not.toContain('MOU-OWNED-1');
    expect(inbox.some((m) => m.to === colleague.user.email)).toBe(false);
    // The coordinator's import, finished since the last run, is in theirs.
    expect(inbox.filter((m) => m.to === coordinator.user.email).map((m) => decoded(m.raw))).toEqual([expect.stringContaining('Import finished: notice-roster.csv')]);

    // Later the same day: nothing more, even with something new.
    const later = `Later follow-up ${Date.now()}`;
    await buildEngagement(t.services, t.system, { organizationId: agencyId, occurredOn: '2011-05-01', followUps: [{ title: later, dueOn: '2011-05-02', ownerId: officer.user.id }] });
    const before = inbox.length;
    await runJobsAt('2011-05-03T09:00:00Z');
    expect(await noticesOf(officer, later)).toHaveLength(1);
    expect(inbox).toHaveLength(before);

    // The next day: one mail with only what no digest held yet.
    await runJobsAt('2011-05-04T06:00:00Z');
    const next = inbox.slice(before).filter((m) => m.to === officer.user.email);
    expect(next).toHaveLength(1);
    expect(decoded(next[0]?.raw ?? '')).toContain(later);
    expect(decoded(next[0]?.raw ?? '')).not.toContain(title);
    expect((await officer.get('/api/notifications/settings')).json()).toMatchObject({ isDigestOn: true, lastDigestOn: '2011-05-04' });

    // Nothing unread and new: no mail at all.
    await runJobsAt('2011-05-05T06:00:00Z');
    expect(inbox.slice(before).filter((m) => m.to === officer.user.email)).toHaveLength(1);
  });

  it('runs once when two processes find the job due at the same moment', async () => {
    t.clock.set('2012-01-01T00:00:00Z');
    const runner = () => createJobRunner({ db: t.testDb.database.db, clock: t.clock, jobs: t.services.jobs, onError: () => undefined });
    const [a, b] = await Promise.all([runner().runDue(), runner().runDue()]);
    expect([...a, ...b]).toEqual(['notices']);
    const kept = await t.testDb.database.db.selectFrom('work_runs').select(['id', 'status']).where('subject_id', '=', 'notices').execute();
    expect(kept).toEqual([{ id: expect.stringMatching(/^job:notices:/), status: 'succeeded' }]);
  });
});

describe('reading notices', () => {
  it('marks one or all read, each user only their own', async () => {
    const [first] = await noticesOf(holder);
    expect((await coordinator.post(`/api/notifications/${first?.id}/read`)).statusCode).toBe(404);
    const unread = (await holder.get('/api/notifications')).json().unread as number;
    expect((await holder.post(`/api/notifications/${first?.id}/read`)).json()).toEqual({ unread: unread - 1 });
    expect((await holder.post('/api/notifications/read')).json()).toEqual({ unread: 0 });
    expect((await holder.put('/api/notifications/settings', { isDigestOn: 'no' }, 1)).statusCode).toBe(400);
  });
});

/** A mail's text as written, with UTF-8 quoted-printable and encoded-word headers undone. */
function decodedUtf8(raw: string): string {
  const bytes = (text: string) => Buffer.from(text.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');
  return bytes(raw.replace(/=\r?\n/g, '')).replace(/=\?UTF-8\?([QB])\?(.*?)\?=/gi, (_, how: string, word: string) =>
    how.toUpperCase() === 'B' ? Buffer.from(word, 'base64').toString('utf8') : word.replace(/_/g, ' '),
  );
}

describe('notices in the reader’s language', () => {
  it('mails a Spanish-speaking officer their overdue follow-up in Spanish, and an English-speaking one in English', async () => {
    const hablante = await agentFor(t, 'program_officer');
    expect((await hablante.patch('/api/auth/me', { locale: 'es' })).statusCode).toBe(200);
    const speaker = await agentFor(t, 'program_officer');
    const [tituloEs, titleEn] = [`Enviar el borrador ${Date.now()}`, `Send the draft ${Date.now()}`];
    await buildEngagement(t.services, t.system, {
      organizationId: agencyId,
      occurredOn: '2012-03-01',
      followUps: [
        { title: tituloEs, dueOn: '2012-03-02', ownerId: hablante.user.id },
        { title: titleEn, dueOn: '2012-03-02', ownerId: speaker.user.id },
      ],
    });
    inbox.length = 0;
    await runJobsAt('2012-03-05T06:00:00Z');

    const toSpanish = inbox.filter((mail) => mail.to === hablante.user.email).map((mail) => decodedUtf8(mail.raw));
    expect(toSpanish).toHaveLength(1);
    const spanish = toSpanish[0] ?? '';
    expect(spanish).toMatch(/Subject: Cadre: \d+ notificaci(ón|ones) sin leer/);
    expect(spanish).toContain(`Hola, Test program_officer`);
    expect(spanish).toContain(`Seguimiento vencido: ${tituloEs}`);
    expect(spanish).toContain('Vencía el 2 de marzo de 2012, con Notice County Corrections');
    expect(spanish).toContain('<html lang="es">');
    expect(spanish).toContain('Todas sus notificaciones');
    expect(spanish).not.toContain('Follow-up overdue');

    const toEnglish = inbox.filter((mail) => mail.to === speaker.user.email).map((mail) => decodedUtf8(mail.raw));
    expect(toEnglish).toHaveLength(1);
    const english = toEnglish[0] ?? '';
    expect(english).toMatch(/Subject: Cadre: \d+ unread notifications?/);
    expect(english).toContain(`Follow-up overdue: ${titleEn}`);
    expect(english).toContain('Due March 2, 2012 with Notice County Corrections');
    expect(english).toContain('All your notifications');

    // In the app, a notice is read in the language the reader asks for.
    expect(await noticesOf(hablante.speaking('es'), tituloEs)).toEqual([expect.objectContaining({ title: `Seguimiento vencido: ${tituloEs}`, body: expect.stringContaining('2 de marzo de 2012') })]);
    expect(await noticesOf(hablante.speaking('fr'), tituloEs)).toEqual([expect.objectContaining({ title: `Suivi en retard\u00a0: ${tituloEs}`, body: expect.stringContaining('2 mars 2012') })]);
    expect(await noticesOf(hablante, tituloEs)).toEqual([expect.objectContaining({ title: `Follow-up overdue: ${tituloEs}` })]);
  });

  it('still shows a notice stored before notices had a language, as it was written', async () => {
    await t.testDb.database.db
      .insertInto('notifications')
      .values({ id: newId(), user_id: holder.user.id, kind: 'task.overdue', subject_id: newId(), occurrence: '2012-04-01', title: 'Follow-up overdue: the old way', body: 'Due Apr 1, 2012.', link: null, created_at: '2012-04-02T06:00:00.000Z', read_at: null, digested_at: null })
      .execute();
    expect(await noticesOf(holder.speaking('ht'), 'the old way')).toEqual([expect.objectContaining({ title: 'Follow-up overdue: the old way', body: 'Due Apr 1, 2012.' })]);
  });
});
