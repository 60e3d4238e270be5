import { SearchKind, SearchStatus } from '../../../shared/domain/search.js';
import { nameKey } from '../../../shared/vn/fold.js';
import type { Core } from '../../api/core.js';
import { call, CliError, parseCommand, printJson, usage, withCore, type Context } from '../context.js';
import { resolveDispatch } from './dispatch.js';

const KIND: Record<SearchKind, string> = { incoming: 'Văn bản đến', dispatch: 'Văn bản đi', unit: 'Đơn vị', file: 'Tệp' };

const USAGE =
  'Cách dùng: vanthu search TỪ_KHÓA [--type incoming|dispatch|unit|file] [--year NĂM] [--unit ĐƠN_VỊ] [--dispatch VB] ' +
  '[--status registered|needs_review|draft|issued|voided] (ví dụ: vanthu search "rac thai nhua" --year 2021).';

/** A unit named on the command line: its id, or its name (without diacritics is fine) when only one unit has it. */
async function resolveUnit(core: Core, text: string): Promise<number> {
  if (/^\d+$/.test(text)) return (await call(core, 'units.get', { id: Number(text) })).id;
  const found = await call(core, 'units.list', { query: text, includeInactive: true });
  const exact = found.filter((u) => nameKey(u.name) === nameKey(text));
  const [only] = exact.length === 1 ? exact : found.length === 1 ? found : [];
  if (only) return only.id;
  if (found.length === 0) throw new CliError(1, 'not_found', `Không tìm thấy đơn vị "${text}".`);
  throw new CliError(
    1,
    'ambiguous',
    `Có ${found.length} đơn vị khớp "${text}": ${found
      .slice(0, 5)
      .map((u) => `${u.name} (mã ${u.id})`)
      .join('; ')}${found.length > 5 ? '; …' : ''}. Hãy gõ đủ tên hoặc dùng mã.`,
  );
}

/** The dispatch of `--dispatch`; `--year` filters the documents here, so an ambiguous reference asks for the id. */
async function dispatchFilter(core: Core, reference: string): Promise<number> {
  try {
    return (await resolveDispatch(core, reference, null)).id;
  } catch (error) {
    if (!(error instanceof CliError) || error.code !== 'ambiguous') throw error;
    const ids = (error.extra?.candidates as { id: number }[] | undefined)?.map((c) => c.id) ?? [];
    throw new CliError(1, 'ambiguous', `${error.message.replace(/ Hãy thêm --year hoặc dùng mã\.$/, '')} Hãy dùng mã văn bản, ví dụ --dispatch ${ids[0] ?? 1}.`, error.extra);
  }
}

function choice<T extends string>(option: string, text: string | undefined, allowed: readonly T[]): T | null {
  if (text === undefined) return null;
  if (!(allowed as readonly string[]).includes(text)) throw usage(`--${option} nhận một trong: ${allowed.join(', ')}.`);
  return text as T;
}

/**
 * `vanthu search QUERY [filters]`: words without diacritics find words with them; "quoted words" are
 * a phrase. Filters narrow to a kind, a year, a unit, a dispatch (the documents answering it), a status.
 */
export async function runSearch(ctx: Context, args: string[]): Promise<void> {
  const { values, positionals } = parseCommand(args, {
    type: { type: 'string' },
    year: { type: 'string' },
    unit: { type: 'string' },
    dispatch: { type: 'string' },
    status: { type: 'string' },
  });
  const query = positionals.join(' ').trim();
  if (!query) throw usage(USAGE);
  if (values.year !== undefined && !/^\d{4}$/.test(values.year)) throw usage('--year cần năm có 4 chữ số.');
  const type = choice('type', values.type, SearchKind.options);
  const status = choice('status', values.status, SearchStatus.options);
  await withCore(ctx, async (core) => {
    const unitId = values.unit === undefined ? null : await resolveUnit(core, values.unit);
    const dispatchId = values.dispatch === undefined ? null : await dispatchFilter(core, values.dispatch);
    const year = values.year === undefined ? null : Number(values.year);
    const hits = await call(core, 'search.query', { query, limit: 50, type, year, status, unitId, dispatchId });
    if (ctx.json) return printJson(ctx, hits);
    if (hits.length === 0) return ctx.out(`Không tìm thấy "${query}".`);
    for (const h of hits) {
      // A file's snippet is its name, already the title.
      const snippet = h.snippet && h.snippet.text !== h.title ? `\n    ${h.snippet.text}` : '';
      ctx.out(`[${KIND[h.kind]}] ${h.title}\n    ${h.subtitle}${snippet}`);
    }
    ctx.out(`\n${hits.length} kết quả.`);
  });
}
