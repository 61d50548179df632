// Owns the one-line view of a stored Graph event for the viewer page and the state dump
// readers: core stores the Graph record opaquely in StoredEvent.body (see graph/event-record.ts).
import type { GraphEventRecord } from './graph/event-record.js';

export interface EventSummary {
  title: string;
  start: string;
  end: string;
  timeZone: string;
  transactionId?: string;
}

export function summarizeMicrosoftEvent(body: Record<string, unknown>): EventSummary {
  const rec = body as unknown as GraphEventRecord;
  return {
    title: rec.subject,
    start: new Date(rec.startMs).toISOString(),
    end: new Date(rec.endMs).toISOString(),
    timeZone: rec.originalStartTimeZone,
    ...(rec.transactionId ? { transactionId: rec.transactionId } : {}),
  };
}
