import { describe, expect, it } from 'vitest';
import { runInLanes } from './lanes';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('runInLanes', () => {
  it('never runs more than `total` at once, nor more than `perKey` of one key, and runs every item', async () => {
    const items = ['a1', 'a2', 'a3', 'a4', 'b1', 'b2', 'c1'];
    let running = 0;
    let peak = 0;
    const perKey = new Map<string, number>();
    let peakPerKey = 0;
    const done: string[] = [];
    await runInLanes(items, { total: 3, perKey: 2 }, (item) => item[0]!, async (item) => {
      running++;
      perKey.set(item[0]!, (perKey.get(item[0]!) ?? 0) + 1);
      peak = Math.max(peak, running);
      peakPerKey = Math.max(peakPerKey, perKey.get(item[0]!)!);
      await tick();
      running--;
      perKey.set(item[0]!, perKey.get(item[0]!)! - 1);
      done.push(item);
    });
    expect(peak).toBe(3);
    expect(peakPerKey).toBe(2);
    expect([...done].sort()).toEqual([...items].sort());
  });

  it('lets another key through while one key has its lanes full', async () => {
    const started: string[] = [];
    await runInLanes(['a1', 'a2', 'a3', 'b1'], { total: 3, perKey: 2 }, (item) => item[0]!, async (item) => {
      started.push(item);
      await tick();
    });
    expect(started.slice(0, 3)).toEqual(['a1', 'a2', 'b1']);
  });

  it('runs every item when one fails, then rethrows the failure', async () => {
    const done: string[] = [];
    const run = runInLanes(['x', 'y', 'z'], { total: 1, perKey: 1 }, () => 'k', async (item) => {
      if (item === 'x') throw new Error('x failed');
      done.push(item);
    });
    await expect(run).rejects.toThrow('x failed');
    expect(done).toEqual(['y', 'z']);
  });

  it('resolves at once with nothing to run', async () => {
    await expect(runInLanes([], { total: 2, perKey: 1 }, String, async () => undefined)).resolves.toBeUndefined();
  });
});
