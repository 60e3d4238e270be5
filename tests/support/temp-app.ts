import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp, type App } from '../../main/app/open-app.js';

/** A data folder under the system temp dir, with Vietnamese letters and spaces in its path on purpose. */
export function tempDataDir(label = 'Nguyễn Văn A'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `${label} `));
}

export function openTempApp(): App & { cleanup(): void } {
  const dir = tempDataDir();
  const app = openApp({ dataDir: dir });
  return Object.assign(app, {
    cleanup() {
      app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  });
}
