// Owns which calendar a Calendar v3 call addresses (`primary` = the user's primary) and
// whether the caller may write it. The emulator models no sharing: a user sees only the
// calendars of their own account; others are 404 like an unshared calendar.
import type { EmulatorContext } from '../../core/context.js';
import type { Calendar } from '../../core/types.js';
import { GoogleApiError, gerr } from '../errors.js';

export function resolveCalendar(ctx: EmulatorContext, email: string, calendarId: string): Calendar {
  const mine = ctx.state.calendars.filter((c) => c.provider === 'google' && c.ownerEmail === email);
  const cal = calendarId === 'primary' ? mine.find((c) => c.primary) : mine.find((c) => c.id === calendarId);
  if (!cal) throw gerr.notFound();
  return cal;
}

export function requireWriter(cal: Calendar): void {
  if (!cal.canWrite) {
    throw new GoogleApiError(403, { domain: 'calendar', reason: 'requiredAccessLevel', message: 'You need to have writer access to this calendar.' });
  }
}

export const accessRole = (cal: Calendar): 'owner' | 'reader' => (cal.canWrite ? 'owner' : 'reader');
