// Microsoft Graph calls of the adapter, through the official SDK, given an access token.
// Graph failures leave here as the SDK's GraphError; the provider maps them.
import { Client, RetryHandlerOptions } from '@microsoft/microsoft-graph-client';
import type { ProviderCalendar } from '@fs/contracts';
import type { Calendar, User } from '@microsoft/microsoft-graph-types';
import type { MicrosoftEndpoints } from '../provider-endpoints';
import { graphFetchOptions } from './microsoft-transport';

/**
 * A resource as Graph answers it for a read: the types mark every property optional
 * (a $select may leave any out), but Graph always returns the id of an item it lists.
 */
export type Listed<T> = T & { id: string };

/** The OData collection envelope, which microsoft-graph-types does not model. */
export interface GraphPage<T> {
  value: Listed<T>[];
  '@odata.nextLink'?: string;
}

/** Every page of a collection; a guard against a server that keeps sending nextLinks. */
const MAX_PAGES = 50;

/**
 * No SDK-level retries: a 429 or 5xx surfaces at once (as RATE_LIMITED / TRANSIENT with
 * Retry-After) so the caller decides — the API answers the person, the sync worker
 * reschedules — instead of the SDK sleeping inside a request.
 */
export const NO_RETRY = [new RetryHandlerOptions(0, 0)];
export const IMMUTABLE_IDS = 'IdType="ImmutableId"';

/**
 * Whose mailbox a call reaches: `/me` with a person's own (delegated) token, or
 * `/users/{address}` with an organisation's app-only token, which acts as no user.
 */
export const mailboxPath = (mailbox?: string) => (mailbox ? `/users/${encodeURIComponent(mailbox)}` : '/me');

const toProviderCalendar = (calendar: Listed<Calendar>): ProviderCalendar => ({
  id: calendar.id,
  name: calendar.name ?? '',
  primary: calendar.isDefaultCalendar === true,
  canWrite: calendar.canEdit === true,
});

export class MicrosoftGraph {
  private readonly fetchOptions: RequestInit;

  constructor(private readonly endpoints: MicrosoftEndpoints) {
    this.fetchOptions = graphFetchOptions(endpoints.caPem);
  }

  async listCalendars(accessToken: string, base = '/me'): Promise<ProviderCalendar[]> {
    const client = this.client(accessToken);
    const calendars: Listed<Calendar>[] = [];
    let page = (await client
      .api(`${base}/calendars`)
      // Graph applies IdType to items (events), whose default id changes when they move;
      // every call of this adapter asks for immutable ids so no stored id depends on that.
      .header('Prefer', IMMUTABLE_IDS)
      .middlewareOptions(NO_RETRY)
      .get()) as GraphPage<Calendar>;
    calendars.push(...page.value);
    for (let pages = 1; page['@odata.nextLink'] && pages < MAX_PAGES; pages++) {
      page = (await client.api(page['@odata.nextLink']).header('Prefer', IMMUTABLE_IDS).middlewareOptions(NO_RETRY).get()) as GraphPage<Calendar>;
      calendars.push(...page.value);
    }
    return calendars.map(toProviderCalendar);
  }

  /** A new calendar in the mailbox (graph/api/user-post-calendars). */
  async createCalendar(accessToken: string, base: string, name: string): Promise<ProviderCalendar> {
    const created = (await this.client(accessToken).api(`${base}/calendars`).middlewareOptions(NO_RETRY).post({ name })) as Listed<Calendar>;
    return toProviderCalendar(created);
  }

  /** The signed-in user's address, for accounts whose id token carries no email. */
  async meEmail(accessToken: string): Promise<string | undefined> {
    const me = (await this.client(accessToken).api('/me').middlewareOptions(NO_RETRY).get()) as User;
    return me.mail ?? me.userPrincipalName ?? undefined;
  }

  /** A Graph client for one access token (shared by microsoft-graph-events.ts). */
  client(accessToken: string): Client {
    const { graphBaseUrl } = this.endpoints;
    return Client.init({
      authProvider: (done) => done(null, accessToken),
      baseUrl: graphBaseUrl,
      defaultVersion: 'v1.0',
      // The SDK attaches the Authorization header only for Graph's own hosts and these.
      customHosts: new Set([new URL(graphBaseUrl).hostname]),
      fetchOptions: this.fetchOptions,
    });
  }
}
