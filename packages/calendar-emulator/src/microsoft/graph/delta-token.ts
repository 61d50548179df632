// Encodes the state of a calendarView delta round into the opaque `$skiptoken` (round in
// progress) and `$deltatoken` (round complete) Graph hands out. The window and scope travel
// inside the token, as in Graph, so a client calls nextLink/deltaLink verbatim.
// `generation` ties a token to one emulator state: after reset or an explicit invalidation
// the token no longer decodes and the route answers 410 (full resync).
// Source: graph/api/event-delta, concepts/delta-query-overview.

export interface DeltaCursor {
  /** Graph path of the delta resource, e.g. `/me/calendarView/delta`. */
  scope: string;
  /** Calendar the round covers. */
  calendarId: string;
  startMs: number;
  endMs: number;
  /** Changes strictly after this change number belong to the round. */
  sinceSeq: number;
  /** Changes up to this number (snapshot taken on the round's first page). */
  untilSeq: number;
  /** Last change number already paged out in this round. */
  afterSeq: number;
  /** Key of the last item paged out at `afterSeq` (items may share a change number). */
  afterKey?: string;
  /** First round: deletions and out-of-window items are omitted, not reported as @removed. */
  initial: boolean;
  generation: string;
}

export function encodeCursor(c: DeltaCursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

export function decodeCursor(token: string): DeltaCursor | undefined {
  try {
    const c = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as DeltaCursor;
    const nums = [c.startMs, c.endMs, c.sinceSeq, c.untilSeq, c.afterSeq];
    if (typeof c.scope !== 'string' || typeof c.generation !== 'string' || nums.some((n) => typeof n !== 'number')) return undefined;
    return c;
  } catch {
    return undefined;
  }
}
