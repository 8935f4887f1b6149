import { describe, expect, it } from 'vitest';
import { headerKey, missingRequired, suggestMapping } from './imports.fields.js';
import { detectDelimiter, detectEncoding } from './imports.reader.js';
import { languageSkillText } from '../people/languages.js';
import { importsText } from './imports.messages.js';
import { addEvidence, detectDateFormat, noEvidence, type Parsed, parseCountry, parseDate, parseLanguages, parseWholeNumber, parseWord, PERSON_STATUS_WORDS, SEX_WORDS } from './imports.values.js';

/** A result with its reason in English words, as the CLI prints it. */
const said = <T,>(parsed: Parsed<T>) => (parsed.ok ? parsed : { ok: false, reason: String(parsed.reason) });

describe('dates', () => {
  it('reads ISO dates and month names in any order, and never picks between 03/04 and 04/03 alone', () => {
    expect(parseDate('1985-04-03', null)).toEqual({ ok: true, value: '1985-04-03' });
    expect(parseDate('3 de abril de 1985', null)).toEqual({ ok: true, value: '1985-04-03' });
    expect(parseDate('April 3, 1985', null)).toEqual({ ok: true, value: '1985-04-03' });
    expect(parseDate('25/03/1985', null)).toEqual({ ok: true, value: '1985-03-25' });
    expect(said(parseDate('03/04/1985', null))).toMatchObject({ ok: false, reason: expect.stringMatching(/day\/month or month\/day/) });
    expect(parseDate('03/04/1985', 'DMY')).toEqual({ ok: true, value: '1985-04-03' });
    expect(parseDate('03/04/1985', 'MDY')).toEqual({ ok: true, value: '1985-03-04' });
    expect(parseDate('25/03/1985', 'MDY')).toMatchObject({ ok: false });
    expect(parseDate('29/02/2023', 'DMY')).toMatchObject({ ok: false });
    expect(parseDate('29/02/2024', 'DMY')).toEqual({ ok: true, value: '2024-02-29' });
    expect(said(parseDate('03/04/85', 'DMY'))).toMatchObject({ ok: false, reason: expect.stringMatching(/two-digit year/) });
    expect(parseDate('soon', null)).toMatchObject({ ok: false });
  });

  it('detects the order from the cells that settle it, and asks when none does or they disagree', () => {
    const of = (cells: string[]) => {
      const evidence = noEvidence();
      for (const cell of cells) addEvidence(evidence, cell);
      return detectDateFormat(evidence);
    };
    expect(of(['03/04/1985', '25/12/1990'])).toEqual({ format: 'DMY', status: 'detected' });
    expect(of(['03/04/1985', '12/25/1990'])).toEqual({ format: 'MDY', status: 'detected' });
    expect(of(['03/04/1985', '05/06/1990'])).toEqual({ format: null, status: 'needed' });
    expect(of(['25/03/1985', '12/25/1990'])).toEqual({ format: null, status: 'conflict' });
    expect(of(['1985-03-25'])).toEqual({ format: 'YMD', status: 'detected' });
    expect(of([])).toEqual({ format: null, status: 'none' });
  });
});

describe('countries, languages and words', () => {
  it('reads countries by code or by name in four languages', () => {
    for (const text of ['HT', 'ht', 'Haiti', 'Haïti', 'HAITÍ']) expect(parseCountry(text)).toEqual({ ok: true, value: 'HT' });
    expect(parseCountry('Brasil')).toEqual({ ok: true, value: 'BR' });
    expect(parseCountry('Estados Unidos')).toEqual({ ok: true, value: 'US' });
    expect(parseCountry('Atlantis')).toMatchObject({ ok: false });
  });

  it('reads sexes and numbers in the four languages', () => {
    expect(parseWord('Femenino', SEX_WORDS, importsText('what.sex'))).toEqual({ ok: true, value: 'female' });
    expect(parseWord('H', SEX_WORDS, importsText('what.sex'))).toEqual({ ok: true, value: 'male' });
    expect(parseWord('x', SEX_WORDS, importsText('what.sex'))).toMatchObject({ ok: false });
    expect(parseWholeNumber('80 %', 0, 100)).toEqual({ ok: true, value: 80 });
    expect(parseWholeNumber('101', 0, 100)).toMatchObject({ ok: false });
    expect(parseWholeNumber('8.5', 0, 100)).toMatchObject({ ok: false });
  });
});

describe('headers', () => {
  it('matches headers by synonym in English, Spanish, French and Portuguese, ignoring case, accents and notes', () => {
    expect(headerKey('Fecha de Nacimiento (dd/mm/aaaa)')).toBe('fecha de nacimiento');
    const fields = (headers: string[]) => suggestMapping('people', headers).map((m) => m.field);
    expect(fields(['Nombre', 'Apellido', 'Correo electrónico'])).toEqual(['givenName', 'familyName', 'email']);
    expect(fields(['Prénom', 'Nom', 'Courriel', 'Date de naissance'])).toEqual(['givenName', 'familyName', 'email', 'dateOfBirth']);
    expect(fields(['Nome', 'Sobrenome', 'Data de nascimento', 'Idiomas'])).toEqual(['givenName', 'familyName', 'dateOfBirth', 'languages']);
    expect(fields(['First name', 'Surname', 'Agency', 'DOB'])).toEqual(['givenName', 'familyName', 'organization', 'dateOfBirth']);
    expect(suggestMapping('people', ['Col A', 'Nombre'], { 'col a': 'familyName' })).toEqual([
      { column: 0, field: 'familyName' },
      { column: 1, field: 'givenName' },
    ]);
    expect(missingRequired('people', [{ column: 0, field: 'givenName' }])).toEqual(['familyName']);
    expect(missingRequired('enrollments', [{ column: 0, field: 'email' }])).toEqual([]);
  });

  it('matches the headers a Haitian administrator writes, for every kind of import', () => {
    const fields = (kind: Parameters<typeof suggestMapping>[0], headers: string[]) => suggestMapping(kind, headers).map((m) => m.field);
    expect(fields('people', ['Non', 'Siyati', 'Ajans', 'Grad', 'Imèl', 'Telefòn', 'Sèks', 'Dat nesans', 'Estati', 'Lang', 'Peyi orijin', 'Espesyalite', 'Nòt'])).toEqual([
      'givenName', 'familyName', 'organization', 'rankTitle', 'email', 'phone', 'sex', 'dateOfBirth', 'status', 'languages', 'heritageCountries', 'specialties', 'notes',
    ]);
    expect(fields('people', ['Nimewo paspò', 'Dat emisyon paspò', 'Dat ekspirasyon paspò', 'Egzamen medikal', 'Nivo otorizasyon sekirite', 'Dat otorizasyon sekirite', 'Otorizasyon ajans', 'Fòmasyon anvan deplwaman'])).toEqual([
      'passportNumber', 'passportIssuedOn', 'passportExpiresOn', 'medicalClearanceOn', 'securityClearance', 'securityClearanceOn', 'agencyReleaseOn', 'predeploymentTrainingOn',
    ]);
    expect(fields('organizations', ['Non', 'Sig', 'Tip', 'Peyi', 'Depatman', 'Vil', 'Òganizasyon manman', 'Sit entènèt', 'Deskripsyon'])).toEqual([
      'name', 'acronym', 'kind', 'country', 'subdivision', 'city', 'parent', 'website', 'description',
    ]);
    expect(fields('enrollments', ['Idantifyan moun', 'Imèl', 'Non', 'Siyati', 'Ajans', 'Dat nesans', 'Prezans', 'Nòt egzamen', 'Estati'])).toEqual([
      'personId', 'email', 'givenName', 'familyName', 'organization', 'dateOfBirth', 'attendancePercent', 'score', 'status',
    ]);
    expect(fields('certifications', ['Imèl', 'Kalifikasyon', 'Dat yo bay li'])).toEqual(['email', 'credential', 'issuedOn']);
  });

  it('reads Haitian Creole values: months, countries, sexes and statuses', () => {
    expect(parseDate('20 desanm 2031', null)).toEqual({ ok: true, value: '2031-12-20' });
    expect(parseDate('3 fevriye 1985', null)).toEqual({ ok: true, value: '1985-02-03' });
    expect(parseCountry('Ayiti')).toEqual({ ok: true, value: 'HT' });
    expect(parseCountry('Repiblik Dominikèn')).toEqual({ ok: true, value: 'DO' });
    expect(parseWord('Gason', SEX_WORDS, importsText('what.sex'))).toEqual({ ok: true, value: 'male' });
    expect(parseWord('Fanm', SEX_WORDS, importsText('what.sex'))).toEqual({ ok: true, value: 'female' });
    expect(parseWord('Pran retrèt', PERSON_STATUS_WORDS, importsText('what.personStatus'))).toEqual({ ok: true, value: 'retired' });
  });
});

describe('reading text files', () => {
  it('tells encodings by their marks and bytes, and delimiters by agreement', () => {
    expect(detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x41]))).toBe('utf-8');
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x41, 0]))).toBe('utf-16le');
    expect(detectEncoding(Buffer.from('Désir, João', 'utf8'))).toBe('utf-8');
    expect(detectEncoding(Buffer.from('Given,Family\nJos\xe9,D\xe9sir\n', 'latin1'))).toBe('windows-1252');
    expect(detectEncoding(Buffer.from('Given name,Family name\n', 'utf16le'))).toBe('utf-16le');
    expect(detectDelimiter('a;b;c\n1;2;3\n')).toBe(';');
    expect(detectDelimiter('a\tb\n1\t2\n')).toBe('\t');
    expect(detectDelimiter('"a,b";c\n"1,2";3\n')).toBe(';');
  });
});

describe('languages as people write them', () => {
  const unknown = (language: string) => ({ language, speaking: null, reading: null });
  const codes = (text: string) => {
    const parsed = parseLanguages(text);
    if (!parsed.ok) throw new Error(`${text}: ${parsed.reason}`);
    return parsed.value.map((l) => l.language);
  };

  it('reads a language by its code or its name in English, Spanish, French, Portuguese or Haitian Creole, case and accents aside', () => {
    const names: Record<string, string[]> = {
      es: ['es', 'ES', 'Spanish', 'español', 'ESPAÑOL', 'espanol', 'Espagnol', 'espanhol', 'panyòl', 'panyol', 'castellano'],
      en: ['en', 'English', 'inglés', 'ingles', 'anglais', 'inglês', 'angle', 'anglè'],
      fr: ['fr', 'French', 'francés', 'français', 'francais', 'francês', 'fransè'],
      pt: ['pt', 'Portuguese', 'portugués', 'portugais', 'português', 'pòtigè'],
      ht: ['ht', 'Haitian Creole', 'Kreyòl ayisyen', 'kreyol', 'criollo haitiano', 'créole haïtien', 'crioulo haitiano', 'Creole'],
      ar: ['Arabic', 'árabe', 'arabe', 'arab'],
    };
    for (const [code, spellings] of Object.entries(names)) {
      for (const text of spellings) expect(parseLanguages(text), text).toEqual({ ok: true, value: [unknown(code)] });
    }
  });

  it('records a language written without a level with its levels unknown', () => {
    expect(parseLanguages('es, en')).toEqual({ ok: true, value: [unknown('es'), unknown('en')] });
    expect(parseLanguages('español')).toEqual({ ok: true, value: [unknown('es')] });
    expect(parseLanguages('fr:1; en')).toEqual({ ok: true, value: [{ language: 'fr', speaking: '1', reading: '1' }, unknown('en')] });
  });

  it('separates languages by commas, semicolons, new lines, "&", a slash between names, and "and" in the five languages', () => {
    expect(codes('es; en\nfr')).toEqual(['es', 'en', 'fr']);
    expect(codes('Portuguese & English')).toEqual(['pt', 'en']);
    expect(codes('español/inglés')).toEqual(['es', 'en']);
    expect(codes('Spanish and French')).toEqual(['es', 'fr']);
    expect(codes('español y francés')).toEqual(['es', 'fr']);
    expect(codes('anglais et français')).toEqual(['en', 'fr']);
    expect(codes('inglês e espanhol')).toEqual(['en', 'es']);
    expect(codes('angle ak fransè')).toEqual(['en', 'fr']);
    // A name that holds a space or brackets stays whole.
    expect(codes('Kurdî (Kurmancî), Haitian Creole')).toEqual(['ku', 'ht']);
  });

  it('reads ILR levels in the forms already accepted: one for both, or speaking/reading', () => {
    const level = (language: string, speaking: string | null, reading: string | null) => ({ language, speaking, reading });
    expect(parseLanguages('es:3')).toEqual({ ok: true, value: [level('es', '3', '3')] });
    expect(parseLanguages('es 2+/2')).toEqual({ ok: true, value: [level('es', '2+', '2')] });
    expect(parseLanguages('Spanish 2+')).toEqual({ ok: true, value: [level('es', '2+', '2+')] });
    expect(parseLanguages('es:2+/2; fr:1')).toEqual({ ok: true, value: [level('es', '2+', '2'), level('fr', '1', '1')] });
    expect(parseLanguages('Kreyòl 3, Español 2+/1+')).toEqual({ ok: true, value: [level('ht', '3', '3'), level('es', '2+', '1+')] });
    expect(parseLanguages('Kreyòl S3 R2')).toEqual({ ok: true, value: [level('ht', '3', '2')] });
    expect(parseLanguages('Kreyòl S3/R2')).toEqual({ ok: true, value: [level('ht', '3', '2')] });
    expect(parseLanguages('ht (4)')).toEqual({ ok: true, value: [level('ht', '4', '4')] });
    expect(parseLanguages('Haitian Creole 3')).toEqual({ ok: true, value: [level('ht', '3', '3')] });
    expect(parseLanguages('es=1+')).toEqual({ ok: true, value: [level('es', '1+', '1+')] });
  });

  it('reads back what the people export writes, levels unknown included', () => {
    const skills = [
      { language: 'es', speaking: '3', reading: '2+' },
      { language: 'ht', speaking: null, reading: null },
      { language: 'fr', speaking: '2', reading: null },
    ] as const;
    const text = skills.map(languageSkillText).join('; ');
    expect(text).toBe('es S3/R2+; ht (level unknown); fr S2/R?');
    expect(parseLanguages(text)).toEqual({ ok: true, value: skills });
    for (const word of ['?', 'unknown', 'desconocido', 'inconnu', 'desconhecido', 'enkoni']) expect(parseLanguages(`es (${word})`), word).toEqual({ ok: true, value: [unknown('es')] });
  });

  it('names the word it does not know as a language, and the level it cannot read', () => {
    expect(said(parseLanguages('klingon'))).toEqual({ ok: false, reason: '“klingon” is not a language Cadre knows: write its code (es) or its name (Spanish, español)' });
    expect(said(parseLanguages('es, Klingon 3'))).toMatchObject({ ok: false, reason: expect.stringMatching(/^“Klingon 3” is not a language Cadre knows/) });
    expect(said(parseLanguages('xx'))).toMatchObject({ ok: false, reason: expect.stringMatching(/^“xx” is not a language/) });
    expect(said(parseLanguages('Spanish (native)'))).toMatchObject({ ok: false, reason: expect.stringMatching(/^gives “native” as the level of Spanish: write an ILR level/) });
    expect(said(parseLanguages('es 6'))).toMatchObject({ ok: false, reason: expect.stringMatching(/^gives “6” as the level of Spanish/) });
    expect(said(parseLanguages('ht 5+'))).toMatchObject({ ok: false, reason: expect.stringMatching(/outside 0 to 5/) });
    expect(said(parseLanguages('es, español 3'))).toEqual({ ok: false, reason: 'lists Spanish twice: write each language once' });
    expect(parseLanguages('')).toEqual({ ok: true, value: [] });
  });
});
