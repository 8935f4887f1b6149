import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { cascadeChanges } from './cascade.changes.repository.js';
import { LiveGraph } from './cascade.live-graph.js';

/**
 * One server's copy of the cascade's graph, brought up to date before each read: the changes
 * logged since the last one applied are read again from cascade_edges (a close: one query for
 * its thirty pairs), or the graph is read whole when the log no longer reaches back (first use,
 * a rebuild, a server that slept through many changes).
 *
 * Every read catches up after it is asked for, so it sees every change committed before it:
 * reads that arrive while a catch-up runs share the next one, never the one already running.
 */
export function createCascadeFollower(db: Kysely<DB>) {
  let held: { graph: LiveGraph; seq: number } | null = null;
  let running: Promise<unknown> = Promise.resolve();
  let queued: Promise<LiveGraph> | null = null;

  const readWhole = async () => {
    const changes = cascadeChanges(db);
    // The number first: a change that commits during the read is read again after it, to the same effect.
    const seq = await changes.last();
    return { graph: await LiveGraph.read(changes.allEdges()), seq };
  };

  const catchUp = async (): Promise<LiveGraph> => {
    if (!held) {
      held = await readWhole();
      return held.graph;
    }
    const changes = cascadeChanges(db);
    const since = await changes.since(held.seq);
    if ('everything' in since) {
      held = await readWhole();
      return held.graph;
    }
    if (since.pairs.length > 0) held.graph.update(since.pairs, await changes.firstEdges(since.pairs));
    held.seq = since.seq;
    return held.graph;
  };

  return {
    /** The graph, with every change committed before this call. */
    graph(): Promise<LiveGraph> {
      if (!queued) {
        const next = running.then(() => {
          queued = null;
          return catchUp();
        });
        queued = next;
        running = next.catch(() => undefined);
      }
      return queued;
    },
  };
}

export type CascadeFollower = ReturnType<typeof createCascadeFollower>;
