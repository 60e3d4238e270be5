import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import yauzl from 'yauzl';
import Database from 'better-sqlite3';
import { z } from 'zod';
import type { Db } from '../db/connection.js';
import { UserError } from '../api/errors.js';
import { APP_VERSION } from '../app/version.js';

/**
 * A self-contained backup (.vanthu-backup): one zip with a consistent snapshot of the
 * database (SQLite's online backup, safe while the app runs), every original file, and a
 * manifest of SHA-256 sums. A restore checks every sum before anything is replaced, and keeps
 * the current data aside so that it can be undone.
 */

const DATABASE_FILE = 'vanthu.db';
const FILES_DIR = 'files';
const MANIFEST = 'manifest.json';

const Manifest = z.object({
  format: z.literal('vanthu-backup'),
  version: z.literal(1),
  createdAt: z.string(),
  appVersion: z.string(),
  entries: z.array(z.object({ path: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int().nonnegative() })),
});
type Manifest = z.infer<typeof Manifest>;

// Only these names may come out of a backup: the database and content-addressed files.
const SAFE_ENTRY = /^(vanthu\.db|files\/[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64})$/;

async function sha256File(file: string): Promise<{ sha256: string; size: number }> {
  const hash = crypto.createHash('sha256');
  let size = 0;
  for await (const chunk of fs.createReadStream(file)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

function storeFiles(dataDir: string): string[] {
  const root = path.join(dataDir, FILES_DIR);
  const out: string[] = [];
  const walk = (dir: string, rel: string) => {
    for (const e of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
      if (e.name.startsWith('.')) continue; // the store's temporary folder
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(dir, e.name), r);
      else if (e.isFile() && SAFE_ENTRY.test(`${FILES_DIR}/${r}`)) out.push(r);
    }
  };
  walk(root, '');
  return out.sort();
}

export interface BackupSummary {
  file: string;
  entries: number;
  bytes: number;
  /** Stored files whose bytes no longer match their name: kept as they are, and named here. */
  damaged: string[];
}

export async function createBackup(db: Db, dataDir: string, outFile: string): Promise<BackupSummary> {
  const out = path.resolve(outFile);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const work = fs.mkdtempSync(path.join(dataDir, '.backup-'));
  const partial = `${out}.dang-ghi`;
  try {
    const snapshot = path.join(work, DATABASE_FILE);
    await db.backup(snapshot);
    const zip = new yazl.ZipFile();
    const written = pipeline(zip.outputStream, fs.createWriteStream(partial));
    const manifest: Manifest = { format: 'vanthu-backup', version: 1, createdAt: new Date().toISOString(), appVersion: APP_VERSION, entries: [] };
    const damaged: string[] = [];
    const add = async (source: string, name: string) => {
      const { sha256, size } = await sha256File(source);
      if (name.startsWith(`${FILES_DIR}/`) && !name.endsWith(sha256)) damaged.push(name);
      manifest.entries.push({ path: name, sha256, size });
      zip.addFile(source, name, { compress: name === DATABASE_FILE });
    };
    await add(snapshot, DATABASE_FILE);
    for (const rel of storeFiles(dataDir)) await add(path.join(dataDir, FILES_DIR, rel), `${FILES_DIR}/${rel}`);
    zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2)), MANIFEST);
    zip.end();
    await written;
    fs.renameSync(partial, out); // a backup file is either whole or absent
    return { file: out, entries: manifest.entries.length, bytes: fs.statSync(out).size, damaged };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
    fs.rmSync(partial, { force: true });
  }
}

const invalid = (why: string) => new UserError('invalid_backup', `Tệp sao lưu không dùng được: ${why}. Dữ liệu hiện tại không bị thay đổi.`);

export interface RestoreSummary {
  entries: number;
  /** Where the data from before the restore was put, to undo it. */
  previousDataDir: string | null;
}

/**
 * Restores a backup into `dataDir`. Nothing is replaced until every entry has been extracted
 * to a temporary folder and matched against the manifest; the current data is then moved aside.
 * The database must not be open (close VănThư first).
 */
export async function restoreBackup(dataDir: string, backupFile: string, now: Date = new Date()): Promise<RestoreSummary> {
  if (!fs.existsSync(backupFile)) throw new UserError('file_not_found', `Không tìm thấy tệp sao lưu "${backupFile}".`);
  assertNotInUse(dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const staging = fs.mkdtempSync(path.join(dataDir, '.restore-'));
  try {
    let zip: yauzl.ZipFile;
    try {
      zip = await yauzl.openPromise(backupFile, { lazyEntries: true, autoClose: false, validateEntrySizes: true });
    } catch {
      throw invalid('không phải tệp .vanthu-backup hoặc đã bị hỏng');
    }
    let manifest: Manifest | null = null;
    const seen = new Map<string, { sha256: string; size: number }>();
    try {
      for await (const raw of zip.eachEntry()) {
        const entry = { name: raw.fileName, stream: () => zip.openReadStreamPromise(raw) };
        if (entry.name === MANIFEST) {
          const chunks: Buffer[] = [];
          for await (const c of await entry.stream()) chunks.push(c as Buffer);
          const parsed = Manifest.safeParse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
          if (!parsed.success) throw invalid('bản kê (manifest) không hợp lệ');
          manifest = parsed.data;
          continue;
        }
        if (!SAFE_ENTRY.test(entry.name)) throw invalid(`có mục lạ "${entry.name}"`);
        const target = path.join(staging, ...entry.name.split('/'));
        fs.mkdirSync(path.dirname(target), { recursive: true });
        const hash = crypto.createHash('sha256');
        let size = 0;
        const source = await entry.stream();
        source.on('data', (c: Buffer) => {
          hash.update(c);
          size += c.length;
        });
        await pipeline(source, fs.createWriteStream(target));
        seen.set(entry.name, { sha256: hash.digest('hex'), size });
      }
    } catch (error) {
      if (error instanceof UserError) throw error;
      throw invalid('tệp nén bị hỏng');
    } finally {
      zip.close();
    }
    if (!manifest) throw invalid('thiếu bản kê (manifest)');
    for (const e of manifest.entries) {
      const got = seen.get(e.path);
      if (!got) throw invalid(`thiếu tệp ${e.path}`);
      if (got.sha256 !== e.sha256 || got.size !== e.size) throw invalid(`tệp ${e.path} không khớp mã kiểm tra`);
    }
    if (seen.size !== manifest.entries.length || !seen.has(DATABASE_FILE)) throw invalid('bản kê không khớp nội dung');
    checkDatabase(path.join(staging, DATABASE_FILE));

    // Everything checks out: move the current data aside, then the restored data in.
    const stamp = now.toISOString().replace(/[:.]/g, '-');
    const aside = path.join(dataDir, `truoc-khi-khoi-phuc_${stamp}`);
    let moved = false;
    for (const name of [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, FILES_DIR]) {
      const current = path.join(dataDir, name);
      if (fs.existsSync(current)) {
        fs.mkdirSync(aside, { recursive: true });
        fs.renameSync(current, path.join(aside, name));
        moved = true;
      }
    }
    fs.renameSync(path.join(staging, DATABASE_FILE), path.join(dataDir, DATABASE_FILE));
    const restoredFiles = path.join(staging, FILES_DIR);
    if (fs.existsSync(restoredFiles)) fs.renameSync(restoredFiles, path.join(dataDir, FILES_DIR));
    else fs.mkdirSync(path.join(dataDir, FILES_DIR), { recursive: true });
    return { entries: manifest.entries.length, previousDataDir: moved ? aside : null };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

function checkDatabase(file: string): void {
  const db = new Database(file, { readonly: true });
  try {
    const result = db.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw invalid('cơ sở dữ liệu trong tệp sao lưu bị hỏng');
  } finally {
    db.close();
  }
}

/**
 * Refuses to restore under a running app. In WAL mode readers never block an exclusive lock,
 * but leaving WAL needs the only connection to the file: it fails while the app has it open.
 */
function assertNotInUse(dataDir: string): void {
  const file = path.join(dataDir, DATABASE_FILE);
  if (!fs.existsSync(file)) return;
  const db = new Database(file, { timeout: 0 });
  try {
    db.pragma('journal_mode = DELETE');
    db.pragma('journal_mode = WAL');
  } catch {
    throw new UserError('in_use', 'VănThư đang mở dữ liệu này. Hãy đóng ứng dụng (và chế độ trình duyệt) rồi khôi phục lại.');
  } finally {
    db.close();
  }
}
