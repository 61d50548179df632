// Turns an API failure into text in the person's language. Everything is chosen by the
// error's `code` and by field name, never by the API's English message.
import type { i18n } from 'i18next';
import { ApiRequestError, type ClientErrorCode } from '../api/api-error';

export interface ErrorText {
  /** One sentence for the whole failure, with the fields to fix named when there are any. */
  message: string;
  /** Per input name: what is wrong with it, to show next to that input. */
  fieldErrors: Record<string, string>;
}

type Translator = Pick<i18n, 't' | 'exists'>;

export function errorCodeOf(error: unknown): ClientErrorCode {
  return error instanceof ApiRequestError ? error.code : 'INTERNAL';
}

/** `body.endsAt` and `endsAt` both name the endsAt input. */
function inputName(field: string): string {
  const parts = field.split('.').filter(Boolean);
  return parts[parts.length - 1] ?? field;
}

export function fieldLabel(i18n: Translator, field: string): string {
  return i18n.exists(`fields.${field}`) ? i18n.t(`fields.${field}`) : field;
}

export function translateApiError(error: unknown, i18n: Translator): ErrorText {
  const code = errorCodeOf(error);
  const fieldErrors: Record<string, string> = {};
  const fields = error instanceof ApiRequestError ? error.fields : [];
  for (const { field, rule } of fields) {
    const name = inputName(field);
    if (!name || fieldErrors[name]) continue;
    // A shared rule (see @fs/contracts FIELD_RULES) says what is wrong better than the field's usual hint.
    if (rule) fieldErrors[name] = i18n.t(`fieldRules.${rule}`);
    else fieldErrors[name] = i18n.exists(`fieldErrors.${name}`) ? i18n.t(`fieldErrors.${name}`) : i18n.t('fieldErrors.unknown');
  }

  const retryAfterSeconds = error instanceof ApiRequestError ? error.retryAfterSeconds : undefined;
  let message =
    code === 'TOO_MANY_ATTEMPTS' && retryAfterSeconds !== undefined
      ? i18n.t('errors.tooManyAttemptsIn', { seconds: retryAfterSeconds })
      : i18n.t(`errors.${code}`);
  const names = Object.keys(fieldErrors);
  if (names.length > 0) {
    const labels = names.map((name) => fieldLabel(i18n, name)).join(', ');
    message = `${message} ${i18n.t('errors.fieldsSummary', { fields: labels })}`;
  }
  return { message, fieldErrors };
}
