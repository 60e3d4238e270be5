import type { OcrQueueStatus } from '../../../shared/domain/ocr.js';
import { CliError, call, parseCommand, printJson, usage, withCore, type Context } from '../context.js';

function statusLine(s: OcrQueueStatus): string {
  const waiting = s.pendingPages === 0 ? 'Không còn trang nào chờ nhận dạng chữ.' : `Còn ${s.pendingPages} trang của ${s.documents} văn bản chờ nhận dạng chữ.`;
  const failed = s.failedPages > 0 ? ` ${s.failedPages} trang không đọc được, đã bỏ qua (xem logs/vanthu.log).` : '';
  const off = s.enabled ? '' : ' Nhận dạng chữ (OCR) đang tắt trong Cài đặt → Quy tắc làm việc.';
  return `${waiting}${failed}${off}`;
}

/**
 * `vanthu ocr [--status]`: reads now, one page at a time, the pages of scans still waiting for
 * OCR (pages 2+, read for search; page 1 was read at import). `vanthu import` never waits for
 * them: the desktop app and browser mode read them in the background. Ctrl+C is safe: the page
 * being read stays queued.
 */
export async function runOcr(ctx: Context, args: string[]): Promise<void> {
  const { values, positionals } = parseCommand(args, { status: { type: 'boolean' } });
  if (positionals.length) throw usage(`"ocr" không nhận tham số ${positionals.join(' ')}.`);
  await withCore(ctx, async (core) => {
    const before = await call(core, 'ocr.status', {});
    if (values.status) return ctx.json ? printJson(ctx, before) : ctx.out(statusLine(before));
    if (!before.enabled) {
      throw new CliError(1, 'ocr_disabled', 'Nhận dạng chữ (OCR) đang tắt. Hãy bật "Đọc văn bản scan bằng OCR" trong Cài đặt → Quy tắc làm việc rồi chạy lại lệnh.');
    }
    const run = await core.app.ocrQueue.runUntilEmpty((p) => {
      if (ctx.json) return;
      const where = `trang ${p.page}/${p.pageCount} của văn bản đến số ${p.arrivalNumber}/${p.arrivalYear}`;
      ctx.out(p.read ? `Đã đọc ${where}.` : `Không đọc được ${where}.`);
    });
    const after = await call(core, 'ocr.status', {});
    const pages = run.pagesRead + run.pagesFailed;
    const secondsPerPage = pages > 0 ? Math.round((run.seconds / pages) * 10) / 10 : null;
    if (ctx.json) return printJson(ctx, { pagesRead: run.pagesRead, pagesFailed: run.pagesFailed, secondsPerPage, status: after });
    if (pages > 0) ctx.out(`\nĐã đọc ${run.pagesRead} trang (${secondsPerPage} giây/trang).`);
    ctx.out(statusLine(after));
  });
}
