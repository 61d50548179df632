// A calendar change in words, for dispatch's inbox: what the technician did ("Alice moved
// “Boiler repair” from Tue 1 Dec, 10:00–11:00 to Tue 1 Dec, 14:00–15:00 in Google Calendar")
// and how it ended ("Accepted by Dan on …"). Times are on the intervention's own clock, like
// everywhere else in the PWA. Pure: the row only renders these.
import type { i18n } from 'i18next';
import type { CalendarChange } from '@fs/contracts';
import { formatTimeRange } from '../interventions/date-time';
import { providerName } from '../integrations/integration-result';

type Translator = Pick<i18n, 't' | 'exists'>;

/** `Tue 1 Dec, 10:00–11:00` on the wall clock of `timeZone`. */
export function formatSlot(t: Translator['t'], startsAt: string, endsAt: string, timeZone: string, locale: string): string {
  const day = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'short', day: 'numeric', month: 'short' }).format(Date.parse(startsAt));
  const { start, end } = formatTimeRange(startsAt, endsAt, timeZone, locale);
  return t('calendarChanges.slot', { day, start, end });
}

/** What the technician did, in one sentence. */
export function changeSentence(i18n: Translator, change: CalendarChange, locale: string): string {
  const from = formatSlot(i18n.t, change.previousStartsAt, change.previousEndsAt, change.timeZone, locale);
  const base = { name: change.technicianName, title: change.interventionTitle, from, provider: providerName(i18n, change.provider) };
  if (change.kind === 'moved' && change.proposedStartsAt && change.proposedEndsAt) {
    const to = formatSlot(i18n.t, change.proposedStartsAt, change.proposedEndsAt, change.timeZone, locale);
    return i18n.t('calendarChanges.sentence.moved', { ...base, to });
  }
  return i18n.t('calendarChanges.sentence.removed', base);
}

/** How it ended (null while open): who decided and what that did, or the policy that settled it. */
export function outcomeSentence(t: Translator['t'], change: CalendarChange, locale: string): string | null {
  if (change.status === 'open') return null;
  const when = change.decidedAt ? formatWhen(change.decidedAt, locale) : '';
  const by = change.decidedByName ? 'by' : 'anonymous';
  const key = change.status === 'accepted' || change.status === 'rejected' ? `${change.status}.${by}` : change.status;
  return t(`calendarChanges.outcome.${key}`, { name: change.decidedByName ?? '', when, effect: t(`calendarChanges.effect.${change.status}.${change.kind}`) });
}

/** When our sync saw it, on the reader's clock (it is an event of the app, not of the intervention). */
export function seenSentence(t: Translator['t'], change: CalendarChange, locale: string): string {
  return t('calendarChanges.seenAt', { when: formatWhen(change.seenAt, locale) });
}

function formatWhen(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(Date.parse(iso));
}
