import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The content-addressed file store: every original is kept as received, named by its
 * SHA-256, under files/ab/cd/<sha256>. A file is written to a temporary name, flushed
 * to disk and renamed into place, so a crash leaves either the whole file or nothing.
 */
export interface StoredFile {
  sha256: string;
  size: number;
  /** False when the same bytes were already in the store. */
  added: boolean;
}

const SHA256_RE = /^[0-9a-f]{64}$/;

export function createFileStore(root: string) {
  const tmpDir = path.join(root, '.tmp');

  function pathOf(sha256: string): string {
    if (!SHA256_RE.test(sha256)) throw new Error(`Mã băm không hợp lệ: ${sha256}`);
    return path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  function fsyncDir(dir: string): void {
    // Windows cannot open a directory for fsync; NTFS journals the rename itself.
    if (process.platform === 'win32') return;
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  }

  return {
    pathOf,

    put(bytes: Buffer): StoredFile {
      const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
      const target = pathOf(sha256);
      if (fs.existsSync(target)) return { sha256, size: bytes.length, added: false };
      fs.mkdirSync(tmpDir, { recursive: true });
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const tmp = path.join(tmpDir, `${sha256}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`);
      const fd = fs.openSync(tmp, 'wx');
      try {
        fs.writeSync(fd, bytes);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(tmp, target);
      fsyncDir(path.dirname(target));
      return { sha256, size: bytes.length, added: true };
    },

    /** The bytes of a stored file, checked against their name: a damaged file is reported, never served. */
    get(sha256: string): Buffer {
      const bytes = fs.readFileSync(pathOf(sha256));
      const actual = crypto.createHash('sha256').update(bytes).digest('hex');
      if (actual !== sha256) throw new Error(`Tệp ${sha256} trong kho đã bị hỏng (mã băm không khớp).`);
      return bytes;
    },

    has: (sha256: string): boolean => fs.existsSync(pathOf(sha256)),
  };
}
export type FileStore = ReturnType<typeof createFileStore>;
