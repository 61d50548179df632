// The feed URL, shown once after it was made: a read-only field to select, and a copy button
// whose result is announced (copying can be refused by the browser).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function FeedUrl({ url }: { url: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = () => navigator.clipboard.writeText(url).then(() => setCopied('yes'), () => setCopied('no'));
  return (
    <div className="feed-url">
      <label htmlFor={id}>{t('icsFeed.url')}</label>
      <div className="feed-url-row">
        <input id={id} readOnly value={url} data-testid="ics-feed-url" onFocus={(e) => e.currentTarget.select()} />
        <button type="button" className="button button-small" onClick={() => void copy()}>
          {t('icsFeed.actions.copy')}
        </button>
      </div>
      <p className="muted">{t('icsFeed.urlOnce')}</p>
      <p role="status" className="integration-notice">
        {copied === 'yes' ? t('icsFeed.copied') : copied === 'no' ? t('icsFeed.copyFailed') : ''}
      </p>
    </div>
  );
}
