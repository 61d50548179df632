// Two-way sync push, Google side (calendar/api/guides/push, provider-apis.md A2.5): an
// events.watch channel on the target calendar, our channel id and secret `token` (echoed in
// X-Goog-Channel-Token on every notification), a lifetime asked as params.ttl (relative, so
// clocks need not agree) and read back from the answer's `expiration` (epoch ms, authoritative:
// Google may shorten it). channels.stop needs the id and the resourceId; an unknown channel
// (404: expired or already stopped) is success.
import type { calendar_v3 } from '@googleapis/calendar';
import type { WatchHandle, WatchRequest } from '../calendar-provider';
import { ProviderError } from '../provider-error';
import { isGoogleNotFound } from './google-error.mapper';

export async function watchGoogleCalendar(events: calendar_v3.Resource$Events, request: WatchRequest, now: Date): Promise<WatchHandle> {
  const ttlSeconds = Math.max(1, Math.floor((request.expiresAt.getTime() - now.getTime()) / 1000));
  const { data } = await events.watch({
    calendarId: request.calendarId,
    requestBody: { id: request.channelId, type: 'web_hook', address: request.address, token: request.secret, params: { ttl: String(ttlSeconds) } },
  });
  const expiration = Number(data.expiration);
  if (!data.resourceId || !Number.isFinite(expiration)) throw new ProviderError('PERMANENT', 'Google: watch answer without resourceId or expiration');
  return { channelId: data.id ?? request.channelId, resourceId: data.resourceId, expiresAt: new Date(expiration) };
}

export async function stopGoogleChannel(channels: calendar_v3.Resource$Channels, watch: WatchHandle): Promise<void> {
  try {
    await channels.stop({ requestBody: { id: watch.channelId, resourceId: watch.resourceId ?? '' } });
  } catch (error) {
    if (!isGoogleNotFound(error)) throw error;
  }
}
