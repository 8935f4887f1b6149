import type { RequestContext } from '../platform/access.js';
import type { Services } from '../modules/index.js';
import type { CreatePersonInput } from '../modules/people/people.schemas.js';
import type { OrgKey } from './partners-2010.js';

/**
 * After the January 2010 earthquake, the NYPD sent six Haitian-American officers to Haiti in
 * August 2010 for 90 days to mentor, train and advise the Haitian National Police. The officers'
 * names are invented (their surnames are French words for "sample", "example", "model"...).
 */

type Officer = Omit<CreatePersonInput, 'organizationId' | 'status' | 'heritageCountries' | 'specialties'> & {
  specialties: string[];
};

const CREOLE_AND_FRENCH = [
  { language: 'ht', speaking: '4', reading: '3' },
  { language: 'fr', speaking: '3', reading: '3' },
  { language: 'en', speaking: '5', reading: '5' },
] as const;

const HAITI_OFFICERS: Officer[] = [
  { givenName: 'Jean-Robert', familyName: 'Échantillon', rankTitle: 'Sergeant', sex: 'male', languages: [...CREOLE_AND_FRENCH], specialties: ['community policing', 'training'] },
  { givenName: 'Marie-Carmel', familyName: 'Exemplaire', rankTitle: 'Detective', sex: 'female', languages: [...CREOLE_AND_FRENCH], specialties: ['investigations'] },
  { givenName: 'Wilner', familyName: 'Fictif', rankTitle: 'Police Officer', sex: 'male', languages: [...CREOLE_AND_FRENCH], specialties: ['patrol'] },
  { givenName: 'Guerline', familyName: 'Modèle', rankTitle: 'Police Officer', sex: 'female', languages: [...CREOLE_AND_FRENCH], specialties: ['community policing'] },
  { givenName: 'Fritzner', familyName: 'Prototype', rankTitle: 'Lieutenant', sex: 'male', languages: [...CREOLE_AND_FRENCH], specialties: ['supervision', 'training'] },
  { givenName: 'Nadège', familyName: 'Spécimen', rankTitle: 'Detective', sex: 'female', languages: [...CREOLE_AND_FRENCH], specialties: ['investigations', 'training'] },
];

/** Others on the rosters, so a search for Creole or French speakers has people to pass over. */
const OTHER_OFFICERS: (Officer & { org: OrgKey; heritageCountries: string[] })[] = [
  { org: 'nypd', givenName: 'Paulette', familyName: 'Maquette', rankTitle: 'Police Officer', sex: 'female', languages: [{ language: 'fr', speaking: '2', reading: '2' }], heritageCountries: [], specialties: ['patrol'] },
  { org: 'nypd', givenName: 'Rosario', familyName: 'Muestra', rankTitle: 'Sergeant', sex: 'male', languages: [{ language: 'es', speaking: '4', reading: '3' }], heritageCountries: ['SV'], specialties: ['training'] },
  { org: 'cpd', givenName: 'Dana', familyName: 'Placeholder', rankTitle: 'Detective', sex: 'female', languages: [{ language: 'en', speaking: '5', reading: '5' }], heritageCountries: [], specialties: ['investigations'] },
  // His agency's roster named his languages without levels: recorded as not known, and shown so.
  { org: 'cpd', givenName: 'Yves', familyName: 'Ébauche', rankTitle: 'Police Officer', sex: 'male', languages: [{ language: 'ht', speaking: null, reading: null }, { language: 'en', speaking: '5', reading: '5' }], heritageCountries: ['HT'], specialties: ['patrol'] },
];

const DEPLOYMENT_TITLE = 'Haiti: mentoring the Haitian National Police after the earthquake';
const START = '2010-08-09';
const END = '2010-11-06';
const PLANNED_ON = '2010-05-17';
const STAFFING_ON = '2010-06-01';
const PREDEPLOYMENT_ON = '2010-07-30';

async function addPerson(services: Services, ctx: RequestContext, organizationId: string, officer: Officer, heritageCountries: string[]) {
  const existing = await services.people.list(ctx, { q: `${officer.givenName} ${officer.familyName}`, organizationId, limit: 5, order: 'asc', format: 'json' });
  const found = existing.items.find((p) => p.familyName === officer.familyName && p.givenName === officer.givenName);
  if (found) return { id: found.id, isNew: false };
  const person = await services.people.create(ctx, { ...officer, organizationId, status: 'active', heritageCountries });
  return { id: person.id, isNew: true };
}

async function makeReady(services: Services, ctx: RequestContext, personId: string, index: number) {
  await services.people.setReadiness(ctx, personId, 'passport', {
    completedOn: '2007-04-02',
    expiresOn: `201${5 + (index % 3)}-04-01`,
    passportNumber: `Z${String(40_000_000 + index * 7919).padStart(8, '0')}`,
  });
  await services.people.setReadiness(ctx, personId, 'medical_clearance', { completedOn: '2010-06-21' });
  await services.people.setReadiness(ctx, personId, 'security_clearance', { completedOn: '2009-11-02', expiresOn: '2014-11-01', reference: 'Secret' });
  await services.people.setReadiness(ctx, personId, 'country_clearance', { completedOn: '2010-07-26', reference: 'Embassy Port-au-Prince' });
  await services.people.setReadiness(ctx, personId, 'predeployment_training', { completedOn: '2010-07-30' });
  await services.people.setReadiness(ctx, personId, 'agency_release', { completedOn: '2010-07-19', reference: 'NYPD release' });
}

export async function seedHaitiDeployment(services: Services, ctx: RequestContext, ids: Record<OrgKey, string>): Promise<{ people: number; deployments: number }> {
  let people = 0;
  const officerIds: string[] = [];
  for (const [index, officer] of HAITI_OFFICERS.entries()) {
    const { id, isNew } = await addPerson(services, ctx, ids.nypd, officer, ['HT']);
    if (isNew) {
      await makeReady(services, ctx, id, index);
      people += 1;
    }
    officerIds.push(id);
  }
  for (const { org, heritageCountries, ...officer } of OTHER_OFFICERS) {
    if ((await addPerson(services, ctx, ids[org], officer, heritageCountries)).isNew) people += 1;
  }

  const existing = await services.deployments.list(ctx, { hostCountry: 'HT', limit: 50, order: 'desc', format: 'json' });
  if (existing.items.some((d) => d.title === DEPLOYMENT_TITLE)) return { people, deployments: 0 };

  let deployment = await services.deployments.create(ctx, {
    title: DEPLOYMENT_TITLE,
    hostCountry: 'HT',
    hostOrganizationId: ids.hnp,
    track: 'policing',
    purposes: ['mentor', 'train', 'advise'],
    startOn: START,
    plannedOn: PLANNED_ON,
    authorizedHeadcount: 6,
    requiredLanguages: [
      { language: 'ht', minSpeaking: '2' },
      { language: 'fr', minSpeaking: '2' },
    ],
    specialties: ['community policing', 'training'],
    isHighThreat: false,
    summary: 'Six Haitian-American NYPD officers mentor, train and advise the Haitian National Police for 90 days.',
  });
  // Each step on the day it was taken in 2010, so the history and the timeline read as that year.
  const move = async (status: 'staffing' | 'predeployment' | 'in_country' | 'completed', on: string) => {
    deployment = await services.deployments.changeStatus(ctx, deployment.id, deployment.version, { status, on });
  };
  await move('staffing', STAFFING_ON);
  const assignments = [];
  for (const [index, personId] of officerIds.entries()) {
    let a = await services.assignments.nominate(ctx, deployment.id, { personId, role: index === 4 ? 'team_lead' : 'mentor' });
    a = await services.assignments.changeStatus(ctx, deployment.id, a.id, a.version, { status: 'selected' });
    a = await services.assignments.changeStatus(ctx, deployment.id, a.id, a.version, { status: 'ready' });
    assignments.push(a);
  }
  await move('predeployment', PREDEPLOYMENT_ON);
  for (const [i, a] of assignments.entries()) {
    assignments[i] = await services.assignments.changeStatus(ctx, deployment.id, a.id, a.version, { status: 'deployed', on: START });
  }
  await move('in_country', START);
  for (const a of assignments) await services.assignments.changeStatus(ctx, deployment.id, a.id, a.version, { status: 'returned', on: END });
  deployment = await services.deployments.get(ctx, deployment.id);
  await move('completed', END);
  return { people, deployments: 1 };
}
