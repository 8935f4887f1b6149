import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { cascadeChanges } from './cascade.changes.repository.js';
import { type CascadeChange, updateGenerations } from './cascade.generations.js';
import { cascadeTables, chunks, type Pair } from './cascade.tables.repository.js';
import { trackExperience } from '../people/track-experience.repository.js';

/**
 * Keeps cascade_edges and cascade_generations in step with their sources, and logs the pairs
 * whose edges were written in cascade_changes (what servers' graphs in memory catch up from).
 * Every change that moves the cascade calls one of these in its own transaction, after writing
 * its rows: the tables are then never behind what a reader of the same database sees.
 *
 * Upkeep reads the cascade around the change and writes from what it read, so two at once
 * would each miss the other's change: on PostgreSQL they queue on one row lock (held to the end
 * of the transaction; every statement after it sees what the previous holder committed). On
 * SQLite the one writer already queues them.
 */
export async function lockCascade(trx: Kysely<DB>): Promise<void> {
  await cascadeTables(trx).lock();
}

const key = (p: Pair) => `${p.instructor}\u0000${p.trainee}`;

async function apply(trx: Kysely<DB>, change: CascadeChange): Promise<void> {
  if (change.removed.length + change.added.length + change.rootsRemoved.length + change.rootsAdded.length === 0) return;
  const store = cascadeTables(trx);
  const changed = await updateGenerations(store, change);
  if (changed.size > 0) await store.writeGenerations(changed);
}

/**
 * An offering's edges may have moved: its enrollments' statuses, its instructors, its status,
 * its country, dates or course. Its edges are written again from the sources; the generations
 * move by the edges that came and went. Its people's experience by track, which the same
 * changes move, is written again with them.
 */
export async function offeringsChanged(trx: Kysely<DB>, offeringIds: readonly string[]): Promise<void> {
  if (offeringIds.length === 0) return;
  await lockCascade(trx);
  const store = cascadeTables(trx);
  const ids = [...new Set(offeringIds)];
  const before = await store.deleteEdgesOf(ids);
  const after = await store.insertEdges(ids);
  const had = new Set(before.map(key));
  const has = new Set(after.map(key));
  // Every pair written, changed or not: a pair that stayed may have a new first date or country.
  await cascadeChanges(trx).record([...before, ...after]);
  await trackExperience(trx).rewrite(ids);
  await apply(trx, {
    removed: before.filter((p) => !has.has(key(p))),
    added: after.filter((p) => !had.has(key(p))),
    rootsRemoved: [],
    rootsAdded: [],
  });
}

/** A course's track changed: its offerings' edges carry it. */
export async function courseChanged(trx: Kysely<DB>, courseId: string): Promise<void> {
  await offeringsChanged(trx, await cascadeTables(trx).offeringsOfCourse(courseId));
}

/** These people may have joined or left a program office (generation 0). */
export async function peopleChanged(trx: Kysely<DB>, personIds: readonly string[]): Promise<void> {
  if (personIds.length === 0) return;
  await lockCascade(trx);
  const store = cascadeTables(trx);
  const ids = [...new Set(personIds)];
  const [roots, generations] = await Promise.all([store.rootsAmong(ids), store.generationsOf(ids)]);
  await apply(trx, {
    removed: [],
    added: [],
    rootsRemoved: ids.filter((id) => generations.get(id) === 0 && !roots.has(id)),
    rootsAdded: ids.filter((id) => roots.has(id) && generations.get(id) !== 0),
  });
}

/** New people: those of a program office start the cascade (generation 0); no one new has a generation yet. */
export async function peopleCreated(trx: Kysely<DB>, personIds: readonly string[]): Promise<void> {
  if (personIds.length === 0) return;
  // Taken before reading, as for any change: an agency becoming a program office meanwhile waits, then sees them.
  await lockCascade(trx);
  const roots = await cascadeTables(trx).rootsAmong(personIds);
  if (roots.size > 0) await apply(trx, { removed: [], added: [], rootsRemoved: [], rootsAdded: [...roots] });
}

/** An organization's kind changed: its people may have joined or left generation 0. */
export async function organizationChanged(trx: Kysely<DB>, organizationId: string): Promise<void> {
  for (const chunk of chunks(await cascadeTables(trx).peopleOfOrganization(organizationId), 5000)) await peopleChanged(trx, chunk);
}
