import { describe, expect, it } from 'vitest';
import { CALENDAR_CHANGE_KINDS, CALENDAR_CHANGE_STATUSES } from '@fs/contracts';
import { createI18n } from '../../i18n/i18n';
import { changeStateView } from './change-state';

describe('changeStateView', () => {
  it('tells the technician their move waits for dispatch', async () => {
    const en = await createI18n('en');
    const view = changeStateView({ kind: 'moved', status: 'open' });
    expect(view.tone).toBe('warning');
    expect(en.t(view.text)).toBe('Your move in your calendar is waiting for dispatch.');
  });

  it('tells the technician a rejected move was put back in their calendar', async () => {
    const en = await createI18n('en');
    expect(en.t(changeStateView({ kind: 'moved', status: 'rejected' }).text)).toBe('Dispatch rejected your move: the time was put back in your calendar.');
  });

  it('has an icon and a distinct sentence in both languages for every status and kind', async () => {
    for (const language of ['fr', 'en'] as const) {
      const i18n = await createI18n(language);
      const texts = new Set<string>();
      for (const status of CALENDAR_CHANGE_STATUSES) {
        for (const kind of CALENDAR_CHANGE_KINDS) {
          const view = changeStateView({ kind, status });
          expect(i18n.exists(view.text), `${language} ${view.text}`).toBe(true);
          expect(view.icon).not.toBe('');
          texts.add(i18n.t(view.text));
        }
      }
      expect(texts.size).toBe(CALENDAR_CHANGE_STATUSES.length * CALENDAR_CHANGE_KINDS.length);
    }
  });
});
