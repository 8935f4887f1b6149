/**
 * The form of a name used to search and to spot duplicates: case, accents and spacing do not
 * count, so "Police Nationale d'Haïti" and "police nationale d'haiti " are the same name.
 * Non-Latin scripts are kept as they are.
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
