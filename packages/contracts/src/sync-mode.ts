// Per integration. push: we write, we never read back (the default). two-way: their moves
// and deletions come back as calendar changes. Re-exported by calendar-changes.ts.
import { z } from 'zod';

export const SYNC_MODES = ['push', 'two-way'] as const;
export const syncModeSchema = z.enum(SYNC_MODES);
export type SyncMode = z.infer<typeof syncModeSchema>;
