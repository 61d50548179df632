// The sync health of a card: a progress bar while a bulk run moves ("12 of 40 interventions
// sent"), when something was last sent, what waits or failed and why; and "retry failed"
// when the worker gave up. Texts come from integration-health.ts.
import { useTranslation } from 'react-i18next';
import type { Integration } from '@fs/contracts';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { localeOf } from '../../i18n/language';
import { healthTexts } from './integration-health';
import { useRetryFailed } from './use-retry-failed';

interface Props {
  integration: Integration;
  providerName: string;
  offerRetry: boolean;
  onRetried: () => void;
}

export function SyncHealth({ integration, providerName, offerRetry, onRetried }: Props) {
  const { t, i18n } = useTranslation();
  const retry = useRetryFailed(integration.provider);
  const texts = healthTexts(t, integration, providerName, localeOf(i18n.resolvedLanguage ?? i18n.language));
  return (
    <div className="integration-health" data-testid="integration-health">
      {texts.progress && (
        <div className="integration-progress" data-testid="integration-progress">
          <progress max={texts.progress.total} value={texts.progress.done} aria-label={texts.progress.text} />
          <span>{texts.progress.text}</span>
        </div>
      )}
      {texts.reason && (
        <p className="integration-reason" data-testid="integration-reason">
          <span aria-hidden="true">⚠ </span>
          {texts.reason}
        </p>
      )}
      {(texts.lastSync || texts.counts) && (
        <p className="muted integration-counts">{[texts.lastSync, texts.counts].filter(Boolean).join(' · ')}</p>
      )}
      {texts.push && (
        <p className="muted" data-testid="integration-push">
          {texts.push}
        </p>
      )}
      {offerRetry && (
        <button type="button" className="button button-small" disabled={retry.isPending} onClick={() => retry.mutate(undefined, { onSuccess: onRetried })}>
          {t('integrations.actions.retryFailed')}
        </button>
      )}
      {retry.isError && <ErrorAlert error={retry.error} />}
    </div>
  );
}
