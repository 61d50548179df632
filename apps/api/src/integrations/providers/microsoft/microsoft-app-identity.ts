// The organisation side of the Microsoft identity platform: the admin consent URL an admin is
// sent to (tenant-wide grant of the app's *application* permission Calendars.ReadWrite) and
// app-only tokens by the client-credentials grant (MSAL acquireTokenByClientCredential) for
// the tenant the consent named. No refresh token exists for these: a new one is asked when
// the stored one expires (IntegrationAccess decides when). Sources: entra-docs
// v2-admin-consent.md, v2-oauth2-client-creds-grant-flow.md.
import { ConfidentialClientApplication, ServerError } from '@azure/msal-node';
import type { ProviderTokens } from '../calendar-provider';
import { ProviderError } from '../provider-error';
import type { MicrosoftEndpoints } from '../provider-endpoints';
import { caTrustingNetworkClient } from './microsoft-transport';

/** Application permissions are asked as the resource's `.default` scope, never one by one. */
export const APP_SCOPES = ['https://graph.microsoft.com/.default'];

/**
 * AADSTS numbers that say "this tenant no longer grants the app": no service principal
 * (7000229: consent withdrawn, enterprise app deleted), app not in the directory (700016),
 * no consent (65001). The admin must consent again; anything else keeps its usual meaning.
 */
const CONSENT_GONE = new Set(['7000229', '700016', '65001']);

export class MicrosoftAppIdentity {
  constructor(private readonly endpoints: MicrosoftEndpoints) {}

  /** `organizations` unless the server is pinned to one tenant: the admin's own tenant comes back on the callback. */
  adminConsentUrl(state: string): string {
    const { browserAuthorityOrigin, tenant, clientId, adminConsentRedirectUri } = this.endpoints;
    const consentTenant = tenant === 'common' || tenant === 'consumers' ? 'organizations' : tenant;
    const url = new URL(`${browserAuthorityOrigin}/${encodeURIComponent(consentTenant)}/v2.0/adminconsent`);
    url.search = new URLSearchParams({ client_id: clientId, scope: APP_SCOPES.join(' '), redirect_uri: adminConsentRedirectUri, state }).toString();
    return url.toString();
  }

  async appToken(tenant: string): Promise<ProviderTokens> {
    const { clientId, clientSecret, authorityOrigin, caPem } = this.endpoints;
    // A new MSAL application per call: we keep the token ourselves (sealed), MSAL's cache would be a second copy.
    const msal = new ConfidentialClientApplication({
      auth: { clientId, clientSecret, authority: `${authorityOrigin}/${encodeURIComponent(tenant)}`, knownAuthorities: [new URL(authorityOrigin).host] },
      ...(caPem ? { system: { networkClient: caTrustingNetworkClient(caPem) } } : {}),
    });
    try {
      const result = await msal.acquireTokenByClientCredential({ scopes: APP_SCOPES, skipCache: true });
      if (!result) throw new ProviderError('TRANSIENT', 'Microsoft identity: no token in the client-credentials response');
      return { accessToken: result.accessToken, expiresAt: result.expiresOn ?? new Date(Date.now() + 3600_000), scopes: APP_SCOPES };
    } catch (error) {
      if (error instanceof ServerError && error.errorNo && CONSENT_GONE.has(String(error.errorNo))) {
        throw new ProviderError('AUTH_REVOKED', `Microsoft identity: ${error.errorCode} AADSTS${error.errorNo}`);
      }
      throw error;
    }
  }
}
