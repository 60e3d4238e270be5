import path from 'node:path';
import type { Unit, UnitImportResult } from '../../../shared/domain/unit.js';
import { CliError, call, printJson, usage, withCore, type Context } from '../context.js';
import { readInputFile, writeOutputFile } from '../files.js';

function printUnits(ctx: Context, units: Unit[]): void {
  if (ctx.json) return printJson(ctx, units);
  if (units.length === 0) return ctx.out('Chưa có đơn vị nào. Dùng "vanthu units import TỆP.xlsx" hoặc "vanthu init --demo".');
  let group: string | null | undefined;
  for (const u of units) {
    if (u.groupName !== group) {
      group = u.groupName;
      ctx.out(`\n${group ?? 'Chưa xếp nhóm'}`);
    }
    const status = u.active ? '' : ' [ngừng hoạt động]';
    const emails = u.emails.length ? `  <${u.emails.join(', ')}>` : '';
    ctx.out(`  ${String(u.id).padStart(4)}  ${u.name}${status}${emails}`);
  }
  ctx.out(`\nTổng cộng ${units.length} đơn vị.`);
}

function printImport(ctx: Context, result: UnitImportResult): void {
  if (!result.imported) {
    throw new CliError(1, 'invalid_rows', `Tệp có ${result.errors.length} lỗi nên chưa nhập dòng nào. Hãy sửa rồi nhập lại.`, {
      rows: result.errors,
    });
  }
  if (ctx.json) return printJson(ctx, result);
  ctx.out(
    `Đã nhập: ${result.created} đơn vị mới, ${result.updated} cập nhật, ${result.unchanged} không đổi` +
      (result.groupsCreated ? `, ${result.groupsCreated} nhóm mới.` : '.'),
  );
}

export async function runUnits(ctx: Context, args: string[]): Promise<void> {
  const [sub, file, ...rest] = args;
  if (rest.length) throw usage(`Thừa tham số: ${rest.join(' ')}.`);
  switch (sub) {
    case 'list':
      if (file) throw usage('"units list" không nhận tham số.');
      return withCore(ctx, async (core) => printUnits(ctx, await call(core, 'units.list', { includeInactive: true })));
    case 'import': {
      if (!file) throw usage('Thiếu tên tệp: vanthu units import TỆP.xlsx.');
      const bytes = readInputFile(file);
      return withCore(ctx, async (core) =>
        printImport(ctx, await call(core, 'units.importXlsx', { fileName: path.basename(file), base64: bytes.toString('base64') })),
      );
    }
    case 'export': {
      if (!file) throw usage('Thiếu tên tệp: vanthu units export TỆP.xlsx.');
      return withCore(ctx, async (core) => {
        const result = await call(core, 'units.exportXlsx', {});
        const count = (await call(core, 'units.list', { includeInactive: true })).length;
        const out = writeOutputFile(file, Buffer.from(result.base64, 'base64'));
        ctx.out(ctx.json ? JSON.stringify({ file: out, units: count }) : `Đã xuất ${count} đơn vị ra ${out}.`);
      });
    }
    default:
      throw usage(sub ? `Lệnh "units ${sub}" không có.` : 'Thiếu lệnh con: list, import hoặc export.');
  }
}
