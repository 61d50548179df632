// Pure helpers of the availability panel: the day around a slot in the intervention's time
// zone, and which busy blocks a slot overlaps (half-open, as the API's warning).
import type { BusyBlock, Technician, TechnicianBusyEntry } from '@fs/contracts';
import { instantOfWallTime } from '@fs/contracts';

/** The whole calendar day of a `YYYY-MM-DDTHH:mm` wall time in `timeZone`, as ISO instants; null for an incomplete input. */
export function dayRange(local: string, timeZone: string): { from: string; to: string } | null {
  const day = /^(\d{4}-\d{2}-\d{2})T/.exec(local)?.[1];
  if (!day) return null;
  const start = instantOfWallTime(`${day}T00:00`, timeZone);
  const next = new Date(Date.parse(`${day}T12:00:00Z`) + 24 * 3600 * 1000).toISOString().slice(0, 10);
  const end = instantOfWallTime(`${next}T00:00`, timeZone);
  return start && end ? { from: start.toISOString(), to: end.toISOString() } : null;
}

export function overlapping(blocks: BusyBlock[], startsAt: string | null, endsAt: string | null): BusyBlock[] {
  if (!startsAt || !endsAt) return [];
  const start = Date.parse(startsAt);
  const end = Date.parse(endsAt);
  return blocks.filter((block) => Date.parse(block.start) < end && Date.parse(block.end) > start);
}

/**
 * The technicians split for a picker: free for the slot first, then those busy in their own
 * calendar, each in the given order. Someone whose calendar is unknown counts as free (dispatch
 * sees the "unknown" note in the panel once they pick them).
 */
export function freeFirst(technicians: Technician[], entries: TechnicianBusyEntry[]): { free: Technician[]; busy: Technician[] } {
  const busyIds = new Set(entries.filter((entry) => entry.blocks.length > 0).map((entry) => entry.technicianId));
  return { free: technicians.filter((t) => !busyIds.has(t.id)), busy: technicians.filter((t) => busyIds.has(t.id)) };
}
