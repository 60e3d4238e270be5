import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../main/app/open-app.js';
import { DISK_MARGIN_BYTES, ensureFreeSpace, readFreeSpace } from '../../main/app/disk-space.js';
import { createBackup } from '../../main/backup/backup.js';
import { createBackupStore } from '../../main/backup/backup-store.js';
import { reportDocx } from '../support/report-samples.js';
import { tempDataDir } from '../support/temp-app.js';

/** Low disk space is found before an import or a backup writes anything, and stated with the figures. */

const MB = 1024 * 1024;
const opened: { app: App; dir: string }[] = [];
afterEach(() => {
  for (const { app, dir } of opened.splice(0)) {
    app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

function appWithFreeSpace(freeBytes: number): App {
  const dir = tempDataDir('ổ đầy');
  const app = openApp({ dataDir: dir, freeSpace: () => freeBytes });
  opened.push({ app, dir });
  return app;
}

const storedFiles = (app: App): string[] =>
  (fs.readdirSync(path.join(app.dataDir, 'files'), { recursive: true }) as string[]).filter((f) => !f.startsWith('.') && fs.statSync(path.join(app.dataDir, 'files', f)).isFile());

const report = () => reportDocx({ number: 15, symbol: 'BC-UBND', place: 'Kiên Lương', date: [10, 11, 2021], title: 'Kết quả năm 2021', year: 2021 });

describe('low disk space', () => {
  it('refuses an import the drive cannot take, saying how much is free and how much is needed, and stores nothing', async () => {
    const app = appWithFreeSpace(60 * MB);
    const bytes = report();
    const attempt = app.imports.importInputs([{ name: 'bc.docx', bytes }], { receivedDate: '2021-11-12' });
    await expect(attempt).rejects.toMatchObject({ code: 'low_disk_space' });
    await expect(attempt).rejects.toThrow(/chỉ còn trống 60 MB, cần ít nhất 100 MB để nhập các tệp này .*Chưa có gì bị thay đổi/);
    expect(app.db.prepare('SELECT count(*) FROM incoming_documents').pluck().get()).toBe(0);
    expect(storedFiles(app)).toEqual([]);
  });

  it('imports when the drive has the room', async () => {
    const app = appWithFreeSpace(DISK_MARGIN_BYTES + 10 * MB);
    const results = await app.imports.importInputs([{ name: 'bc.docx', bytes: report() }], { receivedDate: '2021-11-12' });
    expect(results).toHaveLength(1);
    expect(storedFiles(app).length).toBeGreaterThan(0);
  });

  it('refuses a backup (single file or automatic) the backup drive cannot take, leaving no partial file', async () => {
    const app = appWithFreeSpace(1000 * MB);
    await app.imports.importInputs([{ name: 'bc.docx', bytes: report() }], { receivedDate: '2021-11-12' });
    const out = path.join(app.dataDir, 'ngoai', 'b.vanthu-backup');
    await expect(createBackup(app.db, app.dataDir, out, { freeSpace: () => 5 * MB })).rejects.toThrow(/chỉ còn trống 5 MB.*để sao lưu/);
    expect(fs.readdirSync(path.dirname(out))).toEqual([]);

    const store = createBackupStore(path.join(app.dataDir, 'sao-luu'));
    await expect(store.snapshot(app.db, app.dataDir, { trigger: 'daily', freeSpace: () => 5 * MB })).rejects.toMatchObject({ code: 'low_disk_space' });
    expect(store.list()).toEqual([]);
  });

  it('reads the real free space of a drive, and of a folder not created yet from its parent', () => {
    const dir = tempDataDir('dung lượng');
    try {
      const free = readFreeSpace(dir);
      expect(free).toBeGreaterThan(0);
      expect(readFreeSpace(path.join(dir, 'chưa có', 'con'))).toBeGreaterThan(0);
      expect(() => ensureFreeSpace(dir, 0, 'thử')).not.toThrow();
      expect(() => ensureFreeSpace(dir, free * 2, 'thử')).toThrow(/cần ít nhất/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
