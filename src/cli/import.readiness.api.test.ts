import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCadre } from '../../test/cli.js';
import { createTestDatabase, type TestDatabase } from '../../test/dialects.js';

/**
 * `cadre import` takes a roster as a French-speaking partner writes it: languages by name and
 * without levels, the passports' numbers and expiry, the medical clearance; day-first dates.
 */

let testDb: TestDatabase;
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-import-readiness-'));
  env = {
    DATABASE_URL: testDb.target.engine === 'postgres' ? testDb.target.url : `sqlite:${testDb.target.file}`,
    CADRE_DATA_DIR: dir,
    CADRE_SECRET_KEY: 'cli-readiness-secret-cli-readiness-secret-0123',
    LOG_LEVEL: 'silent',
  };
  fs.writeFileSync(path.join(dir, 'agence.csv'), ['Nom,Sigle,Type,Pays', 'Police Nationale Fictive,PNF,foreign police,Haïti'].join('\r\n'));
  const agency = await runCadre(['import', 'organizations', path.join(dir, 'agence.csv')], { env });
  expect(agency.exitCode, agency.output).toBe(0);
});
afterAll(async () => {
  await testDb.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const roster = [
  'Prénom;Nom de famille;Courriel;Langues;Numéro de passeport;Date d’expiration du passeport;Visite médicale',
  'Wilnise;Exemple-Fictif;wilnise.ef@pnf.example;français, kreyòl;HT 4455 667;31/01/2031;14/10/2026',
  'Dieuseul;Modèle-Inventé;dieuseul.mi@pnf.example;créole haïtien 3/2, anglais;;;',
].join('\r\n');

describe('cadre import with readiness and languages', () => {
  it('imports them, says where each column went, and changes nothing the second time', async () => {
    const file = path.join(dir, 'liste.csv');
    fs.writeFileSync(file, roster);
    const first = await runCadre(['import', 'people', file, '--organization', 'PNF', '--date-format', 'DMY'], { env });
    expect(first.exitCode, first.output).toBe(0);
    expect(first.output).toMatch(/Langues → languages/);
    expect(first.output).toMatch(/Numéro de passeport → passportNumber/);
    expect(first.output).toMatch(/Date d’expiration du passeport → passportExpiresOn/);
    expect(first.output).toMatch(/Visite médicale → medicalClearanceOn/);
    expect(first.output).toMatch(/Imported 2 rows: 2 created/);

    const db = testDb.database.db;
    const wilnise = await db.selectFrom('people').select('id').where('email', '=', 'wilnise.ef@pnf.example').executeTakeFirstOrThrow();
    const languages = await db.selectFrom('person_languages').select(['language', 'speaking', 'reading']).where('person_id', '=', wilnise.id).orderBy('language').execute();
    expect(languages).toEqual([
      { language: 'fr', speaking: null, reading: null },
      { language: 'ht', speaking: null, reading: null },
    ]);
    const readiness = await db.selectFrom('person_readiness').select(['item', 'completed_on', 'expires_on', 'secret_hint', 'secret']).where('person_id', '=', wilnise.id).orderBy('item').execute();
    expect(readiness.map(({ secret: _, ...r }) => r)).toEqual([
      { item: 'medical_clearance', completed_on: '2026-10-14', expires_on: null, secret_hint: null },
      { item: 'passport', completed_on: null, expires_on: '2031-01-31', secret_hint: '667' },
    ]);
    expect(readiness.find((r) => r.item === 'passport')?.secret).not.toContain('4455667');

    const again = await runCadre(['import', 'people', file, '--organization', 'PNF', '--date-format', 'DMY'], { env });
    expect(again.exitCode, again.output).toBe(0);
    expect(again.output).toMatch(/Imported 2 rows: 0 created, 0 updated, 2 unchanged/);
  });
});
