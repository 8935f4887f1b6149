import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedProgram2010 } from '../../demo/program-2010.js';
import { buildInstructorCourse, buildOrganization } from '../../../test/factories.js';
import { type Agent, agentFor, createTestApp, type TestApp } from '../../../test/harness.js';
import { iatiSchemaErrors } from '../../../test/support/documents.js';
import { type ReadActivity, readIatiActivities } from '../../../test/support/iati.js';

let t: TestApp;
let viewer: Agent;
let xml: string;
let activities: ReadActivity[];

beforeAll(async () => {
  t = await createTestApp();
  await seedProgram2010(t.services, t.system);
  viewer = await agentFor(t, 'viewer');
  const response = await viewer.get('/api/reports/iati?year=2010');
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toBe('application/xml; charset=utf-8');
  xml = response.body;
  activities = readIatiActivities(xml);
}, 120_000);
afterAll(() => t.close());

const OFFICE = 'Bureau of International Narcotics and Law Enforcement Affairs (INL)';
const byCountry = (code: string) => activities.filter((a) => a.recipientCountries.some((c) => c.code === code));
const rolesOf = (activity: ReadActivity | undefined, name: string) => activity?.participants.filter((p) => p.name === name).map((p) => `${p.role}/${p.type}`);

describe('the IATI export of the 2010 program, as a publisher of assistance abroad publishes it', () => {
  it('is a 2.03 file the official schema accepts, with the assistance abroad and nothing else', async () => {
    expect(await iatiSchemaErrors(xml)).toEqual([]);
    expect(activities.map((a) => [a.recipientCountries.map((c) => c.code).join(), a.title])).toEqual([
      ['HT', 'Haiti: mentoring the Haitian National Police after the earthquake'],
      ['BR', 'Corrections training in Brazil, 2010'],
      ['SV', 'Corrections training in El Salvador, 2010'],
    ]);
    for (const a of activities) {
      expect(a.identifier.startsWith('US-GOV-11-CADRE-'), a.identifier).toBe(true);
      expect(a.reportingRef).toBe('US-GOV-11');
      expect(a.recipientCountries, a.identifier).toEqual([{ code: a.recipientCountries[0]?.code, percentage: 100 }]);
      expect(a.recipientRegions).toEqual([]);
    }
  });

  it('publishes the Haiti deployment with the NYPD implementing and the Haitian National Police named', () => {
    const [haiti, ...others] = byCountry('HT');
    expect(others).toEqual([]);
    expect(haiti?.identifier).toMatch(/^US-GOV-11-CADRE-DEPLOYMENT-/);
    expect(haiti?.description).toBe(
      "6 officers of the New York Police Department (NYPD) deployed to Haiti from August 9, 2010 to November 6, 2010 to mentor, train, and advise the Police Nationale d'Haïti (PNH).",
    );
    expect(rolesOf(haiti, OFFICE)).toEqual(['1/10', '2/10', '3/10']);
    // A city police department is local government; Haiti's national police, government.
    expect(rolesOf(haiti, 'New York Police Department (NYPD)')).toEqual(['4/11']);
    expect(rolesOf(haiti, "Police Nationale d'Haïti (PNH)")).toEqual(['4/10']);
    expect(haiti).toMatchObject({
      status: '4',
      dates: { '1': '2010-08-09', '2': '2010-08-09', '3': '2010-11-06', '4': '2010-11-06' },
      sectors: [{ code: '15132', vocabulary: '1', percentage: 100 }],
      aidType: 'D01',
      indicators: {
        'Officers deployed': { actual: 6, breakdown: { 'sex:female': 3, 'sex:male': 3 } },
        'Person-days in country': { actual: 540, breakdown: {} },
      },
    });
  });

  it('publishes the corrections training in El Salvador and Brazil, with the agencies whose instructors taught and the prison services trained', () => {
    for (const [code, service] of [
      ['SV', 'Dirección General de Centros Penales (DGCP)'],
      ['BR', 'Departamento Penitenciário Nacional (DEPEN)'],
    ] as const) {
      const [training, ...others] = byCountry(code);
      expect(others).toEqual([]);
      expect(training?.identifier).toBe(`US-GOV-11-CADRE-TRAINING-${code}-CORRECTIONS-2010`);
      expect(rolesOf(training, OFFICE)).toEqual(['1/10', '2/10', '3/10']);
      expect(rolesOf(training, 'Colorado Department of Corrections (CDOC)')).toEqual(['4/11']);
      expect(rolesOf(training, service)).toEqual(['4/10']);
      expect(training).toMatchObject({
        status: '4',
        dates: { '1': '2010-08-02', '2': '2010-08-02', '3': '2010-12-03', '4': '2010-12-03' },
        sectors: [{ code: '15137', vocabulary: '1', percentage: 100 }],
        aidType: 'D02',
      });
      // 75 officers trained by U.S. instructors, 11 of 12 local instructors certified, and 20 more
      // officers trained by those: 106 people.
      expect(training?.indicators).toEqual({
        'People trained': { actual: 106, breakdown: expect.any(Object) as object },
        'Instructors certified': { actual: 11, breakdown: {} },
        'Courses held': { actual: 5, breakdown: {} },
      });
      const bySex = Object.values(training?.indicators['People trained']?.breakdown ?? {});
      expect(bySex.reduce((sum, n) => sum + n, 0)).toBeLessThanOrEqual(106);
    }
  });

  it('publishes nothing for prospects, domestic partners or the training at home', () => {
    const everyName = activities.flatMap((a) => [a.title, a.description, ...a.participants.map((p) => p.name)]).join('\n');
    for (const absent of ['Richmond', 'Chicago Police Department', 'International Association of Women Police', 'Federal Bureau of Prisons']) {
      expect(everyName).not.toContain(absent);
    }
    expect(activities.some((a) => a.recipientCountries.some((c) => c.code === 'US'))).toBe(false);
    expect(xml).not.toContain('recipient-region');
    expect(xml).not.toContain('PARTNERSHIP');
  });

  it('refuses, saying why, a year without assistance abroad (an IATI file holds at least one activity)', async () => {
    // 2009 held only the master instructors' course, in Washington.
    const response = await viewer.get('/api/reports/iati?year=2009');
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().detail).toBe('There was no assistance abroad in 2009 to publish: no deployment abroad and no training the program funded abroad.');
  });

  it('leaves out training the program did not fund abroad, and training at home', async () => {
    const { course } = await buildInstructorCourse(t.services, t.system);
    const offering = { courseId: course.id, startOn: '2010-10-04', endOn: '2010-10-08', capacity: 20, isRefresher: false };
    await t.services.offerings.schedule(t.system, { ...offering, country: 'GT', city: 'Ciudad de Guatemala', isUsFunded: false });
    await t.services.offerings.schedule(t.system, { ...offering, country: 'US', city: 'Denver', isUsFunded: true });
    const again = readIatiActivities((await viewer.get('/api/reports/iati?year=2010')).body);
    expect(again.map((a) => a.identifier)).toEqual(activities.map((a) => a.identifier));
  });

  it('reports under the configured organisation identifier', async () => {
    const other = await createTestApp({ env: { CADRE_IATI_ORG_REF: 'XM-DAC-41301' } });
    try {
      await buildOrganization(other.services, other.system, { name: 'Invented Program Office', kind: 'program_office', country: 'US' });
      await other.services.deployments.create(other.system, {
        title: 'Liberia: advising the national police',
        hostCountry: 'LR',
        track: 'policing',
        purposes: ['advise'],
        startOn: '2010-03-01',
        endOn: '2010-08-31',
        authorizedHeadcount: 2,
        requiredLanguages: [],
        specialties: [],
        isHighThreat: false,
      });
      const response = await (await agentFor(other, 'viewer')).get('/api/reports/iati?year=2010');
      expect(await iatiSchemaErrors(response.body)).toEqual([]);
      const [activity, ...more] = readIatiActivities(response.body);
      expect(more).toEqual([]);
      expect(activity?.reportingRef).toBe('XM-DAC-41301');
      expect(activity?.identifier).toMatch(/^XM-DAC-41301-CADRE-DEPLOYMENT-/);
    } finally {
      await other.close();
    }
  });
});
