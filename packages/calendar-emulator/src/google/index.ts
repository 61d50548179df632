// Owns the wiring of every Google route (OAuth + Calendar v3 + batch) into the HTTP origin.
// googleapis drops any rootUrl path prefix, so these live at the origin root.
import type { Express } from 'express';
import type { EmulatorContext } from '../core/context.js';

export function registerGoogle(_httpsApp: Express, _httpApp: Express, _ctx: EmulatorContext): void {
  // Routes land in the next commits.
}
