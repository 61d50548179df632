// The private ICS feed section of /settings: on/off with a badge (text + colour), the URL
// right after it is made, regenerate and turn off behind a confirmation, and why a
// subscribed feed lags behind (the calendar app polls on its own schedule).
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FeedUrl } from './FeedUrl';
import { icsFeedQuery } from './ics-feed.api';
import { useCreateIcsFeed, useDeleteIcsFeed } from './use-ics-feed-actions';

export function IcsFeedCard() {
  const { t } = useTranslation();
  const status = useQuery(icsFeedQuery());
  const create = useCreateIcsFeed();
  const remove = useDeleteIcsFeed();
  const [url, setUrl] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<'regenerate' | 'off' | null>(null);
  const enabled = status.data?.enabled ?? false;
  const makeUrl = () => create.mutate(undefined, { onSuccess: (created) => setUrl(created.url), onSettled: () => setConfirming(null) });

  return (
    <section className="panel" aria-labelledby="ics-feed-title" data-testid="ics-feed-panel" data-state={enabled ? 'on' : 'off'} aria-busy={status.isPending}>
      <div className="integration-header">
        <h2 id="ics-feed-title">{t('icsFeed.title')}</h2>
        {status.data && (
          <span className={`badge badge-${enabled ? 'success' : 'neutral'}`} data-testid="ics-feed-status">
            {t(enabled ? 'icsFeed.on' : 'icsFeed.off')}
          </span>
        )}
      </div>
      <p className="muted panel-intro">{t('icsFeed.intro')}</p>
      <p className="muted">{t('icsFeed.refreshNote')}</p>
      {status.isError && <ErrorAlert error={status.error} onRetry={() => void status.refetch()} />}
      {enabled && url && <FeedUrl url={url} />}
      {enabled && !url && <p className="muted">{t('icsFeed.urlHidden')}</p>}
      <div className="integration-footer">
        {status.data && !enabled && (
          <button type="button" className="button" disabled={create.isPending} onClick={makeUrl}>
            {t('icsFeed.actions.turnOn')}
          </button>
        )}
        {enabled && (
          <>
            <button type="button" className="button button-small" onClick={() => setConfirming('regenerate')}>
              {t('icsFeed.actions.regenerate')}
            </button>
            <button type="button" className="button button-small button-danger-outline" onClick={() => setConfirming('off')}>
              {t('icsFeed.actions.turnOff')}
            </button>
          </>
        )}
      </div>
      {create.isError && <ErrorAlert error={create.error} />}
      {remove.isError && <ErrorAlert error={remove.error} />}
      <ConfirmDialog
        open={confirming !== null}
        title={t(confirming === 'off' ? 'icsFeed.confirmOff.title' : 'icsFeed.confirmRegenerate.title')}
        body={t(confirming === 'off' ? 'icsFeed.confirmOff.body' : 'icsFeed.confirmRegenerate.body')}
        confirmLabel={t(confirming === 'off' ? 'icsFeed.actions.turnOff' : 'icsFeed.actions.regenerate')}
        dismissLabel={t('icsFeed.cancel')}
        danger
        busy={create.isPending || remove.isPending}
        onDismiss={() => setConfirming(null)}
        onConfirm={() =>
          confirming === 'off'
            ? remove.mutate(undefined, { onSuccess: () => setUrl(null), onSettled: () => setConfirming(null) })
            : makeUrl()
        }
      />
    </section>
  );
}
