import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/connection.js';
import { sqlLimit, type Paging } from '../../shared/domain/paging.js';
import { createSearchIndex } from '../search/search-index.js';
import type { DocumentSignature } from '../../shared/domain/signature.js';

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
  /** Its digital signatures (PDF), in signing order. */
  signatures: DocumentSignature[];
  /** The length of its text in the document's full_text (files in position order, a blank line between); absent when not known. */
  textChars?: number;
  /** Pages read by OCR at import (page 1 of a scan); the background queue counts the others. */
  ocrPagesRead?: number;
}

interface SignatureRow {
  signer: string | null;
  organization: string | null;
  email: string | null;
  tax_code: string | null;
  issuer: string | null;
  signed_at: string | null;
  digest_valid: 0 | 1 | null;
  after_signing: DocumentSignature['after'];
}

// Every column but full_text, which no screen lists and which is most of a row's bytes.
const COLUMNS = `d.id, d.status, d.source, d.arrival_year, d.arrival_number, d.received_date, d.review_reason, d.agency, d.parent_agency,
  d.number, d.symbol, d.doc_type, d.place, d.doc_date, d.subject, d.recipients, d.doc_references, d.signer, d.unit_id, d.unit_confidence,
  d.unit_reasons, d.dispatch_id, d.dispatch_confidence, d.dispatch_reasons, d.period_key, d.period_confidence, d.period_reasons,
  d.forwarded_to, d.forwarded_date, d.notes, d.message_id, d.created_at, d.updated_at`;
const SELECT = `SELECT ${COLUMNS}, u.name AS unit_name FROM incoming_documents d LEFT JOIN units u ON u.id = d.unit_id`;

export interface IncomingFilter {
  status: 'registered' | 'needs_review' | null;
  year: number | null;
}

function filterSql(filter: IncomingFilter): { where: string; params: Record<string, string | number> } {
  const clauses: string[] = [];
  const params: Record<string, string | number> = {};
  if (filter.status !== null) {
    clauses.push('d.status = @status');
    params.status = filter.status;
  }
  if (filter.year !== null) {
    clauses.push('d.arrival_year = @year');
    params.year = filter.year;
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

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
  const updateDoc = db.prepare(`
    UPDATE incoming_documents SET status = @status, source = @source, review_reason = @reviewReason, agency = @agency,
      parent_agency = @parentAgency, number = @number, symbol = @symbol, doc_type = @docType, place = @place, doc_date = @docDate,
      subject = @subject, recipients = @recipients, doc_references = @references, signer = @signer, unit_id = @unitId,
      unit_confidence = @unitConfidence, unit_reasons = @unitReasons, dispatch_id = @dispatchId, dispatch_confidence = @dispatchConfidence,
      dispatch_reasons = @dispatchReasons, period_key = @periodKey, period_confidence = @periodConfidence, period_reasons = @periodReasons,
      message_id = @messageId, full_text = @fullText, updated_at = @now
     WHERE id = @id`);
  const columns = (doc: NewIncoming, now: string) => ({
    ...doc,
    recipients: JSON.stringify(doc.recipients),
    references: JSON.stringify(doc.references),
    unitReasons: JSON.stringify(doc.unitReasons),
    dispatchReasons: JSON.stringify(doc.dispatchReasons),
    periodReasons: JSON.stringify(doc.periodReasons),
    now,
  });
  const recordFile = db.prepare('INSERT OR IGNORE INTO stored_files (sha256, size, created_at) VALUES (?, ?, ?)');
  const insertFile = db.prepare(`
    INSERT INTO incoming_files (document_id, sha256, file_name, display_path, role, content_kind, read_note, position, text_chars, ocr_pages_read)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const deleteFile = db.prepare('DELETE FROM incoming_files WHERE id = ?');
  const insertSignature = db.prepare(`
    INSERT INTO incoming_file_signatures (file_id, position, signer, organization, email, tax_code, issuer, signed_at, digest_valid, after_signing)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const signaturesOf = db.prepare<[number], SignatureRow>(
    'SELECT signer, organization, email, tax_code, issuer, signed_at, digest_valid, after_signing FROM incoming_file_signatures WHERE file_id = ? ORDER BY position',
  );
  const bySha = db.prepare<[string], { document_id: number }>(
    "SELECT document_id FROM incoming_files WHERE sha256 = ? AND role IN ('main', 'attachment') ORDER BY document_id LIMIT 1",
  );
  const byMessage = db.prepare<[string], { id: number }>('SELECT id FROM incoming_documents WHERE message_id = ? ORDER BY id LIMIT 1');
  const log = db.prepare(
    'INSERT INTO intake_log (at, source_name, attachment, status, reason, sha256, duplicate_of) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const searchIndex = createSearchIndex(db);
  // One index seek per year, newest first, instead of reading an index entry per document.
  const yearsStmt = db
    .prepare<[], number>(`
      WITH RECURSIVE y (year) AS (
        SELECT max(arrival_year) FROM incoming_documents
        UNION ALL
        SELECT (SELECT max(arrival_year) FROM incoming_documents WHERE arrival_year < y.year) FROM y WHERE y.year IS NOT NULL
      ) SELECT year FROM y WHERE year IS NOT NULL`)
    .pluck();
  const statements = new Map<string, Statement>();
  function cached<Row>(sql: string): Statement<[Record<string, string | number>], Row> {
    let s = statements.get(sql);
    if (!s) statements.set(sql, (s = db.prepare(sql)));
    return s as Statement<[Record<string, string | number>], Row>;
  }
  const byId = db.prepare<[number], IncomingRow>(`${SELECT} WHERE d.id = ?`);
  const filesOf = db.prepare<[number], { id: number; sha256: string; file_name: string; display_path: string; role: string; content_kind: string; read_note: string | null }>(
    'SELECT id, sha256, file_name, display_path, role, content_kind, read_note FROM incoming_files WHERE document_id = ? ORDER BY position',
  );

  // The review queue in số đến order, through the index incoming_queue (status, arrival_year, arrival_number).
  const QUEUE = "FROM incoming_documents WHERE status = 'needs_review'";
  const queueBefore = db.prepare<[{ year: number; number: number }], number>(`SELECT count(*) ${QUEUE} AND (arrival_year, arrival_number) < (@year, @number)`).pluck();
  const queueNext = db
    .prepare<[{ year: number; number: number }], number>(`SELECT id ${QUEUE} AND (arrival_year, arrival_number) > (@year, @number) ORDER BY arrival_year, arrival_number LIMIT 1`)
    .pluck();
  const queuePrevious = db
    .prepare<[{ year: number; number: number }], number>(`SELECT id ${QUEUE} AND (arrival_year, arrival_number) < (@year, @number) ORDER BY arrival_year DESC, arrival_number DESC LIMIT 1`)
    .pluck();
  const queueFirst = db.prepare<[], number>(`SELECT id ${QUEUE} ORDER BY arrival_year, arrival_number LIMIT 1`).pluck();
  const queueLast = db.prepare<[], number>(`SELECT id ${QUEUE} ORDER BY arrival_year DESC, arrival_number DESC LIMIT 1`).pluck();

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
      searchIndex.incomingHeading(id);
    },
    unlinkDispatch(id: number, now: string): void {
      unlink.run(now, id);
      searchIndex.incomingHeading(id); // its dispatch tag goes
    },
    setNotes: (id: number, notes: string | null, now: string): void => void setNotes.run(notes, now, id),
    forward: (id: number, to: string, date: string, now: string): void => void forward.run(to, date, now, id),
    nextArrivalNumber: (year: number): number => (nextNumber.get(year)?.n ?? 0) + 1,
    insert(doc: NewIncoming, arrival: { year: number; number: number }, now: string): number {
      return Number(insertDoc.run({ ...columns(doc, now), arrivalYear: arrival.year, arrivalNumber: arrival.number }).lastInsertRowid);
    },
    /** What was read replaces an entry's fields; its số đến, received date, notes and forwarding stay. */
    updateRead: (id: number, doc: NewIncoming, now: string): void => void updateDoc.run({ ...columns(doc, now), id }),
    recordStoredFile: (sha256: string, size: number, now: string): void => void recordFile.run(sha256, size, now),
    /** Returns the file's id. */
    insertFile(documentId: number, f: NewIncomingFile, position: number, now: string): number {
      recordFile.run(f.sha256, f.size, now);
      const fileId = Number(insertFile.run(documentId, f.sha256, f.fileName, f.displayPath, f.role, f.contentKind, f.readNote, position, f.textChars ?? null, f.ocrPagesRead ?? 0).lastInsertRowid);
      searchIndex.file(fileId, f.fileName);
      f.signatures.forEach((g, i) =>
        insertSignature.run(fileId, i, g.signer, g.organization, g.email, g.taxCode, g.issuer, g.signedAt, g.digestValid === null ? null : Number(g.digestValid), g.after),
      );
      return fileId;
    },
    /** A file row of a recovered entry (it has no signatures or OCR pages yet); the bytes stay in the store. */
    removeRecoveredFile(fileId: number): void {
      deleteFile.run(fileId);
      searchIndex.removeFile(fileId);
    },
    signatures: (fileId: number): DocumentSignature[] =>
      signaturesOf.all(fileId).map((r) => ({
        signer: r.signer,
        organization: r.organization,
        email: r.email,
        taxCode: r.tax_code,
        issuer: r.issuer,
        signedAt: r.signed_at,
        digestValid: r.digest_valid === null ? null : r.digest_valid === 1,
        after: r.after_signing,
      })),
    documentWithFile: (sha256: string): number | undefined => bySha.get(sha256)?.document_id,
    documentWithMessage: (messageId: string): number | undefined => byMessage.get(messageId)?.id,
    log(entry: { sourceName: string; attachment: string | null; status: 'duplicate' | 'rejected'; reason: string; sha256: string | null; duplicateOf: number | null }, now: string): void {
      log.run(now, entry.sourceName, entry.attachment, entry.status, entry.reason, entry.sha256, entry.duplicateOf);
    },
    /** Indexes a registered document for search; `extra` is text not stored with it (an e-mail's subject). */
    index: (documentId: number, extra: string | null = null): void => searchIndex.incoming(documentId, extra),
    get: (id: number): IncomingRow | undefined => byId.get(id),
    files: (documentId: number) => filesOf.all(documentId),
    /** A page of documents in register order (year, số đến): the register, the review queue, the status lists. */
    list: (filter: IncomingFilter, paging: Paging): IncomingRow[] => {
      const { where, params } = filterSql(filter);
      // The page's ids come from the index alone, so the rows skipped by OFFSET are never read.
      const page = `SELECT d.id FROM incoming_documents d ${where} ORDER BY d.arrival_year, d.arrival_number LIMIT @limit OFFSET @offset`;
      return cached<IncomingRow>(`${SELECT} WHERE d.id IN (${page}) ORDER BY d.arrival_year, d.arrival_number`).all({ ...params, ...sqlLimit(paging) });
    },
    count: (filter: IncomingFilter): number => {
      const { where, params } = filterSql(filter);
      return cached<{ n: number }>(`SELECT count(*) AS n FROM incoming_documents d ${where}`).get(params)?.n ?? 0;
    },
    /** The years that have documents, newest first. */
    years: (): number[] => yearsStmt.all(),
    /**
     * The review queue around the số đến `arrival`: how many wait before it, and the waiting
     * documents just after and before it, wrapping round (`id` itself excepted).
     */
    queueAround(id: number, arrival: { year: number; number: number }): { before: number; nextId: number | null; previousId: number | null } {
      const other = (found: number | undefined): number | null => (found === undefined || found === id ? null : found);
      return {
        before: queueBefore.get(arrival) ?? 0,
        nextId: other(queueNext.get(arrival) ?? queueFirst.get()),
        previousId: other(queuePrevious.get(arrival) ?? queueLast.get()),
      };
    },
    latest: (limit: number): IncomingRow[] => db.prepare<[number], IncomingRow>(`${SELECT} ORDER BY d.id DESC LIMIT ?`).all(limit),
  };
}
export type IncomingRepo = ReturnType<typeof createIncomingRepo>;
