// A real CalDAV server for the browser tests: Debian's Radicale on a free port with a temp
// storage folder and plain htpasswd users, and each user's "Interventions" and "Personal"
// calendars made up front by an admin (the API's own CalDAV tests use
// apps/api/test/support/radicale.ts, with faults and read-only calendars; this is the lean
// version the browser scenarios need).
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ADMIN = 'admin:e2e-admin';
const RIGHTS = '[admin]\nuser: admin\ncollection: .*\npermissions: RrWw\n[root]\nuser: .+\ncollection:\npermissions: R\n'
  + '[principal]\nuser: .+\ncollection: {user}\npermissions: RW\n[calendars]\nuser: .+\ncollection: {user}/[^/]+\npermissions: rw\n';

export async function startRadicale(dir, port, users) {
  const bin = process.env.RADICALE_PATH ?? '/usr/bin/radicale';
  if (!existsSync(bin)) throw new Error(`Radicale not found at ${bin}: apt-get install -y radicale (or set RADICALE_PATH)`);
  writeFileSync(path.join(dir, 'users'), [...Object.entries(users).map(([u, p]) => `${u}:${p}`), ADMIN].join('\n') + '\n');
  writeFileSync(path.join(dir, 'rights'), RIGHTS);
  writeFileSync(path.join(dir, 'radicale.conf'), [
    '[server]', `hosts = 127.0.0.1:${port}`,
    '[auth]', 'type = htpasswd', `htpasswd_filename = ${path.join(dir, 'users')}`, 'htpasswd_encryption = plain', 'delay = 0',
    '[rights]', 'type = from_file', `file = ${path.join(dir, 'rights')}`,
    '[storage]', `filesystem_folder = ${path.join(dir, 'collections')}`,
  ].join('\n'));
  const child = spawn(bin, ['--config', path.join(dir, 'radicale.conf')], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`Radicale exited with code ${child.exitCode}`);
    if (await fetch(url, { method: 'OPTIONS' }).then(() => true, () => false)) break;
    if (i > 100) throw new Error('Radicale did not start');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const admin = { Authorization: `Basic ${Buffer.from(ADMIN).toString('base64')}` };
  for (const user of Object.keys(users)) {
    await fetch(`${url}/${user}/`, { method: 'MKCOL', headers: admin });
    for (const name of ['Interventions', 'Personal']) {
      const body = `<?xml version="1.0"?><C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop><D:displayname>${name}</D:displayname></D:prop></D:set></C:mkcalendar>`;
      const answer = await fetch(`${url}/${user}/${name.toLowerCase()}/`, { method: 'MKCALENDAR', headers: admin, body });
      if (answer.status !== 201) throw new Error(`MKCALENDAR ${user}/${name}: ${answer.status}`);
    }
  }
  return { url, child };
}
