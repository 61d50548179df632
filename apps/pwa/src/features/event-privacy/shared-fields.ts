// Pure: the event privacy settings as a person reads them: what their calendar events show
// and what they never show. The title and the time are always shared.
import { EVENT_PRIVACY_FIELDS, type EventPrivacyField, type EventPrivacySettings } from '@fs/contracts';

export type SharedItem = 'title' | EventPrivacyField;

export function sharedFields(settings: EventPrivacySettings): { shared: SharedItem[]; withheld: EventPrivacyField[] } {
  return {
    shared: ['title', ...EVENT_PRIVACY_FIELDS.filter((field) => settings[field])],
    withheld: EVENT_PRIVACY_FIELDS.filter((field) => !settings[field]),
  };
}

/** i18n key naming one item, as the Settings card and the admin form say it. */
export const SHARED_ITEM_LABELS: Record<SharedItem, `eventPrivacy.items.${SharedItem}`> = {
  title: 'eventPrivacy.items.title',
  clientName: 'eventPrivacy.items.clientName',
  clientPhone: 'eventPrivacy.items.clientPhone',
  address: 'eventPrivacy.items.address',
  notes: 'eventPrivacy.items.notes',
};
