// Pure time arithmetic of availability: the window a refresh reads, which calendars count,
// taking our own intervention events out of a calendar's busy time, and overlap.
import { BUSY_MAX_RANGE_DAYS, type ProviderCalendar } from '@fs/contracts';
import type { TimeBlock } from '../providers/calendar-provider';

const HOUR_MS = 3600 * 1000;
const DAY_MS = 24 * HOUR_MS;

/**
 * What one refresh reads: from a day back (an intervention running now, a late edit of
 * today) to BUSY_MAX_RANGE_DAYS after that, Graph getSchedule's longest range. Floored to
 * the hour so refreshes of one hour ask the same question.
 */
export function refreshWindow(now: Date): { from: Date; to: Date } {
  const from = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS - DAY_MS);
  return { from, to: new Date(from.getTime() + BUSY_MAX_RANGE_DAYS * DAY_MS) };
}

/**
 * The calendars that count: those the person chose, else their primary calendar and the
 * target calendar. Only calendars the account still has (a deleted one is skipped).
 */
export function calendarsThatCount(
  calendars: ProviderCalendar[],
  choice: { chosenIds: string[]; targetCalendarId: string | null },
): ProviderCalendar[] {
  const wanted = new Set(
    choice.chosenIds.length > 0
      ? choice.chosenIds
      : [calendars.find((c) => c.primary)?.id, choice.targetCalendarId].filter((id): id is string => !!id),
  );
  return calendars.filter((calendar) => wanted.has(calendar.id));
}

/** `blocks` minus every part covered by `holes`: our own events are never "busy elsewhere". */
export function subtract(blocks: TimeBlock[], holes: TimeBlock[]): TimeBlock[] {
  const sortedHoles = [...holes].sort((a, b) => a.start.getTime() - b.start.getTime());
  return blocks.flatMap((block) => {
    let pieces: TimeBlock[] = [block];
    for (const hole of sortedHoles) {
      pieces = pieces.flatMap((piece) => {
        if (hole.end <= piece.start || hole.start >= piece.end) return [piece];
        const left = hole.start > piece.start ? [{ start: piece.start, end: hole.start }] : [];
        const right = hole.end < piece.end ? [{ start: hole.end, end: piece.end }] : [];
        return [...left, ...right];
      });
    }
    return pieces;
  });
}

/** Half-open intervals: a block ending at 10:00 does not overlap a slot starting at 10:00. */
export function overlaps(block: TimeBlock, start: Date, end: Date): boolean {
  return block.start < end && block.end > start;
}
