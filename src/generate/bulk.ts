import { CompiledQuery, type Kysely } from 'kysely';
import type { Engine } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';

/** Reports rows written: the area, how many so far, out of how many. */
export type Progress = (area: string, done: number, total: number) => void;

/** A value as both drivers bind it. */
export type Cell = string | number | null;

/**
 * Multi-row inserts of plain arrays, one statement text per table and chunk size: the generator
 * writes millions of rows, and building each through the query builder would cost more than the
 * database does. Chunks fit under each engine's limit on bound parameters (SQLite 32,766,
 * PostgreSQL 65,535); PostgreSQL takes larger ones, as each statement is a round trip.
 */
export class BulkWriter {
  private rows: Cell[][] = [];
  private readonly chunk: number;
  private readonly statements = new Map<number, string>();
  written = 0;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly engine: Engine,
    readonly table: keyof DB & string,
    private readonly columns: readonly string[],
    /** Writers of the tables this one refers to: flushed first, so a foreign key finds its row. */
    private readonly parents: readonly BulkWriter[] = [],
  ) {
    const parameters = engine === 'postgres' ? 60_000 : 30_000;
    this.chunk = Math.max(1, Math.min(engine === 'postgres' ? 4_000 : 1_000, Math.floor(parameters / columns.length)));
  }

  async add(row: Cell[]): Promise<void> {
    this.rows.push(row);
    if (this.rows.length >= this.chunk) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.rows.length === 0) return;
    for (const parent of this.parents) await parent.flush();
    const rows = this.rows;
    this.rows = [];
    await this.db.executeQuery(CompiledQuery.raw(this.statement(rows.length), rows.flat()));
    this.written += rows.length;
  }

  private statement(count: number): string {
    let text = this.statements.get(count);
    if (text) return text;
    const width = this.columns.length;
    const tuples: string[] = [];
    for (let r = 0; r < count; r++) {
      const marks = this.columns.map((_, c) => (this.engine === 'postgres' ? `$${r * width + c + 1}` : '?'));
      tuples.push(`(${marks.join(',')})`);
    }
    text = `INSERT INTO ${this.table} (${this.columns.join(', ')}) VALUES ${tuples.join(',')}`;
    this.statements.set(count, text);
    return text;
  }
}

/**
 * Writers for one area's tables, made parents first (each flushes those made before it), flushed
 * together at its end, reporting its rows as they go.
 */
export function writersFor(db: Kysely<DB>, engine: Engine, area: string, total: number, progress: Progress) {
  const writers: BulkWriter[] = [];
  let lastReport = 0;
  const done = () => writers.reduce((sum, w) => sum + w.written, 0);
  return {
    writer(table: keyof DB & string, columns: readonly string[]): BulkWriter {
      const w = new BulkWriter(db, engine, table, columns, [...writers]);
      writers.push(w);
      return w;
    },
    /** Tells progress now and then (every 50,000 rows), so a terminal is not flooded. */
    tick() {
      const d = done();
      if (d - lastReport >= 50_000) {
        lastReport = d;
        progress(area, d, total);
      }
    },
    async finish(): Promise<number> {
      for (const w of writers) await w.flush();
      const d = done();
      progress(area, d, Math.max(d, total));
      return d;
    },
  };
}
