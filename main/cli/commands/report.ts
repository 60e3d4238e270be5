import { call, parseCommand, printJson, usage, withCore, type Context } from '../context.js';
import { writeOutputFile } from '../files.js';
import { resolveDispatch } from './dispatch.js';
import { dateOption, yearOf } from './tracking.js';

/**
 * `vanthu report DISPATCH --period KEY --out FILE.docx [--xlsx FILE.xlsx] [--today …] [--issue]`:
 * the consolidated Báo cáo of a period, saved as a draft in the outgoing register (as `remind`
 * saves its công văn), issued with the next number with --issue, written as .docx, and its
 * appendix as .xlsx when asked.
 */
export async function runReport(ctx: Context, args: string[]): Promise<void> {
  const { values, positionals } = parseCommand(args, {
    period: { type: 'string' },
    out: { type: 'string' },
    xlsx: { type: 'string' },
    today: { type: 'string' },
    year: { type: 'string' },
    issue: { type: 'boolean', default: false },
  });
  const [ref] = positionals;
  if (!ref || positionals.length > 1 || !values.period || !values.out) {
    throw usage('Cách dùng: vanthu report VB --period KỲ --out TỆP.docx [--xlsx TỆP.xlsx] [--today YYYY-MM-DD] [--issue].');
  }
  const today = dateOption('today', values.today);
  const periodKey = values.period;
  const { out, xlsx } = values;
  await withCore(ctx, async (core) => {
    const source = await resolveDispatch(core, ref, yearOf(values.year));
    let report = await call(core, 'reports.createDraft', { dispatchId: source.id, periodKey, today });
    if (values.issue) report = await call(core, 'dispatches.issue', { id: report.id, number: null, date: today, numberLater: false });
    const docx = await call(core, 'dispatches.renderDocx', { id: report.id, blankNumber: false });
    const file = writeOutputFile(out, Buffer.from(docx.base64, 'base64'));
    let appendix: string | null = null;
    if (xlsx) {
      const sheet = await call(core, 'reports.appendixXlsx', { dispatchId: source.id, periodKey, today });
      appendix = writeOutputFile(xlsx, Buffer.from(sheet.base64, 'base64'));
    }
    const form = await call(core, 'forms.get', { dispatchId: source.id });
    const consolidation = form ? await call(core, 'forms.consolidate', { dispatchId: source.id, periodKey }) : null;
    if (ctx.json) {
      return printJson(ctx, {
        file,
        xlsx: appendix,
        dispatch: report,
        consolidation: consolidation && {
          units: consolidation.units.length,
          indicators: consolidation.rows.flatMap((r) => (r.kind === 'indicator' ? [r.indicator] : [])),
        },
      });
    }
    const number = report.number === null ? 'dự thảo' : `số ${String(report.number).padStart(2, '0')}/${report.symbol}`;
    const figures = consolidation ? `, số liệu của ${consolidation.units.length} đơn vị` : '';
    ctx.out(`Đã soạn báo cáo tổng hợp (${number})${figures}, ghi ra ${file}${appendix ? `; phụ lục: ${appendix}` : ''}.`);
  });
}
