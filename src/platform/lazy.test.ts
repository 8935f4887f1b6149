import { describe, expect, it } from 'vitest';
import { lazily } from './lazy.js';

describe('lazily', () => {
  it('loads on the first call only, and every caller gets the same value', async () => {
    let loads = 0;
    const library = lazily(async () => ({ loaded: ++loads }));
    expect(loads).toBe(0);
    const [first, second] = await Promise.all([library(), library()]);
    expect(await library()).toBe(first);
    expect(second).toBe(first);
    expect(loads).toBe(1);
  });

  it('tries again after a load that failed', async () => {
    let attempts = 0;
    const library = lazily(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('not reachable yet');
      return 'ready';
    });
    await expect(library()).rejects.toThrow('not reachable yet');
    expect(await library()).toBe('ready');
    expect(attempts).toBe(2);
  });
});
