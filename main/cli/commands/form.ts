import type { Core } from '../../api/core.js';
import type { Unit } from '../../../shared/domain/unit.js';
import { nameKey } from '../../../shared/vn/fold.js';
import { CliError, call, parseCommand, printJson, usage, withCore, type Context } from '../context.js';
import { writeOutputFile } from '../files.js';
import { resolveDispatch } from './dispatch.js';
import { yearOf } from './tracking.js';

/** A unit by its id or its name (or another name it goes by), written with or without marks. */
async function resolveUnit(core: Core, text: string): Promise<Unit> {
  if (/^\d+$/.test(text)) return call(core, 'units.get', { id: Number(text) });
  const found = await call(core, 'units.list', { query: text, groupId: null, includeInactive: true });
  const exact = found.filter((u) => [u.name, ...u.aliases].some((n) => nameKey(n) === nameKey(text)));
  const candidates = exact.length ? exact : found;
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length === 0) throw new CliError(1, 'not_found', `Không tìm thấy đơn vị "${text}". Gõ "vanthu units list" để xem danh sách.`);
  throw new CliError(1, 'ambiguous', `Có ${candidates.length} đơn vị khớp "${text}": ${candidates.map((u) => `${u.name} (mã ${u.id})`).join('; ')}. Hãy gõ đủ tên hoặc dùng mã.`, {
    candidates: candidates.map((u) => ({ id: u.id, name: u.name })),
  });
}

/** `vanthu form DISPATCH --out FILE.xlsx [--unit UNIT] [--period KEY] [--year YYYY]`: the data form units fill in. */
export async function runForm(ctx: Context, args: string[]): Promise<void> {
  const { values, positionals } = parseCommand(args, { out: { type: 'string' }, unit: { type: 'string' }, period: { type: 'string' }, year: { type: 'string' } });
  const [ref] = positionals;
  if (!ref || positionals.length > 1 || !values.out) throw usage('Cách dùng: vanthu form VB --out TỆP.xlsx [--unit ĐƠN_VỊ] [--period KỲ].');
  const out = values.out;
  await withCore(ctx, async (core) => {
    const d = await resolveDispatch(core, ref, yearOf(values.year));
    const unit = values.unit === undefined ? null : await resolveUnit(core, values.unit);
    const periodKey = values.period ?? null;
    const file = await call(core, 'forms.renderXlsx', { dispatchId: d.id, unitId: unit?.id ?? null, periodKey });
    const written = writeOutputFile(out, Buffer.from(file.base64, 'base64'));
    const form = (await call(core, 'forms.get', { dispatchId: d.id }))!;
    const indicators = form.rows.filter((r) => r.kind === 'indicator').length;
    if (ctx.json) {
      return printJson(ctx, {
        file: written,
        fileName: file.fileName,
        dispatch: { id: d.id, number: d.number, symbol: d.symbol },
        form: { formKey: form.formKey, version: form.version, title: form.title, indicators },
        unit: unit && { id: unit.id, name: unit.name },
        periodKey,
      });
    }
    const forWhom = unit ? `cho ${unit.name}` : 'để trống tên đơn vị (chọn trong danh sách)';
    ctx.out(`Đã ghi biểu số liệu "${form.title}" (phiên bản ${form.version}, ${indicators} chỉ tiêu) ${forWhom}${periodKey ? `, kỳ ${periodKey}` : ''} ra ${written}.`);
  });
}
