const BEYOND_PLAIN_ASCII = /[^ -~\t\n\r]/;

/**
 * The form of a name used to search and to spot duplicates: case, accents and spacing do not
 * count, so "Police Nationale d'Haïti" and "police nationale d'haiti " are the same name.
 * Non-Latin scripts are kept as they are.
 */
export function searchKey(text: string): string {
  // ASCII has nothing to decompose: most keys of a roster skip the costly part.
  const bare = BEYOND_PLAIN_ASCII.test(text) ? text.normalize('NFKD').replace(/\p{M}/gu, '') : text;
  return bare.toLowerCase().replace(/\s+/g, ' ').trim();
}

