// The switch for two-way sync (Google and Microsoft; CalDAV stays push): what the technician
// does to our events in their calendar comes back to dispatch as a request, never applied silently.
import { useTranslation } from 'react-i18next';
import type { Integration } from '@fs/contracts';
import { SettingSwitch } from '../../ui/SettingSwitch';
import { useToggleTwoWay } from './use-toggle-two-way';

interface Props {
  integration: Integration;
  onChanged: (twoWay: boolean) => void;
}

export function TwoWayToggle({ integration, onChanged }: Props) {
  const { t } = useTranslation();
  return (
    <SettingSwitch
      testId="two-way-toggle"
      label={t('integrations.twoWay.label')}
      on={integration.syncMode === 'two-way'}
      mutation={useToggleTwoWay(integration.provider)}
      onChanged={onChanged}
      hint={t('integrations.twoWay.hint')}
    />
  );
}
