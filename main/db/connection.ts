import Database from 'better-sqlite3';
import { migrations as defaultMigrations, type Migration } from './migrations.js';

export type Db = Database.Database;

/**
 * Opens the database with the storage rules of DESIGN §4 (WAL, foreign keys,
 * busy timeout so the CLI and the app can share the file) and upgrades it.
 */
export function openDatabase(file: string, migrations: readonly Migration[] = defaultMigrations): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  applyMigrations(db, migrations);
  return db;
}

/** Applies the migrations the database lacks, all in one IMMEDIATE transaction. Returns the versions applied. */
export function applyMigrations(db: Db, migrations: readonly Migration[]): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const upgrade = db.transaction((): number[] => {
    const done = new Set(
      (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version),
    );
    const newest = Math.max(0, ...done);
    const known = Math.max(0, ...migrations.map((m) => m.version));
    if (newest > known) {
      throw new Error(
        `Cơ sở dữ liệu được tạo bởi phiên bản VănThư mới hơn (lược đồ ${newest}, phiên bản này biết đến ${known}). Hãy cập nhật VănThư.`,
      );
    }
    const applied: number[] = [];
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue;
      db.exec(m.sql);
      m.after?.(db);
      record.run(m.version, m.name, new Date().toISOString());
      applied.push(m.version);
    }
    return applied;
  });
  return upgrade.immediate();
}
