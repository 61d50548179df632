// What a request may carry before any route sees it: how deep its JSON may nest, and
// strings (values and keys, body and query) that PostgreSQL can store and JSON can echo.
// The field rules themselves live in @fs/contracts; this is the net under every route,
// including those whose contract has no string rule yet.
import { isSafeText, UNSAFE_TEXT_MESSAGE, type FieldError } from '@fs/contracts';

/** Our contracts nest two levels at most; 32 is qs's own default for urlencoded bodies. */
export const MAX_INPUT_DEPTH = 32;

/**
 * The first bad spot in a parsed body or query, named like the validation pipe names
 * fields (`title`, `items.0.name`), or undefined. Iterative: a 100 kB body can nest
 * 50 000 levels, which would overflow a recursive walk.
 */
export function findUnsafeInput(root: unknown, maxDepth = MAX_INPUT_DEPTH): FieldError | undefined {
  const pending: { value: unknown; path: string[] }[] = [{ value: root, path: [] }];
  while (pending.length > 0) {
    const { value, path } = pending.pop()!;
    if (typeof value === 'string') {
      if (!isSafeText(value)) return { field: fieldName(path), message: UNSAFE_TEXT_MESSAGE, rule: 'UNSAFE_TEXT' };
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (path.length >= maxDepth) return { field: fieldName(path), message: `nests deeper than ${maxDepth} levels` };
    for (const [key, child] of Object.entries(value)) {
      // JSON.stringify escapes NUL and lone surrogates, so the name we answer with is readable.
      if (!isSafeText(key)) return { field: fieldName([...path, JSON.stringify(key).slice(1, -1)]), message: `name ${UNSAFE_TEXT_MESSAGE}`, rule: 'UNSAFE_TEXT' };
      pending.push({ value: child, path: [...path, key] });
    }
  }
  return undefined;
}

const fieldName = (path: string[]) => path.join('.') || '(body)';
