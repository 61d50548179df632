// The Connect / Reconnect button: asks the API for the provider's consent URL and leaves the
// page for it. Stays disabled from the click until the browser has navigated away.
import { useTranslation } from 'react-i18next';
import type { CalendarProviderId } from '@fs/contracts';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ACTION_LABELS } from './integration-status';
import { useConnectIntegration } from './use-connect-integration';

interface Props {
  provider: CalendarProviderId;
  providerName: string;
  action: 'connect' | 'reconnect';
}

export function ConnectButton({ provider, providerName, action }: Props) {
  const { t } = useTranslation();
  const connect = useConnectIntegration(provider);
  const leaving = connect.isPending || connect.isSuccess;
  return (
    <div className="integration-connect">
      <button
        type="button"
        className={`button ${action === 'reconnect' ? 'button-danger' : 'button-primary'}`}
        disabled={leaving}
        onClick={() => connect.mutate()}
        data-action={action}
      >
        {leaving ? t('integrations.actions.redirecting') : t(ACTION_LABELS[action], { provider: providerName })}
      </button>
      {connect.isError && <ErrorAlert error={connect.error} />}
    </div>
  );
}
