// For adapter specs: the provider endpoints exactly as the API resolves them in emulator
// mode (resolveProviderEndpoints, not a hand-made copy), and a sign-in through the
// emulator's consent with the person's browser played by fetch.
import type { EmulatorHandle } from '@fs/calendar-emulator';
import { parseEnv } from '../../src/config/env.schema';
import type { CalendarProvider, ProviderTokens } from '../../src/integrations/providers/calendar-provider';
import { resolveProviderEndpoints, type ProviderEndpoints } from '../../src/integrations/providers/provider-endpoints';

/** An RFC 7636 appendix B pair: the challenge is base64url(sha256(verifier)). */
export const PKCE = {
  verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
  challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
};

export function emulatorEndpoints(emu: EmulatorHandle): Promise<ProviderEndpoints> {
  const env = parseEnv({
    JWT_SECRET: 'x'.repeat(32),
    TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
    CALENDAR_EMULATOR_URL: emu.url,
  });
  return resolveProviderEndpoints(env);
}

/** Consent (auto mode) for `email`, then the code exchange: the tokens a connect stores. */
export async function signIn(provider: CalendarProvider, email: string): Promise<ProviderTokens> {
  const url = provider.authorizationUrl({ state: 's', codeChallenge: PKCE.challenge, loginHint: email });
  const back = new URL((await fetch(url, { redirect: 'manual' })).headers.get('location')!);
  const { tokens } = await provider.exchangeCode({ code: back.searchParams.get('code')!, codeVerifier: PKCE.verifier });
  return tokens;
}
