import type { BackupItem, BackupKind } from '../../../../shared/domain/backup';

export const KIND_LABELS: Record<BackupKind, string> = {
  daily: 'Hằng ngày',
  weekly: 'Hằng tuần',
  monthly: 'Hằng tháng',
  manual: 'Sao lưu ngay',
};

export const TRIGGER_LABELS: Record<BackupItem['trigger'], string> = {
  start: 'khi mở VănThư',
  daily: 'trong ngày',
  exit: 'khi đóng VănThư',
  manual: 'do người dùng bấm',
};

/** The newest backup worth offering first: verified sound, or not checked yet (a restore checks it anyway). */
export function latestGoodBackup(backups: readonly BackupItem[]): BackupItem | null {
  return backups.find((b) => b.verified?.ok !== false) ?? null;
}

/** The API carries uploads as base64 JSON: 50 MB of file at most (shared/api.ts FileBytes). */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

export { describeBackupSource } from '../../../../shared/domain/backup';
