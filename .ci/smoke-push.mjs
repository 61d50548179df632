// Run by smoke-start.sh against a running `pnpm start` with the emulator: checks that the
// emulator's change notifications reach the API (start sets PUBLIC_API_URL to the local API).
// Alice connects Google in two-way mode: her push channel must go live; then a personal event
// added in her calendar must reach dispatch's busy view within seconds, where the poll alone
// would take AVAILABILITY_REFRESH_MINUTES (5).
import assert from 'node:assert/strict';

const API = 'http://127.0.0.1:3000/api/v1';
const EMULATOR = 'http://127.0.0.1:4545/_emulator';

async function call(url, { token, method = 'GET', body } = {}) {
  const response = await fetch(url, {
    method,
    redirect: 'manual',
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = response.headers.get('content-type')?.includes('json');
  return { status: response.status, location: response.headers.get('location'), body: json ? await response.json() : await response.text() };
}

async function login(email) {
  const { status, body } = await call(`${API}/auth/login`, { method: 'POST', body: { email, password: 'demo1234' } });
  assert.equal(status, 200, `${email} logs in`);
  return body.accessToken;
}

async function eventually(what, check, timeoutMs = 20_000) {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`smoke: ${what} did not happen within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const alice = await login('alice@example.com');
const dispatch = await login('dispatch@example.com');
await call(`${EMULATOR}/consent`, { method: 'POST', body: { mode: 'auto', provider: 'google' } });
const { body: auth } = await call(`${API}/integrations/google/auth`, { token: alice });
const consent = await call(auth.url);
assert.ok(consent.location, `the emulator's consent answered ${consent.status} without a redirect`);
const callback = new URL(consent.location);
const back = await call(new URL(callback.pathname + callback.search, API).href);
assert.match(back.location ?? '', /result=connected/, 'the callback connects Google');
const { body: calendars } = await call(`${API}/integrations/google/calendars`, { token: alice });
const target = calendars.find((calendar) => calendar.name === 'Interventions');
const saved = await call(`${API}/integrations/google/settings`, { token: alice, method: 'POST', body: { calendarId: target.id, syncMode: 'two-way' } });
assert.equal(saved.status, 200, 'calendar and two-way saved');

const google = async () => (await call(`${API}/integrations`, { token: alice })).body.find((i) => i.provider === 'google');
await eventually('the two-way push channel going live', async () => (await google()).health.pushChannel?.state === 'active');

const { body: technicians } = await call(`${API}/technicians`, { token: dispatch });
const aliceId = technicians.find((t) => t.email === 'alice@example.com').id;
const start = new Date(Date.now() + 26 * 3_600_000);
start.setUTCMinutes(0, 0, 0);
const end = new Date(start.getTime() + 3_600_000);
const busy = async () => (await call(`${API}/technicians/${aliceId}/busy?from=${start.toISOString()}&to=${end.toISOString()}`, { token: dispatch })).body;
// The read the connect triggered must be done first, or it could be the one that sees the event.
await eventually('the first availability read', async () => (await google()).availabilityRefreshedAt !== null);
const primary = calendars.find((calendar) => calendar.primary);
await call(`${EMULATOR}/google/owner/events`, {
  method: 'POST',
  body: { calendarId: primary.id, event: { summary: 'Smoke test', start: { dateTime: start.toISOString() }, end: { dateTime: end.toISOString() } } },
});
const took = await eventually('the personal event reaching dispatch', async () => (await busy()).length === 1);
console.log(`smoke: push reaches the API (two-way channel live; a personal event visible to dispatch after ${took} ms)`);
