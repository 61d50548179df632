// One provider's card: status badge, account, the explanation and next action from the status
// table (integration-status.ts), and — while a grant is held — calendar, sync and two-way switches, disconnect.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Integration } from '@fs/contracts';
import { CalDavConnectForm } from './CalDavConnectForm';
import { CalendarPicker } from './CalendarPicker';
import { ConnectButton } from './ConnectButton';
import { DisconnectButton } from './DisconnectButton';
import { providerName as nameOf } from './integration-result';
import { holdsGrant, integrationView } from './integration-status';
import { ProviderIcon } from './ProviderIcon';
import { SyncHealth } from './SyncHealth';
import { SyncToggle } from './SyncToggle';
import { AvailabilityToggle } from './AvailabilityToggle';
import { ManagedIntegrationCard } from './ManagedIntegrationCard';
import { TwoWayToggle } from './TwoWayToggle';

export function IntegrationCard({ integration }: { integration: Integration }) {
  // The company's connection writes this calendar: the person has nothing to connect or choose.
  if (integration.managedBy === 'organisation') return <ManagedIntegrationCard integration={integration} />;
  return <PersonalIntegrationCard integration={integration} />;
}

function PersonalIntegrationCard({ integration }: { integration: Integration }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const [notice, setNotice] = useState('');
  const view = integrationView(integration);
  const provider = nameOf(i18n, integration.provider);
  const email = integration.accountEmail;
  const granted = holdsGrant(view.state);

  // After a disconnect the focused button (and its dialog) are gone: once the card shows the
  // new state, put the person back at the top of this card rather than at the top of the page.
  // A disconnect that removes our events first passes through DISCONNECTING: the notice
  // "disconnected" waits until it is true.
  const refocus = useRef(false);
  const announce = useRef(false);
  useEffect(() => {
    if (refocus.current && (integration.status === 'NOT_CONNECTED' || integration.status === 'DISCONNECTING')) {
      refocus.current = false;
      titleRef.current?.focus();
    }
    if (announce.current && integration.status === 'NOT_CONNECTED') {
      announce.current = false;
      setNotice(t('integrations.disconnected', { provider }));
    }
  });

  return (
    <article
      className={`integration integration-${view.tone}`}
      aria-labelledby={titleId}
      data-testid={`integration-${integration.provider}`}
      data-state={view.state}
    >
      <div className="integration-header">
        <ProviderIcon provider={integration.provider} />
        <h3 id={titleId} ref={titleRef} tabIndex={-1}>
          {provider}
        </h3>
        <span className={`badge badge-${view.tone}`} data-testid="integration-status">
          {t(view.label)}
        </span>
      </div>
      {email && (granted || view.state === 'NEEDS_RECONNECT') && (
        <p className="integration-account" data-testid="integration-account">
          {t(granted ? 'integrations.account' : 'integrations.accountToReconnect', { email })}
        </p>
      )}
      <p className={`integration-hint${view.tone === 'danger' ? ' integration-hint-danger' : ''}`} data-testid="integration-hint">
        {t(view.hint, { provider, calendar: integration.calendarName ?? '' })}
      </p>
      {(granted || view.state === 'DISCONNECTING') && (
        <SyncHealth
          integration={integration}
          providerName={provider}
          offerRetry={view.action === 'retryFailed'}
          onRetried={() => setNotice(t('integrations.health.retried'))}
        />
      )}
      {(view.action === 'connect' || view.action === 'reconnect') && (
        <p className="field-hint" data-testid="availability-consent">
          {t('integrations.availability.consent')}
        </p>
      )}
      {(view.action === 'connect' || view.action === 'reconnect') &&
        (integration.provider === 'caldav' ? (
          <CalDavConnectForm action={view.action} />
        ) : (
          <ConnectButton provider={integration.provider} providerName={provider} action={view.action} />
        ))}
      {granted && (
        <div className="integration-settings">
          <CalendarPicker
            integration={integration}
            providerName={provider}
            primary={view.action === 'chooseCalendar'}
            onSaved={() => setNotice(t('integrations.calendar.saved'))}
          />
          <SyncToggle integration={integration} onChanged={(on) => setNotice(t(on ? 'integrations.sync.turnedOn' : 'integrations.sync.turnedOff'))} />
          {integration.provider !== 'caldav' && (
            <TwoWayToggle integration={integration} onChanged={(on) => setNotice(t(on ? 'integrations.twoWay.turnedOn' : 'integrations.twoWay.turnedOff'))} />
          )}
          <AvailabilityToggle
            integration={integration}
            providerName={provider}
            onChanged={(on) => setNotice(t(on ? 'integrations.availability.turnedOn' : 'integrations.availability.turnedOff'))}
          />
        </div>
      )}
      <p className="integration-notice" role="status" data-testid="integration-notice">
        {notice}
      </p>
      {integration.status !== 'NOT_CONNECTED' && integration.status !== 'DISCONNECTING' && (
        <div className="integration-footer">
          <DisconnectButton
            provider={integration.provider}
            providerName={provider}
            calendarName={integration.calendarId ? (integration.calendarName ?? integration.calendarId) : null}
            onDisconnected={() => {
              refocus.current = true;
              announce.current = true;
            }}
          />
        </div>
      )}
    </article>
  );
}
