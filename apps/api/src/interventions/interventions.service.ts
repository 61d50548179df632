// The rules of interventions: who may see and change which, and what a valid change is.
// Every write runs in one transaction: on any failure nothing is written, and the calendar
// sync jobs it causes (CalendarSyncService) commit with it or not at all.
import { Injectable } from '@nestjs/common';
import type {
  CreateInterventionRequest,
  Intervention,
  InterventionWriteResult,
  ListInterventionsQuery,
  UpdateInterventionRequest,
  User,
} from '@fs/contracts';
import { ApiException, forbidden, invalidField, notFound } from '../common/api-error';
import { TechnicianAvailability } from '../integrations/availability/technician-availability';
import { CalendarSyncService } from '../integrations/sync/calendar-sync.service';
import { SyncStatusReader } from '../integrations/sync/sync-status.reader';
import { toIntervention } from './intervention.mapper';
import { InterventionsRepository, type InterventionRow, type Tx } from './interventions.repository';

type CreateInput = Required<Pick<CreateInterventionRequest, 'description'>> & CreateInterventionRequest;

@Injectable()
export class InterventionsService {
  constructor(
    private readonly repository: InterventionsRepository,
    private readonly calendarSync: CalendarSyncService,
    private readonly availability: TechnicianAvailability,
    private readonly syncStatus: SyncStatusReader,
  ) {}

  async list(user: User, query: ListInterventionsQuery): Promise<Intervention[]> {
    if (user.role === 'TECHNICIAN' && query.technicianId && query.technicianId !== user.id) {
      throw forbidden('Technicians see only their own interventions');
    }
    const rows = await this.repository.list({
      technicianId: user.role === 'TECHNICIAN' ? user.id : query.technicianId,
      status: query.status,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
    });
    return this.withSync(rows);
  }

  async get(user: User, id: string): Promise<Intervention> {
    return this.one(await this.findVisible(user, id));
  }

  /** "Retry" on a failed badge: the intervention is due again in each of its technician's calendars. */
  async retrySync(user: User, id: string): Promise<Intervention> {
    const row = await this.findVisible(user, id);
    if (row.technicianId) await this.calendarSync.retryIntervention(id, row.technicianId);
    return this.one(row);
  }

  async create(user: User, input: CreateInput): Promise<InterventionWriteResult> {
    if (user.role === 'TECHNICIAN' && input.technicianId !== user.id) {
      throw forbidden('Technicians can only create interventions assigned to themselves');
    }
    const created = await this.repository.transaction(async (tx) => {
      await this.assertTechnician(tx, input.technicianId);
      const row = await this.repository.create(tx, {
        ...input,
        startsAt: new Date(input.startsAt),
        endsAt: new Date(input.endsAt),
      });
      await this.calendarSync.onInterventionChanged(tx, row.id, assignees(row));
      return row;
    });
    return this.withWarnings(await this.one(created));
  }

  async update(user: User, id: string, patch: UpdateInterventionRequest): Promise<InterventionWriteResult> {
    const updated = await this.repository.transaction(async (tx) => {
      const current = await this.findVisible(user, id, tx);
      if (current.status === 'CANCELLED') throw new ApiException('CONFLICT', 'A cancelled intervention cannot be changed');
      if (patch.technicianId && patch.technicianId !== current.technicianId) {
        if (user.role === 'TECHNICIAN') throw forbidden('Only dispatchers and admins reassign interventions');
        await this.assertTechnician(tx, patch.technicianId);
      }
      const startsAt = patch.startsAt ? new Date(patch.startsAt) : current.startsAt;
      const endsAt = patch.endsAt ? new Date(patch.endsAt) : current.endsAt;
      if (endsAt <= startsAt) throw invalidField('endsAt', 'must be after startsAt');
      const row = await this.repository.update(tx, id, { ...patch, startsAt, endsAt });
      // Both technicians on a reassignment: the event leaves one calendar for the other.
      await this.calendarSync.onInterventionChanged(tx, id, assignees(current, row));
      return row;
    });
    return this.withWarnings(await this.one(updated));
  }

  async cancel(user: User, id: string): Promise<Intervention> {
    const cancelled = await this.repository.transaction(async (tx) => {
      const current = await this.findVisible(user, id, tx);
      if (current.status === 'CANCELLED') return current;
      const row = await this.repository.update(tx, id, { status: 'CANCELLED' });
      await this.calendarSync.onInterventionChanged(tx, id, assignees(row));
      return row;
    });
    return this.one(cancelled);
  }

  async remove(user: User, id: string): Promise<void> {
    await this.repository.transaction(async (tx) => {
      const current = await this.findVisible(user, id, tx);
      await this.repository.delete(tx, id);
      await this.calendarSync.onInterventionChanged(tx, id, assignees(current));
    });
  }

  /**
   * Two-way sync: dispatch (or the organisation's "apply" policy) takes the technician's move.
   * In the caller's transaction, through the normal path: the version bumps and every
   * calendar of the technician gets a sync job. CONFLICT when the intervention changed since
   * the move was seen (`seenVersion`): the move was made against what is no longer there.
   */
  async takeCalendarMove(tx: Tx, id: string, seenVersion: number, startsAt: Date, endsAt: Date): Promise<void> {
    const current = await this.unchangedSince(tx, id, seenVersion);
    if (endsAt <= startsAt) throw new ApiException('CONFLICT', 'The calendar event ends before it starts');
    const row = await this.repository.update(tx, id, { startsAt, endsAt });
    await this.calendarSync.onInterventionChanged(tx, id, assignees(current, row));
  }

  /**
   * Two-way sync: the technician removed the intervention from their calendar and dispatch
   * (or the "apply" policy) took it: nobody is assigned, the intervention is back with
   * dispatch (not cancelled). CONFLICT when it changed since the removal was seen.
   */
  async unassignAfterCalendarRemoval(tx: Tx, id: string, seenVersion: number): Promise<void> {
    const current = await this.unchangedSince(tx, id, seenVersion);
    await this.repository.update(tx, id, { technicianId: null });
    await this.calendarSync.onInterventionChanged(tx, id, assignees(current));
  }

  /** The intervention, still as it was at `version` (and not cancelled); CONFLICT otherwise. */
  async unchangedSince(tx: Tx, id: string, version: number): Promise<InterventionRow> {
    const current = await this.repository.find(id, tx);
    if (!current || current.status === 'CANCELLED' || current.version !== version) {
      throw new ApiException('CONFLICT', 'The intervention changed since the technician’s calendar change: look at it again');
    }
    return current;
  }

  /**
   * After the commit, from the busy-block cache (never a provider call): the write stands
   * either way; the warnings tell dispatch the technician's own calendar says busy then.
   */
  private async withWarnings(intervention: Intervention): Promise<InterventionWriteResult> {
    const planned = intervention.status === 'PLANNED' || intervention.status === 'IN_PROGRESS';
    const warnings = planned && intervention.technicianId
      ? await this.availability.warningsFor(intervention.technicianId, new Date(intervention.startsAt), new Date(intervention.endsAt))
      : [];
    return { ...intervention, warnings };
  }

  /** Read after the write committed: the sync state then shows the job the write enqueued. */
  private async withSync(rows: InterventionRow[]): Promise<Intervention[]> {
    const [states, changes] = await Promise.all([
      this.syncStatus.forInterventions(rows),
      this.syncStatus.latestCalendarChanges(rows.map((r) => r.id)),
    ]);
    return rows.map((row) => toIntervention(row, states.get(row.id) ?? [], changes.get(row.id) ?? null));
  }

  private async one(row: InterventionRow): Promise<Intervention> {
    return (await this.withSync([row]))[0]!;
  }

  /** Someone else's intervention is "not found" for a technician: its existence is not theirs to know. */
  private async findVisible(user: User, id: string, tx?: Tx): Promise<InterventionRow> {
    const row = await this.repository.find(id, tx);
    if (!row || (user.role === 'TECHNICIAN' && row.technicianId !== user.id)) throw notFound('Intervention');
    return row;
  }

  private async assertTechnician(tx: Tx, technicianId: string): Promise<void> {
    if (!(await this.repository.isTechnician(tx, technicianId))) {
      throw invalidField('technicianId', 'is not a known technician');
    }
  }
}

/** The technicians whose calendars a change concerns (an unassigned intervention is in no one's). */
function assignees(...rows: { technicianId: string | null }[]): string[] {
  return rows.flatMap((r) => (r.technicianId ? [r.technicianId] : []));
}
