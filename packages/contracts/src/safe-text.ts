// The rule every free-text request field follows, shared so the PWA refuses what the API
// refuses: PostgreSQL rejects a NUL character in text (the API answered 500), and an
// unpaired UTF-16 surrogate has no UTF-8 form (it would be stored as U+FFFD, silently).
import { z } from 'zod';

export const UNSAFE_TEXT_MESSAGE = 'must not contain a null character or an unpaired surrogate';

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isSafeText(value: string): boolean {
  return !value.includes('\u0000') && !UNPAIRED_SURROGATE.test(value);
}

/** A string that can be stored and echoed as it was sent; a failure carries the rule UNSAFE_TEXT. */
export const safeString = () => z.string().refine(isSafeText, { message: UNSAFE_TEXT_MESSAGE, params: { rule: 'UNSAFE_TEXT' } });
