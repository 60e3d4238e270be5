import type { Db } from '../db/connection.js';
import { DispatchContent, type Dispatch, type DispatchStatus } from '../../shared/domain/dispatch.js';
import { createSearchIndex } from '../search/search-index.js';
import { EVERY_ROW, sqlLimit, type Paging } from '../../shared/domain/paging.js';

/** The SQL for outgoing dispatches; rules live in the service. */

interface DispatchRow {
  id: number;
  status: DispatchStatus;
  number: number | null;
  symbol: string;
  issue_date: string | null;
  sent_date: string | null;
  content: string;
  void_reason: string | null;
  created_at: string;
  updated_at: string;
}

const SELECT = `SELECT id, status, number, symbol, issue_date, sent_date, content, void_reason, created_at, updated_at FROM dispatches`;
/** The dispatch list's order: drafts first, then the newest (the expressions of the index dispatches_list_order). */
const LIST_ORDER = `ORDER BY status = 'draft' DESC, coalesce(issue_date, substr(updated_at, 1, 10)) DESC, number DESC, id DESC`;

function toDispatch(r: DispatchRow): Dispatch {
  return {
    ...DispatchContent.parse(JSON.parse(r.content)),
    id: r.id,
    status: r.status,
    number: r.number,
    symbol: r.symbol,
    issueDate: r.issue_date,
    sentDate: r.sent_date,
    voidReason: r.void_reason,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** What comparing a document's subject with a dispatch's needs. */
export type SubjectCandidate = Pick<Dispatch, 'id' | 'number' | 'symbol' | 'subject' | 'issueDate'>;
type SubjectCandidateRow = Pick<DispatchRow, 'id' | 'number' | 'symbol' | 'issue_date'> & { subject: string };

export interface StoredDispatch {
  symbol: string;
  content: DispatchContent;
  subject: string;
  searchText: string;
  recipientUnitIds: number[];
}

export interface DispatchFilter {
  year: number | null;
  status: DispatchStatus | null;
  /** Folded words that must all occur in the dispatch's text or in its number and symbol. */
  terms: string[];
  /** Only those with a reporting requirement. */
  asksReports: boolean;
}

/** "864/stttt-ttbcbc": the number and symbol folded as search terms are (SQLite's lower() leaves Đ alone). */
const FOLDED_REFERENCE = "(coalesce(number || '/', '') || replace(lower(symbol), 'Đ', 'd'))";

function filterSql(filter: DispatchFilter): { where: string; params: (string | number)[] } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (filter.year !== null) {
    // A draft has no year yet: it belongs to the year it was last edited in.
    where.push('(year = ? OR (year IS NULL AND substr(updated_at, 1, 4) = ?))');
    params.push(filter.year, String(filter.year));
  }
  if (filter.status !== null) {
    where.push('status = ?');
    params.push(filter.status);
  }
  if (filter.asksReports) where.push("json_extract(content, '$.requirement') IS NOT NULL");
  for (const term of filter.terms) {
    // In the text, or in the number and symbol as printed ("864/stttt-ttbcbc", folded as the terms are).
    where.push(`(search_text LIKE ? ESCAPE '\\' OR ${FOLDED_REFERENCE} LIKE ? ESCAPE '\\')`);
    const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    params.push(pattern, pattern);
  }
  return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

export function createDispatchesRepo(db: Db) {
  const byId = db.prepare<[number], DispatchRow>(`${SELECT} WHERE id = ?`);
  const searchIndex = createSearchIndex(db);
  const registerPage = db.prepare<[number, number, number], DispatchRow>(
    `${SELECT} WHERE year = ? AND status != 'draft' ORDER BY number IS NULL, number, issue_date, id LIMIT ? OFFSET ?`,
  );
  const registerCount = db.prepare<[number], number>("SELECT count(*) FROM dispatches WHERE year = ? AND status != 'draft'").pluck();
  const issuedNumbered = db.prepare<[{ number: number; year: number | null }], DispatchRow>(
    `${SELECT} WHERE number = @number AND (@year IS NULL OR year = @year) AND status = 'issued' ORDER BY issue_date DESC, id DESC`,
  );
  // Sorted by rank first, so that the filters (a JSON look-up among them) stop at the page wanted.
  const askingReportsAbout = db.prepare<[string, number], SubjectCandidateRow>(`
    WITH hits AS MATERIALIZED (SELECT rowid AS hit, bm25(dispatch_search) AS score FROM dispatch_search WHERE dispatch_search MATCH ? ORDER BY score)
    SELECT d.id, d.number, d.symbol, d.subject, d.issue_date FROM hits CROSS JOIN dispatches d ON d.id = hits.hit
     WHERE d.status = 'issued' AND d.number IS NOT NULL AND json_extract(d.content, '$.requirement') IS NOT NULL
     ORDER BY hits.score LIMIT ?`);
  const yearsStmt = db.prepare<[], number>('SELECT DISTINCT year FROM dispatches WHERE year IS NOT NULL ORDER BY year DESC').pluck();
  const insert = db.prepare(`
    INSERT INTO dispatches (doc_type, status, symbol, content, subject, search_text, created_at, updated_at)
    VALUES ('cong_van', 'draft', @symbol, @content, @subject, @searchText, @now, @now)`);
  const updateContent = db.prepare(`
    UPDATE dispatches SET symbol = @symbol, content = @content, subject = @subject, search_text = @searchText, updated_at = @now
     WHERE id = @id`);
  const unitsDelete = db.prepare('DELETE FROM dispatch_units WHERE dispatch_id = ? AND role = ?');
  const unitInsert = db.prepare('INSERT OR IGNORE INTO dispatch_units (dispatch_id, unit_id, role) VALUES (?, ?, ?)');
  const maxNumber = db.prepare<[number, string], { n: number | null }>(
    'SELECT max(number) AS n FROM dispatches WHERE year = ? AND sequence_key = ?',
  );
  const holder = db.prepare<[number, string, number], DispatchRow>(`${SELECT} WHERE year = ? AND sequence_key = ? AND number = ?`);
  const issue = db.prepare(`
    UPDATE dispatches SET status = 'issued', year = @year, sequence_key = @sequenceKey, number = @number,
           issue_date = @issueDate, content = @content, updated_at = @now WHERE id = @id`);
  const setNumber = db.prepare('UPDATE dispatches SET number = ?, updated_at = ? WHERE id = ?');
  const voidStmt = db.prepare(
    "UPDATE dispatches SET status = 'voided', void_reason = ?, voided_at = ?, updated_at = ? WHERE id = ?",
  );
  const deleteStmt = db.prepare("DELETE FROM dispatches WHERE id = ? AND status = 'draft'");
  const setSent = db.prepare('UPDATE dispatches SET sent_date = ?, updated_at = ? WHERE id = ?');
  const sequenceOf = db.prepare<[number], { year: number | null; sequence_key: string | null }>(
    'SELECT year, sequence_key FROM dispatches WHERE id = ?',
  );

  const fileRecord = db.prepare('INSERT OR IGNORE INTO stored_files (sha256, size, created_at) VALUES (?, ?, ?)');
  const fileLink = db.prepare(
    "INSERT INTO dispatch_files (dispatch_id, sha256, file_name, kind, added_at) VALUES (?, ?, ?, 'signed_original', ?)",
  );
  const filesOf = db.prepare<[number], { id: number; sha256: string; file_name: string; size: number; added_at: string }>(`
    SELECT f.id, f.sha256, f.file_name, s.size, f.added_at FROM dispatch_files f JOIN stored_files s ON s.sha256 = f.sha256
     WHERE f.dispatch_id = ? ORDER BY f.id`);
  const fileById = db.prepare<[number], { sha256: string; file_name: string }>('SELECT sha256, file_name FROM dispatch_files WHERE id = ?');

  function writeUnits(id: number, role: 'recipient' | 'expected', unitIds: number[]): void {
    unitsDelete.run(id, role);
    for (const unitId of unitIds) unitInsert.run(id, unitId, role);
  }

  return {
    get: (id: number): Dispatch | undefined => {
      const r = byId.get(id);
      return r && toDispatch(r);
    },
    /** A page of the dispatch list: drafts first, then the newest. */
    list(filter: DispatchFilter, paging: Paging = EVERY_ROW): Dispatch[] {
      const { where, params } = filterSql(filter);
      // The page's ids first (from the index dispatches_list_order), then only those rows are read.
      const page = `SELECT id FROM dispatches ${where} ${LIST_ORDER} LIMIT ? OFFSET ?`;
      const { limit, offset } = sqlLimit(paging);
      return db.prepare<(string | number)[], DispatchRow>(`${SELECT} WHERE id IN (${page}) ${LIST_ORDER}`).all(...params, limit, offset).map(toDispatch);
    },
    count(filter: DispatchFilter): number {
      const { where, params } = filterSql(filter);
      return db.prepare<(string | number)[], number>(`SELECT count(*) FROM dispatches ${where}`).pluck().get(...params) ?? 0;
    },
    /** Issued and voided dispatches of a year in register order (by number, then date). */
    register(year: number, paging: Paging = EVERY_ROW): Dispatch[] {
      const { limit, offset } = sqlLimit(paging);
      return registerPage.all(year, limit, offset).map(toDispatch);
    },
    registerCount: (year: number): number => registerCount.get(year) ?? 0,
    /** The years dispatches were issued in, newest first. */
    years: (): number[] => yearsStmt.all(),
    /** Issued dispatches numbered `number` (of `year` when given), the newest first: numbers start again every year. */
    issuedNumbered: (number: number, year: number | null): Dispatch[] => issuedNumbered.all({ number, year }).map(toDispatch),
    /**
     * Issued dispatches that ask for reports and whose subject holds any of `words` (folded), the
     * likeliest first (bm25 over the search index's heading), at most `limit`: only what comparing
     * subjects needs, not the whole dispatch.
     */
    issuedAskingReportsAbout(words: readonly string[], limit: number): SubjectCandidate[] {
      // Only whole tokens reach FTS5, each quoted: nothing typed in a document can be FTS syntax.
      const tokens = [...new Set(words.filter((w) => /^[\p{L}\p{N}]+$/u.test(w)))];
      if (tokens.length === 0) return [];
      return askingReportsAbout
        .all(`{subject} : (${tokens.map((t) => `"${t}"`).join(' OR ')})`, limit)
        .map((r) => ({ id: r.id, number: r.number, symbol: r.symbol, subject: r.subject, issueDate: r.issue_date }));
    },
    findByNumber(number: number, symbol: string): Dispatch[] {
      return db
        .prepare<[number, string], DispatchRow>(`${SELECT} WHERE number = ? AND symbol = ? ORDER BY year DESC`)
        .all(number, symbol)
        .map(toDispatch);
    },
    insert(d: StoredDispatch, now: string): number {
      const id = Number(insert.run({ symbol: d.symbol, content: JSON.stringify(d.content), subject: d.subject, searchText: d.searchText, now }).lastInsertRowid);
      writeUnits(id, 'recipient', d.recipientUnitIds);
      writeUnits(id, 'expected', d.content.expectedUnitIds);
      searchIndex.dispatch(id);
      return id;
    },
    update(id: number, d: StoredDispatch, now: string): void {
      updateContent.run({ id, symbol: d.symbol, content: JSON.stringify(d.content), subject: d.subject, searchText: d.searchText, now });
      writeUnits(id, 'recipient', d.recipientUnitIds);
      writeUnits(id, 'expected', d.content.expectedUnitIds);
      searchIndex.dispatch(id);
    },
    nextNumber: (year: number, sequenceKey: string): number => (maxNumber.get(year, sequenceKey)?.n ?? 0) + 1,
    numberHolder: (year: number, sequenceKey: string, number: number): Dispatch | undefined => {
      const r = holder.get(year, sequenceKey, number);
      return r && toDispatch(r);
    },
    sequenceOf: (id: number) => sequenceOf.get(id),
    issue(id: number, v: { year: number; sequenceKey: string; number: number | null; issueDate: string; content: DispatchContent }, now: string): void {
      issue.run({ id, year: v.year, sequenceKey: v.sequenceKey, number: v.number, issueDate: v.issueDate, content: JSON.stringify(v.content), now });
      writeUnits(id, 'expected', v.content.expectedUnitIds);
      searchIndex.dispatch(id); // its number is now part of what it is found by
    },
    setNumber(id: number, number: number, now: string): void {
      setNumber.run(number, now, id);
      searchIndex.dispatch(id);
    },
    voidDispatch: (id: number, reason: string, now: string): void => void voidStmt.run(reason, now, now, id),
    deleteDraft(id: number): boolean {
      const deleted = deleteStmt.run(id).changes === 1;
      if (deleted) searchIndex.removeDispatch(id);
      return deleted;
    },
    addFile(dispatchId: number, file: { sha256: string; size: number; fileName: string }, now: string): void {
      fileRecord.run(file.sha256, file.size, now);
      fileLink.run(dispatchId, file.sha256, file.fileName, now);
    },
    files: (dispatchId: number) =>
      filesOf.all(dispatchId).map((f) => ({ id: f.id, sha256: f.sha256, fileName: f.file_name, size: f.size, addedAt: f.added_at })),
    file: (fileId: number) => fileById.get(fileId),
    setSentDate: (id: number, date: string | null, now: string): void => void setSent.run(date, now, id),
  };
}
export type DispatchesRepo = ReturnType<typeof createDispatchesRepo>;
