import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FirstEdge } from './cascade.changes.repository.js';
import { buildGraph, downstream } from './cascade.graph.js';
import { LiveGraph } from './cascade.live-graph.js';

const PEOPLE = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6'];

const edgeArbitrary = fc.record({
  instructor: fc.constantFrom(...PEOPLE),
  trainee: fc.constantFrom(...PEOPLE),
  endOn: fc.constantFrom('2010-03-05', '2010-03-05', '2011-07-01', '2012-01-20'),
  country: fc.constantFrom('HT', 'SV', 'US'),
});

/** What a reach should be: cascade.graph.ts's walk over every edge, in the order by end date, trainee, country. */
function expectedReach(edges: readonly FirstEdge[], person: string) {
  const ordered = [...edges].sort((a, b) => a.endOn.localeCompare(b.endOn) || a.trainee.localeCompare(b.trainee) || a.country.localeCompare(b.country));
  const graph = buildGraph(ordered.map((e) => ({ instructor: e.instructor, trainee: e.trainee, country: e.country, year: Number(e.endOn.slice(0, 4)) })));
  return [...downstream(graph, person)].map(([id, n]) => [id, n.depth, n.parent, n.country, n.year]);
}

/** The whole reach as rows like `expectedReach`'s; its counts checked against its rows, and its first two as `nearest` gives them. */
function reachOf(graph: LiveGraph, person: string) {
  const reach = graph.reach(person, Number.MAX_SAFE_INTEGER);
  const rows = reach.nearest.map((n) => [n.personId, n.depth, n.parentId, n.country, n.year] as const);
  const count = (pick: (row: (typeof rows)[number]) => string | number) => {
    const counts = new Map<string | number, number>();
    for (const row of rows) counts.set(pick(row), (counts.get(pick(row)) ?? 0) + 1);
    return counts;
  };
  expect(reach.total).toBe(rows.length);
  expect(reach.byDepth).toEqual(count((row) => row[1]));
  expect(reach.byCountry).toEqual(count((row) => row[3]));
  expect(graph.reach(person, 2).nearest).toEqual(reach.nearest.slice(0, 2));
  return rows;
}

/** Each pair's first edge, as the change log's reads give them. */
function firstEdges(edges: readonly FirstEdge[]): FirstEdge[] {
  const first = new Map<string, FirstEdge>();
  for (const e of edges) {
    const key = `${e.instructor}|${e.trainee}`;
    const held = first.get(key);
    if (!held || e.endOn < held.endOn || (e.endOn === held.endOn && e.country < held.country)) first.set(key, e);
  }
  return [...first.values()];
}

describe('the cascade graph in memory', () => {
  it('reaches what a walk of every edge reaches, with the same parents, countries and years, read whole or changed pair by pair', () => {
    fc.assert(
      fc.property(fc.array(edgeArbitrary, { maxLength: 30 }), fc.array(fc.array(edgeArbitrary, { maxLength: 6 }), { maxLength: 6 }), (start, steps) => {
        const changed = LiveGraph.of([firstEdges(start)]);
        let edges = [...start];
        for (const step of steps) {
          // A step replaces the edges of the pairs it names: some come, some go.
          const named = step.map((e) => ({ instructor: e.instructor, trainee: e.trainee }));
          const isNamed = (e: FirstEdge) => named.some((p) => p.instructor === e.instructor && p.trainee === e.trainee);
          const kept = step.filter((_, k) => k % 2 === 0);
          edges = [...edges.filter((e) => !isNamed(e)), ...kept];
          changed.update(named, firstEdges(edges.filter(isNamed)));
        }
        const loops = edges.filter((e) => e.instructor !== e.trainee);
        const whole = LiveGraph.of([firstEdges(loops)]);
        for (const person of PEOPLE) {
          expect(reachOf(whole, person)).toEqual(expectedReach(loops, person));
          expect(reachOf(changed, person)).toEqual(expectedReach(loops, person));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('never counts the instructor in their own reach, and knows nothing of a person without edges', () => {
    const graph = LiveGraph.of([
      [
        { instructor: 'a', trainee: 'b', endOn: '2010-01-01', country: 'HT' },
        { instructor: 'b', trainee: 'a', endOn: '2010-02-01', country: 'HT' },
      ],
    ]);
    expect(graph.reach('a', 10)).toEqual({ total: 1, byDepth: new Map([[1, 1]]), byCountry: new Map([['HT', 1]]), nearest: [{ personId: 'b', depth: 1, parentId: 'a', country: 'HT', year: 2010 }] });
    expect(graph.reach('nobody', 10).total).toBe(0);
    expect(graph.size).toBe(2);
  });
});
