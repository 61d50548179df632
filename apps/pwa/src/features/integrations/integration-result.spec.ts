import { describe, expect, it } from 'vitest';
import { INTEGRATION_ERROR_CODES } from '@fs/contracts';
import { createI18n } from '../../i18n/i18n';
import { parseIntegrationResult, reasonText, resultText, withoutIntegrationResult } from './integration-result';

const parse = (search: string) => parseIntegrationResult(new URLSearchParams(search));

describe('parseIntegrationResult', () => {
  it('reads a successful connection', () => {
    expect(parse('?integration=google&result=connected')).toEqual({ provider: 'google', result: 'connected', reason: null });
  });

  it('reads a failure with its reason code', () => {
    expect(parse('?integration=microsoft&result=error&reason=access_denied')).toEqual({
      provider: 'microsoft',
      result: 'error',
      reason: 'access_denied',
    });
  });

  it('ignores a URL without a complete, well-formed result', () => {
    expect(parse('')).toBeNull();
    expect(parse('?integration=google')).toBeNull();
    expect(parse('?integration=google&result=maybe')).toBeNull();
    expect(parse('?integration=<script>&result=connected')).toBeNull();
  });

  it('drops a reason that is not a code', () => {
    expect(parse('?integration=google&result=error&reason=<b>hi</b>')?.reason).toBeNull();
  });

  it('removes only its own parameters from the URL', () => {
    const rest = withoutIntegrationResult(new URLSearchParams('?integration=google&result=error&reason=x&tab=1'));
    expect(rest.toString()).toBe('tab=1');
  });
});

describe('resultText', () => {
  const error = (reason: string | null) => ({ provider: 'google', result: 'error' as const, reason });

  it('says in French by default that the person refused access, and how to try again', async () => {
    const fr = await createI18n('fr');
    expect(resultText(fr, error('ACCESS_DENIED'))).toBe(
      "La connexion à Google Agenda a échoué : vous avez refusé l’accès. Pour relier votre calendrier, cliquez de nouveau sur «\u00a0Connecter\u00a0» et acceptez la demande d’accès.",
    );
  });

  it('explains an expired or replayed link in English', async () => {
    const en = await createI18n('en');
    expect(resultText(en, { ...error('STATE_INVALID'), provider: 'microsoft' })).toBe(
      'Connecting Microsoft Outlook failed: the link expired or was already used. Click “Connect” to try again.',
    );
  });

  it('has its own French and English sentence for every reason code the API sends', async () => {
    const [fr, en] = await Promise.all([createI18n('fr'), createI18n('en')]);
    for (const lang of [fr, en]) {
      const texts = INTEGRATION_ERROR_CODES.map((code) => reasonText(lang, 'google', code));
      for (const text of texts) expect(text).not.toMatch(/integrations\.|\{\{|unexpected|inattendue/);
      expect(new Set(texts).size).toBe(INTEGRATION_ERROR_CODES.length);
    }
    for (const code of INTEGRATION_ERROR_CODES) expect(reasonText(fr, 'google', code)).not.toBe(reasonText(en, 'google', code));
  });

  it('accepts a code in lower case', async () => {
    const en = await createI18n('en');
    expect(reasonText(en, 'google', 'access_denied')).toBe(reasonText(en, 'google', 'ACCESS_DENIED'));
  });

  it('shows an unknown code as such, and a missing one as an unexpected error', async () => {
    const en = await createI18n('en');
    expect(reasonText(en, 'google', 'SOMETHING_NEW')).toBe('unexpected error (SOMETHING_NEW). Try again.');
    expect(reasonText(en, 'google', null)).toBe('unexpected error. Try again.');
  });

  it('announces a successful connection with the provider name, or the raw id of an unknown provider', async () => {
    const en = await createI18n('en');
    expect(resultText(en, { provider: 'google', result: 'connected', reason: null })).toBe('Google Calendar is connected.');
    expect(resultText(en, { provider: 'exchange', result: 'connected', reason: null })).toBe('exchange is connected.');
    expect(resultText(en, { provider: 'caldav', result: 'connected', reason: null })).toBe('CalDAV (iCloud, Fastmail, Nextcloud…) is connected.');
  });
});
