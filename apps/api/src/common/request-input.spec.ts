import { describe, expect, it } from 'vitest';
import { findUnsafeInput } from './request-input';

const nested = (depth: number): unknown => {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};

describe('findUnsafeInput', () => {
  it('accepts ordinary bodies and queries', () => {
    expect(findUnsafeInput({ title: 'Chaudière 🔧', tags: ['a', 'b'], n: 1, ok: true, none: null })).toBeUndefined();
    expect(findUnsafeInput({ status: ['PLANNED', 'DONE'] })).toBeUndefined();
    expect(findUnsafeInput(undefined)).toBeUndefined();
  });

  it('names the field holding a null byte or an unpaired surrogate, however deep', () => {
    expect(findUnsafeInput({ title: 'ok', address: '1 rue\u0000' })).toEqual({
      field: 'address',
      message: expect.stringContaining('null character'),
      rule: 'UNSAFE_TEXT',
    });
    expect(findUnsafeInput({ items: [{ name: 'x' }, { name: '\uD800' }] })?.field).toBe('items.1.name');
  });

  it('names a key that holds a null byte, escaped so the answer stays readable', () => {
    expect(findUnsafeInput({ 'ti\u0000tle': 'x' })?.field).toBe('ti\\u0000tle');
  });

  it('refuses JSON nested deeper than the limit without overflowing the stack', () => {
    expect(findUnsafeInput(nested(32))).toBeUndefined();
    expect(findUnsafeInput(nested(33))?.message).toBe('nests deeper than 32 levels');
    expect(findUnsafeInput(nested(100_000))?.message).toBe('nests deeper than 32 levels');
  });
});
