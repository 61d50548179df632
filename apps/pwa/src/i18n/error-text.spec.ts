import { describe, expect, it } from 'vitest';
import { API_ERROR_CODES, FIELD_RULES } from '@fs/contracts';
import { ApiRequestError, toApiRequestError } from '../api/api-error';
import { translateApiError } from './error-text';
import { createI18n } from './i18n';

describe('translateApiError', () => {
  it('shows wrong credentials in French by default, whatever the English message says', async () => {
    const fr = await createI18n('fr');
    const error = toApiRequestError(401, { statusCode: 401, code: 'INVALID_CREDENTIALS', message: 'Invalid email or password' });
    expect(translateApiError(error, fr)).toEqual({ message: 'Adresse e-mail ou mot de passe incorrect.', fieldErrors: {} });
  });

  it('translates the same code into English when English is chosen', async () => {
    const en = await createI18n('en');
    const error = new ApiRequestError(403, 'FORBIDDEN', 'Forbidden resource');
    expect(translateApiError(error, en).message).toBe('You are not allowed to do this.');
  });

  it('has a distinct French and English text for every API error code', async () => {
    const [fr, en] = await Promise.all([createI18n('fr'), createI18n('en')]);
    for (const code of [...API_ERROR_CODES, 'NETWORK'] as const) {
      const error = new ApiRequestError(500, code, 'x');
      const frText = translateApiError(error, fr).message;
      expect(frText).not.toContain('errors.');
      expect(frText).not.toBe(translateApiError(error, en).message);
    }
  });

  it('names each invalid field with its translated label and a message for that input', async () => {
    const fr = await createI18n('fr');
    const error = toApiRequestError(400, {
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'Validation failed',
      fields: [
        { field: 'endsAt', message: 'must be after startsAt' },
        { field: 'body.technicianId', message: 'unknown technician' },
      ],
    });
    const text = translateApiError(error, fr);
    expect(text.fieldErrors).toEqual({
      endsAt: 'La fin doit être après le début.',
      technicianId: 'Choisissez un technicien existant.',
    });
    expect(text.message).toBe('Certains champs sont invalides. Corrigez-les puis réessayez. À corriger : Fin, Technicien.');
  });

  it('explains a field that broke the shared UNSAFE_TEXT rule, in French and English, for every rule', async () => {
    const [fr, en] = await Promise.all([createI18n('fr'), createI18n('en')]);
    const error = new ApiRequestError(400, 'VALIDATION_FAILED', 'x', [{ field: 'address', message: 'x', rule: 'UNSAFE_TEXT' }]);
    expect(translateApiError(error, fr).fieldErrors.address).toMatch(/^Ce texte contient un caractère invisible/);
    expect(translateApiError(error, en).fieldErrors.address).toMatch(/^This text contains an invisible character/);
    for (const rule of FIELD_RULES) {
      const broken = new ApiRequestError(400, 'VALIDATION_FAILED', 'x', [{ field: 'f', message: 'x', rule }]);
      expect(translateApiError(broken, fr).fieldErrors.f).not.toContain('fieldRules.');
    }
  });

  it('still reports a field the form does not know, by its raw name', async () => {
    const en = await createI18n('en');
    const error = new ApiRequestError(400, 'VALIDATION_FAILED', 'x', [{ field: 'colour', message: 'Unrecognized key' }]);
    const text = translateApiError(error, en);
    expect(text.fieldErrors).toEqual({ colour: 'Value rejected.' });
    expect(text.message).toContain('To fix: colour.');
  });

  it('says how many seconds to wait after too many login attempts, in French and English', async () => {
    const [fr, en] = await Promise.all([createI18n('fr'), createI18n('en')]);
    const body = { statusCode: 429, code: 'TOO_MANY_ATTEMPTS', message: 'x', retryAfterSeconds: 42 };
    expect(translateApiError(toApiRequestError(429, body), fr).message).toBe('Trop de tentatives. Réessayez dans 42 s.');
    expect(translateApiError(toApiRequestError(429, body), en).message).toBe('Too many attempts. Try again in 42 s.');
    const fromHeader = toApiRequestError(429, { ...body, retryAfterSeconds: undefined }, '7');
    expect(translateApiError(fromHeader, en).message).toBe('Too many attempts. Try again in 7 s.');
    expect(translateApiError(toApiRequestError(429, '<html>'), en).message).toBe('Too many attempts. Try again later.');
  });

  it('falls back on the HTTP status when the body is not an API error', async () => {
    const en = await createI18n('en');
    expect(translateApiError(toApiRequestError(404, '<html>'), en).message).toBe('Not found: it may have been deleted.');
    expect(translateApiError(toApiRequestError(500, null), en).message).toBe('Something went wrong. Please try again later.');
    expect(translateApiError(toApiRequestError(502, ''), en).message).toBe('Cannot reach the server. Check your connection.');
    expect(translateApiError(new TypeError('boom'), en).message).toBe('Something went wrong. Please try again later.');
  });
});
