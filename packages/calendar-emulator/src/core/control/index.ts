// Owns the assembly of the control API mounted at /_emulator on the HTTP origin.
import express from 'express';
import type { Router } from 'express';
import type { EmulatorContext } from '../context.js';
import { registerAccountRoutes } from './accounts.js';
import { registerAuthRoutes } from './auth.js';
import { registerFaultRoutes } from './faults.js';
import { registerReadRoutes } from './read.js';

export function controlRouter(ctx: EmulatorContext): Router {
  const router = express.Router();
  registerReadRoutes(router, ctx);
  registerAccountRoutes(router, ctx);
  registerAuthRoutes(router, ctx);
  registerFaultRoutes(router, ctx);
  return router;
}
