import { describe, expect, it } from 'vitest';
import { DEFAULT_EVENT_PRIVACY } from '@fs/contracts';
import { createI18n } from '../../i18n/i18n';
import { SHARED_ITEM_LABELS, sharedFields } from './shared-fields';

describe('sharedFields', () => {
  it('by default says the title and the address are shared; name, phone and notes never', () => {
    expect(sharedFields(DEFAULT_EVENT_PRIVACY)).toEqual({ shared: ['title', 'address'], withheld: ['clientName', 'clientPhone', 'notes'] });
  });

  it('always shares the title, even with every switch off', () => {
    expect(sharedFields({ clientName: false, clientPhone: false, address: false, notes: false }).shared).toEqual(['title']);
  });

  it('reads a sentence in French and English for the technician', async () => {
    const { shared, withheld } = sharedFields(DEFAULT_EVENT_PRIVACY);
    const list = (i18n: Awaited<ReturnType<typeof createI18n>>, items: (keyof typeof SHARED_ITEM_LABELS)[]) =>
      items.map((item) => i18n.t(SHARED_ITEM_LABELS[item])).join(', ');
    const en = await createI18n('en');
    expect(en.t('eventPrivacy.shared', { items: list(en, shared) })).toBe('Your calendar events show: title and times, address.');
    expect(en.t('eventPrivacy.withheld', { items: list(en, withheld) })).toBe('Never sent: client name, client phone, notes (description).');
    const fr = await createI18n('fr');
    expect(fr.t('eventPrivacy.shared', { items: list(fr, shared) })).toBe('Vos événements de calendrier montrent : titre et horaires, adresse.');
  });
});
