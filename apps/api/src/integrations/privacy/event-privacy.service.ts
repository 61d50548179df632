// Changing what leaves the company: saves the admin's choice and, in the same transaction,
// queues every event we wrote for a rewrite under it (the worker finds each not current).
import { Injectable } from '@nestjs/common';
import type { EventPrivacyResponse, EventPrivacySettings } from '@fs/contracts';
import { Clock } from '../../common/clock';
import { CalendarSyncService } from '../sync/calendar-sync.service';
import { EventPrivacyRepository, type EventPrivacy } from './event-privacy.repository';

function toResponse(privacy: EventPrivacy): EventPrivacyResponse {
  return { ...privacy.settings, updatedAt: privacy.updatedAt.toISOString() };
}

@Injectable()
export class EventPrivacyService {
  constructor(
    private readonly repository: EventPrivacyRepository,
    private readonly calendarSync: CalendarSyncService,
    private readonly clock: Clock,
  ) {}

  async current(): Promise<EventPrivacyResponse> {
    return toResponse(await this.repository.current());
  }

  update(settings: EventPrivacySettings): Promise<EventPrivacyResponse> {
    return this.repository.transaction(async (tx) => {
      const saved = await this.repository.save(tx, settings, this.clock.now());
      await this.calendarSync.onEventPrivacyChanged(tx);
      return toResponse(saved);
    });
  }
}
