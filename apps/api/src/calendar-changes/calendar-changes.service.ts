// The rules of calendar changes (two-way sync): what a technician did to one of our events,
// as dispatch sees it, and how it is settled. Dispatch stays the system of record: a move is
// taken through InterventionsService like any other reschedule (every calendar follows), a
// removal taken unassigns the technician; turned down, the event is put back from the
// intervention. The organisation's policy settles new changes at once (apply, revert) or
// leaves them to dispatch (propose). Binds itself as the recorder of the integrations' port.
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { CalendarChange, CalendarChangePolicy, CalendarChangeStatus, User } from '@fs/contracts';
import { ApiException, notFound } from '../common/api-error';
import { Clock } from '../common/clock';
import { InboundCalendarChanges, type CalendarChangeRecorder, type ObservedCalendarChange } from '../integrations/inbound/inbound-calendar-changes';
import { CalendarSyncService } from '../integrations/sync/calendar-sync.service';
import { InterventionsService } from '../interventions/interventions.service';
import { toCalendarChange } from './calendar-change.mapper';
import { CalendarChangeRepository, type CalendarChangeRow, type Db } from './calendar-change.repository';
import { CalendarChangeSettingsRepository } from './calendar-change-settings.repository';

type Decision = { take: boolean; status: Exclude<CalendarChangeStatus, 'open'>; by: User | null };

@Injectable()
export class CalendarChangesService implements CalendarChangeRecorder, OnModuleInit {
  constructor(
    private readonly changes: CalendarChangeRepository,
    private readonly settings: CalendarChangeSettingsRepository,
    private readonly interventions: InterventionsService,
    private readonly calendarSync: CalendarSyncService,
    private readonly inbound: InboundCalendarChanges,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.inbound.bind(this);
  }

  /** Dispatch and admins see every change; a technician their own. */
  async list(user: User, status?: CalendarChangeStatus): Promise<CalendarChange[]> {
    const rows = await this.changes.list({ status, ...(user.role === 'TECHNICIAN' ? { technicianId: user.id } : {}) });
    return rows.map(toCalendarChange);
  }

  accept(user: User, id: string): Promise<CalendarChange> {
    return this.decide(id, { take: true, status: 'accepted', by: user });
  }

  reject(user: User, id: string): Promise<CalendarChange> {
    return this.decide(id, { take: false, status: 'rejected', by: user });
  }

  policy(): Promise<CalendarChangePolicy> {
    return this.settings.policy();
  }

  savePolicy(policy: CalendarChangePolicy): Promise<CalendarChangePolicy> {
    return this.settings.savePolicy(policy, this.clock.now());
  }

  // The port (integrations/inbound/inbound-calendar-changes.ts).
  isRecorded(db: Db, integrationId: string, fingerprint: string): Promise<boolean> {
    return this.changes.isRecorded(db, integrationId, fingerprint);
  }

  record(db: Db, change: ObservedCalendarChange): Promise<string | undefined> {
    return this.changes.record(db, change);
  }

  /** New changes under apply or revert are settled at once; a conflict (the intervention changed meanwhile) leaves one open for dispatch. */
  async settle(changeIds: string[]): Promise<void> {
    const policy = await this.settings.policy();
    if (policy === 'propose') return;
    for (const id of changeIds) {
      await this.decide(id, policy === 'apply' ? { take: true, status: 'applied', by: null } : { take: false, status: 'reverted', by: null }).catch((error: unknown) => {
        if (!(error instanceof ApiException && error.code === 'CONFLICT')) throw error;
      });
    }
  }

  /**
   * One transaction: the change leaves `open` (only once: a second decision is a conflict),
   * and the intervention takes it, or the event is put back. Taking it is a CONFLICT, nothing
   * written, when the intervention changed since the change was seen; putting back never is.
   */
  private async decide(id: string, decision: Decision): Promise<CalendarChange> {
    await this.changes.transaction(async (tx) => {
      const change = await this.changes.find(id, tx);
      if (!change) throw notFound('Calendar change');
      if (!(await this.changes.decide(tx, id, decision.status, decision.by?.id ?? null, this.clock.now()))) {
        throw new ApiException('CONFLICT', `This calendar change was already decided (${change.status})`);
      }
      // Taking the change over a newer plan would undo dispatch's edit: refused. Rejecting is
      // always possible: it puts the event back to whatever the intervention says now.
      if (decision.take) {
        await this.interventions.unchangedSince(tx, change.interventionId, change.interventionVersion);
        await this.take(tx, change);
      }
      else await this.calendarSync.restoreEvent(tx, change.integrationId, change.interventionId, change.kind === 'removed');
    });
    return toCalendarChange((await this.changes.find(id))!);
  }

  private take(tx: Db, change: CalendarChangeRow): Promise<void> {
    if (change.kind === 'removed') return this.interventions.unassignAfterCalendarRemoval(tx, change.interventionId, change.interventionVersion);
    return this.interventions.takeCalendarMove(tx, change.interventionId, change.interventionVersion, change.proposedStartsAt!, change.proposedEndsAt!);
  }
}
