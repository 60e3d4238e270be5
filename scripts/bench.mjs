// `npm run bench [-- --json]`: bundles the TypeScript benchmarks with esbuild into dist/bench
// (inside the project, so their packages resolve) and runs them in this Node process.
// `--crash`: the long crash test (tests/bench/crash-bench.ts) instead.
// `--generate [--out DIR]`: only build the ten-year data folder the scale figures are measured on
// (default .bench/scale); `--out DIR` also picks the folder a normal run measures.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const out = path.join(root, 'dist', 'bench');
const bench = process.argv.includes('--crash') ? 'crash-bench' : 'import-bench';
try {
  const outfile = path.join(out, `${bench}.mjs`);
  await build({
    entryPoints: [path.join(root, `tests/bench/${bench}.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
    absWorkingDir: root,
  });
  process.chdir(root);
  // The benchmark re-runs its own file in a child process for the import phase.
  process.argv[1] = outfile;
  await import(pathToFileURL(outfile).href);
} finally {
  rmSync(out, { recursive: true, force: true });
}
