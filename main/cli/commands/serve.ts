import { fileURLToPath } from 'node:url';
import { startServer, type RunningServer } from '../../server/server.js';
import { CliError, openCoreFor, parseCommand, usage, type Context } from '../context.js';

/** Browser mode: runs until Ctrl+C (or SIGTERM), then closes the database cleanly. */
export async function runServe(ctx: Context, args: string[]): Promise<void> {
  const { values, positionals } = parseCommand(args, { port: { type: 'string' } });
  if (positionals.length) throw usage(`"serve" không nhận tham số ${positionals.join(' ')}.`);
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw usage('Cổng phải là số từ 0 đến 65535.');
  const core = openCoreFor(ctx, 'browser');
  // The CLI bundle lives in dist/cli; the renderer is built beside it in dist/renderer.
  const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));
  let server: RunningServer;
  try {
    server = await startServer({ core, rendererDir, port });
  } catch (error) {
    core.close();
    const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
    throw new CliError(1, 'listen_failed', inUse ? `Cổng ${port} đang được dùng. Hãy chọn cổng khác bằng --port.` : (error as Error).message);
  }
  // While browser mode runs: pages 2+ of scans read by OCR, automatic backups, database checks.
  core.startBackground();
  ctx.out(
    ctx.json
      ? JSON.stringify({ url: server.url, port: server.port, dataDir: core.dataDir })
      : `VănThư đang chạy ở chế độ trình duyệt: ${server.url}\nDữ liệu: ${core.dataDir}\nNhấn Ctrl+C để dừng.`,
  );
  const stop = (): void => {
    // The quick backup at exit (bounded in time) before the database closes.
    void server
      .close()
      .then(() => core.shutdown())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
