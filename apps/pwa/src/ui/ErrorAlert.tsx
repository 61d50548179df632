// Shows a failed request to the person, translated by error code.
import { useTranslation } from 'react-i18next';
import { translateApiError } from '../i18n/error-text';

export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="alert alert-error" role="alert">
      <span>{translateApiError(error, i18n).message}</span>
      {onRetry && (
        <button type="button" className="button button-small" onClick={onRetry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  );
}
