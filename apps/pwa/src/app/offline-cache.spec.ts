import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isKeptOffline, keepOfflineCopy } from './offline-cache';

/** The browser's Storage, in memory (the unit tests run in Node). */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() { return items.size; },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

const list = [{ id: 'i-1', title: 'Chaudière' }];

describe('offline copy of the query cache', () => {
  afterEach(() => vi.useRealTimers());

  it('keeps who is signed in and the interventions lists, nothing else', () => {
    expect(isKeptOffline(['auth', 'me', 'token'])).toBe(true);
    expect(isKeptOffline(['interventions', 'list', {}])).toBe(true);
    expect(isKeptOffline(['interventions', 'detail', 'i-1'])).toBe(false);
    expect(isKeptOffline(['integrations'])).toBe(false);
  });

  it('saves the list a second after it arrives and puts it back in a new client (a reload)', () => {
    vi.useFakeTimers();
    const storage = memoryStorage();
    const before = new QueryClient();
    keepOfflineCopy(before, storage);
    before.setQueryData(['interventions', 'list', {}], list);
    before.setQueryData(['integrations'], [{ provider: 'google' }]);
    vi.advanceTimersByTime(1_000);

    const after = new QueryClient();
    keepOfflineCopy(after, storage);
    expect(after.getQueryData(['interventions', 'list', {}])).toEqual(list);
    expect(after.getQueryData(['integrations'])).toBeUndefined();
  });

  it('forgets the copy at once when the cache is cleared (log out, log in)', () => {
    vi.useFakeTimers();
    const storage = memoryStorage();
    const client = new QueryClient();
    keepOfflineCopy(client, storage);
    client.setQueryData(['interventions', 'list', {}], list);
    vi.advanceTimersByTime(1_000);
    expect(storage.getItem('fs.offlineCache')).not.toBeNull();
    client.clear();
    expect(storage.getItem('fs.offlineCache')).toBeNull();
  });

  it('starts empty from an unreadable copy and drops it', () => {
    const storage = memoryStorage();
    storage.setItem('fs.offlineCache', '{not json');
    const client = new QueryClient();
    keepOfflineCopy(client, storage);
    expect(client.getQueryCache().getAll()).toHaveLength(0);
    expect(storage.getItem('fs.offlineCache')).toBeNull();
  });
});
