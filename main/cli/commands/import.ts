import fs from 'node:fs';
import path from 'node:path';
import type { ImportResult } from '../../../shared/domain/incoming.js';
import { CliError, call, parseCommand, printJson, usage, withCore, type Context } from '../context.js';

const STATUS_LABEL: Record<ImportResult['status'], string> = {
  registered: 'Đã vào sổ',
  needs_review: 'Chờ xác nhận',
  duplicate: 'Trùng',
  rejected: 'Bị từ chối',
};

/**
 * `vanthu import PATH… [--received YYYY-MM-DD]`: files and folders, one result per entry
 * created or input refused. Exits 0 when it processed its inputs, whatever each one's status.
 */
export async function runImport(ctx: Context, args: string[]): Promise<void> {
  const { values, positionals } = parseCommand(args, { received: { type: 'string' } });
  if (positionals.length === 0) throw usage('Cách dùng: vanthu import TỆP_HOẶC_THƯ_MỤC… [--received YYYY-MM-DD].');
  if (values.received !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.received)) throw usage('--received cần ngày dạng YYYY-MM-DD.');
  const missing = positionals.filter((p) => !fs.existsSync(p));
  if (missing.length) throw new CliError(1, 'file_not_found', `Không tìm thấy: ${missing.join(', ')}. Hãy kiểm tra đường dẫn.`);
  await withCore(ctx, async (core) => {
    const results = await call(core, 'intake.importPaths', {
      paths: positionals.map((p) => path.resolve(p)),
      receivedDate: values.received ?? null,
    });
    if (ctx.json) return printJson(ctx, results);
    for (const r of results) {
      const where = r.attachment ? `${r.file} › ${r.attachment}` : r.file;
      const number = r.arrivalNumber !== null ? ` — số đến ${r.arrivalNumber}/${r.arrivalYear}` : '';
      ctx.out(`${STATUS_LABEL[r.status]}: ${where}${number}${r.unit?.name ? ` — ${r.unit.name}` : ''}${r.reason ? `\n    ${r.reason}` : ''}`);
    }
    const count = (s: ImportResult['status']) => results.filter((r) => r.status === s).length;
    ctx.out(`\n${count('registered')} đã vào sổ, ${count('needs_review')} chờ xác nhận, ${count('duplicate')} trùng, ${count('rejected')} bị từ chối.`);
  });
}
