// Runs work items a few at a time: at most `total` at once, and at most `perKey` of one key
// at once (the sync worker's key is the account, so one person's first sync cannot fill
// every lane, and a provider's concurrent-calls-per-mailbox limit holds). Items of a key
// start in their order. Every item runs even if one fails; the first failure is rethrown.
export async function runInLanes<T>(
  items: readonly T[],
  limits: { total: number; perKey: number },
  keyOf: (item: T) => string,
  work: (item: T) => Promise<void>,
): Promise<void> {
  const waiting = [...items];
  const active = new Map<string, number>();
  const failures: unknown[] = [];
  let running = 0;
  await new Promise<void>((resolve) => {
    const pump = (): void => {
      for (let i = 0; i < waiting.length && running < limits.total; ) {
        const key = keyOf(waiting[i]!);
        if ((active.get(key) ?? 0) >= limits.perKey) {
          i++;
          continue;
        }
        const [item] = waiting.splice(i, 1);
        running++;
        active.set(key, (active.get(key) ?? 0) + 1);
        void work(item!)
          .catch((error: unknown) => failures.push(error))
          .finally(() => {
            running--;
            active.set(key, active.get(key)! - 1);
            pump();
          });
      }
      if (running === 0 && waiting.length === 0) resolve();
    };
    pump();
  });
  if (failures.length > 0) throw failures[0];
}
