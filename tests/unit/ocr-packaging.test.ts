import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ocrPaths, unpackedPath } from '../../main/intake/ocr.js';

/**
 * The OCR worker in the packaged app (issue 7): Electron's asar support does not reach worker
 * threads, so tesseract.js's worker script, everything it requires and the Vietnamese data must
 * be unpacked by electron-builder, and the worker started from app.asar.unpacked. The installer
 * is built on Windows (docs/electron.md); these checks hold the two halves together here.
 */

const root = path.resolve(import.meta.dirname, '../..');
const INSTALL = 'C:\\Users\\Văn Thư\\AppData\\Local\\Programs\\VanThu\\resources';

describe('paths of the OCR worker and data', () => {
  it('moves a path inside app.asar to app.asar.unpacked, and leaves any other path alone', () => {
    expect(unpackedPath(`${INSTALL}\\app.asar\\node_modules\\tesseract.js`)).toBe(`${INSTALL}\\app.asar.unpacked\\node_modules\\tesseract.js`);
    expect(unpackedPath('/opt/VanThu/resources/app.asar/node_modules/@tesseract.js-data/vie')).toBe('/opt/VanThu/resources/app.asar.unpacked/node_modules/@tesseract.js-data/vie');
    for (const unchanged of [
      `${INSTALL}\\app.asar.unpacked\\node_modules\\tesseract.js`,
      '/home/dev/vanthu/node_modules/tesseract.js',
      '/home/dev/app.asar-notes/node_modules/tesseract.js',
    ]) {
      expect(unpackedPath(unchanged)).toBe(unchanged);
    }
  });

  it('starts the worker script and reads the language data from app.asar.unpacked in the installed app', () => {
    // What createRequire resolves to inside the packaged core: paths inside the archive.
    const inAsar = (name: string): string => path.win32.join(INSTALL, 'app.asar', 'node_modules', ...name.split('/'));
    expect(ocrPaths(inAsar, path.win32.join)).toEqual({
      workerPath: `${INSTALL}\\app.asar.unpacked\\node_modules\\tesseract.js\\src\\worker-script\\node\\index.js`,
      langPath: `${INSTALL}\\app.asar.unpacked\\node_modules\\@tesseract.js-data\\vie\\4.0.0_best_int`,
    });
  });

  it('finds the real worker script and Vietnamese data in this checkout', () => {
    const { workerPath, langPath } = ocrPaths();
    expect(fs.existsSync(workerPath)).toBe(true);
    expect(fs.existsSync(path.join(langPath, 'vie.traineddata.gz'))).toBe(true);
  });
});

/** The asarUnpack globs of electron-builder.yml (a list of `node_modules/…/**`). */
function asarUnpack(): string[] {
  const yml = fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
  const block = /^asarUnpack:\n((?: {2}- .+\n)+)/m.exec(yml)?.[1] ?? '';
  return block.split('\n').filter(Boolean).map((line) => line.replace(/^ {2}- /, '').trim());
}

/** Whether a package folder (relative to the app, "node_modules/x") is unpacked by one of the globs. */
const unpacked = (globs: string[], folder: string): boolean =>
  globs.some((glob) => glob.endsWith('/**') && `${folder}/`.startsWith(glob.slice(0, -2)));

/** A package and every package it depends on, transitively, as installed (nested copies first). */
function withDependencies(name: string, from = root, seen = new Set<string>()): Set<string> {
  const dir = [path.join(from, 'node_modules', name), path.join(root, 'node_modules', name)].find((d) => fs.existsSync(path.join(d, 'package.json')));
  if (!dir) throw new Error(`${name} is not installed`);
  if (seen.has(dir)) return seen;
  seen.add(dir);
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  for (const dependency of Object.keys(manifest.dependencies ?? {})) withDependencies(dependency, dir, seen);
  return seen;
}

describe('electron-builder.yml unpacks what OCR needs outside the archive', () => {
  const globs = asarUnpack();
  const relative = (dir: string): string => path.relative(root, dir).split(path.sep).join('/');

  it('unpacks tesseract.js, its wasm core and every package its worker thread may require', () => {
    const needed = [...withDependencies('tesseract.js')].map(relative);
    expect(needed).toEqual(expect.arrayContaining(['node_modules/tesseract.js', 'node_modules/tesseract.js-core', 'node_modules/wasm-feature-detect']));
    expect(needed.filter((folder) => !unpacked(globs, folder))).toEqual([]);
  });

  it('unpacks the Vietnamese data and the native canvas binaries (ours and pdf.js\'s), for every platform', () => {
    const canvas = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/@napi-rs/canvas/package.json'), 'utf8')) as { optionalDependencies: Record<string, string> };
    const folders = [
      'node_modules/@tesseract.js-data/vie',
      'node_modules/@napi-rs/canvas',
      ...Object.keys(canvas.optionalDependencies).map((binary) => `node_modules/${binary}`),
      'node_modules/pdfjs-dist/node_modules/@napi-rs/canvas',
    ];
    expect(folders).toContain('node_modules/@napi-rs/canvas-win32-x64-msvc');
    expect(folders.filter((folder) => !unpacked(globs, folder))).toEqual([]);
  });

  it('reports a package no glob covers', () => {
    expect(unpacked(['node_modules/tesseract.js/**'], 'node_modules/tesseract.js-core')).toBe(false);
    expect(unpacked(['node_modules/tesseract.js/**'], 'node_modules/tesseract.js')).toBe(true);
  });
});
