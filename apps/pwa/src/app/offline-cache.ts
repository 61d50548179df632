// Offline, the interventions list still shows what was last known. The service worker never
// caches API responses (they are personal and must be fresh); instead the query cache's
// answers for who is signed in and their interventions list are kept in localStorage with
// react-query's own dehydrate / hydrate, and put back before the first render. Logging in
// or out clears the query cache, which clears this copy too.
import { dehydrate, hydrate, type DehydratedState, type Query, type QueryClient } from '@tanstack/react-query';

const STORAGE_KEY = 'fs.offlineCache';
/** Bumped when the shape of what is stored changes: an older copy is dropped, not misread. */
const VERSION = 1;
const SAVE_DELAY_MS = 1_000;

/** Only the answers a technician needs to read their day offline. */
export function isKeptOffline(queryKey: readonly unknown[]): boolean {
  return (queryKey[0] === 'auth' && queryKey[1] === 'me') || (queryKey[0] === 'interventions' && queryKey[1] === 'list');
}

const keep = (query: Query) => query.state.status === 'success' && isKeptOffline(query.queryKey);

/** Puts the last saved copy back into `client`, then keeps the copy up to date. */
export function keepOfflineCopy(client: QueryClient, storage: Storage = localStorage): () => void {
  try {
    const saved = JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null') as { version: number; state: DehydratedState } | null;
    if (saved?.version === VERSION) hydrate(client, saved.state);
  } catch {
    storage.removeItem(STORAGE_KEY); // unreadable: start without it
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    timer = undefined;
    const state = dehydrate(client, { shouldDehydrateQuery: keep });
    try {
      if (state.queries.length === 0) storage.removeItem(STORAGE_KEY);
      else storage.setItem(STORAGE_KEY, JSON.stringify({ version: VERSION, state }));
    } catch {
      // Storage full or refused (private mode): offline reading is a comfort, not a duty.
    }
  };
  const unsubscribe = client.getQueryCache().subscribe((event) => {
    // A clear (login, logout) must reach the stored copy at once, not a second later.
    if (event.type === 'removed' && client.getQueryCache().getAll().length === 0) save();
    else timer ??= setTimeout(save, SAVE_DELAY_MS);
  });
  return () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
  };
}
