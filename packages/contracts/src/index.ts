export * from './enums.js';
export * from './errors.js';
export * from './safe-text.js';
export * from './time-zone.js';
export * from './auth.js';
export * from './interventions.js';
export * from './integrations.js';
export * from './wall-clock.js';
