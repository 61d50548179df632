// The Graph event as the emulator stores it (inside core's StoredEvent.body), and the pure
// rules that build and change it from request bodies: create (POST) and PATCH semantics.
// Only sent properties change on PATCH; transactionId is set once at creation; extended
// properties are upserted by id. Sources: graph/api/user-post-events, event-update,
// resources/event (transactionId), singlevaluelegacyextendedproperty-post-*.
import { randomBytes } from 'node:crypto';
import { GraphHttpError, graphErrors } from './graph-error.js';
import { parseRecurrence, type GraphRecurrence } from './recurrence/pattern.js';
import { formatGraphDateTime, InvalidDateTimeError, toEpochMs, UnknownTimeZoneError } from './time-zones.js';

export interface GraphEventRecord {
  /** Immutable id (what `Prefer: IdType="ImmutableId"` shows); the store key. */
  id: string;
  /** Bumped when the event moves to another calendar: the default (REST) id changes with it. */
  moveCount: number;
  calendarId: string;
  subject: string;
  body: { contentType: string; content: string };
  startMs: number;
  endMs: number;
  originalStartTimeZone: string;
  originalEndTimeZone: string;
  isAllDay: boolean;
  location: Record<string, unknown>;
  showAs: string;
  categories: string[];
  attendees: unknown[];
  importance: string;
  sensitivity: string;
  isReminderOn: boolean;
  reminderMinutesBeforeStart: number;
  transactionId?: string;
  /** singleValueExtendedProperties, id -> value. Never rendered without `$expand`. */
  extendedProperties: Record<string, string>;
  createdMs: number;
  modifiedMs: number;
  changeKey: string;
  iCalUId: string;
  /** Present on a series master (type seriesMaster). */
  recurrence?: GraphRecurrence;
  /** Per occurrence of a series, keyed by its original start (epoch ms): cancelled or changed. */
  exceptions?: Record<string, OccurrenceOverride>;
  /** Change number of the last series-level write (every instance changed with it). */
  seriesSeq?: number;
  /** Earlier layouts of a series (or of the single event it was), newest last: delta reports their items as removed. */
  retiredSlots?: RetiredSlot[];
  /** Set on the records that stand for one occurrence of a series (never stored). */
  instance?: { originalStartMs: number; exception: boolean };
}

export interface RetiredSlot { startMs: number; endMs: number; originalStartTimeZone: string; recurrence?: GraphRecurrence }

/** What one occurrence carries apart from its series (recurrence/instances.ts). */
export interface OccurrenceOverride {
  cancelled: boolean;
  fields: Partial<GraphEventRecord>;
  changeKey: string;
  modifiedMs: number;
  /** Change number of the write that made it. */
  seq: number;
}

export const newChangeKey = () => randomBytes(12).toString('base64');

export function newImmutableId(): string {
  // Real immutable ids share a mailbox-scoped prefix and are URL-safe base64.
  return `AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0A${randomBytes(30).toString('base64url')}AAA=`;
}

type Body = Record<string, unknown>;

const isObj = (v: unknown): v is Body => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseDateTimeTimeZone(v: unknown, field: string): { ms: number; zone: string } {
  if (!isObj(v) || typeof v.dateTime !== 'string') {
    throw graphErrors.badRequest(`Property '${field}' must be a dateTimeTimeZone with a 'dateTime'.`, 'UnableToDeserializePostBody');
  }
  const zone = typeof v.timeZone === 'string' && v.timeZone ? v.timeZone : 'UTC';
  try {
    return { ms: toEpochMs(v.dateTime, zone), zone };
  } catch (e) {
    if (e instanceof UnknownTimeZoneError) {
      throw new GraphHttpError(400, 'TimeZoneNotSupportedException',
        `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${e.zone}'.`);
    }
    if (e instanceof InvalidDateTimeError) throw graphErrors.badRequest(e.message, 'UnableToDeserializePostBody');
    throw e;
  }
}

const EXT_PROP_ID = /^(String|Integer|Boolean|SystemTime|Double|Long|Binary|Guid|Currency|CLSID|Short|Float|Object)(Array)? (\{[0-9a-fA-F-]{36}\} (Name \S.*|Id 0x[0-9a-fA-F]+)|0x[0-9a-fA-F]+)$/;

function applyExtendedProperties(rec: GraphEventRecord, v: unknown): void {
  if (v === undefined) return;
  if (!Array.isArray(v)) throw graphErrors.badRequest("'singleValueExtendedProperties' must be an array.", 'UnableToDeserializePostBody');
  for (const p of v) {
    if (!isObj(p) || typeof p.id !== 'string' || !EXT_PROP_ID.test(p.id) || typeof p.value !== 'string') {
      throw graphErrors.badRequest(`The extended property id '${isObj(p) ? String(p.id) : ''}' is not valid.`, 'ErrorInvalidProperty');
    }
    rec.extendedProperties[p.id] = p.value;
  }
}

/** Applies the properties present in `b` (PATCH semantics; also used for POST on a blank record). */
export function applyProperties(rec: GraphEventRecord, b: Body): void {
  if (typeof b.subject === 'string') rec.subject = b.subject;
  if (isObj(b.body)) rec.body = { contentType: String(b.body.contentType ?? 'text').toLowerCase() === 'html' ? 'html' : 'text', content: String(b.body.content ?? '') };
  if (b.start !== undefined) {
    const s = parseDateTimeTimeZone(b.start, 'start');
    rec.startMs = s.ms;
    rec.originalStartTimeZone = s.zone;
  }
  if (b.end !== undefined) {
    const e = parseDateTimeTimeZone(b.end, 'end');
    rec.endMs = e.ms;
    rec.originalEndTimeZone = e.zone;
  }
  if (typeof b.isAllDay === 'boolean') rec.isAllDay = b.isAllDay;
  if (isObj(b.location)) rec.location = { ...b.location };
  if (typeof b.showAs === 'string') rec.showAs = b.showAs;
  if (Array.isArray(b.categories)) rec.categories = b.categories.map(String);
  if (Array.isArray(b.attendees)) rec.attendees = b.attendees;
  if (typeof b.importance === 'string') rec.importance = b.importance;
  if (typeof b.sensitivity === 'string') rec.sensitivity = b.sensitivity;
  if (typeof b.isReminderOn === 'boolean') rec.isReminderOn = b.isReminderOn;
  if (typeof b.reminderMinutesBeforeStart === 'number') rec.reminderMinutesBeforeStart = b.reminderMinutesBeforeStart;
  applyExtendedProperties(rec, b.singleValueExtendedProperties);
  if (b.recurrence !== undefined) rec.recurrence = parseRecurrence(b.recurrence, rec.originalStartTimeZone) ?? undefined;
  if (rec.endMs < rec.startMs) throw graphErrors.badRequest('The end time must be after the start time.', 'ErrorInvalidRequest');
  if (rec.isAllDay) assertAllDay(rec);
}

/**
 * resources/event, isAllDay: "start and end time must be set to midnight and be in the same
 * time zone" (the end is exclusive, so a one-day event ends at the next midnight).
 * The error code Graph uses is not documented; ErrorInvalidRequest is our choice.
 */
function assertAllDay(rec: GraphEventRecord): void {
  const midnight = (ms: number) => formatGraphDateTime(ms, rec.originalStartTimeZone).endsWith('T00:00:00.0000000');
  if (rec.originalStartTimeZone !== rec.originalEndTimeZone || !midnight(rec.startMs) || !midnight(rec.endMs) || rec.endMs <= rec.startMs) {
    throw graphErrors.badRequest('An all-day event must start and end at midnight in the same time zone, and last at least one day.', 'ErrorInvalidRequest');
  }
}

export function createRecord(calendarId: string, b: Body, now: number): GraphEventRecord {
  if (b.start === undefined || b.end === undefined) {
    throw graphErrors.badRequest("An event must have both 'start' and 'end'.", 'ErrorInvalidRequest');
  }
  const rec: GraphEventRecord = {
    id: newImmutableId(), moveCount: 0, calendarId, subject: '', body: { contentType: 'text', content: '' },
    startMs: 0, endMs: 0, originalStartTimeZone: 'UTC', originalEndTimeZone: 'UTC', isAllDay: false,
    location: { displayName: '' }, showAs: 'busy', categories: [], attendees: [], importance: 'normal',
    sensitivity: 'normal', isReminderOn: true, reminderMinutesBeforeStart: 15, extendedProperties: {},
    createdMs: now, modifiedMs: now, changeKey: newChangeKey(),
    iCalUId: `040000008200E00074C5B7101A82E008${randomBytes(32).toString('hex').toUpperCase()}`,
  };
  if (typeof b.transactionId === 'string' && b.transactionId) rec.transactionId = b.transactionId;
  applyProperties(rec, b);
  return rec;
}

/** PATCH: transactionId may not change after creation (resources/event docs). */
export function patchRecord(rec: GraphEventRecord, b: Body, now: number): void {
  if ('transactionId' in b && (b.transactionId ?? undefined) !== rec.transactionId) {
    throw graphErrors.badRequest('The transactionId of an event cannot be changed once it is set.', 'ErrorInvalidRequest');
  }
  const before: RetiredSlot = { startMs: rec.startMs, endMs: rec.endMs, originalStartTimeZone: rec.originalStartTimeZone, recurrence: rec.recurrence };
  applyProperties(rec, b);
  const after: RetiredSlot = { startMs: rec.startMs, endMs: rec.endMs, originalStartTimeZone: rec.originalStartTimeZone, recurrence: rec.recurrence };
  if ((before.recurrence || after.recurrence) && JSON.stringify(before) !== JSON.stringify(after)) {
    // A series whose times or pattern change is laid out anew: its exceptions are dropped (U),
    // and the items of the old layout must leave delta clients' stores.
    rec.exceptions = undefined;
    rec.retiredSlots = [...(rec.retiredSlots ?? []), before].slice(-3);
  }
  rec.modifiedMs = now;
  rec.changeKey = newChangeKey();
}
