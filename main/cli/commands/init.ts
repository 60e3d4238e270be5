import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE } from '../../app/open-app.js';
import { call, parseCommand, usage, withCore, type Context } from '../context.js';

export async function runInit(ctx: Context, args: string[]): Promise<void> {
  const { values, positionals } = parseCommand(args, { demo: { type: 'boolean', default: false } });
  if (positionals.length) throw usage(`"init" không nhận tham số ${positionals.join(' ')}.`);
  const existed = fs.existsSync(path.join(ctx.dataDir, DATABASE_FILE));
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
