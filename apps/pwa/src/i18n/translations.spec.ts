import { describe, expect, it } from 'vitest';
import { fr } from './fr';

/** Every leaf of a translation tree as `path: text`. */
function leaves(tree: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [p, v] of leaves(value as object, path)) out.set(p, v);
  }
  return out;
}

// (en.ts has the same keys as fr.ts by its type: the compiler checks that.)
describe('translations', () => {
  it('French uses one apostrophe, the typographic one (’)', () => {
    const straight = [...leaves(fr)].filter(([, text]) => /\p{L}'\p{L}/u.test(text)).map(([path]) => path);
    expect(straight).toEqual([]);
  });
});
