// Owns the identity platform's discovery documents MSAL reads before any token call:
// OpenID configuration per tenant, instance discovery, and the signing keys (JWKS).
// Sources: entra-docs v2-protocols-oidc.md ("Find your app's OpenID configuration document
// URI"); msal-common Authority.ts (needs authorization_endpoint, token_endpoint, issuer,
// jwks_uri; issuer must share the authority's origin).
import type { Express } from 'express';
import type { EmulatorContext } from '../../core/context.js';
import { EMULATOR_TENANT_ID } from './claims.js';
import type { SigningKey } from './jwt.js';

export const KNOWN_TENANTS = new Set(['common', 'organizations', 'consumers', EMULATOR_TENANT_ID]);

/** The issuer a token names: always the concrete tenant, as AAD does. */
export const issuerFor = (httpsBase: string) => `${httpsBase}/${EMULATOR_TENANT_ID}/v2.0`;

export function openIdConfiguration(httpsBase: string, tenant: string) {
  const t = `${httpsBase}/${tenant}`;
  return {
    token_endpoint: `${t}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${t}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    // For the multi-tenant endpoints AAD returns the literal `{tenantid}` placeholder.
    issuer: KNOWN_TENANTS.has(tenant) && tenant !== EMULATOR_TENANT_ID ? `${httpsBase}/{tenantid}/v2.0` : issuerFor(httpsBase),
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${httpsBase}/oidc/userinfo`,
    authorization_endpoint: `${t}/oauth2/v2.0/authorize`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${t}/oauth2/v2.0/logout`,
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'acr', 'nonce', 'preferred_username', 'name', 'tid', 'ver', 'at_hash', 'c_hash', 'email'],
    tenant_region_scope: null,
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: new URL(httpsBase).host,
    rbac_url: 'https://pas.windows.net',
  };
}

export function registerMetadataRoutes(app: Express, ctx: EmulatorContext, key: SigningKey): void {
  app.get('/:tenant/v2.0/.well-known/openid-configuration', ctx.route('microsoft', 'identity.openid-configuration'), (req, res) => {
    const tenant = String(req.params.tenant);
    if (!KNOWN_TENANTS.has(tenant)) {
      return void res.status(400).json({ error: 'invalid_tenant', error_description: `AADSTS90002: Tenant '${tenant}' not found.`, error_codes: [90002] });
    }
    res.json(openIdConfiguration(ctx.urls.https, tenant));
  });

  app.get('/common/discovery/instance', ctx.route('microsoft', 'identity.instance-discovery'), (_req, res) => {
    const host = new URL(ctx.urls.https).host;
    res.json({
      tenant_discovery_endpoint: `${ctx.urls.https}/common/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
    });
  });

  app.get('/:tenant/discovery/v2.0/keys', ctx.route('microsoft', 'identity.keys'), (_req, res) => {
    res.json({ keys: [key.jwk] });
  });
}
