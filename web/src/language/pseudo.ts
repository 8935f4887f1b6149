/**
 * The pseudo-locale (`en-XA`), made from the English catalog when it is asked for: every letter
 * accented, each string 40 % longer and between ⟦ ⟧, so text that overflows its box, or that
 * never went through the catalog (it shows plain), stands out. Placeholders (`{{name}}`), nested
 * keys (`$t(…)`) and markup tags are left exactly as they are.
 */

const ACCENTED: Record<string, string> = {
  a: 'á', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'í', j: 'ĵ', k: 'ķ', l: 'ļ', m: 'ɱ',
  n: 'ñ', o: 'ö', p: 'þ', q: 'ǫ', r: 'ŕ', s: 'š', t: 'ţ', u: 'ú', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Á', B: 'Ɓ', C: 'Ç', D: 'Ð', E: 'É', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Í', J: 'Ĵ', K: 'Ķ', L: 'Ļ', M: 'Ṁ',
  N: 'Ñ', O: 'Ö', P: 'Þ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ţ', U: 'Ú', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
};

export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';

/** What is left untouched: `{{placeholders}}`, `$t(nested keys)` and `<tags>`. */
const UNTOUCHED = /(\{\{[^}]*\}\}|\$t\([^)]*\)|<[^>]*>)/;

export function pseudoString(text: string): string {
  // Nothing to say stays nothing (a hint English leaves empty).
  if (text === '') return text;
  let letters = 0;
  const parts = text.split(UNTOUCHED).map((part, index) => {
    if (index % 2 === 1) return part;
    letters += part.length;
    return part.replace(/[a-zA-Z]/g, (letter) => ACCENTED[letter] ?? letter);
  });
  const padding = Math.ceil(letters * 0.4);
  return `${PSEUDO_OPEN}${parts.join('')}${padding > 0 ? ` ${'·'.repeat(Math.max(padding - 1, 1))}` : ''}${PSEUDO_CLOSE}`;
}

export type Catalog = { [key: string]: string | Catalog };

/** The whole catalog, key for key. */
export function pseudoLocalize<T extends Catalog>(catalog: T): T {
  return Object.fromEntries(
    Object.entries(catalog).map(([key, value]) => [key, typeof value === 'string' ? pseudoString(value) : pseudoLocalize(value)]),
  ) as T;
}
