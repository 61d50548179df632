// Demo: creates one event a second in alice's primary Google calendar through googleapis,
// so a person watching the viewer page (http://127.0.0.1:4545/) sees them appear.
// Run: pnpm --filter @fs/calendar-emulator demo   (with the emulator started)
import { google } from 'googleapis';
const base = process.env.CALENDAR_EMULATOR_URL ?? 'http://127.0.0.1:4545';
const info = await (await fetch(`${base}/_emulator/info`)).json();
const { clientId, clientSecret } = info.defaultClients.google;
const auth = new google.auth.OAuth2({ clientId, clientSecret, redirectUri: 'http://localhost:3000/cb',
  endpoints: { oauth2AuthBaseUrl: `${base}/o/oauth2/v2/auth`, oauth2TokenUrl: `${base}/token` } });
const url = auth.generateAuthUrl({ access_type: 'offline', scope: ['https://www.googleapis.com/auth/calendar'], login_hint: 'alice@example.com' });
const code = new URL((await fetch(url, { redirect: 'manual' })).headers.get('location')).searchParams.get('code');
auth.setCredentials((await auth.getToken(code)).tokens);
const calendar = google.calendar({ version: 'v3', auth, rootUrl: `${base}/` });
const count = Number(process.env.DEMO_COUNT ?? 10);
const intervalMs = Number(process.env.DEMO_INTERVAL_MS ?? 1000);
for (let i = 1; i <= count; i++) {
  const start = new Date(Date.now() + i * 3600_000);
  await calendar.events.insert({ calendarId: 'primary', requestBody: { summary: `Intervention #${i}`,
    start: { dateTime: start.toISOString() }, end: { dateTime: new Date(start.getTime() + 3600_000).toISOString() } } });
  console.log(`created Intervention #${i}`);
  await new Promise((r) => setTimeout(r, intervalMs));
}
