// `pnpm tokens:reseal` on a real database: tokens sealed under k1 are rewritten under k2
// (configured "k2,k1", as after the restart step of a rotation), open with k2 alone
// afterwards, a second run reseals nothing, a token refreshed meanwhile is never replaced by
// a stale value, and rows under a missing key are listed, untouched. The built command is
// run once as an admin would, for its summary and exit code.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppConfig } from '../src/config/app-config';
import { parseEnv } from '../src/config/env.schema';
import { TokenResealer } from '../src/integrations/oauth/token-reseal';
import { TokenVault } from '../src/integrations/oauth/token-vault';
import { IntegrationRepository } from '../src/integrations/integration.repository';
import { startTestApp, TEST_ENV, type TestApp } from './support/test-app';

const K0 = Buffer.alloc(32, 10).toString('base64');
const K1 = `k1:${Buffer.alloc(32, 11).toString('base64')}`;
const K2 = `k2:${Buffer.alloc(32, 12).toString('base64')}`;
const vaultWith = (keys: string) => new TokenVault(new AppConfig(parseEnv({ ...TEST_ENV, TOKEN_ENCRYPTION_KEY: keys })));
const underK1 = vaultWith(K1);
const rotating = vaultWith(`${K2},${K1}`);
const onlyK2 = vaultWith(K2);

let t: TestApp;
let users: Record<string, string>;

beforeAll(async () => {
  t = await startTestApp({ TOKEN_ENCRYPTION_KEY: `${K2},${K1}` });
  users = Object.fromEntries((await t.prisma.user.findMany({ select: { id: true, email: true } })).map((u) => [u.email.split('@')[0]!, u.id]));
});
afterAll(() => t?.close());

async function storeUnderK1(user: string, provider: 'google' | 'microsoft', refresh: boolean): Promise<string> {
  const data = {
    status: 'CONNECTED' as const,
    accountEmail: `${user}@example.com`,
    accessTokenEncrypted: underK1.seal(`access-${user}-${provider}`),
    refreshTokenEncrypted: refresh ? underK1.seal(`refresh-${user}-${provider}`) : null,
    accessTokenExpiresAt: new Date(Date.now() + 3600_000),
  };
  const row = await t.prisma.calendarIntegration.upsert({
    where: { userId_provider: { userId: users[user]!, provider } },
    create: { userId: users[user]!, provider, ...data },
    update: data,
    select: { id: true },
  });
  return row.id;
}

const sealedRows = () =>
  t.prisma.calendarIntegration.findMany({
    where: { accessTokenEncrypted: { not: null } },
    select: { id: true, provider: true, accessTokenEncrypted: true, refreshTokenEncrypted: true },
  });

describe('tokens:reseal', () => {
  it("reseals the organisation's service account key too, so a Google Workspace connection survives the rotation", async () => {
    const key = '{"type":"service_account","private_key":"-----BEGIN PRIVATE KEY-----k1-----END PRIVATE KEY-----"}';
    await t.prisma.organisationConnection.create({ data: { provider: 'google', status: 'CONNECTED', tenant: 'sync@p.iam.gserviceaccount.com', secretEncrypted: underK1.seal(key) } });
    try {
      const summary = await new TokenResealer(t.prisma, rotating).run();
      expect(summary.organisationConnections).toMatchObject({ resealed: 1, unreadable: [], busy: 0 });
      const row = await t.prisma.organisationConnection.findUniqueOrThrow({ where: { provider: 'google' } });
      expect(onlyK2.open(row.secretEncrypted!)).toBe(key);
      expect((await new TokenResealer(t.prisma, rotating).run()).organisationConnections).toMatchObject({ resealed: 0, current: 1 });
    } finally {
      await t.prisma.organisationConnection.delete({ where: { provider: 'google' } });
    }
  });

  it('reseals every token under the first key, so the old key can go; a second run reseals nothing', async () => {
    await storeUnderK1('alice', 'google', true);
    await storeUnderK1('alice', 'microsoft', true);
    await storeUnderK1('bob', 'google', false);
    const stateVerifier = 'pkce-verifier-under-k1';
    await t.prisma.oAuthState.create({
      data: { stateHash: 'a'.repeat(64), userId: users.bob!, provider: 'google', codeVerifierEncrypted: underK1.seal(stateVerifier), expiresAt: new Date(Date.now() + 600_000) },
    });

    const first = await new TokenResealer(t.prisma, rotating).run();
    expect(first).toMatchObject({ keyId: 'k2', integrations: { resealed: 3, current: 0, unreadable: [], busy: 0 }, oauthStates: { resealed: 1, current: 0 } });

    const rows = await sealedRows();
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      const user = row.accessTokenEncrypted && onlyK2.open(row.accessTokenEncrypted).split('-')[1];
      expect(onlyK2.open(row.accessTokenEncrypted!)).toBe(`access-${user}-${row.provider}`);
      if (row.refreshTokenEncrypted) expect(onlyK2.open(row.refreshTokenEncrypted)).toBe(`refresh-${user}-${row.provider}`);
      else expect(user).toBe('bob'); // a missing refresh token stays missing
    }
    const state = await t.prisma.oAuthState.findUniqueOrThrow({ where: { stateHash: 'a'.repeat(64) } });
    expect(onlyK2.open(state.codeVerifierEncrypted)).toBe(stateVerifier);

    const second = await new TokenResealer(t.prisma, rotating).run();
    expect(second).toMatchObject({ integrations: { resealed: 0, current: 3, unreadable: [] }, oauthStates: { resealed: 0, current: 1 } });
    await t.prisma.oAuthState.deleteMany();
  });

  it('never replaces a token refreshed after it read the row: the stale snapshot is dropped and the row re-read', async () => {
    const id = await storeUnderK1('alice', 'google', true);
    const stale = await t.prisma.calendarIntegration.findUniqueOrThrow({
      where: { id },
      select: { id: true, provider: true, accessTokenEncrypted: true, refreshTokenEncrypted: true },
    });
    // The running API refreshes the token (and seals with k2, its first key) after the reseal read the row.
    await t.app.get(IntegrationRepository).withTokensLocked(users.alice!, 'google', async () => ({ accessToken: 'fresh-access', expiresAt: new Date(Date.now() + 3600_000), scopes: [] }));

    expect(await new TokenResealer(t.prisma, rotating).resealIntegration(stale)).toBe('resealed');
    const row = await t.prisma.calendarIntegration.findUniqueOrThrow({ where: { id } });
    expect(onlyK2.open(row.accessTokenEncrypted!)).toBe('fresh-access');
    // The refresh token the API kept (still under k1) was resealed from the re-read row.
    expect(onlyK2.open(row.refreshTokenEncrypted!)).toBe('refresh-alice-google');
  });

  it('lists rows sealed under a key it does not hold, with the key id, and leaves them as they are', async () => {
    const id = await storeUnderK1('bob', 'microsoft', true);
    const lost = vaultWith(K0).seal('access-under-k0');
    await t.prisma.calendarIntegration.update({ where: { id }, data: { accessTokenEncrypted: lost } });

    const summary = await new TokenResealer(t.prisma, rotating).run();
    expect(summary.integrations.unreadable).toEqual([{ id, provider: 'microsoft', failure: 'UNKNOWN_KEY', keyId: 'k0' }]);
    expect(JSON.stringify(summary)).not.toContain('access-under-k0');
    expect((await t.prisma.calendarIntegration.findUniqueOrThrow({ where: { id } })).accessTokenEncrypted).toBe(lost);
    await t.prisma.calendarIntegration.update({ where: { id }, data: { accessTokenEncrypted: null, refreshTokenEncrypted: null } });
  });

  // The built command, as `pnpm tokens:reseal` runs it. PGlite in memory is this process's
  // alone, so this one needs the PostgreSQL server (CI sets DATABASE_URL).
  it.runIf(Boolean(process.env.DATABASE_URL))('prints a summary without token material, exit 0 once nothing is left', async () => {
    await storeUnderK1('alice', 'microsoft', true);
    const run = () =>
      spawnSync(process.execPath, [path.resolve(__dirname, '../dist/integrations/oauth/token-reseal.main.js')], {
        env: { PATH: process.env.PATH, ...t.env, TOKEN_ENCRYPTION_KEY: `${K2},${K1}`, LOG_LEVEL: 'silent' },
        encoding: 'utf8',
        timeout: 60_000,
      });
    const result = run();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Resealed with key "k2".');
    expect(result.stdout).toMatch(/Calendar integrations: resealed 1, already current \d+, unreadable 0/);
    expect(result.stdout).not.toContain('access-alice');
    expect(run().stdout).toMatch(/Calendar integrations: resealed 0, already current \d+, unreadable 0/);
  });
});
