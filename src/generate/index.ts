import type { Database } from '../platform/db/database.js';
import type { Progress } from './bulk.js';
import { generateCatalog } from './catalog.js';
import { generateDeployments } from './deployments.js';
import { refreshDerivedTables } from './derived.js';
import { generateRepository } from './generate.repository.js';
import { generateOrganizations } from './organizations.js';
import { generatePeople } from './people.js';
import { idMaker, random } from './random.js';
import type { GenerationContext } from './reference.js';
import { type Scale, sizesOf } from './scales.js';
import { generateTraining } from './training.js';

export { SCALES, type Scale, sizesOf } from './scales.js';
export { random } from './random.js';

export const DEFAULT_SEED = 20_261_206;

export interface GenerateOptions {
  scale: Scale;
  seed?: number;
  /** Clear the program the database holds first, instead of refusing it. */
  replace?: boolean;
  progress?: Progress;
}

export interface GenerationReport {
  scale: Scale;
  seed: number;
  organizations: number;
  people: number;
  offerings: number;
  enrollments: number;
  certifications: number;
  deployments: number;
  milliseconds: number;
}

/** The database already holds a program, and generating was not told to replace it. */
export class ProgramPresentError extends Error {
  constructor(readonly people: number, readonly organizations: number) {
    super(`The database already holds a program (${organizations} organizations, ${people} people).`);
  }
}

/**
 * Writes a whole program at a scale, deterministically from the seed, in bulk and area by area
 * (each in one transaction), then fills the tables derived from it.
 */
export async function generateProgram(database: Database, options: GenerateOptions): Promise<GenerationReport> {
  const started = performance.now();
  const progress: Progress = options.progress ?? (() => undefined);
  const { db, engine } = database;
  const repo = generateRepository(db);
  const [people0, organizations0] = [await repo.count('people'), await repo.count('organizations')];
  if (people0 + organizations0 > 0) {
    if (!options.replace) throw new ProgramPresentError(people0, organizations0);
    progress('clearing the program', 0, 1);
    await repo.clearProgram();
  }
  const seed = options.seed ?? DEFAULT_SEED;
  const sizes = sizesOf(options.scale);
  const firstYear = 2007;
  const base = { engine, rnd: random(seed), id: idMaker(seed), sizes, progress, today: `${firstYear + sizes.years - 1}-12-01`, stamp: '2026-12-01T12:00:00.000Z', firstYear };
  const inTransaction = <T>(body: (ctx: GenerationContext) => Promise<T>) => db.transaction().execute((trx) => body({ ...base, db: trx }));

  const orgs = await inTransaction((ctx) => generateOrganizations(ctx));
  const people = await inTransaction((ctx) => generatePeople(ctx, orgs));
  const catalog = await inTransaction((ctx) => generateCatalog(ctx));
  const training = await inTransaction((ctx) => generateTraining(ctx, orgs, people, catalog));
  const deployments = await inTransaction((ctx) => generateDeployments(ctx, orgs, people));

  // Derived tables: the search index today. The maintained cascade tables' rebuild belongs here too.
  await refreshDerivedTables(db, progress);
  progress('statistics', 0, 1);
  await repo.analyze();
  progress('statistics', 1, 1);

  return {
    scale: options.scale,
    seed,
    organizations: orgs.partners.length + 1,
    people: people.ids.length,
    ...training,
    deployments,
    milliseconds: Math.round(performance.now() - started),
  };
}
