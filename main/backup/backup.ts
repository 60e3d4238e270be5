import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import yauzl from 'yauzl';
import Database from 'better-sqlite3';
import { z } from 'zod';
import type { Db } from '../db/connection.js';
import { UserError } from '../api/errors.js';
import { APP_VERSION } from '../app/version.js';
import { ensureFreeSpace, readFreeSpace, type FreeSpaceReader } from '../app/disk-space.js';

/**
 * A self-contained backup (.vanthu-backup): one zip with a consistent snapshot of the
 * database (SQLite's online backup, safe while the app runs), every original file, and a
 * manifest of SHA-256 sums. A restore checks every sum before anything is replaced, and keeps
 * the current data aside so that it can be undone. The automatic backups (backup-store.ts)
 * share the manifest and the restore.
 */

export const DATABASE_FILE = 'vanthu.db';
export const FILES_DIR = 'files';
export const MANIFEST = 'manifest.json';

export const Manifest = z.object({
  format: z.literal('vanthu-backup'),
  version: z.literal(1),
  createdAt: z.string(),
  appVersion: z.string(),
  entries: z.array(z.object({ path: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int().nonnegative() })),
});
export type Manifest = z.infer<typeof Manifest>;
export type ManifestEntry = Manifest['entries'][number];

export const newManifest = (): Manifest => ({ format: 'vanthu-backup', version: 1, createdAt: new Date().toISOString(), appVersion: APP_VERSION, entries: [] });

// Only these names may come out of a backup: the database and content-addressed files.
export const SAFE_ENTRY = /^(vanthu\.db|files\/[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64})$/;

/** What was read for each entry: its real sum and size, to compare with the manifest. */
export type Seen = Map<string, { sha256: string; size: number }>;

export async function sha256File(file: string): Promise<{ sha256: string; size: number }> {
  return copyHashing(fs.createReadStream(file), null);
}

/** Streams `source` into `target` (or nowhere), returning the SHA-256 and size of what went through. */
export async function copyHashing(source: Readable, target: string | null): Promise<{ sha256: string; size: number }> {
  const hash = crypto.createHash('sha256');
  let size = 0;
  const counter = new PassThrough();
  counter.on('data', (chunk: Buffer) => {
    hash.update(chunk);
    size += chunk.length;
  });
  const sink = target === null ? new Writable({ write: (_chunk, _encoding, done) => done() }) : fs.createWriteStream(target);
  await pipeline(source, counter, sink);
  return { sha256: hash.digest('hex'), size };
}

/** The store's files, as paths relative to files/ ("ab/cd/<sha256>"), sorted. */
export function storeFiles(dataDir: string): string[] {
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

/** Bytes a backup of this data folder takes before compression: the database and every stored file. */
export function dataSize(db: Db, dataDir: string, files: readonly string[] = storeFiles(dataDir)): number {
  const pages = Number(db.pragma('page_count', { simple: true })) * Number(db.pragma('page_size', { simple: true }));
  return files.reduce((sum, rel) => sum + fs.statSync(path.join(dataDir, FILES_DIR, ...rel.split('/'))).size, pages);
}

export interface BackupSummary {
  file: string;
  entries: number;
  bytes: number;
  /** Stored files whose bytes no longer match their name: kept as they are, and named here. */
  damaged: string[];
}

export async function createBackup(
  db: Db,
  dataDir: string,
  outFile: string,
  options: { freeSpace?: FreeSpaceReader } = {},
): Promise<BackupSummary> {
  const out = path.resolve(outFile);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const files = storeFiles(dataDir);
  ensureFreeSpace(path.dirname(out), dataSize(db, dataDir, files), 'sao lưu', options.freeSpace ?? readFreeSpace);
  const work = fs.mkdtempSync(path.join(dataDir, '.backup-'));
  const partial = `${out}.dang-ghi`;
  try {
    const snapshot = path.join(work, DATABASE_FILE);
    await db.backup(snapshot);
    const zip = new yazl.ZipFile();
    const written = pipeline(zip.outputStream, fs.createWriteStream(partial));
    const manifest = newManifest();
    const damaged: string[] = [];
    const add = async (source: string, name: string) => {
      const { sha256, size } = await sha256File(source);
      if (name.startsWith(`${FILES_DIR}/`) && !name.endsWith(sha256)) damaged.push(name);
      manifest.entries.push({ path: name, sha256, size });
      zip.addFile(source, name, { compress: name === DATABASE_FILE });
    };
    await add(snapshot, DATABASE_FILE);
    for (const rel of files) await add(path.join(dataDir, FILES_DIR, rel), `${FILES_DIR}/${rel}`);
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

export const invalidBackup = (why: string) =>
  new UserError('invalid_backup', `Tệp sao lưu không dùng được: ${why}. Dữ liệu hiện tại không bị thay đổi.`);

async function openZip(file: string): Promise<yauzl.ZipFile> {
  try {
    return await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true });
  } catch {
    throw invalidBackup('không phải tệp .vanthu-backup hoặc đã bị hỏng');
  }
}

/**
 * Reads every entry of a .vanthu-backup, hashing it on the way into `targetOf(name)` (null: read
 * and discard). Names other than ours are refused before a byte is written.
 */
async function readZip(file: string, targetOf: (name: string) => string | null): Promise<{ manifest: Manifest | null; seen: Seen }> {
  const zip = await openZip(file);
  let manifest: Manifest | null = null;
  const seen: Seen = new Map();
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName === MANIFEST) {
        const chunks: Buffer[] = [];
        for await (const c of await zip.openReadStreamPromise(entry)) chunks.push(c as Buffer);
        const parsed = Manifest.safeParse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        if (!parsed.success) throw invalidBackup('bản kê (manifest) không hợp lệ');
        manifest = parsed.data;
        continue;
      }
      if (!SAFE_ENTRY.test(entry.fileName)) throw invalidBackup(`có mục lạ "${entry.fileName}"`);
      const target = targetOf(entry.fileName);
      if (target) fs.mkdirSync(path.dirname(target), { recursive: true });
      seen.set(entry.fileName, await copyHashing(await zip.openReadStreamPromise(entry), target));
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw invalidBackup('tệp nén bị hỏng');
  } finally {
    zip.close();
  }
  return { manifest, seen };
}

/** The sizes the zip says its entries have, read from its directory before anything is extracted. */
async function unpackedSize(file: string): Promise<number> {
  const zip = await openZip(file);
  let total = 0;
  try {
    for await (const entry of zip.eachEntry()) total += entry.uncompressedSize;
  } catch {
    throw invalidBackup('tệp nén bị hỏng');
  } finally {
    zip.close();
  }
  return total;
}

/** Every entry the manifest names was read with its sum and size, and nothing else was. */
export function checkAgainstManifest(manifest: Manifest | null, seen: Seen): Manifest {
  if (!manifest) throw invalidBackup('thiếu bản kê (manifest)');
  for (const e of manifest.entries) {
    const got = seen.get(e.path);
    if (!got) throw invalidBackup(`thiếu tệp ${e.path}`);
    if (got.sha256 !== e.sha256 || got.size !== e.size) throw invalidBackup(`tệp ${e.path} không khớp mã kiểm tra`);
  }
  if (seen.size !== manifest.entries.length || !seen.has(DATABASE_FILE)) throw invalidBackup('bản kê không khớp nội dung');
  return manifest;
}

/** Reads a .vanthu-backup through without extracting it: every sum, and the database's own check. */
export async function verifyBackupFile(file: string): Promise<{ entries: number }> {
  const work = fs.mkdtempSync(path.join(path.dirname(file), '.kiem-tra-'));
  try {
    // The database is extracted (to run integrity_check on it); the files only hashed.
    const dbCopy = path.join(work, DATABASE_FILE);
    const { manifest, seen } = await readZip(file, (name) => (name === DATABASE_FILE ? dbCopy : null));
    const checked = checkAgainstManifest(manifest, seen);
    checkDatabase(dbCopy);
    return { entries: checked.entries.length };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

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
export async function restoreBackup(
  dataDir: string,
  backupFile: string,
  now: Date = new Date(),
  freeSpace: FreeSpaceReader = readFreeSpace,
): Promise<RestoreSummary> {
  if (!fs.existsSync(backupFile)) throw new UserError('file_not_found', `Không tìm thấy tệp sao lưu "${backupFile}".`);
  return restoreStaged(
    dataDir,
    async (staging) => {
      ensureFreeSpace(dataDir, await unpackedSize(backupFile), 'khôi phục bản sao lưu này', freeSpace);
      return readZip(backupFile, (name) => path.join(staging, ...name.split('/')));
    },
    now,
  );
}

/**
 * The one restore: `stage` puts the backup's entries into the staging folder (inside the data
 * folder, so the final moves are renames on one drive) and says what it read; they are checked
 * against the manifest and SQLite's integrity_check; only then is the current data moved aside.
 */
export async function restoreStaged(
  dataDir: string,
  stage: (staging: string) => Promise<{ manifest: Manifest | null; seen: Seen }>,
  now: Date = new Date(),
): Promise<RestoreSummary> {
  assertNotInUse(dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const staging = fs.mkdtempSync(path.join(dataDir, '.restore-'));
  try {
    const { manifest, seen } = await stage(staging);
    const checked = checkAgainstManifest(manifest, seen);
    checkDatabase(path.join(staging, DATABASE_FILE));

    // Everything checks out: move the current data aside, then the restored data in.
    const aside = path.join(dataDir, `${ASIDE_BEFORE_RESTORE}${stamp(now)}`);
    const moved = moveData(dataDir, aside);
    moveData(staging, dataDir);
    fs.mkdirSync(path.join(dataDir, FILES_DIR), { recursive: true });
    return { entries: checked.entries.length, previousDataDir: moved ? aside : null };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

const ASIDE_BEFORE_RESTORE = 'truoc-khi-khoi-phuc_';
const ASIDE_AFTER_UNDO = 'ban-khoi-phuc-da-hoan-tac_';
const DATA_NAMES = [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, FILES_DIR];
const stamp = (now: Date): string => now.toISOString().replace(/[:.]/g, '-');

/** Moves the database (with its WAL) and files/ from one folder to another; false when there was nothing. */
function moveData(from: string, to: string): boolean {
  let moved = false;
  for (const name of DATA_NAMES) {
    const current = path.join(from, name);
    if (!fs.existsSync(current)) continue;
    fs.mkdirSync(to, { recursive: true });
    fs.renameSync(current, path.join(to, name));
    moved = true;
  }
  return moved;
}

/**
 * Puts back the data a restore moved aside. What the restore brought in (and anything done since)
 * is itself moved aside, not deleted. Returns where it went.
 */
export function undoRestore(dataDir: string, previousDataDir: string, now: Date = new Date()): { restoredDataDir: string } {
  const previous = path.resolve(previousDataDir);
  const insideDataDir = path.dirname(previous) === path.resolve(dataDir) && path.basename(previous).startsWith(ASIDE_BEFORE_RESTORE);
  if (!insideDataDir || !fs.existsSync(path.join(previous, DATABASE_FILE))) {
    throw new UserError('nothing_to_undo', 'Không còn dữ liệu trước khi khôi phục để hoàn tác (thư mục giữ lại đã bị xóa hoặc di chuyển).');
  }
  assertNotInUse(dataDir);
  const restoredDataDir = path.join(dataDir, `${ASIDE_AFTER_UNDO}${stamp(now)}`);
  moveData(dataDir, restoredDataDir);
  moveData(previous, dataDir);
  fs.mkdirSync(path.join(dataDir, FILES_DIR), { recursive: true });
  if (fs.readdirSync(previous).length === 0) fs.rmdirSync(previous);
  return { restoredDataDir };
}

function checkDatabase(file: string): void {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const result = db.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw invalidBackup('cơ sở dữ liệu trong tệp sao lưu bị hỏng');
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw invalidBackup('cơ sở dữ liệu trong tệp sao lưu bị hỏng');
  } finally {
    db?.close();
  }
}

/**
 * Refuses to restore under a running app. In WAL mode readers never block an exclusive lock,
 * but leaving WAL needs the only connection to the file: it fails while the app has it open.
 * A file too damaged to be opened cannot be in use, and is exactly what a restore is for.
 */
function assertNotInUse(dataDir: string): void {
  const file = path.join(dataDir, DATABASE_FILE);
  if (!fs.existsSync(file)) return;
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { timeout: 0 });
    db.pragma('journal_mode = DELETE');
    db.pragma('journal_mode = WAL');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code)) {
      throw new UserError('in_use', 'VănThư đang mở dữ liệu này. Hãy đóng ứng dụng (và chế độ trình duyệt) rồi khôi phục lại.');
    }
  } finally {
    db?.close();
  }
}
