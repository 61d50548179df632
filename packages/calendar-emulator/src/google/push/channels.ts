// Owns the Google push channel registry (provider-apis.md A2.5, developers.google.com/calendar/api/guides/push)
// in state.ext.google, and which channels a change of a calendar's events wakes up: every
// channel on that calendar that is not stopped, not expired (emulator clock) and whose
// calendar still exists. Sending lives in delivery.ts.
import type { EmulatorContext } from '../../core/context.js';
import { deliver } from './delivery.js';
import type { PushExt } from './delivery.js';
import type { Channel } from './channel.js';

export type { Channel } from './channel.js';

export type ChannelState = 'active' | 'stopped' | 'expired' | 'gone';

const ext = (ctx: EmulatorContext) => ctx.state.ext.google as PushExt & { channels?: Channel[] };
export const channels = (ctx: EmulatorContext): Channel[] => (ext(ctx).channels ??= []);

export function channelState(ch: Channel, now: number): ChannelState {
  if (ch.gone) return 'gone';
  if (ch.stopped) return 'stopped';
  return ch.expiration <= now ? 'expired' : 'active';
}

const live = (ctx: EmulatorContext, calendarId: string): Channel[] =>
  channels(ctx).filter((ch) => ch.calendarId === calendarId && channelState(ch, ctx.clock.now()) === 'active');

/** Called after any change to an event of `calendarId`. Fire-and-forget. */
export function notifyCalendarChanged(ctx: EmulatorContext, calendarId: string): void {
  for (const ch of live(ctx, calendarId)) void deliver(ctx, ch, 'exists');
}

/** The watched calendar is gone: one `not_exists` per live channel, then those channels are done. */
export function notifyCalendarGone(ctx: EmulatorContext, calendarId: string): void {
  for (const ch of live(ctx, calendarId)) {
    void deliver(ctx, ch, 'not_exists');
    ch.gone = true;
  }
}
