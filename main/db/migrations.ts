/**
 * Numbered migrations. Each runs once, in a transaction, and is recorded in
 * schema_migrations; a database is upgraded by applying the ones it lacks, in order.
 * Never edit a migration that has shipped: add the next number.
 */
import type Database from 'better-sqlite3';
import { rebuildSearchIndex } from '../search/search-index.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Work SQL cannot do (folding Vietnamese text), run after `sql` in the same transaction. */
  after?(db: Database.Database): void;
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
  {
    version: 4,
    name: 'văn bản đến',
    sql: `
      -- One administrative document received (DESIGN §4), with its số đến of the year.
      CREATE TABLE incoming_documents (
        id INTEGER PRIMARY KEY,
        status TEXT NOT NULL CHECK (status IN ('registered', 'needs_review')),
        source TEXT NOT NULL CHECK (source IN ('import', 'paper')),
        arrival_year INTEGER NOT NULL,
        arrival_number INTEGER NOT NULL CHECK (arrival_number > 0),
        received_date TEXT NOT NULL,
        review_reason TEXT,
        agency TEXT,
        parent_agency TEXT,
        number INTEGER,
        symbol TEXT,
        doc_type TEXT,
        place TEXT,
        doc_date TEXT,
        subject TEXT,
        recipients TEXT NOT NULL DEFAULT '[]',
        doc_references TEXT NOT NULL DEFAULT '[]',
        signer TEXT,
        unit_id INTEGER REFERENCES units (id),
        unit_confidence REAL,
        unit_reasons TEXT NOT NULL DEFAULT '[]',
        dispatch_id INTEGER REFERENCES dispatches (id),
        dispatch_confidence REAL,
        dispatch_reasons TEXT NOT NULL DEFAULT '[]',
        period_key TEXT,
        period_confidence REAL,
        period_reasons TEXT NOT NULL DEFAULT '[]',
        forwarded_to TEXT,
        forwarded_date TEXT,
        notes TEXT,
        message_id TEXT,
        full_text TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (arrival_year, arrival_number)
      ) STRICT;
      CREATE INDEX incoming_register ON incoming_documents (arrival_year, arrival_number);
      CREATE INDEX incoming_status ON incoming_documents (status, received_date);
      CREATE INDEX incoming_unit ON incoming_documents (unit_id);
      CREATE INDEX incoming_dispatch ON incoming_documents (dispatch_id, period_key);
      CREATE INDEX incoming_message ON incoming_documents (message_id);

      -- The files of an incoming document, kept unchanged in the file store.
      CREATE TABLE incoming_files (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES incoming_documents (id),
        sha256 TEXT NOT NULL REFERENCES stored_files (sha256),
        file_name TEXT NOT NULL,
        display_path TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('main', 'attachment', 'message', 'body')),
        content_kind TEXT NOT NULL,
        read_note TEXT,
        position INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX incoming_files_document ON incoming_files (document_id);
      CREATE INDEX incoming_files_sha256 ON incoming_files (sha256);

      -- What was received but made no entry: duplicates and refused files (kept in quarantine).
      CREATE TABLE intake_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        source_name TEXT NOT NULL,
        attachment TEXT,
        status TEXT NOT NULL CHECK (status IN ('duplicate', 'rejected')),
        reason TEXT NOT NULL,
        sha256 TEXT REFERENCES stored_files (sha256),
        duplicate_of INTEGER REFERENCES incoming_documents (id)
      ) STRICT;

      -- Full-text search over a folded copy (diacritics and đ folded in code, DESIGN §4).
      CREATE VIRTUAL TABLE incoming_search USING fts5 (folded, tokenize = 'unicode61 remove_diacritics 2');
    `,
  },
  {
    version: 5,
    name: 'miễn báo cáo',
    sql: `
      -- A unit excused from one period of a dispatch's requirement, with why and who decided.
      -- Withdrawing keeps the row (history), so nothing silently disappears.
      CREATE TABLE obligation_exemptions (
        id INTEGER PRIMARY KEY,
        dispatch_id INTEGER NOT NULL REFERENCES dispatches (id),
        unit_id INTEGER NOT NULL REFERENCES units (id),
        period_key TEXT NOT NULL,
        reason TEXT NOT NULL,
        decided_by TEXT NOT NULL,
        decided_at TEXT NOT NULL,
        withdrawn_at TEXT
      ) STRICT;
      CREATE INDEX obligation_exemptions_lookup ON obligation_exemptions (dispatch_id, period_key, unit_id);
    `,
  },
  {
    version: 6,
    name: 'biểu mẫu số liệu',
    sql: `
      -- The data form of a dispatch's requirement (issue 6). rows_json holds the FormRow list;
      -- form_key is written into every .xlsx so that a returned file names its form.
      CREATE TABLE data_forms (
        dispatch_id INTEGER PRIMARY KEY REFERENCES dispatches (id),
        form_key TEXT NOT NULL UNIQUE,
        version INTEGER NOT NULL,
        title TEXT NOT NULL,
        rows_json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      -- The figures read from one returned form. Unit, dispatch and period are the incoming
      -- document's (the clerk may correct them in review); meta_* is what the hidden sheet said.
      CREATE TABLE form_submissions (
        id INTEGER PRIMARY KEY,
        incoming_id INTEGER NOT NULL UNIQUE REFERENCES incoming_documents (id),
        read_by TEXT NOT NULL CHECK (read_by IN ('metadata', 'names')),
        form_version INTEGER,
        meta_dispatch_id INTEGER,
        meta_unit_id INTEGER,
        meta_period_key TEXT,
        values_json TEXT NOT NULL,
        problems_json TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 7,
    name: 'chữ ký số của tệp nhận, hàng đợi nhận dạng chữ các trang sau',
    sql: `
      -- The digital signatures of a received file (PDF), in signing order (issue 7), as read at
      -- import: signer and time exactly as the file states them. The certificate chain is never
      -- validated offline, so nothing here says "valid".
      CREATE TABLE incoming_file_signatures (
        file_id INTEGER NOT NULL REFERENCES incoming_files (id),
        position INTEGER NOT NULL,
        signer TEXT,
        organization TEXT,
        email TEXT,
        tax_code TEXT,
        issuer TEXT,
        signed_at TEXT,
        digest_valid INTEGER CHECK (digest_valid IN (0, 1)),
        after_signing TEXT NOT NULL CHECK (after_signing IN ('nothing', 'signatures-only', 'other-changes')),
        PRIMARY KEY (file_id, position)
      ) STRICT;

      -- Pages 2+ of scanned PDFs waiting to be read by OCR in the background for full-text search
      -- (page 1 is read at import). A row is deleted in the transaction that adds its page's text
      -- to the document, so after a restart exactly the pages not yet read remain.
      CREATE TABLE ocr_pages (
        file_id INTEGER NOT NULL REFERENCES incoming_files (id),
        page INTEGER NOT NULL CHECK (page >= 2),
        page_count INTEGER NOT NULL CHECK (page_count >= page),
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        queued_at TEXT NOT NULL,
        PRIMARY KEY (file_id, page)
      ) STRICT;
    `,
  },
  {
    version: 8,
    name: 'tệp đang nhận (khôi phục sau khi ứng dụng bị tắt đột ngột)',
    sql: `
      -- A received file on its way into the register (issue 8): the row is committed before the
      -- bytes go into the file store and deleted in the transaction that registers or quarantines
      -- them. A row left behind by a process that died is turned into an entry for review at the
      -- next start (main/intake/recovery.ts), so nothing received is lost.
      CREATE TABLE intake_pending (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        size INTEGER NOT NULL,
        -- The items received together (an e-mail and its attachments) share a batch: one entry.
        batch TEXT NOT NULL,
        source_name TEXT NOT NULL,
        file_name TEXT NOT NULL,
        display_path TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('message', 'attachment', 'body', 'entry', 'file', 'refused')),
        message_id TEXT,
        subject TEXT,
        received_date TEXT NOT NULL,
        refused_reason TEXT,
        writer_pid INTEGER NOT NULL,
        noted_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX intake_pending_sha256 ON intake_pending (sha256);
      -- Whatever commits a reference to a file ends its pending state, in the same transaction.
      CREATE TRIGGER intake_pending_registered AFTER INSERT ON incoming_files
      BEGIN DELETE FROM intake_pending WHERE sha256 = NEW.sha256; END;
      CREATE TRIGGER intake_pending_logged AFTER INSERT ON intake_log WHEN NEW.sha256 IS NOT NULL
      BEGIN DELETE FROM intake_pending WHERE sha256 = NEW.sha256; END;
    `,
  },
  {
    version: 9,
    name: 'tìm kiếm theo trích yếu, văn bản đi và tên tệp; chỉ mục cho danh sách',
    sql: `
      -- The search index gets a heading column (type, subject, sender, number and symbol) that ranks
      -- above the text, filter tags (year, status, unit, dispatch: main/search/search-index.ts), and
      -- covers dispatches and the names of received files too (issue 8). \`folded\` stays the name
      -- of the text column, so code that appends OCR text to it keeps working.
      DROP TABLE incoming_search;
      -- Prefixes of 2 and 3 letters are indexed: every word typed is a prefix ("tuyen tr" while
      -- typing), and "tr*" would otherwise merge the lists of every word starting with "tr".
      CREATE VIRTUAL TABLE incoming_search USING fts5 (subject, folded, tags, prefix = '2 3', tokenize = 'unicode61 remove_diacritics 2');
      CREATE VIRTUAL TABLE dispatch_search USING fts5 (subject, folded, tokenize = 'unicode61 remove_diacritics 2');
      CREATE VIRTUAL TABLE file_search USING fts5 (name, tags, tokenize = 'unicode61 remove_diacritics 2');

      -- The review queue and the status filters page through (status, year, số đến).
      CREATE INDEX incoming_queue ON incoming_documents (status, arrival_year, arrival_number);
      -- Same columns as the UNIQUE constraint's own index: one is enough.
      DROP INDEX incoming_register;
      -- The dispatch list's order (main/dispatches/dispatches-repo.ts), so a page is read without sorting them all.
      CREATE INDEX dispatches_list_order ON dispatches (status = 'draft' DESC, coalesce(issue_date, substr(updated_at, 1, 10)) DESC, number DESC, id DESC);
    `,
    after: rebuildSearchIndex,
  },
  {
    version: 10,
    name: 'phần nội dung của từng tệp trong văn bản đến',
    sql: `
      -- A document's full_text is its files' texts in position order, joined by a blank line; this is
      -- how many characters (JavaScript string length) each file's text has there, so that the report
      -- can quote a unit's written report without the returned form beside it (issue 6). NULL for
      -- files registered before, whose share is not known.
      ALTER TABLE incoming_files ADD COLUMN text_chars INTEGER CHECK (text_chars >= 0);
    `,
  },
  {
    version: 11,
    name: 'ghi chú của đơn vị trong biểu số liệu, số liệu văn thư sửa theo xác nhận của đơn vị',
    sql: `
      -- The "Ghi chú" a unit wrote beside each indicator of a returned form, by indicator code (issue 6).
      ALTER TABLE form_submissions ADD COLUMN notes_json TEXT NOT NULL DEFAULT '{}';
      -- A value the clerk corrected after the unit confirmed it (by phone); the value read from the
      -- file stays in form_submissions. A correction is made against the form of the dispatch the
      -- entry answered then, and counts only while the entry still answers that dispatch.
      CREATE TABLE form_corrections (
        incoming_id INTEGER NOT NULL REFERENCES form_submissions (incoming_id),
        dispatch_id INTEGER NOT NULL REFERENCES dispatches (id),
        indicator_code TEXT NOT NULL,
        value_json TEXT NOT NULL,
        corrected_by TEXT NOT NULL,
        corrected_on TEXT NOT NULL,
        corrected_at TEXT NOT NULL,
        PRIMARY KEY (incoming_id, indicator_code)
      ) STRICT;
    `,
  },
  {
    version: 12,
    name: 'tìm văn bản đi theo số khi nhập văn bản đến; số trang đã đọc bằng OCR',
    sql: `
      -- The import finds the dispatch a report cites by its number (and year) instead of reading every
      -- dispatch (main/intake/match.ts); numbers start again each year, so a number names a handful.
      CREATE INDEX dispatches_cited ON dispatches (number, year);
      -- Pages of a file read by OCR so far (page 1 at import, the others in the background): once its
      -- queue is done, its read note says how many (main/intake/ocr-queue.ts).
      ALTER TABLE incoming_files ADD COLUMN ocr_pages_read INTEGER NOT NULL DEFAULT 0 CHECK (ocr_pages_read >= 0);
    `,
  },
];
