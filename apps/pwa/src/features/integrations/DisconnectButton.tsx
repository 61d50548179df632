// Disconnect, after a confirmation: the API revokes the grant and forgets the tokens.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarProviderId } from '@fs/contracts';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useDisconnectIntegration } from './use-disconnect-integration';

interface Props {
  provider: CalendarProviderId;
  providerName: string;
  onDisconnected: () => void;
}

export function DisconnectButton({ provider, providerName, onDisconnected }: Props) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
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
        onConfirm={() => disconnect.mutate(undefined, { onSettled: () => setConfirming(false), onSuccess: onDisconnected })}
      />
    </>
  );
}
