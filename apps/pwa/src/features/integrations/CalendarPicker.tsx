// Where the person's interventions go: the provider's calendars as the API lists them, only
// writable ones selectable (read-only ones shown disabled, with the reason). A select plus a
// button, not save-on-change, so moving through the options with the keyboard saves nothing.
import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Integration, ProviderCalendar } from '@fs/contracts';
import { errorCodeOf, translateApiError } from '../../i18n/error-text';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormField } from '../../ui/FormField';
import { integrationKeys, providerCalendarsQuery } from './integrations.api';
import { useChooseCalendar } from './use-choose-calendar';

interface Props {
  integration: Integration;
  providerName: string;
  /** The person still has to choose: the button is the card's primary action. */
  primary: boolean;
  onSaved: () => void;
}

function optionLabel(t: TFunction, calendar: ProviderCalendar): string {
  if (!calendar.canWrite) return t('integrations.calendar.readOnly', { name: calendar.name });
  return calendar.primary ? t('integrations.calendar.primary', { name: calendar.name }) : calendar.name;
}

export function CalendarPicker({ integration, providerName, primary, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const calendars = useQuery(providerCalendarsQuery(integration.provider, true));
  const choose = useChooseCalendar(integration.provider);
  const [selected, setSelected] = useState(integration.calendarId ?? '');

  const failedCode = calendars.isError ? errorCodeOf(calendars.error) : null;
  useEffect(() => {
    // The API just found the grant revoked and marked it: refresh the card, which then offers "Reconnect".
    if (failedCode === 'INTEGRATION_NEEDS_RECONNECT' || failedCode === 'INTEGRATION_NOT_CONNECTED') {
      void queryClient.invalidateQueries({ queryKey: integrationKeys.list });
    }
  }, [failedCode, queryClient]);

  if (calendars.isPending) return <p className="muted">{t('integrations.calendar.loading')}</p>;
  if (calendars.isError) return <ErrorAlert error={calendars.error} onRetry={() => void calendars.refetch()} />;

  const list = calendars.data;
  const known = (id: string) => list.some((calendar) => calendar.id === id);
  const value = known(selected) ? selected : '';
  const missing = integration.calendarId !== null && !known(integration.calendarId);
  const saveError = choose.isError ? translateApiError(choose.error, i18n) : null;
  const nothingToSave = !value || value === integration.calendarId;

  return (
    <form
      className="calendar-picker"
      onSubmit={(event) => {
        event.preventDefault();
        if (!nothingToSave && !choose.isPending) choose.mutate(value, { onSuccess: onSaved });
      }}
    >
      <FormField
        label={t('integrations.calendar.label')}
        name="calendarId"
        hint={list.some((calendar) => !calendar.canWrite) ? t('integrations.calendar.readOnlyNote') : undefined}
        error={saveError?.fieldErrors.calendarId ?? (missing ? t('integrations.calendar.missing', { provider: providerName }) : undefined)}
      >
        {(field) => (
          <select {...field} value={value} onChange={(event) => setSelected(event.target.value)}>
            {value === '' && (
              <option value="" disabled>
                {t('integrations.calendar.placeholder')}
              </option>
            )}
            {list.map((calendar) => (
              <option key={calendar.id} value={calendar.id} disabled={!calendar.canWrite}>
                {optionLabel(t, calendar)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <button
        type="submit"
        className={`button ${primary ? 'button-primary' : ''}`}
        // aria-disabled, not disabled: a button that disables itself once the choice is saved
        // would drop keyboard focus to the top of the page. Submitting then does nothing.
        aria-disabled={nothingToSave || choose.isPending}
        aria-busy={choose.isPending}
      >
        {t('integrations.actions.chooseCalendar')}
      </button>
      {saveError && !saveError.fieldErrors.calendarId && <ErrorAlert error={choose.error} />}
    </form>
  );
}
