import { describe, expect, it } from 'vitest';
import { defineMessages, localize, Text } from './messages.js';

const sample = defineMessages('sample', {
  en: { clash: '{{name}} is enrolled from {{start, day}}.', seats_one: '{{count}} seat left', seats_other: '{{count}} seats left', where: 'In {{countries, list}}: {{what}}.' },
  es: { clash: '{{name}} está inscrito desde el {{start, day}}.', seats_one: 'Queda {{count}} plaza', seats_many: 'Quedan {{count}} plazas', seats_other: 'Quedan {{count}} plazas', where: 'En {{countries, list}}: {{what}}.' },
  fr: { clash: '{{name}} est inscrit depuis le {{start, day}}.', seats_one: 'Il reste {{count}} place', seats_many: 'Il reste {{count}} places', seats_other: 'Il reste {{count}} places', where: 'En {{countries, list}} : {{what}}.' },
  pt: { clash: '{{name}} está matriculado desde {{start, day}}.', seats_one: 'Resta {{count}} vaga', seats_many: 'Restam {{count}} vagas', seats_other: 'Restam {{count}} vagas', where: 'Em {{countries, list}}: {{what}}.' },
  ht: { clash: '{{name}} enskri depi {{start, day}}.', seats_one: '{{count}} plas ki rete', seats_other: '{{count}} plas ki rete', where: 'Nan {{countries, list}}: {{what}}.' },
});

describe('text put in the reader’s language', () => {
  it('renders one sentence in each language, with long dates, and English when printed', () => {
    const text = sample('clash', { name: 'Ana Ejemplo', start: '2010-09-20' });
    expect(text.in('es')).toBe('Ana Ejemplo está inscrito desde el 20 de septiembre de 2010.');
    expect(text.in('ht')).toBe('Ana Ejemplo enskri depi 20 septanm 2010.');
    expect(String(text)).toBe('Ana Ejemplo is enrolled from September 20, 2010.');
    expect(localize('plain words', 'fr')).toBe('plain words');
  });

  it('chooses the plural form by count, as each language counts', () => {
    expect(sample('seats', { count: 1 }).in('en')).toBe('1 seat left');
    expect(sample('seats', { count: 0 }).in('fr')).toBe('Il reste 0 place');
    expect(sample('seats', { count: 3 }).in('pt')).toBe('Restam 3 vagas');
  });

  it('puts nested text and lists in the same language, and survives storage', () => {
    const inner = sample('seats', { count: 2 });
    const text = sample('where', { countries: ['Haití', 'Brasil'], what: inner });
    expect(text.in('es')).toBe('En Haití y Brasil: Quedan 2 plazas.');
    const stored = JSON.parse(JSON.stringify(text)) as ReturnType<Text['toJSON']>;
    expect(Text.from(stored).in('fr')).toBe(text.in('fr'));
  });

  it('refuses a namespace defined twice', () => {
    expect(() => defineMessages('sample', { en: {}, es: {}, fr: {}, pt: {}, ht: {} })).toThrow(/defined twice/);
  });
});
