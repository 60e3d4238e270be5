import type Database from 'better-sqlite3';
import { fold } from '../../shared/vn/fold.js';

/**
 * The full-text index (FTS5) beside the tables it covers: received documents, outgoing
 * dispatches and the names of received files. SQLite's `remove_diacritics` does not fold đ, so
 * the text is folded here (shared/vn/fold); snippets are cut from the original text. Each table
 * has a heading column (subject, type, sender, number and symbol) ranked above the body column
 * `folded`, so a match in the subject comes first.
 *
 * Received documents and files also carry `tags`: their year, status, unit and dispatch as
 * tokens ("y2021 sregistered u12 d3"). A filtered search matches them inside FTS5, which walks
 * its lists newest first and stops at the page it needs, instead of joining every match to the
 * documents table (100,000 rows after ten years) to test the filter.
 */

type Db = Database.Database;

interface IncomingIndexRow {
  doc_type: string | null;
  subject: string | null;
  agency: string | null;
  unit_name: string | null;
  number: number | null;
  symbol: string | null;
  full_text: string;
  arrival_year: number;
  status: string;
  unit_id: number | null;
  dispatch_id: number | null;
}

interface DispatchIndexRow {
  number: number | null;
  symbol: string;
  subject: string;
  search_text: string;
}

/** What a received document (and each of its files) can be filtered by. */
export interface SearchTagValues {
  year?: number | null;
  status?: string | null;
  unitId?: number | null;
  dispatchId?: number | null;
}

/** The tag tokens for these values; the same function writes the index and builds the filter of a query. */
export function searchTags(v: SearchTagValues): string[] {
  const tags: string[] = [];
  if (v.year != null) tags.push(`y${v.year}`);
  if (v.status != null) tags.push(`s${v.status.replace(/[^a-z]/g, '')}`);
  if (v.unitId != null) tags.push(`u${v.unitId}`);
  if (v.dispatchId != null) tags.push(`d${v.dispatchId}`);
  return tags;
}

const join = (parts: (string | number | null | undefined)[]): string => parts.filter((p) => p !== null && p !== undefined && p !== '').join('\n');
const reference = (number: number | null, symbol: string | null): string | null =>
  number === null ? symbol : `${number}${symbol ? `/${symbol}` : ''}`;
const tagsOf = (r: { arrival_year: number; status: string; unit_id: number | null; dispatch_id: number | null }): string =>
  searchTags({ year: r.arrival_year, status: r.status, unitId: r.unit_id, dispatchId: r.dispatch_id }).join(' ');

export function createSearchIndex(db: Db) {
  const incomingRow = db.prepare<[number], IncomingIndexRow>(`
    SELECT d.doc_type, d.subject, d.agency, u.name AS unit_name, d.number, d.symbol, d.full_text, d.arrival_year, d.status, d.unit_id, d.dispatch_id
      FROM incoming_documents d LEFT JOIN units u ON u.id = d.unit_id WHERE d.id = ?`);
  const filesOf = db.prepare<[number], { id: number; file_name: string }>('SELECT id, file_name FROM incoming_files WHERE document_id = ?');
  const documentOfFile = db.prepare<[number], number>('SELECT document_id FROM incoming_files WHERE id = ?').pluck();
  const dispatchRow = db.prepare<[number], DispatchIndexRow>('SELECT number, symbol, subject, search_text FROM dispatches WHERE id = ?');
  const putIncoming = db.prepare('INSERT OR REPLACE INTO incoming_search (rowid, subject, folded, tags) VALUES (?, ?, ?, ?)');
  const setIncomingHeading = db.prepare('UPDATE incoming_search SET subject = ?, tags = ? WHERE rowid = ?');
  const putDispatch = db.prepare('INSERT OR REPLACE INTO dispatch_search (rowid, subject, folded) VALUES (?, ?, ?)');
  const putFile = db.prepare('INSERT OR REPLACE INTO file_search (rowid, name, tags) VALUES (?, ?, ?)');
  const dropDispatch = db.prepare('DELETE FROM dispatch_search WHERE rowid = ?');
  const dropFile = db.prepare('DELETE FROM file_search WHERE rowid = ?');

  const incomingHeading = (r: IncomingIndexRow): string => fold(join([r.doc_type, r.subject, r.agency, r.unit_name, reference(r.number, r.symbol)]));
  /** A document's files carry its tags: they change together. */
  const retagFiles = (documentId: number, tags: string): void => {
    for (const f of filesOf.all(documentId)) putFile.run(f.id, fold(f.file_name), tags);
  };

  return {
    /** (Re)indexes a received document from its stored row; `extra` is text kept nowhere else (an e-mail's subject). */
    incoming(id: number, extra: string | null = null): void {
      const r = incomingRow.get(id);
      if (!r) return;
      putIncoming.run(id, incomingHeading(r), fold(join([extra, r.full_text])), tagsOf(r));
      retagFiles(id, tagsOf(r));
    },
    /** After the clerk corrected the header, unit or dispatch: the text column (and any OCR text appended to it) stays. */
    incomingHeading(id: number): void {
      const r = incomingRow.get(id);
      if (!r) return;
      if (setIncomingHeading.run(incomingHeading(r), tagsOf(r), id).changes === 0) putIncoming.run(id, incomingHeading(r), fold(r.full_text), tagsOf(r));
      retagFiles(id, tagsOf(r));
    },
    /** (Re)indexes a dispatch: its number and symbol as printed, its subject, and its folded text. */
    dispatch(id: number): void {
      const r = dispatchRow.get(id);
      if (!r) return;
      // search_text is folded already (subject, recipients, references, body).
      putDispatch.run(id, fold(join([r.subject, reference(r.number, r.symbol)])), r.search_text);
    },
    removeDispatch: (id: number): void => void dropDispatch.run(id),
    /** A received file by its name ("BC 864 Kien Luong.pdf" is found by "kien luong"), tagged as its document. */
    file(fileId: number, fileName: string): void {
      const documentId = documentOfFile.get(fileId);
      const r = documentId === undefined ? undefined : incomingRow.get(documentId);
      putFile.run(fileId, fold(fileName), r ? tagsOf(r) : '');
    },
    removeFile: (fileId: number): void => void dropFile.run(fileId),
  };
}
export type SearchIndex = ReturnType<typeof createSearchIndex>;

/** Fills the index from the tables, e.g. after the index's layout changed (a migration). */
export function rebuildSearchIndex(db: Db): void {
  for (const table of ['incoming_search', 'dispatch_search', 'file_search']) db.prepare(`DELETE FROM ${table}`).run();
  const index = createSearchIndex(db);
  // Read the keys first: a connection cannot write while a statement is still iterating.
  // A document's files are indexed with it.
  for (const id of db.prepare('SELECT id FROM incoming_documents').pluck().all() as number[]) index.incoming(id);
  for (const id of db.prepare('SELECT id FROM dispatches').pluck().all() as number[]) index.dispatch(id);
}
