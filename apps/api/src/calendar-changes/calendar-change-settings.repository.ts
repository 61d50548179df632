// The organisation's policy for calendar changes (calendar_change_settings, one row written by
// the migration), and the only code that writes it. Stored as event_privacy_settings is.
import { Injectable } from '@nestjs/common';
import { DEFAULT_CALENDAR_CHANGE_POLICY, type CalendarChangePolicy } from '@fs/contracts';
import { PrismaService } from '../database/prisma.service';

const ROW_ID = 1;

@Injectable()
export class CalendarChangeSettingsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Should the row be missing, the default holds (propose: dispatch decides). */
  async policy(): Promise<CalendarChangePolicy> {
    const row = await this.prisma.calendarChangeSettings.findUnique({ where: { id: ROW_ID }, select: { policy: true } });
    return row?.policy ?? DEFAULT_CALENDAR_CHANGE_POLICY;
  }

  async savePolicy(policy: CalendarChangePolicy, now: Date): Promise<CalendarChangePolicy> {
    const row = await this.prisma.calendarChangeSettings.upsert({
      where: { id: ROW_ID },
      create: { id: ROW_ID, policy, updatedAt: now },
      update: { policy, updatedAt: now },
      select: { policy: true },
    });
    return row.policy;
  }
}
