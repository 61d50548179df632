// Who the company's connection covers (every technician, or those ticked) and which calendar
// it writes in (each person's main one, or a calendar of a given name, created where missing).
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganisationConnection, OrganisationTechnician } from '@fs/contracts';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useOrganisationConnection } from './use-organisation-connection';

export function OrganisationSettingsForm({ connection, technicians }: { connection: OrganisationConnection; technicians: OrganisationTechnician[] }) {
  const { t } = useTranslation();
  const id = useId();
  const { saveSettings } = useOrganisationConnection(connection.provider);
  const [coverAll, setCoverAll] = useState(connection.coverAll);
  const [chosen, setChosen] = useState(() => new Set(connection.coverAll ? technicians.map((m) => m.userId) : connection.coveredUserIds));
  const [named, setNamed] = useState(connection.calendarName !== null);
  const [calendarName, setCalendarName] = useState(connection.calendarName ?? '');
  const [saved, setSaved] = useState(false);

  const toggle = (userId: string) =>
    setChosen((current) => {
      const next = new Set(current);
      if (!next.delete(userId)) next.add(userId);
      return next;
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    saveSettings.mutate(
      { coverAll, ...(coverAll ? {} : { userIds: [...chosen] }), calendarName: named ? calendarName.trim() : null },
      { onSuccess: () => setSaved(true) },
    );
  };

  return (
    <form className="form organisation-settings" onSubmit={submit} data-testid={`organisation-settings-${connection.provider}`}>
      <fieldset>
        <legend>{t('admin.organisation.settings.who')}</legend>
        <label className="radio">
          <input type="radio" name={`${id}-cover`} checked={coverAll} onChange={() => setCoverAll(true)} />
          {t('admin.organisation.settings.everyone')}
        </label>
        <label className="radio">
          <input type="radio" name={`${id}-cover`} checked={!coverAll} onChange={() => setCoverAll(false)} />
          {t('admin.organisation.settings.chosen')}
        </label>
        {!coverAll && (
          <ul className="checkbox-list">
            {technicians.map((m) => (
              <li key={m.userId}>
                <label>
                  <input type="checkbox" checked={chosen.has(m.userId)} onChange={() => toggle(m.userId)} /> {m.name}
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('admin.organisation.settings.where')}</legend>
        <label className="radio">
          <input type="radio" name={`${id}-calendar`} checked={!named} onChange={() => setNamed(false)} />
          {t('admin.organisation.settings.primary')}
        </label>
        <label className="radio">
          <input type="radio" name={`${id}-calendar`} checked={named} onChange={() => setNamed(true)} />
          {t('admin.organisation.settings.named')}
        </label>
        {named && (
          <>
            <label htmlFor={`${id}-name`}>{t('admin.organisation.settings.nameLabel')}</label>
            <input id={`${id}-name`} value={calendarName} onChange={(e) => setCalendarName(e.target.value)} maxLength={255} required />
          </>
        )}
      </fieldset>
      {saveSettings.isError && <ErrorAlert error={saveSettings.error} />}
      {saved && (
        <p role="status" className="notice">
          {t('admin.organisation.settings.saved')}
        </p>
      )}
      <button type="submit" className="button" disabled={saveSettings.isPending || (named && !calendarName.trim())}>
        {t('admin.organisation.settings.save')}
      </button>
    </form>
  );
}
