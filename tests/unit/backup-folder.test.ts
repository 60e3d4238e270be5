import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, openCore, type Core } from '../../main/api/core.js';
import { createBackupStore } from '../../main/backup/backup-store.js';
import { startServer } from '../../main/server/server.js';
import type { ApiOutput, Method } from '../../shared/api.js';
import { openTempApp, tempDataDir } from '../support/temp-app.js';
import { reportDocx } from '../support/report-samples.js';

/**
 * The backup folder: automatic backups that share files by hash and rotate, "Sao lưu ngay" files,
 * restore through the API (verified first, undoable), the folder setting, and failures stated.
 */

let app: ReturnType<typeof openTempApp>;
let core: Core;
const dirs: string[] = [];

async function importReport(number: number): Promise<void> {
  const bytes = reportDocx({ number, symbol: 'BC-UBND', place: 'Kiên Lương', date: [10, 11, 2021], title: `Kết quả năm 2021 số ${number}`, year: 2021 });
  await app.imports.importInputs([{ name: `bc-${number}.docx`, bytes }], { receivedDate: '2021-11-12' });
}

beforeEach(async () => {
  app = openTempApp();
  app.loadDemoData();
  await importReport(15);
  core = createCore(app, 'browser');
});
afterEach(() => {
  core.close();
  app.cleanup();
  dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

function newDir(label = 'sao lưu'): string {
  const d = tempDataDir(label);
  dirs.push(d);
  return d;
}

async function ok<M extends Method>(method: M, input: unknown = {}): Promise<ApiOutput<M>> {
  const response = await core.call(method, input);
  if (!response.ok) throw new Error(`${method}: ${response.error.code} ${response.error.message}`);
  return response.result as ApiOutput<M>;
}

async function refused(method: Method, input: unknown): Promise<{ code: string; message: string }> {
  const response = await core.call(method, input);
  if (response.ok) throw new Error(`${method} was accepted`);
  return response.error;
}

/** Every file under `dir`, relative, sorted. */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
}

/** Every table's rows; the audit log up to a given id (a restore adds its own entry after). */
function dump(file: string, auditUpTo = Number.MAX_SAFE_INTEGER): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    return Object.fromEntries(
      tables.map((t) => {
        const rows = db.prepare(`SELECT * FROM "${t}"${t === 'audit_log' ? ` WHERE id <= ${auditUpTo}` : ''}`).all();
        return [t, rows.map((r) => JSON.stringify(r)).sort()];
      }),
    );
  } finally {
    db.close();
  }
}

const lastAuditId = (): number => app.db.prepare('SELECT max(id) FROM audit_log').pluck().get() as number;
const defaultFolder = (): string => path.join(app.dataDir, 'sao-luu');

describe('automatic backups in the backup folder', () => {
  it('copies each original once: a second backup shares the files of the first by hash', async () => {
    const store = createBackupStore(defaultFolder());
    const first = await store.snapshot(app.db, app.dataDir, { trigger: 'start', now: new Date('2025-05-01T03:00:00Z') });
    const stored = filesUnder(path.join(app.dataDir, 'files')).filter((f) => !f.startsWith('.'));
    expect(first.copied).toBe(stored.length);
    expect(first.copied).toBeGreaterThan(0);

    await importReport(16);
    const second = await store.snapshot(app.db, app.dataDir, { trigger: 'daily', now: new Date('2025-05-02T03:00:00Z') });
    expect(second.copied).toBe(1); // only the new file
    const shared = filesUnder(path.join(defaultFolder(), 'files'));
    expect(shared).toHaveLength(stored.length + 1);
    // Each backup has its own database snapshot, and no copy of any file.
    for (const b of [first.backup, second.backup]) expect(filesUnder(path.join(defaultFolder(), b.id))).toEqual(['info.json', 'manifest.json', 'vanthu.db']);
    expect(second.backup.files).toBe(stored.length + 1);
    expect(second.backup.verified).toMatchObject({ ok: true });
  });

  it('rotates: a backup the policy drops is removed, and so are the files only it needed', async () => {
    const store = createBackupStore(defaultFolder(), { daily: 1, weekly: 0, monthly: 0 });
    const old = await store.snapshot(app.db, app.dataDir, { trigger: 'start', now: new Date('2025-05-01T03:00:00Z') });
    // A file that only the old backup has (the data was since restored to an older state, say).
    const onlyOld = filesUnder(path.join(app.dataDir, 'files')).find((f) => !f.startsWith('.'))!;
    fs.rmSync(path.join(app.dataDir, 'files', onlyOld));
    const kept = await store.snapshot(app.db, app.dataDir, { trigger: 'daily', now: new Date('2025-05-02T03:00:00Z') });

    const { removed, filesRemoved } = await store.prune();
    expect(removed).toEqual([old.backup.id]);
    expect(filesRemoved).toBe(1);
    expect(fs.existsSync(path.join(defaultFolder(), 'files', onlyOld))).toBe(false);
    expect(store.list().map((b) => b.id)).toEqual([kept.backup.id]);
    // What the kept backup needs is all still there: it verifies.
    expect(await store.verify(kept.backup.id)).toMatchObject({ ok: true });
  });

  it('backs up at start when the last backup is a day old, and at exit only when something changed', async () => {
    core.close(); // closes `app` too: the cores below open the same data folder afresh
    core = openCore({ dataDir: app.dataDir, shell: 'browser', timing: { startBackupDelayMs: 0 } });
    core.startBackground();
    await expect.poll(async () => (await ok('backup.list')).backups.map((b) => b.trigger), { timeout: 10_000 }).toEqual(['start']);

    await core.shutdown(); // nothing changed since the start backup
    expect((await ok('backup.list')).backups).toHaveLength(1);

    core = openCore({ dataDir: app.dataDir, shell: 'browser', timing: { startBackupDelayMs: 60_000 } });
    core.startBackground();
    await ok('units.create', { name: 'Đơn vị thêm trước khi thoát' });
    await core.shutdown();
    // The rotation keeps the newest backup of a day: the one at exit replaces the one at start.
    expect((await ok('backup.list')).backups.map((b) => b.trigger)).toEqual(['exit']);
  });

  it('states a failed automatic backup in health instead of swallowing it, and clears it after one succeeds', async () => {
    core.close();
    let free = 10 * 1024 * 1024;
    core = openCore({ dataDir: app.dataDir, shell: 'browser', timing: { startBackupDelayMs: 0 }, freeSpace: () => free });
    core.startBackground();
    await expect.poll(async () => (await ok('app.health')).backup.lastError, { timeout: 10_000 }).toMatch(/chỉ còn trống 10 MB.*sao lưu/);
    expect((await ok('backup.list')).backups).toEqual([]);
    expect(fs.readFileSync(path.join(app.dataDir, 'logs', 'vanthu.log'), 'utf8')).toMatch(/Sao lưu tự động \(start\) không thành công/);

    free = 100 * 1024 * 1024 * 1024;
    await ok('backup.now');
    // A manual backup is not the automatic one: the warning stays until an automatic backup succeeds.
    expect((await ok('app.health')).backup.lastError).not.toBeNull();
    await ok('backup.saveSettings', { folder: null });
    expect((await ok('app.health')).backup.lastError).toBeNull(); // a new folder choice starts afresh
  });
});

describe('restore through the API', () => {
  it('restores an automatic backup byte for byte, keeps the current data aside, and undoes', async () => {
    const store = createBackupStore(defaultFolder());
    const { backup } = await store.snapshot(app.db, app.dataDir, { trigger: 'daily' });
    app.db.pragma('wal_checkpoint(TRUNCATE)');
    const auditAtBackup = lastAuditId();
    const before = dump(path.join(app.dataDir, 'vanthu.db'));
    const filesBefore = filesUnder(path.join(app.dataDir, 'files')).filter((f) => !f.startsWith('.'));

    await ok('units.create', { name: 'Đơn vị thêm sau khi sao lưu' });
    await importReport(17);

    const listed = (await ok('backup.list')).backups;
    expect(listed.map((b) => b.id)).toContain(backup.id);
    const result = await ok('backup.restore', { backupId: backup.id });
    expect(result.previousDataDir).toMatch(/truoc-khi-khoi-phuc_/);

    // Byte-identical content: every table as it was when the backup was taken.
    const restoredDb = path.join(app.dataDir, 'vanthu.db');
    const restored = (core.app.db.pragma('wal_checkpoint(TRUNCATE)'), dump(restoredDb, auditAtBackup));
    expect(restored).toEqual(before);
    expect(filesUnder(path.join(app.dataDir, 'files')).filter((f) => !f.startsWith('.'))).toEqual(filesBefore);
    for (const f of filesBefore) {
      expect(fs.readFileSync(path.join(app.dataDir, 'files', f)).equals(fs.readFileSync(path.join(defaultFolder(), 'files', f)))).toBe(true);
    }
    expect((await ok('units.list', {})).some((u) => u.name === 'Đơn vị thêm sau khi sao lưu')).toBe(false);
    const restoreEntry = (await ok('audit.list', { kind: 'backup' })).entries[0]!;
    expect(restoreEntry.summary).toMatch(/^Khôi phục dữ liệu từ bản sao lưu tự động lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    expect((await ok('app.health')).restore).toMatchObject({ from: backup.id });

    // Undo: the unit added after the backup is back; the restored data is kept aside in turn.
    const undone = await ok('backup.undoRestore');
    expect(fs.existsSync(path.join(undone.restoredDataDir, 'vanthu.db'))).toBe(true);
    expect((await ok('units.list', {})).some((u) => u.name === 'Đơn vị thêm sau khi sao lưu')).toBe(true);
    expect((await ok('audit.list', { kind: 'backup' })).entries[0]!.summary).toBe('Hoàn tác lần khôi phục gần nhất');
    expect((await ok('app.health')).restore).toBeNull();
    expect((await refused('backup.undoRestore', {})).code).toBe('nothing_to_undo');
  });

  it('"Sao lưu ngay" writes a verified .vanthu-backup that is listed, downloadable by name and restorable', async () => {
    const now = await ok('backup.now');
    expect(now.backup).toMatchObject({ source: 'manual', kinds: ['manual'], verified: { ok: true } });
    expect(now.download).toMatch(/^VanThu_\d{4}-\d{2}-\d{2}_\d{6}\.vanthu-backup$/);
    expect(now.savedTo).toBeNull();
    const file = core.backupFile(now.download!);
    expect(file && fs.statSync(file).size).toBeGreaterThan(0);
    expect((await ok('backup.list')).backups[0]!.id).toBe(now.backup.id);
    expect((await ok('audit.list', { kind: 'backup' })).entries[0]!.summary).toContain(now.download!);

    await ok('units.create', { name: 'Đơn vị sau bản thủ công' });
    await ok('backup.restore', { backupId: now.backup.id });
    expect((await ok('units.list', {})).some((u) => u.name === 'Đơn vị sau bản thủ công')).toBe(false);
  });

  it('browser mode streams a "Sao lưu ngay" file to the page with the token, and nothing else', async () => {
    const now = await ok('backup.now');
    const server = await startServer({ core, rendererDir: newDir('renderer') });
    try {
      const url = (name: string) => `http://127.0.0.1:${server.port}/download/backup/${encodeURIComponent(name)}`;
      const headers = { 'x-vanthu-token': server.token };
      const response = await fetch(url(now.download!), { method: 'POST', headers });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toContain(encodeURIComponent(now.download!));
      expect(Buffer.from(await response.arrayBuffer()).equals(fs.readFileSync(core.backupFile(now.download!)!))).toBe(true);
      expect((await fetch(url(now.download!), { method: 'POST' })).status).toBe(401);
      expect((await fetch(url(now.download!))).status).toBe(405);
      // Dot segments are resolved by the URL itself (the path then leaves /download/backup/: 405);
      // encoded ones reach the route, which knows no such backup.
      for (const name of ['../vanthu.db', '..%2Fvanthu.db', '..%2F..%2Ffiles', '%E0%A4%A']) {
        const status = (await fetch(`http://127.0.0.1:${server.port}/download/backup/${name}`, { method: 'POST', headers })).status;
        expect(name.startsWith('../') ? 405 : 404).toBe(status);
      }
    } finally {
      await server.close();
    }
  });

  it('restores uploaded bytes of a .vanthu-backup', async () => {
    const now = await ok('backup.now');
    const bytes = fs.readFileSync(core.backupFile(now.download!)!);
    await ok('units.create', { name: 'Đơn vị sau bản tải lên' });
    const result = await ok('backup.restore', { upload: { fileName: 'Sao lưu.vanthu-backup', base64: bytes.toString('base64') } });
    expect(result.from).toContain('Sao lưu.vanthu-backup');
    expect((await ok('units.list', {})).some((u) => u.name === 'Đơn vị sau bản tải lên')).toBe(false);
    expect(fs.readdirSync(app.dataDir).filter((n) => n.startsWith('.tai-len-'))).toEqual([]);
  });

  it('refuses anything but a backup of the backup folder: no path can be named', async () => {
    for (const backupId of ['../vanthu.db', 'thu-cong/../../vanthu.db', '/etc/passwd', 'tu-dong/../../files', 'thu-cong/a\\..\\..\\x.vanthu-backup']) {
      expect((await refused('backup.restore', { backupId })).code).toBe('invalid_input');
    }
    expect((await refused('backup.restore', { backupId: 'tu-dong/2020-01-01T00-00-00-000Z' })).code).toBe('not_found');
    expect((await refused('backup.restore', { path: '/tmp/x.vanthu-backup' })).code).toBe('invalid_input');
    expect(core.backupFile('../vanthu.db')).toBeNull();
    expect(core.backupFile('../../files')).toBeNull();
    const garbage = await refused('backup.restore', { upload: { fileName: 'x.vanthu-backup', base64: Buffer.from('không phải zip').toString('base64') } });
    expect(garbage.code).toBe('invalid_backup');
    expect((await ok('units.list', {})).length).toBeGreaterThan(0); // the data is still open and whole
  });

  it('verifies a damaged automatic backup as damaged and refuses to restore it, leaving everything as it was', async () => {
    const store = createBackupStore(defaultFolder());
    const { backup } = await store.snapshot(app.db, app.dataDir, { trigger: 'daily' });
    const victim = filesUnder(path.join(defaultFolder(), 'files'))[0]!;
    const bytes = fs.readFileSync(path.join(defaultFolder(), 'files', victim));
    bytes[0]! ^= 0xff;
    fs.writeFileSync(path.join(defaultFolder(), 'files', victim), bytes);

    const verified = await ok('backup.verify', { backupId: backup.id });
    expect(verified.verified).toMatchObject({ ok: false, problem: expect.stringContaining('không khớp mã kiểm tra') });
    await ok('units.create', { name: 'Đơn vị giữ nguyên' });
    expect((await refused('backup.restore', { backupId: backup.id })).code).toBe('invalid_backup');
    expect((await ok('units.list', {})).some((u) => u.name === 'Đơn vị giữ nguyên')).toBe(true);
    expect(fs.readdirSync(app.dataDir).filter((n) => n.startsWith('.restore-') || n.startsWith('truoc-khi'))).toEqual([]);
  });
});

describe('the backup folder setting', () => {
  it('checks a folder (writable, free space, same drive) and moves backups there; the change is audited', async () => {
    const elsewhere = path.join(newDir(), 'VanThu sao lưu');
    const check = await ok('backup.checkFolder', { folder: elsewhere });
    expect(check).toMatchObject({ exists: false, writable: true, problem: null });
    expect(check.freeBytes).toBeGreaterThan(0);
    expect(fs.existsSync(elsewhere)).toBe(false); // looking creates nothing

    const saved = await ok('backup.saveSettings', { folder: elsewhere });
    expect(saved).toMatchObject({ folder: elsewhere, isDefault: false, check: { exists: true, writable: true } });
    await ok('backup.now');
    expect(fs.readdirSync(path.join(elsewhere, 'thu-cong'))).toHaveLength(1);
    expect((await ok('audit.list', { kind: 'settings' })).entries[0]!.summary).toBe(`Đổi thư mục sao lưu: ${elsewhere}`);

    expect(await ok('backup.saveSettings', { folder: null })).toMatchObject({ folder: defaultFolder(), isDefault: true });
    expect((await ok('audit.list', { kind: 'settings' })).entries[0]!.summary).toBe('Đổi thư mục sao lưu: mặc định');
  });

  it('refuses a relative path, a folder holding other files, and the data folder itself', async () => {
    expect(await refused('backup.saveSettings', { folder: 'sao-luu' })).toMatchObject({ code: 'invalid_folder', message: expect.stringContaining('đường dẫn đầy đủ') });
    const busy = newDir();
    fs.writeFileSync(path.join(busy, 'Báo cáo.docx'), 'x');
    expect(await refused('backup.saveSettings', { folder: busy })).toMatchObject({ code: 'invalid_folder', message: expect.stringContaining('đã có tệp khác') });
    expect((await refused('backup.saveSettings', { folder: app.dataDir })).code).toBe('invalid_folder');
    expect((await refused('backup.saveSettings', { folder: path.join(app.dataDir, 'files') })).code).toBe('invalid_folder');
    expect((await ok('backup.settings')).folder).toBe(defaultFolder());
  });
});
