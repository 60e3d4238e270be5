// The decisions behind `npm start` (scripts/start.mjs), kept apart so tests can drive them with
// fakes: is dist/ built, is the Electron binary there, can it be fetched, and what to launch.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The one line printed when Electron cannot be had and browser mode starts instead. */
export const BROWSER_FALLBACK_NOTICE =
  'Không tải được bộ chạy Electron (cần kết nối Internet), VănThư chuyển sang chế độ trình duyệt.';

/** Files `npm start` needs; any missing means `node scripts/build.mjs` runs first. */
export const REQUIRED_BUILD_FILES = [
  'dist/electron/main.cjs',
  'dist/electron/preload.cjs',
  'dist/electron/core-process.cjs',
  'dist/renderer/index.html',
  'dist/cli/vanthu.mjs',
];

export function missingBuildFiles(root, exists = existsSync) {
  return REQUIRED_BUILD_FILES.filter((file) => !exists(path.join(root, file)));
}

/**
 * The Electron executable, or null. `require('electron')` returns its path once the binary is
 * installed and throws while it is not; the path is checked too, in case dist/ was deleted.
 */
export function findElectronBinary(require, exists = existsSync) {
  try {
    // Forget an earlier answer: the binary may have been installed since.
    delete require.cache[require.resolve('electron')];
    const binary = require('electron');
    return typeof binary === 'string' && exists(binary) ? binary : null;
  } catch {
    return null;
  }
}

/**
 * Runs Electron's own install.js (the download npm skipped because of `allowScripts`).
 * Resolves true when it exits 0. Its output is kept quiet (a failure is summed up in one line by
 * the caller); a long download announces itself after a few seconds so nobody thinks it hung.
 */
export function installElectronBinary({
  root,
  env = process.env,
  timeoutMs = 15 * 60_000,
  announceAfterMs = 3000,
  announce = (line) => console.log(line),
}) {
  const script = path.join(root, 'node_modules', 'electron', 'install.js');
  if (!existsSync(script)) return Promise.resolve(false);
  const childEnv = { ...env };
  delete childEnv.ELECTRON_SKIP_BINARY_DOWNLOAD; // set in CI and by allowScripts setups; we do want it now
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script], {
      cwd: path.dirname(script),
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk) => {
      output = (output + chunk.toString()).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const announceTimer = setTimeout(
      () => announce('Đang tải bộ chạy Electron (khoảng 100 MB), xin chờ…'),
      announceAfterMs,
    );
    const killTimer = setTimeout(() => child.kill(), timeoutMs);
    const done = (ok) => {
      clearTimeout(announceTimer);
      clearTimeout(killTimer);
      if (!ok && env.VANTHU_DEBUG) console.error(output);
      resolve(ok);
    };
    child.on('error', () => done(false));
    child.on('exit', (code) => done(code === 0));
  });
}

/**
 * What `npm start` launches: Electron when its binary is there or can be installed, else browser
 * mode, announced by exactly one line through `notify`.
 *
 * @param {{ electronPath: () => string | null, tryInstall: () => Promise<boolean>, notify?: (line: string) => void }} deps
 * @returns {Promise<{ kind: 'electron', electronPath: string, installed: boolean } | { kind: 'browser' }>}
 */
export async function chooseLauncher({ electronPath, tryInstall, notify = (line) => console.log(line) }) {
  const present = electronPath();
  if (present) return { kind: 'electron', electronPath: present, installed: false };
  let installed;
  try {
    installed = await tryInstall();
  } catch {
    installed = false;
  }
  if (installed) {
    const fetched = electronPath();
    if (fetched) return { kind: 'electron', electronPath: fetched, installed: true };
  }
  notify(BROWSER_FALLBACK_NOTICE);
  return { kind: 'browser' };
}

/** The command line for each choice, relative to the project root. */
export function launchCommand(choice, root) {
  if (choice.kind === 'electron') return { command: choice.electronPath, args: [root] };
  return { command: process.execPath, args: [path.join(root, 'bin', 'vanthu.mjs'), 'serve'] };
}
