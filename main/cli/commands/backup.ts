import { createBackup, restoreBackup } from '../../backup/backup.js';
import { CliError, parseCommand, printJson, usage, withCore, type Context } from '../context.js';
import { UserError } from '../../api/errors.js';
import { createMaintenanceState } from '../../backup/maintenance-state.js';

/** `vanthu backup --out FILE`: the database (consistent even while the app runs) and every original file. */
export async function runBackup(ctx: Context, args: string[]): Promise<void> {
  const { values, positionals } = parseCommand(args, { out: { type: 'string' } });
  if (positionals.length || !values.out) throw usage('Cách dùng: vanthu backup --out TỆP.vanthu-backup.');
  const out = values.out;
  await withCore(ctx, async (core) => {
    const summary = await userErrorsAsCli(() => createBackup(core.app.db, core.dataDir, out));
    if (ctx.json) return printJson(ctx, summary);
    ctx.out(`Đã sao lưu ${summary.entries} tệp (${(summary.bytes / 1024 / 1024).toFixed(1)} MB) vào ${summary.file}.`);
    if (summary.damaged.length) ctx.out(`Cảnh báo: ${summary.damaged.length} tệp gốc trong kho đã bị hỏng từ trước: ${summary.damaged.join(', ')}.`);
  });
}

/** `vanthu restore FILE`: checked entirely before anything is replaced; the current data is kept aside. */
export async function runRestore(ctx: Context, args: string[]): Promise<void> {
  const { positionals } = parseCommand(args, {});
  const [file] = positionals;
  if (!file || positionals.length > 1) throw usage('Cách dùng: vanthu restore TỆP.vanthu-backup.');
  const summary = await userErrorsAsCli(() => restoreBackup(ctx.dataDir, file));
  // The app's "Hoàn tác khôi phục" can undo this one too.
  if (summary.previousDataDir) {
    createMaintenanceState(ctx.dataDir).update({ lastRestore: { at: new Date().toISOString(), from: file, previousDataDir: summary.previousDataDir } });
  }
  // Open once: applies any migrations the restored database lacks and records the restore.
  await withCore(ctx, async (core) => {
    core.app.audit.record({ action: 'restore', entity: 'backup', detail: { from: file, previousDataDir: summary.previousDataDir } });
  });
  if (ctx.json) return printJson(ctx, summary);
  ctx.out(`Đã khôi phục ${summary.entries} tệp từ ${file}.`);
  if (summary.previousDataDir) ctx.out(`Dữ liệu trước khi khôi phục được giữ ở ${summary.previousDataDir} (để hoàn tác: "Hoàn tác khôi phục" trong màn hình Sao lưu & khôi phục).`);
}

/** A refusal the clerk can act on (a damaged backup, a full disk) exits 1 with its code and sentence. */
async function userErrorsAsCli<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UserError) throw new CliError(1, error.code, error.message);
    throw error;
  }
}
