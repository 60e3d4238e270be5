// The real Electron app (Playwright's `_electron`): one window titled VănThư on the overview screen,
// the preload bridge and nothing of Node in the page, calls reaching the core's utility process,
// navigation and pop-ups refused, a crashed core replaced, a second start handing over to the
// first. Skips with a notice where the Electron binary is absent (this build machine: DESIGN §6).
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { ApiResponse, Method } from '../../shared/api.js';
import type { VanThuBridge } from '../../shared/bridge.js';
import { vanthu } from './fixtures.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const mainScript = path.join(root, 'dist', 'electron', 'main.cjs');

function electronBinary(): string | null {
  try {
    const binary = createRequire(import.meta.url)('electron') as unknown;
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null; // the electron package throws when its binary was never downloaded
  }
}

const binary = electronBinary();
if (binary === null) {
  console.log('[electron] Bỏ qua electron.spec.ts: máy này không có bộ chạy Electron (xem DESIGN §6).');
}

// Chromium refuses to run as root with its sandbox (containers, CI); a clerk never runs as root.
const sandboxArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];

/** The bridge as the page sees it (typed here so the spec does not depend on renderer globals). */
type PageWindow = Window & { vanthu?: VanThuBridge };

/** The window opens on "Tổng quan"; the unit registry is one click away. */
async function openUnits(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Đơn vị nhận', exact: true }).click();
}

function demoDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'VănThư electron '));
  const init = vanthu(dir, 'init', '--demo');
  expect(init.status, init.stderr).toBe(0);
  return dir;
}

async function launch(dataDir: string): Promise<ElectronApplication> {
  expect(fs.existsSync(mainScript), 'Hãy chạy "npm run build" trước.').toBe(true);
  return _electron.launch({
    executablePath: binary!,
    args: [...sandboxArgs, mainScript],
    env: { ...process.env, VANTHU_DATA: dataDir },
  });
}

test.describe('Electron app', () => {
  test.skip(binary === null, 'Không có Electron trên máy này.');

  let dataDir: string;
  let app: ElectronApplication;

  test.beforeEach(async () => {
    dataDir = demoDataDir();
    app = await launch(dataDir);
  });

  test.afterEach(async () => {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('opens one VănThư window on the overview screen', async () => {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { name: 'Tổng quan' })).toBeVisible();
    expect(page.url()).toMatch(/^app:\/\/vanthu\//);
    const windows = await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows().map((w) => ({ title: w.getTitle(), minimum: w.getMinimumSize() })),
    );
    expect(windows).toEqual([{ title: 'VănThư', minimum: [1024, 680] }]);
  });

  test('gives the page the bridge and nothing of Node; calls reach the core', async () => {
    const page = await app.firstWindow();
    await openUnits(page);
    await expect(page.getByRole('heading', { name: 'Đơn vị nhận' })).toBeVisible();
    const probe = await page.evaluate(() => {
      const w = window as PageWindow;
      return {
        shell: w.vanthu?.shell,
        keys: Object.keys(w.vanthu ?? {}).sort(),
        require: 'require' in window,
        process: 'process' in window,
      };
    });
    expect(probe).toEqual({ shell: 'electron', keys: ['getPathForFile', 'invoke', 'shell'], require: false, process: false });

    const info = await page.evaluate(() => (window as PageWindow).vanthu!.invoke('app.info', {}));
    expect(info).toMatchObject({ ok: true, result: { shell: 'electron', dataDir: path.resolve(dataDir), firstRun: false } });
    const unknown = await page.evaluate(() => (window as PageWindow).vanthu!.invoke('fs.readFile', {}));
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  test('refuses foreign navigation and pop-ups', async () => {
    const page = await app.firstWindow();
    await openUnits(page);
    await expect(page.getByRole('heading', { name: 'Đơn vị nhận' })).toBeVisible();
    const opened = await page.evaluate(() => window.open('https://example.com/') === null);
    expect(opened).toBe(true);
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/vanthu\//);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  test('replaces a crashed core and keeps answering', async () => {
    const page = await app.firstWindow();
    await openUnits(page);
    await expect(page.getByRole('heading', { name: 'Đơn vị nhận' })).toBeVisible();
    const corePid = await app.evaluate(({ app: electronApp }) =>
      electronApp.getAppMetrics().find((metric) => metric.type === 'Utility' && metric.serviceName === 'VănThư core')?.pid,
    );
    expect(corePid).toBeDefined();
    process.kill(corePid!, 'SIGKILL');
    // The call in flight (if any) gets core_crashed; the next ones are served by the new core.
    await expect
      .poll(async () => {
        const answer: ApiResponse<Method> = await page.evaluate(() => (window as PageWindow).vanthu!.invoke('app.info', {}));
        return answer.ok;
      })
      .toBe(true);
  });

  test('a second start on the same data hands over to the first window and exits', async () => {
    await app.firstWindow();
    const second = spawn(binary!, [...sandboxArgs, mainScript], {
      env: { ...process.env, VANTHU_DATA: dataDir },
      stdio: 'ignore',
    });
    const code = await new Promise<number | null>((resolve) => second.once('exit', resolve));
    expect(code).toBe(0);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });
});
