import { describe, expect, it } from 'vitest';
import { dateExample, dateProblem, formatDateInput, isIsoDate, parseDateInput } from './dates';

describe('dates as a locale writes them', () => {
  it('gives its example in the locale’s own order and separator', () => {
    expect(dateExample('en')).toBe('12/31/2010');
    expect(dateExample('en-GB')).toBe('31/12/2010');
    expect(dateExample('fr')).toBe('31/12/2010');
    expect(dateExample('de')).toBe('31.12.2010');
    expect(dateExample('es')).toBe('31/12/2010');
  });

  it('reads a date in the locale’s order, or written YYYY-MM-DD', () => {
    expect(parseDateInput('12/31/2010', 'en')).toBe('2010-12-31');
    expect(parseDateInput('3/1/2010', 'en')).toBe('2010-03-01');
    expect(parseDateInput('31/12/2010', 'fr')).toBe('2010-12-31');
    expect(parseDateInput('1.3.2010', 'de')).toBe('2010-03-01');
    expect(parseDateInput(' 2010-03-01 ', 'fr')).toBe('2010-03-01');
  });

  it('reads nothing that is no real date', () => {
    expect(parseDateInput('31/12/2010', 'en')).toBeNull();
    expect(parseDateInput('02/30/2011', 'en')).toBeNull();
    expect(parseDateInput('12/31/10', 'en')).toBeNull();
    expect(parseDateInput('2011-02-29', 'en')).toBeNull();
    expect(parseDateInput('next week', 'en')).toBeNull();
    expect(parseDateInput('', 'en')).toBeNull();
  });

  it('shows a date on record in the locale’s order, and leaves anything else as typed', () => {
    expect(formatDateInput('2010-03-01', 'en')).toBe('03/01/2010');
    expect(formatDateInput('2010-03-01', 'fr')).toBe('01/03/2010');
    expect(formatDateInput('13/45', 'en')).toBe('13/45');
    expect(isIsoDate('2012-02-29')).toBe(true);
    expect(isIsoDate('2011-02-29')).toBe(false);
  });

  it('words a date field’s problem with the locale’s example', () => {
    const t = (key: string, options?: { example: string }) => (options ? `${key} ${options.example}` : key);
    expect(dateProblem('', 'fr', t)).toBe('form.dateMissing');
    expect(dateProblem(null, 'fr', t)).toBe('form.dateMissing');
    expect(dateProblem('32/01/2010', 'fr', t)).toBe('form.dateInvalid 31/12/2010');
    expect(dateProblem('2010-01-31', 'fr', t)).toBeNull();
  });
});
