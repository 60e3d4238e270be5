import { defineConfig } from '@playwright/test';
import type { ShellOptions } from './tests/e2e/fixtures.js';

/**
 * End-to-end tests. Playwright cannot download its browsers here (DESIGN §6): the browser
 * project drives Debian's Chromium against browser mode. The electron project runs the same
 * specs in the real Electron app and skips, with a notice, where no Electron binary exists.
 */
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig<ShellOptions>({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1366, height: 768 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    browserName: 'chromium',
    // Debian's Chromium for every project: the electron project's specs request a page too.
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
  },
  projects: [
    {
      name: 'browser',
      testIgnore: /electron\.spec\.ts/,
      use: { shell: 'browser' },
    },
    {
      name: 'electron',
      use: { shell: 'electron' },
    },
  ],
});
