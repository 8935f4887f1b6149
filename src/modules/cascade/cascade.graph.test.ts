import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGraph, type CascadeEdge, downstream, generations, programCascade } from './cascade.graph.js';

const edge = (instructor: string, trainee: string, country = 'US', year = 2010): CascadeEdge => ({ instructor, trainee, country, year });

describe('generations', () => {
  it('gives a trainee one more than the lowest of their instructors', () => {
    // M (gen 0) trained A and B; A trained B again and C; C trained B: B stays generation 1.
    const graph = buildGraph([edge('M', 'A'), edge('M', 'B'), edge('A', 'B'), edge('A', 'C'), edge('C', 'B'), edge('C', 'D')]);
    expect(Object.fromEntries(generations(graph, ['M']))).toEqual({ M: 0, A: 1, B: 1, C: 2, D: 3 });
  });

  it('survives a cycle without hanging or counting twice', () => {
    const graph = buildGraph([edge('M', 'A'), edge('A', 'B'), edge('B', 'A'), edge('B', 'M')]);
    expect(Object.fromEntries(generations(graph, ['M']))).toEqual({ M: 0, A: 1, B: 2 });
    expect(downstream(graph, 'A').size).toBe(2);
    const program = programCascade(graph, ['M']);
    expect(program.totalTrained).toBe(2);
    expect(program.multiplier).toBe(2);
  });

  it('leaves out people trained outside the program', () => {
    const graph = buildGraph([edge('M', 'A'), edge('X', 'Y')]);
    expect(programCascade(graph, ['M']).totalTrained).toBe(1);
  });

  it('counts people per country and year where they were trained', () => {
    const graph = buildGraph([edge('M', 'A', 'US', 2010), edge('A', 'B', 'SV', 2010), edge('A', 'C', 'BR', 2011), edge('B', 'D', 'SV', 2011)]);
    const program = programCascade(graph, ['M']);
    expect(program.byCountry).toEqual([
      { country: 'US', generation: 1, peopleTrained: 1 },
      { country: 'BR', generation: 2, peopleTrained: 1 },
      { country: 'SV', generation: 2, peopleTrained: 1 },
      { country: 'SV', generation: 3, peopleTrained: 1 },
    ]);
    expect(program.generations).toEqual([
      { generation: 0, peopleTrained: 0, newInstructors: 1 },
      { generation: 1, peopleTrained: 1, newInstructors: 1 },
      { generation: 2, peopleTrained: 2, newInstructors: 1 },
      { generation: 3, peopleTrained: 1, newInstructors: 0 },
    ]);
    expect(program.multiplier).toBe(4);
    expect(programCascade(graph, ['M'], { year: 2011 }).totalTrained).toBe(2);
  });
});

/** The plain way: reach by depth-first search, generations by relaxing until nothing changes. */
function naive(edges: CascadeEdge[], roots: string[]) {
  const out = new Map<string, string[]>();
  for (const e of edges) if (e.instructor !== e.trainee) out.set(e.instructor, [...(out.get(e.instructor) ?? []), e.trainee]);
  const reach = (start: string) => {
    const seen = new Set<string>();
    const stack = [...(out.get(start) ?? [])];
    while (stack.length) {
      const next = stack.pop() as string;
      if (next === start || seen.has(next)) continue;
      seen.add(next);
      stack.push(...(out.get(next) ?? []));
    }
    return seen;
  };
  const gen = new Map<string, number>(roots.map((r) => [r, 0]));
  for (let changed = true; changed; ) {
    changed = false;
    for (const e of edges) {
      const g = gen.get(e.instructor);
      if (g === undefined || e.instructor === e.trainee) continue;
      const current = gen.get(e.trainee);
      if (current === undefined || current > g + 1) {
        gen.set(e.trainee, g + 1);
        changed = true;
      }
    }
  }
  const trained = [...gen.values()].filter((g) => g > 0).length;
  const first = [...gen.values()].filter((g) => g === 1).length;
  return { reach, gen, multiplier: first === 0 ? null : Math.round((trained / first) * 100) / 100, trained };
}

const people = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9'];
const edgesArbitrary = fc.array(
  fc.record({ instructor: fc.constantFrom(...people), trainee: fc.constantFrom(...people), country: fc.constantFrom('US', 'SV', 'BR'), year: fc.constantFrom(2010, 2011) }),
  { maxLength: 40 },
);

describe('cascade properties', () => {
  it('agrees with a plain search on reach, generations and the multiplier, for random cascades with cycles', () => {
    fc.assert(
      fc.property(edgesArbitrary, fc.subarray(people, { minLength: 1, maxLength: 3 }), (edges, roots) => {
        const graph = buildGraph(edges);
        const plain = naive(edges, roots);
        for (const person of people) expect(new Set(downstream(graph, person).keys())).toEqual(plain.reach(person));
        expect(generations(graph, roots)).toEqual(plain.gen);
        const program = programCascade(graph, roots);
        expect(program.totalTrained).toBe(plain.trained);
        expect(program.multiplier).toBe(plain.multiplier);
      }),
      { numRuns: 500 },
    );
  });
});
