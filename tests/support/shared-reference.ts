import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The shared reference folder (nd30.md, seed/, fixtures/): `$VANTHU_SHARED`, else `shared`
 * beside the project root. Null when it is not there — tests then skip with a notice; its
 * files are never copied into the project.
 */
export function sharedReferenceDir(): string | null {
  const dir = process.env.VANTHU_SHARED || path.resolve(projectRoot, '..', 'shared');
  return fs.existsSync(dir) ? dir : null;
}

/** A file of the shared reference folder, or null (with a printed notice) when it is missing. */
export function sharedReferenceFile(...parts: string[]): string | null {
  const dir = sharedReferenceDir();
  const file = dir ? path.join(dir, ...parts) : null;
  if (file && fs.existsSync(file)) return file;
  console.warn(`[bỏ qua] Không thấy tài liệu tham chiếu ${parts.join('/')} (đặt VANTHU_SHARED để chỉ thư mục shared).`);
  return null;
}
