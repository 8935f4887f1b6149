import i18next from 'i18next';

/**
 * The API's schemas, which forms validate with, state some rules in their own English sentence
 * ("must be an ISO 3166-2 subdivision code, such as US-NY"). The server's catalogs hold each
 * such sentence in every language; a form shows the one in its reader's language. The catalogs
 * load only for a language other than English, as their own chunks.
 */
type Catalog = Record<string, string>;
// As text, parsed here: the server's modules import the same files as JSON modules (with import
// attributes, which a glob cannot give), and the bundler warns of a file imported both ways.
const texts = import.meta.glob<string>('../../../../src/**/messages/**/*.json', { query: '?raw', import: 'default' });
const catalogs = Object.fromEntries(Object.entries(texts).map(([file, load]) => [file, async (): Promise<Catalog> => JSON.parse(await load()) as Catalog]));

let wording = new Map<string, string>();
let loadedFor = 'en';
let requested = 'en';

const localeOfPath = (file: string) => /\/([a-z]{2})\.json$/.exec(file)?.[1];

/** Loads the sentences of a language (the app calls it as the language changes). */
export async function loadSchemaWording(language: string): Promise<void> {
  requested = language;
  if (language === loadedFor) return;
  if (language === 'en') {
    wording = new Map();
    loadedFor = 'en';
    return;
  }
  const englishFiles = Object.keys(catalogs).filter((file) => localeOfPath(file) === 'en');
  const pairs = await Promise.all(
    englishFiles.map(async (file) => {
      const translated = file.replace(/en\.json$/, `${language}.json`);
      const loadTranslated = catalogs[translated];
      const loadEnglish = catalogs[file];
      if (!loadTranslated || !loadEnglish) return [] as [string, string][];
      const [english, other] = await Promise.all([loadEnglish(), loadTranslated()]);
      return Object.entries(english).flatMap(([key, sentence]) => (!sentence.includes('{{') && other[key] ? [[sentence, other[key]] as [string, string]] : []));
    }),
  );
  // A later choice of language wins over a slower load of an earlier one.
  if (requested !== language) return;
  wording = new Map(pairs.flat());
  loadedFor = language;
}

i18next.on('languageChanged', (language) => void loadSchemaWording(language));
if (i18next.language) void loadSchemaWording(i18next.language);

/** A schema's sentence in the reader's language, once its catalogs have loaded; anything else as it came. */
export function inReadersWords(message: string): string {
  return wording.get(message) ?? message;
}

/** Every message of a form's errors (rows and nested fields too) in the reader's words. */
export function wordErrors(errors: unknown): void {
  if (!errors || typeof errors !== 'object') return;
  const error = errors as { message?: unknown };
  if (typeof error.message === 'string') error.message = inReadersWords(error.message);
  for (const [key, value] of Object.entries(errors)) if (key !== 'ref' && key !== 'message') wordErrors(value);
}
