// Owns the read-back and lifecycle control routes: reset, state, request log, info.
import type { Router } from 'express';
import type { EmulatorContext } from '../context.js';
import { DEFAULT_CLIENTS } from '../state.js';
import { CALDAV_DEMO_PASSWORD } from '../../caldav/auth.js';

export function emulatorInfo(ctx: EmulatorContext) {
  return {
    googleBaseUrl: ctx.urls.http,
    microsoftBaseUrl: ctx.urls.https,
    microsoftBrowserBaseUrl: ctx.urls.http,
    caPem: ctx.caPem,
    /** CalDAV server URL (also on the HTTPS origin); Basic auth, demo app password below. */
    caldavBaseUrl: `${ctx.urls.http}/caldav/`,
    caldavDemoPassword: CALDAV_DEMO_PASSWORD,
    defaultClients: DEFAULT_CLIENTS,
  };
}

export function snapshotState(ctx: EmulatorContext) {
  const s = ctx.state;
  return {
    accounts: s.accounts,
    calendars: s.calendars,
    clients: s.clients,
    grants: s.grants,
    consent: s.consent,
    events: [...s.events.values()],
  };
}

export function registerReadRoutes(router: Router, ctx: EmulatorContext): void {
  router.post('/reset', (_req, res) => {
    ctx.reset();
    res.json({ ok: true });
  });
  router.get('/state', (_req, res) => {
    res.json(snapshotState(ctx));
  });
  router.get('/requests', (_req, res) => {
    res.json({ requests: ctx.log.list() });
  });
  router.delete('/requests', (_req, res) => {
    ctx.log.clear();
    res.json({ requests: [] });
  });
  router.get('/info', (_req, res) => {
    res.json(emulatorInfo(ctx));
  });
}
