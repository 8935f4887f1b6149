import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/dialects.js';
import { fixedClock } from '../clock.js';
import { type Database, openDatabase } from '../db/database.js';
import { ABANDONED_AFTER_MS, createWork } from './work.js';

const START = '2026-12-01T10:00:00.000Z';
const later = (ms: number) => new Date(Date.parse(START) + ms).toISOString();

describe('work runs', () => {
  let testDb: TestDatabase;
  // A second connection to the same database, as a second server process has.
  let other: Database;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    other = openDatabase(testDb.target);
  });
  afterAll(async () => {
    await other.close();
    await testDb.drop();
  });

  it('lets one of two racing claims take a queued run, and the other none', async () => {
    const clock = fixedClock(START);
    const first = createWork({ db: testDb.database.db, clock, owner: 'process-a' });
    const second = createWork({ db: other.db, clock, owner: 'process-b' });
    const id = await first.enqueue({ kind: 'test', subjectId: 'subject-1' });

    const claims = await Promise.all([first.claim(id), second.claim(id), first.claim(id), second.claim(id)]);

    expect(claims.filter(Boolean)).toHaveLength(1);
    const run = await first.find(id);
    expect(run?.status).toBe('running');
    expect(['process-a', 'process-b']).toContain(run?.claimed_by);
  });

  it('shows progress written by one process to another, and the outcome once done', async () => {
    const clock = fixedClock(START);
    const worker = createWork({ db: testDb.database.db, clock, owner: 'worker' });
    const viewer = createWork({ db: other.db, clock, owner: 'viewer' });
    const id = await worker.enqueue({ kind: 'test', subjectId: 'subject-2' });
    expect(await worker.claim(id)).toBe(true);

    let seenMidway: unknown;
    await worker.perform(
      id,
      async (progress) => {
        await progress(40, 'half way there');
        seenMidway = await viewer.find(id);
        return 7;
      },
      (n) => ({ message: `${n} done`, outcome: String(n) }),
    );

    expect(seenMidway).toMatchObject({ status: 'running', progress: 40, message: 'half way there' });
    expect(await viewer.find(id)).toMatchObject({ status: 'succeeded', progress: 100, message: '7 done', outcome: '7' });
    expect((await viewer.latestOf(['subject-2'])).get('subject-2')?.id).toBe(id);
  });

  it('records a failed run with the reason', async () => {
    const clock = fixedClock(START);
    const worker = createWork({ db: testDb.database.db, clock });
    const id = await worker.enqueue({ kind: 'test', subjectId: 'subject-3' });
    await worker.claim(id);
    await expect(worker.perform(id, () => Promise.reject(new Error('no paper')), () => ({ message: null }))).rejects.toThrow('no paper');
    expect(await worker.find(id)).toMatchObject({ status: 'failed', message: 'no paper', finished_at: expect.any(String) });
  });

  it('holds a run abandoned once its heartbeat is older than the threshold, and lets another process take it over', async () => {
    const clock = fixedClock(START);
    const crashed = createWork({ db: testDb.database.db, clock, owner: 'crashed' });
    const rescuer = createWork({ db: other.db, clock, owner: 'rescuer' });
    const id = await crashed.enqueue({ kind: 'test', subjectId: 'subject-4' });
    await crashed.claim(id);

    clock.set(later(ABANDONED_AFTER_MS - 60_000));
    expect(await crashed.heartbeat(id)).toBe(true);
    clock.set(later(2 * ABANDONED_AFTER_MS - 60_000));
    // The heartbeat a minute short of the threshold ago keeps it alive.
    expect(rescuer.isAbandoned((await rescuer.find(id))!)).toBe(false);
    expect(await rescuer.claim(id)).toBe(false);

    clock.set(later(2 * ABANDONED_AFTER_MS));
    expect(rescuer.isAbandoned((await rescuer.find(id))!)).toBe(true);
    expect(await rescuer.claim(id)).toBe(true);
    expect(rescuer.isAbandoned((await rescuer.find(id))!)).toBe(false);
    // The process that lost it can no longer write to it.
    expect(await crashed.progress(id, 90, 'still here')).toBe(false);
    expect(await rescuer.find(id)).toMatchObject({ claimed_by: 'rescuer', progress: 0 });
  });

  it('holds a queued run nobody took abandoned by when it was queued', async () => {
    const clock = fixedClock(START);
    const work = createWork({ db: testDb.database.db, clock });
    const id = await work.enqueue({ kind: 'test', subjectId: 'subject-5' });
    expect(work.isAbandoned((await work.find(id))!)).toBe(false);
    clock.set(later(ABANDONED_AFTER_MS + 1));
    expect(work.isAbandoned((await work.find(id))!)).toBe(true);
    await work.fail(id, 'never started', { anyOwner: true });
    expect(work.isAbandoned((await work.find(id))!)).toBe(false);
  });
});
