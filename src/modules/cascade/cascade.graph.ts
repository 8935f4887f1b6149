/**
 * The cascade, computed from its edges: instructor → trainee for each completed enrollment in
 * an offering the instructor taught. Generation 0 are the program office's master instructors;
 * a trainee's generation is one more than the lowest of their instructors' (a breadth-first
 * search from generation 0 gives exactly that). Every walk marks what it has seen, so a cycle
 * (A trained B, who later trained A) neither hangs nor counts anyone twice.
 *
 * People are numbered and edges kept in flat arrays (adjacency in compressed rows), because a
 * program's cascade runs to millions of enrollments.
 */

export interface CascadeEdge {
  instructor: string;
  trainee: string;
  country: string;
  year: number;
  /** The course's track, for counting one track's cascade. */
  track?: string | undefined;
}

export interface Graph {
  ids: string[];
  index: Map<string, number>;
  countries: string[];
  /** Edges by instructor: the trainees of person p are `to[start[p]]` to `to[start[p + 1] - 1]`. */
  start: Int32Array;
  to: Int32Array;
  country: Uint16Array;
  year: Uint16Array;
  /** Each edge's track, as an index into `tracks` (0: none given). */
  track: Uint8Array;
  tracks: string[];
}

export function buildGraph(edges: Iterable<CascadeEdge>): Graph {
  const ids: string[] = [];
  const index = new Map<string, number>();
  const countries: string[] = [];
  const countryIndex = new Map<string, number>();
  const number = (id: string) => {
    let n = index.get(id);
    if (n === undefined) {
      n = ids.length;
      ids.push(id);
      index.set(id, n);
    }
    return n;
  };
  const from: number[] = [];
  const to: number[] = [];
  const country: number[] = [];
  const year: number[] = [];
  const track: number[] = [];
  const tracks = [''];
  for (const edge of edges) {
    if (edge.instructor === edge.trainee) continue;
    from.push(number(edge.instructor));
    to.push(number(edge.trainee));
    let c = countryIndex.get(edge.country);
    if (c === undefined) {
      c = countries.length;
      countries.push(edge.country);
      countryIndex.set(edge.country, c);
    }
    country.push(c);
    year.push(edge.year);
    let k = tracks.indexOf(edge.track ?? '');
    if (k < 0) k = tracks.push(edge.track as string) - 1;
    track.push(k);
  }
  // Counting sort of the edges by instructor.
  const start = new Int32Array(ids.length + 1);
  for (const f of from) start[f + 1] = (start[f + 1] as number) + 1;
  for (let p = 0; p < ids.length; p += 1) start[p + 1] = (start[p + 1] as number) + (start[p] as number);
  const cursor = start.slice(0, ids.length);
  const sortedTo = new Int32Array(to.length);
  const sortedCountry = new Uint16Array(to.length);
  const sortedYear = new Uint16Array(to.length);
  const sortedTrack = new Uint8Array(to.length);
  for (let e = 0; e < from.length; e += 1) {
    const f = from[e] as number;
    const at = cursor[f] as number;
    cursor[f] = at + 1;
    sortedTo[at] = to[e] as number;
    sortedCountry[at] = country[e] as number;
    sortedYear[at] = year[e] as number;
    sortedTrack[at] = track[e] as number;
  }
  return { ids, index, countries, start, to: sortedTo, country: sortedCountry, year: sortedYear, track: sortedTrack, tracks };
}

const UNREACHED = -1;

function generationArray(graph: Graph, roots: Iterable<string>): Int32Array {
  const generation = new Int32Array(graph.ids.length).fill(UNREACHED);
  let frontier: number[] = [];
  for (const root of roots) {
    const r = graph.index.get(root);
    if (r !== undefined && generation[r] === UNREACHED) {
      generation[r] = 0;
      frontier.push(r);
    }
  }
  for (let g = 1; frontier.length > 0; g += 1) {
    const next: number[] = [];
    for (const p of frontier) {
      for (let e = graph.start[p] as number; e < (graph.start[p + 1] as number); e += 1) {
        const t = graph.to[e] as number;
        if (generation[t] !== UNREACHED) continue;
        generation[t] = g;
        next.push(t);
      }
    }
    frontier = next;
  }
  return generation;
}

/** Each person's generation: 0 for the roots, else one more than their nearest instructor's. */
export function generations(graph: Graph, roots: Iterable<string>): Map<string, number> {
  const generation = generationArray(graph, roots);
  const result = new Map<string, number>();
  for (const root of roots) if (!graph.index.has(root)) result.set(root, 0);
  generation.forEach((g, p) => {
    if (g !== UNREACHED) result.set(graph.ids[p] as string, g);
  });
  return result;
}

/**
 * Everyone trained downstream of one instructor, with their distance from them, who reached them
 * first (the edges in the order given) and the country and year of that training.
 */
export function downstream(graph: Graph, instructor: string): Map<string, { depth: number; parent: string; country: string; year: number }> {
  const seen = new Map<string, { depth: number; parent: string; country: string; year: number }>();
  const root = graph.index.get(instructor);
  if (root === undefined) return seen;
  const depthOf = new Int32Array(graph.ids.length).fill(UNREACHED);
  depthOf[root] = 0;
  let frontier = [root];
  for (let depth = 1; frontier.length > 0; depth += 1) {
    const next: number[] = [];
    for (const p of frontier) {
      for (let e = graph.start[p] as number; e < (graph.start[p + 1] as number); e += 1) {
        const t = graph.to[e] as number;
        if (depthOf[t] !== UNREACHED) continue;
        depthOf[t] = depth;
        seen.set(graph.ids[t] as string, { depth, parent: graph.ids[p] as string, country: graph.countries[graph.country[e] as number] as string, year: graph.year[e] as number });
        next.push(t);
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
 * Which trainings a program's figures count. Generations come from the whole cascade (a person's
 * generation is a fact of the program); the filter picks the trainings counted: the year the
 * offering ended, the course's track, the country it was given in, the trainee's agency.
 */
export interface CascadeFilter {
  year?: number | undefined;
  track?: string | undefined;
  country?: string | undefined;
  /** Only trainees among these people. */
  trainees?: ReadonlySet<string> | undefined;
}

/**
 * The program's figures. People are counted once per generation; per country and per year, a
 * person counts where and when they were trained (by anyone in the cascade), once each.
 */
export function programCascade(graph: Graph, roots: Iterable<string>, filter: CascadeFilter = {}): ProgramCascade {
  const generation = generationArray(graph, roots);
  const trackIndex = filter.track === undefined ? -1 : graph.tracks.indexOf(filter.track);
  const countryIndex = filter.country === undefined ? -1 : graph.countries.indexOf(filter.country);
  // A track or country no edge has: nothing passes.
  const isNoneOfThem = (filter.track !== undefined && trackIndex < 0) || (filter.country !== undefined && countryIndex < 0);
  const people = graph.ids.length;
  const isTrained = new Uint8Array(people);
  const isTeacher = new Uint8Array(people);
  const byCountry = new Map<number, Set<number>>();
  const byYear = new Map<number, Set<number>>();
  const countriesCount = Math.max(1, graph.countries.length);

  for (let p = 0; p < people; p += 1) {
    if (generation[p] === UNREACHED) continue;
    for (let e = graph.start[p] as number; e < (graph.start[p + 1] as number); e += 1) {
      const t = graph.to[e] as number;
      const g = generation[t] as number;
      if (g <= 0) continue;
      const year = graph.year[e] as number;
      if (filter.year !== undefined && year !== filter.year) continue;
      if (isNoneOfThem) continue;
      if (trackIndex >= 0 && graph.track[e] !== trackIndex) continue;
      if (countryIndex >= 0 && graph.country[e] !== countryIndex) continue;
      if (filter.trainees && !filter.trainees.has(graph.ids[t] as string)) continue;
      isTeacher[p] = 1;
      isTrained[t] = 1;
      const countryKey = g * countriesCount + (graph.country[e] as number);
      let inCountry = byCountry.get(countryKey);
      if (!inCountry) byCountry.set(countryKey, (inCountry = new Set()));
      inCountry.add(t);
      const yearKey = g * 10_000 + year;
      let inYear = byYear.get(yearKey);
      if (!inYear) byYear.set(yearKey, (inYear = new Set()));
      inYear.add(t);
    }
  }

  const trainedPerGeneration: number[] = [];
  const teachersPerGeneration: number[] = [];
  for (let p = 0; p < people; p += 1) {
    const g = generation[p] as number;
    if (g === UNREACHED) continue;
    if (isTrained[p]) trainedPerGeneration[g] = (trainedPerGeneration[g] ?? 0) + 1;
    if (isTeacher[p]) teachersPerGeneration[g] = (teachersPerGeneration[g] ?? 0) + 1;
  }
  return summarize(
    trainedPerGeneration,
    teachersPerGeneration,
    [...byCountry].map(([key, set]) => ({ country: graph.countries[key % countriesCount] as string, generation: Math.floor(key / countriesCount), peopleTrained: set.size })),
    [...byYear].map(([key, set]) => ({ year: key % 10_000, generation: Math.floor(key / 10_000), peopleTrained: set.size })),
  );
}

/** The program's figures from the counts per generation, country and year, however they were counted. */
export function summarize(trainedPerGeneration: number[], teachersPerGeneration: number[], byCountry: ProgramCascade['byCountry'], byYear: ProgramCascade['byYear']): ProgramCascade {
  const maxGeneration = Math.max(0, trainedPerGeneration.length - 1);
  const rows: GenerationRow[] = [];
  for (let g = 0; g <= maxGeneration; g += 1) {
    rows.push({ generation: g, peopleTrained: g === 0 ? 0 : (trainedPerGeneration[g] ?? 0), newInstructors: teachersPerGeneration[g] ?? 0 });
  }
  const totalTrained = trainedPerGeneration.reduce((sum, n) => sum + (n ?? 0), 0);
  const first = trainedPerGeneration[1] ?? 0;
  return {
    generations: rows,
    byCountry: byCountry.sort((a, b) => a.generation - b.generation || a.country.localeCompare(b.country)),
    byYear: byYear.sort((a, b) => a.year - b.year || a.generation - b.generation),
    totalTrained,
    trainedByGenerationZero: first,
    multiplier: first === 0 ? null : Math.round((totalTrained / first) * 100) / 100,
  };
}
