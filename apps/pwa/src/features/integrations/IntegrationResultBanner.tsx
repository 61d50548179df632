// Tells the person how connecting a calendar went, after the provider sent them back here.
import { useTranslation } from 'react-i18next';
import { resultText, type IntegrationResult } from './integration-result';

export function IntegrationResultBanner({ result, onDismiss }: { result: IntegrationResult; onDismiss: () => void }) {
  const { t, i18n } = useTranslation();
  const connected = result.result === 'connected';

  return (
    <div
      className={`alert ${connected ? 'alert-success' : 'alert-error'}`}
      role={connected ? 'status' : 'alert'}
      data-testid="integration-result"
      data-provider={result.provider}
      data-result={result.result}
      data-reason={result.reason ?? undefined}
    >
      <span>{resultText(i18n, result)}</span>
      <button type="button" className="button button-small" onClick={onDismiss} aria-label={t('integrations.banner.dismiss')}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
