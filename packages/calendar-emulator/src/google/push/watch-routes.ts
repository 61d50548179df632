// Owns events.watch and channels.stop (provider-apis.md A2.5). Dev leniency: besides https
// addresses (what Google requires), http://localhost and http://127.0.0.1 are accepted so a
// local API can receive notifications; anything else is refused as Google does.
// Lifetime: Google documents no maximum for Calendar channels, only that the server may
// shorten the requested `expiration` and that the answer is authoritative (push guide);
// without one, channels are reported to live about a week (provider-apis.md A2.5). So:
// no `expiration` (or `params.ttl`) = 7 days, and at most 7 days.
import type { Express } from 'express';
import type { EmulatorContext } from '../../core/context.js';
import { randomToken } from '../../core/ids.js';
import { GoogleApiError, gerr } from '../errors.js';
import { googleAuth } from '../auth.js';
import { resolveCalendar } from '../calendar/access.js';
import { handler, jsonBody, param } from '../calendar/handler.js';
import { channels } from './channels.js';
import type { Channel } from './channels.js';
import { deliver } from './delivery.js';

const MAX_LIFETIME_MS = 7 * 24 * 3600 * 1000;
const bad = (reason: string, message: string) => new GoogleApiError(400, { domain: 'global', reason, message });

function addressAllowed(address: string): boolean {
  try {
    const u = new URL(address);
    return u.protocol === 'https:' || (u.protocol === 'http:' && (u.hostname === 'localhost' || u.hostname === '127.0.0.1'));
  } catch {
    return false;
  }
}

export function registerWatch(app: Express, ctx: EmulatorContext): void {
  app.post('/calendar/v3/calendars/:calendarId/events/watch', ctx.route('google', 'events.watch'), googleAuth(ctx, 'readEvents'), ctx.quotaGate('google'), handler((req, res) => {
    const cal = resolveCalendar(ctx, res.locals.user, param(req, 'calendarId'));
    const b = jsonBody(req);
    if (typeof b.id !== 'string' || b.id === '') throw gerr.required('Required');
    if (b.id.length > 64) throw gerr.invalid('Channel id must be at most 64 characters.');
    if (channels(ctx).some((c) => c.id === b.id)) throw bad('channelIdNotUnique', `Channel id ${b.id} not unique`);
    if (b.type !== 'web_hook' && b.type !== 'webhook') throw bad('push.channelTypeNotSupported', `Channel type ${String(b.type)} is not supported.`);
    if (typeof b.address !== 'string' || !addressAllowed(b.address)) throw bad('push.webhookUrlUnauthorized', `Unauthorized WebHook callback channel: ${String(b.address)}`);
    const now = ctx.clock.now();
    const ttl = Number((b.params as Record<string, unknown> | undefined)?.ttl);
    const asked = b.expiration !== undefined ? Number(b.expiration) : Number.isFinite(ttl) && ttl > 0 ? now + ttl * 1000 : undefined;
    // The server may shorten the requested expiration; the response value is authoritative.
    const expiration = Math.min(asked && asked > now ? asked : now + MAX_LIFETIME_MS, now + MAX_LIFETIME_MS);
    const ch: Channel = {
      id: b.id,
      resourceId: randomToken('', 18),
      resourceUri: `https://www.googleapis.com/calendar/v3/calendars/${encodeURIComponent(cal.id)}/events?alt=json`,
      calendarId: cal.id,
      email: res.locals.user,
      address: b.address,
      ...(typeof b.token === 'string' ? { token: b.token } : {}),
      expiration,
      messageNumber: 0,
      stopped: false,
    };
    channels(ctx).push(ch);
    res.json({ kind: 'api#channel', id: ch.id, resourceId: ch.resourceId, resourceUri: ch.resourceUri, ...(ch.token !== undefined ? { token: ch.token } : {}), expiration: String(ch.expiration) });
    setImmediate(() => void deliver(ctx, ch, 'sync'));
  }));

  app.post('/calendar/v3/channels/stop', ctx.route('google', 'channels.stop'), googleAuth(ctx, 'readEvents'), ctx.quotaGate('google'), handler((req, res) => {
    const b = jsonBody(req);
    const ch = channels(ctx).find((c) => c.id === b.id && c.resourceId === b.resourceId && c.email === res.locals.user && !c.stopped);
    if (!ch) throw gerr.notFound();
    ch.stopped = true;
    res.status(204).end();
  }));
}
