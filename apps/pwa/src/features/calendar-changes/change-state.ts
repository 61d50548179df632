// The one table of what a technician sees on their intervention about the change they made
// in their calendar (its latest calendar change): icon, tone and sentence per status and kind.
// Icon + text, never colour alone. Pure; CalendarChangeState renders it.
import type { CalendarChangeKind, CalendarChangeStatus, InterventionCalendarChange } from '@fs/contracts';

export interface ChangeStateView {
  /** Decorative (aria-hidden): the text says the same. */
  icon: string;
  tone: 'success' | 'neutral' | 'danger' | 'warning';
  text: `calendarChanges.mine.${CalendarChangeStatus}.${CalendarChangeKind}`;
}

const TONES: Record<CalendarChangeStatus, Pick<ChangeStateView, 'icon' | 'tone'>> = {
  open: { icon: '⏳', tone: 'warning' },
  accepted: { icon: '✓', tone: 'success' },
  rejected: { icon: '↩', tone: 'danger' },
  applied: { icon: '✓', tone: 'success' },
  reverted: { icon: '↩', tone: 'warning' },
};

export function changeStateView(change: Pick<InterventionCalendarChange, 'kind' | 'status'>): ChangeStateView {
  return { ...TONES[change.status], text: `calendarChanges.mine.${change.status}.${change.kind}` };
}
