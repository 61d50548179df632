// Placeholder owned by the Microsoft helper (EMU-MICROSOFT), who replaces this file with the
// identity platform v2 + Graph routes. See src/core/context.ts for the contract.
import type { Express } from 'express';
import type { EmulatorContext } from '../core/context.js';

export function registerMicrosoft(_httpsApp: Express, _httpApp: Express, _ctx: EmulatorContext): void {
  // Intentionally empty until the Microsoft routes land.
}
