import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedProgram2010 } from '../../demo/program-2010.js';
import { packageRoot } from '../../platform/package-root.js';
import { buildInstructorCourse, buildOrganization } from '../../../test/factories.js';
import { type Agent, agentFor, createTestApp, type TestApp } from '../../../test/harness.js';
import { codelistProblems, IATI_DIR, officialSchemaErrors, rulesetProblems } from '../../../test/conformance/iati.js';

/** Cadre's IATI export against IATI's own artefacts: the 2.03 schema, its codelists and its rulesets. */

const NOW = '2026-11-28T12:00:00Z';
let t: TestApp;
let viewer: Agent;

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  await seedProgram2010(t.services, t.system);
  viewer = await agentFor(t, 'viewer');
}, 120_000);
afterAll(() => t.close());

async function exported(year: number) {
  const response = await viewer.get(`/api/reports/iati?year=${year}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.body;
}

describe('the IATI export against the IATI Standard 2.03', () => {
  it('ships the official schema unchanged', () => {
    for (const name of ['iati-activities-schema.xsd', 'iati-common.xsd', 'xml.xsd']) {
      expect(fs.readFileSync(path.join(packageRoot, 'assets', 'iati', name), 'utf8'), name).toBe(fs.readFileSync(path.join(IATI_DIR, name), 'utf8'));
    }
  });

  it('gives the 2010 program in a file the official schema accepts, every code in its codelist, every IATI rule kept', async () => {
    const xml = await exported(2010);
    expect(xml).toContain('<iati-activity ');
    expect(await officialSchemaErrors(xml)).toEqual([]);
    expect(codelistProblems(xml)).toEqual([]);
    expect(rulesetProblems(xml, NOW.slice(0, 10))).toEqual([]);
  });

  it('keeps them for work still to come: a planned deployment and training scheduled abroad', async () => {
    const { course } = await buildInstructorCourse(t.services, t.system);
    await t.services.offerings.schedule(t.system, { courseId: course.id, startOn: '2027-03-01', endOn: '2027-03-05', country: 'GT', city: 'Ciudad de Guatemala', capacity: 20, isUsFunded: true, isRefresher: false });
    const host = await buildOrganization(t.services, t.system, { name: 'Policía Nacional Civil', kind: 'foreign_police', country: 'GT' });
    await t.services.deployments.create(t.system, {
      title: 'Guatemala: advising the Policía Nacional Civil',
      hostCountry: 'GT',
      hostOrganizationId: host.id,
      track: 'policing',
      purposes: ['advise'],
      startOn: '2027-02-01',
      endOn: '2027-07-31',
      authorizedHeadcount: 4,
      requiredLanguages: [],
      specialties: [],
      isHighThreat: false,
    });
    const xml = await exported(2027);
    expect(xml.match(/<iati-activity /g)).toHaveLength(2);
    expect(await officialSchemaErrors(xml)).toEqual([]);
    expect(codelistProblems(xml)).toEqual([]);
    expect(rulesetProblems(xml, NOW.slice(0, 10))).toEqual([]);
  });

  it('finds what it checks for: a file breaking each check fails it', async () => {
    const example = fs.readFileSync(path.join(IATI_DIR, 'example-activity.xml'), 'utf8');
    const today = NOW.slice(0, 10);
    expect(rulesetProblems(example, today)).toEqual([]);
    expect(codelistProblems(example)).toEqual([]);
    const broken = (from: string | RegExp, to: string) => {
      const changed = example.replace(from, to);
      expect(changed).not.toBe(example);
      return changed;
    };
    expect(rulesetProblems(broken(/US-GOV-11-CADRE-EX-0001/, 'XX-OTHER-1'), today).join()).toContain('1.1.21');
    expect(rulesetProblems(broken('<iati-activity xml:lang="en"', '<iati-activity'), today).join()).toContain('4.1.1');
    expect(rulesetProblems(broken('percentage="30"', 'percentage="20"'), today).join()).toContain('2.1.2');
    expect(rulesetProblems(broken('type="3" iso-date="2026-09-30"', 'type="3" iso-date="2025-09-30"'), today).join()).toContain('11.1.2');
    expect(rulesetProblems(broken('type="2" iso-date="2025-10-15"', 'type="2" iso-date="2027-10-15"'), today).join()).toContain('11.1.4');
    expect(codelistProblems(broken('code="15137"', 'code="99999"'))).toEqual(['//iati-activity/sector/@code = 99999 is not in Sector']);
    expect(codelistProblems(broken('role="4"', 'role="5"'))).toEqual(['//iati-activity/participating-org/@role = 5 is not in OrganisationRole']);
    expect(codelistProblems(broken('<recipient-country code="GT"', '<recipient-country code="ZZ"'))).toEqual(['//iati-activity/recipient-country/@code = ZZ is not in Country']);
    expect(await officialSchemaErrors(broken('<activity-status code="2"/>', ''))).not.toEqual([]);
  });
});
