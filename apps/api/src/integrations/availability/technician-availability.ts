// The port other modules read availability through (exported by IntegrationsModule, as
// CalendarSyncService is): a technician's busy blocks from the cache, and the warnings an
// intervention slot deserves. Never calls a provider: intervention writes stay offline.
import { Injectable } from '@nestjs/common';
import type { BusyBlock, InterventionWarning, TechnicianBusyEntry } from '@fs/contracts';
import { BusyBlockRepository } from './busy-block.repository';

export interface TechnicianBusy {
  blocks: BusyBlock[];
  /** The oldest successful read among the technician's shared integrations; null when none. */
  refreshedAt: Date | null;
}

@Injectable()
export class TechnicianAvailability {
  constructor(private readonly repository: BusyBlockRepository) {}

  async busy(technicianId: string, from: Date, to: Date): Promise<TechnicianBusy> {
    const [rows, refreshes] = await Promise.all([this.repository.blocksOf(technicianId, from, to), this.repository.refreshesOf(technicianId)]);
    const reads = refreshes
      .filter((r) => r.integration.status === 'CONNECTED' && r.integration.shareAvailability && r.refreshedAt)
      .map((r) => r.refreshedAt!.getTime());
    return {
      blocks: rows.map((row) => ({ start: row.startsAt.toISOString(), end: row.endsAt.toISOString(), provider: row.provider })),
      refreshedAt: reads.length > 0 ? new Date(Math.min(...reads)) : null,
    };
  }

  /** Each of `technicianIds` with their blocks in [from, to) (none: free, or nothing known). */
  async busyOfEach(technicianIds: string[], from: Date, to: Date): Promise<TechnicianBusyEntry[]> {
    const rows = await this.repository.blocksOfEveryone(from, to);
    return technicianIds.map((technicianId) => ({
      technicianId,
      blocks: rows.filter((row) => row.userId === technicianId).map((row) => ({ start: row.startsAt.toISOString(), end: row.endsAt.toISOString(), provider: row.provider })),
    }));
  }

  /** One TECHNICIAN_BUSY per busy block the slot overlaps (half-open: back to back is free). */
  async warningsFor(technicianId: string, startsAt: Date, endsAt: Date): Promise<InterventionWarning[]> {
    const rows = await this.repository.blocksOf(technicianId, startsAt, endsAt);
    return rows.map((row) => ({ code: 'TECHNICIAN_BUSY', start: row.startsAt.toISOString(), end: row.endsAt.toISOString() }));
  }
}
