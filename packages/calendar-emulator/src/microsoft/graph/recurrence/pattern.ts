// Owns Graph's `recurrence` property ({pattern, range}): validation of what a client sends and
// the normalized form the emulator stores and renders (every property present, as Graph
// echoes them: unused numbers 0, `index` "first", `firstDayOfWeek` "sunday"). Pure.
// Source: learn.microsoft.com/graph/api/resources/patternedrecurrence,
// recurrencepattern, recurrencerange. The error code for a bad pattern is not documented (U).
import { graphErrors } from '../graph-error.js';

export const PATTERN_TYPES = ['daily', 'weekly', 'absoluteMonthly', 'relativeMonthly', 'absoluteYearly', 'relativeYearly'] as const;
export type PatternType = (typeof PATTERN_TYPES)[number];
export const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Day = (typeof DAYS)[number];
export const INDEXES = ['first', 'second', 'third', 'fourth', 'last'] as const;
export type WeekIndex = (typeof INDEXES)[number];
export type RangeType = 'endDate' | 'noEnd' | 'numbered';

export interface GraphRecurrence {
  pattern: { type: PatternType; interval: number; month: number; dayOfMonth: number; daysOfWeek: Day[]; firstDayOfWeek: Day; index: WeekIndex };
  range: { type: RangeType; startDate: string; endDate: string; recurrenceTimeZone: string; numberOfOccurrences: number };
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const bad = (message: string) => graphErrors.badRequest(message, 'ErrorInvalidRequest');
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function oneOf<T extends string>(v: unknown, allowed: readonly T[], what: string, fallback?: T): T {
  if (v === undefined && fallback !== undefined) return fallback;
  const hit = allowed.find((a) => typeof v === 'string' && a.toLowerCase() === v.toLowerCase());
  if (!hit) throw bad(`Invalid ${what} '${String(v)}'.`);
  return hit;
}

function int(v: unknown, what: string, min: number, max: number, fallback: number): number {
  if (v === undefined || v === null) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw bad(`Invalid ${what} '${String(v)}'.`);
  return n;
}

function parsePattern(p: Obj): GraphRecurrence['pattern'] {
  const type = oneOf(p.type, PATTERN_TYPES, 'recurrence pattern type');
  const daysOfWeek = Array.isArray(p.daysOfWeek) ? p.daysOfWeek.map((d) => oneOf(d, DAYS, 'day of week')) : [];
  const out = {
    type,
    interval: int(p.interval, 'interval', 1, 99, 1),
    month: int(p.month, 'month', 0, 12, 0),
    dayOfMonth: int(p.dayOfMonth, 'dayOfMonth', 0, 31, 0),
    daysOfWeek,
    firstDayOfWeek: oneOf(p.firstDayOfWeek, DAYS, 'firstDayOfWeek', 'sunday'),
    index: oneOf(p.index, INDEXES, 'index', 'first'),
  };
  const needsDays = type === 'weekly' || type === 'relativeMonthly' || type === 'relativeYearly';
  if (needsDays && daysOfWeek.length === 0) throw bad(`A ${type} recurrence pattern needs daysOfWeek.`);
  if ((type === 'absoluteMonthly' || type === 'absoluteYearly') && out.dayOfMonth === 0) throw bad(`A ${type} recurrence pattern needs dayOfMonth.`);
  if ((type === 'absoluteYearly' || type === 'relativeYearly') && out.month === 0) throw bad(`A ${type} recurrence pattern needs month.`);
  return out;
}

function parseRange(r: Obj, defaultZone: string): GraphRecurrence['range'] {
  const type = oneOf(r.type, ['endDate', 'noEnd', 'numbered'] as const, 'recurrence range type');
  if (typeof r.startDate !== 'string' || !DATE.test(r.startDate)) throw bad('The recurrence range needs a startDate (yyyy-MM-dd).');
  const endDate = typeof r.endDate === 'string' ? r.endDate : '0001-01-01';
  if (type === 'endDate' && (!DATE.test(endDate) || endDate < r.startDate)) throw bad('The recurrence range endDate must be on or after its startDate.');
  const numberOfOccurrences = int(r.numberOfOccurrences, 'numberOfOccurrences', 0, 999, 0);
  if (type === 'numbered' && numberOfOccurrences < 1) throw bad('A numbered recurrence range needs numberOfOccurrences.');
  const zone = typeof r.recurrenceTimeZone === 'string' && r.recurrenceTimeZone ? r.recurrenceTimeZone : defaultZone;
  return { type, startDate: r.startDate, endDate: type === 'endDate' ? endDate : '0001-01-01', recurrenceTimeZone: zone, numberOfOccurrences: type === 'numbered' ? numberOfOccurrences : 0 };
}

/** `null` clears the recurrence (the series becomes a single event). */
export function parseRecurrence(v: unknown, startZone: string): GraphRecurrence | null {
  if (v === null) return null;
  if (!isObj(v) || !isObj(v.pattern) || !isObj(v.range)) throw bad("'recurrence' must have a 'pattern' and a 'range'.");
  return { pattern: parsePattern(v.pattern), range: parseRange(v.range, startZone) };
}
