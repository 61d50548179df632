// Owns the reading of an event's `recurrence` lines (RRULE, EXRULE, RDATE, EXDATE as in
// RFC 5545; events reference: "DTSTART and DTEND lines are not allowed") and their expansion
// with the `rrule` library into occurrence start times.
//
// Why "floating" dates: rrule expands in UTC, where no day is 23 or 25 hours long. A weekly
// 09:00 Europe/Paris must stay 09:00 across DST, so the series is expanded on wall-clock
// times (09:00 written as 09:00Z) and each wall time is then placed in the event's
// `start.timeZone` (calendar zone if absent) to get its instant.
import rrulePkg from 'rrule';
import type { Options } from 'rrule';
import { gerr } from '../errors.js';
import { isValidTimeZone, localToInstant, zoneOffsetMinutes } from '../calendar/time.js';

// rrule ships CommonJS without named exports Node can see; its default export carries them.
const { RRule, RRuleSet } = rrulePkg;

const LINE_RE = /^(RRULE|EXRULE|RDATE|EXDATE)([;:])/i;
const STAMP_RE = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/;

const invalid = () => gerr.invalid('Invalid recurrence rule.');

/** 400 unless `v` is a list of RRULE/EXRULE/RDATE/EXDATE lines rrule can read. */
export function checkRecurrence(v: unknown): void {
  if (v === undefined || v === null) return;
  if (!Array.isArray(v) || v.some((l) => typeof l !== 'string')) throw invalid();
  for (const line of v as string[]) {
    const m = LINE_RE.exec(line);
    if (!m) throw invalid();
    const kind = m[1]!.toUpperCase();
    if (kind === 'RRULE' || kind === 'EXRULE') ruleOptions(line, new Date(0), 'UTC', false);
    else stampsOf(line, 'UTC', false);
  }
}

export const isRecurring = (body: Record<string, unknown>): boolean => Array.isArray(body.recurrence) && body.recurrence.length > 0;

/** Instant -> the same wall-clock time in `tz`, written as UTC (see the header). */
export const floating = (ms: number, tz: string): Date => new Date(ms + zoneOffsetMinutes(ms, tz) * 60000);

/** Floating date -> instant of that wall-clock time in `tz` (all-day: midnight in `tz`). */
export const instantOfFloating = (d: Date, tz: string): number => localToInstant(d.toISOString().slice(0, 19), tz);

function ruleOptions(line: string, dtstart: Date, tz: string, allDay: boolean): Partial<Options> {
  const text = line.slice(line.indexOf(':') + 1);
  let opts: Partial<Options>;
  try {
    opts = RRule.parseString(text);
  } catch {
    throw invalid();
  }
  if (opts.freq === undefined || opts.freq === null || opts.dtstart) throw invalid();
  if (opts.until && Number.isNaN(opts.until.getTime())) throw invalid();
  // An UNTIL in UTC (…Z) is an instant; move it onto the floating axis like the occurrences.
  if (opts.until && /UNTIL=\d{8}T\d{6}Z/i.test(text) && !allDay) opts.until = floating(opts.until.getTime(), tz);
  return { ...opts, dtstart };
}

/** RDATE/EXDATE values: `YYYYMMDD`, floating `YYYYMMDDTHHMMSS` (in TZID or the event zone) or UTC `…Z`. */
function stampsOf(line: string, tz: string, allDay: boolean): Date[] {
  const colon = line.indexOf(':');
  if (colon < 0) throw invalid();
  const params = line.slice(0, colon);
  const tzid = /;TZID=([^;:]+)/i.exec(params)?.[1] ?? tz;
  if (!isValidTimeZone(tzid)) throw invalid();
  return line.slice(colon + 1).split(',').map((raw) => {
    const m = STAMP_RE.exec(raw.trim());
    if (!m) throw invalid();
    const [, y, mo, d, h = '00', mi = '00', s = '00', z] = m;
    const wall = new Date(Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s));
    if (Number.isNaN(wall.getTime())) throw invalid();
    if (allDay) return wall;
    // Bring a UTC stamp, or one written in another zone, onto the event zone's wall clock.
    const instant = z ? wall.getTime() : localToInstant(wall.toISOString().slice(0, 19), tzid);
    return floating(instant, tz);
  });
}

export interface SeriesStart {
  /** Floating start of the first instance. */
  dtstart: Date;
  /** Zone the wall-clock times belong to. */
  tz: string;
  allDay: boolean;
}

/** Floating start times of the series between two floating bounds (inclusive), at most `max`. */
export function expandFloating(lines: string[], s: SeriesStart, from: Date, to: Date, max: number): Date[] {
  const set = new RRuleSet();
  set.rdate(s.dtstart);
  for (const line of lines) {
    const kind = LINE_RE.exec(line)?.[1]?.toUpperCase();
    if (kind === 'RRULE') set.rrule(new RRule(ruleOptions(line, s.dtstart, s.tz, s.allDay)));
    else if (kind === 'EXRULE') set.exrule(new RRule(ruleOptions(line, s.dtstart, s.tz, s.allDay)));
    else if (kind === 'RDATE') for (const d of stampsOf(line, s.tz, s.allDay)) set.rdate(d);
    else if (kind === 'EXDATE') for (const d of stampsOf(line, s.tz, s.allDay)) set.exdate(d);
  }
  const seen = new Set<number>();
  const out: Date[] = [];
  for (const d of set.between(from, to, true, (_d, i) => i < max * 2)) {
    if (seen.has(d.getTime())) continue;
    seen.add(d.getTime());
    out.push(d);
    if (out.length >= max) break;
  }
  return out.sort((a, b) => a.getTime() - b.getTime());
}
