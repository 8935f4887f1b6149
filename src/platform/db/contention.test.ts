import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { FastifyRequest } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { toProblem } from '../http/problem.js';
import { isContention } from './contention.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** The error SQLite gives a writer that finds another holding the file's write lock. */
function busyError(): unknown {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-busy-'));
  dirs.push(dir);
  const file = path.join(dir, 'busy.db');
  const holder = new BetterSqlite3(file);
  const other = new BetterSqlite3(file, { timeout: 0 });
  try {
    holder.exec('CREATE TABLE t (id INTEGER); BEGIN IMMEDIATE; INSERT INTO t VALUES (1);');
    other.exec('INSERT INTO t VALUES (2)');
    return null;
  } catch (error) {
    return error;
  } finally {
    other.close();
    holder.close();
  }
}

describe('contention between transactions', () => {
  it('is told apart from other database errors', () => {
    expect(isContention(busyError())).toBe(true);
    // PostgreSQL's deadlock, serialization failure and lock-not-available, by SQLSTATE.
    for (const code of ['40P01', '40001', '55P03']) expect(isContention(Object.assign(new Error(code), { code }))).toBe(true);
    expect(isContention(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isContention(new Error('no code'))).toBe(false);
    expect(isContention(null)).toBe(false);
  });

  it('answers a conflict to send again, never a 500', () => {
    const problem = toProblem(busyError(), { url: '/api/enrollments', id: 'r1' } as FastifyRequest);
    expect(problem).toMatchObject({ status: 409, code: 'conflict', detail: expect.stringContaining('Send the request again') });
  });
});
