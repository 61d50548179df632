import { describe, expect, it } from 'vitest';
import { DEFAULT_EVENT_PRIVACY, eventPrivacySettingsSchema } from './event-privacy.js';

const paths = (input: unknown) =>
  eventPrivacySettingsSchema.safeParse(input).error?.issues.map((i) => (i.code === 'unrecognized_keys' ? i.keys.join() : i.path.join('.'))) ?? [];

describe('event privacy contract', () => {
  it('accepts the four switches', () => {
    expect(eventPrivacySettingsSchema.parse(DEFAULT_EVENT_PRIVACY)).toEqual(DEFAULT_EVENT_PRIVACY);
  });

  it('names a missing or non-boolean switch, and an unknown one', () => {
    expect(paths({ ...DEFAULT_EVENT_PRIVACY, notes: 'yes' })).toEqual(['notes']);
    const { address: _address, ...withoutAddress } = DEFAULT_EVENT_PRIVACY;
    expect(paths(withoutAddress)).toEqual(['address']);
    expect(paths({ ...DEFAULT_EVENT_PRIVACY, email: true })).toEqual(['email']);
  });

  it('defaults to the address only: no client name, phone or notes', () => {
    expect(DEFAULT_EVENT_PRIVACY).toEqual({ clientName: false, clientPhone: false, address: true, notes: false });
  });
});
