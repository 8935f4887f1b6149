import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { Services } from '../src/modules/index.js';
import { systemContext } from '../src/platform/access.js';
import { openDatabase, type Database } from '../src/platform/db/database.js';
import { createPasswordHasher } from '../src/platform/crypto.js';
import { createTestDatabase, type TestDatabase } from './dialects.js';
import { buildInstructorCourse, buildOrganization, buildPerson } from './factories.js';
import { databaseUrl, type Server, signIn, type Session, startServer, stopServer } from './support/servers.js';

/**
 * Every rule that spans records, raced through two `cadre serve` processes on one database: on
 * PostgreSQL the two hold separate connections and interleave, so a rule holds only if it locks
 * what it reads. Each race runs several rounds; a violation names its rule and round.
 */

const ROUNDS = 5;

/** Each rule's rounds and the violations seen, printed at the end for CI's log. */
const settled: string[] = [];
function settle(rule: string, violations: string[]) {
  settled.push(`${rule} ${ROUNDS} rounds, ${violations.length} violations`);
  expect(violations).toEqual([]);
}
const SECRET = 'shared-secret-of-both-processes-0123456789';
const PASSWORD = 'racing processes, one database';
const ADMIN_EMAIL = 'admin@race.test';

let testDb: TestDatabase;
let database: Database;
let services: Services;
let dataDir: string;
let servers: Server[];
let officer: Session[];
let agencyId: string;
let hostId: string;
const system = systemContext('concurrency test');

beforeAll(async () => {
  testDb = await createTestDatabase({ migrate: false });
  await testDb.database.close();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-race-'));
  const env = { CADRE_DATA_DIR: dataDir, CADRE_SECRET_KEY: SECRET, CADRE_ADMIN_EMAIL: ADMIN_EMAIL, CADRE_ADMIN_PASSWORD: PASSWORD };
  servers = await Promise.all([startServer(testDb.target, env), startServer(testDb.target, env)]);
  // The fixtures are made in this process on the same database; the races go through the servers.
  database = openDatabase(testDb.target, { poolSize: 2 });
  services = buildServices({ config: loadConfig({ LOG_LEVEL: 'silent', CADRE_DATA_DIR: dataDir }), database, secretKey: SECRET, passwords: createPasswordHasher({ logCost: 10 }) });
  await services.users.create(system, { email: 'officer@race.test', name: 'Racing Officer', role: 'program_officer', organizationId: null, personId: null, password: PASSWORD });
  officer = await Promise.all(servers.map((server) => signIn(server, 'officer@race.test', PASSWORD)));
  agencyId = (await buildOrganization(services, system, { name: 'Racing Corrections' })).id;
  hostId = (await buildOrganization(services, system, { name: 'Host National Police', kind: 'foreign_police', country: 'HT' })).id;
}, 60_000);

afterAll(async () => {
  console.info(`concurrency, two server processes: ${settled.join('; ')}`);
  await Promise.all((servers ?? []).map(stopServer));
  await database?.close();
  await testDb.drop().catch(() => undefined);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Runs `cadre <args>` as its own process on the servers' database, as an operator would beside them. */
function runCli(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['bin/cadre.js', ...args], {
    env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl(testDb.target), CADRE_DATA_DIR: dataDir, CADRE_SECRET_KEY: SECRET, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // 'close', not 'exit': by then everything it wrote to stderr has been read.
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stderr })));
}

/** Two answers as "201; 409 /body/field": each status, and the field a refusal names (a refusal for contention names none). */
async function outcomes(answers: Response[]): Promise<string> {
  const told = await Promise.all(
    answers.map(async (answer) => (answer.ok ? String(answer.status) : `${answer.status} ${((await answer.json()) as { errors?: { pointer: string }[] }).errors?.[0]?.pointer ?? '(no field)'}`)),
  );
  return told.sort().join('; ');
}

/** The i-th request goes to one server, the next to the other. */
const through = (i: number) => officer[i % 2] as Session;

async function scheduleOffering(courseId: string, startOn: string, endOn: string, capacity: number): Promise<{ id: string; version: number }> {
  const response = await through(0).send('POST', '/api/offerings', { courseId, startOn, endOn, country: 'US', capacity });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; version: number };
}

const person = async () => (await buildPerson(services, system, { organizationId: agencyId })).id;
/** Certificates are issued once there is a program office; its endorsement lets an academy issue them. */
let office: Promise<unknown> | undefined;
const programOffice = () => (office ??= buildOrganization(services, system, { name: 'Racing Program Office', kind: 'program_office' }));

describe('rules that span records, raced by two server processes', () => {
  it('enrolls one person in only one of several overlapping offerings', async () => {
    const { course } = await buildInstructorCourse(services, system);
    const offerings = [];
    for (let i = 0; i < 6; i += 1) offerings.push(await scheduleOffering(course.id, `2010-03-0${1 + (i % 3)}`, '2010-03-12', 30));
    const violations: string[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const personId = await person();
      const answers = await Promise.all(offerings.map((o, i) => through(i).send('POST', `/api/offerings/${o.id}/enrollments`, { personId })));
      const enrolled = answers.filter((r) => r.status === 201).length;
      if (enrolled !== 1) violations.push(`round ${round}: enrolled in ${enrolled} overlapping offerings (${answers.map((r) => r.status).join(' ')})`);
    }
    settle('overlaps', violations);
  });

  it('fills an offering of K seats with exactly K of K+N enrollments', async () => {
    const { course } = await buildInstructorCourse(services, system);
    const seats = 2;
    const violations: string[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const offering = await scheduleOffering(course.id, `2011-0${round + 1}-01`, `2011-0${round + 1}-05`, seats);
      const people = await Promise.all(Array.from({ length: seats + 4 }, person));
      const answers = await Promise.all(people.map((personId, i) => through(i).send('POST', `/api/offerings/${offering.id}/enrollments`, { personId })));
      const enrolled = answers.filter((r) => r.status === 201).length;
      if (enrolled !== seats) violations.push(`round ${round}: ${enrolled} enrolled in ${seats} seats`);
    }
    settle('capacity', violations);
  });

  it('fills the last place of a rotation once', async () => {
    const violations: string[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const planned = await through(round).send('POST', '/api/deployments', {
        title: `Race mission ${round}`,
        hostCountry: 'HT',
        hostOrganizationId: hostId,
        track: 'policing',
        purposes: ['mentor'],
        startOn: `201${round}-08-02`,
        authorizedHeadcount: 1,
        requiredLanguages: [],
      });
      expect(planned.status).toBe(201);
      const deployment = (await planned.json()) as { id: string };
      const nominated: { id: string; version: number }[] = [];
      for (let i = 0; i < 4; i += 1) {
        const response = await through(i).send('POST', `/api/deployments/${deployment.id}/assignments`, { personId: await person(), role: 'mentor' });
        expect(response.status).toBe(201);
        nominated.push((await response.json()) as { id: string; version: number });
      }
      const answers = await Promise.all(
        nominated.map((a, i) => through(i).send('POST', `/api/deployments/${deployment.id}/assignments/${a.id}/status-changes`, { status: 'selected' }, a.version)),
      );
      const selected = answers.filter((r) => r.status === 200).length;
      if (selected !== 1) violations.push(`round ${round}: ${selected} selected for 1 place`);
    }
    settle('last place', violations);
  });

  it('never closes an offering with someone still enrolled, whichever of close and a late result comes first', async () => {
    const { course } = await buildInstructorCourse(services, system, { passMark: null, minAttendancePercent: 50 });
    const violations: string[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const offering = await scheduleOffering(course.id, `2012-0${round + 1}-01`, `2012-0${round + 1}-05`, 10);
      const enrollments: { id: string; version: number }[] = [];
      for (let i = 0; i < 8; i += 1) {
        const response = await through(i).send('POST', `/api/offerings/${offering.id}/enrollments`, { personId: await person() });
        expect(response.status).toBe(201);
        enrollments.push((await response.json()) as { id: string; version: number });
      }
      // The servers have no public address: closing, which certifies, names the one they have.
      const { publicAddress } = (await (await through(0).send('GET', '/api/auth/me')).json()) as { publicAddress: { url: string } };
      const [close, ...results] = await Promise.all([
        through(0).send('POST', `/api/offerings/${offering.id}/close`, { acknowledgedAddress: publicAddress.url }, offering.version),
        ...enrollments.map((e, i) => through(i + 1).send('PATCH', `/api/offerings/${offering.id}/enrollments/${e.id}`, { attendancePercent: 95 }, e.version)),
      ]);
      const after = (await (await through(0).send('GET', `/api/offerings/${offering.id}`)).json()) as {
        status: string;
        enrollments: { id: string; status: string; attendancePercent: number | null }[];
      };
      if (close?.status === 200 && after.status !== 'closed') violations.push(`round ${round}: close answered 200, offering is ${after.status}`);
      // A refusal must be the race's, never the address's: the close is judged on the enrollments.
      if (close && close.status !== 200) {
        const problem = (await close.json()) as { rule?: string };
        if (problem.rule === 'certificate.address_not_public') violations.push(`round ${round}: close refused for the address`);
      }
      if (after.status === 'closed') {
        const stuck = after.enrollments.filter((e) => e.status === 'enrolled');
        if (stuck.length > 0) violations.push(`round ${round}: closed with ${stuck.length} still enrolled`);
      }
      results.forEach((result, i) => {
        const enrollment = after.enrollments.find((e) => e.id === enrollments[i]?.id);
        // A result that was accepted is the one the close judged, never one written after it.
        if (result.status === 200 && (enrollment?.attendancePercent !== 95 || enrollment.status === 'failed')) {
          violations.push(`round ${round}: result accepted but the enrollment is ${enrollment?.status} at ${enrollment?.attendancePercent}%`);
        }
        if (result.status !== 200 && ![409, 412, 422].includes(result.status)) violations.push(`round ${round}: a late result answered ${result.status}`);
      });
    }
    settle('close vs late result', violations);
  });

  it('endorses an academy for a credential once when two officers endorse it at once, and signs with the issuer’s first keys made at that moment', async () => {
    await programOffice();
    const built = await buildInstructorCourse(services, system, { passMark: null, minAttendancePercent: 0 });
    const violations: string[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      // Two officers endorse one academy; a third endorsement, of another, signs at the same moment
      // (in the first round, with the program office's first keys, which each of them would make).
      const academy = (which: string) => buildOrganization(services, system, { name: `Endorsed Academy ${round} ${which}`, kind: 'academy', country: 'BR' });
      const one = await academy('one');
      const other = await academy('other');
      const endorse = (i: number, academy: { id: string }) =>
        through(i).send('POST', '/api/endorsements', { organizationId: academy.id, credentialId: built.credential.id, statement: 'Trains to the program’s standard.' });
      const [first, second, third] = (await Promise.all([endorse(0, one), endorse(1, one), endorse(1, other)])).map((response) => response.status);
      const active = await database.db.selectFrom('endorsements').select('id').where('endorsee_organization_id', '=', one.id).where('withdrawn_at', 'is', null).execute();
      if (active.length !== 1) violations.push(`round ${round}: ${active.length} active endorsements of one academy (answers ${first}, ${second})`);
      if ([first, second].sort().join() !== '201,422' || third !== 201) violations.push(`round ${round}: answered ${first} and ${second} for one academy, ${third} for the other`);
    }
    settle('one active endorsement', violations);
  });

  it('flags every credential an academy signed under an endorsement withdrawn while it was signing', async () => {
    await programOffice();
    const built = await buildInstructorCourse(services, system, { passMark: null, minAttendancePercent: 0 });
    const { publicAddress } = (await (await through(0).send('GET', '/api/auth/me')).json()) as { publicAddress: { url: string } };
    const violations: string[] = [];
    let signedUnder = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      const academy = await buildOrganization(services, system, { name: `Racing Academy ${round}`, kind: 'academy', country: 'SV' });
      const endorsed = await through(0).send('POST', '/api/endorsements', { organizationId: academy.id, credentialId: built.credential.id, statement: 'Trains to the program’s standard.' });
      expect(endorsed.status).toBe(201);
      const endorsement = (await endorsed.json()) as { id: string; version: number };
      const scheduled = await through(0).send('POST', '/api/offerings', {
        courseId: built.course.id,
        startOn: `2013-0${round + 1}-04`,
        endOn: `2013-0${round + 1}-08`,
        country: 'SV',
        capacity: 10,
        deliveringOrganizationId: academy.id,
      });
      expect(scheduled.status).toBe(201);
      const offering = (await scheduled.json()) as { id: string };
      for (let i = 0; i < 8; i += 1) {
        const enrolled = await through(i).send('POST', `/api/offerings/${offering.id}/enrollments`, { personId: await person() });
        expect(enrolled.status).toBe(201);
        const enrollment = (await enrolled.json()) as { id: string; version: number };
        expect((await through(i).send('PATCH', `/api/offerings/${offering.id}/enrollments/${enrollment.id}`, { attendancePercent: 100 }, enrollment.version)).status).toBe(200);
      }
      const { version } = (await (await through(1).send('GET', `/api/offerings/${offering.id}`)).json()) as { version: number };
      // One server closes, then signs the eight credentials once the close has committed; the
      // other withdraws the academy's endorsement meanwhile.
      const closed = await through(1).send('POST', `/api/offerings/${offering.id}/close`, { acknowledgedAddress: publicAddress.url }, version);
      expect(closed.status).toBe(200);
      const withdrawn = await through(0).send('POST', `/api/endorsements/${endorsement.id}/withdrawal`, { reason: 'Audit found lapses' }, endorsement.version);
      expect(withdrawn.status).toBe(200);
      const certified = ((await closed.json()) as { certified: { certificationId: string }[] }).certified.map((c) => c.certificationId);
      expect(certified).toHaveLength(8);
      const issuedOf = () => database.db.selectFrom('badge_credentials').select(['issuer_organization_id', 'flagged_at']).where('certification_id', 'in', certified).execute();
      // The closing server signs them all (a first reader would sign one itself, after the withdrawal).
      await expect.poll(async () => (await issuedOf()).length, { timeout: 20_000 }).toBe(certified.length);
      const issued = await issuedOf();
      // A round is a race only if the signing read the endorsement before the withdrawal: CI's log says how many were.
      if (issued.some((c) => c.issuer_organization_id === academy.id)) signedUnder += 1;
      const unflagged = issued.filter((c) => c.issuer_organization_id === academy.id && c.flagged_at === null).length;
      if (unflagged > 0) violations.push(`round ${round}: ${unflagged} of ${issued.length} credentials signed under the withdrawn endorsement are not flagged`);
    }
    settle(`endorsement withdrawn while signing (the signing read it first in ${signedUnder} of them)`, violations);
  });

  it('adds a person once when two officers add the same name, agency and birth date at once', async () => {
    const violations: string[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const body = { organizationId: agencyId, givenName: 'Twice', familyName: `Entered ${round}`, dateOfBirth: '1980-02-29' };
      const answers = await Promise.all([0, 1].map((i) => through(i).send('POST', '/api/people', body)));
      const stored = await database.db.selectFrom('people').select('id').where('organization_id', '=', agencyId).where('family_name', '=', body.familyName).execute();
      const outcome = await outcomes(answers);
      if (stored.length !== 1 || outcome !== '201; 409 /body/dateOfBirth') violations.push(`round ${round}: answered ${outcome}, ${stored.length} stored`);
    }
    settle('one person per name, agency and birth date', violations);
  });

  it('renames one of two people, not both, when both are renamed at once to the same name and birth date', async () => {
    const violations: string[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const pair = await Promise.all(['First', 'Second'].map((givenName) => buildPerson(services, system, { organizationId: agencyId, givenName, familyName: `Renamed ${round}`, dateOfBirth: '1975-06-01' })));
      const answers = await Promise.all(pair.map((p, i) => through(i).send('PATCH', `/api/people/${p.id}`, { givenName: 'Same' }, p.version)));
      const same = await database.db.selectFrom('people').select('id').where('organization_id', '=', agencyId).where('given_name', '=', 'Same').where('family_name', '=', `Renamed ${round}`).execute();
      const outcome = await outcomes(answers);
      if (same.length !== 1 || outcome !== '200; 409 /body/dateOfBirth') violations.push(`round ${round}: answered ${outcome}, ${same.length} named alike`);
    }
    settle('renamed into one identity', violations);
  });

  it('gives an email to one of two people, not both, when both are given it at once', async () => {
    const violations: string[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const pair = await Promise.all([0, 1].map(() => buildPerson(services, system, { organizationId: agencyId })));
      const email = `shared.${round}@race.test`;
      const answers = await Promise.all(pair.map((p, i) => through(i).send('PATCH', `/api/people/${p.id}`, { email }, p.version)));
      const holders = await database.db.selectFrom('people').select('id').where('email', '=', email).execute();
      const outcome = await outcomes(answers);
      if (holders.length !== 1 || outcome !== '200; 409 /body/email') violations.push(`round ${round}: answered ${outcome}, ${holders.length} with the email`);
    }
    settle('one person per email', violations);
  });

  it('rotates an issuer’s keys twice when two rotations run at once, one after the other', async () => {
    const issuer = (await buildOrganization(services, system, { name: 'Racing Rotating Academy', kind: 'state_corrections' })).id;
    const keysOf = () => database.db.selectFrom('signing_keys').select(['algorithm', 'key_number', 'retired_at']).where('organization_id', '=', issuer).orderBy('key_number').execute();
    const rotations = async () => (await database.db.selectFrom('audit_events').select('id').where('action', '=', 'badge.keys_rotate').where('entity_id', '=', issuer).execute()).length;
    const violations: string[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const runs = await Promise.all([0, 1].map(() => runCli(['keys', 'rotate', '--organization', issuer])));
      const failed = runs.filter((run) => run.code !== 0);
      if (failed.length > 0) violations.push(`round ${round}: ${failed.length} rotation(s) failed: ${failed.map((run) => run.stderr.trim().split('\n')[0]).join('; ')}`);
      const expected = 2 * (round + 1);
      const keys = await keysOf();
      for (const algorithm of ['Ed25519', 'RS256']) {
        const numbers = keys.filter((k) => k.algorithm === algorithm).map((k) => k.key_number);
        const inUse = keys.filter((k) => k.algorithm === algorithm && k.retired_at === null).map((k) => k.key_number);
        if (numbers.join() !== Array.from({ length: expected }, (_, n) => n + 1).join() || inUse.join() !== String(expected)) {
          violations.push(`round ${round}: ${algorithm} keys ${numbers.join(', ')}, in use ${inUse.join(', ') || 'none'} (expected 1–${expected}, in use ${expected})`);
        }
      }
      const audited = await rotations();
      if (audited !== expected) violations.push(`round ${round}: ${audited} rotations audited, expected ${expected}`);
    }
    settle('key rotations at once', violations);
  }, 120_000);

  it('keeps an active admin when two admins disable each other at once', async () => {
    const admins = async () => database.db.selectFrom('users').select('id').where('role', '=', 'admin').where('disabled_at', 'is', null).execute();
    const violations: string[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const pair = [];
      for (const side of ['x', 'y']) {
        const email = `admin-${side}-${round}@race.test`;
        const { user } = await services.users.create(system, { email, name: `Admin ${side} ${round}`, role: 'admin', organizationId: null, personId: null, password: PASSWORD });
        pair.push({ user, session: await signIn(servers[pair.length] as Server, email, PASSWORD) });
      }
      // Everyone else steps down, so the two are the only admins left.
      for (const { id } of await admins()) {
        if (pair.some((p) => p.user.id === id)) continue;
        const current = await services.users.get(system, id);
        const response = await pair[0]?.session.send('PATCH', `/api/users/${id}`, { isDisabled: true }, current.version);
        expect(response?.status).toBe(200);
      }
      const [x, y] = pair as [(typeof pair)[0], (typeof pair)[0]];
      await Promise.all([
        x.session.send('PATCH', `/api/users/${y.user.id}`, { isDisabled: true }, y.user.version),
        y.session.send('PATCH', `/api/users/${x.user.id}`, { isDisabled: true }, x.user.version),
      ]);
      const left = await admins();
      if (left.length === 0) {
        violations.push(`round ${round}: no active admin left`);
        await database.db.updateTable('users').set({ disabled_at: null }).where('id', '=', x.user.id).execute();
      }
    }
    settle('last admin', violations);
  });
});
