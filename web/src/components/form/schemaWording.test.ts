import { describe, expect, it } from 'vitest';
import { inReadersWords, loadSchemaWording, wordErrors } from './schemaWording';

describe('a schema’s own sentences in the reader’s language', () => {
  it('shows the server catalog’s Spanish for a sentence the API’s schema says in English', async () => {
    await loadSchemaWording('es');
    expect(inReadersWords('must not be empty')).toBe('no debe estar vacío');
    const errors = { name: { type: 'too_small', message: 'must not be empty' }, rows: [{ country: { type: 'custom', message: 'must be an ISO 3166-1 alpha-2 country code, such as HT' } }] };
    wordErrors(errors);
    expect(errors.name.message).toBe('no debe estar vacío');
    expect(errors.rows[0]?.country.message).toBe('debe ser un código de país ISO 3166-1 alfa-2, como SV');
    expect(inReadersWords('a sentence no catalog holds')).toBe('a sentence no catalog holds');
  });

  it('leaves English as the schema wrote it', async () => {
    await loadSchemaWording('en');
    expect(inReadersWords('must not be empty')).toBe('must not be empty');
  });
});
