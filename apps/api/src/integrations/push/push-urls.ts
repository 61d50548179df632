// Where providers send push notifications: PUBLIC_API_URL plus the routes of
// push-notifications.controller.ts. Undefined when PUBLIC_API_URL is unset (no push).
import type { Env } from '../../config/env.schema';

export const NOTIFICATION_ROUTES = {
  google: '/api/v1/notifications/google',
  microsoft: '/api/v1/notifications/microsoft',
  microsoftLifecycle: '/api/v1/notifications/microsoft/lifecycle',
} as const;

export type PushUrls = Record<keyof typeof NOTIFICATION_ROUTES, string>;

export function pushUrls(env: Pick<Env, 'PUBLIC_API_URL'>): PushUrls | undefined {
  if (!env.PUBLIC_API_URL) return undefined;
  const base = env.PUBLIC_API_URL.replace(/\/+$/, '');
  return {
    google: `${base}${NOTIFICATION_ROUTES.google}`,
    microsoft: `${base}${NOTIFICATION_ROUTES.microsoft}`,
    microsoftLifecycle: `${base}${NOTIFICATION_ROUTES.microsoftLifecycle}`,
  };
}
