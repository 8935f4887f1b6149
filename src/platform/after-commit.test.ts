import { describe, expect, it } from 'vitest';
import { createAfterCommit } from './after-commit.js';

describe('work after a commit', () => {
  it('starts once the code that asked for it has run on, and settles when it is done', async () => {
    const errors: unknown[] = [];
    const afterCommit = createAfterCommit((error) => errors.push(error));
    const order: string[] = [];
    afterCommit.run(async () => {
      order.push('work');
      await new Promise((resolve) => setTimeout(resolve, 5));
      order.push('work done');
    });
    order.push('answered');
    await Promise.resolve();
    order.push('still answering');
    await afterCommit.settled();
    expect(order).toEqual(['answered', 'still answering', 'work', 'work done']);
    expect(errors).toEqual([]);
  });

  it('waits for work that other work started, and reports a failure rather than throwing it', async () => {
    const errors: unknown[] = [];
    const afterCommit = createAfterCommit((error) => errors.push(error));
    const done: string[] = [];
    afterCommit.run(async () => {
      afterCommit.run(async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        done.push('second');
      });
      throw new Error('the first failed');
    });
    await afterCommit.settled();
    expect(done).toEqual(['second']);
    expect(errors).toEqual([new Error('the first failed')]);
    // Nothing left running: settling again is immediate.
    await afterCommit.settled();
  });
});
