// Disconnect, after a confirmation that asks whether to remove the events we wrote (default:
// remove). The API removes them first, then revokes the grant and forgets the tokens.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarProviderId } from '@fs/contracts';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useDisconnectIntegration } from './use-disconnect-integration';

interface Props {
  provider: CalendarProviderId;
  providerName: string;
  /** The calendar we wrote to, when there is one: the dialog then asks whether to remove our events (default: yes). */
  calendarName: string | null;
  /** Our events may still be being removed (DISCONNECTING): the card follows the state until NOT_CONNECTED. */
  onDisconnected: () => void;
}

export function DisconnectButton({ provider, providerName, calendarName, onDisconnected }: Props) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [removeEvents, setRemoveEvents] = useState(true);
  const removeId = useId();
  const disconnect = useDisconnectIntegration(provider);
  return (
    <>
      <button
        type="button"
        className="button button-small button-danger-outline"
        aria-label={t('integrations.actions.disconnectProvider', { provider: providerName })}
        onClick={() => setConfirming(true)}
      >
        {t('integrations.actions.disconnect')}
      </button>
      {disconnect.isError && <ErrorAlert error={disconnect.error} />}
      <ConfirmDialog
        open={confirming}
        title={t('integrations.confirmDisconnect.title', { provider: providerName })}
        body={t('integrations.confirmDisconnect.body', { provider: providerName })}
        confirmLabel={t('integrations.confirmDisconnect.confirm')}
        dismissLabel={t('integrations.confirmDisconnect.dismiss')}
        danger
        busy={disconnect.isPending}
        onDismiss={() => setConfirming(false)}
        onConfirm={() => disconnect.mutate(calendarName !== null && removeEvents, { onSettled: () => setConfirming(false), onSuccess: onDisconnected })}
      >
        {calendarName !== null && (
          <div className="checkbox-field">
            <input id={removeId} type="checkbox" checked={removeEvents} onChange={(event) => setRemoveEvents(event.target.checked)} aria-describedby={`${removeId}-hint`} />
            <label htmlFor={removeId}>{t('integrations.confirmDisconnect.removeEvents', { calendar: calendarName })}</label>
            <p id={`${removeId}-hint`} className="field-hint">
              {t('integrations.confirmDisconnect.removeEventsHint')}
            </p>
          </div>
        )}
      </ConfirmDialog>
    </>
  );
}
