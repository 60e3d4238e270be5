import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp } from '../../main/app/open-app.js';
import { createBackup, restoreBackup } from '../../main/backup/backup.js';
import { openTempApp, tempDataDir } from '../support/temp-app.js';
import { reportDocx } from '../support/report-samples.js';
import { zipBytes } from '../support/intake-samples.js';

let app: ReturnType<typeof openTempApp>;
const dirs: string[] = [];
beforeEach(async () => {
  app = openTempApp();
  app.loadDemoData();
  await app.imports.importInputs([{ name: 'bc.docx', bytes: reportDocx({ number: 15, symbol: 'BC-UBND', place: 'Kiên Lương', date: [10, 11, 2021], title: 'Kết quả năm 2021', year: 2021 }) }], { receivedDate: '2021-11-12' });
});
afterEach(() => {
  app.cleanup();
  dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

function dump(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'incoming_search_%' ORDER BY name").pluck().all() as string[];
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}"`).all()]));
  } finally {
    db.close();
  }
}

function newDir(): string {
  const d = tempDataDir('khôi phục');
  dirs.push(d);
  return d;
}

describe('backup and restore', () => {
  it('round trips: the restored database content and every file are identical, and the old data is kept aside', async () => {
    const file = path.join(newDir(), 'Sao lưu.vanthu-backup');
    const summary = await createBackup(app.db, app.dataDir, file);
    expect(summary.damaged).toEqual([]);
    const target = newDir();
    // Something already there: it must be kept aside, not lost.
    openApp({ dataDir: target }).close();
    const restored = await restoreBackup(target, file);
    expect(restored.previousDataDir).toMatch(/truoc-khi-khoi-phuc_/);
    expect(fs.existsSync(path.join(restored.previousDataDir!, 'vanthu.db'))).toBe(true);
    app.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(dump(path.join(target, 'vanthu.db'))).toEqual(dump(path.join(app.dataDir, 'vanthu.db')));
    const sha = app.db.prepare('SELECT sha256 FROM incoming_files LIMIT 1').pluck().get() as string;
    const rel = path.join('files', sha.slice(0, 2), sha.slice(2, 4), sha);
    expect(fs.readFileSync(path.join(target, rel)).equals(fs.readFileSync(path.join(app.dataDir, rel)))).toBe(true);
    const reopened = openApp({ dataDir: target });
    expect(reopened.search.search('ket qua').some((h) => h.kind === 'incoming')).toBe(true);
    reopened.close();
  });

  it('refuses a damaged backup before touching anything', async () => {
    const file = path.join(newDir(), 'hỏng.vanthu-backup');
    await createBackup(app.db, app.dataDir, file);
    const bytes = fs.readFileSync(file);
    bytes[Math.floor(bytes.length / 3)]! ^= 0xff;
    fs.writeFileSync(file, bytes);
    const target = newDir();
    const before = openApp({ dataDir: target });
    before.units.create({ name: 'Đơn vị giữ nguyên' });
    before.close();
    await expect(restoreBackup(target, file)).rejects.toThrow(/không dùng được.*không bị thay đổi/);
    const after = openApp({ dataDir: target });
    expect(after.units.findByName('Đơn vị giữ nguyên')).toBeDefined();
    after.close();
    expect(fs.readdirSync(target).filter((n) => n.startsWith('.restore-') || n.startsWith('truoc-khi'))).toEqual([]);
  });

  it('refuses a zip whose entries are not ours (no path can escape the data folder)', async () => {
    const file = path.join(newDir(), 'la.vanthu-backup');
    fs.writeFileSync(file, zipBytes([{ name: '../../evil.txt', data: 'x' }, { name: 'manifest.json', data: '{}' }]));
    const target = newDir();
    await expect(restoreBackup(target, file)).rejects.toThrow(/không dùng được/);
    expect(fs.existsSync(path.join(target, '..', 'evil.txt'))).toBe(false);
    expect(fs.existsSync(path.join(target, '..', '..', 'evil.txt'))).toBe(false);
  });

  it('will not restore under a running app', async () => {
    const file = path.join(newDir(), 'b.vanthu-backup');
    await createBackup(app.db, app.dataDir, file);
    await expect(restoreBackup(app.dataDir, file)).rejects.toThrow(/đang mở/);
  });
});
