import { OBLIGATION_LABELS, type TrackingPeriod } from '../../../shared/domain/tracking.js';
import { call, parseCommand, printJson, usage, withCore, type Context } from '../context.js';
import { writeOutputFile } from '../files.js';
import { resolveDispatch } from './dispatch.js';

export function dateOption(name: string, text: string | undefined): string | null {
  if (text === undefined) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw usage(`--${name} cần ngày dạng YYYY-MM-DD.`);
  return text;
}

export function yearOf(text: string | undefined): number | null {
  if (text === undefined) return null;
  if (!/^\d{4}$/.test(text)) throw usage('--year cần năm có 4 chữ số.');
  return Number(text);
}

/** The CLI's JSON for one period (DESIGN §5 and issue 5): only the documented fields. */
function periodJson(t: TrackingPeriod) {
  const { notDue: _notDue, ...counts } = t.counts;
  return {
    dispatch: t.dispatch,
    period: { key: t.period.key, dueDate: t.period.dueDate },
    counts,
    rows: t.rows.map((r) => ({
      unit: { id: r.unit.id, name: r.unit.name },
      status: r.status,
      receivedDate: r.receivedDate,
      daysLate: r.daysLate,
      documents: r.documents.map((d) => ({ entryId: d.entryId, arrivalNumber: d.arrivalNumber, arrivalYear: d.arrivalYear })),
    })),
  };
}

/** `vanthu tracking DISPATCH [--period KEY] [--today YYYY-MM-DD]`. */
export async function runTracking(ctx: Context, args: string[]): Promise<void> {
  const { values, positionals } = parseCommand(args, { period: { type: 'string' }, today: { type: 'string' }, year: { type: 'string' } });
  const [ref] = positionals;
  if (!ref || positionals.length > 1) throw usage('Cách dùng: vanthu tracking VB [--period KỲ] [--today YYYY-MM-DD].');
  const today = dateOption('today', values.today);
  await withCore(ctx, async (core) => {
    const d = await resolveDispatch(core, ref, yearOf(values.year));
    const periods = await call(core, 'tracking.get', { dispatchId: d.id, periodKey: values.period ?? null, today });
    if (ctx.json) return printJson(ctx, values.period ? periodJson(periods[0]!) : periods.map(periodJson));
    for (const t of periods) {
      const c = t.counts;
      ctx.out(`\n${t.period.label} — hạn cuối ${t.period.dueDate.split('-').reverse().join('/')}: phải báo cáo ${c.expected}, đã nhận ${c.received} (đúng hạn ${c.onTime}, trễ ${c.late}), chưa báo cáo ${c.missing}, đang xem xét ${c.inReview}, miễn ${c.exempt}.`);
      for (const r of t.rows) {
        const extra = r.daysLate !== null ? ` (${r.daysLate} ngày)` : '';
        ctx.out(`  ${OBLIGATION_LABELS[r.status].padEnd(14)}${extra.padEnd(12)} ${r.unit.name}`);
      }
    }
  });
}

/** `vanthu remind DISPATCH --period KEY --out FILE.docx [--today …] [--issue]`. */
export async function runRemind(ctx: Context, args: string[]): Promise<void> {
  const { values, positionals } = parseCommand(args, {
    period: { type: 'string' },
    out: { type: 'string' },
    today: { type: 'string' },
    year: { type: 'string' },
    issue: { type: 'boolean', default: false },
  });
  const [ref] = positionals;
  if (!ref || positionals.length > 1 || !values.period || !values.out) throw usage('Cách dùng: vanthu remind VB --period KỲ --out TỆP.docx [--issue].');
  const today = dateOption('today', values.today);
  const periodKey = values.period;
  const out = values.out;
  await withCore(ctx, async (core) => {
    const d = await resolveDispatch(core, ref, yearOf(values.year));
    let reminder = await call(core, 'tracking.reminderDraft', { dispatchId: d.id, periodKey, today });
    if (values.issue) reminder = await call(core, 'dispatches.issue', { id: reminder.id, number: null, date: today, numberLater: false });
    const file = await call(core, 'dispatches.renderDocx', { id: reminder.id, blankNumber: false });
    const written = writeOutputFile(out, Buffer.from(file.base64, 'base64'));
    if (ctx.json) return printJson(ctx, { file: written, dispatch: reminder });
    const number = reminder.number === null ? 'dự thảo' : `số ${reminder.number}/${reminder.symbol}`;
    ctx.out(`Đã soạn công văn đôn đốc (${number}) gửi ${reminder.recipients.length} nơi nhận, ghi ra ${written}.`);
  });
}
