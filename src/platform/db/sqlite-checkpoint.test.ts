import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';
import { type Checkpointer, createCheckpointer } from './sqlite-checkpoint.js';
import { WriterTurns } from './sqlite-writers.js';

/** What the file itself holds, its log left aside: a copy of the file alone, opened on its own. */
function rowsInFileAlone(file: string): number {
  const copy = `${file}.alone`;
  fs.copyFileSync(file, copy);
  const reader = new BetterSqlite3(copy);
  try {
    const table = reader.prepare("SELECT 1 FROM sqlite_master WHERE name = 'bulk'").get();
    return table ? (reader.prepare('SELECT count(*) AS n FROM bulk').get() as { n: number }).n : 0;
  } finally {
    reader.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(copy + suffix, { force: true });
  }
}

/** Enough rows that the log passes a thousand pages, where a connection would checkpoint itself. */
const ROWS = 3000;
const FILLER = 'x'.repeat(2000);
const numbers = (from: number) => JSON.stringify(Array.from({ length: 500 }, (_, i) => from + i));

let dir: string;
let file: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-checkpoint-'));
  file = path.join(dir, 'cadre.db');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a checkpointer', { timeout: 20_000 }, () => {
  /** A connection as Cadre opens them: WAL, no checkpoint of its own. */
  function writer() {
    const sqlite = new BetterSqlite3(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('wal_autocheckpoint = 0');
    sqlite.exec('CREATE TABLE bulk (n integer primary key, filler text not null)');
    const insert = sqlite.prepare('INSERT INTO bulk (n, filler) SELECT value, ? FROM json_each(?)');
    const write = (from: number) => sqlite.transaction(() => {
      for (let n = from; n < from + ROWS; n += 500) insert.run(FILLER, numbers(n));
    })();
    return { sqlite, write };
  }
  const failOnFailure = (error: Error) => {
    throw error;
  };
  /** Lets the timers due now run: a checkpoint due after 0 ms has then asked for its turn. */
  const timersDueNow = () => new Promise((resolve) => setTimeout(resolve, 0));

  /** A writer, the process's turns and a checkpointer over the file, for `work`; all closed after. */
  async function withCheckpointer(
    delayMs: number | undefined,
    work: (setup: ReturnType<typeof writer> & { turns: WriterTurns; checkpointer: Checkpointer; turnTaken: () => Promise<void> }) => Promise<void>,
  ) {
    const setup = writer();
    const turns = new WriterTurns();
    // Told when the checkpoint has the turn, as it starts copying.
    let taken: (() => void) | undefined;
    const turnTaken = () => new Promise<void>((resolve) => (taken = resolve));
    const checkpointer = createCheckpointer(
      file,
      () => turns.takeWhenIdle().then((leave) => (taken?.(), leave)),
      failOnFailure,
      delayMs,
    );
    try {
      await work({ ...setup, turns, checkpointer, turnTaken });
    } finally {
      await checkpointer.close();
      setup.sqlite.close();
    }
  }

  it('copies the log into the file a while after the writes, on its own thread, once for many', () =>
    withCheckpointer(undefined, async ({ write, checkpointer }) => {
      write(0);
      for (let i = 0; i < 50; i += 1) checkpointer.wrote();
      // Nothing has run yet: not on this thread, where the writes committed, nor on its own.
      expect(rowsInFileAlone(file)).toBe(0);
      await expect.poll(() => rowsInFileAlone(file), { timeout: 10_000 }).toBe(ROWS);
    }));

  it('lets the process’s writers go first, holds the turn while it copies, and takes up what was written meanwhile', () =>
    withCheckpointer(0, async ({ write, turns, checkpointer, turnTaken }) => {
      const writerDone = await turns.take();
      write(0);
      checkpointer.wrote();
      await timersDueNow();
      expect(rowsInFileAlone(file)).toBe(0);
      // A writer that queued meanwhile goes before it: no request waits behind a checkpoint it did not ask for.
      const next = turns.take();
      writerDone();
      const nextDone = await next;
      expect(rowsInFileAlone(file)).toBe(0);
      write(ROWS);
      checkpointer.wrote();
      // No writer left: it takes the turn, and a writer that comes now waits for the copy to end.
      const copying = turnTaken();
      nextDone();
      await copying;
      (await turns.take())();
      expect(rowsInFileAlone(file)).toBe(2 * ROWS);
    }));

  it('leaves what is written once it is closed to the file’s own closing', () =>
    withCheckpointer(0, async ({ write, turns, checkpointer }) => {
      await checkpointer.close();
      write(0);
      checkpointer.wrote();
      await timersDueNow();
      // A checkpoint asked for would hold the turn before this one.
      (await turns.take())();
      expect(rowsInFileAlone(file)).toBe(0);
    }));

  it('says so when its thread cannot checkpoint, so the connections do it themselves', async () => {
    const missing = path.join(dir, 'missing.db');
    const turns = new WriterTurns();
    const failure = new Promise<Error>((resolve) => createCheckpointer(missing, () => turns.takeWhenIdle(), resolve, 0).wrote());
    expect((await failure).message).toMatch(/missing\.db.*SQLITE_CANTOPEN/);
    expect(fs.existsSync(missing)).toBe(false);
  });
});

describe('the connections of a SQLite database', { timeout: 20_000 }, () => {
  it('leave their checkpoints to the thread, a long write on its own connection included', async () => {
    const database = openDatabase({ engine: 'sqlite', file });
    try {
      await database.db.executeQuery(CompiledQuery.raw('CREATE TABLE bulk (n integer primary key, filler text not null)'));
      const separate = database.separateConnection?.();
      if (!separate) throw new Error('SQLite gives a long write a connection of its own.');
      for (const connection of [database.db, separate.db]) {
        expect((await sql<{ wal_autocheckpoint: number }>`PRAGMA wal_autocheckpoint`.execute(connection)).rows[0]?.wal_autocheckpoint).toBe(0);
      }
      await separate.db.transaction().execute(async (trx) => {
        for (let n = 0; n < ROWS; n += 500) await sql`INSERT INTO bulk (n, filler) SELECT value, ${FILLER} FROM json_each(${numbers(n)})`.execute(trx);
      });
      await separate.close();
      await sql`INSERT INTO bulk (n, filler) VALUES (${ROWS}, 'after')`.execute(database.db);
      await expect.poll(() => rowsInFileAlone(file), { timeout: 10_000 }).toBe(ROWS + 1);
    } finally {
      await database.close();
    }
    // Closed, the file holds everything and its log is gone.
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });
});
