import { describe, expect, it } from 'vitest';
import { INTEGRATION_ERROR_CODES, INTEGRATION_STATUSES, type AdminIntegration } from '@fs/contracts';
import { createI18n } from '../../i18n/i18n';
import { adminIntegrationRows } from './admin-integration-rows';

const row = (userName: string, overrides: Partial<AdminIntegration> = {}): AdminIntegration => ({
  userId: '11111111-1111-4111-8111-111111111111',
  userName,
  userEmail: `${userName.toLowerCase()}@example.com`,
  provider: 'google',
  status: 'CONNECTED',
  accountEmail: null,
  lastSyncAt: null,
  failedCount: 0,
  lastError: null,
  ...overrides,
});

describe('adminIntegrationRows', () => {
  it('puts who must reconnect first, then whose events fail, then the rest by name', () => {
    const rows = adminIntegrationRows([
      row('Anna'),
      row('Zoe', { failedCount: 2, lastError: 'PERMANENT' }),
      row('Bob', { status: 'NEEDS_RECONNECT', lastError: 'AUTH_REVOKED' }),
      row('Carl', { status: 'NOT_CONNECTED' }),
    ]);
    expect(rows.map((r) => [r.userName, r.attention])).toEqual([
      ['Bob', 'reconnect'],
      ['Zoe', 'failures'],
      ['Anna', null],
      ['Carl', null],
    ]);
  });

  it('says each state with an icon and words, not colour alone', () => {
    const [reconnect] = adminIntegrationRows([row('Bob', { status: 'NEEDS_RECONNECT', lastError: 'AUTH_REVOKED' })]);
    expect(reconnect).toMatchObject({ tone: 'danger', icon: '⚠', statusLabel: 'admin.status.NEEDS_RECONNECT', errorLabel: 'admin.errors.AUTH_REVOKED' });
    const [failing] = adminIntegrationRows([row('Zoe', { failedCount: 1 })]);
    expect(failing).toMatchObject({ tone: 'warning', icon: '⚠', statusLabel: 'admin.status.CONNECTED', errorLabel: null });
    const [fine] = adminIntegrationRows([row('Anna')]);
    expect(fine).toMatchObject({ tone: 'success', icon: '✓' });
  });

  it('has French and English words for every status, attention and error code', async () => {
    for (const language of ['fr', 'en'] as const) {
      const i18n = await createI18n(language);
      const keys = [
        ...INTEGRATION_STATUSES.map((s) => `admin.status.${s}`),
        ...INTEGRATION_ERROR_CODES.map((c) => `admin.errors.${c}`),
        'admin.attention.reconnect',
        'admin.attention.failures',
      ];
      for (const key of keys) expect(i18n.exists(key), `${language} ${key}`).toBe(true);
    }
    const [fr, en] = await Promise.all([createI18n('fr'), createI18n('en')]);
    expect(fr.t('admin.status.NEEDS_RECONNECT')).not.toBe(en.t('admin.status.NEEDS_RECONNECT'));
  });
});
