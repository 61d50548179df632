// The Google Calendar adapter: OAuth (google-auth-library's OAuth2Client, pointed at the
// endpoints resolved at boot through its documented `endpoints` option) and the Calendar
// API (@googleapis/calendar with `rootUrl`). The only files importing those SDKs live in
// this folder; everything leaving it is our types or a ProviderError (google-error.mapper).
import { calendar, type calendar_v3 } from '@googleapis/calendar';
import { CodeChallengeMethod, OAuth2Client, type Credentials } from 'google-auth-library';
import type { ProviderCalendar } from '@fs/contracts';
import type {
  AuthorizationRequest,
  BusyRequest,
  CalendarBusy,
  CalendarChanges,
  CalendarEventInput,
  ChangeWindow,
  CalendarProvider,
  CodeExchange,
  ConnectedAccount,
  EventRef,
  OrganisationAccessProvider,
  OrganisationCredentials,
  ProviderTokens,
  TokenContext,
  UpsertOptions,
  WatchHandle,
  WatchRequest,
} from '../calendar-provider';
import type { GoogleEndpoints } from '../provider-endpoints';
import { ProviderError } from '../provider-error';
import { mapGoogleError } from './google-error.mapper';
import { listGoogleChanges } from './google-changes';
import { deleteGoogleEvent, upsertGoogleEvent } from './google-events';
import { parseServiceAccountKey, serviceAccountToken } from './google-service-account';
import { stopGoogleChannel, watchGoogleCalendar } from './google-watch';
import { assertFreeBusyScope, GOOGLE_FREE_BUSY_SCOPE, googleBusyBlocks } from './google-free-busy';

/**
 * Least privilege for "list my calendars, write interventions into the one I pick":
 * calendarlist.readonly (names + accessRole) and calendar.events (events only). The full
 * `calendar` scope would also let us create, delete and share calendars. `openid email`
 * tell us which account was connected.
 */
export const GOOGLE_CALENDAR_SCOPES = [
  'https://www.googleapis.com/auth/calendar.calendarlist.readonly',
  'https://www.googleapis.com/auth/calendar.events',
];
/**
 * calendar.freebusy (busy times of the person's calendars, no event details) is asked for but
 * not required: without it sync works and only availability sharing reports ACCESS_DENIED.
 */
export const GOOGLE_SCOPES = ['openid', 'email', ...GOOGLE_CALENDAR_SCOPES, GOOGLE_FREE_BUSY_SCOPE];

const WRITABLE_ROLES = new Set(['owner', 'writer']);
export class GoogleCalendarProvider implements CalendarProvider {
  readonly id = 'google' as const;
  readonly busyCalendars = 'any' as const;
  readonly twoWay = true;
  /** Google Workspace org-wide: a service account key, JWT bearer with sub = the mailbox. */
  readonly organisation: OrganisationAccessProvider = {
    describeCredentials: (credentials) => this.serviceAccountKey(credentials) && parseServiceAccountKey(this.serviceAccountKey(credentials)).client_email,
    appToken: (credentials, mailbox) => serviceAccountToken(this.endpoints, this.serviceAccountKey(credentials), mailbox, this.now()),
    ensureCalendar: (context, name) => this.findCalendar(context, name),
  };
  /** Google channels cannot be renewed: a new one, then the old one stopped. */
  readonly watchRenewal = 'replace' as const;

  constructor(
    private readonly endpoints: GoogleEndpoints,
    /** The app's Clock: expiries are on the same "now" IntegrationAccess compares them with. */
    private readonly now: () => Date = () => new Date(),
  ) {}

  private serviceAccountKey(credentials: OrganisationCredentials): string {
    if (credentials.kind !== 'service-account') throw new ProviderError('PERMANENT', 'Google: org-wide access needs a service account key');
    return credentials.key;
  }

  /**
   * The delegated scopes (least privilege: events + calendar list) cannot create calendars,
   * so a named target calendar must exist in the mailbox; a missing one is PERMANENT.
   */
  private async findCalendar(context: TokenContext, name: string): Promise<ProviderCalendar> {
    const found = (await this.listCalendars(context)).find((c) => c.canWrite && c.name.toLowerCase() === name.toLowerCase());
    if (!found) throw new ProviderError('PERMANENT', 'Google: no writable calendar of that name in the mailbox');
    return found;
  }

  authorizationUrl(request: AuthorizationRequest): string {
    return this.client().generateAuthUrl({
      access_type: 'offline',
      // Google sends a refresh token only on a first consent; asking for consent every
      // time guarantees one even when an old grant survived (e.g. a failed revoke).
      prompt: 'consent',
      scope: GOOGLE_SCOPES,
      state: request.state,
      code_challenge: request.codeChallenge,
      code_challenge_method: CodeChallengeMethod.S256,
      ...(request.loginHint ? { login_hint: request.loginHint } : {}),
    });
  }

  async exchangeCode(exchange: CodeExchange): Promise<ConnectedAccount> {
    const client = this.client();
    try {
      const { tokens, res } = await client.getToken({ code: exchange.code, codeVerifier: exchange.codeVerifier });
      const providerTokens = toProviderTokens(tokens, expiresAt(res?.data, this.now()));
      const info = await client.getTokenInfo(providerTokens.accessToken);
      const missing = GOOGLE_CALENDAR_SCOPES.filter((scope) => !providerTokens.scopes.includes(scope));
      if (missing.length > 0 || !info.email) {
        // The person unticked a scope we need (granular consent): do not keep a useless grant.
        await this.revoke(providerTokens);
        throw new ProviderError('ACCESS_DENIED', `Google: scopes not granted (${missing.join(' ') || 'email'})`);
      }
      return { tokens: providerTokens, accountEmail: info.email };
    } catch (error) {
      throw mapGoogleError(error);
    }
  }

  async refresh(refreshToken: string): Promise<ProviderTokens> {
    const client = this.client();
    client.setCredentials({ refresh_token: refreshToken });
    try {
      const { credentials, res } = await client.refreshAccessToken();
      return toProviderTokens(credentials, expiresAt(res?.data, this.now()), refreshToken);
    } catch (error) {
      throw mapGoogleError(error);
    }
  }

  async revoke(tokens: ProviderTokens): Promise<void> {
    // Revoking either token ends the whole grant; the refresh token outlives the access one.
    const token = tokens.refreshToken ?? tokens.accessToken;
    try {
      await this.client().revokeToken(token);
    } catch (error) {
      throw mapGoogleError(error);
    }
  }

  async listCalendars(context: TokenContext): Promise<ProviderCalendar[]> {
    return this.withAuth(context, async (auth) => {
      const api = this.api(auth);
      const items: calendar_v3.Schema$CalendarListEntry[] = [];
      let pageToken: string | undefined;
      do {
        const { data } = await api.calendarList.list({ maxResults: 250, ...(pageToken ? { pageToken } : {}) });
        items.push(...(data.items ?? []));
        pageToken = data.nextPageToken ?? undefined;
      } while (pageToken);
      return items.map(toProviderCalendar);
    });
  }

  /** See google-events.ts: our own ids make the write idempotent. */
  async upsertEvent(context: TokenContext, calendarId: string, event: CalendarEventInput, known?: EventRef, options?: UpsertOptions): Promise<EventRef> {
    return this.withAuth(context, (auth) => upsertGoogleEvent(this.api(auth).events, calendarId, event, known, options));
  }

  async deleteEvent(context: TokenContext, calendarId: string, event: { syncKey: string; known?: EventRef }): Promise<void> {
    return this.withAuth(context, (auth) => deleteGoogleEvent(this.api(auth).events, calendarId, event.syncKey, event.known));
  }

  async busyBlocks(context: TokenContext, request: BusyRequest): Promise<CalendarBusy[]> {
    assertFreeBusyScope(context.tokens.scopes);
    return this.withAuth(context, (auth) => googleBusyBlocks(this.api(auth).freebusy, request));
  }

  /** See google-changes.ts. */
  async listChanges(context: TokenContext, calendarId: string, cursor: string | null, window: ChangeWindow): Promise<CalendarChanges> {
    return this.withAuth(context, (auth) => listGoogleChanges(this.api(auth).events, calendarId, cursor, window));
  }

  /** See google-watch.ts. */
  async watch(context: TokenContext, request: WatchRequest): Promise<WatchHandle> {
    return this.withAuth(context, (auth) => watchGoogleCalendar(this.api(auth).events, request, this.now()));
  }

  extendWatch(): Promise<WatchHandle> {
    return Promise.reject(new ProviderError('PERMANENT', 'Google channels cannot be renewed: watch again, then stop the old one'));
  }

  async unwatch(context: TokenContext, watch: WatchHandle): Promise<void> {
    return this.withAuth(context, (auth) => stopGoogleChannel(this.api(auth).channels, watch));
  }

  private api(auth: OAuth2Client): calendar_v3.Calendar {
    return calendar({ version: 'v3', auth, rootUrl: this.endpoints.calendarRootUrl });
  }

  /**
   * Runs calls with an OAuth2Client holding the access token only: without a refresh
   * token or an expiry, google-auth-library never refreshes by itself (eagerly, or on a
   * 401/403, which would also hit a rate-limit 403). A 401 leaves as AccessTokenRejected;
   * IntegrationAccess, the one token owner, refreshes and retries.
   */
  private async withAuth<T>(context: TokenContext, work: (auth: OAuth2Client) => Promise<T>): Promise<T> {
    const auth = this.client();
    auth.setCredentials({ access_token: context.tokens.accessToken });
    try {
      return await work(auth);
    } catch (error) {
      throw mapGoogleError(error);
    }
  }

  private client(): OAuth2Client {
    const e = this.endpoints;
    return new OAuth2Client({
      clientId: e.clientId,
      clientSecret: e.clientSecret,
      redirectUri: e.redirectUri,
      endpoints: {
        oauth2AuthBaseUrl: e.authorizeUrl,
        oauth2TokenUrl: e.tokenUrl,
        oauth2RevokeUrl: e.revokeUrl,
        tokenInfoUrl: e.tokenInfoUrl,
      },
    });
  }
}

/** Google never rotates refresh tokens: a refresh answer has none, so keep the one we had. */
function toProviderTokens(credentials: Credentials, expiresAt: Date, knownRefreshToken?: string, knownScopes: string[] = []): ProviderTokens {
  if (!credentials.access_token) throw new ProviderError('PERMANENT', 'Google: token answer without an access token');
  const refreshToken = credentials.refresh_token ?? knownRefreshToken;
  return {
    accessToken: credentials.access_token,
    ...(refreshToken ? { refreshToken } : {}),
    expiresAt,
    scopes: credentials.scope ? credentials.scope.split(' ') : knownScopes,
  };
}

/** From the token answer's expires_in (google-auth-library's expiry_date uses its own Date.now()). */
function expiresAt(answer: unknown, now: Date): Date {
  const seconds = (answer as { expires_in?: unknown } | undefined)?.expires_in;
  return new Date(now.getTime() + (typeof seconds === 'number' && seconds > 0 ? seconds : 3600) * 1000);
}

function toProviderCalendar(entry: calendar_v3.Schema$CalendarListEntry): ProviderCalendar {
  return {
    id: entry.id ?? '',
    name: entry.summaryOverride ?? entry.summary ?? entry.id ?? '',
    primary: entry.primary === true,
    canWrite: WRITABLE_ROLES.has(entry.accessRole ?? ''),
  };
}
