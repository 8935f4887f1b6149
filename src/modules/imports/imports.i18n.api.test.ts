import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganization } from '../../../test/factories.js';
import { type Agent, agentFor, createTestApp, type TestApp } from '../../../test/harness.js';
import { importFile, problemsOf, upload } from '../../../test/imports.js';

let t: TestApp;
let officer: Agent;
let agencyId: string;

beforeAll(async () => {
  t = await createTestApp();
  officer = await agentFor(t, 'program_officer');
  agencyId = (await buildOrganization(t.services, t.system, { name: 'Police Nationale d’Haïti', acronym: 'PNH', kind: 'foreign_police', country: 'HT' })).id;
});
afterAll(() => t.close());

type Problem = Awaited<ReturnType<typeof problemsOf>>[number];

/** A GET in the language a browser asks for. */
function getIn(language: string, url: string) {
  return t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${officer.token}`, 'accept-language': language } });
}

async function problemsIn(language: string, id: string): Promise<Problem[]> {
  const response = await getIn(language, `/api/imports/${id}/problems?limit=200`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items as Problem[];
}

const place = (p: Problem) => [p.row, p.column, p.columnName, p.value];
/** French sets a no-break space before a colon and inside its quotation marks. */
const french = (text: string) => text.replace(/ ([:;?!»])/g, '\u00a0$1').replace(/« /g, '«\u00a0');

describe('the problems of an import, read in the reader’s language', () => {
  const roster = [
    'Given name,Family name,Date of birth,Sex,Heritage countries',
    'Ana,Reyes,1985-13-40,F,SV',
    'Beto,,1990-01-02,male,HN',
    'Carla,Mejía,1979-05-06,x,Narnia',
  ].join('\n');

  it('keeps each problem by row and column, and words it for whoever reads it', async () => {
    const view = await importFile(t, officer, { kind: 'people', filename: 'reyes.csv', organizationId: agencyId }, roster);
    expect(view, JSON.stringify(view)).toMatchObject({ status: 'validated', problemCount: 4 });
    const id = view.id as string;

    const english = await problemsOf(officer, id);
    expect(english.map((p) => [p.row, p.field, p.reason])).toEqual([
      [2, 'Date of birth', 'is not a date (write it as 1985-04-03)'],
      [3, 'Family name', 'is required'],
      [4, 'Sex', 'is not a sex (“x”): use one of female, male'],
      [4, 'Heritage countries', 'is not a country Cadre knows (“Narnia”): use its name or ISO code, such as HT'],
    ]);

    const spanish = await problemsIn('es-SV,es;q=0.9', id);
    expect(spanish.map(place)).toEqual(english.map(place));
    expect(spanish.map((p) => [p.row, p.field, p.reason])).toEqual([
      [2, 'Fecha de nacimiento', 'no es una fecha (escríbala como 1985-04-03)'],
      [3, 'Apellido', 'es obligatorio'],
      [4, 'Sexo', 'no es un sexo válido (“x”): use uno de estos valores: female, male'],
      [4, 'Países de origen', 'no es un país que Cadre conozca (“Narnia”): use su nombre o su código ISO, por ejemplo HT'],
    ]);

    const inFrench = await problemsIn('fr-HT', id);
    expect(inFrench.map(place)).toEqual(english.map(place));
    expect(inFrench.map((p) => [p.row, p.field, p.reason])).toEqual([
      [2, 'Date de naissance', 'n’est pas une date (écrivez-la sous la forme 1985-04-03)'],
      [3, 'Nom de famille', 'est obligatoire'],
      [4, 'Sexe', french('n’est pas un sexe valide (« x ») : utilisez l’une de ces valeurs : female, male')],
      [4, 'Pays d’origine', french('n’est pas un pays connu de Cadre (« Narnia ») : utilisez son nom ou son code ISO, par exemple HT')],
    ]);

    // The outcome of the run, and the problems as a spreadsheet, in the same language.
    expect((await getIn('es', `/api/imports/${id}`)).json().message).toBe('No se guardó nada: 3 de 3 filas tienen problemas. Corríjalas y vuelva a cargar el archivo, o importe solo las filas válidas.');
    expect(view.message).toBe('Nothing was written: 3 of 3 rows have problems. Fix them and upload the file again, or import the valid rows only.');
    const csv = await getIn('fr', `/api/imports/${id}/problems?format=csv`);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.body).toContain('est obligatoire');
    const codes = await getIn('fr', `/api/imports/${id}/problems?format=csv&codes=true`);
    expect(codes.body).toContain('column_name');
  });

  it('shows as they are the problems an earlier release kept in English', async () => {
    const view = await importFile(t, officer, { kind: 'people', filename: 'older.csv', organizationId: agencyId }, 'Given name,Family name\nDora,\n');
    const id = view.id as string;
    const db = t.testDb.database.db;
    await db.updateTable('import_problems').set({ field: 'Family name', reason: 'is required' }).where('import_id', '=', id).execute();
    await db.updateTable('imports').set({ message: 'Nothing was written: 1 of 1 rows have problems.' }).where('id', '=', id).execute();
    expect((await problemsIn('es', id)).map((p) => [p.row, p.field, p.reason])).toEqual([[2, 'Family name', 'is required']]);
    expect((await getIn('es', `/api/imports/${id}`)).json().message).toBe('Nothing was written: 1 of 1 rows have problems.');
  });

  it('refuses in the reader’s language, naming the fields no column gives', async () => {
    const uploaded = await upload(t, officer, { kind: 'people', filename: 'sans-noms.csv', organizationId: agencyId }, 'Email\nana@pnh.example\n');
    const id = uploaded.json().id as string;
    const refused = await t.app.inject({ method: 'POST', url: `/api/imports/${id}/validate`, headers: { authorization: `Bearer ${officer.token}`, 'accept-language': 'pt-BR' } });
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json()).toMatchObject({
      rule: 'import.mapping_incomplete',
      detail: 'Nenhuma coluna fornece Nome e Sobrenome: mapeie uma coluna para cada um, ou confira se este arquivo contém pessoas (um cadastro).',
    });
  });
});

describe('a roster headed in Haitian Creole', () => {
  it('maps every column from its Kreyòl header and imports the people', async () => {
    const roster = [
      'Non;Siyati;Imèl;Dat nesans;Sèks;Estati;Lang;Peyi orijin;Telefòn;Grad;Espesyalite;Nòt;Nimewo paspò;Dat ekspirasyon paspò',
      'Jean;Pierre;jean.pierre@pnh.example;15/03/1985;Gason;Aktif;Kreyòl 5, fr:3;Ayiti;+509 3456 7890;Enspektè;Ankèt kriminèl;Bon kandida;AB1234567;20 desanm 2031',
      'Marie;Joseph;marie.joseph@pnh.example;02/11/1990;Fanm;Aktif;ht, en:2;Ayiti, Etazini;+509 3765 4321;Ajan;Swiv viktim;;;',
    ].join('\r\n');
    const uploaded = await upload(t, officer, { kind: 'people', filename: 'lis-pesonel.csv', organizationId: agencyId }, roster);
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const detected = uploaded.json();
    expect(detected.mapping.map((m: { field: string | null }) => m.field)).toEqual([
      'givenName',
      'familyName',
      'email',
      'dateOfBirth',
      'sex',
      'status',
      'languages',
      'heritageCountries',
      'phone',
      'rankTitle',
      'specialties',
      'notes',
      'passportNumber',
      'passportExpiresOn',
    ]);
    expect(detected).toMatchObject({ dateFormat: 'DMY', unconfirmedColumns: [], missingFields: [] });

    const view = await importFile(t, officer, { kind: 'people', filename: 'lis-pesonel.csv', organizationId: agencyId }, roster);
    expect(view, JSON.stringify(view)).toMatchObject({ status: 'committed', rowCount: 2, problemCount: 0, summary: { created: 2 } });
    const people = (await officer.get(`/api/people?organizationId=${agencyId}&limit=50`)).json().items as { id: string; givenName: string }[];
    const jean = (await officer.get(`/api/people/${people.find((p) => p.givenName === 'Jean')?.id}`)).json();
    expect(jean).toMatchObject({ familyName: 'Pierre', email: 'jean.pierre@pnh.example', dateOfBirth: '1985-03-15', sex: 'male', status: 'active', heritageCountries: ['HT'], rankTitle: 'Enspektè' });
    const marie = (await officer.get(`/api/people/${people.find((p) => p.givenName === 'Marie')?.id}`)).json();
    expect(marie).toMatchObject({ sex: 'female', heritageCountries: ['HT', 'US'] });
  });

  it('names the import’s fields and kinds in the reader’s language', async () => {
    const response = await getIn('ht', '/api/imports/kinds');
    const people = (response.json().items as { kind: string; label: string; fields: { key: string; label: string }[] }[]).find((k) => k.kind === 'people');
    expect(people?.label).toBe('Moun (yon lis pèsonèl)');
    expect(people?.fields.slice(0, 2).map((f) => f.label)).toEqual(['Non', 'Siyati']);
  });
});
