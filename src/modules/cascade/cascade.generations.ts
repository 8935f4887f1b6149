import type { CascadeTables, Pair, PairWithGeneration } from './cascade.tables.repository.js';

/** What moved: edges gone and come (by instructor and trainee), people who stopped or started being generation 0. */
export interface CascadeChange {
  removed: readonly Pair[];
  added: readonly Pair[];
  rootsRemoved: readonly string[];
  rootsAdded: readonly string[];
}

/**
 * Brings the stored generations up to date after a change, touching only the people it can
 * move; the edge table must already hold the new edges. Returns the people whose generation
 * changed (null: they left the cascade).
 *
 * Removals first. A removed edge or root can only raise generations, and only of people whose
 * generation rested on it: the trainee of a removed edge that was "tight" (generation exactly one
 * more than the instructor's), a removed root, and everyone reached from them through tight
 * edges. That set loses its generations and gets them back from the edges that enter it from
 * outside (whose generations stand), by a breadth-first search inside it.
 * Then additions. An added edge or root can only lower generations: a breadth-first relaxation
 * from it, going on only through people whose generation improves.
 */
export async function updateGenerations(store: CascadeTables, change: CascadeChange): Promise<Map<string, number | null>> {
  const generation = new Map<string, number | null>();
  const before = new Map<string, number | null>();
  /** A stored generation read for the first time: where the walk starts from, and what it compares against. */
  const remember = (id: string, g: number | null) => {
    if (generation.has(id)) return;
    generation.set(id, g);
    before.set(id, g);
  };
  const load = async (ids: Iterable<string>) => {
    const missing = [...new Set(ids)].filter((id) => !generation.has(id));
    if (missing.length === 0) return;
    const found = await store.generationsOf(missing);
    for (const id of missing) remember(id, found.get(id) ?? null);
  };
  /** What a walk read with its edges: the far ends' stored generations. */
  const known = (pairs: readonly PairWithGeneration[], far: 'instructor' | 'trainee') => {
    for (const pair of pairs) remember(pair[far], pair.farGeneration);
  };
  const at = (id: string) => generation.get(id) ?? null;

  // Removals: who may have lost the support of their generation.
  await load(change.removed.flatMap((p) => [p.instructor, p.trainee]));
  await load(change.rootsRemoved);
  const seeds = new Set<string>(change.rootsRemoved.filter((r) => at(r) === 0));
  for (const { instructor, trainee } of change.removed) {
    const gi = at(instructor);
    if (gi !== null && at(trainee) === gi + 1) seeds.add(trainee);
  }
  if (seeds.size > 0) {
    const affected = new Set(seeds);
    const children = new Map<string, string[]>();
    let frontier = [...seeds];
    while (frontier.length > 0) {
      const pairs = await store.pairsAt('from', frontier);
      known(pairs, 'trainee');
      const next: string[] = [];
      for (const { instructor, trainee } of pairs) {
        const list = children.get(instructor);
        if (list) list.push(trainee);
        else children.set(instructor, [trainee]);
        const gi = at(instructor);
        if (!affected.has(trainee) && gi !== null && at(trainee) === gi + 1) {
          affected.add(trainee);
          next.push(trainee);
        }
      }
      frontier = next;
    }
    // Their new generations: from the roots among them, and from the edges entering from outside.
    const members = [...affected];
    const roots = await store.rootsAmong(members);
    const entering = await store.pairsAt('to', members);
    known(entering, 'instructor');
    const buckets: string[][] = [];
    const offer = (id: string, g: number) => (buckets[g] ??= []).push(id);
    for (const r of roots) offer(r, 0);
    for (const { instructor, trainee } of entering) {
      const gi = at(instructor);
      if (!affected.has(instructor) && gi !== null) offer(trainee, gi + 1);
    }
    for (const id of members) generation.set(id, null);
    const settled = new Set<string>();
    for (let g = 0; g < buckets.length; g += 1) {
      for (const id of buckets[g] ?? []) {
        if (settled.has(id)) continue;
        settled.add(id);
        generation.set(id, g);
        for (const child of children.get(id) ?? []) if (affected.has(child) && !settled.has(child)) offer(child, g + 1);
      }
    }
  }

  // Additions: relax downstream while generations improve.
  await load(change.added.flatMap((p) => [p.instructor, p.trainee]));
  await load(change.rootsAdded);
  const levels: string[][] = [];
  const propose = (id: string, g: number) => (levels[g] ??= []).push(id);
  for (const r of change.rootsAdded) propose(r, 0);
  for (const { instructor, trainee } of change.added) {
    const gi = at(instructor);
    if (gi !== null) propose(trainee, gi + 1);
  }
  for (let g = 0; g < levels.length; g += 1) {
    const improved = [...new Set(levels[g] ?? [])].filter((id) => {
      const current = at(id);
      return current === null || g < current;
    });
    if (improved.length === 0) continue;
    for (const id of improved) generation.set(id, g);
    const pairs = await store.pairsAt('from', improved);
    known(pairs, 'trainee');
    for (const { trainee } of pairs) {
      const current = at(trainee);
      if (current === null || g + 1 < current) propose(trainee, g + 1);
    }
  }

  const changed = new Map<string, number | null>();
  for (const [id, g] of generation) if (before.get(id) !== g) changed.set(id, g);
  return changed;
}
