#!/usr/bin/env node
// The `vanthu` command: runs the CLI built by `npm run build` (done by `prepare` on install).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = fileURLToPath(new URL('../dist/cli/vanthu.mjs', import.meta.url));
if (!existsSync(built)) {
  console.error('VănThư chưa được dựng. Hãy chạy "npm run build" (hoặc "npm install") rồi thử lại.');
  process.exit(2);
}
await import(built);
