import { call, parseCommand, usage, withCore, type Context } from '../context.js';
import { writeOutputFile } from '../files.js';

/** `register out --year YYYY --out FILE.xlsx`: the outgoing register of a year, ready to print. */
export async function runRegister(ctx: Context, args: string[]): Promise<void> {
  const [which, ...rest] = args;
  if (which !== 'out') throw usage(which ? `Sổ "${which}" chưa có trong phiên bản này; hiện có: out (sổ văn bản đi).` : 'Thiếu loại sổ: out.');
  const { values, positionals } = parseCommand(rest, { year: { type: 'string' }, out: { type: 'string' } });
  if (positionals.length) throw usage(`Thừa tham số: ${positionals.join(' ')}.`);
  if (!values.year || !/^\d{4}$/.test(values.year)) throw usage('Thiếu --year NĂM (4 chữ số).');
  if (!values.out) throw usage('Thiếu --out TỆP.xlsx.');
  const year = Number(values.year);
  const outFile = values.out;
  await withCore(ctx, async (core) => {
    const rows = await call(core, 'register.outgoing', { year });
    const file = await call(core, 'register.outgoingXlsx', { year });
    const written = writeOutputFile(outFile, Buffer.from(file.base64, 'base64'));
    ctx.out(ctx.json ? JSON.stringify({ file: written, year, rows: rows.length }) : `Đã xuất sổ đăng ký văn bản đi năm ${year} (${rows.length} văn bản) ra ${written}.`);
  });
}
