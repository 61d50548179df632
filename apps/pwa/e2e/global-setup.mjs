// Starts the stack once for the whole run (see servers.mjs) and hands its addresses to the
// test workers through the environment; the returned function stops it.
import { startStack } from './servers.mjs';

export default async function globalSetup() {
  const started = Date.now();
  const stack = await startStack();
  console.log(`e2e: API ${stack.apiUrl}, PWA ${stack.pwaUrl} (ready in ${Date.now() - started} ms)`);
  process.env.E2E_PWA_URL = stack.pwaUrl;
  process.env.E2E_API_URL = stack.apiUrl;
  process.env.E2E_EMULATOR_URL = stack.emulatorUrl;
  process.env.E2E_CALDAV_URL = stack.caldavUrl;
  return async () => {
    if (process.env.E2E_VERBOSE) console.log(stack.logs().slice(-4000));
    await stack.stop();
  };
}
