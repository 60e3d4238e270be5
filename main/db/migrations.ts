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
  {
    version: 2,
    name: 'văn bản đi và sổ đăng ký văn bản đi',
    sql: `
      CREATE TABLE dispatches (
        id INTEGER PRIMARY KEY,
        doc_type TEXT NOT NULL DEFAULT 'cong_van',
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued', 'voided')),
        year INTEGER,
        sequence_key TEXT,
        number INTEGER CHECK (number IS NULL OR number > 0),
        symbol TEXT NOT NULL,
        issue_date TEXT,
        sent_date TEXT,
        content TEXT NOT NULL,
        subject TEXT NOT NULL,
        search_text TEXT NOT NULL,
        void_reason TEXT,
        voided_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      -- Numbers are unique within a year and sequence; voided documents keep theirs, so none is reused.
      CREATE UNIQUE INDEX dispatches_number ON dispatches (year, sequence_key, number);
      CREATE INDEX dispatches_register ON dispatches (year, issue_date, number);
      CREATE INDEX dispatches_status ON dispatches (status, updated_at);

      -- Which units a dispatch names (as recipients) or expects a report from: kept as rows so that
      -- a referenced unit is deactivated rather than deleted.
      CREATE TABLE dispatch_units (
        dispatch_id INTEGER NOT NULL REFERENCES dispatches (id) ON DELETE CASCADE,
        unit_id INTEGER NOT NULL REFERENCES units (id),
        role TEXT NOT NULL CHECK (role IN ('recipient', 'expected')),
        PRIMARY KEY (dispatch_id, unit_id, role)
      ) STRICT;
      CREATE INDEX dispatch_units_unit ON dispatch_units (unit_id);
    `,
  },
  {
    version: 3,
    name: 'tệp gốc của văn bản đi',
    sql: `
      -- Every original kept in the file store, by its SHA-256 (the bytes live in files/).
      CREATE TABLE stored_files (
        sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
        size INTEGER NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      -- Files that belong to an outgoing dispatch: the signed original (scan or signed PDF).
      CREATE TABLE dispatch_files (
        id INTEGER PRIMARY KEY,
        dispatch_id INTEGER NOT NULL REFERENCES dispatches (id),
        sha256 TEXT NOT NULL REFERENCES stored_files (sha256),
        file_name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('signed_original')),
        added_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX dispatch_files_dispatch ON dispatch_files (dispatch_id);
    `,
  },
];

