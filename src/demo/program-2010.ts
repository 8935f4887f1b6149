import type { RequestContext } from '../platform/access.js';
import type { Services } from '../modules/index.js';
import { seedHaitiDeployment } from './haiti-2010.js';
import { seedPartners } from './partners-2010.js';
import { seedTraining } from './training-2010.js';

/**
 * The 2010 program of the State Department's Bureau of International Narcotics and Law
 * Enforcement Affairs, as its public note of 20 December 2010 tells it.
 */

export interface SeedReport {
  isAlreadySeeded: boolean;
  organizations: number;
  partnerships: number;
  engagements: number;
  people: number;
  deployments: number;
  offerings: number;
  certifications: number;
}

/**
 * Fills a database with the 2010 program through the services, so every rule holds and every
 * record is audited. Running it again adds nothing: what exists is recognised by name.
 */
export async function seedProgram2010(services: Services, ctx: RequestContext, progress: (step: string) => void = () => undefined): Promise<SeedReport> {
  progress('partners, their pipeline and meetings');
  const partners = await seedPartners(services, ctx);
  progress('the Haiti deployment');
  const haiti = await seedHaitiDeployment(services, ctx, partners.ids);
  const training = await seedTraining(services, ctx, partners.ids, progress);
  // The closes' credentials are signed after their commits: the program is whole once they are.
  await services.afterCommit.settled();
  const added = partners.organizations + partners.partnerships + partners.engagements + haiti.people + haiti.deployments + training.people + training.offerings;
  return {
    isAlreadySeeded: added === 0,
    organizations: partners.organizations,
    partnerships: partners.partnerships,
    engagements: partners.engagements,
    people: haiti.people + training.people,
    deployments: haiti.deployments,
    offerings: training.offerings,
    certifications: training.certifications,
  };
}
