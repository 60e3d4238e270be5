import type { Core } from '../../api/core.js';
import type { Dispatch } from '../../../shared/domain/dispatch.js';
import { CliError, call, parseCommand, printJson, usage, withCore, type Context } from '../context.js';
import { readInputFile, writeOutputFile } from '../files.js';
import { dispatchFromFile } from '../../dispatches/dispatch-file.js';
import { UserError } from '../../api/errors.js';

const STATUS_LABEL: Record<Dispatch['status'], string> = { draft: 'dự thảo', issued: 'đã ban hành', voided: 'đã hủy' };

function printed(d: Dispatch): string {
  const number = d.number === null ? '…' : String(d.number).padStart(2, '0');
  return `${number}/${d.symbol}`;
}

function vnDate(iso: string | null): string {
  return iso ? iso.split('-').reverse().join('/') : '';
}

/**
 * A dispatch named on the command line: its id, or its number/symbol as printed
 * ("864/STTTT-TTBCBC"), with --year where that is ambiguous.
 */
export async function resolveDispatch(core: Core, reference: string, year: number | null): Promise<Dispatch> {
  if (/^\d+$/.test(reference)) return call(core, 'dispatches.get', { id: Number(reference) });
  const found = await call(core, 'dispatches.resolve', { reference, year });
  if (found.length === 1) return found[0]!;
  if (found.length === 0) {
    throw new CliError(1, 'not_found', `Không tìm thấy văn bản đi "${reference}"${year ? ` năm ${year}` : ''}.`);
  }
  throw new CliError(
    1,
    'ambiguous',
    `Có ${found.length} văn bản "${reference}": ${found.map((d) => `${printed(d)} ngày ${vnDate(d.issueDate)} (mã ${d.id})`).join('; ')}. Hãy thêm --year hoặc dùng mã.`,
    { candidates: found.map((d) => ({ id: d.id, number: d.number, symbol: d.symbol, issueDate: d.issueDate })) },
  );
}

function yearOption(text: string | undefined): number | null {
  if (text === undefined) return null;
  if (!/^\d{4}$/.test(text)) throw usage('--year cần năm có 4 chữ số.');
  return Number(text);
}

function printDispatch(ctx: Context, d: Dispatch, verb: string): void {
  if (ctx.json) return printJson(ctx, d);
  ctx.out(`${verb} ${printed(d)}${d.issueDate ? ` ngày ${vnDate(d.issueDate)}` : ''} (mã ${d.id}, ${STATUS_LABEL[d.status]}).`);
}

export async function runDispatch(ctx: Context, args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'list': {
      const { values, positionals } = parseCommand(rest, { year: { type: 'string' } });
      if (positionals.length) throw usage('"dispatch list" chỉ nhận --year.');
      return withCore(ctx, async (core) => {
        const { items: list } = await call(core, 'dispatches.list', { year: yearOption(values.year) });
        if (ctx.json) return printJson(ctx, list);
        if (list.length === 0) return ctx.out('Chưa có văn bản đi nào.');
        for (const d of list) {
          ctx.out(`${String(d.id).padStart(4)}  ${printed(d).padEnd(22)} ${vnDate(d.issueDate).padEnd(10)}  ${STATUS_LABEL[d.status].padEnd(12)} V/v ${d.subject}`);
        }
      });
    }
    case 'create': {
      const { positionals } = parseCommand(rest, {});
      const [file] = positionals;
      if (!file || positionals.length > 1) throw usage('Cách dùng: vanthu dispatch create TỆP.json.');
      let content: unknown;
      try {
        content = JSON.parse(readInputFile(file).toString('utf8'));
      } catch (error) {
        if (error instanceof CliError) throw error;
        throw new CliError(1, 'invalid_json', `Tệp "${file}" không phải JSON hợp lệ. Xem mẫu trong docs/dispatch-864.json.`);
      }
      return withCore(ctx, async (core) => {
        const lookup = {
          groups: await call(core, 'groups.list', {}),
          units: await call(core, 'units.list', { includeInactive: true }),
          defaultSigner: (await call(core, 'settings.getProfile', {})).signers[0] ?? null,
        };
        let draft;
        try {
          draft = dispatchFromFile(content, lookup);
        } catch (error) {
          if (error instanceof UserError) throw new CliError(1, error.code, error.message);
          throw error;
        }
        printDispatch(ctx, await call(core, 'dispatches.createDraft', draft), 'Đã tạo dự thảo');
      });
    }
    case 'issue': {
      const { values, positionals } = parseCommand(rest, {
        number: { type: 'string' },
        date: { type: 'string' },
        year: { type: 'string' },
        'number-later': { type: 'boolean', default: false },
      });
      const [ref] = positionals;
      if (!ref || positionals.length > 1) throw usage('Cách dùng: vanthu dispatch issue ID [--number N] [--date YYYY-MM-DD].');
      if (values.number !== undefined && !/^\d+$/.test(values.number)) throw usage('--number cần một số nguyên dương.');
      return withCore(ctx, async (core) => {
        const d = await resolveDispatch(core, ref, yearOption(values.year));
        const issued = await call(core, 'dispatches.issue', {
          id: d.id,
          number: values.number === undefined ? null : Number(values.number),
          date: values.date ?? null,
          numberLater: values['number-later'],
        });
        printDispatch(ctx, issued, 'Đã ban hành');
      });
    }
    case 'void': {
      const { values, positionals } = parseCommand(rest, { reason: { type: 'string' }, year: { type: 'string' } });
      const [ref] = positionals;
      if (!ref || positionals.length > 1) throw usage('Cách dùng: vanthu dispatch void ID --reason "lý do".');
      if (!values.reason?.trim()) throw usage('Thiếu lý do hủy: --reason "lý do".');
      const reason = values.reason;
      return withCore(ctx, async (core) => {
        const d = await resolveDispatch(core, ref, yearOption(values.year));
        printDispatch(ctx, await call(core, 'dispatches.void', { id: d.id, reason }), 'Đã hủy');
      });
    }
    case 'render': {
      const { values, positionals } = parseCommand(rest, {
        out: { type: 'string' },
        year: { type: 'string' },
        'blank-number': { type: 'boolean', default: false },
      });
      const [ref] = positionals;
      if (!ref || positionals.length > 1 || !values.out) throw usage('Cách dùng: vanthu dispatch render VB --out TỆP.docx|.html|.pdf.');
      const out = values.out;
      const format = /\.(docx|html|pdf)$/i.exec(out)?.[1]?.toLowerCase();
      if (!format) throw usage('Tệp ra phải có đuôi .docx, .html hoặc .pdf.');
      return withCore(ctx, async (core) => {
        const d = await resolveDispatch(core, ref, yearOption(values.year));
        let bytes: Buffer | string;
        if (format === 'html') bytes = (await call(core, 'dispatches.renderHtml', { id: d.id })).html;
        else if (format === 'pdf') bytes = Buffer.from((await call(core, 'dispatches.renderPdf', { id: d.id })).base64, 'base64');
        else bytes = Buffer.from((await call(core, 'dispatches.renderDocx', { id: d.id, blankNumber: values['blank-number'] })).base64, 'base64');
        const written = writeOutputFile(out, bytes);
        ctx.out(ctx.json ? JSON.stringify({ file: written, dispatchId: d.id, format }) : `Đã ghi ${printed(d)} ra ${written}.`);
      });
    }
    default:
      throw usage(sub ? `Lệnh "dispatch ${sub}" không có.` : 'Thiếu lệnh con: list, create, issue, void hoặc render.');
  }
}
