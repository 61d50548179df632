// Owns the expansion of a Graph recurrence into occurrence start instants, with the kept
// library `rrule` (RFC 5545), never a home-made expander. Pure.
// Time zones: the rule is evaluated on *wall-clock* times ("floating" dates whose UTC fields
// are the local time), then each wall time is placed in the series' start zone (Windows or
// IANA name) with the same converter the rest of Graph uses, so a weekly 09:00 stays 09:00
// local across DST changes. Source: graph/api/resources/recurrencepattern, recurrencerange.
import { createRequire } from 'node:module';
import type { Options, Weekday } from 'rrule';
import { formatGraphDateTime, toEpochMs } from '../time-zones.js';
import type { GraphRecurrence } from './pattern.js';

// rrule ships CommonJS (UMD) as its Node entry; require() gives the same object in tsc output and vitest.
const { RRule } = createRequire(import.meta.url)('rrule') as typeof import('rrule');

const WEEKDAYS: Record<string, Weekday> = {
  sunday: RRule.SU, monday: RRule.MO, tuesday: RRule.TU, wednesday: RRule.WE, thursday: RRule.TH, friday: RRule.FR, saturday: RRule.SA,
};
const SETPOS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, last: -1 };

/** Wall-clock string `yyyy-MM-ddTHH:mm:ss` as a floating Date (UTC fields = local time). */
const floating = (wall: string) => new Date(`${wall}Z`);
const wallOf = (d: Date) => d.toISOString().slice(0, 19);

export function ruleOptions(r: GraphRecurrence, firstWallStart: string): Partial<Options> {
  const p = r.pattern;
  const time = firstWallStart.slice(11, 19);
  const o: Partial<Options> = { interval: p.interval, dtstart: floating(`${r.range.startDate}T${time}`), wkst: WEEKDAYS[p.firstDayOfWeek] };
  const days = p.daysOfWeek.map((d) => WEEKDAYS[d]);
  switch (p.type) {
    case 'daily': o.freq = RRule.DAILY; break;
    case 'weekly': o.freq = RRule.WEEKLY; o.byweekday = days; break;
    case 'absoluteMonthly': o.freq = RRule.MONTHLY; o.bymonthday = p.dayOfMonth; break;
    case 'relativeMonthly': o.freq = RRule.MONTHLY; o.byweekday = days; o.bysetpos = SETPOS[p.index]; break;
    case 'absoluteYearly': o.freq = RRule.YEARLY; o.bymonth = p.month; o.bymonthday = p.dayOfMonth; break;
    case 'relativeYearly': o.freq = RRule.YEARLY; o.bymonth = p.month; o.byweekday = days; o.bysetpos = SETPOS[p.index]; break;
  }
  // endDate is inclusive: an occurrence on that date, at any time, belongs to the series.
  if (r.range.type === 'endDate') o.until = floating(`${r.range.endDate}T23:59:59`);
  if (r.range.type === 'numbered') o.count = r.range.numberOfOccurrences;
  return o;
}

const DAY_MS = 86_400_000;

/**
 * Start instants (epoch ms) of the occurrences whose wall-clock start falls within
 * [fromMs - 1 day, toMs + 1 day] (the margin covers any zone offset); callers filter on the
 * real overlap. `startMs` / `zone` are the series' first start and start time zone.
 */
export function occurrenceStarts(r: GraphRecurrence, startMs: number, zone: string, fromMs: number, toMs: number): number[] {
  const firstWall = formatGraphDateTime(startMs, zone).slice(0, 19);
  const rule = new RRule(ruleOptions(r, firstWall));
  const from = new Date(fromMs - DAY_MS);
  const to = new Date(toMs + DAY_MS);
  return rule.between(from, to, true).map((d) => toEpochMs(wallOf(d), zone));
}

