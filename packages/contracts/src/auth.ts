// Login and the current user.
import { z } from 'zod';
import { roleSchema } from './enums.js';
import { safeString } from './safe-text.js';

export const loginRequestSchema = z.strictObject({
  email: z.email().transform((v) => v.toLowerCase()),
  password: safeString().min(1).max(1024),
});
export type LoginRequest = z.input<typeof loginRequestSchema>;

export const loginResponseSchema = z.object({ accessToken: z.string() });
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  timeZone: z.string(),
});
export type User = z.infer<typeof userSchema>;
