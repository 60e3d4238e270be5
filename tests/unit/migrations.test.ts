import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations, openDatabase } from '../../main/db/connection.js';
import { migrations } from '../../main/db/migrations.js';
import { openApp } from '../../main/app/open-app.js';
import { tempDataDir } from '../support/temp-app.js';

const dirs: string[] = [];
const newDir = () => {
  const d = tempDataDir();
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('migrations', () => {
  it('creates every table on an empty database, records each migration, and turns on WAL and foreign keys', () => {
    const db = openDatabase(path.join(newDir(), 'vanthu.db'));
    const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
    expect(versions).toEqual(migrations.map((m) => m.version));
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['units', 'unit_groups', 'unit_emails', 'unit_aliases', 'settings', 'audit_log']));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    // STRICT tables refuse a value of the wrong type instead of storing it.
    expect(() => db.prepare("INSERT INTO settings (key, value) VALUES ('k', ?)").run(Buffer.from('x'))).toThrow();
    db.close();
  });

  it('applies only the missing migrations to an existing database and keeps its data', () => {
    const file = path.join(newDir(), 'vanthu.db');
    const first = new Database(file);
    expect(applyMigrations(first, migrations.slice(0, 1))).toEqual([1]);
    first.prepare("INSERT INTO settings (key, value) VALUES ('giữ', '\"nguyên\"')").run();
    first.close();

    const extra = { version: 99, name: 'thử', sql: 'CREATE TABLE probe (id INTEGER PRIMARY KEY) STRICT;' };
    const again = new Database(file);
    expect(applyMigrations(again, [...migrations, extra])).toEqual([...migrations.slice(1).map((m) => m.version), 99]);
    expect(applyMigrations(again, [...migrations, extra])).toEqual([]);
    expect(again.prepare("SELECT value FROM settings WHERE key = 'giữ'").pluck().get()).toBe('"nguyên"');
    again.close();
  });

  it('rolls back a failing migration entirely', () => {
    const db = new Database(path.join(newDir(), 'vanthu.db'));
    const broken = { version: 2, name: 'hỏng', sql: 'CREATE TABLE half (id INTEGER) STRICT; THIS IS NOT SQL;' };
    expect(() => applyMigrations(db, [...migrations.slice(0, 1), broken])).toThrow();
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).not.toContain('half');
    expect(tables).not.toContain('units');
    db.close();
  });

  it('refuses a database made by a newer version instead of damaging it', () => {
    const db = new Database(path.join(newDir(), 'vanthu.db'));
    applyMigrations(db, [...migrations, { version: 500, name: 'tương lai', sql: 'SELECT 1;' }]);
    expect(() => applyMigrations(db, migrations)).toThrow(/phiên bản VănThư mới hơn/);
    db.close();
  });

  it('opens a data folder whose path has Vietnamese letters and spaces', () => {
    const dir = path.join(newDir(), 'Dữ liệu Văn thư', 'Sở TT&TT');
    const app = openApp({ dataDir: dir });
    expect(fs.existsSync(path.join(dir, 'vanthu.db'))).toBe(true);
    expect(fs.statSync(path.join(dir, 'files')).isDirectory()).toBe(true);
    app.units.create({ name: 'UBND huyện Kiên Lương' });
    app.close();
    const reopened = openApp({ dataDir: dir });
    expect(reopened.units.list({ query: 'kien luong' }).map((u) => u.name)).toEqual(['UBND huyện Kiên Lương']);
    reopened.close();
  });
});
