// CalendarProvider for CalDAV servers (iCloud, Fastmail, Nextcloud, Radicale...). The only
// folder that imports tsdav. There is no OAuth: `connect` checks a server URL, user name
// and app-specific password by discovering the person's calendars, and returns them as
// tokens for the vault (caldav-credentials.ts). The OAuth methods of the interface refuse.
import type { ProviderCalendar } from '@fs/contracts';
import type { CalendarBusy, CalendarChanges, CalendarEventInput, CalendarProvider, ConnectedAccount, EventRef, ProviderTokens, TokenContext, WatchHandle } from '../calendar-provider';
import { ProviderError } from '../provider-error';
import { credentialsToTokens, tokensToCredentials, type CalDavCredentials } from './caldav-credentials';
import { discoverCalendars } from './caldav-discovery';
import { putEvent, removeEvent } from './caldav-events';
import { openSession, type CalDavEndpoints } from './caldav-http';

export class CalDavCalendarProvider implements CalendarProvider {
  readonly id = 'caldav' as const;
  readonly busyCalendars = 'any' as const;
  readonly twoWay = false;
  readonly watchRenewal = null;

  constructor(
    private readonly endpoints: CalDavEndpoints,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Throws ProviderError as any call would: AccessTokenRejected for refused credentials. */
  async connect(credentials: CalDavCredentials): Promise<ConnectedAccount> {
    await discoverCalendars(credentials, openSession(credentials, this.endpoints));
    return { tokens: credentialsToTokens(credentials), accountEmail: credentials.username };
  }

  authorizationUrl(): string {
    throw new ProviderError('PERMANENT', 'CalDAV connects with a password, not OAuth');
  }

  exchangeCode(): Promise<ConnectedAccount> {
    return Promise.reject(new ProviderError('PERMANENT', 'CalDAV connects with a password, not OAuth'));
  }

  /**
   * Not read yet for CalDAV (free-busy-query support varies by server: iCloud and Radicale
   * differ): the integration's availability shows this error instead of a silent "free".
   */
  busyBlocks(): Promise<CalendarBusy[]> {
    return Promise.reject(new ProviderError('PERMANENT', 'CalDAV: reading busy times is not supported yet'));
  }

  /**
   * Two-way sync is not offered for CalDAV yet (sync-collection REPORT support varies by
   * server): the settings refuse two-way (twoWay false) and a pull answers this error.
   */
  listChanges(): Promise<CalendarChanges> {
    return Promise.reject(new ProviderError('PERMANENT', 'CalDAV: reading calendar changes (two-way sync) is not supported yet'));
  }

  /** CalDAV has no standard push (WebDAV-Push is a draft few servers speak): the periodic pull only. */
  watch(): Promise<WatchHandle> {
    return Promise.reject(new ProviderError('PERMANENT', 'CalDAV: push channels are not supported'));
  }

  extendWatch(): Promise<WatchHandle> {
    return this.watch();
  }

  unwatch(): Promise<void> {
    return Promise.reject(new ProviderError('PERMANENT', 'CalDAV: push channels are not supported'));
  }

  /** Nothing to refresh: refused credentials mean the person must enter a new password. */
  refresh(): Promise<ProviderTokens> {
    return Promise.reject(new ProviderError('AUTH_REVOKED', 'CalDAV credentials cannot be refreshed'));
  }

  /** A password cannot be revoked from here; forgetting it (the caller's part) is all there is. */
  async revoke(): Promise<void> {}

  listCalendars(context: TokenContext): Promise<ProviderCalendar[]> {
    const credentials = tokensToCredentials(context.tokens);
    return discoverCalendars(credentials, openSession(credentials, this.endpoints));
  }

  upsertEvent(context: TokenContext, calendarId: string, event: CalendarEventInput): Promise<EventRef> {
    return putEvent(this.session(context), calendarId, event, this.now());
  }

  deleteEvent(context: TokenContext, calendarId: string, event: { syncKey: string }): Promise<void> {
    return removeEvent(this.session(context), calendarId, event.syncKey);
  }

  private session(context: TokenContext) {
    return openSession(tokensToCredentials(context.tokens), this.endpoints);
  }
}
