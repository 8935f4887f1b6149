import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganization } from '../../../test/factories.js';
import { type Agent, agentFor, createTestApp, type TestApp } from '../../../test/harness.js';
import { importFile, problemsOf } from '../../../test/imports.js';

let t: TestApp;
let officer: Agent;
let agencyId: string;

beforeAll(async () => {
  t = await createTestApp();
  officer = await agentFor(t, 'program_officer');
  agencyId = (await buildOrganization(t.services, t.system, { name: 'Policía de Idiomas', kind: 'foreign_police', country: 'HN' })).id;
});
afterAll(() => t.close());

type Skill = { language: string; speaking: string | null; reading: string | null };
const unknown = (language: string): Skill => ({ language, speaking: null, reading: null });

async function languagesOf(email: string): Promise<Skill[]> {
  const people = (await officer.get(`/api/people?organizationId=${agencyId}&limit=200`)).json().items as { id: string }[];
  for (const { id } of people) {
    const person = (await officer.get(`/api/people/${id}`)).json();
    if (person.email === email) return person.languages;
  }
  throw new Error(`${email} was not imported`);
}

describe('a roster whose languages are written as people write them', () => {
  it('imports codes and names without levels as languages whose level is not known, and levels where given', async () => {
    const roster = [
      'Nombre;Apellido;Correo;Idiomas',
      'Ana;Códigos;ana.codigos@idiomas.example;es, en',
      'Beto;Nombres;beto.nombres@idiomas.example;español',
      'Carla;Niveles;carla.niveles@idiomas.example;es 2+/2',
      'Dario;Mezcla;dario.mezcla@idiomas.example;Español 3 y francés',
      'Elsa;Kreyol;elsa.kreyol@idiomas.example;Kreyòl ayisyen, anglais, fr:1',
    ].join('\r\n');
    const view = await importFile(t, officer, { kind: 'people', filename: 'idiomas.csv', organizationId: agencyId }, roster);
    expect(view, JSON.stringify(view)).toMatchObject({ status: 'committed', rowCount: 5, problemCount: 0, summary: { created: 5 } });

    expect(await languagesOf('ana.codigos@idiomas.example')).toEqual([unknown('es'), unknown('en')].sort((a, b) => a.language.localeCompare(b.language)));
    expect(await languagesOf('beto.nombres@idiomas.example')).toEqual([unknown('es')]);
    expect(await languagesOf('carla.niveles@idiomas.example')).toEqual([{ language: 'es', speaking: '2+', reading: '2' }]);
    expect(await languagesOf('dario.mezcla@idiomas.example')).toEqual([{ language: 'es', speaking: '3', reading: '3' }, unknown('fr')]);
    expect(await languagesOf('elsa.kreyol@idiomas.example')).toEqual([{ language: 'fr', speaking: '1', reading: '1' }, unknown('en'), unknown('ht')]);

    // The same file again changes nothing: a level not known equals a level not known.
    const again = await importFile(t, officer, { kind: 'people', filename: 'idiomas.csv', organizationId: agencyId }, roster);
    expect(again).toMatchObject({ status: 'committed', summary: { created: 0, updated: 0, unchanged: 5 } });
  });

  it('records a level given later, and reads back the roster export', async () => {
    const later = ['Given name,Family name,Email,Languages', 'Beto,Nombres,beto.nombres@idiomas.example,Spanish 3/2+', 'Ana,Códigos,ana.codigos@idiomas.example,es (level unknown); en S2/R?'].join('\n');
    const view = await importFile(t, officer, { kind: 'people', filename: 'later.csv', organizationId: agencyId }, later);
    expect(view, JSON.stringify(view)).toMatchObject({ status: 'committed', problemCount: 0, summary: { updated: 2 } });
    expect(await languagesOf('beto.nombres@idiomas.example')).toEqual([{ language: 'es', speaking: '3', reading: '2+' }]);
    expect(await languagesOf('ana.codigos@idiomas.example')).toEqual([{ language: 'en', speaking: '2', reading: null }, unknown('es')]);
  });

  it('names a word that is not a language, on its row and column, and writes nothing', async () => {
    const roster = ['Given name,Family name,Languages', 'Kor,Klingon,"es, klingon"', 'Sin,Nivel,Spanish (native)'].join('\n');
    const view = await importFile(t, officer, { kind: 'people', filename: 'klingon.csv', organizationId: agencyId }, roster);
    expect(view).toMatchObject({ status: 'validated', problemCount: 2 });
    const problems = await problemsOf(officer, view.id as string);
    expect(problems.map((p) => [p.row, p.columnName, p.reason])).toEqual([
      [2, 'Languages', expect.stringContaining('“klingon” is not a language Cadre knows: write its code (es) or its name')],
      [3, 'Languages', expect.stringContaining('gives “native” as the level of Spanish')],
    ]);
  });
});
