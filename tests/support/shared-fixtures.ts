import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The shared reference folder (DESIGN §6 "Test fixtures"): `$VANTHU_SHARED` when set, else
 * `shared` beside the project root; null when it is not there. Its files are read in place,
 * never copied into the project.
 */
export function sharedDir(): string | null {
  const dir = process.env.VANTHU_SHARED || path.resolve(projectRoot, '..', 'shared');
  return fs.existsSync(dir) ? dir : null;
}

/** The path of a shared file, or null (with a printed notice) when it is not there. */
export function sharedFile(...parts: string[]): string | null {
  const dir = sharedDir();
  const file = dir ? path.join(dir, ...parts) : null;
  if (file && fs.existsSync(file)) return file;
  console.log(`Bỏ qua: không thấy ${parts.join('/')} trong ../shared (đặt VANTHU_SHARED để chỉ thư mục).`);
  return null;
}

/** A file of the shared folder as UTF-8 text. */
export function readShared(dir: string, ...parts: string[]): string {
  return fs.readFileSync(path.join(dir, ...parts), 'utf8');
}

/**
 * A describe block that needs the shared folder: run with its path, or skipped with a printed
 * notice when the folder is absent (CI installs it, so nothing skips there).
 */
export function describeWithShared(name: string, body: (dir: string) => void): void {
  const dir = sharedDir();
  if (dir === null) {
    console.log(`Bỏ qua "${name}": không tìm thấy ../shared (đặt VANTHU_SHARED để chỉ thư mục).`);
    describe.skip(name, () => {
      it('cần thư mục ../shared', () => undefined);
    });
    return;
  }
  describe(name, () => body(dir));
}

/** Rows of a tab-separated file with a header line, as objects keyed by the header's names. */
export function readTsv(text: string): Record<string, string>[] {
  const [head, ...rows] = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const keys = (head ?? '').split('\t');
  return rows.map((row) => {
    const cells = row.split('\t');
    return Object.fromEntries(keys.map((k, i) => [k, cells[i] ?? '']));
  });
}
