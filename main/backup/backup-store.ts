import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import type { Db } from '../db/connection.js';
import { UserError } from '../api/errors.js';
import { ensureFreeSpace, readFreeSpace, type FreeSpaceReader } from '../app/disk-space.js';
import {
  DATABASE_FILE,
  FILES_DIR,
  MANIFEST,
  Manifest,
  SAFE_ENTRY,
  checkAgainstManifest,
  copyHashing,
  createBackup,
  dataSize,
  invalidBackup,
  newManifest,
  sha256File,
  storeFiles,
  verifyBackupFile,
  type Seen,
} from './backup.js';
import { checkDatabaseFile } from './integrity.js';
import { BACKUP_ID_PATTERN } from '../../shared/domain/backup.js';
import { backupsToKeep, type RetentionKind, type RetentionPolicy, DEFAULT_RETENTION } from './rotation.js';

/**
 * The backup folder (default <data>/sao-luu, or one the clerk chose on another drive):
 *
 *   vanthu-sao-luu.json          marks the folder as ours (nothing else in it is ever deleted)
 *   files/ab/cd/<sha256>         every original file, copied once, shared by all automatic backups
 *   tu-dong/<time>/vanthu.db     one database snapshot per automatic backup,
 *                  manifest.json with the SHA-256 of the snapshot and of every file it needs,
 *                  info.json     its time, trigger and size (read by the list without the manifest)
 *   thu-cong/*.vanthu-backup     "Sao lưu ngay": single self-contained files (backup.ts); a
 *                                .vanthu-backup copied here by hand is listed and restorable too
 *   kiem-tra.json                when each backup was last verified, and the outcome
 */

export type BackupTrigger = 'start' | 'daily' | 'exit' | 'manual';
export type BackupKind = RetentionKind | 'manual';

export interface Verification {
  at: string;
  ok: boolean;
  problem: string | null;
}

export interface StoredBackup {
  /** "tu-dong/2025-01-15T03-00-00-000Z" or "thu-cong/<file name>": the only way the API names a backup. */
  id: string;
  source: 'auto' | 'manual';
  takenAt: string;
  trigger: BackupTrigger;
  /** The database and files it restores, before compression. */
  bytes: number;
  files: number;
  kinds: BackupKind[];
  verified: Verification | null;
}

const MARKER = 'vanthu-sao-luu.json';
const AUTO_DIR = 'tu-dong';
const MANUAL_DIR = 'thu-cong';
const VERIFIED = 'kiem-tra.json';
const INFO = 'info.json';
const TMP = '.tam';
const BACKUP_EXTENSION = '.vanthu-backup';
/** "Sao lưu ngay" files the app made; older ones are removed (a hand-copied file never is). */
const MANUAL_KEPT = 10;
const MANUAL_NAME = /^VanThu_\d{4}-\d{2}-\d{2}_\d{6}\.vanthu-backup$/;
const AUTO_NAME = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z$/;

const Info = z.object({ takenAt: z.string(), trigger: z.enum(['start', 'daily', 'exit', 'manual']), bytes: z.number(), files: z.number() });
const Verifications = z.record(z.string(), z.object({ at: z.string(), ok: z.boolean(), problem: z.string().nullable() }));

/** Thrown when a backup runs past its time limit (the quick backup at exit); nothing is kept of it. */
export class BackupTimeoutError extends Error {
  constructor() {
    super('Sao lưu không xong trong thời gian cho phép.');
  }
}

/**
 * Files already in the backup folder cost a stat each, with no I/O to wait for: every few hundred,
 * let the core answer the window's calls in between (a backup runs beside them, never in their way).
 */
const YIELD_EVERY = 200;
const breathe = (): Promise<void> => new Promise((done) => setImmediate(done));

const stampOf = (date: Date): string => date.toISOString().replace(/[:.]/g, '-');

/** A local time for file names the clerk reads: VanThu_2025-01-15_103000.vanthu-backup. */
function manualName(now: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `VanThu_${get('year')}-${get('month')}-${get('day')}_${get('hour')}${get('minute')}${get('second')}${BACKUP_EXTENSION}`;
}

export interface FolderCheck {
  folder: string;
  exists: boolean;
  writable: boolean;
  freeBytes: number | null;
  /** On the same drive as the data: a backup there does not survive that drive failing. */
  sameDriveAsData: boolean;
  /** Why backups cannot go there, in Vietnamese; null when they can. */
  problem: string | null;
}

/** Can backups go to `folder`? Looks without creating anything. */
export function checkBackupFolder(folder: string, dataDir: string, freeSpace: FreeSpaceReader = readFreeSpace): FolderCheck {
  const result: FolderCheck = { folder, exists: false, writable: false, freeBytes: null, sameDriveAsData: false, problem: null };
  if (!path.isAbsolute(folder)) return { ...result, problem: 'Hãy nhập đường dẫn đầy đủ, ví dụ D:\\SaoLuu\\VanThu.' };
  // The nearest folder that exists decides the drive, the free space and whether we may write.
  let existing = folder;
  while (!fs.existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  result.exists = existing === folder;
  try {
    if (!fs.statSync(existing).isDirectory()) return { ...result, problem: `"${existing}" là một tệp, không phải thư mục.` };
    result.freeBytes = freeSpace(existing);
    result.sameDriveAsData = fs.statSync(existing).dev === fs.statSync(dataDir).dev;
  } catch {
    return { ...result, problem: `Không truy cập được "${existing}". Hãy kiểm tra ổ đĩa đã được cắm và có quyền truy cập.` };
  }
  try {
    const probe = path.join(existing, `.vanthu-thu-ghi-${process.pid}-${crypto.randomBytes(4).toString('hex')}`);
    fs.writeFileSync(probe, 'ok');
    fs.rmSync(probe);
    result.writable = true;
  } catch {
    return { ...result, problem: `Không ghi được vào "${existing}". Hãy chọn thư mục khác hoặc kiểm tra quyền ghi.` };
  }
  const inside = path.relative(path.resolve(dataDir), path.resolve(folder));
  if (inside === '' || (!inside.startsWith('..') && !path.isAbsolute(inside) && inside.split(path.sep)[0] === FILES_DIR)) {
    return { ...result, problem: 'Không thể sao lưu vào chính thư mục dữ liệu hay kho tệp gốc. Hãy chọn thư mục khác.' };
  }
  if (result.exists && !isOurs(folder) && fs.readdirSync(folder).some((name) => !name.startsWith('.'))) {
    return { ...result, problem: 'Thư mục này đã có tệp khác. Hãy chọn một thư mục trống (hoặc thư mục sao lưu VănThư đã dùng trước đây).' };
  }
  return result;
}

function isOurs(folder: string): boolean {
  return fs.existsSync(path.join(folder, MARKER));
}

export interface SnapshotOptions {
  trigger: Exclude<BackupTrigger, 'manual'>;
  /** Epoch ms after which the backup gives up (BackupTimeoutError) and leaves nothing behind. */
  deadline?: number;
  now?: Date;
  freeSpace?: FreeSpaceReader;
}

export function createBackupStore(root: string, policy: RetentionPolicy = DEFAULT_RETENTION) {
  const autoDir = path.join(root, AUTO_DIR);
  const manualDir = path.join(root, MANUAL_DIR);
  const filesDir = path.join(root, FILES_DIR);
  const verifiedFile = path.join(root, VERIFIED);

  function prepare(): void {
    for (const dir of [root, autoDir, manualDir, filesDir]) fs.mkdirSync(dir, { recursive: true });
    if (!isOurs(root)) fs.writeFileSync(path.join(root, MARKER), JSON.stringify({ format: 'vanthu-backup-folder', version: 1 }, null, 2));
  }

  function readVerifications(): Record<string, Verification> {
    try {
      return Verifications.parse(JSON.parse(fs.readFileSync(verifiedFile, 'utf8')));
    } catch {
      return {};
    }
  }

  function writeVerifications(all: Record<string, Verification>): void {
    const tmp = `${verifiedFile}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(all, null, 2));
    fs.renameSync(tmp, verifiedFile);
  }

  function recordVerification(id: string, verification: Verification): Verification {
    writeVerifications({ ...readVerifications(), [id]: verification });
    return verification;
  }

  /** Temporary folders of backups that were cut short (a crash, the time limit) go at the next one. */
  function removeLeftovers(): void {
    for (const name of fs.readdirSync(root)) {
      if (name.startsWith(`${TMP}-`)) fs.rmSync(path.join(root, name), { recursive: true, force: true });
    }
  }

  const fileOfShared = (rel: string): string => path.join(filesDir, ...rel.split('/'));

  function autoBackups(): { id: string; dir: string; info: z.infer<typeof Info> }[] {
    if (!fs.existsSync(autoDir)) return [];
    return fs
      .readdirSync(autoDir)
      .filter((name) => AUTO_NAME.test(name))
      .flatMap((name) => {
        const dir = path.join(autoDir, name);
        try {
          return [{ id: `${AUTO_DIR}/${name}`, dir, info: Info.parse(JSON.parse(fs.readFileSync(path.join(dir, INFO), 'utf8'))) }];
        } catch {
          return []; // not finished, or not ours: never listed, never restored
        }
      });
  }

  function manualBackups(): { id: string; file: string; name: string; takenAt: string; bytes: number }[] {
    if (!fs.existsSync(manualDir)) return [];
    return fs
      .readdirSync(manualDir)
      .filter((name) => BACKUP_ID_PATTERN.test(`${MANUAL_DIR}/${name}`) && !name.startsWith('.'))
      .flatMap((name) => {
        const file = path.join(manualDir, name);
        const stat = fs.statSync(file, { throwIfNoEntry: false });
        return stat?.isFile() ? [{ id: `${MANUAL_DIR}/${name}`, file, name, takenAt: stat.mtime.toISOString(), bytes: stat.size }] : [];
      });
  }

  /** Resolves an API id to a backup that exists inside this folder; anything else is "not found". */
  function resolve(id: string): { kind: 'auto'; dir: string } | { kind: 'manual'; file: string } {
    const missing = new UserError('not_found', 'Không tìm thấy bản sao lưu này trong thư mục sao lưu. Hãy tải lại danh sách.');
    if (!BACKUP_ID_PATTERN.test(id)) throw missing;
    const [folder, name] = id.split('/') as [string, string];
    const target = path.join(root, folder, name);
    if (path.dirname(target) !== path.join(root, folder) || !fs.existsSync(target)) throw missing;
    if (folder === AUTO_DIR) {
      if (!fs.existsSync(path.join(target, INFO))) throw missing;
      return { kind: 'auto', dir: target };
    }
    return { kind: 'manual', file: target };
  }

  function readManifest(dir: string): Manifest {
    try {
      return Manifest.parse(JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), 'utf8')));
    } catch {
      throw invalidBackup('bản kê (manifest) của bản sao lưu tự động bị thiếu hoặc hỏng');
    }
  }

  /** Copies into the shared store unless it is there; a source whose bytes do not match its name is not copied. */
  async function shareFile(dataDir: string, rel: string, tmpDir: string): Promise<'copied' | 'present' | 'damaged'> {
    const source = path.join(dataDir, FILES_DIR, ...rel.split('/'));
    const target = fileOfShared(rel);
    const existing = fs.statSync(target, { throwIfNoEntry: false });
    if (existing && existing.size === fs.statSync(source).size) return 'present';
    const partial = path.join(tmpDir, `${path.basename(rel)}.dang-chep`);
    const { sha256 } = await copyHashing(fs.createReadStream(source), partial);
    if (sha256 !== path.basename(rel)) {
      fs.rmSync(partial, { force: true });
      return 'damaged';
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.renameSync(partial, target);
    return 'copied';
  }

  function listAll(): StoredBackup[] {
    const auto = autoBackups();
    const keep = backupsToKeep(auto.map((b) => ({ id: b.id, takenAt: b.info.takenAt })), policy);
    const verifications = readVerifications();
    const list: StoredBackup[] = [
      ...auto.map((b) => ({
        id: b.id,
        source: 'auto' as const,
        takenAt: b.info.takenAt,
        trigger: b.info.trigger,
        bytes: b.info.bytes,
        files: b.info.files,
        kinds: keep.get(b.id) ?? [],
        verified: verifications[b.id] ?? null,
      })),
      ...manualBackups().map((b) => ({
        id: b.id,
        source: 'manual' as const,
        takenAt: b.takenAt,
        trigger: 'manual' as const,
        bytes: b.bytes,
        files: 0,
        kinds: ['manual' as const],
        verified: verifications[b.id] ?? null,
      })),
    ];
    return list.sort((a, b) => (a.takenAt < b.takenAt ? 1 : a.takenAt > b.takenAt ? -1 : 0));
  }

  return {
    root,
    prepare,
    list: listAll,

    /**
     * An automatic backup: a snapshot of the database, the files it does not hold yet, a manifest.
     * It appears in the list only once complete (the folder is renamed into place last).
     */
    async snapshot(db: Db, dataDir: string, options: SnapshotOptions): Promise<{ backup: StoredBackup; copied: number; damaged: string[] }> {
      const now = options.now ?? new Date();
      const overdue = () => options.deadline !== undefined && Date.now() > options.deadline;
      prepare();
      removeLeftovers();
      const rels = storeFiles(dataDir);
      let missingBytes = 0;
      for (const [i, rel] of rels.entries()) {
        if (!fs.existsSync(fileOfShared(rel))) missingBytes += fs.statSync(path.join(dataDir, FILES_DIR, ...rel.split('/'))).size;
        if (i % YIELD_EVERY === YIELD_EVERY - 1) await breathe();
      }
      const dbBytes = dataSize(db, dataDir, []);
      ensureFreeSpace(root, dbBytes + missingBytes, 'sao lưu', options.freeSpace ?? readFreeSpace);

      const tmpDir = fs.mkdtempSync(path.join(root, `${TMP}-`));
      try {
        const snapshotFile = path.join(tmpDir, DATABASE_FILE);
        await db.backup(snapshotFile, {
          progress: () => {
            if (overdue()) throw new BackupTimeoutError();
            return 200;
          },
        });
        // The copy says WAL in its header; a rollback-journal file stays one file when it is opened to check or restore.
        const copy = new Database(snapshotFile);
        copy.pragma('journal_mode = DELETE');
        copy.close();
        const manifest = newManifest();
        manifest.createdAt = now.toISOString();
        const dbSum = await sha256File(snapshotFile);
        manifest.entries.push({ path: DATABASE_FILE, ...dbSum });
        const check = await checkDatabaseFile(snapshotFile, 'quick');
        if (!check.ok) throw new Error(`Bản chụp cơ sở dữ liệu không qua kiểm tra: ${check.problems.join('; ')}`);

        let copied = 0;
        const damaged: string[] = [];
        let bytes = dbSum.size;
        for (const [i, rel] of rels.entries()) {
          if (overdue()) throw new BackupTimeoutError();
          if (i % YIELD_EVERY === YIELD_EVERY - 1) await breathe();
          const outcome = await shareFile(dataDir, rel, tmpDir);
          if (outcome === 'damaged') {
            damaged.push(`${FILES_DIR}/${rel}`);
            continue;
          }
          if (outcome === 'copied') copied++;
          const size = fs.statSync(fileOfShared(rel)).size;
          manifest.entries.push({ path: `${FILES_DIR}/${rel}`, sha256: path.basename(rel), size });
          bytes += size;
        }
        const info: z.infer<typeof Info> = { takenAt: now.toISOString(), trigger: options.trigger, bytes, files: manifest.entries.length - 1 };
        fs.writeFileSync(path.join(tmpDir, MANIFEST), JSON.stringify(manifest));
        fs.writeFileSync(path.join(tmpDir, INFO), JSON.stringify(info, null, 2));
        const name = stampOf(now);
        fs.renameSync(tmpDir, path.join(autoDir, name));
        const id = `${AUTO_DIR}/${name}`;
        // Verified as written: the snapshot was re-read for its sum and passed quick_check, every file
        // new to the store was hashed on the way in, and the ones already there have their size.
        recordVerification(id, { at: new Date().toISOString(), ok: true, problem: damaged.length ? `${damaged.length} tệp gốc trong dữ liệu đã hỏng từ trước, không sao lưu được` : null });
        const backup = listAll().find((b) => b.id === id);
        if (!backup) throw new Error(`backup ${id} vanished`);
        return { backup, copied, damaged };
      } finally {
        fs.rmSync(tmpDir, { recursive: true, force: true });
      }
    },

    /** "Sao lưu ngay": a single .vanthu-backup in thu-cong/, read back and verified before it is listed as such. */
    async manual(db: Db, dataDir: string, options: { now?: Date; freeSpace?: FreeSpaceReader } = {}): Promise<StoredBackup> {
      prepare();
      const file = path.join(manualDir, manualName(options.now ?? new Date()));
      await createBackup(db, dataDir, file, { freeSpace: options.freeSpace });
      const id = `${MANUAL_DIR}/${path.basename(file)}`;
      await this.verify(id);
      const backup = listAll().find((b) => b.id === id);
      if (!backup) throw new Error(`backup ${id} vanished`);
      return backup;
    },

    /** Reads a backup through and checks every sum against its manifest; the outcome is kept for the list. */
    async verify(id: string): Promise<Verification> {
      const found = resolve(id);
      try {
        if (found.kind === 'manual') await verifyBackupFile(found.file);
        else {
          const { manifest, seen } = await this.stage(id)(null);
          checkAgainstManifest(manifest, seen);
          const check = await checkDatabaseFile(path.join(found.dir, DATABASE_FILE), 'quick');
          if (!check.ok) throw invalidBackup('cơ sở dữ liệu trong bản sao lưu bị hỏng');
        }
        return recordVerification(id, { at: new Date().toISOString(), ok: true, problem: null });
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        return recordVerification(id, { at: new Date().toISOString(), ok: false, problem: error.message });
      }
    },

    /**
     * For restoreStaged: copies an automatic backup's snapshot and files into the staging folder
     * (null: only reads them), hashing each on the way.
     */
    stage(id: string): (staging: string | null) => Promise<{ manifest: Manifest; seen: Seen }> {
      return async (staging) => {
        const found = resolve(id);
        if (found.kind !== 'auto') throw new Error(`${id} is a single-file backup`);
        const manifest = readManifest(found.dir);
        const seen: Seen = new Map();
        for (const entry of manifest.entries) {
          const source = entry.path === DATABASE_FILE ? path.join(found.dir, DATABASE_FILE) : fileOfShared(entry.path.slice(FILES_DIR.length + 1));
          if (!SAFE_ENTRY.test(entry.path) || !fs.existsSync(source)) continue; // then reported as missing
          const target = staging === null ? null : path.join(staging, ...entry.path.split('/'));
          if (target) fs.mkdirSync(path.dirname(target), { recursive: true });
          seen.set(entry.path, await copyHashing(fs.createReadStream(source), target));
        }
        return { manifest, seen };
      };
    },

    /** Where a backup is on disk (restore, download); throws not_found for anything outside this folder. */
    resolve,

    /**
     * Applies the rotation: automatic backups the policy does not keep are removed, then shared files
     * no kept backup needs, then the app's older "Sao lưu ngay" files beyond the newest ten.
     */
    async prune(): Promise<{ removed: string[]; filesRemoved: number }> {
      const auto = autoBackups();
      const keep = backupsToKeep(auto.map((b) => ({ id: b.id, takenAt: b.info.takenAt })), policy);
      const removed: string[] = [];
      for (const b of auto) {
        if (keep.has(b.id)) continue;
        fs.rmSync(b.dir, { recursive: true, force: true });
        removed.push(b.id);
      }
      const manualOurs = manualBackups()
        .filter((b) => MANUAL_NAME.test(b.name))
        .sort((a, b) => (a.name < b.name ? 1 : -1));
      for (const b of manualOurs.slice(MANUAL_KEPT)) {
        fs.rmSync(b.file, { force: true });
        removed.push(b.id);
      }
      let filesRemoved = 0;
      if (removed.some((id) => id.startsWith(AUTO_DIR))) {
        const needed = new Set<string>();
        for (const b of auto.filter((a) => keep.has(a.id))) {
          for (const e of readManifest(b.dir).entries) needed.add(e.path);
          await breathe(); // long lists: let calls in between
        }
        for (const rel of storeFiles(root)) {
          if (needed.has(`${FILES_DIR}/${rel}`)) continue;
          fs.rmSync(fileOfShared(rel), { force: true });
          filesRemoved++;
        }
      }
      const verifications = readVerifications();
      if (removed.some((id) => id in verifications)) {
        writeVerifications(Object.fromEntries(Object.entries(verifications).filter(([id]) => !removed.includes(id))));
      }
      return { removed, filesRemoved };
    },

  };
}
export type BackupStore = ReturnType<typeof createBackupStore>;
