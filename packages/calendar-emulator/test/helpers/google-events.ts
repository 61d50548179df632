// Shared events.list helpers for the Google specs: a time slot, bulk insert with
// predictable ids, and a list that follows nextPageToken as a correct client must.
import type { calendar_v3 } from 'googleapis';
import type { calendarApi } from './google.js';

type Cal = ReturnType<typeof calendarApi>;

export const slot = (day: number) => ({
  start: { dateTime: `2026-12-${String(day).padStart(2, '0')}T09:00:00Z` },
  end: { dateTime: `2026-12-${String(day).padStart(2, '0')}T10:00:00Z` },
});

/** Inserts ev00001..evNNNNN (summary E<i>) into the primary calendar. */
export async function insertMany(cal: Cal, n: number, props: (i: number) => Record<string, string> = () => ({})) {
  for (let i = 1; i <= n; i++) {
    await cal.events.insert({ calendarId: 'primary', requestBody: { id: `ev${String(i).padStart(5, '0')}`, summary: `E${i}`, ...slot((i % 28) + 1), extendedProperties: { private: props(i) } } });
  }
}

/** Follows nextPageToken to the end; returns every page, all items and the final sync token. */
export async function listAll(cal: Cal, params: calendar_v3.Params$Resource$Events$List) {
  const pages: calendar_v3.Schema$Events[] = [];
  let pageToken: string | undefined;
  do {
    const { data } = await cal.events.list({ calendarId: 'primary', ...params, ...(pageToken ? { pageToken } : {}) });
    pages.push(data);
    pageToken = data.nextPageToken ?? undefined;
  } while (pageToken);
  return { pages, items: pages.flatMap((p) => p.items ?? []), syncToken: pages[pages.length - 1]!.nextSyncToken! };
}
