import { describe, expect, it } from 'vitest';
import { ProviderError } from '../provider-error';
import { graphDateTime, ianaTimeZone, instantOfGraphDateTime, UnknownGraphTimeZone, windowsTimeZone } from './microsoft-time-zone';

describe('windowsTimeZone: IANA -> the Windows name we write', () => {
  // The old hand-made table had about 40 zones; the ones marked * were missing from it.
  it.each([
    ['Europe/Paris', 'Romance Standard Time'],
    ['Europe/Berlin', 'W. Europe Standard Time'],
    ['Europe/Lisbon', 'GMT Standard Time'],
    ['America/New_York', 'Eastern Standard Time'],
    ['America/Los_Angeles', 'Pacific Standard Time'],
    ['UTC', 'UTC'],
    ['Etc/UTC', 'UTC'],
    ['Asia/Kolkata', 'India Standard Time'], // *
    ['Asia/Calcutta', 'India Standard Time'], // * (the older spelling)
    ['Asia/Kathmandu', 'Nepal Standard Time'], // *
    ['America/St_Johns', 'Newfoundland Standard Time'], // *
    ['America/Sao_Paulo', 'E. South America Standard Time'], // *
    ['Africa/Johannesburg', 'South Africa Standard Time'], // *
    ['Pacific/Auckland', 'New Zealand Standard Time'], // *
    ['Pacific/Chatham', 'Chatham Islands Standard Time'], // *
    ['Australia/Lord_Howe', 'Lord Howe Standard Time'], // *
    ['Pacific/Tahiti', 'Hawaiian Standard Time'], // * (UTC-10 without DST, as Honolulu)
    ['Europe/Kyiv', 'FLE Standard Time'], // windows-iana knows only Europe/Kiev; Intl resolves it
  ])('%s -> %s', (iana, windows) => {
    expect(windowsTimeZone(iana)).toBe(windows);
  });

  it.each(['America/Ciudad_Juarez', 'Antarctica/Troll', 'Mars/Olympus_Mons'])('%s has no Windows name', (iana) => {
    expect(windowsTimeZone(iana)).toBeUndefined();
  });
});

describe('ianaTimeZone: the zone name Graph sends -> IANA', () => {
  it.each([
    ['Romance Standard Time', 'Europe/Paris'],
    ['Pacific Standard Time', 'America/Los_Angeles'],
    ['Eastern Standard Time', 'America/New_York'],
    ['W. Europe Standard Time', 'Europe/Berlin'],
    ['GMT Standard Time', 'Europe/London'],
    ['AUS Eastern Standard Time', 'Australia/Sydney'],
    ['India Standard Time', 'Asia/Calcutta'],
    ['Nepal Standard Time', 'Asia/Katmandu'],
    ['Newfoundland Standard Time', 'America/St_Johns'],
    ['UTC', 'Etc/UTC'],
    [' Romance Standard Time ', 'Europe/Paris'],
    ['Europe/Paris', 'Europe/Paris'],
    ['America/Ciudad_Juarez', 'America/Ciudad_Juarez'],
  ])('%j -> %s', (graphZone, iana) => {
    expect(ianaTimeZone(graphZone)).toBe(iana);
  });

  it.each(['Mars Standard Time', 'Customized Time Zone', 'Europe/Atlantis', ''])('%j is an UnknownGraphTimeZone, PERMANENT', (graphZone) => {
    const error = (() => {
      try {
        ianaTimeZone(graphZone);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(UnknownGraphTimeZone);
    expect(error).toMatchObject({ code: 'PERMANENT', zone: graphZone });
  });
});

describe('graphDateTime: what we write for an instant', () => {
  // Each case: the instant, the intervention's zone, what Graph must receive to land on that instant.
  it.each([
    ['Paris, fall back, first 02:30 (CEST)', '2026-10-25T00:30:00Z', 'Europe/Paris', { dateTime: '2026-10-25T00:30:00', timeZone: 'UTC' }],
    ['Paris, fall back, second 02:30 (CET)', '2026-10-25T01:30:00Z', 'Europe/Paris', { dateTime: '2026-10-25T01:30:00', timeZone: 'UTC' }],
    ['Paris, fall back, 03:30 after the overlap', '2026-10-25T02:30:00Z', 'Europe/Paris', { dateTime: '2026-10-25T03:30:00', timeZone: 'Romance Standard Time' }],
    ['Paris, spring forward, 03:30 just after the gap', '2026-03-29T01:30:00Z', 'Europe/Paris', { dateTime: '2026-03-29T03:30:00', timeZone: 'Romance Standard Time' }],
    ['Paris, spring forward, 01:30 just before the gap', '2026-03-29T00:30:00Z', 'Europe/Paris', { dateTime: '2026-03-29T01:30:00', timeZone: 'Romance Standard Time' }],
    ['New York, fall back, first 01:30 (EDT)', '2026-11-01T05:30:00Z', 'America/New_York', { dateTime: '2026-11-01T05:30:00', timeZone: 'UTC' }],
    ['New York, fall back, second 01:30 (EST)', '2026-11-01T06:30:00Z', 'America/New_York', { dateTime: '2026-11-01T06:30:00', timeZone: 'UTC' }],
    ['New York, spring forward, 03:30 just after the gap', '2026-03-08T07:30:00Z', 'America/New_York', { dateTime: '2026-03-08T03:30:00', timeZone: 'Eastern Standard Time' }],
    ['Lord Howe, its 30-minute fall back, second 01:45', '2026-04-04T15:15:00Z', 'Australia/Lord_Howe', { dateTime: '2026-04-04T15:15:00', timeZone: 'UTC' }],
    ['Kolkata, a zone the old table lacked', '2026-01-15T04:30:00Z', 'Asia/Kolkata', { dateTime: '2026-01-15T10:00:00', timeZone: 'India Standard Time' }],
    ['Los Angeles in summer', '2026-07-01T16:00:00Z', 'America/Los_Angeles', { dateTime: '2026-07-01T09:00:00', timeZone: 'Pacific Standard Time' }],
    ['a zone without a Windows name is written in UTC', '2026-01-15T16:00:00Z', 'America/Ciudad_Juarez', { dateTime: '2026-01-15T16:00:00', timeZone: 'UTC' }],
  ])('%s', (_name, instant, zone, expected) => {
    expect(graphDateTime(new Date(instant), zone)).toEqual(expected);
    // And reading it back as Graph would gives the same instant.
    expect(instantOfGraphDateTime(expected).toISOString()).toBe(new Date(instant).toISOString());
  });
});

describe('instantOfGraphDateTime: what Graph sends -> an instant', () => {
  it.each([
    ['UTC, as Graph answers by default', { dateTime: '2026-12-01T08:00:00.0000000', timeZone: 'UTC' }, '2026-12-01T08:00:00.000Z'],
    ['no zone at all is UTC', { dateTime: '2026-12-01T08:00:00.0000000' }, '2026-12-01T08:00:00.000Z'],
    ['Romance Standard Time in winter', { dateTime: '2026-12-01T09:00:00.0000000', timeZone: 'Romance Standard Time' }, '2026-12-01T08:00:00.000Z'],
    ['Romance Standard Time in summer', { dateTime: '2026-07-01T09:00:00', timeZone: 'Romance Standard Time' }, '2026-07-01T07:00:00.000Z'],
    ['Pacific Standard Time in winter', { dateTime: '2026-12-01T09:00:00.0000000', timeZone: 'Pacific Standard Time' }, '2026-12-01T17:00:00.000Z'],
    ['Pacific Standard Time in summer (still its Windows name)', { dateTime: '2026-07-01T09:00:00', timeZone: 'Pacific Standard Time' }, '2026-07-01T16:00:00.000Z'],
    ['an IANA name', { dateTime: '2026-07-01T09:00:00', timeZone: 'America/New_York' }, '2026-07-01T13:00:00.000Z'],
    ['India Standard Time', { dateTime: '2026-01-15T10:00:00', timeZone: 'India Standard Time' }, '2026-01-15T04:30:00.000Z'],
    ['twice 02:30 in Paris is read as the second, as Graph takes it', { dateTime: '2026-10-25T02:30:00', timeZone: 'Romance Standard Time' }, '2026-10-25T01:30:00.000Z'],
    ['skipped 02:30 in Paris moves forward', { dateTime: '2026-03-29T02:30:00', timeZone: 'Romance Standard Time' }, '2026-03-29T01:30:00.000Z'],
  ])('%s', (_name, value, instant) => {
    expect(instantOfGraphDateTime(value).toISOString()).toBe(instant);
  });

  it('is PERMANENT for a dateTime that is not a wall time, and UnknownGraphTimeZone for an unknown zone', () => {
    expect(() => instantOfGraphDateTime({ dateTime: 'tomorrow', timeZone: 'UTC' })).toThrow(ProviderError);
    expect(() => instantOfGraphDateTime({ timeZone: 'UTC' })).toThrow(ProviderError);
    expect(() => instantOfGraphDateTime({ dateTime: '2026-12-01T09:00:00', timeZone: 'Mars Standard Time' })).toThrow(UnknownGraphTimeZone);
  });
});
