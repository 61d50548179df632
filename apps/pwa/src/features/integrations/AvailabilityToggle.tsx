// The switch for sharing busy times with dispatch (on by default), what it counts, when the
// calendar was last read, whether changes reach dispatch at once (push), and why a read or the
// push could not be set up when that failed.
import { useTranslation } from 'react-i18next';
import type { Integration } from '@fs/contracts';
import { SettingSwitch } from '../../ui/SettingSwitch';
import { availabilityPushText } from './integration-health';
import { useToggleAvailability } from './use-toggle-availability';

interface Props {
  integration: Integration;
  providerName: string;
  onChanged: (shared: boolean) => void;
}

export function AvailabilityToggle({ integration, providerName, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const counted = integration.provider === 'microsoft' ? 'integrations.availability.countedDefault' : 'integrations.availability.counted';
  const refreshed =
    integration.shareAvailability && integration.availabilityRefreshedAt
      ? t('integrations.availability.refreshedAt', {
          time: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' }).format(Date.parse(integration.availabilityRefreshedAt)),
        })
      : '';
  const push = availabilityPushText(t, integration, providerName);
  return (
    <SettingSwitch
      testId="availability-toggle"
      label={t('integrations.availability.label')}
      on={integration.shareAvailability}
      mutation={useToggleAvailability(integration.provider)}
      onChanged={onChanged}
      hint={[t(counted), refreshed, push.active].filter(Boolean).join(' ')}
    >
      {push.refused && (
        <p className="alert alert-warning switch-hint" role="status" data-testid="availability-push-refused">
          <span>
            <span aria-hidden="true">⚠ </span>
            {push.refused}
          </span>
        </p>
      )}
      {integration.shareAvailability && integration.availabilityError && (
        <p className="alert alert-warning switch-hint" role="status">
          <span>
            <span aria-hidden="true">⚠ </span>
            {t(integration.availabilityError === 'ACCESS_DENIED' ? 'integrations.availability.needsConsent' : 'integrations.availability.failed', { provider: providerName })}
          </span>
        </p>
      )}
    </SettingSwitch>
  );
}
