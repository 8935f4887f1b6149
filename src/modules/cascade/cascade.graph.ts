/**
 * The cascade, computed from its edges: instructor → trainee for each completed enrollment in
 * an offering the instructor taught. Generation 0 are the program office's master instructors;
 * a trainee's generation is one more than the lowest of their instructors' (a breadth-first
 * search from generation 0 gives exactly that). Every walk marks what it has seen, so a cycle
 * (A trained B, who later trained A) neither hangs nor counts anyone twice.
 */

export interface CascadeEdge {
  instructor: string;
  trainee: string;
  country: string;
  year: number;
}

export interface Graph {
  /** Trainees of each instructor, and where and when each was trained by them. */
  out: Map<string, CascadeEdge[]>;
}

export function buildGraph(edges: Iterable<CascadeEdge>): Graph {
  const out = new Map<string, CascadeEdge[]>();
  for (const edge of edges) {
    if (edge.instructor === edge.trainee) continue;
    const list = out.get(edge.instructor);
    if (list) list.push(edge);
    else out.set(edge.instructor, [edge]);
  }
  return { out };
}

/** Each person's generation: 0 for the roots, else one more than their nearest instructor's. */
export function generations(graph: Graph, roots: Iterable<string>): Map<string, number> {
  const generation = new Map<string, number>();
  let frontier: string[] = [];
  for (const root of roots) {
    if (!generation.has(root)) {
      generation.set(root, 0);
      frontier.push(root);
    }
  }
  for (let g = 1; frontier.length > 0; g += 1) {
    const next: string[] = [];
    for (const instructor of frontier) {
      for (const edge of graph.out.get(instructor) ?? []) {
        if (generation.has(edge.trainee)) continue;
        generation.set(edge.trainee, g);
        next.push(edge.trainee);
      }
    }
    frontier = next;
  }
  return generation;
}

/** Everyone trained downstream of one instructor, with their distance from them. */
export function downstream(graph: Graph, instructor: string): Map<string, { depth: number; parent: string }> {
  const seen = new Map<string, { depth: number; parent: string }>();
  let frontier = [instructor];
  for (let depth = 1; frontier.length > 0; depth += 1) {
    const next: string[] = [];
    for (const from of frontier) {
      for (const edge of graph.out.get(from) ?? []) {
        if (edge.trainee === instructor || seen.has(edge.trainee)) continue;
        seen.set(edge.trainee, { depth, parent: from });
        next.push(edge.trainee);
      }
    }
    frontier = next;
  }
  return seen;
}

export interface GenerationRow {
  generation: number;
  peopleTrained: number;
  newInstructors: number;
}

export interface ProgramCascade {
  generations: GenerationRow[];
  byCountry: { country: string; generation: number; peopleTrained: number }[];
  byYear: { year: number; generation: number; peopleTrained: number }[];
  totalTrained: number;
  trainedByGenerationZero: number;
  /** Everyone trained ÷ those trained by generation 0; null when generation 0 trained nobody. */
  multiplier: number | null;
}

/**
 * The program's figures. People are counted once per generation; per country and per year, a
 * person counts where and when they were trained (by anyone in the cascade), once each.
 */
export function programCascade(graph: Graph, roots: Iterable<string>, filter: { year?: number | undefined } = {}): ProgramCascade {
  const generation = generations(graph, roots);
  const trainedBy = new Map<number, Set<string>>();
  const countryKeys = new Map<string, { country: string; generation: number; people: Set<string> }>();
  const yearKeys = new Map<string, { year: number; generation: number; people: Set<string> }>();
  const teachers = new Set<string>();

  for (const [instructor, edges] of graph.out) {
    if (!generation.has(instructor)) continue;
    for (const edge of edges) {
      const g = generation.get(edge.trainee);
      if (g === undefined || g === 0) continue;
      if (filter.year !== undefined && edge.year !== filter.year) continue;
      teachers.add(instructor);
      let set = trainedBy.get(g);
      if (!set) trainedBy.set(g, (set = new Set()));
      set.add(edge.trainee);
      const countryKey = `${edge.country}|${g}`;
      const byCountry = countryKeys.get(countryKey) ?? { country: edge.country, generation: g, people: new Set<string>() };
      byCountry.people.add(edge.trainee);
      countryKeys.set(countryKey, byCountry);
      const yearKey = `${edge.year}|${g}`;
      const byYear = yearKeys.get(yearKey) ?? { year: edge.year, generation: g, people: new Set<string>() };
      byYear.people.add(edge.trainee);
      yearKeys.set(yearKey, byYear);
    }
  }

  const maxGeneration = Math.max(0, ...trainedBy.keys());
  const rows: GenerationRow[] = [];
  for (let g = 0; g <= maxGeneration; g += 1) {
    const people = g === 0 ? new Set([...generation].filter(([, value]) => value === 0).map(([id]) => id)) : (trainedBy.get(g) ?? new Set());
    const newInstructors = [...people].filter((id) => teachers.has(id)).length;
    rows.push({ generation: g, peopleTrained: g === 0 ? 0 : people.size, newInstructors });
  }
  const totalTrained = [...trainedBy.values()].reduce((sum, set) => sum + set.size, 0);
  const first = trainedBy.get(1)?.size ?? 0;
  return {
    generations: rows,
    byCountry: [...countryKeys.values()]
      .map((r) => ({ country: r.country, generation: r.generation, peopleTrained: r.people.size }))
      .sort((a, b) => a.generation - b.generation || a.country.localeCompare(b.country)),
    byYear: [...yearKeys.values()]
      .map((r) => ({ year: r.year, generation: r.generation, peopleTrained: r.people.size }))
      .sort((a, b) => a.year - b.year || a.generation - b.generation),
    totalTrained,
    trainedByGenerationZero: first,
    multiplier: first === 0 ? null : Math.round((totalTrained / first) * 100) / 100,
  };
}
