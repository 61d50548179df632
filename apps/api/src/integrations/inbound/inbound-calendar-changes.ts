// The port through which two-way sync tells dispatch what a technician did to one of our
// events. Integrations defines it and never imports the code behind it: the calendar-changes
// feature (which also talks to interventions) binds its recorder here when the app starts.
import { Injectable } from '@nestjs/common';
import type { CalendarChangeKind, CalendarProviderId } from '@fs/contracts';
import type { Db } from '../sync/sync-job.repository';

export interface ObservedCalendarChange {
  integrationId: string;
  interventionId: string;
  technicianId: string;
  provider: CalendarProviderId;
  kind: CalendarChangeKind;
  /** Names the observed edit: the same edit seen again records nothing (inbound-planner.ts). */
  fingerprint: string;
  /** The intervention as it was when the change was seen. */
  interventionVersion: number;
  previousStartsAt: Date;
  previousEndsAt: Date;
  proposedStartsAt: Date | null;
  proposedEndsAt: Date | null;
  seenAt: Date;
}

export interface CalendarChangeRecorder {
  /** Whether this edit of this integration's calendar was already recorded. */
  isRecorded(db: Db, integrationId: string, fingerprint: string): Promise<boolean>;
  /** In the pull's transaction (the one that saves the cursor). Resolves with the new change's id; undefined when it was already there. */
  record(db: Db, change: ObservedCalendarChange): Promise<string | undefined>;
  /** After the pull committed: the organisation's policy settles the new changes (apply, revert) or leaves them open (propose). */
  settle(changeIds: string[]): Promise<void>;
}

@Injectable()
export class InboundCalendarChanges {
  private recorder?: CalendarChangeRecorder;

  bind(recorder: CalendarChangeRecorder): void {
    this.recorder = recorder;
  }

  /** Two-way pulls cannot run without it: the app always binds one (CalendarChangesModule). */
  get(): CalendarChangeRecorder {
    if (!this.recorder) throw new Error('No calendar change recorder bound: is CalendarChangesModule imported?');
    return this.recorder;
  }
}
