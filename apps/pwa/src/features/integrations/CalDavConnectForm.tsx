// Connect (or reconnect) a CalDAV server: a preset for iCloud, Fastmail or Nextcloud fills
// the server address; the person enters their user name and an app-specific password. A
// refusal is shown on the field to fix, in the person's language.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CALDAV_PRESETS } from '@fs/contracts';
import { ApiRequestError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormField } from '../../ui/FormField';
import { useConnectCalDav } from './use-connect-caldav';

type Field = 'serverUrl' | 'username' | 'password';
type PresetId = (typeof CALDAV_PRESETS)[number]['id'] | 'other';

export function CalDavConnectForm({ action }: { action: 'connect' | 'reconnect' }) {
  const { t } = useTranslation();
  const connect = useConnectCalDav();
  const [preset, setPreset] = useState<PresetId>('icloud');
  const [values, setValues] = useState<Record<Field, string>>({ serverUrl: CALDAV_PRESETS[0].serverUrl, username: '', password: '' });
  const refused = connect.error instanceof ApiRequestError && connect.error.code === 'VALIDATION_FAILED' ? connect.error.fields : [];
  const errorOf = (field: Field) => (refused.some((f) => f.field === field) ? t(`caldav.errors.${field}`) : undefined);

  const choose = (id: PresetId) => {
    setPreset(id);
    const found = CALDAV_PRESETS.find((p) => p.id === id);
    setValues((v) => ({ ...v, serverUrl: found ? found.serverUrl.replace('{host}', t('caldav.nextcloudHost')) : 'https://' }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    connect.mutate(values, { onSuccess: () => setValues((v) => ({ ...v, password: '' })) });
  };
  const set = (field: Field) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value }));

  return (
    <form className="integration-connect caldav-form" onSubmit={submit} noValidate data-testid="caldav-form">
      <FormField label={t('caldav.preset')} name="preset">
        {(props) => (
          <select {...props} value={preset} onChange={(e) => choose(e.target.value as PresetId)}>
            {[...CALDAV_PRESETS.map((p) => p.id), 'other' as const].map((id) => (
              <option key={id} value={id}>{t(`caldav.presets.${id}`)}</option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t('caldav.serverUrl')} name="serverUrl" error={errorOf('serverUrl')} hint={preset === 'nextcloud' ? t('caldav.nextcloudHint') : undefined}>
        {(props) => <input {...props} type="url" inputMode="url" autoComplete="url" required value={values.serverUrl} onChange={set('serverUrl')} />}
      </FormField>
      <FormField label={t('caldav.username')} name="username" error={errorOf('username')}>
        {(props) => <input {...props} autoComplete="username" required value={values.username} onChange={set('username')} />}
      </FormField>
      <FormField label={t('caldav.password')} name="password" error={errorOf('password')} hint={t('caldav.passwordHint')}>
        {(props) => <input {...props} type="password" autoComplete="new-password" required value={values.password} onChange={set('password')} />}
      </FormField>
      <button type="submit" className={`button ${action === 'reconnect' ? 'button-danger' : 'button-primary'}`} disabled={connect.isPending}>
        {connect.isPending ? t('caldav.checking') : t(action === 'reconnect' ? 'caldav.reconnect' : 'caldav.connect')}
      </button>
      {connect.isError && refused.length === 0 && <ErrorAlert error={connect.error} />}
    </form>
  );
}
