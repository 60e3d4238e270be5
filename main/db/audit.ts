import os from 'node:os';
import type { Db } from './connection.js';
import { AuditQuery, type AuditEntryView, type AuditKind, type AuditPage } from '../../shared/domain/audit.js';
import { describeBackupSource } from '../../shared/domain/backup.js';

/** "Who" in the audit log: the app has no accounts, so the Windows user and machine (DESIGN §4). */
export function currentActor(): string {
  let user = 'không rõ';
  try {
    user = os.userInfo().username;
  } catch {
    // userInfo throws when the account has no home entry; the machine name still identifies the PC.
  }
  return `${user}@${os.hostname()}`;
}

/** The actor column back into its parts. Neither Windows user names nor host names may contain "@". */
export function splitActor(actor: string): { user: string; machine: string } {
  const at = actor.lastIndexOf('@');
  return at < 0 ? { user: actor, machine: '' } : { user: actor.slice(0, at), machine: actor.slice(at + 1) };
}

export interface AuditEntry {
  action: 'create' | 'update' | 'delete' | 'deactivate' | 'activate' | 'import' | 'init' | 'restore' | 'undo_restore';
  entity: string;
  entityId?: number | null;
  detail?: unknown;
}

/**
 * The kind of an entry, in SQL so the screen can filter and page on it. Issuing, voiding and
 * renumbering are dispatch updates told apart by their detail (dispatches-service.ts).
 */
const KIND_SQL = `CASE
  WHEN a.entity = 'dispatch' AND json_valid(a.detail) AND json_type(a.detail, '$.issued') IS NOT NULL THEN 'issue'
  WHEN a.entity = 'dispatch' AND json_valid(a.detail) AND json_type(a.detail, '$.voided') IS NOT NULL THEN 'void'
  WHEN a.entity = 'dispatch' AND a.action = 'update' AND json_valid(a.detail) AND json_type(a.detail, '$.number') IS NOT NULL THEN 'renumber'
  WHEN a.entity IN ('dispatch', 'data_form') THEN 'dispatch'
  WHEN a.action = 'import' THEN 'import'
  WHEN a.entity = 'incoming_document' AND a.action = 'create' AND NOT (json_valid(a.detail) AND json_type(a.detail, '$.paper') IS NOT NULL) THEN 'import'
  WHEN a.entity = 'incoming_document' THEN 'incoming'
  WHEN a.entity = 'obligation_exemption' THEN 'exemption'
  WHEN a.entity IN ('unit', 'unit_group') THEN 'unit'
  WHEN a.entity = 'settings' THEN 'settings'
  WHEN a.entity IN ('backup', 'restore') THEN 'backup'
  ELSE 'other'
END`;

/** What the entry was done to, as the clerk names it (exemptions are recorded against their dispatch). */
const TARGET_SQL = `CASE
  WHEN a.entity IN ('dispatch', 'data_form', 'obligation_exemption') THEN (SELECT COALESCE(d.number || '/' || d.symbol, d.subject) FROM dispatches d WHERE d.id = a.entity_id)
  WHEN a.entity = 'unit' THEN (SELECT u.name FROM units u WHERE u.id = a.entity_id)
  WHEN a.entity = 'unit_group' THEN (SELECT g.name FROM unit_groups g WHERE g.id = a.entity_id)
  WHEN a.entity = 'incoming_document' THEN (SELECT 'Số đến ' || i.arrival_number || '/' || i.arrival_year FROM incoming_documents i WHERE i.id = a.entity_id)
END`;

interface Row {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  detail: string | null;
  kind: AuditKind;
  target: string | null;
}

/** Midnight at the start of a Vietnamese calendar day, as a UTC instant (Vietnam keeps UTC+7 all year). */
function startOfDay(day: string): string {
  return new Date(`${day}T00:00:00+07:00`).toISOString();
}

const dayAfter = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export function createAuditLog(db: Db, actor: string = currentActor()) {
  const insert = db.prepare(
    'INSERT INTO audit_log (at, actor, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const where = `(:kind IS NULL OR kind = :kind) AND (:from IS NULL OR at >= :from) AND (:to IS NULL OR at < :to)`;
  const selected = `SELECT a.id, a.at, a.actor, a.action, a.entity, a.detail, ${KIND_SQL} AS kind, ${TARGET_SQL} AS target FROM audit_log a`;
  const page = db.prepare<Record<string, unknown>, Row>(`SELECT * FROM (${selected}) WHERE ${where} ORDER BY id DESC LIMIT :limit OFFSET :offset`);
  // Without a kind the count needs no CASE per row.
  const countAll = db.prepare<Record<string, unknown>, { n: number }>(`SELECT count(*) AS n FROM audit_log WHERE (:from IS NULL OR at >= :from) AND (:to IS NULL OR at < :to)`);
  const countKind = db.prepare<Record<string, unknown>, { n: number }>(`SELECT count(*) AS n FROM (SELECT a.at, ${KIND_SQL} AS kind FROM audit_log a) WHERE ${where}`);

  return {
    /** Who the entries are recorded as ("user@machine"), for records that name their author themselves. */
    actor,
    record(entry: AuditEntry): void {
      insert.run(
        new Date().toISOString(),
        actor,
        entry.action,
        entry.entity,
        entry.entityId ?? null,
        entry.detail === undefined ? null : JSON.stringify(entry.detail),
      );
    },

    /** Newest first, one page at a time; `from`/`to` are Vietnamese calendar days, both included. */
    list(input: AuditQuery = {}): AuditPage {
      const q = AuditQuery.parse(input);
      const range = { from: q.from && startOfDay(q.from), to: q.to && startOfDay(dayAfter(q.to)) };
      const total = (q.kind === null ? countAll.get(range) : countKind.get({ ...range, kind: q.kind }))?.n ?? 0;
      const rows = page.all({ ...range, kind: q.kind, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
      return { total, page: q.page, pageSize: q.pageSize, entries: rows.map(toView) };
    },
  };
}
export type AuditLog = ReturnType<typeof createAuditLog>;

function toView(row: Row): AuditEntryView {
  let detail: Record<string, unknown> = {};
  try {
    const parsed: unknown = row.detail === null ? null : JSON.parse(row.detail);
    if (parsed && typeof parsed === 'object') detail = parsed as Record<string, unknown>;
  } catch {
    // An unreadable detail still leaves who, when and what kind.
  }
  return { id: row.id, at: row.at, ...splitActor(row.actor), kind: row.kind, target: row.target, summary: describe(row, detail) };
}

const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
const vnDate = (iso: unknown): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text(iso));
  return m ? `${m[3]}/${m[2]}/${m[1]}` : text(iso);
};
const record = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {});

const SETTINGS_LABELS: Record<string, string> = {
  organisation_profile: 'Sửa thông tin cơ quan (tên, ký hiệu, người ký…)',
  numbering_sequence: 'Đổi cách đánh số văn bản đi',
  intake: 'Sửa quy tắc nhập văn bản đến',
  backup_folder: 'Đổi thư mục sao lưu',
};

/** One sentence in Vietnamese for the screen; the detail JSON stays in the database for anyone who needs it. */
function describe(row: Row, d: Record<string, unknown>): string {
  switch (row.kind) {
    case 'issue': {
      const issued = record(d.issued);
      return issued.number == null ? `Ban hành ngày ${vnDate(issued.date)}, số cấp sau` : `Ban hành, cấp số ${text(issued.number)} ngày ${vnDate(issued.date)}`;
    }
    case 'void':
      return `Hủy văn bản. Lý do: ${text(d.voided)}`;
    case 'renumber':
      return `Sửa số văn bản thành ${text(d.number)}`;
    case 'dispatch':
      if (row.entity === 'data_form') return row.action === 'delete' ? 'Xóa biểu mẫu số liệu' : `Lưu biểu mẫu số liệu (phiên bản ${text(d.version)})`;
      if (row.action === 'create') return `Tạo dự thảo: ${text(d.subject)}`;
      if (row.action === 'delete') return `Xóa dự thảo: ${text(d.subject)}`;
      if (d.requirement !== undefined) return 'Sửa yêu cầu báo cáo (hạn, kỳ, đơn vị phải báo cáo)';
      if (d.register !== undefined) return 'Sửa thông tin sổ văn bản đi (số bản, nơi lưu, ngày gửi, ghi chú)';
      if (d.signedOriginal !== undefined) return `Đính kèm bản gốc đã ký: ${text(record(d.signedOriginal).fileName)}`;
      return 'Sửa văn bản đi';
    case 'import':
      if (row.action === 'import') return `Nhập danh sách đơn vị từ Excel: thêm ${text(d.created)}, sửa ${text(d.updated)}`;
      return `Nhập văn bản đến, số đến ${text(d.arrivalNumber)}/${text(d.year)}${d.status === 'needs_review' ? ' (chờ xác nhận)' : ''}`;
    case 'incoming':
      if (d.paper) return `Vào sổ văn bản giấy, số đến ${text(d.arrivalNumber)}`;
      if (d.confirmed !== undefined) return 'Xác nhận thông tin văn bản đến';
      if (d.unlinked !== undefined) return 'Bỏ liên kết văn bản đến với công văn yêu cầu';
      if (d.formCorrection !== undefined) {
        const c = record(d.formCorrection);
        return c.value === null ? `Bỏ sửa số liệu chỉ tiêu ${text(c.indicatorCode)} (dùng lại số liệu trong tệp)` : `Sửa số liệu chỉ tiêu ${text(c.indicatorCode)} thành ${typeof c.value === 'boolean' ? (c.value ? 'Có' : 'Không') : text(c.value)} theo xác nhận của đơn vị`;
      }
      if (d.forwardedTo !== undefined) return `Chuyển cho ${text(d.forwardedTo)} ngày ${vnDate(d.date)}`;
      return 'Sửa văn bản đến';
    case 'exemption':
      return row.action === 'delete' ? `Bỏ miễn báo cáo kỳ ${text(d.periodKey)}` : `Miễn báo cáo kỳ ${text(d.periodKey)}. Lý do: ${text(d.reason)}`;
    case 'unit': {
      const what = row.entity === 'unit_group' ? 'nhóm đơn vị' : 'đơn vị';
      if (row.action === 'create') return `Thêm ${what} ${text(d.name)}`;
      if (row.action === 'delete') return `Xóa ${what} ${text(d.name)}`;
      if (row.action === 'activate') return `Dùng lại ${what}`;
      if (row.action === 'deactivate') return d.reason === 'referenced' ? `Ngừng dùng ${what} (còn văn bản liên quan nên không xóa)` : `Ngừng dùng ${what}`;
      return d.before !== undefined && d.before !== d.after ? `Sửa ${what}: ${text(d.before)} → ${text(d.after)}` : `Sửa ${what} ${text(d.name)}`.trim();
    }
    case 'settings': {
      const label = SETTINGS_LABELS[text(d.key)] ?? 'Sửa cài đặt';
      return d.key === 'backup_folder' ? `${label}: ${text(d.folder) || 'mặc định'}` : label;
    }
    case 'backup':
      if (row.action === 'undo_restore') return 'Hoàn tác lần khôi phục gần nhất';
      if (row.action === 'create') return `Sao lưu ngay: ${describeBackupSource(text(d.file))}`;
      return `Khôi phục dữ liệu từ ${describeBackupSource(text(d.from ?? d.file))}`;
    case 'other':
      return `${row.action} ${row.entity}`;
  }
}
