// Builds everything the app runs from: the CLI and browser-mode server (ESM, Node),
// the Electron main process, core process and preload (CommonJS; the sandboxed preload
// must be a single CommonJS file), and the renderer (Vite). Runs as `prepare`, so
// `npx vanthu` works right after `npm ci`.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
// VANTHU_BUILD_DIR: another folder than dist/, inside the project so that packages resolve (the crash test builds its own CLI).
const outDir = process.env.VANTHU_BUILD_DIR ? path.resolve(process.env.VANTHU_BUILD_DIR) : path.join(root, 'dist');
const out = (p) => path.join(outDir, p);
const only = process.argv.slice(2);
const wants = (part) => only.length === 0 || only.includes(part);

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
};

const started = Date.now();
if (wants('cli')) {
  rmSync(out('cli'), { recursive: true, force: true });
  await esbuild({ ...node, entryPoints: ['main/cli/index.ts'], outfile: out('cli/vanthu.mjs'), format: 'esm' });
}
if (wants('electron')) {
  rmSync(out('electron'), { recursive: true, force: true });
  await esbuild({
    ...node,
    entryPoints: { main: 'main/electron/main.ts', 'core-process': 'main/electron/core-process.ts' },
    outdir: out('electron'),
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    external: ['electron'],
    // ocr.ts finds its data beside __filename in CommonJS; its import.meta branch is never taken there.
    logOverride: { 'empty-import-meta': 'silent' },
  });
  // The preload runs sandboxed: only `electron` may be required, everything else is bundled in.
  await esbuild({
    ...node,
    packages: undefined,
    entryPoints: ['main/electron/preload.ts'],
    outfile: out('electron/preload.cjs'),
    format: 'cjs',
    external: ['electron'],
  });
}
if (wants('renderer')) {
  await viteBuild({ configFile: path.join(root, 'renderer/vite.config.ts'), logLevel: 'warn' });
}
console.log(`Đã dựng VănThư vào dist/ (${Date.now() - started} ms).`);
