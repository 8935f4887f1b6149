import type { RequestContext } from '../platform/access.js';
import type { Services } from '../modules/index.js';
import type { CreateOrganizationInput } from '../modules/organizations/organizations.schemas.js';
import type { CreateAgreementInput, Stage } from '../modules/partnerships/partnerships.schemas.js';

/**
 * The partners of INL's 2010 program. Organizations are real public bodies; agreement
 * references, amounts and dates inside 2010 are illustrative.
 */

export type OrgKey = 'state' | 'inl' | 'nypd' | 'cpd' | 'cdoc' | 'bop' | 'iawp' | 'rpd' | 'hnp' | 'dgcp' | 'depen';

const ORGANIZATIONS: Record<OrgKey, CreateOrganizationInput & { parent?: OrgKey }> = {
  state: { name: 'U.S. Department of State', acronym: 'DOS', kind: 'federal_agency', country: 'US', subdivision: 'US-DC', city: 'Washington' },
  inl: {
    name: 'Bureau of International Narcotics and Law Enforcement Affairs',
    acronym: 'INL',
    kind: 'program_office',
    country: 'US',
    subdivision: 'US-DC',
    city: 'Washington',
    parent: 'state',
    description: 'Runs assistance programs for foreign law enforcement and corrections organizations.',
  },
  nypd: { name: 'New York Police Department', acronym: 'NYPD', kind: 'municipal_police', country: 'US', subdivision: 'US-NY', city: 'New York' },
  cpd: { name: 'Chicago Police Department', acronym: 'CPD', kind: 'municipal_police', country: 'US', subdivision: 'US-IL', city: 'Chicago' },
  cdoc: {
    name: 'Colorado Department of Corrections',
    acronym: 'CDOC',
    kind: 'state_corrections',
    country: 'US',
    subdivision: 'US-CO',
    city: 'Colorado Springs',
  },
  bop: { name: 'Federal Bureau of Prisons', acronym: 'BOP', kind: 'federal_agency', country: 'US', subdivision: 'US-DC', city: 'Washington' },
  iawp: { name: 'International Association of Women Police', acronym: 'IAWP', kind: 'professional_association', country: 'US' },
  rpd: { name: 'Richmond Police Department', kind: 'municipal_police', country: 'US', city: 'Richmond' },
  hnp: {
    name: "Police Nationale d'Haïti",
    acronym: 'PNH',
    kind: 'foreign_police',
    country: 'HT',
    city: 'Port-au-Prince',
    description: 'The Haitian National Police, the program’s counterpart in Haiti.',
  },
  dgcp: {
    name: 'Dirección General de Centros Penales',
    acronym: 'DGCP',
    kind: 'foreign_corrections',
    country: 'SV',
    city: 'San Salvador',
    description: 'El Salvador’s prison service, where U.S.-certified instructors trained corrections officers in 2010.',
  },
  depen: {
    name: 'Departamento Penitenciário Nacional',
    acronym: 'DEPEN',
    kind: 'foreign_corrections',
    country: 'BR',
    city: 'Brasília',
    description: 'Brazil’s national prison department, where U.S.-certified instructors trained corrections officers in 2010.',
  },
};

interface PartnershipPlan {
  org: OrgKey;
  tracks: ('policing' | 'corrections')[];
  targetCountries: string[];
  summary: string;
  /** The stages it went through, in order, with the day each began. */
  stages: [Stage, string][];
  agreement?: CreateAgreementInput;
}

const PARTNERSHIPS: PartnershipPlan[] = [
  {
    org: 'nypd',
    tracks: ['policing'],
    targetCountries: ['HT'],
    summary: 'Lends officers to mentor, train and advise foreign police; sent six Haitian-American officers to Haiti in August 2010.',
    stages: [['prospect', '2010-02-01'], ['engaged', '2010-02-22'], ['agreement', '2010-04-12'], ['active', '2010-06-01']],
    agreement: {
      kind: 'mou',
      reference: 'INL-MOU-2010-NYPD',
      title: 'Memorandum of understanding on officer deployments abroad',
      terms: 'INL reimburses salary, travel and allowances of officers deployed at its request.',
      signedOn: '2010-05-27',
      expiresOn: '2013-05-26',
      renewalDueOn: '2013-02-26',
      reimbursementCeilingCents: 150_000_000,
      currency: 'USD',
    },
  },
  {
    org: 'cpd',
    tracks: ['policing'],
    targetCountries: [],
    summary: 'Municipal police partner for mentoring and training programs abroad.',
    stages: [['prospect', '2010-03-01'], ['engaged', '2010-04-06'], ['agreement', '2010-06-14'], ['active', '2010-09-01']],
    agreement: {
      kind: 'mou',
      reference: 'INL-MOU-2010-CPD',
      title: 'Memorandum of understanding on training and advisory support',
      signedOn: '2010-08-20',
      expiresOn: '2013-08-19',
      renewalDueOn: '2013-05-20',
      reimbursementCeilingCents: 80_000_000,
      currency: 'USD',
    },
  },
  {
    org: 'cdoc',
    tracks: ['corrections'],
    targetCountries: ['SV', 'BR'],
    summary: 'State corrections partner whose certified instructors train corrections officers abroad.',
    stages: [['prospect', '2010-01-11'], ['engaged', '2010-02-08'], ['agreement', '2010-03-15'], ['active', '2010-05-03']],
    agreement: {
      kind: 'letter_of_agreement',
      reference: 'INL-LOA-2010-CDOC',
      title: 'Letter of agreement on corrections instructor development',
      signedOn: '2010-04-28',
      expiresOn: '2012-04-27',
      renewalDueOn: '2012-01-27',
      reimbursementCeilingCents: 60_000_000,
      currency: 'USD',
    },
  },
  {
    org: 'bop',
    tracks: ['corrections'],
    targetCountries: ['SV', 'BR'],
    summary: 'Federal corrections partner; trains and certifies corrections instructors for programs abroad.',
    stages: [['engaged', '2009-09-01'], ['agreement', '2009-10-15'], ['active', '2010-01-04']],
    agreement: {
      kind: 'inter_agency_agreement',
      reference: 'INL-IAA-2009-BOP',
      title: 'Inter-agency agreement on corrections training and technical assistance',
      signedOn: '2009-12-18',
      expiresOn: '2014-12-17',
      renewalDueOn: '2014-09-17',
      reimbursementCeilingCents: 250_000_000,
      currency: 'USD',
    },
  },
  {
    org: 'iawp',
    tracks: ['policing'],
    targetCountries: [],
    summary: 'Professional association reached through INL’s widened outreach in 2010.',
    stages: [['prospect', '2010-04-05'], ['engaged', '2010-07-12']],
  },
  {
    org: 'rpd',
    tracks: ['policing'],
    targetCountries: [],
    summary: 'Prospective partner: a partnership that supports INL’s overseas programs.',
    stages: [['prospect', '2010-11-15']],
  },
  {
    org: 'hnp',
    tracks: ['policing'],
    targetCountries: ['HT'],
    summary: 'Foreign counterpart after the January 2010 earthquake; the partnership goes on through 2011.',
    stages: [['engaged', '2010-02-15'], ['agreement', '2010-05-10'], ['active', '2010-07-15']],
    agreement: {
      kind: 'letter_of_agreement',
      reference: 'INL-LOA-2010-HNP',
      title: 'Letter of agreement on mentoring, training and advising the Haitian National Police',
      signedOn: '2010-07-09',
      expiresOn: '2011-12-31',
      renewalDueOn: '2011-09-30',
      currency: 'USD',
    },
  },
];

async function findOrganizationId(services: Services, ctx: RequestContext, name: string): Promise<string | undefined> {
  const page = await services.organizations.list(ctx, {
    q: name,
    archived: 'include',
    sort: 'name',
    order: 'asc',
    format: 'json',
    limit: 10,
  });
  return page.items.find((org) => org.name === name)?.id;
}

/** The partners of 2010, their pipeline and agreements, and the meetings of the year. */
export async function seedPartners(services: Services, ctx: RequestContext): Promise<{ ids: Record<OrgKey, string>; organizations: number; partnerships: number; engagements: number }> {
  const ids = {} as Record<OrgKey, string>;
  let created = 0;
  for (const [key, { parent, ...input }] of Object.entries(ORGANIZATIONS) as [OrgKey, CreateOrganizationInput & { parent?: OrgKey }][]) {
    const existing = await findOrganizationId(services, ctx, input.name);
    if (existing) {
      ids[key] = existing;
      continue;
    }
    const org = await services.organizations.create(ctx, { ...input, parentId: parent ? ids[parent] : null });
    ids[key] = org.id;
    created += 1;
  }

  let partnerships = 0;
  for (const plan of PARTNERSHIPS) {
    if (await services.partnerships.findForOrganization(ctx, ids[plan.org])) continue;
    const [[firstStage, firstDay], ...later] = plan.stages as [[Stage, string], ...[Stage, string][]];
    let partnership = await services.partnerships.create(ctx, {
      organizationId: ids[plan.org],
      stage: firstStage,
      startedOn: firstDay,
      tracks: plan.tracks,
      targetCountries: plan.targetCountries,
      summary: plan.summary,
    });
    for (const [stage, on] of later) {
      if (stage === 'active' && plan.agreement) await services.agreements.create(ctx, partnership.id, plan.agreement);
      partnership = await services.partnerships.changeStage(ctx, partnership.id, partnership.version, { stage, on });
    }
    partnerships += 1;
  }

  let engagements = 0;
  const existing = await services.engagements.list(ctx, { organizationId: ids.rpd, limit: 1, order: 'desc', format: 'json' });
  if (existing.items.length === 0) {
    await services.engagements.create(ctx, {
      organizationId: ids.rpd,
      kind: 'meeting',
      occurredOn: '2010-12-20',
      title: 'Senior INL officials meet the Richmond Chief of Police',
      location: 'Richmond',
      summary:
        'Senior INL officials met the Chief of Police of the Richmond Police Department to present INL’s police and corrections partnerships and the overseas programs they support.',
      outcome: 'Both sides hope for a partnership that supports INL’s overseas programs.',
      participants: [
        { name: 'Senior INL officials', title: 'Bureau of International Narcotics and Law Enforcement Affairs', organizationId: ids.inl },
        { name: 'Chief of Police', title: 'Richmond Police Department', organizationId: ids.rpd },
      ],
      followUps: [
        { title: 'Send Richmond PD a draft memorandum of understanding', dueOn: '2011-01-31' },
        { title: 'Brief Richmond PD on officer deployment and reimbursement terms', dueOn: '2011-02-28' },
      ],
    });
    await services.engagements.create(ctx, {
      organizationId: ids.iawp,
      kind: 'meeting',
      occurredOn: '2010-07-12',
      title: 'Outreach meeting with the International Association of Women Police',
      summary: 'INL presented its overseas police programs and the need for women officers as mentors and trainers.',
      outcome: 'IAWP will circulate deployment and training opportunities to its members.',
      participants: [{ name: 'INL outreach staff', organizationId: ids.inl }],
      followUps: [{ title: 'Share 2011 training calendar with IAWP', dueOn: '2011-01-15' }],
    });
    engagements = 2;
  }

  return { ids, organizations: created, partnerships, engagements };
}
