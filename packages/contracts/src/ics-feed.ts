// The private ICS feed: a secret URL a technician subscribes to from any calendar app.
// The URL (it carries the token) is in a response only when it is created or regenerated;
// afterwards the API only says whether the feed is on.
import { z } from 'zod';

export const icsFeedStatusSchema = z.object({
  enabled: z.boolean(),
  /** When the current URL was made (ISO 8601), null when the feed is off. */
  createdAt: z.string().nullable(),
});
export type IcsFeedStatus = z.infer<typeof icsFeedStatusSchema>;

export const icsFeedCreatedSchema = icsFeedStatusSchema.extend({
  /** The secret subscription URL; shown once, the API keeps only a hash of its token. */
  url: z.url(),
});
export type IcsFeedCreated = z.infer<typeof icsFeedCreatedSchema>;
