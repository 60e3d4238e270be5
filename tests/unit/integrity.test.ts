import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp } from '../../main/app/open-app.js';
import { openCore, type Core } from '../../main/api/core.js';
import { createBackupStore } from '../../main/backup/backup-store.js';
import { beginSession, checkDatabaseFile } from '../../main/backup/integrity.js';
import type { ApiOutput, Method } from '../../shared/api.js';
import { tempDataDir } from '../support/temp-app.js';

/**
 * Corruption is found (a deliberately damaged copy: pages of the database overwritten), and the
 * core then opens in a damaged state that answers health, backups and restore instead of crashing.
 */

let dataDir: string;
let core: Core | null = null;
beforeEach(() => {
  dataDir = tempDataDir('hỏng');
  const app = openApp({ dataDir });
  app.loadDemoData();
  app.close();
});
afterEach(() => {
  core?.close();
  core = null;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const dbFile = (): string => path.join(dataDir, 'vanthu.db');

/** Overwrites the pages of one table's b-tree root with garbage, as a failing disk would. */
function damageTable(table: string): void {
  const db = new Database(dbFile(), { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const root = db.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').pluck().get(table) as number;
  db.close();
  const fd = fs.openSync(dbFile(), 'r+');
  fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (root - 1) * pageSize);
  fs.closeSync(fd);
}

/** A session marker left by a process that is no longer running: the last session did not close. */
function leaveUncleanMarker(): void {
  const dead = spawnSync(process.execPath, ['-e', '']).pid!;
  fs.writeFileSync(path.join(dataDir, `.dang-mo-${dead}-1`), 'máy khác');
}

async function call<M extends Method>(method: M, input: unknown = {}) {
  return (await core!.call(method, input)) as { ok: true; result: ApiOutput<M> } | { ok: false; error: { code: string; message: string } };
}

describe('integrity checks', () => {
  it('quick_check and integrity_check pass on a sound database and name the problem on a damaged copy', async () => {
    expect(await checkDatabaseFile(dbFile(), 'quick')).toEqual({ ok: true, problems: [] });
    expect(await checkDatabaseFile(dbFile(), 'full')).toEqual({ ok: true, problems: [] });
    damageTable('units');
    for (const kind of ['quick', 'full'] as const) {
      const result = await checkDatabaseFile(dbFile(), kind);
      expect(result.ok).toBe(false);
      expect(result.problems.join(' ')).toMatch(/page|malformed|corrupt/i);
    }
  });

  it('a marker left by a dead process means an unclean shutdown; a clean close leaves none', () => {
    expect(beginSession(dataDir).uncleanBefore).toBe(false); // left open on purpose: this process is alive
    const second = beginSession(dataDir);
    expect(second.uncleanBefore).toBe(false);
    second.release();
    leaveUncleanMarker();
    const after = beginSession(dataDir);
    expect(after.uncleanBefore).toBe(true);
    expect(fs.readdirSync(dataDir).some((n) => n.startsWith('.dang-mo-') && !n.includes(`-${process.pid}-`))).toBe(false);
    after.release();
  });

  it('after an unclean shutdown the open checks first: a sound database opens, the check recorded', async () => {
    leaveUncleanMarker();
    core = openCore({ dataDir, shell: 'browser' });
    expect(core.app.uncleanShutdown).toBe(true);
    const health = await call('app.health');
    expect(health.ok && health.result.database).toMatchObject({ state: 'ok', quickCheckAt: expect.any(String) });
    expect(fs.readFileSync(path.join(dataDir, 'logs', 'vanthu.log'), 'utf8')).toMatch(/không được đóng bình thường/);
  });

  it('after an unclean shutdown a damaged database opens the damaged state: health says so, data calls refuse, no crash', async () => {
    damageTable('units');
    leaveUncleanMarker();
    expect(() => openApp({ dataDir }).close()).toThrow(/Cơ sở dữ liệu bị hỏng/);
    leaveUncleanMarker();
    expect(() => openCore({ dataDir, shell: 'cli' })).toThrow(/bị hỏng/); // the CLI reports and exits

    leaveUncleanMarker();
    core = openCore({ dataDir, shell: 'browser' });
    const health = await call('app.health');
    expect(health.ok && health.result.database.state).toBe('damaged');
    expect(health.ok && health.result.database.problems.join(' ')).toMatch(/page|malformed|corrupt/i);
    expect(health.ok && health.result.dataDir).toBe(dataDir);
    expect(health.ok && health.result.logFile).toBe(path.join(dataDir, 'logs', 'vanthu.log'));
    const info = await call('app.info');
    expect(info.ok && info.result).toMatchObject({ dataDir, firstRun: false });
    const units = await call('units.list', {});
    expect(units).toMatchObject({ ok: false, error: { code: 'database_damaged', message: expect.stringContaining('khôi phục') } });
    expect(await call('backup.list')).toMatchObject({ ok: true });
    expect(() => core!.app).toThrow(/bị hỏng/);
  });

  it('a file that is not a database at all opens the damaged state too', async () => {
    fs.writeFileSync(dbFile(), Buffer.alloc(8192, 0x42));
    core = openCore({ dataDir, shell: 'browser' });
    const health = await call('app.health');
    expect(health.ok && health.result.database.state).toBe('damaged');
  });

  it('a clean start on a damaged file finds it with the background check, then switches to the damaged state', async () => {
    damageTable('units');
    core = openCore({ dataDir, shell: 'browser', timing: { checksAtLatestMs: 0, startBackupDelayMs: 60_000 } });
    core.startBackground();
    await expect.poll(async () => {
      const health = await call('app.health');
      return health.ok && health.result.database.state;
    }, { timeout: 10_000 }).toBe('damaged');
    expect((await call('dashboard.get'))).toMatchObject({ ok: false, error: { code: 'database_damaged' } });
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'maintenance.json'), 'utf8')).quickCheck).toMatchObject({ ok: false });
  });

  it('from the damaged state, restoring the latest good backup brings the data back', async () => {
    const good = openApp({ dataDir });
    const { backup } = await createBackupStore(path.join(dataDir, 'sao-luu')).snapshot(good.db, dataDir, { trigger: 'daily' });
    const unitCount = good.units.list({}).length;
    good.close();
    damageTable('units');
    leaveUncleanMarker();
    core = openCore({ dataDir, shell: 'browser' });
    expect(await call('app.health')).toMatchObject({ ok: true, result: { database: { state: 'damaged' } } });

    const listed = await call('backup.list');
    expect(listed.ok && listed.result.backups.map((b) => b.id)).toEqual([backup.id]);
    const restored = await call('backup.restore', { backupId: backup.id });
    expect(restored).toMatchObject({ ok: true, result: { previousDataDir: expect.stringMatching(/truoc-khi-khoi-phuc_/) } });
    const health = await call('app.health');
    expect(health.ok && health.result.database.state).toBe('ok');
    const units = await call('units.list', {});
    expect(units.ok && units.result.length).toBe(unitCount);
    // The damaged file is kept aside, not deleted (someone may want to rescue what it held).
    expect(fs.existsSync(path.join(restored.ok ? restored.result.previousDataDir! : '', 'vanthu.db'))).toBe(true);
  });
});
