import { describe, expect, it } from 'vitest';
import type { Task } from '../../api/schemas';
import { latestOnce } from './PartnershipActivity';

const task = (id: string, version: number, status: Task['status']) => ({ id, version, status }) as Task;

describe('latestOnce', () => {
  it('keeps each follow-up once, in its latest version, where that version stands', () => {
    const rows = latestOnce([task('a', 1, 'open'), task('b', 2, 'open'), task('a', 2, 'done'), task('c', 1, 'done')]);
    expect(rows.map((row) => [row.id, row.status])).toEqual([
      ['b', 'open'],
      ['a', 'done'],
      ['c', 'done'],
    ]);
  });

  it('keeps the first of two equal versions', () => {
    expect(latestOnce([task('a', 1, 'open'), task('a', 1, 'done')]).map((row) => row.status)).toEqual(['open']);
  });
});
