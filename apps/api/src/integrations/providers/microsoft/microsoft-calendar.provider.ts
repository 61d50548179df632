// The Microsoft Outlook adapter of CalendarProvider: identity platform v2 through MSAL
// (microsoft-identity.ts), calendars through the Graph SDK (microsoft-graph.ts). Every
// failure leaves as a ProviderError (microsoft-error.mapper.ts), never an SDK error.
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
import { ProviderError } from '../provider-error';
import type { MicrosoftEndpoints } from '../provider-endpoints';
import { microsoftErrorToProviderError } from './microsoft-error.mapper';
import { listMicrosoftChanges } from './microsoft-changes';
import { mailboxPath, MicrosoftGraph } from './microsoft-graph';
import { MicrosoftAppIdentity } from './microsoft-app-identity';
import { MicrosoftGraphEvents } from './microsoft-graph-events';
import { MicrosoftIdentity } from './microsoft-identity';
import { microsoftBusyBlocks } from './microsoft-schedule';
import { createMicrosoftSubscription, deleteMicrosoftSubscription, renewMicrosoftSubscription } from './microsoft-subscriptions';

export class MicrosoftCalendarProvider implements CalendarProvider {
  readonly id = 'microsoft' as const;
  readonly busyCalendars = 'default-only' as const;
  readonly twoWay = true;
  /** A subscription's expiry is moved by PATCH. */
  readonly watchRenewal = 'extend' as const;
  private readonly identity: MicrosoftIdentity;
  private readonly graph: MicrosoftGraph;
  private readonly events: MicrosoftGraphEvents;
  private readonly appIdentity: MicrosoftAppIdentity;
  /** Microsoft 365 org-wide: admin consent, client-credentials tokens, /users/{mailbox} calls. */
  readonly organisation: OrganisationAccessProvider;

  constructor(
    endpoints: MicrosoftEndpoints,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.identity = new MicrosoftIdentity(endpoints);
    this.graph = new MicrosoftGraph(endpoints);
    this.events = new MicrosoftGraphEvents(this.graph);
    this.appIdentity = new MicrosoftAppIdentity(endpoints);
    this.organisation = {
      adminConsentUrl: (state) => this.appIdentity.adminConsentUrl(state),
      appToken: (credentials, mailbox) => this.appToken(credentials, mailbox),
      ensureCalendar: (context, name) => this.ensureCalendar(context, name),
    };
  }

  /** One tenant-wide token serves every mailbox; `_mailbox` matters only to the call paths. */
  private appToken(credentials: OrganisationCredentials, _mailbox: string): Promise<ProviderTokens> {
    if (credentials.kind !== 'tenant') throw new ProviderError('PERMANENT', 'Microsoft: org-wide access needs a tenant');
    return this.mapErrors(() => this.appIdentity.appToken(credentials.tenant));
  }

  private ensureCalendar(context: TokenContext, name: string): Promise<ProviderCalendar> {
    return this.withAccessToken(context, async (accessToken) => {
      const base = mailboxPath(context.mailbox);
      const existing = (await this.graph.listCalendars(accessToken, base)).find((c) => c.canWrite && c.name.toLowerCase() === name.toLowerCase());
      return existing ?? this.graph.createCalendar(accessToken, base, name);
    });
  }

  authorizationUrl(request: AuthorizationRequest): string {
    return this.identity.authorizationUrl(request);
  }

  async exchangeCode({ code, codeVerifier }: CodeExchange): Promise<ConnectedAccount> {
    return this.mapErrors(async () => {
      const { tokens, email } = await this.identity.exchangeCode(code, codeVerifier);
      const accountEmail = email ?? (await this.graph.meEmail(tokens.accessToken));
      if (!accountEmail) throw new ProviderError('PERMANENT', 'Microsoft account has no email address');
      return { tokens, accountEmail };
    });
  }

  /** The returned refreshToken is the rotated one: store it, the old one is superseded. */
  async refresh(refreshToken: string): Promise<ProviderTokens> {
    return this.mapErrors(() => this.identity.refresh(refreshToken));
  }

  /**
   * Microsoft offers no endpoint to revoke one app's refresh token (only "revoke all
   * sessions" of a user, an admin action through Graph that would sign the person out
   * everywhere). Disconnecting therefore forgets the tokens on our side, which the caller
   * does; the grant then lapses after 90 days without use, or the person removes the app
   * at https://myapps.microsoft.com. Resolves so disconnect never fails on it.
   */
  async revoke(_tokens: ProviderTokens): Promise<void> {}

  async listCalendars(context: TokenContext): Promise<ProviderCalendar[]> {
    return this.withAccessToken(context, (accessToken) => this.graph.listCalendars(accessToken, mailboxPath(context.mailbox)));
  }

  async upsertEvent(context: TokenContext, calendarId: string, event: CalendarEventInput, known?: EventRef, options?: UpsertOptions): Promise<EventRef> {
    return this.withAccessToken(context, (accessToken) => this.events.upsert(accessToken, mailboxPath(context.mailbox), calendarId, event, known, options));
  }

  async deleteEvent(context: TokenContext, calendarId: string, event: { syncKey: string; known?: EventRef }): Promise<void> {
    return this.withAccessToken(context, (accessToken) => this.events.delete(accessToken, mailboxPath(context.mailbox), calendarId, event.syncKey, event.known));
  }

  /** The default calendar only: see microsoft-schedule.ts. */
  async busyBlocks(context: TokenContext, request: BusyRequest): Promise<CalendarBusy[]> {
    return this.withAccessToken(context, (accessToken) => microsoftBusyBlocks(this.graph, accessToken, mailboxPath(context.mailbox), request));
  }

  /** See microsoft-changes.ts. */
  async listChanges(context: TokenContext, calendarId: string, cursor: string | null, window: ChangeWindow): Promise<CalendarChanges> {
    return this.withAccessToken(context, (accessToken) => listMicrosoftChanges(this.graph.client(accessToken), calendarId, cursor, window));
  }

  /** See microsoft-subscriptions.ts. */
  async watch(context: TokenContext, request: WatchRequest): Promise<WatchHandle> {
    return this.withAccessToken(context, (accessToken) => createMicrosoftSubscription(this.graph.client(accessToken), mailboxPath(context.mailbox), request));
  }

  async extendWatch(context: TokenContext, watch: WatchHandle, expiresAt: Date): Promise<WatchHandle> {
    return this.withAccessToken(context, (accessToken) => renewMicrosoftSubscription(this.graph.client(accessToken), watch, expiresAt));
  }

  async unwatch(context: TokenContext, watch: WatchHandle): Promise<void> {
    return this.withAccessToken(context, (accessToken) => deleteMicrosoftSubscription(this.graph.client(accessToken), watch));
  }

  /**
   * Runs a Graph call with the access token it was given. No refresh here: a 401 leaves as
   * AccessTokenRejected and IntegrationAccess, the one token owner, decides what follows.
   */
  private withAccessToken<T>(context: TokenContext, call: (accessToken: string) => Promise<T>): Promise<T> {
    return this.mapErrors(() => call(context.tokens.accessToken));
  }

  private async mapErrors<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw microsoftErrorToProviderError(error, this.now());
    }
  }
}
