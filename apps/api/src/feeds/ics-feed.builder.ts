// Interventions -> the text of a private ICS feed. Pure: the same rows always give the same
// bytes (DTSTAMP is the row's last change, not "now"), so the feed's ETag only moves when
// something a subscriber sees moved.
import { createHash } from 'node:crypto';
import type { EventPrivacySettings } from '@fs/contracts';
import { describeIntervention } from '../integrations/sync/event-input.mapper';
import { addEvent, newCalendar } from '../icalendar/icalendar';
import type { FeedInterventionRow, FeedWindow } from './ics-feed.repository';

const DAY_MS = 86_400_000;
/** How far back and ahead the feed reaches: enough for a technician's agenda, small enough to serve often. */
export const FEED_DAYS_BACK = 30;
export const FEED_DAYS_AHEAD = 365;
/** A cancelled intervention stays in the feed, marked cancelled, this long: clients that keep deleted events see the cancellation. */
export const CANCELLED_SHOWN_DAYS = 7;

export function feedWindow(now: Date): FeedWindow {
  return {
    from: new Date(now.getTime() - FEED_DAYS_BACK * DAY_MS),
    to: new Date(now.getTime() + FEED_DAYS_AHEAD * DAY_MS),
    cancelledSince: new Date(now.getTime() - CANCELLED_SHOWN_DAYS * DAY_MS),
  };
}

/** The UID of an intervention in the feed: the same for every version of it. */
export function feedUid(interventionId: string): string {
  return `${interventionId}@field-service.feed`;
}

/** `privacy`: the organisation's event privacy settings, as for every other calendar. */
export function buildFeed(calendarName: string, rows: FeedInterventionRow[], privacy: EventPrivacySettings): { body: string; etag: string } {
  const calendar = newCalendar(calendarName);
  for (const row of rows) {
    addEvent(calendar, {
      ...describeIntervention(row, privacy),
      uid: feedUid(row.id),
      sequence: row.version,
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      timeZone: row.timeZone,
      lastModified: row.updatedAt,
      cancelled: row.status === 'CANCELLED',
    });
  }
  const body = calendar.toString();
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url')}"` };
}

/** RFC 9110 §13.1.2: a list of tags (weak comparison) or `*`. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const value = tag.trim();
    return value === '*' || value.replace(/^W\//, '') === etag;
  });
}
