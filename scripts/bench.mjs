// `npm run bench [-- --json]`: bundles the TypeScript benchmarks with esbuild into dist/bench
// (inside the project, so their packages resolve) and runs them in this Node process.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const out = path.join(root, 'dist', 'bench');
try {
  const outfile = path.join(out, 'import-bench.mjs');
  await build({
    entryPoints: [path.join(root, 'tests/bench/import-bench.ts')],
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
