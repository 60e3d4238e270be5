import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../api/errors.js';

/** Bytes free for this user on the drive that holds `dir` (tests inject their own reader). */
export type FreeSpaceReader = (dir: string) => number;

export const readFreeSpace: FreeSpaceReader = (dir) => {
  const stats = fs.statfsSync(existingAncestor(dir));
  return stats.bavail * stats.bsize;
};

/** statfs needs an existing path; a folder about to be created is on its nearest existing parent's drive. */
function existingAncestor(dir: string): string {
  let current = path.resolve(dir);
  while (!fs.existsSync(current)) {
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return current;
}

/** Room kept free beyond what is written: the database must still be able to commit, Windows to page. */
export const DISK_MARGIN_BYTES = 100 * 1024 * 1024;

const MB = 1024 * 1024;
const GB = 1024 * MB;

/** "850 MB", "2,4 GB": as the clerk reads it in Explorer. */
export function formatBytes(bytes: number): string {
  const format = (value: number) => value.toLocaleString('vi-VN', { maximumFractionDigits: 1 });
  return bytes >= GB ? `${format(bytes / GB)} GB` : `${format(Math.max(bytes, 0) / MB)} MB`;
}

/**
 * Refuses work that would fill the drive: writing `bytes` into `dir` needs them plus the margin.
 * `purpose` completes the sentence "cần … để …" (e.g. "nhập các tệp này").
 */
export function ensureFreeSpace(dir: string, bytes: number, purpose: string, read: FreeSpaceReader = readFreeSpace): void {
  let free: number;
  try {
    free = read(dir);
  } catch {
    return; // a drive whose free space cannot be read (a network share): the write itself will tell
  }
  const needed = bytes + DISK_MARGIN_BYTES;
  if (free >= needed) return;
  throw new UserError(
    'low_disk_space',
    `Ổ đĩa chứa thư mục "${dir}" chỉ còn trống ${formatBytes(free)}, cần ít nhất ${formatBytes(needed)} để ${purpose} ` +
      `(gồm ${formatBytes(DISK_MARGIN_BYTES)} dự phòng). Hãy xóa bớt tệp không cần hoặc giải phóng dung lượng ổ đĩa, rồi thử lại. ` +
      'Chưa có gì bị thay đổi.',
  );
}
