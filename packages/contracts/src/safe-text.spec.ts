import { describe, expect, it } from 'vitest';
import { createInterventionSchema, updateInterventionSchema } from './interventions.js';
import { integrationSettingsSchema } from './integrations.js';
import { loginRequestSchema } from './auth.js';
import { isSafeText } from './safe-text.js';

const valid = {
  title: 'Boiler',
  clientName: 'Dupont',
  address: '1 rue A, Paris',
  startsAt: '2026-12-01T09:00:00+01:00',
  endsAt: '2026-12-01T10:00:00+01:00',
  timeZone: 'Europe/Paris',
  technicianId: '7d7f1f9e-3b43-4f7a-9a52-0d3c3a5f1b11',
};

const fieldsOf = (result: { error?: { issues: { path: PropertyKey[] }[] } }) => result.error?.issues.map((i) => i.path.join('.')) ?? [];

describe('safe text', () => {
  it('accepts ordinary text, accents and paired surrogates (emoji)', () => {
    expect(isSafeText('Chaudière 🔧 — 2e étage')).toBe(true);
  });

  it('refuses a null character and an unpaired high or low surrogate', () => {
    expect(isSafeText('a\u0000b')).toBe(false);
    expect(isSafeText('a\uD83Db')).toBe(false);
    expect(isSafeText('a\uDD27')).toBe(false);
    expect(isSafeText('\uD83D')).toBe(false);
  });

  it('names the intervention field holding a null byte, on create and on update', () => {
    for (const field of ['title', 'description', 'clientName', 'address']) {
      expect(fieldsOf(createInterventionSchema.safeParse({ ...valid, [field]: 'x\u0000y' }))).toEqual([field]);
      expect(fieldsOf(updateInterventionSchema.safeParse({ [field]: 'x\uD800' }))).toEqual([field]);
    }
  });

  it('marks the failure with the rule UNSAFE_TEXT, so a client translates it without reading the message', () => {
    const issue = createInterventionSchema.safeParse({ ...valid, title: 'a\u0000' }).error?.issues[0];
    expect(issue).toMatchObject({ code: 'custom', params: { rule: 'UNSAFE_TEXT' } });
  });

  it('applies to the login password and the integration calendar id too', () => {
    expect(fieldsOf(loginRequestSchema.safeParse({ email: 'a@example.com', password: 'p\u0000' }))).toEqual(['password']);
    expect(fieldsOf(integrationSettingsSchema.safeParse({ calendarId: 'c\u0000' }))).toEqual(['calendarId']);
  });
});
