// The count badge on the "Calendar changes" link: how many changes wait for dispatch. Pure.
import type { CalendarChange } from '@fs/contracts';

/** More than this shows as "99+": the badge says "a lot", the page says how many. */
export const BADGE_MAX = 99;

export function openCount(changes: readonly Pick<CalendarChange, 'status'>[] | undefined): number {
  return changes?.filter((change) => change.status === 'open').length ?? 0;
}

/** The badge's text, or null when nothing waits (no badge at all rather than a "0"). */
export function badgeText(count: number): string | null {
  if (count <= 0) return null;
  return count > BADGE_MAX ? `${BADGE_MAX}+` : String(count);
}
