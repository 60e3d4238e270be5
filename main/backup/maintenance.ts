import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/connection.js';
import type { App } from '../app/open-app.js';
import type { Log } from '../app/log.js';
import { UserError } from '../api/errors.js';
import { ensureFreeSpace, readFreeSpace, type FreeSpaceReader } from '../app/disk-space.js';
import type { BackupSettings, Health } from '../../shared/domain/backup.js';
import { DATABASE_FILE, restoreBackup, restoreStaged, undoRestore, type RestoreSummary } from './backup.js';
import { BackupTimeoutError, checkBackupFolder, createBackupStore, type BackupTrigger, type StoredBackup } from './backup-store.js';
import { checkDatabaseFile, type CheckKind } from './integrity.js';
import { createMaintenanceState, type CheckRecord } from './maintenance-state.js';

/**
 * Backups and checks of a running app, in the core and never in the way: automatic backups on
 * start (when the last is a day old), daily while running and quickly at exit; the quick check
 * once the window is up and the full integrity_check weekly, both on their own connection in a
 * worker. One job at a time. A failure is logged and kept for the screens to state, never swallowed.
 */

export interface MaintenanceTiming {
  /** After start, before the first automatic backup (the window's first calls go first). */
  startBackupDelayMs: number;
  /** How often to look whether a day has passed since the last automatic backup. */
  dailyCheckEveryMs: number;
  /** The checks start when the window first asks for health; this long after start at the latest. */
  checksAtLatestMs: number;
  /** The backup at exit gives up after this long (the next start makes up for it). */
  exitBackupLimitMs: number;
}

export const DEFAULT_TIMING: MaintenanceTiming = {
  startBackupDelayMs: 20_000,
  dailyCheckEveryMs: 60 * 60 * 1000,
  checksAtLatestMs: 60_000,
  exitBackupLimitMs: 15_000,
};

const DAY_MS = 24 * 60 * 60 * 1000;
const FULL_CHECK_EVERY_MS = 7 * DAY_MS;
export const DEFAULT_BACKUP_FOLDER_NAME = 'sao-luu';

export interface MaintenanceDeps {
  dataDir: string;
  log: Log;
  /** The open app; null while the database is damaged or being replaced. */
  getApp(): App | null;
  /** A background check found the database damaged. */
  onDamage(problems: string[]): void;
  freeSpace?: FreeSpaceReader;
  timing?: Partial<MaintenanceTiming>;
}

/** A Vietnamese sentence for a failed backup, saying what to do. */
function backupFailure(error: unknown, folder: string): string {
  if (error instanceof UserError) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC') return `Ổ đĩa của thư mục sao lưu "${folder}" đã đầy. Hãy giải phóng dung lượng hoặc chọn thư mục sao lưu khác.`;
  if (code && ['ENOENT', 'ENOTDIR', 'EACCES', 'EPERM', 'EROFS', 'EIO', 'EBUSY'].includes(code)) {
    return `Không ghi được vào thư mục sao lưu "${folder}" (ổ đĩa đã được rút ra, hết quyền ghi hoặc bị lỗi). Hãy cắm lại ổ đĩa hoặc chọn thư mục sao lưu khác.`;
  }
  return 'Sao lưu gặp lỗi không mong đợi (chi tiết trong tệp nhật ký). Hãy thử "Sao lưu ngay"; nếu vẫn lỗi, hãy báo bộ phận kỹ thuật.';
}

const totalChanges = (db: Db): number => Number(db.prepare('SELECT total_changes()').pluck().get());

export function createMaintenance(deps: MaintenanceDeps) {
  const { dataDir, log } = deps;
  const timing = { ...DEFAULT_TIMING, ...deps.timing };
  const freeSpace = deps.freeSpace ?? readFreeSpace;
  const state = createMaintenanceState(dataDir);
  const defaultFolder = path.join(dataDir, DEFAULT_BACKUP_FOLDER_NAME);
  const folder = (): string => state.read().backupFolder ?? defaultFolder;
  const store = () => createBackupStore(folder());

  // One job at a time; a failed job does not stop the next.
  let queue: Promise<unknown> = Promise.resolve();
  function serial<T>(work: () => Promise<T>): Promise<T> {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  }

  let running = false;
  let paused = false;
  let timers: NodeJS.Timeout[] = [];
  let checksStarted = false;
  /** total_changes() of the connection at the last backup this session made: unchanged since → no exit backup. */
  let changesAtLastBackup = 0;

  const newestAuto = (): StoredBackup | undefined => store().list().find((b) => b.source === 'auto');
  const dueForDaily = (): boolean => {
    const last = newestAuto();
    return !last || Date.now() - Date.parse(last.takenAt) >= DAY_MS;
  };

  function autoBackup(trigger: Exclude<BackupTrigger, 'manual'>, deadline?: number): Promise<StoredBackup | null> {
    return serial(async () => {
      const app = deps.getApp();
      if (!app || paused) return null;
      running = true;
      const changes = totalChanges(app.db);
      const target = store();
      try {
        const { backup, copied, damaged } = await target.snapshot(app.db, dataDir, { trigger, deadline, freeSpace });
        const { removed, filesRemoved } = await target.prune();
        state.update({ lastBackup: { at: backup.takenAt, id: backup.id }, lastBackupError: null });
        changesAtLastBackup = changes;
        log.info(`Sao lưu tự động (${trigger}) xong: ${backup.id}; chép ${copied} tệp mới; theo vòng quay đã xóa ${removed.length} bản và ${filesRemoved} tệp không còn bản nào cần.`);
        if (damaged.length) log.warn(`Có ${damaged.length} tệp gốc trong dữ liệu đã hỏng từ trước, không sao lưu được: ${damaged.join(', ')}`);
        return backup;
      } catch (error) {
        if (error instanceof BackupTimeoutError) {
          // Only the quick backup at exit has a limit; the next start backs up what it could not.
          log.warn(`Sao lưu khi thoát không xong trong ${timing.exitBackupLimitMs / 1000} giây; lần mở sau sẽ sao lưu.`);
          return null;
        }
        log.error(`Sao lưu tự động (${trigger}) không thành công`, error);
        state.update({ lastBackupError: { at: new Date().toISOString(), message: backupFailure(error, target.root) } });
        return null;
      } finally {
        running = false;
      }
    });
  }

  function record(kind: CheckKind, result: { ok: boolean; problems: string[] }): CheckRecord {
    const check: CheckRecord = { at: new Date().toISOString(), ok: result.ok, problems: result.problems };
    state.update(kind === 'quick' ? { quickCheck: check } : { fullCheck: check });
    if (result.ok) log.info(`Kiểm tra cơ sở dữ liệu (${kind === 'quick' ? 'quick_check' : 'integrity_check'}): không có lỗi.`);
    else log.error(`Kiểm tra cơ sở dữ liệu (${kind === 'quick' ? 'quick_check' : 'integrity_check'}) phát hiện lỗi: ${result.problems.join('; ')}`);
    return check;
  }

  /** The quick check (unless the open already ran it after a crash), then the weekly full one. */
  async function runChecks(): Promise<void> {
    const problems = await serial(async (): Promise<string[] | null> => {
      const app = deps.getApp();
      if (!app || paused) return null;
      const file = path.join(dataDir, DATABASE_FILE);
      if (!app.uncleanShutdown) {
        const quick = record('quick', await checkDatabaseFile(file, 'quick'));
        if (!quick.ok) return quick.problems;
      }
      const lastFull = state.read().fullCheck;
      if (lastFull && Date.now() - Date.parse(lastFull.at) < FULL_CHECK_EVERY_MS) return null;
      const full = record('full', await checkDatabaseFile(file, 'full'));
      return full.ok ? null : full.problems;
    });
    // Outside the job: handling damage closes the app, which waits for the jobs to finish.
    if (problems) deps.onDamage(problems);
  }

  /** The window is showing (its first health call): time for the background checks, once per session. */
  function windowIsUp(): void {
    if (checksStarted || timers.length === 0) return; // not a long-lived shell, or stopped
    checksStarted = true;
    void runChecks().catch((error: unknown) => log.error('Không kiểm tra được cơ sở dữ liệu', error));
  }

  function settings(): BackupSettings {
    const current = folder();
    return { folder: current, defaultFolder, isDefault: current === defaultFolder, check: checkBackupFolder(current, dataDir, freeSpace) };
  }

  return {
    folder,
    store,
    settings,

    /** The long-lived shells (Electron, browser mode) only: the CLI's commands come and go. */
    start(): void {
      const later = (ms: number, work: () => void) => timers.push(setTimeout(work, ms).unref());
      later(timing.startBackupDelayMs, () => {
        if (dueForDaily()) void autoBackup('start');
      });
      timers.push(
        setInterval(() => {
          if (dueForDaily()) void autoBackup('daily');
        }, timing.dailyCheckEveryMs).unref(),
      );
      later(timing.checksAtLatestMs, windowIsUp);
    },

    windowIsUp,

    /** The open found an unclean shutdown and ran the quick check itself. */
    recordOpenCheck(): void {
      record('quick', { ok: true, problems: [] });
    },

    autoBackup,
    runChecks,

    /** The quick backup at exit: only when something changed since this session's last backup, and bounded in time. */
    async exitBackup(): Promise<void> {
      const app = deps.getApp();
      if (!app || timers.length === 0) return; // never started (CLI, tests) or already stopped
      // Nothing written in this session since its last backup: the next start backs up if a day has passed.
      if (totalChanges(app.db) === changesAtLastBackup) return;
      const deadline = Date.now() + timing.exitBackupLimitMs;
      // The job queue may hold a long daily backup: wait no longer than the limit for either.
      await Promise.race([autoBackup('exit', deadline), new Promise((done) => setTimeout(done, timing.exitBackupLimitMs + 1000).unref())]);
    },

    /** "Sao lưu ngay": a .vanthu-backup in the backup folder, verified by reading it back. */
    backupNow(): Promise<StoredBackup> {
      return serial(async () => {
        const app = deps.getApp();
        if (!app) throw new UserError('database_damaged', 'Cơ sở dữ liệu đang hỏng nên không sao lưu được; hãy khôi phục từ một bản sao lưu.');
        running = true;
        try {
          const target = store();
          const backup = await target.manual(app.db, dataDir, { freeSpace });
          await target.prune();
          log.info(`Sao lưu ngay: ${backup.id}`);
          return backup;
        } finally {
          running = false;
        }
      });
    },

    verify: (id: string) => serial(() => store().verify(id)),

    checkFolder: (candidate: string) => checkBackupFolder(path.resolve(candidate), dataDir, freeSpace),

    /** Sets the backup folder (null: the default). Refused unless backups can go there. */
    saveFolder(candidate: string | null): BackupSettings {
      const chosen = candidate === null || candidate === '' ? defaultFolder : candidate;
      if (!path.isAbsolute(chosen)) throw new UserError('invalid_folder', 'Hãy nhập đường dẫn đầy đủ của thư mục sao lưu, ví dụ D:\\SaoLuu\\VanThu.');
      const resolved = path.resolve(chosen);
      const check = checkBackupFolder(resolved, dataDir, freeSpace);
      if (check.problem) throw new UserError('invalid_folder', check.problem);
      createBackupStore(resolved).prepare();
      state.update({ backupFolder: resolved === defaultFolder ? null : resolved, lastBackupError: null });
      deps.getApp()?.audit.record({ action: 'update', entity: 'settings', detail: { key: 'backup_folder', folder: resolved === defaultFolder ? null : resolved } });
      log.info(`Thư mục sao lưu: ${resolved}`);
      return settings();
    },

    /**
     * Restores into the data folder, which the caller has closed. Checked before anything is replaced
     * (restoreStaged); the data from before is kept aside for undo.
     */
    async restore(source: { backupId: string } | { upload: { fileName: string; bytes: Buffer } }): Promise<RestoreSummary & { from: string }> {
      let summary: RestoreSummary;
      let from: string;
      if ('backupId' in source) {
        const target = store();
        const found = target.resolve(source.backupId);
        from = source.backupId;
        if (found.kind === 'manual') summary = await restoreBackup(dataDir, found.file, new Date(), freeSpace);
        else {
          const size = target.list().find((b) => b.id === source.backupId)?.bytes ?? 0;
          ensureFreeSpace(dataDir, size, 'khôi phục bản sao lưu này', freeSpace);
          summary = await restoreStaged(dataDir, target.stage(source.backupId));
        }
      } else {
        from = `tệp tải lên "${source.upload.fileName}"`;
        const uploaded = path.join(dataDir, `.tai-len-${crypto.randomBytes(6).toString('hex')}.vanthu-backup`);
        fs.writeFileSync(uploaded, source.upload.bytes);
        try {
          summary = await restoreBackup(dataDir, uploaded, new Date(), freeSpace);
        } finally {
          fs.rmSync(uploaded, { force: true });
        }
      }
      state.update({ lastRestore: summary.previousDataDir ? { at: new Date().toISOString(), from, previousDataDir: summary.previousDataDir } : null });
      log.info(`Đã khôi phục từ ${from}; dữ liệu trước đó ở ${summary.previousDataDir ?? '(không có)'}`);
      return { ...summary, from };
    },

    /** Puts back what the last restore moved aside (the caller has closed the data). */
    undoRestore(): { restoredDataDir: string } {
      const last = state.read().lastRestore;
      if (!last) throw new UserError('nothing_to_undo', 'Không có lần khôi phục nào để hoàn tác.');
      const result = undoRestore(dataDir, last.previousDataDir);
      state.update({ lastRestore: null });
      log.info(`Đã hoàn tác khôi phục; dữ liệu của bản khôi phục được giữ ở ${result.restoredDataDir}`);
      return result;
    },

    health(database: Health['database']['state'], problems: string[]): Health {
      const s = state.read();
      const newest = store().list()[0];
      const undoable = s.lastRestore && fs.existsSync(s.lastRestore.previousDataDir) ? { at: s.lastRestore.at, from: s.lastRestore.from } : null;
      return {
        dataDir,
        logFile: log.file,
        database: { state: database, problems, quickCheckAt: s.quickCheck?.at ?? null, fullCheckAt: s.fullCheck?.at ?? null },
        backup: { folder: folder(), lastAt: newest?.takenAt ?? null, lastError: s.lastBackupError?.message ?? null, lastErrorAt: s.lastBackupError?.at ?? null, running },
        restore: undoable,
      };
    },

    /** Waits for the job in progress, and starts no new one until resume(). */
    async pause(): Promise<void> {
      paused = true;
      await queue;
    },
    resume(): void {
      paused = false;
    },

    stop(): void {
      for (const timer of timers) clearTimeout(timer);
      timers = [];
      paused = true;
    },
  };
}
export type Maintenance = ReturnType<typeof createMaintenance>;
