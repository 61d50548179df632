// The one interface every calendar provider adapter implements. Only adapters import a
// provider SDK; everything else talks to this interface and receives ProviderError,
// never an SDK error shape.
import type { CalendarProviderId, ProviderCalendar } from '@fs/contracts';
import type { ProviderError } from './provider-error';

export type { ProviderError };

/** What an OAuth grant gives us. `refreshToken` is absent when the provider sent none. */
export interface ProviderTokens {
  accessToken: string;
  refreshToken?: string;
  /** Absolute expiry of the access token. */
  expiresAt: Date;
  scopes: string[];
}

export interface AuthorizationRequest {
  /** Opaque, single-use value we check on the callback. */
  state: string;
  /** PKCE code challenge (S256) of the verifier we keep server-side. */
  codeChallenge: string;
  /** Pre-selects the account on the consent page when known. */
  loginHint?: string;
}

export interface CodeExchange {
  code: string;
  codeVerifier: string;
}

export interface ConnectedAccount {
  tokens: ProviderTokens;
  /** The provider account's email, shown to the person ("connected as ..."). */
  accountEmail: string;
}

/**
 * Calls that need an access token receive a valid one from IntegrationAccess, the one
 * owner of refresh. Adapters never refresh or store tokens; a refused token leaves as
 * AccessTokenRejected (provider-error.ts).
 */
export interface TokenContext {
  tokens: ProviderTokens;
  /**
   * Org-wide connection: the mailbox (the technician's work email) an app token acts on.
   * Absent for a person's own grant. Microsoft calls /users/{mailbox}/... instead of /me;
   * Google's token is already the mailbox's own (JWT bearer with sub).
   */
  mailbox?: string;
}

/** What an organisation's connection holds, opened: never logged, never returned. */
export type OrganisationCredentials =
  | { kind: 'tenant'; tenant: string }
  | { kind: 'service-account'; key: string };

/**
 * Org-wide access (Microsoft 365 admin consent + client credentials, Google Workspace service
 * account + JWT bearer). Tokens come from IntegrationAccess, the one owner, which calls
 * appToken when the stored one expires; adapters never store them.
 */
export interface OrganisationAccessProvider {
  /** Where an admin grants the app tenant-wide (Microsoft's admin consent); undefined where a key is uploaded instead. */
  adminConsentUrl?(state: string): string;
  /** Checks an uploaded credential and names it (Google: the service account's address). PERMANENT when unusable. */
  describeCredentials?(credentials: OrganisationCredentials): string;
  /**
   * A token acting on `mailbox`. AUTH_REVOKED when the organisation's grant is gone (consent
   * withdrawn, key deleted, delegation removed): the admin must reconnect.
   */
  appToken(credentials: OrganisationCredentials, mailbox: string): Promise<ProviderTokens>;
  /** The mailbox's calendar of this name, created if missing. */
  ensureCalendar(context: TokenContext, name: string): Promise<ProviderCalendar>;
}

/** What the calendar event of one intervention says. Built by a pure mapper in sync/. */
export interface CalendarEventInput {
  /** Stable key of the event: the same (integration, intervention) always maps to it. */
  syncKey: string;
  interventionId: string;
  title: string;
  description: string;
  location: string;
  startsAt: Date;
  endsAt: Date;
  /** IANA zone of the intervention's place. */
  timeZone: string;
  /** The intervention's version: iCalendar SEQUENCE where the provider speaks iCalendar (CalDAV). */
  sequence?: number;
}

/** Where our event lives at the provider, as far as we know. */
export interface EventRef {
  externalId: string;
  etag?: string;
}

export interface UpsertOptions {
  firstWrite?: boolean;
  /**
   * Two-way sync: update `known` only if it still carries `known.etag` (If-Match), i.e. nobody
   * changed it since we wrote it. Refused, or the event gone: EventEditedElsewhere, nothing written.
   */
  ifMatch?: boolean;
}

/** A stretch of time, nothing else: busy blocks never carry a title, place or attendee. */
export interface TimeBlock {
  start: Date;
  end: Date;
}

export interface BusyRequest {
  /** The connected account's address (Graph's getSchedule asks by mailbox). */
  accountEmail: string;
  /** The calendars whose busy times count, as listCalendars returned them. */
  calendars: ProviderCalendar[];
  from: Date;
  to: Date;
}

/** One calendar's busy blocks within the request's window (free / transparent events excluded, series expanded). */
export interface CalendarBusy {
  calendarId: string;
  blocks: TimeBlock[];
}

/** One event of the target calendar as the provider shows it now (two-way sync). */
export interface ObservedEvent {
  externalId: string;
  /** Deleted (Google: cancelled; Graph: @removed). Times and etag are then unknown. */
  removed: boolean;
  etag?: string;
  startsAt?: Date;
  endsAt?: Date;
}

/** What changed in a calendar since a cursor; with a null cursor, every event (a full listing). */
export interface CalendarChanges {
  events: ObservedEvent[];
  /** Where the next pull starts; stored only once what `events` says is recorded. */
  cursor: string;
  /**
   * A full listing (no cursor, or the provider refused it): an event we wrote that it does
   * not show, and that falls within `window`, is gone.
   */
  full: boolean;
}

/** The span a full listing covers (Graph's delta needs one; Google's sync token keeps it). */
export interface ChangeWindow {
  from: Date;
  to: Date;
}

/** Two-way sync push: what a watch on one calendar is asked for. */
export interface WatchRequest {
  calendarId: string;
  /** Our id for a new channel (Google channel id); Graph names its subscriptions itself. */
  channelId: string;
  /** Where change notifications go (public HTTPS for real providers). */
  address: string;
  /** Where Graph sends lifecycle notifications (subscriptionRemoved, reauthorizationRequired, missed). */
  lifecycleAddress: string;
  /** Echoed on every notification (Google token, Graph clientState): how we tell a forged one. */
  secret: string;
  /** Asked-for expiry; the provider may shorten it: the answer is authoritative. */
  expiresAt: Date;
}

/** A watch the provider accepted. */
export interface WatchHandle {
  /** Google: the channel id we chose; Graph: the subscription id. */
  channelId: string;
  /** Google's resourceId (channels.stop needs it). */
  resourceId?: string;
  expiresAt: Date;
}

export interface CalendarProvider {
  readonly id: CalendarProviderId;
  /**
   * Push channels: how a watch outlives its expiry. 'extend': the same watch gets a later
   * expiry (Graph PATCH); 'replace': a new one is created, then the old one stopped (Google
   * channels cannot be renewed); null: no push (CalDAV), the periodic pull only.
   */
  readonly watchRenewal: 'extend' | 'replace' | null;
  /** Whether listChanges works (two-way sync can be turned on). */
  readonly twoWay: boolean;
  /** Present for providers a company can connect once for every technician. */
  readonly organisation?: OrganisationAccessProvider;
  /** Which calendars busyBlocks can read: any of the account's, or only its default one (Graph getSchedule). */
  readonly busyCalendars: 'any' | 'default-only';
  /** URL of the provider's consent page, to send the person's browser to. */
  authorizationUrl(request: AuthorizationRequest): string;
  /** Exchanges the callback's code for tokens and identifies the account. */
  exchangeCode(exchange: CodeExchange): Promise<ConnectedAccount>;
  /** A fresh access token from a refresh token; AUTH_REVOKED when the grant is gone. */
  refresh(refreshToken: string): Promise<ProviderTokens>;
  /** Best effort: tells the provider to forget the grant. */
  revoke(tokens: ProviderTokens): Promise<void>;
  listCalendars(context: TokenContext): Promise<ProviderCalendar[]>;
  /**
   * Creates or updates the event of `event.syncKey` in `calendarId`. Idempotent: calling it
   * again after a crash (with or without `known`) never makes a second event.
   * `firstWrite`: nothing was ever tried for this event (no record, no earlier attempt), so
   * an adapter may create without first looking for an existing one.
   */
  upsertEvent(context: TokenContext, calendarId: string, event: CalendarEventInput, known?: EventRef, options?: UpsertOptions): Promise<EventRef>;
  /** Removes the event; an event already gone is success, not an error. */
  deleteEvent(context: TokenContext, calendarId: string, event: { syncKey: string; known?: EventRef }): Promise<void>;
  /**
   * Busy times of the requested calendars, through the provider's free/busy call: times
   * only ever leave the adapter. A calendar the provider cannot answer for (gone, or not
   * readable by its free/busy call) is left out of the answer, not an error.
   */
  busyBlocks(context: TokenContext, request: BusyRequest): Promise<CalendarBusy[]>;
  /**
   * Two-way sync: the events of `calendarId` changed since `cursor` (Google syncToken with
   * deleted events, Graph calendarView delta), every page read. A null cursor lists every
   * event of `window`. A cursor the provider no longer accepts throws SyncCursorExpired:
   * the caller lists again from null and diffs against what it knows.
   */
  listChanges(context: TokenContext, calendarId: string, cursor: string | null, window: ChangeWindow): Promise<CalendarChanges>;
  /**
   * Push: watches `calendarId` (Google events.watch; Graph subscription on
   * me/calendars/{id}/events, whose validation handshake our endpoint answers inside this call).
   * A provider without push throws ProviderError PERMANENT.
   */
  watch(context: TokenContext, request: WatchRequest): Promise<WatchHandle>;
  /** 'extend' providers only: a later expiry for the same watch; NOT_FOUND when it is gone. */
  extendWatch(context: TokenContext, watch: WatchHandle, expiresAt: Date): Promise<WatchHandle>;
  /** Stops a watch (Google channels.stop, Graph DELETE subscription); one already gone is success. */
  unwatch(context: TokenContext, watch: WatchHandle): Promise<void>;
}
