import os from 'node:os';
import path from 'node:path';

/**
 * The folder that holds vanthu.db and files/. One function for every shell, so the
 * CLI, browser mode and the Electron app (app.setPath('userData', …)) agree.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  const explicit = env.VANTHU_DATA?.trim();
  if (explicit) return path.resolve(explicit);
  if (platform === 'win32') {
    const appData = env.APPDATA?.trim() || path.win32.join(home, 'AppData', 'Roaming');
    return path.win32.join(appData, 'VanThu');
  }
  return path.join(home, '.config', 'VanThu');
}
