// Owns the viewer page at `/`: server-rendered HTML of accounts, calendars and events per
// provider plus the latest requests, refreshed every 2 s, so a person can watch a sync.
import type { Express } from 'express';
import type { EmulatorContext } from '../core/context.js';
import type { Calendar, Provider, StoredEvent } from '../core/types.js';
import { PROVIDERS } from '../core/types.js';
import { summarizeMicrosoftEvent } from '../microsoft/index.js';
// Owner buttons, one module per provider (each acts through its provider's owner control calls).
import { GOOGLE_ACTIONS_SCRIPT, googleActionsCell } from './google-actions.js';
import { ownerActionsCell, ownerActionsHeader, ownerActionsScript } from './microsoft-owner-actions.js';

const esc = (s: unknown): string =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

type Times = { dateTime?: string; date?: string; timeZone?: string } | undefined;
const when = (t: Times): string => (t ? `${t.dateTime ?? t.date ?? ''}${t.timeZone && t.dateTime && !/[Z+-]\d*:?\d*$/.test(t.dateTime) ? ` (${t.timeZone})` : ''}` : '');

/** Title/start/end per provider: Google stores its resource, Microsoft its own record. */
function summary(e: StoredEvent): { title: unknown; start: string; end: string; status: unknown } {
  if (e.provider === 'caldav') return { title: e.body.summary, start: String(e.body.start ?? ''), end: String(e.body.end ?? ''), status: e.deleted ? 'deleted' : 'live' };
  if (e.provider === 'microsoft') {
    const m = summarizeMicrosoftEvent(e.body);
    return { title: m.title, start: m.start, end: m.end, status: e.deleted ? 'deleted' : 'live' };
  }
  const b = e.body;
  return { title: b.summary, start: when(b.start as Times), end: when(b.end as Times), status: e.deleted ? 'deleted' : b.status };
}

const actionsCell = (e: StoredEvent, cal: Calendar): string =>
  cal.provider === 'google' ? googleActionsCell(e, cal) : cal.provider === 'microsoft' ? ownerActionsCell(e, cal) : '';
const actionsHeader = (cal: Calendar): string => (cal.provider === 'google' ? '<th>Actions</th>' : ownerActionsHeader(cal));

function eventRow(e: StoredEvent, cal: Calendar): string {
  const s = summary(e);
  const style = e.deleted ? ' style="text-decoration:line-through;color:#888"' : '';
  return `<tr${style}><td>${esc(s.title ?? '(no title)')}</td><td>${esc(s.start)}</td><td>${esc(s.end)}</td>
<td>${esc(s.status)}</td><td><code>${esc(e.id.length > 40 ? `${e.id.slice(0, 37)}...` : e.id)}</code></td><td>${e.changeSeq}</td>${actionsCell(e, cal)}</tr>`;
}

function calendarBlock(cal: Calendar, events: StoredEvent[]): string {
  const mine = events.filter((e) => e.calendarId === cal.id).sort((a, b) => b.changeSeq - a.changeSeq);
  const flags = [cal.primary ? 'primary' : '', cal.canWrite ? 'writable' : 'read-only'].filter(Boolean).join(', ');
  const rows = mine.length
    ? `<table><tr><th>Title</th><th>Start</th><th>End</th><th>Status</th><th>Id</th><th>Change #</th>${actionsHeader(cal)}</tr>${mine.map((e) => eventRow(e, cal)).join('')}</table>`
    : '<p class="empty">No events.</p>';
  return `<details open><summary>${esc(cal.name)} <small>(${esc(flags)}, ${mine.length} events)</small></summary>${rows}</details>`;
}

function providerSection(ctx: EmulatorContext, provider: Provider): string {
  const s = ctx.state;
  const events = [...s.events.values()].filter((e) => e.provider === provider);
  const accounts = s.accounts.filter((a) => a.provider === provider);
  const body = accounts
    .map((a) => {
      const cals = s.calendars.filter((c) => c.provider === provider && c.ownerEmail === a.email);
      const grants = s.grants.filter((g) => g.provider === provider && g.email === a.email && !g.revoked).length;
      return `<h3>${esc(a.name)} &lt;${esc(a.email)}&gt; <small>${grants} active grant(s)</small></h3>${cals.map((c) => calendarBlock(c, events)).join('')}`;
    })
    .join('');
  const title = { google: 'Google Calendar', microsoft: 'Microsoft Outlook (Graph)', caldav: 'CalDAV' }[provider];
  const note = provider === 'caldav' ? `at <code>${esc(ctx.urls.http)}/caldav/</code>, Basic auth` : `consent: ${esc(s.consent[provider])}`;
  return `<section><h2>${title} <small>${note}</small></h2>${body}</section>`;
}

function requestsBlock(ctx: EmulatorContext): string {
  const last = ctx.log.list().slice(-15).reverse();
  const rows = last
    .map((r) => `<tr><td>${esc(r.time.slice(11, 23))}</td><td>${esc(r.provider)}</td><td>${esc(r.route)}${r.inner ? ' (batch)' : ''}</td><td>${r.status}</td><td>${esc(r.user ?? '')}</td></tr>`)
    .join('');
  return `<section><h2>Latest requests</h2><table><tr><th>Time</th><th>Provider</th><th>Route</th><th>Status</th><th>User</th></tr>${rows}</table></section>`;
}

export function renderViewer(ctx: EmulatorContext): string {
  const faults = ctx.faults.list();
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="2">
<title>Calendar emulator</title><style>
body{font-family:system-ui,sans-serif;margin:1.5rem;color:#222}table{border-collapse:collapse;margin:.3rem 0 1rem}
td,th{border:1px solid #ddd;padding:.2rem .5rem;font-size:.9rem;text-align:left}small{color:#666;font-weight:normal}
section{margin-bottom:2rem}.empty{color:#888;margin:.3rem 0 1rem}summary{cursor:pointer;font-weight:600}</style></head>
<body><h1>Calendar emulator</h1>
<p>Google + CalDAV + control API: <code>${esc(ctx.urls.http)}</code> · Microsoft: <code>${esc(ctx.urls.https)}</code> ·
<a href="/_emulator/info">info</a> · <a href="/_emulator/state">state</a> · <a href="/_emulator/requests">requests</a> ·
active faults: ${faults.length}</p>
${PROVIDERS.map((p) => providerSection(ctx, p)).join('')}${requestsBlock(ctx)}${GOOGLE_ACTIONS_SCRIPT}${ownerActionsScript}</body></html>`;
}

export function registerViewer(httpApp: Express, ctx: EmulatorContext): void {
  httpApp.get('/', (_req, res) => {
    res.type('html').send(renderViewer(ctx));
  });
}
