// Owns the viewer's Outlook-owner buttons on Microsoft events: move +1 h, edit the subject,
// delete, each acting as the account owner through the owner control calls
// (/_emulator/microsoft/owner/events, src/microsoft/owner-control.ts), so a person watching
// a sync can make the changes two-way sync must pick up. Plain HTML + one small script.
import type { Calendar, StoredEvent } from '../core/types.js';
import { summarizeMicrosoftEvent } from '../microsoft/index.js';

const esc = (s: unknown): string =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export const ownerActionsHeader = (cal: Calendar): string => (cal.provider === 'microsoft' ? '<th>Outlook owner</th>' : '');

export function ownerActionsCell(e: StoredEvent, cal: Calendar): string {
  if (cal.provider !== 'microsoft') return '';
  if (e.deleted || !cal.canWrite) return '<td></td>';
  const s = summarizeMicrosoftEvent(e.body);
  const data = `data-id="${esc(e.id)}" data-email="${esc(cal.ownerEmail)}" data-start="${esc(s.start)}" data-end="${esc(s.end)}" data-subject="${esc(s.title)}"`;
  const label = (what: string) => `aria-label="${esc(`${what} '${s.title}' as ${cal.ownerEmail} in Outlook`)}"`;
  return `<td><button type="button" data-ms-owner="move" ${data} ${label('Move one hour later')}>+1 h</button>
<button type="button" data-ms-owner="rename" ${data} ${label('Edit the subject of')}>Edit subject</button>
<button type="button" data-ms-owner="delete" ${data} ${label('Delete')}>Delete</button></td>`;
}

// keepalive: the page reloads itself every 2 s; the request must survive that navigation.
export const ownerActionsScript = `<script>
(() => {
  const base = '/_emulator/microsoft/owner/events/';
  const plusHour = (iso) => new Date(Date.parse(iso) + 3600000).toISOString().slice(0, 19);
  async function send(method, d, event) {
    const url = base + encodeURIComponent(d.id) + (method === 'DELETE' ? '?email=' + encodeURIComponent(d.email) : '');
    const init = { method, keepalive: true, headers: { 'content-type': 'application/json' } };
    if (event) init.body = JSON.stringify({ email: d.email, event });
    const res = await fetch(url, init);
    if (!res.ok) alert('Outlook edit refused: ' + ((await res.json()).error || res.status));
    location.reload();
  }
  document.addEventListener('click', (ev) => {
    const b = ev.target.closest('button[data-ms-owner]');
    if (!b) return;
    const d = b.dataset;
    if (d.msOwner === 'move') send('PATCH', d, { start: { dateTime: plusHour(d.start), timeZone: 'UTC' }, end: { dateTime: plusHour(d.end), timeZone: 'UTC' } });
    if (d.msOwner === 'delete') send('DELETE', d);
    if (d.msOwner === 'rename') {
      const subject = prompt('New subject', d.subject);
      if (subject !== null) send('PATCH', d, { subject });
    }
  });
})();
</script>`;
