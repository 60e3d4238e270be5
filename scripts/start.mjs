#!/usr/bin/env node
// `npm start`: builds dist/ when it is missing, then opens VănThư in Electron. npm skips
// Electron's binary download (package.json allowScripts), so it is fetched here on first start;
// where that is impossible (no Internet) browser mode starts instead, announced in one line.
//
// VANTHU_START_DRY_RUN=1 makes it print its decision as one JSON line and exit, without
// building or launching anything (tests/unit/start-fallback.test.ts).
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chooseLauncher,
  findElectronBinary,
  installElectronBinary,
  launchCommand,
  missingBuildFiles,
} from './start-lib.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(path.join(root, 'package.json'));
const dryRun = Boolean(process.env.VANTHU_START_DRY_RUN);

const missing = missingBuildFiles(root);
if (missing.length > 0 && !dryRun) {
  const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) {
    console.error('Không dựng được VănThư (lệnh "node scripts/build.mjs" báo lỗi ở trên).');
    process.exit(1);
  }
}

const choice = await chooseLauncher({
  electronPath: () => findElectronBinary(require),
  tryInstall: () => installElectronBinary({ root }),
});

if (dryRun) {
  console.log(JSON.stringify({ launcher: choice.kind, build: missing.length > 0 }));
  process.exit(0);
}

const { command, args } = launchCommand(choice, root);
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE; // would make the Electron binary behave as plain Node
const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });

// Ctrl+C and service stops end the child first; this process leaves with the child's status.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  });
}
child.on('error', (error) => {
  console.error(`Không chạy được ${path.basename(command)}: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
