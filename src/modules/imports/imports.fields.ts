import { searchKey } from '../../platform/text.js';
import * as enums from '../../platform/db/enums.js';
import type { Localizable } from '../../platform/i18n/messages.js';
import { importsText } from './imports.messages.js';

/**
 * What each kind of import takes, column by column, and the header names people give those
 * columns in English, Spanish, French, Portuguese and Haitian Creole. A header is matched after case, accents,
 * punctuation and anything in brackets are set aside: "Fecha de nacimiento (dd/mm/aaaa)" is
 * "fecha de nacimiento".
 */

export const IMPORT_KINDS = enums.IMPORT_KINDS;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface FieldDefinition {
  key: string;
  label: string;
  description: string;
  /** Header names, in any of the five languages. */
  synonyms: readonly string[];
  isDate?: boolean;
  /** A value never kept or shown in clear outside its record (a passport number): masked in previews and problems. */
  isSecret?: boolean;
}

export interface KindDefinition {
  kind: ImportKind;
  label: string;
  fields: readonly FieldDefinition[];
  /** Alternatives: the mapping must cover every field of at least one. */
  requires: readonly (readonly string[])[];
}

const PERSON_KEY_FIELDS: FieldDefinition[] = [
  { key: 'personId', label: 'Cadre person id', description: 'The person’s id in Cadre, when the file has it.', synonyms: ['person id', 'cadre id', 'id', 'id moun', 'idantifyan', 'idantifyan cadre', 'idantifyan moun'] },
  {
    key: 'email',
    label: 'Email',
    description: 'Finds the person (or, for people, is stored).',
    synonyms: ['email', 'e mail', 'email address', 'e mail address', 'mail', 'correo', 'correo electronico', 'courriel', 'adresse electronique', 'adresse courriel', 'adresse e mail', 'mel', 'correio eletronico', 'endereco de email', 'imèl', 'adrès imèl', 'kourye elektwonik'],
  },
  {
    key: 'givenName',
    label: 'Given name',
    description: 'First name(s).',
    synonyms: ['given name', 'given names', 'first name', 'first names', 'firstname', 'forename', 'forenames', 'nombre', 'nombres', 'primer nombre', 'prenom', 'prenoms', 'nome', 'primeiro nome', 'nomes', 'pre nome', 'non', 'ti non', 'prenon'],
  },
  {
    key: 'familyName',
    label: 'Family name',
    description: 'Last name(s).',
    synonyms: ['family name', 'family names', 'last name', 'last names', 'lastname', 'surname', 'surnames', 'apellido', 'apellidos', 'primer apellido', 'nom', 'nom de famille', 'noms', 'sobrenome', 'sobrenomes', 'apelido', 'ultimo nome', 'siyati', 'non fanmi'],
  },
  {
    key: 'organization',
    label: 'Agency',
    description: 'The agency: its name, acronym or Cadre id. Without it, the agency chosen for the import.',
    synonyms: ['organization', 'organisation', 'agency', 'department', 'dept', 'employer', 'unit', 'organizacion', 'agencia', 'institucion', 'dependencia', 'entidad', 'agence', 'institution', 'service', 'organizacao', 'orgao', 'instituicao', 'òganizasyon', 'ajans', 'enstitisyon'],
  },
  {
    key: 'dateOfBirth',
    label: 'Date of birth',
    description: 'With the name and agency, finds a person who has no email.',
    synonyms: ['date of birth', 'birth date', 'birthdate', 'dob', 'born', 'fecha de nacimiento', 'fecha nacimiento', 'fecha nac', 'fec nac', 'f nac', 'nacimiento', 'f nacimiento', 'date de naissance', 'naissance', 'ne le', 'nee le', 'data de nascimento', 'nascimento', 'data nasc', 'dat nesans', 'dat li fèt', 'fèt le'],
    isDate: true,
  },
];

/**
 * Readiness a roster brings: the items deployments check, each with its date. They go through
 * the same rules, encryption and audit as readiness entered on the person page.
 */
const READINESS_FIELDS: FieldDefinition[] = [
  {
    key: 'passportNumber',
    label: 'Passport number',
    description: 'Capital letters and digits (spaces and dashes are dropped); kept encrypted and shown masked.',
    isSecret: true,
    synonyms: ['passport number', 'passport no', 'passport', 'passport #', 'numero de pasaporte', 'no de pasaporte', 'pasaporte', 'num pasaporte', 'numero de passeport', 'no de passeport', 'passeport', 'numero do passaporte', 'passaporte', 'nimewo paspò', 'paspò', 'nimewo paspò a'],
  },
  {
    key: 'passportIssuedOn',
    label: 'Passport issued on',
    description: 'Optional: a passport may be recorded with its expiry alone.',
    synonyms: ['passport issued', 'passport issue date', 'passport issued on', 'fecha de emision del pasaporte', 'emision pasaporte', 'expedicion pasaporte', 'fecha de expedicion del pasaporte', 'date de delivrance du passeport', 'passeport delivre le', 'data de emissao do passaporte', 'emissao passaporte', 'dat emisyon paspò', 'dat paspò a soti', 'paspò bay le'],
    isDate: true,
  },
  {
    key: 'passportExpiresOn',
    label: 'Passport expires on',
    description: 'Required with a passport: deployments need it valid six months past their end.',
    synonyms: ['passport expiry', 'passport expiration', 'passport expires', 'passport expires on', 'passport expiry date', 'passport expiration date', 'passport valid until', 'vencimiento pasaporte', 'vencimiento del pasaporte', 'fecha de vencimiento del pasaporte', 'caducidad pasaporte', 'caducidad del pasaporte', 'pasaporte vence', 'expiration passeport', 'expiration du passeport', 'date d expiration du passeport', 'passeport valide jusqu au', 'validade do passaporte', 'data de validade do passaporte', 'vencimento do passaporte', 'passaporte valido ate', 'dat ekspirasyon paspò', 'paspò ekspire', 'paspò valab jiska'],
    isDate: true,
  },
  {
    key: 'medicalClearanceOn',
    label: 'Medical clearance on',
    description: 'The day of the medical clearance; a deployment needs it under twelve months old.',
    synonyms: ['medical clearance', 'medical clearance date', 'medical', 'medical exam', 'medical exam date', 'aptitud medica', 'certificado medico', 'examen medico', 'fecha examen medico', 'fecha del examen medico', 'aptitude medicale', 'visite medicale', 'certificat medical', 'date de la visite medicale', 'atestado medico', 'exame medico', 'data do exame medico', 'aptidao medica', 'egzamen medikal', 'sètifika medikal', 'apwobasyon medikal', 'dat egzamen medikal'],
    isDate: true,
  },
  {
    key: 'securityClearance',
    label: 'Security clearance level',
    description: 'Such as Secret; recorded with the day it was granted.',
    synonyms: ['security clearance', 'security clearance level', 'clearance', 'clearance level', 'nivel de autorizacion de seguridad', 'autorizacion de seguridad', 'habilitacion de seguridad', 'nivel de seguridad', 'habilitation de securite', 'niveau d habilitation', 'habilitation', 'credencial de seguranca', 'habilitacao de seguranca', 'nivel de seguranca', 'otorizasyon sekirite', 'nivo sekirite', 'nivo otorizasyon sekirite'],
  },
  {
    key: 'securityClearanceOn',
    label: 'Security clearance granted on',
    description: 'The day the clearance was granted.',
    synonyms: ['security clearance date', 'clearance date', 'clearance granted', 'security clearance granted', 'fecha de autorizacion de seguridad', 'fecha de habilitacion', 'date d habilitation', 'date de l habilitation de securite', 'data da habilitacao', 'data da credencial de seguranca', 'dat otorizasyon sekirite', 'dat otorizasyon'],
    isDate: true,
  },
  {
    key: 'agencyReleaseOn',
    label: 'Agency release on',
    description: 'The day the agency released the person for deployment.',
    synonyms: ['agency release', 'agency release date', 'release', 'release date', 'released', 'liberacion de la agencia', 'autorizacion de la institucion', 'permiso institucional', 'fecha de liberacion', 'autorisation de l employeur', 'liberation de l agence', 'date de liberation', 'liberacao do orgao', 'autorizacao da instituicao', 'data de liberacao', 'otorizasyon ajans', 'liberasyon ajans', 'dat otorizasyon ajans'],
    isDate: true,
  },
  {
    key: 'predeploymentTrainingOn',
    label: 'Pre-deployment training on',
    description: 'The day pre-deployment training was completed; it must be done by a deployment’s start.',
    synonyms: ['pre deployment training', 'predeployment training', 'pre deployment training date', 'pre deployment', 'capacitacion previa al despliegue', 'capacitacion pre despliegue', 'entrenamiento previo al despliegue', 'curso pre despliegue', 'formation pre deploiement', 'formation avant deploiement', 'formation prealable au deploiement', 'treinamento pre desdobramento', 'treinamento pre implantacao', 'capacitacao pre missao', 'fòmasyon anvan deplwaman', 'dat fòmasyon anvan deplwaman'],
    isDate: true,
  },
];

const byKey = (key: string) => PERSON_KEY_FIELDS.find((f) => f.key === key) as FieldDefinition;

const PEOPLE: KindDefinition = {
  kind: 'people',
  label: 'People (a roster)',
  requires: [['givenName', 'familyName']],
  fields: [
    byKey('givenName'),
    byKey('familyName'),
    byKey('organization'),
    {
      key: 'rankTitle',
      label: 'Rank or title',
      description: 'Such as Sergeant or Deputy Warden.',
      synonyms: ['rank', 'title', 'rank title', 'position', 'grade', 'job title', 'rango', 'grado', 'cargo', 'puesto', 'jerarquia', 'titre', 'fonction', 'poste', 'posto', 'patente', 'funcao', 'graduacao', 'ran', 'grad', 'fonksyon', 'pozisyon', 'grad oswa fonksyon'],
    },
    { ...byKey('email'), description: 'Finds the person again on the next import; stored in lower case.' },
    { key: 'phone', label: 'Phone', description: '', synonyms: ['phone', 'telephone', 'phone number', 'mobile', 'cell', 'cell phone', 'tel', 'telefono', 'celular', 'movil', 'portable', 'numero de telephone', 'telefone', 'telemovel', 'telefòn', 'nimewo telefòn', 'selilè'] },
    { key: 'sex', label: 'Sex', description: 'female or male (F/M, femenino, féminin, feminino …); optional.', synonyms: ['sex', 'gender', 'sexo', 'genero', 'sexe', 'genre', 'sèks', 'sekse'] },
    byKey('dateOfBirth'),
    { key: 'status', label: 'Status', description: 'active, inactive or retired.', synonyms: ['status', 'state', 'estado', 'situacion', 'statut', 'etat', 'situacao', 'estati', 'sitiyasyon'] },
    {
      key: 'languages',
      label: 'Languages',
      description: 'Codes or names in any of five languages, with or without ILR levels: `es, en`, `español`, `es:2+/2; fr:1`. Without a level, it is recorded as unknown.',
      synonyms: ['languages', 'language', 'language skills', 'idiomas', 'idioma', 'lenguas', 'langues', 'langue', 'linguas', 'lingua', 'lang', 'lang yo', 'lang pale', 'lang li pale'],
    },
    {
      key: 'heritageCountries',
      label: 'Heritage countries',
      description: 'Countries by name or code, separated by semicolons.',
      synonyms: ['heritage', 'heritage countries', 'heritage country', 'country of origin', 'origin', 'pais de origen', 'origen', 'herencia', 'pays d origine', 'origine', 'pais de origem', 'origem', 'peyi orijin', 'orijin', 'peyi lorijin'],
    },
    { key: 'specialties', label: 'Specialties', description: 'Separated by semicolons.', synonyms: ['specialties', 'specialities', 'specialty', 'speciality', 'skills', 'expertise', 'especialidades', 'especialidad', 'specialites', 'specialite', 'competences', 'especialidade', 'espesyalite', 'konpetans'] },
    { key: 'notes', label: 'Notes', description: '', synonyms: ['notes', 'note', 'comments', 'comment', 'remarks', 'notas', 'observaciones', 'comentarios', 'remarques', 'commentaires', 'observations', 'observacoes', 'nòt', 'remak', 'kòmantè'] },
    ...READINESS_FIELDS,
  ],
};

const ORGANIZATIONS: KindDefinition = {
  kind: 'organizations',
  label: 'Organizations (partners)',
  requires: [['name', 'kind', 'country']],
  fields: [
    {
      key: 'name',
      label: 'Name',
      description: 'Finds the organization again on the next import.',
      synonyms: ['name', 'organization', 'organisation', 'organization name', 'agency', 'agency name', 'nombre', 'organizacion', 'institucion', 'nom', 'nome', 'organizacao', 'instituicao', 'non', 'non òganizasyon', 'non ajans'],
    },
    { key: 'acronym', label: 'Acronym', description: '', synonyms: ['acronym', 'abbreviation', 'short name', 'sigla', 'siglas', 'acronimo', 'sigle', 'acronyme', 'sig', 'akwonim'] },
    { key: 'kind', label: 'Kind', description: 'Such as municipal police, state corrections, foreign police, academy.', synonyms: ['kind', 'type', 'organization type', 'agency type', 'tipo', 'tipo de organizacion', 'type d organisation', 'tip', 'tip òganizasyon', 'kalite'] },
    { key: 'country', label: 'Country', description: 'Name or ISO code.', synonyms: ['country', 'nation', 'pais', 'pays', 'peyi', 'nasyon'] },
    { key: 'subdivision', label: 'State or province', description: 'ISO 3166-2 code, such as US-NY or NY.', synonyms: ['subdivision', 'state', 'province', 'region', 'state code', 'estado', 'provincia', 'departamento', 'etat', 'departement', 'uf', 'depatman', 'eta', 'pwovens'] },
    { key: 'city', label: 'City', description: '', synonyms: ['city', 'town', 'municipality', 'ciudad', 'municipio', 'ville', 'commune', 'cidade', 'vil', 'komin'] },
    { key: 'parent', label: 'Parent organization', description: 'Its name or Cadre id.', synonyms: ['parent', 'parent organization', 'parent agency', 'organizacion superior', 'organisation mere', 'organizacao superior', 'òganizasyon manman', 'ajans manman'] },
    { key: 'website', label: 'Website', description: 'http or https URL.', synonyms: ['website', 'web', 'url', 'site', 'web site', 'sitio web', 'pagina web', 'site web', 'site internet', 'sit web', 'sit entènèt'] },
    { key: 'description', label: 'Description', description: '', synonyms: ['description', 'about', 'descripcion', 'descricao', 'deskripsyon', 'prezantasyon'] },
  ],
};

const ENROLLMENTS: KindDefinition = {
  kind: 'enrollments',
  label: 'Enrollments and attendance (one offering)',
  requires: [['personId'], ['email'], ['givenName', 'familyName']],
  fields: [
    ...PERSON_KEY_FIELDS,
    {
      key: 'attendancePercent',
      label: 'Attendance %',
      description: '0 to 100.',
      synonyms: ['attendance', 'attendance percent', 'attendance %', 'attended', 'percent attendance', 'asistencia', 'porcentaje de asistencia', 'assiduite', 'presence', 'taux de presence', 'frequencia', 'presenca', 'assiduidade', 'prezans', 'pousantaj prezans'],
    },
    { key: 'score', label: 'Score', description: '0 to 100.', synonyms: ['score', 'result', 'mark', 'final score', 'exam', 'grade', 'nota', 'calificacion', 'puntaje', 'resultado', 'note', 'resultat', 'pontuacao', 'rezilta', 'nòt egzamen', 'nòt final'] },
    { key: 'status', label: 'Status', description: 'enrolled, withdrawn or no_show.', synonyms: ['status', 'estado', 'statut', 'situacao', 'estati', 'sitiyasyon'] },
  ],
};

const CERTIFICATIONS: KindDefinition = {
  kind: 'certifications',
  label: 'Certifications (awarded before Cadre)',
  requires: [
    ['personId', 'credential', 'issuedOn'],
    ['email', 'credential', 'issuedOn'],
    ['givenName', 'familyName', 'credential', 'issuedOn'],
  ],
  fields: [
    ...PERSON_KEY_FIELDS,
    {
      key: 'credential',
      label: 'Credential',
      description: 'Its name or Cadre id.',
      synonyms: ['credential', 'certification', 'certificate', 'qualification', 'credencial', 'certificacion', 'certificado', 'certificat', 'certificacao', 'sètifika', 'sètifikasyon', 'kalifikasyon'],
    },
    {
      key: 'issuedOn',
      label: 'Issued on',
      description: 'The day it was awarded.',
      synonyms: ['issued', 'issued on', 'issue date', 'date issued', 'awarded', 'awarded on', 'date', 'fecha de emision', 'emitido', 'emitido el', 'fecha', 'date de delivrance', 'delivre le', 'date d obtention', 'data de emissao', 'emitido em', 'data', 'dat emisyon', 'dat yo bay li', 'bay le'],
      isDate: true,
    },
  ],
};

export const KINDS: Record<ImportKind, KindDefinition> = { people: PEOPLE, organizations: ORGANIZATIONS, enrollments: ENROLLMENTS, certifications: CERTIFICATIONS };

/** A header as it is compared: no case, accents, punctuation or bracketed notes. */
export function headerKey(text: string): string {
  return searchKey(text.replace(/\([^)]*\)|\[[^\]]*\]/g, ' '))
    .replace(/[^\p{L}\p{N}%]+/gu, ' ')
    .trim();
}

const synonymIndex = new Map<ImportKind, Map<string, string>>(
  IMPORT_KINDS.map((kind) => {
    const index = new Map<string, string>();
    for (const field of KINDS[kind].fields) {
      index.set(headerKey(field.key), field.key);
      index.set(headerKey(field.label), field.key);
      for (const synonym of field.synonyms) if (!index.has(headerKey(synonym))) index.set(headerKey(synonym), field.key);
    }
    return [kind, index];
  }),
);

export interface ColumnMapping {
  column: number;
  field: string;
}

/**
 * A mapping from the headers: each header that names a field (by key, label or synonym) maps to
 * it, the first such column winning. A saved mapping, given, goes first.
 */
export function suggestMapping(kind: ImportKind, headers: readonly string[], saved?: Readonly<Record<string, string>>): ColumnMapping[] {
  const index = synonymIndex.get(kind) as Map<string, string>;
  const savedByKey = new Map(Object.entries(saved ?? {}).map(([header, field]) => [headerKey(header), field]));
  const taken = new Set<string>();
  const mapping: ColumnMapping[] = [];
  const fields = new Set(KINDS[kind].fields.map((f) => f.key));
  for (const pass of [savedByKey, index]) {
    headers.forEach((header, column) => {
      const field = pass.get(headerKey(header));
      if (!field || !fields.has(field) || taken.has(field) || mapping.some((m) => m.column === column)) return;
      taken.add(field);
      mapping.push({ column, field });
    });
  }
  return mapping.sort((a, b) => a.column - b.column);
}

/** The required fields the mapping leaves out, closest alternative first; empty when it covers one. */
export function missingRequired(kind: ImportKind, mapping: readonly ColumnMapping[]): string[] {
  const mapped = new Set(mapping.map((m) => m.field));
  const gaps = KINDS[kind].requires.map((alternative) => alternative.filter((field) => !mapped.has(field)));
  if (gaps.some((gap) => gap.length === 0)) return [];
  return gaps.sort((a, b) => a.length - b.length)[0] ?? [];
}

/** A field's label, in the reader's language (a key no kind has stays as it is). */
export function fieldLabel(kind: ImportKind, key: string): Localizable {
  return KINDS[kind].fields.some((f) => f.key === key) ? importsText(`field.${key}` as 'field.email') : key;
}

/** Whether a field's values are masked wherever an import shows or keeps them. */
export function isSecretField(kind: ImportKind, key: string): boolean {
  return KINDS[kind].fields.some((f) => f.key === key && f.isSecret === true);
}

/** A secret value as an import shows it: its last three characters. */
export function maskSecret(value: string): string {
  const kept = value.replace(/\s/g, '');
  return kept === '' ? '' : `••••${kept.slice(-3)}`;
}

/** The first rows of a file with the cells of secret columns masked. */
export function maskedPreview(kind: ImportKind, mapping: readonly ColumnMapping[], preview: readonly { row: number; cells: string[] }[]): { row: number; cells: string[] }[] {
  const secret = new Set(mapping.filter((m) => isSecretField(kind, m.field)).map((m) => m.column));
  return preview.map(({ row, cells }) => ({ row, cells: cells.map((cell, column) => (secret.has(column) ? maskSecret(cell) : cell)) }));
}
