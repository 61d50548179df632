// The on/off switch for sending interventions to the chosen calendar. It acts at once (a
// switch, not a form field) and shows the requested position while the API confirms it.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Integration } from '@fs/contracts';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useToggleSync } from './use-toggle-sync';

interface Props {
  integration: Integration;
  onChanged: (syncEnabled: boolean) => void;
}

export function SyncToggle({ integration, onChanged }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const toggle = useToggleSync(integration.provider);
  const noCalendar = !integration.calendarId;
  const checked = toggle.isPending && toggle.variables !== undefined ? toggle.variables : integration.syncEnabled && !noCalendar;
  return (
    <div className="switch-field">
      <input
        id={id}
        type="checkbox"
        role="switch"
        className="switch"
        checked={checked}
        // Never disabled while saving: a disabled control loses keyboard focus (to the page's
        // top). It says it is busy and ignores further flips until the API answers.
        disabled={noCalendar}
        aria-busy={toggle.isPending}
        aria-describedby={noCalendar ? `${id}-hint` : undefined}
        onChange={(event) => {
          if (toggle.isPending) return;
          const next = event.target.checked;
          toggle.mutate(next, { onSuccess: () => onChanged(next) });
        }}
      />
      <label htmlFor={id}>{t('integrations.sync.label')}</label>
      {noCalendar && (
        <p id={`${id}-hint`} className="field-hint switch-hint">
          {t('integrations.sync.needsCalendar')}
        </p>
      )}
      {toggle.isError && <ErrorAlert error={toggle.error} />}
    </div>
  );
}
