// Tells the person how connecting a calendar went, after the provider sent them back here.
import { useTranslation } from 'react-i18next';
import type { IntegrationResult } from './integration-result';

export function IntegrationResultBanner({ result, onDismiss }: { result: IntegrationResult; onDismiss: () => void }) {
  const { t, i18n } = useTranslation();
  const providerKey = `integrations.providers.${result.provider}`;
  const provider = i18n.exists(providerKey) ? t(providerKey) : result.provider;
  const reasonKey = `integrations.reasons.${result.reason ?? 'unknown'}`;
  const reason = i18n.exists(reasonKey) ? t(reasonKey) : t('integrations.reasons.unknown', { reason: result.reason });
  const connected = result.result === 'connected';

  return (
    <div
      className={`alert ${connected ? 'alert-success' : 'alert-error'}`}
      role={connected ? 'status' : 'alert'}
      data-testid="integration-result"
      data-result={result.result}
    >
      <span>{connected ? t('integrations.connected', { provider }) : t('integrations.failed', { provider, reason })}</span>
      <button type="button" className="button button-small" onClick={onDismiss} aria-label={t('integrations.dismiss')}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
