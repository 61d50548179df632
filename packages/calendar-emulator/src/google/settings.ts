// Owns Google-only switches kept in state.ext.google (so reset restores them) and their
// control routes: invalidating every sync token (next incremental sync -> 410
// fullSyncRequired) and turning random short pages off for scripts that want fixed pages.
import type { Express } from 'express';
import type { EmulatorContext } from '../../core/context.js';

interface GoogleExt {
  syncEpoch?: number;
  randomPageSizes?: boolean;
}

const ext = (ctx: EmulatorContext): GoogleExt => ctx.state.ext.google as GoogleExt;

export const syncEpoch = (ctx: EmulatorContext): number => ext(ctx).syncEpoch ?? 0;
export const randomPageSizes = (ctx: EmulatorContext): boolean => ext(ctx).randomPageSizes ?? true;

export function registerGoogleControl(httpApp: Express, ctx: EmulatorContext): void {
  httpApp.post('/_emulator/google/sync-tokens/invalidate', (_req, res) => {
    ext(ctx).syncEpoch = syncEpoch(ctx) + 1;
    res.json({ syncEpoch: syncEpoch(ctx) });
  });
  httpApp.post('/_emulator/google/settings', (req, res) => {
    const b = (req.body ?? {}) as { randomPageSizes?: unknown };
    if (typeof b.randomPageSizes === 'boolean') ext(ctx).randomPageSizes = b.randomPageSizes;
    res.json({ randomPageSizes: randomPageSizes(ctx) });
  });
}
