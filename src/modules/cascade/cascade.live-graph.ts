import type { FirstEdge } from './cascade.changes.repository.js';

/**
 * The cascade's graph held in memory, changed pair by pair: instructor → trainee, with where and
 * when the instructor first trained them. One instructor's reach is a breadth-first walk of it,
 * which at a million enrollments takes milliseconds where the database's recursive query takes
 * seconds (every person reaches most of a large cascade).
 *
 * People are numbered; each instructor's trainees are one packed Int32Array of
 * [trainee, day (YYYYMMDD), country] triples, in the order the walk visits them: by day, then
 * trainee id. That order settles who reached a person first, so two servers holding the same
 * edges draw the same tree, however each came to hold them.
 */

const STRIDE = 3;
const UNREACHED = -1;

const dayOf = (endOn: string) => Number(endOn.slice(0, 4)) * 10_000 + Number(endOn.slice(5, 7)) * 100 + Number(endOn.slice(8, 10));

/** One instructor's downstream: how many, by depth and by country, and the nearest of them in the order the walk reached them. */
export interface Reach {
  total: number;
  byDepth: Map<number, number>;
  /** Each person counts in the country of the training by which they were reached. */
  byCountry: Map<string, number>;
  nearest: { personId: string; depth: number; parentId: string; country: string; year: number }[];
}

export class LiveGraph {
  private readonly ids: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly countryNames: string[] = [];
  private readonly countryIndex = new Map<string, number>();
  private readonly out: (Int32Array | undefined)[] = [];

  /** A graph of these edges: a pair's edges listed together, its first edge (by date, then country) first. */
  static of(pages: Iterable<readonly FirstEdge[]>): LiveGraph {
    const graph = new LiveGraph();
    const load = graph.loader();
    for (const page of pages) load.add(page);
    load.end();
    return graph;
  }

  /** As `of`, from pages read one after another; quickest when they come instructor by instructor. */
  static async read(pages: AsyncIterable<readonly FirstEdge[]>): Promise<LiveGraph> {
    const graph = new LiveGraph();
    const load = graph.loader();
    for await (const page of pages) load.add(page);
    load.end();
    return graph;
  }

  /** How many pairs the graph holds. */
  get size(): number {
    return this.out.reduce((sum, list) => sum + (list ? list.length / STRIDE : 0), 0);
  }

  /** Sets the pairs named to what their first edges now are: absent from `edges`, the pair has none. */
  update(pairs: Iterable<{ instructor: string; trainee: string }>, edges: readonly FirstEdge[]): void {
    const found = new Map(edges.map((e) => [`${e.instructor}\u0000${e.trainee}`, e]));
    const byInstructor = new Map<number, Map<number, FirstEdge | null>>();
    for (const pair of pairs) {
      const p = this.number(pair.instructor);
      const t = this.number(pair.trainee);
      let changes = byInstructor.get(p);
      if (!changes) byInstructor.set(p, (changes = new Map()));
      changes.set(t, found.get(`${pair.instructor}\u0000${pair.trainee}`) ?? null);
    }
    for (const [p, changes] of byInstructor) {
      const list: number[] = [];
      const held = this.out[p];
      if (held) for (let i = 0; i < held.length; i += STRIDE) if (!changes.has(held[i] as number)) list.push(held[i] as number, held[i + 1] as number, held[i + 2] as number);
      for (const [t, edge] of changes) if (edge) list.push(t, dayOf(edge.endOn), this.country(edge.country));
      this.out[p] = list.length === 0 ? undefined : this.sorted(list);
    }
  }

  /** Everyone downstream of one person (never themselves), counted, and the `nearest` first of them. */
  reach(personId: string, nearest: number): Reach {
    const reach: Reach = { total: 0, byDepth: new Map(), byCountry: new Map(), nearest: [] };
    const root = this.index.get(personId);
    if (root === undefined) return reach;
    const depthOf = new Int32Array(this.ids.length).fill(UNREACHED);
    depthOf[root] = 0;
    const perCountry = new Int32Array(this.countryNames.length);
    const perDepth: number[] = [];
    // The walk's queue is its order: people by depth, each once.
    const queue = new Int32Array(this.ids.length);
    let head = 0;
    let tail = 0;
    queue[tail++] = root;
    while (head < tail) {
      const p = queue[head++] as number;
      const list = this.out[p];
      if (!list) continue;
      const depth = (depthOf[p] as number) + 1;
      for (let i = 0; i < list.length; i += STRIDE) {
        const t = list[i] as number;
        if (depthOf[t] !== UNREACHED) continue;
        depthOf[t] = depth;
        queue[tail++] = t;
        perCountry[list[i + 2] as number] = (perCountry[list[i + 2] as number] as number) + 1;
        perDepth[depth] = (perDepth[depth] ?? 0) + 1;
        if (reach.nearest.length < nearest) {
          reach.nearest.push({ personId: this.ids[t] as string, depth, parentId: this.ids[p] as string, country: this.countryNames[list[i + 2] as number] as string, year: Math.floor((list[i + 1] as number) / 10_000) });
        }
      }
    }
    reach.total = tail - 1;
    perDepth.forEach((n, depth) => reach.byDepth.set(depth, n));
    perCountry.forEach((n, c) => {
      if (n > 0) reach.byCountry.set(this.countryNames[c] as string, n);
    });
    return reach;
  }

  /**
   * Takes edges instructor by instructor (or in any order, more slowly), packing an instructor's
   * as soon as the next instructor's start. Of a pair's edges, listed together, the first counts.
   */
  private loader() {
    let current = -1;
    let previousTrainee = '';
    let list: number[] = [];
    const flush = () => {
      if (current < 0 || list.length === 0) return;
      const held = this.out[current];
      if (held) for (const n of held) list.push(n);
      this.out[current] = this.sorted(list);
      list = [];
    };
    return {
      add: (page: readonly FirstEdge[]) => {
        for (const edge of page) {
          if (edge.instructor === edge.trainee) continue;
          const p = this.number(edge.instructor);
          if (p !== current) {
            flush();
            current = p;
          } else if (edge.trainee === previousTrainee) continue;
          previousTrainee = edge.trainee;
          list.push(this.number(edge.trainee), dayOf(edge.endOn), this.country(edge.country));
        }
      },
      end: flush,
    };
  }

  /** Triples in the walk's order: by day, then trainee id. */
  private sorted(list: number[]): Int32Array {
    const n = list.length / STRIDE;
    const at = Array.from({ length: n }, (_, k) => k * STRIDE);
    at.sort((a, b) => (list[a + 1] as number) - (list[b + 1] as number) || compare(this.ids[list[a] as number] as string, this.ids[list[b] as number] as string));
    const packed = new Int32Array(list.length);
    at.forEach((from, k) => {
      packed[k * STRIDE] = list[from] as number;
      packed[k * STRIDE + 1] = list[from + 1] as number;
      packed[k * STRIDE + 2] = list[from + 2] as number;
    });
    return packed;
  }

  private number(id: string): number {
    return numberOf(this.ids, this.index, id);
  }

  private country(name: string): number {
    return numberOf(this.countryNames, this.countryIndex, name);
  }
}

/** The number of `name` in `names`, given it if it has none yet. */
function numberOf(names: string[], index: Map<string, number>, name: string): number {
  let n = index.get(name);
  if (n === undefined) {
    n = names.push(name) - 1;
    index.set(name, n);
  }
  return n;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
