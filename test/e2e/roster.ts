import { isoDay, type SessionApi, unique } from './support.js';

/** An officer of the journey: Haitian heritage, Haitian Creole and French, community policing. */
export interface Officer {
  givenName: string;
  familyName: string;
  creole: string;
  french: string;
  /** The one officer whose pre-deployment training is not on record. */
  isMissingTraining?: boolean;
}

export function fullName(officer: Pick<Officer, 'givenName' | 'familyName'>): string {
  return `${officer.givenName} ${officer.familyName}`;
}

/** Six officers; family names carry the run's mark, so a second run finds only its own. */
export function haitiOfficers(): Officer[] {
  const mark = unique('').trim();
  return [
    { givenName: 'Jean-Baptiste', familyName: `Toussaint ${mark}`, creole: '4', french: '3' },
    { givenName: 'Marie', familyName: `Célestin ${mark}`, creole: '4', french: '3' },
    { givenName: 'Pierre', familyName: `Dorval ${mark}`, creole: '3+', french: '3' },
    { givenName: 'Nadine', familyName: `Belizaire ${mark}`, creole: '3', french: '2+' },
    { givenName: 'Rodney', familyName: `Estimé ${mark}`, creole: '3', french: '2' },
    { givenName: 'Guerda', familyName: `Lafontant ${mark}`, creole: '4', french: '3', isMissingTraining: true },
  ];
}

export async function createAgency(api: SessionApi, name: string, acronym = 'NYPD'): Promise<string> {
  const agency = await api.post('/organizations', { name, acronym, kind: 'municipal_police', country: 'US', subdivision: 'US-NY', city: 'New York' });
  return agency.id;
}

export async function createHost(api: SessionApi, name: string): Promise<string> {
  const host = await api.post('/organizations', { name, acronym: 'PNH', kind: 'foreign_police', country: 'HT', city: 'Port-au-Prince' });
  return host.id;
}

/**
 * Puts an officer on the roster with a passport valid five years, a medical clearance from last
 * month and, unless they are the one left unready, pre-deployment training done.
 */
export async function createOfficer(api: SessionApi, organizationId: string, officer: Officer): Promise<string> {
  const person = await api.post('/people', {
    organizationId,
    givenName: officer.givenName,
    familyName: officer.familyName,
    rankTitle: 'Police Officer',
    languages: [
      { language: 'en', speaking: '5', reading: '5' },
      { language: 'ht', speaking: officer.creole, reading: '3' },
      { language: 'fr', speaking: officer.french, reading: '2' },
    ],
    heritageCountries: ['HT'],
    specialties: ['community policing'],
  });
  // Each readiness item moves the person to their next version, named in the next change.
  let { version } = await api.put<{ version: number }>(`/people/${person.id}/readiness/passport`, { completedOn: isoDay(-400), expiresOn: isoDay(5 * 365), passportNumber: 'P4417208' }, 1);
  ({ version } = await api.put<{ version: number }>(`/people/${person.id}/readiness/medical_clearance`, { completedOn: isoDay(-30) }, version));
  if (!officer.isMissingTraining) await api.put(`/people/${person.id}/readiness/predeployment_training`, { completedOn: isoDay(-20) }, version);
  return person.id;
}
