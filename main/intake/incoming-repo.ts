import type { Db } from '../db/connection.js';

/** The SQL for received documents, their files and the intake log; rules live in the services. */

export interface IncomingRow {
  id: number;
  status: 'registered' | 'needs_review';
  source: 'import' | 'paper';
  arrival_year: number;
  arrival_number: number;
  received_date: string;
  review_reason: string | null;
  agency: string | null;
  parent_agency: string | null;
  number: number | null;
  symbol: string | null;
  doc_type: string | null;
  place: string | null;
  doc_date: string | null;
  subject: string | null;
  recipients: string;
  doc_references: string;
  signer: string | null;
  unit_id: number | null;
  unit_name: string | null;
  unit_confidence: number | null;
  unit_reasons: string;
  dispatch_id: number | null;
  dispatch_confidence: number | null;
  dispatch_reasons: string;
  period_key: string | null;
  period_confidence: number | null;
  period_reasons: string;
  forwarded_to: string | null;
  forwarded_date: string | null;
  notes: string | null;
  message_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface NewIncoming {
  status: 'registered' | 'needs_review';
  source: 'import' | 'paper';
  receivedDate: string;
  reviewReason: string | null;
  agency: string | null;
  parentAgency: string | null;
  number: number | null;
  symbol: string | null;
  docType: string | null;
  place: string | null;
  docDate: string | null;
  subject: string | null;
  recipients: string[];
  references: unknown[];
  signer: string | null;
  unitId: number | null;
  unitConfidence: number | null;
  unitReasons: string[];
  dispatchId: number | null;
  dispatchConfidence: number | null;
  dispatchReasons: string[];
  periodKey: string | null;
  periodConfidence: number | null;
  periodReasons: string[];
  messageId: string | null;
  fullText: string;
}

export interface NewIncomingFile {
  sha256: string;
  size: number;
  fileName: string;
  displayPath: string;
  role: 'main' | 'attachment' | 'message' | 'body';
  contentKind: string;
  readNote: string | null;
}

const SELECT = `SELECT d.*, u.name AS unit_name FROM incoming_documents d LEFT JOIN units u ON u.id = d.unit_id`;

export function createIncomingRepo(db: Db) {
  const nextNumber = db.prepare<[number], { n: number | null }>('SELECT max(arrival_number) AS n FROM incoming_documents WHERE arrival_year = ?');
  const insertDoc = db.prepare(`
    INSERT INTO incoming_documents (status, source, arrival_year, arrival_number, received_date, review_reason, agency, parent_agency,
      number, symbol, doc_type, place, doc_date, subject, recipients, doc_references, signer, unit_id, unit_confidence, unit_reasons,
      dispatch_id, dispatch_confidence, dispatch_reasons, period_key, period_confidence, period_reasons, message_id, full_text,
      created_at, updated_at)
    VALUES (@status, @source, @arrivalYear, @arrivalNumber, @receivedDate, @reviewReason, @agency, @parentAgency,
      @number, @symbol, @docType, @place, @docDate, @subject, @recipients, @references, @signer, @unitId, @unitConfidence, @unitReasons,
      @dispatchId, @dispatchConfidence, @dispatchReasons, @periodKey, @periodConfidence, @periodReasons, @messageId, @fullText,
      @now, @now)`);
  const recordFile = db.prepare('INSERT OR IGNORE INTO stored_files (sha256, size, created_at) VALUES (?, ?, ?)');
  const insertFile = db.prepare(`
    INSERT INTO incoming_files (document_id, sha256, file_name, display_path, role, content_kind, read_note, position)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const bySha = db.prepare<[string], { document_id: number }>(
    "SELECT document_id FROM incoming_files WHERE sha256 = ? AND role IN ('main', 'attachment') ORDER BY document_id LIMIT 1",
  );
  const byMessage = db.prepare<[string], { id: number }>('SELECT id FROM incoming_documents WHERE message_id = ? ORDER BY id LIMIT 1');
  const log = db.prepare(
    'INSERT INTO intake_log (at, source_name, attachment, status, reason, sha256, duplicate_of) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const index = db.prepare('INSERT INTO incoming_search (rowid, folded) VALUES (?, ?)');
  const byId = db.prepare<[number], IncomingRow>(`${SELECT} WHERE d.id = ?`);
  const filesOf = db.prepare<[number], { id: number; sha256: string; file_name: string; display_path: string; role: string; content_kind: string; read_note: string | null }>(
    'SELECT id, sha256, file_name, display_path, role, content_kind, read_note FROM incoming_files WHERE document_id = ? ORDER BY position',
  );

  const confirm = db.prepare(`
    UPDATE incoming_documents SET status = 'registered', review_reason = NULL, agency = @agency, number = @number, symbol = @symbol,
           doc_date = @date, doc_type = @type, subject = @subject, unit_id = @unitId, unit_confidence = 1, unit_reasons = @unitReasons,
           dispatch_id = @dispatchId, dispatch_confidence = 1, dispatch_reasons = @dispatchReasons, period_key = @periodKey,
           period_confidence = 1, period_reasons = @periodReasons, updated_at = @now
     WHERE id = @id`);
  const unlink = db.prepare(
    "UPDATE incoming_documents SET dispatch_id = NULL, dispatch_confidence = NULL, dispatch_reasons = '[]', period_key = NULL, period_confidence = NULL, period_reasons = '[]', updated_at = ? WHERE id = ?",
  );
  const setNotes = db.prepare('UPDATE incoming_documents SET notes = ?, updated_at = ? WHERE id = ?');
  const forward = db.prepare('UPDATE incoming_documents SET forwarded_to = ?, forwarded_date = ?, updated_at = ? WHERE id = ?');

  return {
    /** The clerk's confirmed values replace what was recognised; confidence becomes certain. */
    confirm(id: number, v: { agency: string | null; number: number | null; symbol: string | null; date: string | null; type: string | null; subject: string | null; unitId: number | null; dispatchId: number | null; periodKey: string | null }, now: string): void {
      const by = (set: unknown) => JSON.stringify(set === null ? [] : ['văn thư xác nhận']);
      confirm.run({ ...v, id, now, unitReasons: by(v.unitId), dispatchReasons: by(v.dispatchId), periodReasons: by(v.periodKey) });
    },
    unlinkDispatch: (id: number, now: string): void => void unlink.run(now, id),
    setNotes: (id: number, notes: string | null, now: string): void => void setNotes.run(notes, now, id),
    forward: (id: number, to: string, date: string, now: string): void => void forward.run(to, date, now, id),
    nextArrivalNumber: (year: number): number => (nextNumber.get(year)?.n ?? 0) + 1,
    insert(doc: NewIncoming, arrival: { year: number; number: number }, now: string): number {
      return Number(
        insertDoc.run({
          ...doc,
          arrivalYear: arrival.year,
          arrivalNumber: arrival.number,
          recipients: JSON.stringify(doc.recipients),
          references: JSON.stringify(doc.references),
          unitReasons: JSON.stringify(doc.unitReasons),
          dispatchReasons: JSON.stringify(doc.dispatchReasons),
          periodReasons: JSON.stringify(doc.periodReasons),
          now,
        }).lastInsertRowid,
      );
    },
    recordStoredFile: (sha256: string, size: number, now: string): void => void recordFile.run(sha256, size, now),
    insertFile(documentId: number, f: NewIncomingFile, position: number, now: string): void {
      recordFile.run(f.sha256, f.size, now);
      insertFile.run(documentId, f.sha256, f.fileName, f.displayPath, f.role, f.contentKind, f.readNote, position);
    },
    documentWithFile: (sha256: string): number | undefined => bySha.get(sha256)?.document_id,
    documentWithMessage: (messageId: string): number | undefined => byMessage.get(messageId)?.id,
    log(entry: { sourceName: string; attachment: string | null; status: 'duplicate' | 'rejected'; reason: string; sha256: string | null; duplicateOf: number | null }, now: string): void {
      log.run(now, entry.sourceName, entry.attachment, entry.status, entry.reason, entry.sha256, entry.duplicateOf);
    },
    index: (documentId: number, folded: string): void => void index.run(documentId, folded),
    get: (id: number): IncomingRow | undefined => byId.get(id),
    files: (documentId: number) => filesOf.all(documentId),
    listYear: (year: number): IncomingRow[] =>
      db.prepare<[number], IncomingRow>(`${SELECT} WHERE d.arrival_year = ? ORDER BY d.arrival_number`).all(year),
    latest: (limit: number): IncomingRow[] => db.prepare<[number], IncomingRow>(`${SELECT} ORDER BY d.id DESC LIMIT ?`).all(limit),
    countStatus: (status: 'registered' | 'needs_review'): number =>
      (db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM incoming_documents WHERE status = ?').get(status)?.n ?? 0),
    listStatus: (status: 'registered' | 'needs_review'): IncomingRow[] =>
      db.prepare<[string], IncomingRow>(`${SELECT} WHERE d.status = ? ORDER BY d.received_date DESC, d.id DESC`).all(status),
  };
}
export type IncomingRepo = ReturnType<typeof createIncomingRepo>;
