import { test as base, expect, _electron, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * One fixture for both shells: `appPage` is the VănThư window, whether it is Debian's
 * Chromium on browser mode or the Electron app, over a fresh data folder with the demo data.
 */

export interface ShellOptions {
  shell: 'browser' | 'electron';
}

const root = path.resolve(import.meta.dirname, '..', '..');
const cliPath = path.join(root, 'bin', 'vanthu.mjs');

/** Runs the real `vanthu` command against a data folder. */
export function vanthu(dataDir: string, ...args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cliPath, '--data', dataDir, ...args], { encoding: 'utf8' });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function electronBinary(): string | null {
  try {
    const p = createRequire(import.meta.url)('electron') as unknown;
    return typeof p === 'string' && fs.existsSync(p) ? p : null;
  } catch {
    return null; // the electron package throws when its binary was never downloaded
  }
}

async function startBrowserMode(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [cliPath, '--data', dataDir, 'serve', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`vanthu serve did not start: ${err}`)), 20_000);
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) {
        clearTimeout(timer);
        resolve((JSON.parse(line) as { url: string }).url);
      }
    });
    child.once('exit', (code) => reject(new Error(`vanthu serve exited with ${code}: ${err}`)));
  });
  return { url, child };
}

export const test = base.extend<ShellOptions & { dataDir: string; appPage: Page }>({
  shell: ['browser', { option: true }],

  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring pattern
  dataDir: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'VănThư e2e '));
    const init = vanthu(dir, 'init', '--demo');
    expect(init.status, init.stderr).toBe(0);
    await use(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  },

  appPage: async ({ shell, dataDir, page }, use, testInfo) => {
    if (shell === 'electron') {
      const binary = electronBinary();
      if (!binary) {
        console.log(`[electron] Bỏ qua "${testInfo.title}": máy này không có Electron (xem DESIGN §6); các bước đã chạy ở dự án browser.`);
        testInfo.skip(true, 'Không có Electron trên máy này.');
        return;
      }
      const app = await _electron.launch({
        executablePath: binary,
        args: [path.join(root, 'dist', 'electron', 'main.cjs')],
        env: { ...process.env, VANTHU_DATA: dataDir },
      });
      const window = await app.firstWindow();
      await use(window);
      await app.close();
      return;
    }
    const { url, child } = await startBrowserMode(dataDir);
    await page.goto(url);
    await use(page);
    // Wait for it to close the database (after its quick backup at exit) before the folder is removed.
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  },
});

/**
 * "Today" is `date` for the tests of the calling file: the app takes it from VANTHU_TODAY, which
 * `vanthu serve` (started by the fixture) and the CLI inherit. Set in hooks, not at the top of the
 * file: the runner loads every spec before it starts its workers, and a variable set while
 * loading would reach the other specs' servers too.
 */
export function todayIs(date: string): void {
  let previous: string | undefined;
  test.beforeAll(() => {
    previous = process.env.VANTHU_TODAY;
    process.env.VANTHU_TODAY = date;
  });
  test.afterAll(() => {
    if (previous === undefined) delete process.env.VANTHU_TODAY;
    else process.env.VANTHU_TODAY = previous;
  });
}

export { expect };
