/**
 * Invented names for demo people: ordinary given names with surnames that are plainly made up
 * (words for "sample", "example", "test" and the like), so nobody can take them for a real officer.
 */

const GIVEN = {
  en: ['Alex', 'Brooke', 'Casey', 'Dana', 'Elliot', 'Frances', 'Glen', 'Harper', 'Ira', 'Jordan', 'Kendall', 'Logan', 'Morgan', 'Noel', 'Oakley', 'Parker', 'Quinn', 'Reese', 'Sydney', 'Taylor', 'Val', 'Wren', 'Avery', 'Blair'],
  es: ['Ana', 'Bernardo', 'Carmen', 'Diego', 'Elena', 'Fernando', 'Gloria', 'Héctor', 'Inés', 'Javier', 'Lucía', 'Mario', 'Nora', 'Óscar', 'Paula', 'Ramón', 'Sofía', 'Tomás'],
  pt: ['Ana', 'Bruno', 'Camila', 'Daniel', 'Eduarda', 'Fábio', 'Gabriela', 'Heitor', 'Isabela', 'João', 'Larissa', 'Marcos', 'Natália', 'Otávio', 'Patrícia', 'Rafael', 'Simone', 'Tiago'],
} as const;

const SURNAMES = {
  en: ['Sampleton', 'Mockridge', 'Testwood', 'Fauxley', 'Dummond', 'Stubbins', 'Placeworth', 'Fictor', 'Examplar', 'Pseudomore', 'Drafton', 'Protoford', 'Specimew', 'Trialby', 'Modelton'],
  es: ['Ejemplar', 'Ficticio', 'Muestrario', 'Inventado', 'de Prueba', 'Modelo', 'Borrador', 'Ensayo', 'Maqueta', 'Supuesto'],
  pt: ['Exemplar', 'Fictício', 'Amostra', 'Inventado', 'de Teste', 'Modelo', 'Rascunho', 'Ensaio', 'Maquete', 'Suposto'],
} as const;

export type NameLanguage = keyof typeof GIVEN;

/** The n-th invented person of a language: unique for the first |given| × |surnames| of them. */
export function inventedName(language: NameLanguage, n: number): { givenName: string; familyName: string; sex: 'female' | 'male' } {
  const given = GIVEN[language];
  const surnames = SURNAMES[language];
  const givenName = given[n % given.length] as string;
  return {
    givenName,
    familyName: surnames[Math.floor(n / given.length) % surnames.length] as string,
    // The given-name lists alternate, so the demo's figures by sex are not all one way.
    sex: n % 2 === 0 ? 'female' : 'male',
  };
}
