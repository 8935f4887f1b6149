import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestApp } from '../../../test/harness.js';
import { readerOf } from '../../../test/reader.js';

let t: TestApp;
let officer: Agent;

beforeAll(async () => {
  t = await createTestApp({ now: '2010-12-01T12:00:00Z' });
  officer = await agentFor(t, 'program_officer');
});
afterAll(() => t.close());

describe('search in the reader’s language', () => {
  it('says what is wrong with a query in French and Spanish', async () => {
    const noWord = await readerOf(t, officer, 'fr').get('/api/search?q=--');
    expect(noWord.statusCode).toBe(400);
    expect(noWord.json().errors).toEqual([{ pointer: '/query/q', detail: 'doit contenir une lettre ou un chiffre' }]);
    const ghosts = await readerOf(t, officer, 'es').get('/api/search?q=ana&kinds=ghosts');
    expect(ghosts.statusCode).toBe(400);
    expect(ghosts.json().errors).toEqual([
      { pointer: '/query/kinds', detail: 'debe ser una lista separada por comas de: person, organization, deployment, offering, course, certification' },
    ]);
    expect((await officer.get('/api/search?q=--')).json().errors[0].detail).toBe('must contain a letter or a digit');
  });
});
