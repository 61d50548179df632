// How an integration syncs (its own file: integrations.ts and calendar-changes.ts both need it).
import { z } from 'zod';

/** Per integration. push: we write, we never read back (the default). two-way: their moves and deletions come back as changes. */
export const SYNC_MODES = ['push', 'two-way'] as const;
export const syncModeSchema = z.enum(SYNC_MODES);
export type SyncMode = z.infer<typeof syncModeSchema>;
