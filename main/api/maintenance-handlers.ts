import fs from 'node:fs';
import path from 'node:path';
import type { App } from '../app/open-app.js';
import type { Maintenance } from '../backup/maintenance.js';
import type { Handlers, ShellKind } from './handlers.js';
import { UserError } from './errors.js';

/**
 * The API methods of backups, restore and health. They belong to the core rather than to an open
 * app: they answer while the database is damaged (restoring is the way out), and a restore closes
 * the app and opens the restored data in its place.
 */

export const MAINTENANCE_METHODS = [
  'app.health',
  'backup.list',
  'backup.settings',
  'backup.saveSettings',
  'backup.checkFolder',
  'backup.now',
  'backup.verify',
  'backup.restore',
  'backup.undoRestore',
] as const;
export type MaintenanceMethod = (typeof MAINTENANCE_METHODS)[number];
export type MaintenanceHandlers = Pick<Handlers, MaintenanceMethod>;

export interface MaintenanceContext {
  shell: ShellKind;
  maintenance: Maintenance;
  /** The open app, or null while the database is damaged. */
  app(): App | null;
  /** What is wrong with the database; null when it is sound. */
  damage(): string[] | null;
  /** Closes the data, runs `work`, opens it again (damaged state when it will not open). */
  replaceData<T>(work: () => Promise<T>): Promise<T>;
  /** Electron: where to save a copy of a backup (the main process's save dialog); null when cancelled. */
  chooseSavePath?: (suggestedName: string) => Promise<string | null>;
}

const MANUAL_PREFIX = 'thu-cong/';

export function createMaintenanceHandlers(ctx: MaintenanceContext): MaintenanceHandlers {
  const { maintenance } = ctx;
  const listed = (id: string) => {
    const found = maintenance.store().list().find((b) => b.id === id);
    if (!found) throw new UserError('not_found', 'Không tìm thấy bản sao lưu vừa tạo trong thư mục sao lưu. Hãy tải lại danh sách.');
    return found;
  };

  return {
    'app.health': () => {
      maintenance.windowIsUp();
      const problems = ctx.damage();
      return maintenance.health(problems ? 'damaged' : 'ok', problems ?? []);
    },
    'backup.list': () => ({ folder: maintenance.folder(), backups: maintenance.store().list() }),
    'backup.settings': () => maintenance.settings(),
    'backup.saveSettings': ({ folder }) => maintenance.saveFolder(folder),
    'backup.checkFolder': ({ folder }) => maintenance.checkFolder(folder),

    'backup.now': async () => {
      const backup = await maintenance.backupNow();
      ctx.app()?.audit.record({ action: 'create', entity: 'backup', detail: { file: backup.id } });
      const name = backup.id.slice(MANUAL_PREFIX.length);
      let savedTo: string | null = null;
      if (ctx.shell === 'electron' && ctx.chooseSavePath) {
        const target = await ctx.chooseSavePath(name);
        if (target) {
          const source = maintenance.store().resolve(backup.id);
          if (source.kind !== 'manual') throw new Error('a manual backup is a single file');
          try {
            await fs.promises.copyFile(source.file, target);
          } catch {
            throw new UserError(
              'save_failed',
              `Đã sao lưu vào thư mục sao lưu, nhưng không chép được ra "${target}" (ổ đĩa đầy, đã rút ra hoặc không có quyền ghi). Bản sao lưu vẫn ở ${path.dirname(source.file)}.`,
            );
          }
          savedTo = target;
        }
      }
      return { backup, download: ctx.shell === 'browser' ? name : null, savedTo };
    },

    'backup.verify': async ({ backupId }) => {
      await maintenance.verify(backupId);
      return listed(backupId);
    },

    'backup.restore': async (input) => {
      const source =
        'backupId' in input
          ? { backupId: input.backupId }
          : { upload: { fileName: input.upload.fileName, bytes: Buffer.from(input.upload.base64, 'base64') } };
      const result = await ctx.replaceData(() => maintenance.restore(source));
      const problems = ctx.damage();
      if (problems && result.previousDataDir) {
        // Checked, yet it will not open (made by a newer VănThư, say): put back what was there.
        await ctx.replaceData(async () => maintenance.undoRestore());
        throw new UserError(
          'restore_failed',
          `Bản sao lưu đã qua kiểm tra nhưng VănThư không mở được dữ liệu trong đó (${problems[0] ?? 'lỗi không rõ'}). Dữ liệu trước khi khôi phục đã được đặt lại như cũ.`,
        );
      }
      ctx.app()?.audit.record({ action: 'restore', entity: 'backup', detail: { from: result.from, previousDataDir: result.previousDataDir } });
      return { entries: result.entries, from: result.from, previousDataDir: result.previousDataDir };
    },

    'backup.undoRestore': async () => {
      const result = await ctx.replaceData(async () => maintenance.undoRestore());
      ctx.app()?.audit.record({ action: 'undo_restore', entity: 'backup', detail: result });
      return result;
    },
  };
}
