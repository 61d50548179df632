// What a person does with the emulator alone: start the CLI, open the page, run the demo
// script, and see its events on the page.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('../..', import.meta.url));
let cli: ChildProcess | undefined;
afterAll(() => cli?.kill('SIGTERM'));

function startCli(): Promise<string> {
  cli = spawn(process.execPath, ['dist/cli.js', '--port', '0', '--https-port', '0'], { cwd: packageDir });
  return new Promise((resolve, reject) => {
    let out = '';
    cli!.stdout!.on('data', (chunk) => {
      out += chunk;
      const url = /viewer \+ control API \+ Google:\s+(http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolve(url);
    });
    cli!.on('exit', (code) => reject(new Error(`CLI exited with ${code}: ${out}`)));
  });
}

describe('standalone emulator', () => {
  it('the CLI serves the page, and events the demo script creates appear on it', async () => {
    const url = await startCli();
    const before = await (await fetch(`${url}/`)).text();
    expect(before).not.toContain('Intervention #1');
    const demo = spawnSync(process.execPath, ['scripts/watch-demo.mjs'], {
      cwd: packageDir,
      env: { ...process.env, CALENDAR_EMULATOR_URL: url, DEMO_COUNT: '3', DEMO_INTERVAL_MS: '0' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(demo.status, demo.stderr).toBe(0);
    const after = await (await fetch(`${url}/`)).text();
    for (const n of [1, 2, 3]) expect(after).toContain(`Intervention #${n}`);
  });
});
