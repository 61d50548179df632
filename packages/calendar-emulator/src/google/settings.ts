// Owns Google-only switches kept in state.ext.google (so reset restores them) and their
// control routes: invalidating every sync token (next incremental sync -> 410
// fullSyncRequired), purging tombstones (the deletion-retention horizon), random short
// pages on/off, and the refresh-token lifecycle knobs of
// provider-apis.md A1.4 (7-day expiry of "Testing" apps, a cap of live tokens per user+client).
import type { Express } from 'express';
import type { EmulatorContext } from '../core/context.js';
import { eventKey } from '../core/state.js';

interface GoogleExt {
  syncEpoch?: number;
  randomPageSizes?: boolean;
  refreshTokenTtlSeconds?: number | null;
  maxRefreshTokensPerClient?: number;
  /** Keys of purged tombstones: their ids stay taken (insert -> 409). */
  retiredKeys?: string[];
}

const ext = (ctx: EmulatorContext): GoogleExt => ctx.state.ext.google as GoogleExt;

export const syncEpoch = (ctx: EmulatorContext): number => ext(ctx).syncEpoch ?? 0;
export const randomPageSizes = (ctx: EmulatorContext): boolean => ext(ctx).randomPageSizes ?? true;
/** undefined/null = refresh tokens live until revoked (a "Production" app). */
export const refreshTokenTtlSeconds = (ctx: EmulatorContext): number | undefined => ext(ctx).refreshTokenTtlSeconds ?? undefined;
/** Google: about 100 live refresh tokens per account per client; older ones silently die. */
export const isRetired = (ctx: EmulatorContext, calendarId: string, id: string): boolean =>
  (ext(ctx).retiredKeys ?? []).includes(eventKey('google', calendarId, id));

/**
 * Tombstones "will eventually disappear" (events reference, `status`): drop them all, keep
 * their ids taken, and invalidate sync tokens, which could no longer report those deletions.
 */
function purgeTombstones(ctx: EmulatorContext): number {
  const e = ext(ctx);
  e.retiredKeys ??= [];
  let purged = 0;
  for (const [key, ev] of ctx.state.events) {
    if (ev.provider !== 'google' || !ev.deleted) continue;
    ctx.state.events.delete(key);
    e.retiredKeys.push(key);
    purged++;
  }
  e.syncEpoch = syncEpoch(ctx) + 1;
  return purged;
}

export const maxRefreshTokensPerClient = (ctx: EmulatorContext): number => ext(ctx).maxRefreshTokensPerClient ?? 100;

function settingsView(ctx: EmulatorContext) {
  return {
    randomPageSizes: randomPageSizes(ctx),
    refreshTokenTtlSeconds: refreshTokenTtlSeconds(ctx) ?? null,
    maxRefreshTokensPerClient: maxRefreshTokensPerClient(ctx),
  };
}

export function registerGoogleControl(httpApp: Express, ctx: EmulatorContext): void {
  httpApp.post('/_emulator/google/sync-tokens/invalidate', (_req, res) => {
    ext(ctx).syncEpoch = syncEpoch(ctx) + 1;
    res.json({ syncEpoch: syncEpoch(ctx) });
  });
  httpApp.post('/_emulator/google/tombstones/purge', (_req, res) => {
    res.json({ purged: purgeTombstones(ctx), syncEpoch: syncEpoch(ctx) });
  });
  httpApp.post('/_emulator/google/settings', (req, res) => {
    const b = (req.body ?? {}) as Record<string, unknown>;
    const e = ext(ctx);
    if (typeof b.randomPageSizes === 'boolean') e.randomPageSizes = b.randomPageSizes;
    if (b.refreshTokenTtlSeconds === null || (typeof b.refreshTokenTtlSeconds === 'number' && b.refreshTokenTtlSeconds > 0)) {
      e.refreshTokenTtlSeconds = b.refreshTokenTtlSeconds;
    }
    if (typeof b.maxRefreshTokensPerClient === 'number' && b.maxRefreshTokensPerClient >= 1) e.maxRefreshTokensPerClient = b.maxRefreshTokensPerClient;
    res.json(settingsView(ctx));
  });
}
