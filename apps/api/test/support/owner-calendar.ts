// Plays a technician editing their own calendar (the emulator's owner control calls), the
// same way for Google and Microsoft: add, move and delete a personal event, a weekly series
// and one of its occurrences. Times are UTC instants.
import type { EmulatorHandle } from '@fs/calendar-emulator';
import type { CalendarProviderId } from '@fs/contracts';

export interface PersonalEvent {
  title: string;
  start: Date;
  end: Date;
  /** Marked free ("transparent" in Google, showAs free in Outlook): never busy. */
  free?: boolean;
  /** A weekly series of this many occurrences. */
  weeklyCount?: number;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const utcWall = (d: Date) => d.toISOString().slice(0, 19);

export function ownerCalendar(emu: EmulatorHandle, provider: CalendarProviderId, email: string, primaryCalendarId: string) {
  const control = emu.control;
  /** Google answers a delete 204 without a body, which the control client would parse. */
  const deleteGoogle = async (path: string) => {
    const response = await fetch(`${emu.url}/_emulator/${path}`, { method: 'DELETE' });
    if (!response.ok) throw new Error(`owner delete answered ${response.status}`);
  };
  if (provider === 'google') {
    const path = (id: string) => `google/owner/events/${encodeURIComponent(primaryCalendarId)}/${encodeURIComponent(id)}`;
    return {
      async add(event: PersonalEvent): Promise<string> {
        const body = {
          summary: event.title,
          description: `${event.title} (notes)`,
          location: `${event.title} place`,
          start: { dateTime: event.start.toISOString() },
          end: { dateTime: event.end.toISOString() },
          ...(event.free ? { transparency: 'transparent' } : {}),
          ...(event.weeklyCount ? { start: { dateTime: event.start.toISOString(), timeZone: 'UTC' }, end: { dateTime: event.end.toISOString(), timeZone: 'UTC' }, recurrence: [`RRULE:FREQ=WEEKLY;COUNT=${event.weeklyCount}`] } : {}),
        };
        return ((await control.call('POST', 'google/owner/events', { email, calendarId: primaryCalendarId, event: body })) as { id: string }).id;
      },
      move: (id: string, start: Date, end: Date) => control.call('PATCH', path(id), { start: { dateTime: start.toISOString() }, end: { dateTime: end.toISOString() } }),
      remove: (id: string) => deleteGoogle(path(id)),
      /** Cancels the occurrence that was to start at `originalStart`. */
      cancelOccurrence: (id: string, originalStart: Date) => deleteGoogle(path(`${id}_${originalStart.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '')}`)),
    };
  }
  return {
    async add(event: PersonalEvent): Promise<string> {
      const body = {
        subject: event.title,
        body: { contentType: 'text', content: `${event.title} (notes)` },
        location: { displayName: `${event.title} place` },
        start: { dateTime: utcWall(event.start), timeZone: 'UTC' },
        end: { dateTime: utcWall(event.end), timeZone: 'UTC' },
        ...(event.free ? { showAs: 'free' } : {}),
        ...(event.weeklyCount
          ? {
              recurrence: {
                pattern: { type: 'weekly', interval: 1, daysOfWeek: [WEEKDAYS[event.start.getUTCDay()]] },
                range: { type: 'numbered', numberOfOccurrences: event.weeklyCount, startDate: event.start.toISOString().slice(0, 10) },
              },
            }
          : {}),
      };
      return ((await control.call('POST', 'microsoft/owner/events', { email, event: body })) as { immutableId: string }).immutableId;
    },
    move: (id: string, start: Date, end: Date) =>
      control.call('PATCH', `microsoft/owner/events/${encodeURIComponent(id)}`, {
        email,
        event: { start: { dateTime: utcWall(start), timeZone: 'UTC' }, end: { dateTime: utcWall(end), timeZone: 'UTC' } },
      }),
    remove: (id: string) => control.call('DELETE', `microsoft/owner/events/${encodeURIComponent(id)}`, { email }),
    cancelOccurrence: (id: string, originalStart: Date) =>
      control.call('DELETE', `microsoft/owner/events/${encodeURIComponent(`${id}OID${originalStart.getTime().toString(36)}`)}`, { email }),
  };
}
