// Reads the outcome of a calendar connection from the settings URL. The API's OAuth callback
// redirects to /settings?integration=<provider>&result=connected|error&reason=<code>.
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
