// The switch for two-way sync (Google and Microsoft; CalDAV stays push): what the technician
// does to our events in their calendar comes back to dispatch as a request, never applied silently.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Integration } from '@fs/contracts';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useToggleTwoWay } from './use-toggle-two-way';

interface Props {
  integration: Integration;
  onChanged: (twoWay: boolean) => void;
}

export function TwoWayToggle({ integration, onChanged }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const toggle = useToggleTwoWay(integration.provider);
  const checked = toggle.isPending && toggle.variables !== undefined ? toggle.variables : integration.syncMode === 'two-way';
  return (
    <div className="switch-field" data-testid="two-way-toggle">
      <input
        id={id}
        type="checkbox"
        role="switch"
        className="switch"
        checked={checked}
        // Not disabled while saving (focus would be lost): busy, and further flips wait for the answer.
        aria-busy={toggle.isPending}
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          if (toggle.isPending) return;
          const next = event.target.checked;
          toggle.mutate(next, { onSuccess: () => onChanged(next) });
        }}
      />
      <label htmlFor={id}>{t('integrations.twoWay.label')}</label>
      <p id={`${id}-hint`} className="field-hint switch-hint">
        {t('integrations.twoWay.hint')}
      </p>
      {toggle.isError && <ErrorAlert error={toggle.error} />}
    </div>
  );
}
