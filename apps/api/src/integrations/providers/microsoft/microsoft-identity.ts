// Microsoft identity platform v2 through MSAL: the consent URL, the code exchange and the
// refresh grant, each returning our ProviderTokens (with the refresh token, which MSAL
// hides from its results) and the signed-in account's email.
import { ConfidentialClientApplication, type AuthenticationResult } from '@azure/msal-node';
import type { AuthorizationRequest, ProviderTokens } from '../calendar-provider';
import { ProviderError } from '../provider-error';
import type { MicrosoftEndpoints } from '../provider-endpoints';
import { caTrustingNetworkClient } from './microsoft-transport';

/** What we ask for at consent: a refresh token, calendar write, the account's identity. */
export const CONSENT_SCOPES = ['offline_access', 'Calendars.ReadWrite', 'User.Read', 'openid', 'profile', 'email'];
/** The Graph scopes an access token is requested for (MSAL adds the OpenID ones itself). */
const GRAPH_SCOPES = ['Calendars.ReadWrite', 'User.Read'];

export interface IdentityResult {
  tokens: ProviderTokens;
  /** From the id token (preferred_username, else email); undefined when it carries neither. */
  email?: string;
}

export class MicrosoftIdentity {
  constructor(private readonly endpoints: MicrosoftEndpoints) {}

  /**
   * The documented authorize endpoint, built directly rather than through MSAL's
   * getAuthCodeUrl: that call is async only to fetch the discovery document, while this
   * URL's shape is fixed by the protocol (/{tenant}/oauth2/v2.0/authorize) and the
   * CalendarProvider interface wants it synchronously. It points at the browser-facing
   * origin: the emulator's plain-HTTP page in dev mode, login.microsoftonline.com otherwise.
   */
  authorizationUrl(request: AuthorizationRequest): string {
    const { browserAuthorityOrigin, tenant, clientId, redirectUri } = this.endpoints;
    const url = new URL(`${browserAuthorityOrigin}/${encodeURIComponent(tenant)}/oauth2/v2.0/authorize`);
    url.search = new URLSearchParams({
      client_id: clientId,
      response_type: 'code',
      redirect_uri: redirectUri,
      response_mode: 'query',
      scope: CONSENT_SCOPES.join(' '),
      state: request.state,
      code_challenge: request.codeChallenge,
      code_challenge_method: 'S256',
      ...(request.loginHint ? { login_hint: request.loginHint } : {}),
    }).toString();
    return url.toString();
  }

  async exchangeCode(code: string, codeVerifier: string): Promise<IdentityResult> {
    const msal = this.msal();
    const result = await msal.acquireTokenByCode({ code, codeVerifier, scopes: GRAPH_SCOPES, redirectUri: this.endpoints.redirectUri });
    return { tokens: toTokens(result, newestRefreshToken(msal)), email: emailOf(result) };
  }

  /**
   * Microsoft rotates refresh tokens on every use; MSAL keeps the new one in its cache
   * only, so we read it back from there and hand it to the caller to store.
   */
  async refresh(refreshToken: string): Promise<ProviderTokens> {
    const msal = this.msal();
    const result = await msal.acquireTokenByRefreshToken({ refreshToken, scopes: GRAPH_SCOPES, forceCache: true });
    if (!result) throw new ProviderError('TRANSIENT', 'Microsoft identity: no token in the refresh response');
    return toTokens(result, newestRefreshToken(msal, refreshToken) ?? refreshToken);
  }

  /**
   * A new MSAL application per operation: its in-memory cache then holds one grant only
   * (no other person's tokens, no growth with the number of users, no ambiguity about which
   * refresh token is the new one); we persist tokens ourselves, encrypted.
   */
  private msal(): ConfidentialClientApplication {
    const { clientId, clientSecret, authorityOrigin, tenant, caPem } = this.endpoints;
    return new ConfidentialClientApplication({
      auth: { clientId, clientSecret, authority: `${authorityOrigin}/${tenant}`, knownAuthorities: [new URL(authorityOrigin).host] },
      ...(caPem ? { system: { networkClient: caTrustingNetworkClient(caPem) } } : {}),
    });
  }
}

function toTokens(result: AuthenticationResult, refreshToken: string | undefined): ProviderTokens {
  return {
    accessToken: result.accessToken,
    ...(refreshToken ? { refreshToken } : {}),
    // MSAL always sets expiresOn for a token it just received; 1 h is Graph's usual lifetime.
    expiresAt: result.expiresOn ?? new Date(Date.now() + 3600_000),
    scopes: result.scopes,
  };
}

/** The refresh token in this (single-grant) MSAL cache that is not `previous`, if any. */
function newestRefreshToken(msal: ConfidentialClientApplication, previous?: string): string | undefined {
  const cache = JSON.parse(msal.getTokenCache().serialize()) as { RefreshToken?: Record<string, { secret: string }> };
  const secrets = Object.values(cache.RefreshToken ?? {}).map((entry) => entry.secret);
  return secrets.find((secret) => secret !== previous);
}

function emailOf(result: AuthenticationResult): string | undefined {
  const claims = (result.idTokenClaims ?? {}) as { preferred_username?: string; email?: string };
  const candidate = claims.preferred_username ?? claims.email ?? result.account?.username;
  return candidate && candidate.includes('@') ? candidate : undefined;
}
