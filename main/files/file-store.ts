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

/** The name a file's bytes get in the store. */
export const sha256Of = (bytes: Buffer): string => crypto.createHash('sha256').update(bytes).digest('hex');

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
      const sha256 = sha256Of(bytes);
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
      if (sha256Of(bytes) !== sha256) throw new Error(`Tệp ${sha256} trong kho đã bị hỏng (mã băm không khớp).`);
      return bytes;
    },

    has: (sha256: string): boolean => fs.existsSync(pathOf(sha256)),

    /**
     * Removes the temporary copies of writers that died before renaming them into place (the
     * writer's pid is in the name). Never a stored file: the whole file is either in place or
     * still with whoever sent it. Returns how many were removed.
     */
    removeAbandoned(isWriterAlive: (pid: number) => boolean): number {
      if (!fs.existsSync(tmpDir)) return 0;
      let removed = 0;
      for (const name of fs.readdirSync(tmpDir)) {
        const pid = Number(name.split('.')[1]);
        if (!Number.isInteger(pid) || isWriterAlive(pid)) continue;
        fs.rmSync(path.join(tmpDir, name), { force: true });
        removed++;
      }
      return removed;
    },
  };
}
export type FileStore = ReturnType<typeof createFileStore>;
