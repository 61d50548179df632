import { describe, expect, it } from 'vitest';
import type { CalendarChange } from '@fs/contracts';
import { createI18n } from '../../i18n/i18n';
import { changeSentence, formatSlot, outcomeSentence, seenSentence } from './change-sentence';

// Tuesday 1 December 2026, 10:00–11:00 in Paris (UTC+1), moved to 14:00–15:00.
const moved: CalendarChange = {
  id: '44444444-4444-4444-8444-444444444444',
  kind: 'moved',
  status: 'open',
  provider: 'google',
  interventionId: '33333333-3333-4333-8333-333333333333',
  interventionTitle: 'Boiler repair',
  timeZone: 'Europe/Paris',
  technicianId: '11111111-1111-4111-8111-111111111111',
  technicianName: 'Alice',
  previousStartsAt: '2026-12-01T09:00:00.000Z',
  previousEndsAt: '2026-12-01T10:00:00.000Z',
  proposedStartsAt: '2026-12-01T13:00:00.000Z',
  proposedEndsAt: '2026-12-01T14:00:00.000Z',
  seenAt: '2026-11-30T08:15:00.000Z',
  decidedAt: null,
  decidedByName: null,
};
const removed: CalendarChange = { ...moved, kind: 'removed', provider: 'microsoft', proposedStartsAt: null, proposedEndsAt: null };

describe('changeSentence', () => {
  it('says who moved which intervention, from when to when, in which calendar (English)', async () => {
    const en = await createI18n('en');
    expect(changeSentence(en, moved, 'en-GB')).toBe('Alice moved “Boiler repair” from Tue 1 Dec, 10:00–11:00 to Tue 1 Dec, 14:00–15:00 in Google Calendar.');
  });

  it('says the same in French', async () => {
    const fr = await createI18n('fr');
    expect(changeSentence(fr, moved, 'fr-FR')).toBe('Alice a déplacé « Boiler repair » du mar. 1 déc., 10:00–11:00 au mar. 1 déc., 14:00–15:00 dans Google Agenda.');
  });

  it('says who removed which intervention, and its time, from which calendar', async () => {
    const en = await createI18n('en');
    const fr = await createI18n('fr');
    expect(changeSentence(en, removed, 'en-GB')).toBe('Alice removed “Boiler repair” (Tue 1 Dec, 10:00–11:00) from Microsoft Outlook.');
    expect(changeSentence(fr, removed, 'fr-FR')).toBe('Alice a supprimé « Boiler repair » (mar. 1 déc., 10:00–11:00) de Microsoft Outlook.');
  });

  it('shows the times on the intervention’s clock, not the reader’s', async () => {
    const en = await createI18n('en');
    const newYork = { ...moved, timeZone: 'America/New_York' };
    // 09:00Z is 04:00 in New York (UTC-5).
    expect(changeSentence(en, newYork, 'en-GB')).toContain('from Tue 1 Dec, 04:00–05:00 to Tue 1 Dec, 08:00–09:00');
  });
});

describe('formatSlot', () => {
  it('adds the date to an end on a later day', async () => {
    const en = await createI18n('en');
    expect(formatSlot(en.t, '2026-12-01T21:00:00.000Z', '2026-12-02T01:00:00.000Z', 'Europe/Paris', 'en-GB')).toBe('Tue 1 Dec, 22:00–2 Dec, 02:00');
  });
});

describe('outcomeSentence', () => {
  it('says nothing while the change is open', async () => {
    const en = await createI18n('en');
    expect(outcomeSentence(en.t, moved, 'en-GB')).toBeNull();
  });

  it('names who accepted or rejected, and what that did for a move and for a removal', async () => {
    const en = await createI18n('en');
    const decided = { decidedAt: '2026-11-30T09:00:00.000Z', decidedByName: 'Dan' };
    expect(outcomeSentence(en.t, { ...moved, ...decided, status: 'accepted' }, 'en-GB')).toMatch(/^Accepted by Dan on .+: the intervention was rescheduled\.$/);
    expect(outcomeSentence(en.t, { ...moved, ...decided, status: 'rejected' }, 'en-GB')).toMatch(/^Rejected by Dan on .+: the event was put back at the intervention’s time\.$/);
    expect(outcomeSentence(en.t, { ...removed, ...decided, status: 'accepted' }, 'en-GB')).toMatch(/: the technician was unassigned; the intervention is back with dispatch\.$/);
    expect(outcomeSentence(en.t, { ...removed, ...decided, status: 'rejected' }, 'en-GB')).toMatch(/: the event was recreated in their calendar\.$/);
  });

  it('says the policy settled an applied or reverted change, with no one named', async () => {
    const fr = await createI18n('fr');
    const at = { decidedAt: '2026-11-30T09:00:00.000Z', decidedByName: null };
    expect(outcomeSentence(fr.t, { ...moved, ...at, status: 'applied' }, 'fr-FR')).toMatch(/^Appliqué d’office par la règle de l’entreprise le .+ : l’intervention a été replanifiée\.$/);
    expect(outcomeSentence(fr.t, { ...moved, ...at, status: 'reverted' }, 'fr-FR')).toMatch(/^Annulé d’office .+ : l’événement a été remis à l’heure de l’intervention\.$/);
  });

  it('has a translated sentence, different in each language, for every decided status and kind', async () => {
    const [fr, en] = await Promise.all([createI18n('fr'), createI18n('en')]);
    for (const status of ['accepted', 'rejected', 'applied', 'reverted'] as const) {
      for (const change of [moved, removed]) {
        const decided = { ...change, status, decidedAt: '2026-11-30T09:00:00.000Z', decidedByName: 'Dan' };
        const frText = outcomeSentence(fr.t, decided, 'fr-FR');
        const enText = outcomeSentence(en.t, decided, 'en-GB');
        expect(frText).not.toContain('calendarChanges.');
        expect(enText).not.toContain('calendarChanges.');
        expect(frText).not.toBe(enText);
      }
    }
  });
});

describe('seenSentence', () => {
  it('says when our sync saw the change', async () => {
    const en = await createI18n('en');
    expect(seenSentence(en.t, moved, 'en-GB')).toMatch(/^Seen 30 Nov 2026, \d{2}:15$/);
  });
});
