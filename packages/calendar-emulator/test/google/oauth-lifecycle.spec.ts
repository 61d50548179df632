// Refresh-token lifecycle knobs, client authentication variants and tokeninfo, through
// google-auth-library (provider-apis.md A1.2, A1.4, A1.7).
import { describe, expect, it } from 'vitest';
import { ClientAuthentication } from 'google-auth-library';
import { useEmulator } from '../helpers/emulator.js';
import { CAL_SCOPE, connectGoogle } from '../helpers/google.js';
import { failure } from '../helpers/errors.js';

const emu = useEmulator();
const settings = (b: object) => emu.get().control.call('POST', 'google/settings', b);
const EXPIRED = { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' };

describe('Google refresh-token lifecycle', () => {
  it('a "Testing" app refresh token (7-day TTL) dies after 7 days with invalid_grant', async () => {
    await settings({ refreshTokenTtlSeconds: 7 * 24 * 3600 });
    const { client } = await connectGoogle(emu.get());
    await emu.get().control.advanceClock(6 * 24 * 3600_000);
    expect((await client.refreshAccessToken()).credentials.access_token).toBeTruthy();
    await emu.get().control.advanceClock(24 * 3600_000 + 1000);
    expect((await failure(client.refreshAccessToken())).data).toEqual(EXPIRED);
  });

  it('over the cap of live refresh tokens per user+client, the oldest silently stops working', async () => {
    await settings({ maxRefreshTokensPerClient: 2 });
    const first = await connectGoogle(emu.get(), 'bob@example.com', { prompt: 'consent' });
    const second = await connectGoogle(emu.get(), 'bob@example.com', { prompt: 'consent' });
    await connectGoogle(emu.get(), 'bob@example.com', { prompt: 'consent' });
    expect((await failure(first.client.refreshAccessToken())).data).toEqual(EXPIRED);
    expect((await second.client.refreshAccessToken()).credentials.access_token).toBeTruthy();
  });
});

describe('client authentication and tokeninfo', () => {
  it('accepts client_secret_basic (Authorization: Basic) as well as the default client_secret_post', async () => {
    const { tokens } = await connectGoogle(emu.get(), 'alice@example.com', { clientAuthentication: ClientAuthentication.ClientSecretBasic });
    expect(tokens.refresh_token).toBeTruthy();
  });

  it('getTokenInfo tells the user and scopes of a live access token; 400 once revoked', async () => {
    const { client, tokens } = await connectGoogle(emu.get(), 'dispatch@example.com');
    const info = await client.getTokenInfo(tokens.access_token!);
    expect(info.email).toBe('dispatch@example.com');
    expect(info.scopes).toEqual([CAL_SCOPE]);
    expect(info.expiry_date).toBeGreaterThan(Date.now());
    await client.revokeCredentials();
    const f = await failure(client.getTokenInfo(tokens.access_token!));
    expect(f.status).toBe(400);
    expect(f.data.error).toBe('invalid_token');
  });
});
