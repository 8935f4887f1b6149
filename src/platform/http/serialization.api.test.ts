import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { type Agent, agentFor, createTestApp, type TestApp } from '../../../test/harness.js';
import { buildOrganization } from '../../../test/factories.js';
import { personDetailSchema, personSchema } from '../../modules/people/people.schemas.js';
import { searchResponseSchema } from '../../modules/search/search.schemas.js';
import { pageSchema } from '../schemas.js';

/**
 * The busiest reads are written by fast-json-stringify from their schemas: each answer must be
 * the very bytes zod's serializer wrote before (every field, in the schema's order), on both engines.
 */

let t: TestApp;
let officer: Agent;
let personId: string;
let organizationId: string;

/** What zod's serializer writes for this body: the schema's fields, in its order. */
const asZodWrites = (schema: z.ZodType, body: string) => JSON.stringify(schema.parse(JSON.parse(body)));

beforeAll(async () => {
  t = await createTestApp({ now: '2026-07-01T12:00:00Z' });
  officer = await agentFor(t, 'program_officer');
  organizationId = (await buildOrganization(t.services, t.system, { name: 'Serialization Police Department' })).id;
  const created = await officer.post('/api/people', {
    organizationId,
    givenName: 'Nadège',
    familyName: 'Saint-Éloi',
    rankTitle: 'Inspector',
    email: 'nadege@example.test',
    sex: 'female',
    dateOfBirth: '1980-02-03',
    languages: [
      { language: 'fr', speaking: '3', reading: '2+' },
      { language: 'es', speaking: null, reading: null },
    ],
    heritageCountries: ['HT'],
    specialties: ['Community Policing'],
  });
  expect(created.statusCode).toBe(201);
  personId = created.json().id;
  const version = created.json().version as number;
  const passport = await officer.put(`/api/people/${personId}/readiness/passport`, { completedOn: '2020-01-01', expiresOn: '2030-01-01', passportNumber: 'X1234567' }, version);
  expect(passport.statusCode).toBe(200);
  await officer.post('/api/people', { organizationId, givenName: 'Jean', familyName: 'Dorval', languages: [], heritageCountries: [], specialties: [] });
});
afterAll(() => t.close());

describe('response serialization', () => {
  it('writes one person with every field zod wrote', async () => {
    const response = await officer.get(`/api/people/${personId}`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(asZodWrites(personDetailSchema, response.body));
    expect(response.json()).toMatchObject({
      givenName: 'Nadège',
      email: 'nadege@example.test',
      languages: [{ language: 'fr', speaking: '3', reading: '2+' }, { language: 'es', speaking: null, reading: null }],
      heritageCountries: ['HT'],
      specialties: ['community policing'],
    });
    expect(Object.keys(response.json())).toEqual(Object.keys(JSON.parse(asZodWrites(personDetailSchema, response.body))));
  });

  it('writes a roster page, first (with its total) and next, with every field zod wrote', async () => {
    const first = await officer.get(`/api/people?organizationId=${organizationId}&limit=1`);
    expect(first.statusCode).toBe(200);
    expect(first.body).toBe(asZodWrites(pageSchema(personSchema), first.body));
    expect(first.json()).toMatchObject({ total: 2, items: [{ familyName: 'Dorval' }] });
    const next = await officer.get(`/api/people?organizationId=${organizationId}&limit=1&cursor=${first.json().nextCursor}`);
    expect(next.body).toBe(asZodWrites(pageSchema(personSchema), next.body));
    expect(next.json()).toMatchObject({ nextCursor: null, items: [{ familyName: 'Saint-Éloi', languages: [{ language: 'fr' }, { language: 'es' }] }] });
    expect(next.json()).not.toHaveProperty('total');
  });

  it('writes the search with every field zod wrote', async () => {
    const response = await officer.get('/api/search?q=saint-el');
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(asZodWrites(searchResponseSchema, response.body));
    expect(response.json().groups[0].results[0]).toMatchObject({ kind: 'person', id: personId, context: 'Serialization Police Department', isInactive: false });
  });

  it('leaves problems as they were', async () => {
    const missing = await officer.get('/api/people/00000000-0000-7000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(missing.json()).toMatchObject({ status: 404, code: 'not_found' });
    const bad = await officer.get('/api/people?limit=0');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ pointer: '/query/limit' });
  });
});
