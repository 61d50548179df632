// Owns where each provider lives and which OAuth client we use with it, resolved once at
// boot: Google's and Microsoft's real endpoints with the admin's credentials, or the local
// calendar emulator (CALENDAR_EMULATOR_URL) whose /_emulator/info gives its origins, its
// CA and a default client per provider. Adapters receive these objects in their
// constructor and never read configuration themselves.
//
// MicrosoftEndpoints is the contract with providers/microsoft/microsoft-calendar.provider.ts
// (MicrosoftCalendarProvider takes it in its constructor): change it only together.
import type { OAuthProviderId } from '@fs/contracts';
import type { CalDavEndpoints } from './caldav/caldav-http';
import type { Env } from '../../config/env.schema';

export interface GoogleEndpoints {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** Consent page, e.g. https://accounts.google.com/o/oauth2/v2/auth */
  authorizeUrl: string;
  tokenUrl: string;
  revokeUrl: string;
  tokenInfoUrl: string;
  /** Calendar API root for @googleapis/calendar's `rootUrl` (ends with '/'). */
  calendarRootUrl: string;
}

export interface MicrosoftEndpoints {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** Where the admin consent comes back: the organisation callback beside redirectUri (register it in the app too). */
  adminConsentRedirectUri: string;
  /** Tenant segment of the authority: 'common', 'organizations' or a tenant id. */
  tenant: string;
  /** https origin MSAL talks to: https://login.microsoftonline.com or the emulator's. */
  authorityOrigin: string;
  /**
   * Origin the person's browser is sent to for consent. Equal to authorityOrigin for the
   * real service; the emulator's plain-HTTP origin in dev mode (no certificate warning):
   * the adapter swaps the authorize URL's origin for it.
   */
  browserAuthorityOrigin: string;
  /** Graph SDK `baseUrl`, ending with '/': https://graph.microsoft.com/ or the emulator's. */
  graphBaseUrl: string;
  /**
   * The emulator's CA (PEM), set only in emulator mode: the adapter trusts it for its own
   * calls only (MSAL networkClient, undici Agent for Graph), never process-wide.
   */
  caPem?: string;
}

export interface ProviderEndpoints {
  /** Absent: no OAuth app and no emulator for that provider (shown as available: false). */
  google?: GoogleEndpoints;
  microsoft?: MicrosoftEndpoints;
  /** Always present: any person can connect a CalDAV server of their choice. */
  caldav?: CalDavEndpoints;
}

/** A CalDAV request that takes longer than this fails as TRANSIENT (retried later). */
export const CALDAV_TIMEOUT_MS = 15_000;

/** What GET {CALENDAR_EMULATOR_URL}/_emulator/info answers (packages/calendar-emulator). */
export interface EmulatorInfo {
  googleBaseUrl: string;
  microsoftBaseUrl: string;
  microsoftBrowserBaseUrl: string;
  caPem: string;
  /** The emulator's CalDAV server (http origin + /caldav/), Basic auth with caldavDemoPassword. */
  caldavBaseUrl?: string;
  caldavDemoPassword?: string;
  defaultClients: Record<OAuthProviderId, { clientId: string; clientSecret: string }>;
}

type Credentials = { clientId: string; clientSecret: string; redirectUri: string };

export async function resolveProviderEndpoints(env: Env): Promise<ProviderEndpoints> {
  const info = env.CALENDAR_EMULATOR_URL ? await readEmulatorInfo(env.CALENDAR_EMULATOR_URL) : undefined;
  const google = credentialsFor(env, 'google', info);
  const microsoft = credentialsFor(env, 'microsoft', info);
  return {
    ...(google ? { google: googleEndpoints(google, info) } : {}),
    ...(microsoft ? { microsoft: microsoftEndpoints(microsoft, env.MICROSOFT_TENANT, info) } : {}),
    caldav: {
      allowHttp: env.CALDAV_ALLOW_HTTP,
      timeoutMs: CALDAV_TIMEOUT_MS,
      ...(info?.caldavBaseUrl ? { emulatorOrigin: new URL(info.caldavBaseUrl).origin } : {}),
    },
  };
}

async function readEmulatorInfo(emulatorUrl: string): Promise<EmulatorInfo> {
  const url = new URL('/_emulator/info', emulatorUrl);
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new Error(`CALENDAR_EMULATOR_URL: cannot reach ${url.origin} (${(error as Error).message}); start the emulator first`, {
      cause: error,
    });
  }
  if (!response.ok) throw new Error(`CALENDAR_EMULATOR_URL: ${url} answered ${response.status}`);
  return (await response.json()) as EmulatorInfo;
}

/** The admin's OAuth app when configured; else, in emulator mode, the emulator's default client. */
function credentialsFor(env: Env, provider: OAuthProviderId, info?: EmulatorInfo): Credentials | undefined {
  const configured =
    provider === 'google'
      ? { clientId: env.GOOGLE_CLIENT_ID, clientSecret: env.GOOGLE_CLIENT_SECRET, redirectUri: env.GOOGLE_REDIRECT_URI }
      : { clientId: env.MICROSOFT_CLIENT_ID, clientSecret: env.MICROSOFT_CLIENT_SECRET, redirectUri: env.MICROSOFT_REDIRECT_URI };
  // env.schema guarantees the three are all set or all unset.
  if (configured.clientId && configured.clientSecret && configured.redirectUri) {
    return { clientId: configured.clientId, clientSecret: configured.clientSecret, redirectUri: configured.redirectUri };
  }
  if (!info) return undefined;
  return {
    ...info.defaultClients[provider],
    redirectUri: `http://localhost:${env.PORT}/api/v1/integrations/${provider}/callback`,
  };
}

function googleEndpoints(credentials: Credentials, info?: EmulatorInfo): GoogleEndpoints {
  if (info) {
    const base = info.googleBaseUrl.replace(/\/$/, '');
    return {
      ...credentials,
      authorizeUrl: `${base}/o/oauth2/v2/auth`,
      tokenUrl: `${base}/token`,
      revokeUrl: `${base}/revoke`,
      tokenInfoUrl: `${base}/tokeninfo`,
      calendarRootUrl: `${base}/`,
    };
  }
  return {
    ...credentials,
    authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
    tokenUrl: 'https://oauth2.googleapis.com/token',
    revokeUrl: 'https://oauth2.googleapis.com/revoke',
    tokenInfoUrl: 'https://oauth2.googleapis.com/tokeninfo',
    calendarRootUrl: 'https://www.googleapis.com/',
  };
}

/** The organisation's admin-consent callback, on the same API origin as the personal callback. */
export const ADMIN_CONSENT_CALLBACK_PATH = '/api/v1/admin/organisation-connections/microsoft/callback';

function microsoftEndpoints(base: Credentials, tenant: string, info?: EmulatorInfo): MicrosoftEndpoints {
  const credentials = { ...base, adminConsentRedirectUri: new URL(ADMIN_CONSENT_CALLBACK_PATH, base.redirectUri).toString() };
  if (info) {
    const origin = new URL(info.microsoftBaseUrl).origin;
    return {
      ...credentials,
      tenant,
      authorityOrigin: origin,
      browserAuthorityOrigin: new URL(info.microsoftBrowserBaseUrl).origin,
      graphBaseUrl: `${origin}/`,
      caPem: info.caPem,
    };
  }
  return {
    ...credentials,
    tenant,
    authorityOrigin: 'https://login.microsoftonline.com',
    browserAuthorityOrigin: 'https://login.microsoftonline.com',
    graphBaseUrl: 'https://graph.microsoft.com/',
  };
}
