// The `:provider` path segment: one of CALENDAR_PROVIDERS, else 400 naming `provider`.
import { PipeTransform } from '@nestjs/common';
import { CALENDAR_PROVIDERS, calendarProviderSchema, type CalendarProviderId } from '@fs/contracts';
import { invalidField } from '../common/api-error';

export class ProviderParamPipe implements PipeTransform<unknown, CalendarProviderId> {
  transform(value: unknown): CalendarProviderId {
    const parsed = calendarProviderSchema.safeParse(value);
    if (!parsed.success) throw invalidField('provider', `must be one of ${CALENDAR_PROVIDERS.join(', ')}`);
    return parsed.data;
  }
}
