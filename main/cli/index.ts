import { parseArgs } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultDataDir } from '../app/data-dir.js';
import { openCore, type Core } from '../api/core.js';
import { startServer } from '../server/server.js';
import { APP_VERSION } from '../app/version.js';
import type { ApiInput, ApiOutput, Method } from '../../shared/api.js';
import type { Unit, UnitImportResult } from '../../shared/domain/unit.js';

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
  serve [--port N]            Chạy chế độ trình duyệt trên 127.0.0.1 (in ra đường dẫn kèm mã phiên)

Tùy chọn chung:
  --data THƯ_MỤC              Thư mục dữ liệu (vanthu.db và files/); mặc định $VANTHU_DATA,
                              nếu không có thì thư mục dữ liệu của ứng dụng
  --json                      Chỉ in JSON ra stdout (kể cả lỗi: { "error": { "code", "message" } })
  -h, --help                  Hiện hướng dẫn này
  -v, --version               Hiện phiên bản
`;

class CliError extends Error {
  constructor(
    readonly exitCode: 1 | 2,
    readonly code: string,
    message: string,
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }
}

const usage = (message: string) => new CliError(2, 'usage', `${message} Gõ "vanthu --help" để xem cách dùng.`);

interface Context {
  json: boolean;
  dataDir: string;
  out: (text: string) => void;
}

async function call<M extends Method>(core: Core, method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  const response = await core.call(method, input);
  if (!response.ok) throw new CliError(1, response.error.code, response.error.message);
  return response.result as ApiOutput<M>;
}

function withCore<T>(ctx: Context, work: (core: Core) => Promise<T>): Promise<T> {
  let core: Core;
  try {
    core = openCore({ dataDir: ctx.dataDir, shell: 'cli' });
  } catch (error) {
    throw new CliError(1, 'open_failed', `Không mở được dữ liệu ở "${ctx.dataDir}": ${(error as Error).message}`);
  }
  return work(core).finally(() => core.close());
}

function printUnits(ctx: Context, units: Unit[]): void {
  if (ctx.json) return ctx.out(JSON.stringify(units, null, 2));
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
  if (ctx.json) return ctx.out(JSON.stringify(result, null, 2));
  ctx.out(
    `Đã nhập: ${result.created} đơn vị mới, ${result.updated} cập nhật, ${result.unchanged} không đổi` +
      (result.groupsCreated ? `, ${result.groupsCreated} nhóm mới.` : '.'),
  );
}

async function runUnits(ctx: Context, args: string[]): Promise<void> {
  const [sub, file, ...rest] = args;
  if (rest.length) throw usage(`Thừa tham số: ${rest.join(' ')}.`);
  switch (sub) {
    case 'list':
      if (file) throw usage('"units list" không nhận tham số.');
      return withCore(ctx, async (core) => printUnits(ctx, await call(core, 'units.list', { includeInactive: true })));
    case 'import': {
      if (!file) throw usage('Thiếu tên tệp: vanthu units import TỆP.xlsx.');
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(file);
      } catch {
        throw new CliError(1, 'file_not_found', `Không đọc được tệp "${file}". Hãy kiểm tra đường dẫn.`);
      }
      return withCore(ctx, async (core) =>
        printImport(ctx, await call(core, 'units.importXlsx', { fileName: path.basename(file), base64: bytes.toString('base64') })),
      );
    }
    case 'export': {
      if (!file) throw usage('Thiếu tên tệp: vanthu units export TỆP.xlsx.');
      return withCore(ctx, async (core) => {
        const result = await call(core, 'units.exportXlsx', {});
        const count = (await call(core, 'units.list', { includeInactive: true })).length;
        try {
          fs.writeFileSync(file, Buffer.from(result.base64, 'base64'));
        } catch (error) {
          throw new CliError(1, 'write_failed', `Không ghi được tệp "${file}": ${(error as Error).message}`);
        }
        const out = path.resolve(file);
        ctx.out(ctx.json ? JSON.stringify({ file: out, units: count }) : `Đã xuất ${count} đơn vị ra ${out}.`);
      });
    }
    default:
      throw usage(sub ? `Lệnh "units ${sub}" không có.` : 'Thiếu lệnh con: list, import hoặc export.');
  }
}

async function runInit(ctx: Context, args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { demo: { type: 'boolean', default: false } }, strict: true });
  const existed = fs.existsSync(path.join(ctx.dataDir, 'vanthu.db'));
  await withCore(ctx, async (core) => {
    const demo = values.demo ? await call(core, 'app.firstRunChoice', { demo: true }) : null;
    if (ctx.json) {
      ctx.out(JSON.stringify({ dataDir: core.dataDir, created: !existed, demo }));
      return;
    }
    ctx.out(existed ? `Dữ liệu ở ${core.dataDir} đã được kiểm tra và nâng cấp.` : `Đã tạo dữ liệu mới ở ${core.dataDir}.`);
    if (demo) ctx.out(`Đã thêm dữ liệu mẫu: ${demo.unitsAdded} đơn vị, ${demo.groupsAdded} nhóm.`);
  });
}

async function runServe(ctx: Context, args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { port: { type: 'string' } }, strict: true });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw usage('Cổng phải là số từ 0 đến 65535.');
  const core = (() => {
    try {
      return openCore({ dataDir: ctx.dataDir, shell: 'browser' });
    } catch (error) {
      throw new CliError(1, 'open_failed', `Không mở được dữ liệu ở "${ctx.dataDir}": ${(error as Error).message}`);
    }
  })();
  const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));
  let server;
  try {
    server = await startServer({ core, rendererDir, port });
  } catch (error) {
    core.close();
    const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
    throw new CliError(1, 'listen_failed', inUse ? `Cổng ${port} đang được dùng. Hãy chọn cổng khác bằng --port.` : (error as Error).message);
  }
  ctx.out(
    ctx.json
      ? JSON.stringify({ url: server.url, port: server.port, dataDir: core.dataDir })
      : `VănThư đang chạy ở chế độ trình duyệt: ${server.url}\nDữ liệu: ${core.dataDir}\nNhấn Ctrl+C để dừng.`,
  );
  const stop = () => {
    void server.close().finally(() => {
      core.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

export async function main(argv: string[], out: (text: string) => void = (t) => process.stdout.write(`${t}\n`)): Promise<number> {
  const json = argv.includes('--json');
  try {
    let parsed;
    try {
      parsed = parseArgs({
        args: argv,
        options: {
          data: { type: 'string' },
          json: { type: 'boolean' },
          help: { type: 'boolean', short: 'h' },
          version: { type: 'boolean', short: 'v' },
        },
        allowPositionals: true,
        strict: false,
      });
    } catch (error) {
      throw usage((error as Error).message);
    }
    const { values, positionals } = parsed;
    if (values.version) {
      out(json ? JSON.stringify({ version: APP_VERSION }) : APP_VERSION);
      return 0;
    }
    const [command, ...rest] = positionals;
    if (values.help || !command) {
      if (json) out(JSON.stringify({ help: HELP }));
      else out(HELP);
      return values.help ? 0 : 2;
    }
    if (values.data !== undefined && typeof values.data !== 'string') throw usage('--data cần một thư mục.');
    const ctx: Context = { json, dataDir: path.resolve((values.data as string | undefined) ?? defaultDataDir()), out };
    // Options that belong to the sub-command (--demo, --port) are passed on to it.
    const subArgs = argv.filter((a, i) => {
      if (a === '--json') return false;
      if (a === '--data' || a.startsWith('--data=')) return false;
      if (argv[i - 1] === '--data') return false;
      return a !== command;
    });
    switch (command) {
      case 'init':
        await runInit(ctx, subArgs);
        break;
      case 'units':
        await runUnits(ctx, rest.filter((a) => !a.startsWith('--')));
        break;
      case 'serve':
        await runServe(ctx, subArgs);
        break;
      default:
        throw usage(`Lệnh "${command}" không có.`);
    }
    return 0;
  } catch (error) {
    const e =
      error instanceof CliError
        ? error
        : (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')
          ? usage((error as Error).message)
          : new CliError(1, 'internal', `Lỗi không mong đợi: ${(error as Error).message}`);
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
  // A reader that stops early (`vanthu units list | head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const code = await main(process.argv.slice(2));
  if (code !== 0 || !process.argv.slice(2).includes('serve')) process.exitCode = code;
}
