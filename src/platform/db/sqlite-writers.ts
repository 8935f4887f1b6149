import { setImmediate as nextTurn } from 'node:timers/promises';
import type BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, type DatabaseConnection, type Driver, type QueryResult, SelectQueryNode, type TransactionSettings } from 'kysely';

/**
 * SQLite connections of one process that take turns to write.
 *
 * A long write (a roster of 100,000 people) runs on a connection of its own, so the process's
 * main connection goes on answering reads from the last committed state (WAL) meanwhile. Two
 * connections of one process must not meet in SQLite's busy handler, though: it waits by
 * blocking the thread, so the connection holding the lock could never finish. Writers of one
 * process therefore queue here first, asynchronously: a transaction from its BEGIN to its end,
 * a lone writing statement for its run. Processes still meet in the busy handler, as before.
 */

/** How long a writer of this process waits for the others before it gives up as contention. */
const TURN_TIMEOUT_MS = 60_000;

/** First come, first served: each caller waits for those before it, then lets the next go. */
class Queue {
  private last: Promise<void> = Promise.resolve();

  /** Waits for one's turn (at most `timeoutMs`, when given) and answers the function that ends it. */
  async enter(timeoutMs?: number): Promise<() => void> {
    let leave!: () => void;
    const mine = new Promise<void>((resolve) => (leave = resolve));
    const before = this.last;
    this.last = before.then(() => mine);
    if (timeoutMs === undefined) {
      await before;
      return leave;
    }
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const outcome = await Promise.race([before.then(() => 'turn' as const), timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      // The turn is given up as soon as it comes, so those queued behind still get theirs.
      void before.then(leave);
      throw Object.assign(new Error(`Another writer of this process held the database for over ${timeoutMs / 1000} s.`), { code: 'SQLITE_BUSY' });
    }
    return leave;
  }
}

/**
 * How many writers work that lets writers go first (a checkpoint) lets go before it while the turn
 * is never free, before it queues like them: a steady stream of writes does not hold it off for
 * ever. A single long writer (an import's transaction) counts once, however long it holds the turn.
 */
const IDLE_PATIENCE_WRITERS = 100;

export class WriterTurns {
  private readonly queue = new Queue();
  /** Writers holding the turn or waiting for it. */
  private pending = 0;
  /** Writers that have gone (left the turn, or given up waiting for it), and who is told of the next. */
  private gone = 0;
  private next: { promise: Promise<void>; resolve: () => void } | undefined;

  /** Waits for this process's writers before, and answers the function that lets the next one go. */
  async take(timeoutMs = TURN_TIMEOUT_MS): Promise<() => void> {
    this.pending += 1;
    let leave: () => void;
    try {
      leave = await this.queue.enter(timeoutMs);
    } catch (error) {
      this.leaving();
      throw error;
    }
    let isLeft = false;
    return () => {
      if (isLeft) return;
      isLeft = true;
      this.leaving();
      leave();
    };
  }

  /**
   * The turn once no writer holds it or waits for it, so that work no request waits for (a
   * checkpoint) never comes between writers that queued for it; after `patience` writers have
   * gone one after another without the turn ever being free, it queues like them, so that it
   * still comes.
   */
  async takeWhenIdle(patience = IDLE_PATIENCE_WRITERS): Promise<() => void> {
    const from = this.gone;
    const isPatient = () => this.gone - from < patience;
    for (;;) {
      while (this.pending > 0 && isPatient()) await this.nextGone();
      // A writer that follows the last at once (writes chained one after another) asks for its
      // turn a few promises later: it goes first too.
      await nextTurn();
      if (this.pending === 0 || !isPatient()) return this.take();
    }
  }

  private nextGone(): Promise<void> {
    if (!this.next) {
      let resolve!: () => void;
      this.next = { promise: new Promise<void>((done) => (resolve = done)), resolve };
    }
    return this.next.promise;
  }

  private leaving(): void {
    this.pending -= 1;
    this.gone += 1;
    const next = this.next;
    this.next = undefined;
    next?.resolve();
  }
}

const turnsByFile = new Map<string, WriterTurns>();

/** The turns of every connection this process opens on one file. */
export function writerTurnsOf(file: string): WriterTurns {
  let turns = turnsByFile.get(file);
  if (!turns) {
    turns = new WriterTurns();
    turnsByFile.set(file, turns);
  }
  return turns;
}

/** One caller at a time: the connection's holder, first come first served. */
class Holder {
  private readonly queue = new Queue();
  private release: (() => void) | undefined;

  async hold(): Promise<void> {
    this.release = await this.queue.enter();
  }

  letGo(): void {
    const release = this.release;
    this.release = undefined;
    release?.();
  }
}

/** How many prepared statements a connection keeps: the texts Kysely sends over and over, with room for IN lists of many lengths. */
const STATEMENTS_KEPT = 500;

/**
 * A connection's statements by their SQL. Kysely sends the same texts over and over, and preparing
 * one (SQLite parses and plans it) is a good part of a short read's time. A statement run with
 * `all` or `run` is done when it returns, so one prepared statement serves every later call; a
 * stream iterates a statement of its own. The least recently used goes first when it is full.
 */
class StatementCache {
  private readonly bySql = new Map<string, BetterSqlite3.Statement>();

  get(sqlite: BetterSqlite3.Database, sql: string): BetterSqlite3.Statement {
    let statement = this.bySql.get(sql);
    if (statement) {
      this.bySql.delete(sql);
    } else {
      statement = sqlite.prepare(sql);
      if (this.bySql.size >= STATEMENTS_KEPT) this.bySql.delete(this.bySql.keys().next().value as string);
    }
    this.bySql.set(sql, statement);
    return statement;
  }
}

/**
 * A connection whose writers wait for their turn without holding it: the holder lets the
 * connection go while it waits, and holds it again once its turn has come (turn first, then
 * connection, in that order always), so the process's reads go on meanwhile and no two waiters
 * can each hold what the other waits for.
 */
class TakingTurnsConnection implements DatabaseConnection {
  private leave: (() => void) | undefined;
  private readonly statements = new StatementCache();

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly turns: WriterTurns,
    private readonly holder: Holder,
    private readonly onWrite: () => void,
  ) {}

  private async takeTurn(): Promise<() => void> {
    this.holder.letGo();
    let leave: (() => void) | undefined;
    try {
      leave = await this.turns.take();
    } finally {
      await this.holder.hold();
    }
    return leave;
  }

  private run<R>(statement: BetterSqlite3.Statement, parameters: readonly unknown[]): QueryResult<R> {
    if (statement.reader) return { rows: statement.all(...parameters) as R[] };
    const { changes, lastInsertRowid } = statement.run(...parameters);
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const statement = this.statements.get(this.sqlite, compiled.sql);
    if (statement.readonly || this.leave !== undefined) return this.run<R>(statement, compiled.parameters);
    const leave = await this.takeTurn();
    try {
      const result = this.run<R>(statement, compiled.parameters);
      this.onWrite();
      return result;
    } finally {
      leave();
    }
  }

  async *streamQuery<R>(compiled: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(compiled.query)) throw new Error('Only SELECT queries stream on SQLite.');
    for (const row of this.sqlite.prepare(compiled.sql).iterate(...compiled.parameters)) yield { rows: [row as R] };
  }

  /**
   * BEGIN IMMEDIATE once this process's other writers are done: a deferred transaction that
   * reads first and writes later fails at once (SQLITE_BUSY_SNAPSHOT) when another process wrote
   * in between, which no wait can help; taking the write lock up front makes writers queue.
   */
  async begin(): Promise<void> {
    const leave = await this.takeTurn();
    try {
      this.sqlite.exec('begin immediate');
    } catch (error) {
      leave();
      throw error;
    }
    this.leave = leave;
  }

  async end(command: 'commit' | 'rollback'): Promise<void> {
    try {
      this.sqlite.exec(command);
      if (command === 'commit') this.onWrite();
    } finally {
      // A commit that failed leaves the transaction open for the rollback that follows: the
      // turn is kept until then, so no other writer of the process meets the open transaction.
      if (command === 'rollback' || !this.sqlite.inTransaction) {
        const leave = this.leave;
        this.leave = undefined;
        leave?.();
      }
    }
  }
}

/** Kysely's driver for one better-sqlite3 connection, whose writers take turns with the process's others. */
export class TakingTurnsSqliteDriver implements Driver {
  private readonly holder = new Holder();
  private readonly connection: TakingTurnsConnection;

  /** `onWrite` is told of each write committed (a checkpoint follows: sqlite-checkpoint.ts). */
  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    turns: WriterTurns,
    onWrite: () => void,
  ) {
    this.connection = new TakingTurnsConnection(sqlite, turns, this.holder, onWrite);
  }

  async init(): Promise<void> {}

  /** One connection: a caller has it alone until it gives it back (a transaction, from begin to end). */
  async acquireConnection(): Promise<DatabaseConnection> {
    await this.holder.hold();
    return this.connection;
  }

  async releaseConnection(): Promise<void> {
    this.holder.letGo();
  }

  async beginTransaction(_connection: DatabaseConnection, _settings: TransactionSettings): Promise<void> {
    await this.connection.begin();
  }

  async commitTransaction(): Promise<void> {
    await this.connection.end('commit');
  }

  async rollbackTransaction(): Promise<void> {
    await this.connection.end('rollback');
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint ${quoted(name)}`));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`rollback to ${quoted(name)}`));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release ${quoted(name)}`));
  }

  async destroy(): Promise<void> {
    this.sqlite.close();
  }
}

function quoted(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
