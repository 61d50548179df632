// The on/off switch for sending interventions to the chosen calendar (off until one is chosen).
import { useTranslation } from 'react-i18next';
import type { Integration } from '@fs/contracts';
import { SettingSwitch } from '../../ui/SettingSwitch';
import { useToggleSync } from './use-toggle-sync';

interface Props {
  integration: Integration;
  onChanged: (syncEnabled: boolean) => void;
}

export function SyncToggle({ integration, onChanged }: Props) {
  const { t } = useTranslation();
  const noCalendar = !integration.calendarId;
  return (
    <SettingSwitch
      label={t('integrations.sync.label')}
      on={integration.syncEnabled && !noCalendar}
      mutation={useToggleSync(integration.provider)}
      onChanged={onChanged}
      disabled={noCalendar}
      hint={noCalendar ? t('integrations.sync.needsCalendar') : undefined}
    />
  );
}
