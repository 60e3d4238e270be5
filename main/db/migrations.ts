/**
 * Numbered migrations. Each runs once, in a transaction, and is recorded in
 * schema_migrations; a database is upgraded by applying the ones it lacks, in order.
 * Never edit a migration that has shipped: add the next number.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'đơn vị nhận, cài đặt, nhật ký',
    sql: `
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE unit_groups (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL UNIQUE,
        kinh_gui_label TEXT NOT NULL,
        sort_order INTEGER NOT NULL DEFAULT 0,
        sort_key TEXT NOT NULL
      ) STRICT;
      CREATE INDEX unit_groups_order ON unit_groups (sort_order, sort_key);

      CREATE TABLE units (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL UNIQUE,
        short_name TEXT,
        group_id INTEGER REFERENCES unit_groups (id),
        code TEXT UNIQUE,
        tax_code TEXT,
        phone TEXT,
        address TEXT,
        contact_person TEXT,
        valid_from TEXT,
        valid_until TEXT,
        successor_id INTEGER REFERENCES units (id),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        sort_order INTEGER NOT NULL DEFAULT 0,
        sort_key TEXT NOT NULL,
        search_text TEXT NOT NULL,
        is_sample INTEGER NOT NULL DEFAULT 0 CHECK (is_sample IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX units_list_order ON units (group_id, sort_order, sort_key);
      CREATE INDEX units_successor ON units (successor_id);
      CREATE INDEX units_tax_code ON units (tax_code);

      CREATE TABLE unit_emails (
        unit_id INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        email TEXT NOT NULL UNIQUE,
        PRIMARY KEY (unit_id, position)
      ) STRICT;

      CREATE TABLE unit_aliases (
        unit_id INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        alias TEXT NOT NULL,
        alias_key TEXT NOT NULL,
        PRIMARY KEY (unit_id, position)
      ) STRICT;
      CREATE INDEX unit_aliases_key ON unit_aliases (alias_key);

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id INTEGER,
        detail TEXT
      ) STRICT;
      CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
    `,
  },
];
