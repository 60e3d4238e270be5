import { call, parseCommand, usage, withCore, type Context } from '../context.js';
import { writeOutputFile } from '../files.js';

/** `register out|in --year YYYY --out FILE.xlsx`: the outgoing or incoming register of a year, ready to print. */
export async function runRegister(ctx: Context, args: string[]): Promise<void> {
  const [which, ...rest] = args;
  if (which !== 'out' && which !== 'in') throw usage(which ? `Không có sổ "${which}": dùng out (văn bản đi) hoặc in (văn bản đến).` : 'Thiếu loại sổ: out hoặc in.');
  const { values, positionals } = parseCommand(rest, { year: { type: 'string' }, out: { type: 'string' } });
  if (positionals.length) throw usage(`Thừa tham số: ${positionals.join(' ')}.`);
  if (!values.year || !/^\d{4}$/.test(values.year)) throw usage('Thiếu --year NĂM (4 chữ số).');
  if (!values.out) throw usage('Thiếu --out TỆP.xlsx.');
  const year = Number(values.year);
  const outFile = values.out;
  await withCore(ctx, async (core) => {
    // Only the count is printed: one row is enough to learn it.
    const { total: rows } = which === 'out' ? await call(core, 'register.outgoing', { year, limit: 1 }) : await call(core, 'register.incoming', { year, limit: 1 });
    const file = which === 'out' ? await call(core, 'register.outgoingXlsx', { year }) : await call(core, 'register.incomingXlsx', { year });
    const written = writeOutputFile(outFile, Buffer.from(file.base64, 'base64'));
    const name = which === 'out' ? 'đi' : 'đến';
    ctx.out(ctx.json ? JSON.stringify({ file: written, year, rows }) : `Đã xuất sổ đăng ký văn bản ${name} năm ${year} (${rows} văn bản) ra ${written}.`);
  });
}
