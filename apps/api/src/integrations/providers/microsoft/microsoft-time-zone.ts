// Graph's dateTimeTimeZone (provider-apis.md B4): a wall time without offset plus a zone
// name, Windows ("Romance Standard Time") or one of the IANA names Graph lists. This file
// owns both directions: an instant in an intervention's IANA zone -> what we write, and
// what Graph sends -> an instant. Zone names come from windows-iana (CLDR windowsZones),
// wall-clock arithmetic from the shared helper in @fs/contracts. Pure.
import { instantOfWallTime, instantsOfWallTime, isIanaTimeZone, wallTimeAt } from '@fs/contracts';
import type { DateTimeTimeZone } from '@microsoft/microsoft-graph-types';
import { findIana, findWindows } from 'windows-iana';
import { ProviderError } from '../provider-error';

/** Graph names a time zone we can place on no clock: retrying will not change that. */
export class UnknownGraphTimeZone extends ProviderError {
  constructor(readonly zone: string) {
    super('PERMANENT', `Graph time zone '${zone}' is neither a Windows nor an IANA name`);
    this.name = 'UnknownGraphTimeZone';
  }
}

/**
 * The Windows name of an IANA zone, or undefined when CLDR has none (e.g. America/Ciudad_Juarez,
 * Antarctica/Troll). Tries the name as given, then Intl's canonical id for it: windows-iana
 * knows Europe/Kiev but not its newer spelling Europe/Kyiv, which Intl resolves to the former.
 */
export function windowsTimeZone(ianaZone: string): string | undefined {
  const direct = findWindows(ianaZone)[0];
  if (direct || !isIanaTimeZone(ianaZone)) return direct;
  const canonical = new Intl.DateTimeFormat('en-US', { timeZone: ianaZone }).resolvedOptions().timeZone;
  return findWindows(canonical)[0];
}

/**
 * The IANA zone of a zone name Graph sends: a Windows name maps to its main zone (CLDR
 * territory 001, e.g. Pacific Standard Time -> America/Los_Angeles), an IANA name stays.
 */
export function ianaTimeZone(graphZone: string): string {
  const zone = graphZone.trim();
  const fromWindows = findIana(zone, '001')[0];
  if (fromWindows) return fromWindows;
  if (isIanaTimeZone(zone)) return zone;
  throw new UnknownGraphTimeZone(graphZone);
}

/**
 * What we write for an instant, in the intervention's zone so Outlook shows it there and
 * keeps it through DST changes. UTC instead, which names the instant exactly, when:
 * - the wall time happens twice (the night clocks go back): Graph would take the second
 *   one, an hour late;
 * - the zone has no Windows name: Graph accepts only some IANA names, and would refuse
 *   the event (400) rather than guess.
 */
export function graphDateTime(instant: Date, ianaZone: string): { dateTime: string; timeZone: string } {
  const { wall } = wallTimeAt(instant, ianaZone);
  const windows = windowsTimeZone(ianaZone);
  if (windows && instantsOfWallTime(wall, ianaZone).length === 1) return { dateTime: wall, timeZone: windows };
  return { dateTime: wallTimeAt(instant, 'UTC').wall, timeZone: 'UTC' };
}

/**
 * The instant of a dateTimeTimeZone Graph sends (7 fraction digits, in UTC unless asked
 * for a zone with `Prefer: outlook.timezone`). In a named zone, a wall time that happens
 * twice is read as the second, the one Graph itself takes for it (see graphDateTime), and
 * one inside a DST gap moves forward by the gap.
 */
export function instantOfGraphDateTime(value: DateTimeTimeZone): Date {
  const zone = ianaTimeZone(value.timeZone ?? 'UTC');
  const instant = value.dateTime === undefined ? null : instantOfWallTime(value.dateTime, zone, 'later');
  if (!instant) throw new ProviderError('PERMANENT', `Graph dateTime '${value.dateTime}' is not a wall time`);
  return instant;
}
