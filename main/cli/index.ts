import fs from 'node:fs';
import path from 'node:path';
import { defaultDataDir } from '../app/data-dir.js';
import { APP_VERSION } from '../app/version.js';
import { preferSmallHeap } from '../app/memory.js';
import { CliError, usage, type Context } from './context.js';
import { runInit } from './commands/init.js';
import { runUnits } from './commands/units.js';
import { runServe } from './commands/serve.js';
import { runDispatch } from './commands/dispatch.js';
import { runRegister } from './commands/register.js';
import { runImport } from './commands/import.js';
import { runRemind, runTracking } from './commands/tracking.js';
import { runReport } from './commands/report.js';
import { runForm } from './commands/form.js';
import { runSearch } from './commands/search.js';
import { runOcr } from './commands/ocr.js';
import { runBackup, runRestore } from './commands/backup.js';

/**
 * The `vanthu` command (DESIGN §5). Every command goes through the same handler table
 * as the app. Exit 0 on success, 1 on a user error, 2 on a usage error; with --json
 * only JSON is printed on stdout, errors included.
 */

const HELP = `VănThư ${APP_VERSION} — quản lý công văn và theo dõi báo cáo

Cách dùng: vanthu [--data THƯ_MỤC] [--json] LỆNH …

Lệnh:
  init [--demo]               Tạo hoặc nâng cấp dữ liệu; --demo thêm dữ liệu mẫu
                              (Sở TT&TT Kiên Giang, các đơn vị nhận Công văn 864)
  units list                  Liệt kê đơn vị nhận theo nhóm
  units import TỆP.xlsx       Nhập đơn vị từ Excel (nhập tất cả hoặc không nhập dòng nào)
  units export TỆP.xlsx       Xuất danh sách đơn vị ra Excel
  dispatch list [--year NĂM]  Liệt kê văn bản đi
  dispatch create TỆP.json    Tạo dự thảo công văn từ tệp JSON (mẫu: docs/dispatch-864.json)
  dispatch issue VB [--number N] [--date YYYY-MM-DD] [--number-later]
                              Ban hành: cấp số tiếp theo của năm (hoặc số N), ghi vào sổ văn bản đi
  dispatch void VB --reason LÝ_DO
                              Hủy văn bản đã ban hành (số đã cấp không dùng lại)
  dispatch render VB --out TỆP.docx|.html|.pdf [--blank-number]
                              Xuất công văn đúng thể thức Nghị định 30 (--blank-number: để trống số)
  import ĐƯỜNG_DẪN… [--received YYYY-MM-DD]
                              Nhập văn bản đến: tệp, thư mục, thư (.eml, .msg), tệp nén (.zip);
                              nhận ra đơn vị gửi, công văn được trả lời, kỳ báo cáo; vào sổ văn bản đến
  tracking VB [--period KỲ] [--today YYYY-MM-DD]
                              Đơn vị nào đã báo cáo, đúng hạn, trễ hạn, chưa báo cáo (theo từng kỳ)
  remind VB --period KỲ --out TỆP.docx [--today YYYY-MM-DD] [--issue]
                              Soạn công văn đôn đốc các đơn vị chưa báo cáo (lưu vào sổ văn bản đi)
  form VB --out TỆP.xlsx [--unit ĐƠN_VỊ] [--period KỲ]
                              Xuất biểu số liệu (Excel) để đơn vị điền: cho một đơn vị (--unit: mã hoặc
                              tên) hoặc để trống tên đơn vị; số liệu gửi về được đọc khi nhập văn bản đến
  report VB --period KỲ --out TỆP.docx [--xlsx TỆP.xlsx] [--today YYYY-MM-DD] [--issue]
                              Lập báo cáo tổng hợp gửi cấp trên (Mẫu 1.4, lưu vào sổ văn bản đi):
                              tình hình báo cáo, số liệu tổng hợp từ biểu mẫu; --xlsx: phụ lục số liệu
  register out|in --year NĂM --out TỆP.xlsx
                              Xuất sổ đăng ký văn bản đi hoặc đến của năm (theo Nghị định 30)
  search TỪ_KHÓA [--type incoming|dispatch|unit|file] [--year NĂM] [--unit ĐƠN_VỊ]
         [--dispatch VB] [--status registered|needs_review|draft|issued|voided]
                              Tìm trong văn bản đến (cả nội dung), văn bản đi, đơn vị và tên tệp;
                              gõ không dấu được; "trong ngoặc kép" là cụm từ; lọc theo loại, năm,
                              đơn vị, công văn được trả lời, trạng thái
  ocr [--status]              Nhận dạng chữ ngay các trang sau của văn bản scan đang chờ (để tìm kiếm;
                              ứng dụng tự làm việc này khi chạy); --status: chỉ cho biết còn bao nhiêu trang
  backup --out TỆP            Sao lưu toàn bộ (cơ sở dữ liệu và mọi tệp gốc) vào một tệp .vanthu-backup
  restore TỆP                 Khôi phục từ tệp sao lưu (kiểm tra trước; dữ liệu hiện tại được giữ lại)
  serve [--port N]            Chạy chế độ trình duyệt trên 127.0.0.1 (in ra đường dẫn kèm mã phiên)

  VB là mã văn bản hoặc số, ký hiệu như khi in ("864/STTTT-TTBCBC"), thêm --year NĂM nếu trùng.
  KỲ: 2021 (năm), 2022-H1 (6 tháng), 2023-Q3 (quý), 2023-07 (tháng), once (một lần).

Tùy chọn chung:
  --data THƯ_MỤC              Thư mục dữ liệu (vanthu.db và files/); mặc định $VANTHU_DATA,
                              nếu không có thì thư mục dữ liệu của ứng dụng
  --json                      Chỉ in JSON ra stdout (kể cả lỗi: { "error": { "code", "message" } })
  -h, --help                  Hiện hướng dẫn này
  -v, --version               Hiện phiên bản
`;

interface GlobalOptions {
  data: string | null;
  json: boolean;
  help: boolean;
  version: boolean;
  rest: string[];
}

/** Takes the global options from anywhere on the line; the rest belongs to the command. */
function splitGlobalOptions(argv: string[]): GlobalOptions {
  const options: GlobalOptions = { data: null, json: false, help: false, version: false, rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') options.json = true;
    else if (a === '--help' || a === '-h') options.help = true;
    else if (a === '--version' || a === '-v') options.version = true;
    else if (a === '--data') {
      const dir = argv[++i];
      if (dir === undefined || dir.startsWith('--')) throw usage('--data cần một thư mục.');
      options.data = dir;
    } else if (a.startsWith('--data=')) options.data = a.slice('--data='.length);
    else options.rest.push(a);
  }
  return options;
}

export async function main(argv: string[], out: (text: string) => void = (t) => process.stdout.write(`${t}\n`)): Promise<number> {
  const json = argv.includes('--json');
  try {
    const options = splitGlobalOptions(argv);
    if (options.version) {
      out(json ? JSON.stringify({ version: APP_VERSION }) : APP_VERSION);
      return 0;
    }
    const [command, ...args] = options.rest;
    if (options.help || !command) {
      out(json ? JSON.stringify({ help: HELP }) : HELP);
      return options.help ? 0 : 2;
    }
    const ctx: Context = { json, dataDir: path.resolve(options.data ?? defaultDataDir()), out };
    switch (command) {
      case 'init':
        await runInit(ctx, args);
        break;
      case 'units':
        await runUnits(ctx, args);
        break;
      case 'dispatch':
        await runDispatch(ctx, args);
        break;
      case 'import':
        await runImport(ctx, args);
        break;
      case 'tracking':
        await runTracking(ctx, args);
        break;
      case 'remind':
        await runRemind(ctx, args);
        break;
      case 'report':
        await runReport(ctx, args);
        break;
      case 'form':
        await runForm(ctx, args);
        break;
      case 'backup':
        await runBackup(ctx, args);
        break;
      case 'restore':
        await runRestore(ctx, args);
        break;
      case 'search':
        await runSearch(ctx, args);
        break;
      case 'ocr':
        await runOcr(ctx, args);
        break;
      case 'register':
        await runRegister(ctx, args);
        break;
      case 'serve':
        await runServe(ctx, args);
        break;
      default:
        throw usage(`Lệnh "${command}" không có.`);
    }
    return 0;
  } catch (error) {
    const e = error instanceof CliError ? error : new CliError(1, 'internal', `Lỗi không mong đợi: ${(error as Error).message}`);
    if (json) out(JSON.stringify({ error: { code: e.code, message: e.message, ...e.extra } }));
    else {
      process.stderr.write(`Lỗi: ${e.message}\n`);
      const rows = e.extra?.rows as { row: number; column: string; message: string }[] | undefined;
      for (const r of rows ?? []) process.stderr.write(`  Dòng ${r.row}, cột "${r.column}": ${r.message}\n`);
    }
    return e.exitCode;
  }
}

// Run when executed as the CLI bundle (not when imported by tests).
const entry = process.argv[1] ? fs.realpathSync(process.argv[1]) : '';
if (entry.endsWith(`${path.sep}vanthu.mjs`)) {
  preferSmallHeap();
  // A reader that stops early (`vanthu units list | head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  process.exitCode = await main(process.argv.slice(2));
}
