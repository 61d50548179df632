// Tokens sealed under a key the API no longer holds: the integration shows a clear error
// state (NEEDS_RECONNECT, TOKEN_UNREADABLE), the caller gets the revoked-grant 409 the PWA
// turns into "Reconnect" (never a 500), and the admin reads which key is missing. Real app
// and database: a first API connects Google under k1, a second one boots on the same
// database with k2 only, as after a key removed too early.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Logger } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TokenVault } from '../src/integrations/oauth/token-vault';
import { startEmulatedTestApp, type EmulatedTestApp } from './support/calendar-emulator';
import { startTestApp, type TestApp } from './support/test-app';

const ALICE = 'alice@example.com';
const K1 = `k1:${Buffer.alloc(32, 11).toString('base64')}`;
const K2 = `k2:${Buffer.alloc(32, 12).toString('base64')}`;
// PGlite lives in one process: the "restarted" API needs the first one's database on disk.
const embeddedDir = process.env.DATABASE_URL ? undefined : mkdtempSync(path.join(tmpdir(), 'fs-token-keys-'));
const warnings = vi.spyOn(Logger.prototype, 'warn');

let first: EmulatedTestApp;
let second: TestApp;
let alice: string;
let integrationId: string;
let plaintextTokens: string[];

beforeAll(async () => {
  first = await startEmulatedTestApp({ TOKEN_ENCRYPTION_KEY: K1, ...(embeddedDir ? { EMBEDDED_DB_DIR: embeddedDir } : {}) });
  expect((await first.connect(ALICE)).searchParams.get('result')).toBe('connected');
  const row = await first.prisma.calendarIntegration.findFirstOrThrow({ where: { user: { email: ALICE }, provider: 'google' } });
  integrationId = row.id;
  const vault = first.app.get(TokenVault);
  plaintextTokens = [vault.open(row.accessTokenEncrypted!), vault.open(row.refreshTokenEncrypted!)];
  // On PostgreSQL both APIs share the server (closing the first would drop the database).
  if (embeddedDir) await first.app.close();
  second = await startTestApp({ ...first.env, TOKEN_ENCRYPTION_KEY: K2 });
  alice = `Bearer ${await second.tokenFor(ALICE)}`;
  warnings.mockClear();
});
afterAll(async () => {
  await second?.close();
  await first?.close();
  if (embeddedDir) rmSync(embeddedDir, { recursive: true, force: true });
});

describe('tokens sealed under a key that is no longer configured', () => {
  it('answers the reconnect 409 (not a 500), marks the integration TOKEN_UNREADABLE and tells the admin which key is missing', async () => {
    const response = await second.http.get('/api/v1/integrations/google/calendars').set('Authorization', alice);
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ statusCode: 409, code: 'INTEGRATION_NEEDS_RECONNECT' });

    const list = await second.http.get('/api/v1/integrations').set('Authorization', alice).expect(200);
    expect(list.body.find((i: { provider: string }) => i.provider === 'google')).toMatchObject({
      status: 'NEEDS_RECONNECT',
      lastError: 'TOKEN_UNREADABLE',
      accountEmail: ALICE,
    });

    const lines = warnings.mock.calls.map((call) => String(call[0]));
    const adminLine = lines.filter((line) => line.includes(integrationId));
    expect(adminLine).toHaveLength(1);
    expect(adminLine[0]).toContain('key "k1"');
    expect(adminLine[0]).toContain('TOKEN_ENCRYPTION_KEY');
    const everything = [JSON.stringify(response.body), JSON.stringify(list.body), ...warnings.mock.calls.map((call) => JSON.stringify(call))].join('\n');
    for (const token of plaintextTokens) expect(everything).not.toContain(token);
  });

  it('answers the same 409 on the next call, without a provider call or another admin line', async () => {
    warnings.mockClear();
    const response = await second.http.get('/api/v1/integrations/google/calendars').set('Authorization', alice).expect(409);
    expect(response.body.code).toBe('INTEGRATION_NEEDS_RECONNECT');
    expect(warnings.mock.calls.filter((call) => String(call[0]).includes(integrationId))).toEqual([]);
  });

  it('still lets the person disconnect: tokens that cannot be read are forgotten', async () => {
    await second.http.delete('/api/v1/integrations/google?removeEvents=false').set('Authorization', alice).expect(204);
    const row = await second.prisma.calendarIntegration.findUniqueOrThrow({ where: { id: integrationId } });
    expect(row).toMatchObject({ status: 'NOT_CONNECTED', accessTokenEncrypted: null, refreshTokenEncrypted: null, lastError: null });
  });
});
