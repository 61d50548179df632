// Reads the outcome of a calendar connection from the settings URL, and words it. The API's
// OAuth callback redirects to /settings?integration=<provider>&result=connected|error&reason=<code>,
// where <code> is one of INTEGRATION_ERROR_CODES (contracts); each has its own fr/en sentence.
import type { i18n } from 'i18next';
import { INTEGRATION_ERROR_CODES, type IntegrationErrorCode } from '@fs/contracts';

export interface IntegrationResult {
  provider: string;
  result: 'connected' | 'error';
  reason: string | null;
}

const PROVIDER_PATTERN = /^[a-z][a-z0-9-]{0,31}$/;
const REASON_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;

export function parseIntegrationResult(params: URLSearchParams): IntegrationResult | null {
  const provider = params.get('integration');
  const result = params.get('result');
  if (!provider || !PROVIDER_PATTERN.test(provider)) return null;
  if (result !== 'connected' && result !== 'error') return null;
  const reason = params.get('reason');
  // The reason is echoed into the page: accept only a code-like value.
  return { provider, result, reason: result === 'error' && reason && REASON_PATTERN.test(reason) ? reason : null };
}

/** The same URL without the result parameters, so a reload does not show the banner again. */
export function withoutIntegrationResult(params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of ['integration', 'result', 'reason']) next.delete(key);
  return next;
}

type Translator = Pick<i18n, 't' | 'exists'>;

/** The provider's display name, or its raw id for a provider this build does not know. */
export function providerName(i18n: Translator, provider: string): string {
  const key = `integrations.providers.${provider}`;
  return i18n.exists(key) ? i18n.t(key) : provider;
}

function knownCode(reason: string | null): IntegrationErrorCode | null {
  const upper = reason?.toUpperCase();
  return (INTEGRATION_ERROR_CODES as readonly string[]).includes(upper ?? '') ? (upper as IntegrationErrorCode) : null;
}

/** The sentence saying why connecting failed and what to do about it. */
export function reasonText(i18n: Translator, provider: string, reason: string | null): string {
  const code = knownCode(reason);
  const name = providerName(i18n, provider);
  if (code) return i18n.t(`integrations.reasons.${code}`, { provider: name });
  return reason ? i18n.t('integrations.reasons.unknown', { reason }) : i18n.t('integrations.reasons.none');
}

export function resultText(i18n: Translator, result: IntegrationResult): string {
  const provider = providerName(i18n, result.provider);
  if (result.result === 'connected') return i18n.t('integrations.banner.connected', { provider });
  return i18n.t('integrations.banner.failed', { provider, reason: reasonText(i18n, result.provider, result.reason) });
}
