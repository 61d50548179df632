import { describe, expect, it } from 'vitest';
import type { CalendarEventInput } from '../calendar-provider';
import { SYNC_KEY_PROPERTY_ID, syncKeyFilter, toGraphCreate, toGraphEvent, transactionIdFor } from './microsoft-event.mapper';

const input: CalendarEventInput = {
  syncKey: 'integration-1:intervention-1',
  interventionId: 'intervention-1',
  title: 'Boiler service',
  description: 'Client: Dupont',
  location: '12 rue de la Paix, Paris',
  startsAt: new Date('2026-07-01T07:00:00Z'),
  endsAt: new Date('2026-07-01T08:30:00Z'),
  timeZone: 'Europe/Paris',
};

describe('toGraphEvent', () => {
  it('maps title to subject, description to a text body and address to location.displayName', () => {
    expect(toGraphEvent(input)).toMatchObject({
      subject: 'Boiler service',
      body: { contentType: 'text', content: 'Client: Dupont' },
      location: { displayName: '12 rue de la Paix, Paris' },
    });
  });

  it('writes start and end as wall time without offset, in the Windows name of the zone', () => {
    const body = toGraphEvent(input);
    expect(body.start).toEqual({ dateTime: '2026-07-01T09:00:00', timeZone: 'Romance Standard Time' });
    expect(body.end).toEqual({ dateTime: '2026-07-01T10:30:00', timeZone: 'Romance Standard Time' });
  });

  it('marks the event private (sensitivity), for delegates and shared calendars', () => {
    expect(toGraphEvent(input).sensitivity).toBe('private');
  });

  it('holds the syncKey in our single-value extended property', () => {
    expect(SYNC_KEY_PROPERTY_ID).toMatch(/^String \{[0-9a-f-]{36}\} Name syncKey$/);
    expect(toGraphEvent(input).singleValueExtendedProperties).toEqual([{ id: SYNC_KEY_PROPERTY_ID, value: input.syncKey }]);
  });

  it('never carries transactionId (Graph refuses to change it on PATCH); the create body does', () => {
    expect(toGraphEvent(input)).not.toHaveProperty('transactionId');
    expect(toGraphCreate(input, 'cal-1').transactionId).toBe(transactionIdFor(input.syncKey, 'cal-1'));
  });
});

describe('transactionIdFor', () => {
  it('is a GUID, stable per syncKey and calendar, different between syncKeys', () => {
    expect(transactionIdFor(input.syncKey, 'cal-1')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(transactionIdFor(input.syncKey, 'cal-1')).toBe(transactionIdFor('integration-1:intervention-1', 'cal-1'));
    expect(transactionIdFor(input.syncKey, 'cal-1')).not.toBe(transactionIdFor('integration-2:intervention-1', 'cal-1'));
  });

  it('differs between calendars (Graph deduplicates creates mailbox-wide)', () => {
    expect(transactionIdFor(input.syncKey, 'cal-1')).not.toBe(transactionIdFor(input.syncKey, 'cal-2'));
  });
});

describe('syncKeyFilter', () => {
  it('filters on our property id and the syncKey value, doubling single quotes', () => {
    expect(syncKeyFilter("a'b")).toBe(`singleValueExtendedProperties/Any(ep: ep/id eq '${SYNC_KEY_PROPERTY_ID}' and ep/value eq 'a''b')`);
  });
});
