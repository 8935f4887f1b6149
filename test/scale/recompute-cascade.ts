import type { Index } from './recompute.js';

/**
 * The cascade recomputed plainly: edges are instructor → trainee of every completed enrollment in
 * an offering not cancelled (one per instructor of the offering, never a person to themselves);
 * generations come from a breadth-first search from the program office's people over all edges;
 * the filters only choose which trainings are counted.
 */

interface Edge {
  instructor: string;
  trainee: string;
  country: string;
  year: number;
  track: string;
}

export function cascadeEdges(ix: Index): Edge[] {
  const instructorsOf = new Map<string, string[]>();
  for (const oi of ix.t.offering_instructors) {
    const list = instructorsOf.get(oi.offering_id) ?? [];
    list.push(oi.person_id);
    instructorsOf.set(oi.offering_id, list);
  }
  const edges: Edge[] = [];
  for (const tr of ix.trainings) {
    for (const instructor of instructorsOf.get(tr.offering.id) ?? []) {
      if (instructor !== tr.person) edges.push({ instructor, trainee: tr.person, country: tr.offering.country, year: Number(tr.offering.end_on.slice(0, 4)), track: tr.track });
    }
  }
  return edges;
}

/** Shortest distance from the starting people to everyone reachable over the edges. */
function breadthFirst(edges: Edge[], start: string[]): Map<string, number> {
  const out = new Map<string, string[]>();
  for (const e of edges) {
    const list = out.get(e.instructor) ?? [];
    list.push(e.trainee);
    out.set(e.instructor, list);
  }
  const distance = new Map<string, number>();
  let frontier: string[] = [];
  for (const s of start) {
    if (!distance.has(s)) {
      distance.set(s, 0);
      frontier.push(s);
    }
  }
  for (let d = 1; frontier.length > 0; d += 1) {
    const next: string[] = [];
    for (const p of frontier) {
      for (const q of out.get(p) ?? []) {
        if (distance.has(q)) continue;
        distance.set(q, d);
        next.push(q);
      }
    }
    frontier = next;
  }
  return distance;
}

/** Each person's generation, searched once per set of edges. */
const generationsOf = new WeakMap<Edge[], Map<string, number>>();

export function plainProgramCascade(ix: Index, edges: Edge[], f: { year?: number | undefined; track?: string | undefined; country?: string | undefined; organizationId?: string | undefined }) {
  const roots = ix.t.people.filter((p) => ix.orgById.get(p.organization_id)?.kind === 'program_office').map((p) => p.id);
  const generation = generationsOf.get(edges) ?? breadthFirst(edges, roots);
  generationsOf.set(edges, generation);
  const trained = new Set<string>();
  const teachers = new Set<string>();
  const byCountry = new Map<string, Set<string>>();
  const byYear = new Map<string, Set<string>>();
  for (const e of edges) {
    const g = generation.get(e.trainee);
    if (!generation.has(e.instructor) || g === undefined || g === 0) continue;
    if (f.year !== undefined && e.year !== f.year) continue;
    if (f.track && e.track !== f.track) continue;
    if (f.country && e.country !== f.country) continue;
    if (f.organizationId && ix.orgOfPerson(e.trainee) !== f.organizationId) continue;
    trained.add(e.trainee);
    teachers.add(e.instructor);
    const c = `${g}|${e.country}`;
    byCountry.set(c, (byCountry.get(c) ?? new Set()).add(e.trainee));
    const y = `${g}|${e.year}`;
    byYear.set(y, (byYear.get(y) ?? new Set()).add(e.trainee));
  }
  const perGeneration = (people: Set<string>, g: number) => [...people].filter((p) => generation.get(p) === g).length;
  const deepest = Math.max(0, ...[...trained].map((p) => generation.get(p) as number));
  const generations = Array.from({ length: deepest + 1 }, (_, g) => ({ generation: g, peopleTrained: g === 0 ? 0 : perGeneration(trained, g), newInstructors: perGeneration(teachers, g) }));
  const first = perGeneration(trained, 1);
  return {
    generations,
    totalTrained: trained.size,
    trainedByGenerationZero: first,
    multiplier: first === 0 ? null : Math.round((trained.size / first) * 100) / 100,
    byCountry: [...byCountry].map(([key, people]) => ({ generation: Number(key.split('|')[0]), country: key.split('|')[1] as string, peopleTrained: people.size })),
    byYear: [...byYear].map(([key, people]) => ({ generation: Number(key.split('|')[0]), year: Number(key.split('|')[1]), peopleTrained: people.size })),
  };
}

/** Everyone trained downstream of one instructor, by distance from them. */
export function plainReach(edges: Edge[], instructor: string) {
  const distance = breadthFirst(edges, [instructor]);
  distance.delete(instructor);
  const byDepth = new Map<number, number>();
  for (const d of distance.values()) byDepth.set(d, (byDepth.get(d) ?? 0) + 1);
  return { reach: distance.size, byDepth: [...byDepth].map(([depth, people]) => ({ depth, people })).sort((a, b) => a.depth - b.depth) };
}

/** Rows as a sorted list of strings, so two lists compare whatever their order. */
export function sortedRows(rows: readonly object[]): string[] {
  return rows.map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b))))).sort();
}
