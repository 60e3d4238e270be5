import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';

/**
 * Is the database sound? `PRAGMA quick_check` (minutes of work are seconds here: no index
 * cross-check) after a crash and in the background at each start, the full `integrity_check`
 * weekly. Checks on a running app use their own read-only connection in a worker thread, so the
 * core keeps answering while SQLite reads every page.
 */

export type CheckKind = 'quick' | 'full';

export interface IntegrityResult {
  ok: boolean;
  /** SQLite's own lines ("Page 5: btreeInitPage() returns error code 11"), at most 20. */
  problems: string[];
}

/** Thrown when the database cannot be used because its file is damaged (not: locked, newer version). */
export class DatabaseDamagedError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cơ sở dữ liệu bị hỏng: ${problems.slice(0, 3).join('; ')}`);
    this.name = 'DatabaseDamagedError';
  }
}

/** SQLITE_CORRUPT (and its extended codes) or SQLITE_NOTADB: the file, not the situation, is wrong. */
export function isDatabaseDamage(error: unknown): boolean {
  if (error instanceof DatabaseDamagedError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code);
}

const MAX_PROBLEMS = 20;
const pragmaFor = (kind: CheckKind): string => `PRAGMA ${kind === 'quick' ? 'quick_check' : 'integrity_check'}(${MAX_PROBLEMS})`;

function resultOf(lines: unknown[]): IntegrityResult {
  const problems = lines.map(String);
  return problems.length === 1 && problems[0] === 'ok' ? { ok: true, problems: [] } : { ok: false, problems };
}

/** On a connection the caller holds (at open, before anything else runs). */
export function checkOpenDatabase(db: Database.Database, kind: CheckKind): IntegrityResult {
  try {
    return resultOf(db.prepare(pragmaFor(kind)).pluck().all());
  } catch (error) {
    if (isDatabaseDamage(error)) return { ok: false, problems: [(error as Error).message] };
    throw error;
  }
}

function checkFileNow(file: string, kind: CheckKind): IntegrityResult {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return checkOpenDatabase(db, kind);
  } catch (error) {
    if (isDatabaseDamage(error)) return { ok: false, problems: [(error as Error).message] };
    throw error;
  } finally {
    db?.close();
  }
}

// The worker is given the very module this process loaded, by path: it runs as a plain script
// (eval), outside the bundle. In CommonJS (the Electron bundle) __filename exists; in ESM
// import.meta.url (esbuild warns that import.meta is empty there; that branch is never taken).
const requireHere = createRequire(typeof __filename === 'string' ? __filename : import.meta.url);

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
let db;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  parentPort.postMessage({ lines: db.prepare(workerData.pragma).pluck().all() });
} catch (error) {
  parentPort.postMessage({ error: String(error && error.message), code: error && error.code });
} finally {
  if (db) db.close();
}`;

type WorkerAnswer = { lines: unknown[] } | { error: string; code?: string };

/**
 * Checks a database file without blocking this thread. When no worker can be started (a packaged
 * app whose modules a worker cannot load) the check runs here instead: slower to answer, same result.
 */
export async function checkDatabaseFile(file: string, kind: CheckKind): Promise<IntegrityResult> {
  let answer: WorkerAnswer;
  try {
    answer = await new Promise<WorkerAnswer>((resolve, reject) => {
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { module: requireHere.resolve('better-sqlite3'), file, pragma: pragmaFor(kind) },
      });
      worker.once('message', (message: WorkerAnswer) => {
        resolve(message);
        void worker.terminate();
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`integrity worker exited with ${code}`)));
    });
  } catch {
    return checkFileNow(file, kind);
  }
  if ('lines' in answer) return resultOf(answer.lines);
  if (isDatabaseDamage(answer)) return { ok: false, problems: [answer.error] };
  throw new Error(answer.error);
}

/**
 * Unclean shutdown detection: each open writes `.dang-mo-<pid>-<n>` in the data folder and a clean
 * close removes it. A marker left by a process that no longer runs means that process died with the
 * database open (power cut, crash, kill), so the next open runs a quick check before anything else.
 */
export interface OpenSession {
  /** A previous session on this data folder ended without closing. */
  readonly uncleanBefore: boolean;
  release(): void;
}

const MARKER_PREFIX = '.dang-mo-';
let sessionsOpened = 0;

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, owned by another user
  }
}

export function beginSession(dataDir: string): OpenSession {
  let uncleanBefore = false;
  for (const name of fs.readdirSync(dataDir)) {
    if (!name.startsWith(MARKER_PREFIX)) continue;
    const pid = Number(name.slice(MARKER_PREFIX.length).split('-')[0]);
    if (Number.isInteger(pid) && isRunning(pid)) continue;
    uncleanBefore = true;
    fs.rmSync(path.join(dataDir, name), { force: true });
  }
  const marker = path.join(dataDir, `${MARKER_PREFIX}${process.pid}-${++sessionsOpened}`);
  fs.writeFileSync(marker, `${os.hostname()} ${new Date().toISOString()}\n`);
  return {
    uncleanBefore,
    release: () => fs.rmSync(marker, { force: true }),
  };
}
