// `npm start` (scripts/start.mjs): Electron when its binary is there or can be fetched, otherwise
// browser mode with a one-line Vietnamese notice. The decision is tested with fakes, then for real
// on this machine, which has no Electron binary and no Internet (DESIGN §6).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  BROWSER_FALLBACK_NOTICE,
  chooseLauncher,
  findElectronBinary,
  launchCommand,
  missingBuildFiles,
} from '../../scripts/start-lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const startScript = path.join(root, 'scripts', 'start.mjs');
const tempDirs: string[] = [];

function tempDataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vanthu-start-'));
  tempDirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe('chooseLauncher', () => {
  it('falls back to browser mode with one Vietnamese line when the binary is missing and cannot be installed', async () => {
    const notify = vi.fn();
    const tryInstall = vi.fn(async () => false);
    const choice = await chooseLauncher({ electronPath: () => null, tryInstall, notify });
    expect(choice).toEqual({ kind: 'browser' });
    expect(tryInstall).toHaveBeenCalledTimes(1);
    expect(notify).toHaveBeenCalledTimes(1);
    const line = notify.mock.calls[0]?.[0] as string;
    expect(line).toBe(BROWSER_FALLBACK_NOTICE);
    expect(line).not.toContain('\n');
    expect(line).toMatch(/Electron/);
    expect(line).toMatch(/chế độ trình duyệt/);
  });

  it('chooses Electron once the install succeeds', async () => {
    let installed = false;
    const notify = vi.fn();
    const choice = await chooseLauncher({
      electronPath: () => (installed ? '/opt/electron/electron' : null),
      tryInstall: async () => {
        installed = true;
        return true;
      },
      notify,
    });
    expect(choice).toEqual({ kind: 'electron', electronPath: '/opt/electron/electron', installed: true });
    expect(notify).not.toHaveBeenCalled();
  });

  it('does not try to install when the binary is already there', async () => {
    const tryInstall = vi.fn(async () => true);
    const choice = await chooseLauncher({ electronPath: () => '/e/electron', tryInstall, notify: vi.fn() });
    expect(choice).toEqual({ kind: 'electron', electronPath: '/e/electron', installed: false });
    expect(tryInstall).not.toHaveBeenCalled();
  });

  it('falls back when the installer claims success but no binary appears, or throws', async () => {
    const notify = vi.fn();
    expect(await chooseLauncher({ electronPath: () => null, tryInstall: async () => true, notify })).toEqual({
      kind: 'browser',
    });
    expect(
      await chooseLauncher({
        electronPath: () => null,
        tryInstall: async () => {
          throw new Error('network down');
        },
        notify,
      }),
    ).toEqual({ kind: 'browser' });
    expect(notify).toHaveBeenCalledTimes(2);
  });
});

describe('helpers', () => {
  it('finds the Electron binary only when require succeeds and the file exists', () => {
    const throwing = Object.assign(
      () => {
        throw new Error('Electron failed to install correctly');
      },
      { cache: {}, resolve: () => 'electron' },
    ) as unknown as NodeJS.Require;
    expect(findElectronBinary(throwing)).toBeNull();

    const returning = Object.assign(() => '/x/electron', { cache: {}, resolve: () => 'electron' }) as unknown as NodeJS.Require;
    expect(findElectronBinary(returning, () => false)).toBeNull();
    expect(findElectronBinary(returning, () => true)).toBe('/x/electron');
  });

  it('lists the build outputs that are missing', () => {
    expect(missingBuildFiles('/p', () => true)).toEqual([]);
    const missing = missingBuildFiles('/p', (file) => !file.endsWith('index.html'));
    expect(missing).toEqual(['dist/renderer/index.html']);
  });

  it('launches `vanthu serve` in browser mode and Electron on the app folder', () => {
    expect(launchCommand({ kind: 'browser' }, '/app')).toEqual({
      command: process.execPath,
      args: [path.join('/app', 'bin', 'vanthu.mjs'), 'serve'],
    });
    expect(launchCommand({ kind: 'electron', electronPath: '/e', installed: false }, '/app')).toEqual({
      command: '/e',
      args: ['/app'],
    });
  });
});

// Whether this machine has the Electron binary decides what the real runs must show.
const binaryHere = findElectronBinary(createRequire(path.join(root, 'package.json')));

describe('node scripts/start.mjs on this machine', () => {
  it('reports its choice (dry run): browser mode with the notice, unless Electron could be installed', () => {
    const run = spawnSync(process.execPath, [startScript], {
      cwd: root,
      env: { ...process.env, VANTHU_DATA: tempDataDir(), VANTHU_START_DRY_RUN: '1' },
      encoding: 'utf8',
      timeout: 15 * 60_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n');
    const decision = JSON.parse(lines.at(-1) ?? '') as { launcher: string };
    const notices = lines.filter((line) => line === BROWSER_FALLBACK_NOTICE);
    if (binaryHere === null && decision.launcher === 'browser') {
      expect(notices).toHaveLength(1);
      // Electron's installer output (a stack trace offline) is not shown to the clerk.
      expect(run.stdout + run.stderr).not.toMatch(/RequestError|ENOTFOUND|at .*\.js:\d+/);
    } else {
      // A machine with the binary, or with Internet: Electron, and no fallback notice.
      expect(decision.launcher).toBe('electron');
      expect(notices).toHaveLength(0);
      expect(findElectronBinary(createRequire(path.join(root, 'package.json')))).not.toBeNull();
    }
  }, 15 * 60_000);

  // start.mjs builds dist/ when it is missing; a unit test must not rebuild under the other tests'
  // feet, so it runs on the build `npm ci` (prepare) or `npm run build` made.
  const missing = missingBuildFiles(root);
  if (missing.length > 0) console.log(`start-fallback: bỏ qua phép thử chạy thật vì thiếu ${missing.join(', ')} (chạy "npm run build").`);
  else if (binaryHere !== null) console.log('start-fallback: máy này có Electron, nên không thử chế độ trình duyệt dự phòng.');

  it.skipIf(binaryHere !== null || missing.length > 0)(
    'starts browser mode for real: prints the notice, then the URL with its token',
    async () => {
      const child = spawn(process.execPath, [startScript], {
        cwd: root,
        env: { ...process.env, VANTHU_DATA: tempDataDir() },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: process.platform !== 'win32', // own process group: the kill below reaches `vanthu serve` too
      });
      let stdout = '';
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      try {
        const urlLine = await new Promise<string>((resolve, reject) => {
          child.stdout.on('data', (chunk: Buffer) => {
            stdout += chunk.toString();
            const line = stdout.split('\n').find((l) => l.includes('http://127.0.0.1:') && l.includes('token='));
            if (line) resolve(line);
          });
          child.on('exit', (code) => reject(new Error(`start.mjs exited (${code}) before printing the URL.\n${stdout}\n${stderr}`)));
        });
        expect(urlLine).toMatch(/http:\/\/127\.0\.0\.1:\d+\/?\S*token=\S+/);
        const notices = stdout.split('\n').filter((line) => line === BROWSER_FALLBACK_NOTICE);
        expect(notices).toHaveLength(1);
        expect(stdout.indexOf(BROWSER_FALLBACK_NOTICE)).toBeLessThan(stdout.indexOf(urlLine));
      } finally {
        if (child.exitCode === null && child.pid !== undefined) {
          const exited = new Promise((resolve) => child.once('exit', resolve));
          try {
            if (process.platform === 'win32') child.kill();
            else process.kill(-child.pid, 'SIGTERM');
          } catch {
            // already gone
          }
          await exited;
        }
      }
    },
    300_000,
  );
});
