// Browser tests: starts the calendar emulator, a Radicale CalDAV server, the API (fresh embedded database, seeded,
// pointed at the emulator) and the built PWA, runs each scenario in a fresh Chromium profile,
// stops everything. Exit code 1 on any failure. Screenshots go to /tmp/pwa-shots
// (PWA_SHOTS_DIR). E2E_VERBOSE=1 streams server logs.
import { SHOTS_DIR } from './browser.mjs';
import { startStack } from './servers.mjs';
import * as technician from './scenarios/technician.mjs';
import * as createCancel from './scenarios/create-cancel.mjs';
import * as language from './scenarios/language.mjs';
import * as dispatcher from './scenarios/dispatcher.mjs';
import * as settings from './scenarios/settings.mjs';
import * as installable from './scenarios/installable.mjs';
import * as keyboard from './scenarios/keyboard.mjs';
import * as integrationsGoogle from './scenarios/integrations-google.mjs';
import * as integrationsMicrosoft from './scenarios/integrations-microsoft.mjs';
import * as loginThrottle from './scenarios/login-throttle.mjs';
import * as caldavIcsFeed from './scenarios/caldav-ics-feed.mjs';

// E2E_ONLY=<text> runs only the scenarios whose name contains it (while working on one).
const scenarios = [
  technician,
  createCancel,
  language,
  dispatcher,
  settings,
  installable,
  keyboard,
  integrationsGoogle,
  integrationsMicrosoft,
  loginThrottle,
  caldavIcsFeed,
].filter(
  (scenario) => !process.env.E2E_ONLY || scenario.name.includes(process.env.E2E_ONLY),
);

const started = Date.now();
const stack = await startStack();
console.log(`e2e: API ${stack.apiUrl}, PWA ${stack.pwaUrl} (ready in ${Date.now() - started} ms)`);
// Interrupted (Ctrl+C, CI timeout): still stop the API and the preview server.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => void stack.stop().finally(() => process.exit(130)));
}
let failures = 0;
try {
  for (const scenario of scenarios) {
    const t0 = Date.now();
    try {
      await scenario.run(stack);
      console.log(`  ✓ ${scenario.name} (${Date.now() - t0} ms)`);
    } catch (error) {
      failures += 1;
      console.error(`  ✗ ${scenario.name}\n${error.stack ?? error}`);
    }
  }
} finally {
  if (failures > 0 && !process.env.E2E_VERBOSE) console.error(`--- server output ---\n${stack.logs().slice(-4000)}`);
  await stack.stop();
}
console.log(`e2e: ${scenarios.length - failures}/${scenarios.length} scenarios passed; screenshots in ${SHOTS_DIR}`);
process.exit(failures > 0 ? 1 : 0);
