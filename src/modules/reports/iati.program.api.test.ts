import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORGANIZATION_KINDS } from '../organizations/organizations.schemas.js';
import { STAGES } from '../partnerships/partnerships.schemas.js';
import { PURPOSES } from '../deployments/deployments.schemas.js';
import { buildInstructorCourse, buildOrganization } from '../../../test/factories.js';
import { type Agent, agentFor, createTestApp, type TestApp } from '../../../test/harness.js';
import { iatiSchemaErrors } from '../../../test/support/documents.js';
import { readIatiActivities } from '../../../test/support/iati.js';

let t: TestApp;
let viewer: Agent;

beforeAll(async () => {
  t = await createTestApp();
  await buildOrganization(t.services, t.system, { name: 'Bureau of Invented Affairs', acronym: 'BIA', kind: 'program_office', country: 'US' });
  viewer = await agentFor(t, 'viewer');
});
afterAll(() => t.close());

const COUNTRIES = ['US', 'SV', 'BR', 'HT', 'MX', 'GT', 'CO', 'PE', 'LR', 'AF'];
const day = (year: number, dayOfYear: number) => new Date(Date.UTC(year, 0, 1 + dayOfYear)).toISOString().slice(0, 10);
const subset = <T>(items: readonly T[], max: number) => fc.uniqueArray(fc.constantFrom(...items), { maxLength: max });
// Names that an XML writer must escape, in scripts other than Latin too.
const orgName = fc.constantFrom('Policía Nacional', 'Corrections & Rehabilitation', 'Bureau <Test>', '"Quoted" Agency', 'Полиция', 'Agence d’État');
let made = 0;

const programArb = fc.record({
  year: fc.integer({ min: 2003, max: 2025 }),
  partnerships: fc.array(
    fc.record({
      name: orgName,
      kind: fc.constantFrom(...ORGANIZATION_KINDS.filter((k) => k !== 'program_office')),
      country: fc.constantFrom(...COUNTRIES),
      stage: fc.constantFrom(...STAGES.filter((s) => s === 'prospect' || s === 'engaged' || s === 'agreement')),
      startedDay: fc.integer({ min: 0, max: 364 }),
      tracks: subset(['policing', 'corrections'] as const, 2),
      targets: subset(COUNTRIES, 4),
    }),
    { minLength: 1, maxLength: 6 },
  ),
  deployments: fc.array(
    fc.record({
      hostCountry: fc.constantFrom(...COUNTRIES.filter((c) => c !== 'US')),
      track: fc.constantFrom('policing', 'corrections'),
      purposes: fc.uniqueArray(fc.constantFrom(...PURPOSES), { minLength: 1, maxLength: 3 }),
      startDay: fc.integer({ min: 0, max: 364 }),
      days: fc.integer({ min: 1, max: 400 }),
      headcount: fc.integer({ min: 1, max: 12 }),
    }),
    // At least one, so that every year has assistance abroad to publish.
    { minLength: 1, maxLength: 4 },
  ),
  offerings: fc.array(fc.record({ country: fc.constantFrom(...COUNTRIES), startDay: fc.integer({ min: 0, max: 360 }), days: fc.integer({ min: 1, max: 5 }) }), { maxLength: 3 }),
});

describe('the IATI export of a randomly generated program', () => {
  it('always validates against the official 2.03 schema and keeps the IATI rules', async () => {
    await fc.assert(
      fc.asyncProperty(programArb, async (program) => {
        for (const p of program.partnerships) {
          const organization = await buildOrganization(t.services, t.system, { name: `${p.name} ${(made += 1)}`, kind: p.kind, country: p.country });
          await t.services.partnerships.create(t.system, { organizationId: organization.id, stage: p.stage, startedOn: day(program.year, p.startedDay), tracks: [...p.tracks], targetCountries: [...p.targets] });
        }
        for (const [i, d] of program.deployments.entries()) {
          const startOn = day(program.year, d.startDay);
          await t.services.deployments.create(t.system, {
            title: `Deployment ${i + 1} to ${d.hostCountry} & <back>`,
            hostCountry: d.hostCountry,
            track: d.track,
            purposes: [...d.purposes],
            startOn,
            endOn: day(program.year, d.startDay + d.days - 1),
            authorizedHeadcount: d.headcount,
            requiredLanguages: [],
            specialties: [],
            isHighThreat: false,
          });
        }
        for (const o of program.offerings) {
          const { course } = await buildInstructorCourse(t.services, t.system);
          await t.services.offerings.schedule(t.system, { courseId: course.id, startOn: day(program.year, o.startDay), endOn: day(program.year, o.startDay + o.days - 1), country: o.country, capacity: 25, isUsFunded: true, isRefresher: false });
        }

        const response = await viewer.get(`/api/reports/iati?year=${program.year}`);
        expect(response.statusCode, response.body).toBe(200);
        expect(await iatiSchemaErrors(response.body)).toEqual([]);
        const activities = readIatiActivities(response.body);
        const identifiers = activities.map((a) => a.identifier);
        expect(new Set(identifiers).size).toBe(identifiers.length);
        // Assistance abroad only, each in one named country: never a region, the home country or a partnership.
        for (const a of activities) {
          expect(a.recipientCountries, a.identifier).toHaveLength(1);
          expect(a.recipientCountries[0]?.code).not.toBe('US');
          expect(a.recipientRegions).toEqual([]);
          expect(a.participants.filter((p) => p.role === '1')).toHaveLength(1);
          if (a.dates['3']) expect(a.dates['3'] >= (a.dates['1'] ?? '')).toBe(true);
          if (a.dates['4']) expect(a.dates['4'] >= (a.dates['2'] ?? '')).toBe(true);
        }
        expect(identifiers.filter((id) => id.includes('-PARTNERSHIP-'))).toEqual([]);
        expect(identifiers.filter((id) => id.includes('-DEPLOYMENT-')).length).toBeGreaterThanOrEqual(program.deployments.length);
        for (const o of program.offerings.filter((offering) => offering.country !== 'US')) {
          expect(identifiers.some((id) => id.startsWith(`US-GOV-11-CADRE-TRAINING-${o.country}-`) && id.endsWith(`-${program.year}`)), `training in ${o.country}`).toBe(true);
        }
      }),
      { numRuns: 12, seed: Number(process.env.CADRE_PROPERTY_SEED ?? 20101220) },
    );
  }, 180_000);
});
