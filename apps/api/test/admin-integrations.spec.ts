// The admin overview: every person's calendar integrations with status, last sync,
// failures and last error, so an admin sees who must reconnect. Admins only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminIntegration, CalendarProviderId } from '@fs/contracts';
import { SyncWorker } from '../src/integrations/sync/sync-worker';
import { startEmulatedTestApp, type EmulatedTestApp } from './support/calendar-emulator';

const ALICE = 'alice@example.com';
const BOB = 'bob@example.com';
let t: EmulatedTestApp;
let worker: SyncWorker;

beforeAll(async () => {
  t = await startEmulatedTestApp();
  worker = t.app.get(SyncWorker);
});
afterAll(() => t?.close());

async function connectWithCalendar(email: string, provider: CalendarProviderId): Promise<void> {
  const auth = `Bearer ${await t.tokenFor(email)}`;
  await t.connect(email, provider);
  const { body: calendars } = await t.http.get(`/api/v1/integrations/${provider}/calendars`).set('Authorization', auth).expect(200);
  const calendarId = calendars.find((c: { name: string }) => c.name === 'Interventions').id as string;
  await t.http.post(`/api/v1/integrations/${provider}/settings`).set('Authorization', auth).send({ calendarId }).expect(200);
}

async function drain(): Promise<void> {
  for (let i = 0; i < 50 && (await worker.runOnce()) > 0; i++);
}

async function editOneOf(email: string): Promise<void> {
  const user = await t.prisma.user.findUniqueOrThrow({ where: { email } });
  const intervention = await t.prisma.intervention.findFirstOrThrow({ where: { technicianId: user.id, status: { not: 'CANCELLED' } } });
  const dispatch = `Bearer ${await t.tokenFor('dispatch@example.com')}`;
  await t.http.patch(`/api/v1/interventions/${intervention.id}`).set('Authorization', dispatch).send({ title: 'Edited' }).expect(200);
}

describe('GET /api/v1/admin/integrations', () => {
  it('is refused to technicians and dispatchers', async () => {
    for (const email of [ALICE, 'dispatch@example.com']) {
      const { body } = await t.http.get('/api/v1/admin/integrations').set('Authorization', `Bearer ${await t.tokenFor(email)}`).expect(403);
      expect(body.code).toBe('FORBIDDEN');
    }
    await t.http.get('/api/v1/admin/integrations').expect(401);
  });

  it("lists every technician's integrations: who synced, whose writes fail, who must reconnect", async () => {
    await connectWithCalendar(ALICE, 'google');
    await connectWithCalendar(BOB, 'microsoft');
    await drain();

    // Alice: one write refused for good. Bob: grant revoked, found on his next refresh.
    await t.emu.control.addFault({ provider: 'google', route: '*', status: 400, times: 1 });
    await editOneOf(ALICE);
    await drain();
    await t.emu.control.revokeGrant('microsoft', BOB);
    t.clock.advance(2 * 60 * 60_000); // Bob's access token has expired: the worker must refresh
    await editOneOf(BOB);
    await drain();

    const admin = `Bearer ${await t.tokenFor('admin@example.com')}`;
    const { body } = await t.http.get('/api/v1/admin/integrations').set('Authorization', admin).expect(200);
    const list = body as AdminIntegration[];
    const alice = list.find((i) => i.userEmail === ALICE && i.provider === 'google');
    const bob = list.find((i) => i.userEmail === BOB && i.provider === 'microsoft');
    expect(alice).toMatchObject({ userName: 'Alice Martin', status: 'CONNECTED', accountEmail: ALICE, failedCount: 1, lastError: 'PERMANENT' });
    expect(bob).toMatchObject({ userName: 'Bob Durand', status: 'NEEDS_RECONNECT', failedCount: 0, lastError: 'AUTH_REVOKED' });
    for (const row of [alice!, bob!]) expect(Date.parse(row.lastSyncAt!)).toBeGreaterThan(Date.now() - 10 * 60_000);
    // Never a token, whatever the row holds.
    expect(JSON.stringify(body)).not.toMatch(/token/i);
  });
});
