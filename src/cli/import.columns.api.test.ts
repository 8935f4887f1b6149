import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCadre } from '../../test/cli.js';
import { createTestDatabase, type TestDatabase } from '../../test/dialects.js';

/**
 * `cadre import` accounts for every column: it prints where each goes, names the columns it was
 * not told about and stops; `--leave-out` and `--map COL=-` confirm them. `--valid-only` lists
 * the rows it leaves out, and why, before it imports the others.
 */

let testDb: TestDatabase;
let dir: string;
let env: Record<string, string>;

/** The people of the agency the files are for, counted in the database. */
async function peopleOfAgency(): Promise<number> {
  const row = await testDb.database.db
    .selectFrom('people')
    .innerJoin('organizations', 'organizations.id', 'people.organization_id')
    .where('organizations.acronym', '=', 'PDC')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-import-columns-'));
  env = {
    DATABASE_URL: testDb.target.engine === 'postgres' ? testDb.target.url : `sqlite:${testDb.target.file}`,
    CADRE_DATA_DIR: dir,
    CADRE_SECRET_KEY: 'cli-columns-secret-cli-columns-secret-0123456789',
    LOG_LEVEL: 'silent',
  };
  // The agency comes in as a partner would send it: a file of its own.
  const agency = await cadre(['import', 'organizations', write('agencia.csv', ['Name,Acronym,Kind,Country', 'Policía de Columnas,PDC,foreign police,Honduras'])]);
  expect(agency.exitCode, agency.output).toBe(0);
});
afterAll(async () => {
  await testDb.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(name: string, lines: string[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, lines.join('\r\n'));
  return file;
}

const cadre = (args: string[]) => runCadre(args, { env });

describe('cadre import and the columns of a file', () => {
  it('prints every column, names the ones it was not told about, and writes nothing', async () => {
    const file = write('plantilla.csv', ['Nombre;Apellido;Correo;Talla de uniforme;Grupo sanguíneo', 'Ana;López;ana@pdc.example;M;O+']);
    const result = await cadre(['import', 'people', file, '--organization', 'PDC']);
    expect(result.exitCode, result.output).toBe(1);
    expect(result.output).toContain('5 columns, header on row 1.');
    expect(result.output).toMatch(/^ {2}A {2}Nombre → givenName$/m);
    expect(result.output).toMatch(/^ {2}D {2}Talla de uniforme → NOT DECIDED$/m);
    expect(result.output).toContain('Cadre was not told what to do with 2 columns: “Talla de uniforme” (D), “Grupo sanguíneo” (E). Nothing was checked or written.');
    expect(result.output).toContain('--leave-out "COLUMN"');
    expect(await peopleOfAgency()).toBe(0);

    const unknown = await cadre(['import', 'people', file, '--organization', 'PDC', '--leave-out', 'Nope']);
    expect(unknown.exitCode).toBe(1);
    expect(unknown.output).toContain('--leave-out Nope: the file has no column “Nope”.');
  });

  it('imports once each column is left out, by header, letter or --map COL=-', async () => {
    const file = write('plantilla2.csv', ['Nombre;Apellido;Correo;Talla de uniforme;Grupo sanguíneo', 'Ana;López;ana@pdc.example;M;O+', 'Luis;Mejía;luis@pdc.example;L;A-']);
    const byHeader = await cadre(['import', 'people', file, '--organization', 'PDC', '--leave-out', 'Talla de uniforme', '--leave-out', 'E', '--dry-run']);
    expect(byHeader.exitCode, byHeader.output).toBe(0);
    expect(byHeader.output).toMatch(/^ {2}D {2}Talla de uniforme → left out$/m);
    expect(byHeader.output).toMatch(/^ {2}E {2}Grupo sanguíneo → left out$/m);
    expect(byHeader.output).toContain('Checked 2 rows (nothing written): 2 valid.');

    const byMap = await cadre(['import', 'people', file, '--organization', 'PDC', '--map', 'Grupo sanguíneo=-', '--leave-out', '4']);
    expect(byMap.exitCode, byMap.output).toBe(0);
    expect(byMap.output).toContain('Imported 2 rows: 2 created, 0 updated, 0 unchanged.');
    expect(await peopleOfAgency()).toBe(2);
  });

  it('with --valid-only, lists the rows it leaves out and why, then imports the others', async () => {
    const file = write('parcial.csv', ['Nombre,Apellido,Correo', 'Rosa,Amaya,rosa@pdc.example', 'Iris,Menjívar,not-an-email', ',Sin Nombre,sin@pdc.example', 'Noé,Paz,noe@pdc.example']);
    const before = await peopleOfAgency();
    const result = await cadre(['import', 'people', file, '--organization', 'PDC', '--valid-only']);
    expect(result.output).toContain('Importing the 2 valid rows, leaving out 2 rows:');
    expect(result.output).toMatch(/^ {2}row 3, Correo: “not-an-email” must be an email address/m);
    expect(result.output).toMatch(/^ {2}row 4, Nombre: /m);
    expect(result.output).toContain('Imported 4 rows: 2 created, 0 updated, 0 unchanged, 2 skipped.');
    // The rows left out are listed once, before the import.
    expect(result.output.match(/not-an-email/g)).toHaveLength(1);
    expect(result.output.indexOf('leaving out')).toBeLessThan(result.output.indexOf('Imported 4 rows'));
    expect(await peopleOfAgency()).toBe(before + 2);
  });
});
