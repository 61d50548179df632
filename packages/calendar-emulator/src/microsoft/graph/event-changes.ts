// Owns the one signal every Graph event write emits (created / updated / deleted), so that
// what reacts to writes (change notifications) hears API writes, batch writes and the
// owner's Outlook edits alike without the write path knowing who listens.
// Listeners are kept per emulator context (several emulators may run in one process).
import type { EmulatorContext } from '../../core/context.js';
import type { StoredEvent } from '../../core/types.js';

export type ChangeType = 'created' | 'updated' | 'deleted';

export interface EventChange {
  changeType: ChangeType;
  /** Mailbox owner of the calendar written. */
  email: string;
  calendarId: string;
  /** The stored event after the write (the series master for an occurrence write). */
  event: StoredEvent;
  /** Set when one occurrence of the series changed (moved, edited, cancelled): its original start. */
  occurrenceStartMs?: number;
}

type Listener = (ctx: EmulatorContext, change: EventChange) => void;
const listeners = new WeakMap<EmulatorContext, Listener[]>();

export function onEventChange(ctx: EmulatorContext, fn: Listener): void {
  listeners.set(ctx, [...(listeners.get(ctx) ?? []), fn]);
}

export function emitEventChange(ctx: EmulatorContext, change: EventChange): void {
  for (const fn of listeners.get(ctx) ?? []) fn(ctx, change);
}
