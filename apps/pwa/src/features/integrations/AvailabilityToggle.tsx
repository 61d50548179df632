// The switch for sharing busy times with dispatch (on by default), what it counts, when the
// calendar was last read, and why it could not be when that failed.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Integration } from '@fs/contracts';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useToggleAvailability } from './use-toggle-availability';

interface Props {
  integration: Integration;
  providerName: string;
  onChanged: (shared: boolean) => void;
}

export function AvailabilityToggle({ integration, providerName, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const toggle = useToggleAvailability(integration.provider);
  const checked = toggle.isPending && toggle.variables !== undefined ? toggle.variables : integration.shareAvailability;
  const counted = integration.provider === 'microsoft' ? 'integrations.availability.countedDefault' : 'integrations.availability.counted';
  return (
    <div className="switch-field" data-testid="availability-toggle">
      <input
        id={id}
        type="checkbox"
        role="switch"
        className="switch"
        checked={checked}
        disabled={toggle.isPending}
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          const next = event.target.checked;
          toggle.mutate(next, { onSuccess: () => onChanged(next) });
        }}
      />
      <label htmlFor={id}>{t('integrations.availability.label')}</label>
      <p id={`${id}-hint`} className="field-hint switch-hint">
        {t(counted)}{' '}
        {integration.shareAvailability && integration.availabilityRefreshedAt
          ? t('integrations.availability.refreshedAt', {
              time: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' }).format(Date.parse(integration.availabilityRefreshedAt)),
            })
          : ''}
      </p>
      {integration.shareAvailability && integration.availabilityError && (
        <p className="alert alert-warning switch-hint" role="status">
          <span>
            <span aria-hidden="true">⚠ </span>
            {t(integration.availabilityError === 'ACCESS_DENIED' ? 'integrations.availability.needsConsent' : 'integrations.availability.failed', { provider: providerName })}
          </span>
        </p>
      )}
      {toggle.isError && <ErrorAlert error={toggle.error} />}
    </div>
  );
}
