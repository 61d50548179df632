// The private ICS feed end to end: turned on from the API, read by a calendar app with only
// the secret URL, parsed with ical.js (an independent iCalendar reader).
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANCELLED_SHOWN_DAYS, FEED_DAYS_AHEAD, FEED_DAYS_BACK } from '../src/feeds/ics-feed.builder';
import { FEED_REQUESTS_PER_HOUR } from '../src/feeds/ics-feed.service';
import { startTestApp, type TestApp } from './support/test-app';

const DAY = 86_400_000;
let t: TestApp;
let alice: string, bob: string, dispatch: string;
let aliceId: string, bobId: string;

beforeAll(async () => {
  t = await startTestApp();
  [alice, bob, dispatch] = await Promise.all(['alice', 'bob', 'dispatch'].map((n) => t.tokenFor(`${n}@example.com`)));
  const technicians = (await t.http.get('/api/v1/technicians').set(auth(dispatch)).expect(200)).body;
  aliceId = technicians.find((x: { email: string }) => x.email === 'alice@example.com').id;
  bobId = technicians.find((x: { email: string }) => x.email === 'bob@example.com').id;
});
afterAll(() => t?.close());

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const pathOf = (url: string) => new URL(url).pathname;
/** An instant whole-hour `days` from now, so the feed window (relative to now) is known to hold it. */
const inDays = (days: number, hourUtc: number) => {
  const d = new Date(Date.now() + days * DAY);
  d.setUTCHours(hourUtc, 0, 0, 0);
  return d;
};
/** The wall clock of an instant in a zone, as ical.js prints a zoned DATE-TIME: computed by Intl, not by our code. */
const wall = (instant: Date, zone: string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: zone, dateStyle: 'short', timeStyle: 'medium' }).format(instant).replace(' ', 'T');

async function plan(technicianId: string, startsAt: Date, timeZone: string, title: string) {
  const endsAt = new Date(startsAt.getTime() + 90 * 60_000);
  const body = { title, clientName: 'Client', address: '1 rue X', startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), timeZone, technicianId };
  return (await t.http.post('/api/v1/interventions').set(auth(dispatch)).send(body).expect(201)).body as { id: string; version: number };
}

async function turnOn(token: string): Promise<string> {
  const created = (await t.http.post('/api/v1/ics-feed').set(auth(token)).expect(201)).body;
  return pathOf(created.url);
}

function parseFeed(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const zone of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const events = root.getAllSubcomponents('vevent').map((c) => ({ event: new ICAL.Event(c), status: c.getFirstPropertyValue('status') }));
  return new Map(events.map((e) => [e.event.uid, e]));
}

const uidOf = (interventionId: string) => `${interventionId}@field-service.feed`;

describe('private ICS feed', () => {
  let paris: { id: string; version: number }, kathmandu: { id: string }, cancelled: { id: string }, bobs: { id: string };
  let feed: string;

  beforeAll(async () => {
    paris = await plan(aliceId, inDays(10, 8), 'Europe/Paris', 'Boiler in Paris');
    kathmandu = await plan(aliceId, inDays(12, 4), 'Asia/Kathmandu', 'Pump in Kathmandu');
    cancelled = await plan(aliceId, inDays(14, 9), 'Europe/Paris', 'Called off');
    await t.http.post(`/api/v1/interventions/${cancelled.id}/cancel`).set(auth(dispatch)).expect(200);
    bobs = await plan(bobId, inDays(10, 8), 'Europe/Paris', "Bob's job");
    // Outside the window: a year and a half ahead, and two months back.
    await plan(aliceId, inDays(FEED_DAYS_AHEAD + 30, 8), 'Europe/Paris', 'Too far ahead');
    await plan(aliceId, inDays(-(FEED_DAYS_BACK + 30), 8), 'Europe/Paris', 'Long ago');
  });

  it('is off until turned on; the URL is in the creating answer only', async () => {
    await t.http.get('/api/v1/ics-feed').expect(401);
    expect((await t.http.get('/api/v1/ics-feed').set(auth(alice)).expect(200)).body).toEqual({ enabled: false, createdAt: null });
    feed = await turnOn(alice);
    expect(feed).toMatch(/^\/api\/v1\/ics-feed\/[A-Za-z0-9_-]{43}\.ics$/);
    const status = (await t.http.get('/api/v1/ics-feed').set(auth(alice)).expect(200)).body;
    expect(status).toEqual({ enabled: true, createdAt: expect.any(String) });
    // Only the hash is stored.
    const row = await t.prisma.icsFeed.findUniqueOrThrow({ where: { userId: aliceId } });
    expect(row.tokenHash).not.toContain(feed.split('/').pop()!.replace('.ics', ''));
  });

  it('lists exactly her interventions in the window, with their times, zones and versions', async () => {
    const response = await t.http.get(feed).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/calendar; charset=utf-8/);
    const events = parseFeed(response.text);

    const from = new Date(Date.now() - FEED_DAYS_BACK * DAY), to = new Date(Date.now() + FEED_DAYS_AHEAD * DAY);
    const hers = (await t.http.get('/api/v1/interventions').set(auth(alice)).query({ from: from.toISOString(), to: to.toISOString() }).expect(200)).body;
    expect([...events.keys()].sort()).toEqual(hers.map((i: { id: string }) => uidOf(i.id)).sort());
    expect(events.has(uidOf(bobs.id))).toBe(false);

    const p = events.get(uidOf(paris.id))!.event;
    expect(p.summary).toBe('Boiler in Paris');
    expect(p.sequence).toBe(paris.version);
    expect(p.startDate.zone.tzid).toBe('Europe/Paris');
    expect(p.startDate.toString()).toBe(wall(inDays(10, 8), 'Europe/Paris'));
    expect(p.startDate.toJSDate().toISOString()).toBe(inDays(10, 8).toISOString());
    expect(p.endDate.toJSDate().getTime() - p.startDate.toJSDate().getTime()).toBe(90 * 60_000);

    const k = events.get(uidOf(kathmandu.id))!.event;
    expect(k.startDate.zone.tzid).toBe('Asia/Kathmandu');
    expect(k.startDate.toString()).toBe(wall(inDays(12, 4), 'Asia/Kathmandu'));
    expect(k.startDate.toJSDate().toISOString()).toBe(inDays(12, 4).toISOString());

    expect(events.get(uidOf(cancelled.id))!.status).toBe('CANCELLED');
    expect(events.get(uidOf(paris.id))!.status).toBe('CONFIRMED');
  });

  it('answers 304 to its own ETag, and a new ETag once something changed', async () => {
    const first = await t.http.get(feed).expect(200);
    const etag = first.headers.etag;
    expect(etag).toMatch(/^".+"$/);
    await t.http.get(feed).set('If-None-Match', etag).expect(304);
    await t.http.get(feed).set('If-None-Match', `"other", W/${etag}`).expect(304);

    await t.http.patch(`/api/v1/interventions/${paris.id}`).set(auth(dispatch)).send({ title: 'Boiler, second visit' }).expect(200);
    const changed = await t.http.get(feed).set('If-None-Match', etag).expect(200);
    expect(changed.headers.etag).not.toBe(etag);
    const event = parseFeed(changed.text).get(uidOf(paris.id))!.event;
    expect(event.summary).toBe('Boiler, second visit');
    expect(event.sequence).toBe(paris.version + 1);
  });

  it("never shows another technician's interventions", async () => {
    const bobsFeed = await turnOn(bob);
    const events = parseFeed((await t.http.get(bobsFeed).expect(200)).text);
    expect(events.has(uidOf(bobs.id))).toBe(true);
    for (const id of [paris.id, kathmandu.id, cancelled.id]) expect(events.has(uidOf(id))).toBe(false);
  });

  it('regenerate: the old URL is 404 at once, the new one serves', async () => {
    const fresh = await turnOn(alice);
    expect(fresh).not.toBe(feed);
    await t.http.get(feed).expect(404);
    await t.http.get(fresh).expect(200);
    feed = fresh;
  });

  it('an unknown or malformed token is 404, never a 500', async () => {
    await t.http.get(`/api/v1/ics-feed/${'A'.repeat(43)}.ics`).expect(404);
    await t.http.get('/api/v1/ics-feed/short.ics').expect(404);
  });

  it('rate limits per token', async () => {
    const own = await turnOn(bob);
    for (let i = 0; i < FEED_REQUESTS_PER_HOUR; i++) await t.http.get(own).expect(200);
    const limited = await t.http.get(own).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    await t.http.get(feed).expect(200); // another token is not affected
  });

  it(`drops a cancelled intervention ${CANCELLED_SHOWN_DAYS} days after it was cancelled`, async () => {
    t.clock.advance((CANCELLED_SHOWN_DAYS + 1) * DAY);
    try {
      const events = parseFeed((await t.http.get(feed).expect(200)).text);
      expect(events.has(uidOf(cancelled.id))).toBe(false);
      expect(events.has(uidOf(paris.id))).toBe(true);
    } finally {
      t.clock.reset();
    }
  });

  it('turn off: the URL is 404 and the status says off', async () => {
    await t.http.delete('/api/v1/ics-feed').set(auth(alice)).expect(204);
    await t.http.get(feed).expect(404);
    expect((await t.http.get('/api/v1/ics-feed').set(auth(alice)).expect(200)).body).toEqual({ enabled: false, createdAt: null });
  });
});
