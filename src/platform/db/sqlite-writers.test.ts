import { describe, expect, it } from 'vitest';
import { WriterTurns } from './sqlite-writers.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the writer turns of a process', () => {
  it('go first come, first served', async () => {
    const turns = new WriterTurns();
    const order: string[] = [];
    const first = await turns.take();
    const waiting = ['second', 'third'].map((name) => turns.take().then((leave) => (order.push(name), leave())));
    first();
    await Promise.all(waiting);
    expect(order).toEqual(['second', 'third']);
  });

  it('give work that lets writers go first the turn once no writer holds it or waits for it', async () => {
    const turns = new WriterTurns();
    const order: string[] = [];
    const first = await turns.take();
    const idle = turns.takeWhenIdle().then((leave) => (order.push('idle'), leave));
    const second = turns.take().then((leave) => (order.push('second'), leave));
    first();
    const secondDone = await second;
    // Queued after it, a third writer still goes before it.
    const third = turns.take().then((leave) => (order.push('third'), leave));
    secondDone();
    (await third)();
    const idleDone = await idle;
    // While it holds the turn, a writer waits for it.
    const fourth = turns.take().then((leave) => (order.push('fourth'), leave));
    await pause(20);
    expect(order).toEqual(['second', 'third', 'idle']);
    idleDone();
    (await fourth)();
    expect(order).toEqual(['second', 'third', 'idle', 'fourth']);
  });

  it('let a writer that follows the last at once go before that work too', async () => {
    const turns = new WriterTurns();
    const order: string[] = [];
    const first = await turns.take();
    const idle = turns.takeWhenIdle().then((leave) => (order.push('idle'), leave()));
    // Writes chained one after another, as a process's progress is written: each asks for its turn once the one before has ended.
    let chain = Promise.resolve();
    for (const name of ['second', 'third', 'fourth']) chain = chain.then(() => Promise.resolve().then(() => turns.take()).then((leave) => (order.push(name), leave())));
    first();
    await Promise.all([chain, idle]);
    expect(order).toEqual(['second', 'third', 'fourth', 'idle']);
  });

  it('queue that work like a writer once its patience of writers one after another has gone by', async () => {
    const turns = new WriterTurns();
    let writes = 0;
    let writesBeforeIdle: number | undefined;
    const idle = turns.takeWhenIdle(5).then((leave) => {
      writesBeforeIdle = writes;
      leave();
    });
    // Each writer queues before the one before it leaves: the turns are never free. Each holds
    // its turn across a turn of the event loop, as a request's write does.
    let holding = await turns.take();
    for (; writes < 40; writes += 1) {
      const next = turns.take();
      holding();
      holding = await next;
      await new Promise((resolve) => setImmediate(resolve));
    }
    holding();
    await idle;
    expect(writesBeforeIdle).toBeGreaterThanOrEqual(5);
    expect(writesBeforeIdle).toBeLessThan(40);
  });

  it('count one long writer once, however long it holds the turn: writers that queue behind it still go first', async () => {
    const turns = new WriterTurns();
    const order: string[] = [];
    const long = await turns.take();
    const idle = turns.takeWhenIdle(2).then((leave) => (order.push('idle'), leave()));
    await pause(50);
    const outcome = turns.take().then((leave) => (order.push('outcome'), leave()));
    long();
    await Promise.all([outcome, idle]);
    expect(order).toEqual(['outcome', 'idle']);
  });

  it('count a writer that gave up waiting as gone', async () => {
    const turns = new WriterTurns();
    const holding = await turns.take();
    await expect(turns.take(10)).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    holding();
    // Counted as still waiting, it would keep the turns from ever being free.
    const taken = await Promise.race([turns.takeWhenIdle().then((leave) => (leave(), 'taken')), pause(2_000).then(() => 'still waiting')]);
    expect(taken).toBe('taken');
  });
});
