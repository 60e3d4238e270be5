import { z } from 'zod';
import { formatDateTime } from '../vn/date-time.js';

/** Why a backup is kept: the rotation's daily, weekly, monthly, or made by hand ("Sao lưu ngay"). */
export const BackupKind = z.enum(['daily', 'weekly', 'monthly', 'manual']);
export type BackupKind = z.infer<typeof BackupKind>;

/**
 * A backup as the API names it: "tu-dong/<time>" (automatic) or "thu-cong/<file>.vanthu-backup"
 * (single file). Nothing else is accepted, so no request can point a restore outside the backup folder.
 */
export const BACKUP_ID_PATTERN = /^(tu-dong\/\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z|thu-cong\/[^/\\:*?"<>|\p{Cc}]{1,200}\.vanthu-backup)$/u;
export const BackupId = z.string().max(230).regex(BACKUP_ID_PATTERN, 'Mã bản sao lưu không hợp lệ.');

export const BackupItem = z.object({
  id: BackupId,
  source: z.enum(['auto', 'manual']),
  takenAt: z.string(),
  trigger: z.enum(['start', 'daily', 'exit', 'manual']),
  /** The database and the files it restores, before compression. */
  bytes: z.number(),
  files: z.number().int(),
  kinds: z.array(BackupKind),
  verified: z.object({ at: z.string(), ok: z.boolean(), problem: z.string().nullable() }).nullable(),
});
export type BackupItem = z.infer<typeof BackupItem>;

export const FolderCheck = z.object({
  folder: z.string(),
  exists: z.boolean(),
  writable: z.boolean(),
  freeBytes: z.number().nullable(),
  /** A backup on the data's own drive does not survive that drive failing. */
  sameDriveAsData: z.boolean(),
  problem: z.string().nullable(),
});
export type FolderCheck = z.infer<typeof FolderCheck>;

export const BackupSettings = z.object({
  folder: z.string(),
  defaultFolder: z.string(),
  isDefault: z.boolean(),
  check: FolderCheck,
});
export type BackupSettings = z.infer<typeof BackupSettings>;

/** Is the data sound, are backups running, can the last restore be undone: shown on every screen. */
export const Health = z.object({
  dataDir: z.string(),
  logFile: z.string(),
  database: z.object({
    /** 'damaged': the app runs only what it needs to restore a backup (the "Cơ sở dữ liệu bị hỏng" screen). */
    state: z.enum(['ok', 'damaged']),
    problems: z.array(z.string()),
    quickCheckAt: z.string().nullable(),
    fullCheckAt: z.string().nullable(),
  }),
  backup: z.object({
    folder: z.string(),
    lastAt: z.string().nullable(),
    /** The last automatic backup failed, and why; null once one succeeds. */
    lastError: z.string().nullable(),
    lastErrorAt: z.string().nullable(),
    running: z.boolean(),
  }),
  /** The restore "Hoàn tác khôi phục" would undo; null when there is none. */
  restore: z.object({ at: z.string(), from: z.string() }).nullable(),
});
export type Health = z.infer<typeof Health>;

export const RestoreResult = z.object({
  entries: z.number().int(),
  from: z.string(),
  /** Where the data from before the restore was kept (inside the data folder). */
  previousDataDir: z.string().nullable(),
});
export type RestoreResult = z.infer<typeof RestoreResult>;

/** What a restore came from, for a sentence: "bản sao lưu tự động lúc 15/01/2025 10:30", "tệp VanThu_….vanthu-backup". */
export function describeBackupSource(from: string): string {
  const auto = /^tu-dong\/(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/.exec(from);
  if (auto) return `bản sao lưu tự động lúc ${formatDateTime(`${auto[1]}T${auto[2]}:${auto[3]}:${auto[4]}.${auto[5]}Z`)}`;
  if (from.startsWith('thu-cong/')) return `tệp ${from.slice('thu-cong/'.length)}`;
  return from;
}
