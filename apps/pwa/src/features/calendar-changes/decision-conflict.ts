// A 409 on accept / reject has two causes the person must handle differently: someone else
// already decided (nothing to do), or the intervention changed since the request was made
// (look again before deciding). Told apart from the refreshed list of open changes, not from
// the error's message text: a change still open after a 409 is one whose intervention moved on.
import type { CalendarChange } from '@fs/contracts';
import { ApiRequestError } from '../../api/api-error';

export type DecisionConflict = 'alreadyDecided' | 'interventionChanged';

export function isConflict(error: unknown): boolean {
  return error instanceof ApiRequestError && error.status === 409;
}

export function decisionConflict(changeId: string, openChanges: readonly Pick<CalendarChange, 'id' | 'status'>[]): DecisionConflict {
  const stillOpen = openChanges.some((change) => change.id === changeId && change.status === 'open');
  return stillOpen ? 'interventionChanged' : 'alreadyDecided';
}
