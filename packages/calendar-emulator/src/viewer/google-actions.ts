// Owns the viewer's Google owner buttons: on each live event of a writable Google calendar,
// "+1 h" (move; all-day events move a day), "Rename" and "Delete", which call the owner
// control calls (/_emulator/google/owner/events/...) as if the person did it in Google
// Calendar, so a watcher sees the sync client pick the change up. Microsoft has its own.
import type { Calendar, StoredEvent } from '../core/types.js';

// The same escaping as page.ts (kept local so this file does not import the page).
const esc = (s: unknown): string =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

type Side = { dateTime?: string; date?: string; timeZone?: string };

function shifted(t: Side): Side {
  if (t.date) return { ...t, date: new Date(Date.parse(`${t.date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10) };
  return { ...t, dateTime: new Date(Date.parse(t.dateTime!) + 3_600_000).toISOString() };
}

/** The patch that moves an event one hour later (one day for all-day events). */
export function movePatch(body: Record<string, unknown>): { start: Side; end: Side } {
  return { start: shifted(body.start as Side), end: shifted(body.end as Side) };
}

export function googleActionsCell(e: StoredEvent, cal: Calendar): string {
  if (e.provider !== 'google' || e.deleted || !cal.canWrite) return '<td></td>';
  const path = `${encodeURIComponent(cal.id)}/${encodeURIComponent(e.id)}`;
  const allDay = !!(e.body.start as Side | undefined)?.date;
  return `<td><button type="button" data-g-path="${esc(path)}" data-g-move="${esc(JSON.stringify(movePatch(e.body)))}">${allDay ? '+1 day' : '+1 h'}</button>
<button type="button" data-g-path="${esc(path)}" data-g-rename="${esc(e.body.summary ?? '')}">Rename</button>
<button type="button" data-g-path="${esc(path)}" data-g-delete>Delete</button></td>`;
}

// window.stop() cancels the page's 2 s meta refresh while the person types a title.
export const GOOGLE_ACTIONS_SCRIPT = `<script>
document.addEventListener('click', async (ev) => {
  const b = ev.target.closest('button[data-g-path]');
  if (!b) return;
  window.stop();
  const url = '/_emulator/google/owner/events/' + b.dataset.gPath;
  let init;
  if (b.dataset.gMove) init = { method: 'PATCH', body: b.dataset.gMove };
  else if (b.dataset.gRename !== undefined) {
    const summary = prompt('New title', b.dataset.gRename);
    if (summary === null) return location.reload();
    init = { method: 'PATCH', body: JSON.stringify({ summary }) };
  } else if (!confirm('Delete this event?')) return location.reload();
  else init = { method: 'DELETE' };
  const res = await fetch(url, { ...init, headers: init.body ? { 'content-type': 'application/json' } : {} });
  if (!res.ok) alert('Google owner edit failed: ' + res.status + ' ' + (await res.text()));
  location.reload();
});
</script>`;
