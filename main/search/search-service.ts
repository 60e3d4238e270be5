import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/connection.js';
import { fold, foldedTerms } from '../../shared/vn/fold.js';
import { snippet } from '../../shared/vn/highlight.js';
import { INCOMING_STATUSES, kindsFor, SearchFilters, type SearchHit, type SearchKind } from '../../shared/domain/search.js';
import { searchTags } from './search-index.js';
import type { UnitsService } from '../units/units-service.js';

/**
 * One search over received documents (their full text), outgoing dispatches, units, and the
 * names of received files, through FTS5 on folded text (main/search/search-index.ts). Quoted
 * words are a phrase; other words must all occur, as prefixes. Results carry a snippet with
 * highlights computed against the original text.
 *
 * Ranking, best first: the words as typed, in a row, in the heading (subject, type, sender,
 * number and symbol); all the words in the heading; the words in a row anywhere; all the words
 * anywhere. Within each, the newest first. Each tier is one FTS5 query that walks its lists newest
 * first and stops as soon as the page is full, so a word found in 50,000 documents costs no more
 * than a rare one (bm25 would first count every document holding each word: tens of milliseconds).
 */

export type { SearchHit } from '../../shared/domain/search.js';

/** The folded letters and digits of `text`, as the FTS tokenizer splits them ("864/STTTT" → 864, stttt). */
function tokens(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export interface FtsQuery {
  /** Every phrase and word, joined with AND. */
  match: string;
  /** The plain words as one phrase ("tuyen truyen rac thai nhua" → `"tuyen truyen rac thai nhua"*`), when there are several. */
  phrase: string | null;
  /** What the snippets highlight. */
  terms: string[];
}

/**
 * `tuyen tr "rac thai" 864/STT` → FTS5 `"tuyen"* AND "tr"* AND "rac thai" AND "864 stt"*`.
 * Everything the clerk typed becomes a quoted string, so no FTS or SQL syntax gets through. Each
 * word is a prefix ("tr" while typing "truyền"; the index keeps 2- and 3-letter prefixes, so that
 * costs one list), except a single character, which would stand for too many words.
 * `terms` are what the snippets highlight.
 */
export function ftsQuery(query: string): FtsQuery | null {
  const parts: string[] = [];
  const terms: string[] = [];
  for (const m of query.matchAll(/"([^"]*)"/g)) {
    const phrase = tokens(m[1]!).join(' ');
    if (!phrase) continue;
    parts.push(`"${phrase}"`);
    terms.push(phrase);
  }
  // A word with punctuation inside ("864/STTTT", "COVID-19") is a phrase of its parts.
  const words = query
    .replace(/"[^"]*"/g, ' ')
    .replace(/"/g, ' ')
    .split(/\s+/)
    .map(tokens)
    .filter((t) => t.length > 0);
  const prefix = (t: string[]): string => (t.at(-1)!.length > 1 ? '*' : '');
  for (const t of words) {
    parts.push(`"${t.join(' ')}"${prefix(t)}`);
    terms.push(...t);
  }
  if (parts.length === 0) return null;
  const phrase = words.length > 1 ? `"${words.flat().join(' ')}"${prefix(words.at(-1)!)}` : null;
  return { match: parts.join(' AND '), phrase, terms };
}

/** The FTS5 expressions of the ranking tiers, best first, for tables with a `subject` heading and a `folded` text column. */
export function rankingTiers(q: FtsQuery): string[] {
  const phrase = q.phrase === null ? [] : [q.phrase];
  return [
    ...phrase.map((p) => `{subject} : (${p})`),
    `{subject} : (${q.match})`,
    ...phrase.map((p) => `{subject folded} : (${p})`),
    `{subject folded} : (${q.match})`,
  ];
}

const withTags = (expression: string, tags: string[]): string => (tags.length ? `${expression} AND {tags} : (${tags.join(' AND ')})` : expression);

interface IncomingHitRow {
  id: number;
  arrival_number: number;
  arrival_year: number;
  received_date: string;
  subject: string | null;
  agency: string | null;
  number: number | null;
  symbol: string | null;
  full_text: string;
}

interface DispatchHitRow {
  id: number;
  number: number | null;
  symbol: string;
  subject: string;
  issue_date: string | null;
  content: string;
}

interface FileHitRow {
  id: number;
  file_name: string;
  document_id: number;
  arrival_number: number;
  arrival_year: number;
  received_date: string;
  subject: string | null;
}

type Params = Record<string, string | number>;

/** The tags (main/search/search-index.ts) a received document or file must carry for these filters. */
function incomingTags(f: SearchFilters): string[] {
  const status = f.status !== null && INCOMING_STATUSES.includes(f.status) ? f.status : null;
  return searchTags({ year: f.year, status, unitId: f.unitId, dispatchId: f.dispatchId });
}

/** Dispatches are few (thousands): their filters are plain SQL on the joined row. */
function dispatchFilter(f: SearchFilters): { clauses: string; params: Params } {
  const clauses: string[] = [];
  const params: Params = {};
  if (f.year !== null) {
    // A draft has no year yet: it belongs to the year it was last edited in (as the dispatch list says).
    clauses.push('(d.year = @year OR (d.year IS NULL AND substr(d.updated_at, 1, 4) = @yearText))');
    Object.assign(params, { year: f.year, yearText: String(f.year) });
  }
  if (f.unitId !== null) {
    clauses.push('EXISTS (SELECT 1 FROM dispatch_units du WHERE du.dispatch_id = d.id AND du.unit_id = @unitId)');
    params.unitId = f.unitId;
  }
  if (f.status !== null) {
    clauses.push('d.status = @status');
    params.status = f.status;
  }
  return { clauses: clauses.map((c) => ` AND ${c}`).join(''), params };
}

const reference = (number: number | null, symbol: string | null): string => (number !== null ? `${number}${symbol ? `/${symbol}` : ''}` : 'không số');

export interface SearchOptions extends Partial<SearchFilters> {
  /** At most this many results of each kind. */
  limit?: number;
}

export function createSearchService(db: Db, units: UnitsService) {
  // Prepared once each; the dispatch query has one variant per combination of filters.
  const statements = new Map<string, Statement>();
  function prepared<Row>(sql: string): Statement<[Params], Row> {
    let s = statements.get(sql);
    if (!s) statements.set(sql, (s = db.prepare(sql)));
    return s as Statement<[Params], Row>;
  }
  const byIds = (sql: string) => `${sql} WHERE x.id IN (SELECT value FROM json_each(@ids))`;

  /** Ids matching the tiers in turn, newest first within each, until `limit`; `query(expression)` gives one tier's ids. */
  function ranked(tiers: string[], limit: number, query: (expression: string) => number[]): number[] {
    const ids = new Set<number>();
    for (const expression of tiers) {
      if (ids.size >= limit) break;
      for (const id of query(expression)) if (ids.size < limit) ids.add(id);
    }
    return [...ids];
  }

  /** The rows for `ids`, in that order. */
  function rowsOf<Row extends { id: number }>(sql: string, ids: number[]): Row[] {
    const rows = new Map(prepared<Row>(byIds(sql)).all({ ids: JSON.stringify(ids) }).map((r) => [r.id, r]));
    return ids.flatMap((id) => rows.get(id) ?? []);
  }

  function incomingHits(q: FtsQuery, f: SearchFilters, limit: number): SearchHit[] {
    const tags = incomingTags(f);
    const tier = prepared<{ id: number }>('SELECT rowid AS id FROM incoming_search WHERE incoming_search MATCH @match ORDER BY rowid DESC LIMIT @limit');
    const ids = ranked(rankingTiers(q), limit, (e) => tier.all({ match: withTags(e, tags), limit }).map((r) => r.id));
    const sql = 'SELECT x.id, x.arrival_number, x.arrival_year, x.received_date, x.subject, x.agency, x.number, x.symbol, x.full_text FROM incoming_documents x';
    return rowsOf<IncomingHitRow>(sql, ids).map((r) => ({
      kind: 'incoming' as const,
      id: r.id,
      documentId: null,
      title: r.subject ?? '(chưa rõ trích yếu)',
      subtitle: `Văn bản đến số ${r.arrival_number}/${r.arrival_year} · ${reference(r.number, r.symbol)}${r.agency ? ` · ${r.agency}` : ''}`,
      date: r.received_date,
      snippet: snippet([r.subject, r.full_text].filter(Boolean).join('\n'), q.terms),
    }));
  }

  function dispatchHits(q: FtsQuery, f: SearchFilters, limit: number): SearchHit[] {
    const { clauses, params } = dispatchFilter(f);
    const tier = prepared<{ id: number }>(`
      SELECT d.id FROM dispatch_search s JOIN dispatches d ON d.id = s.rowid
       WHERE dispatch_search MATCH @match${clauses} ORDER BY s.rowid DESC LIMIT @limit`);
    const ids = ranked(rankingTiers(q), limit, (e) => tier.all({ ...params, match: e, limit }).map((r) => r.id));
    const sql = 'SELECT x.id, x.number, x.symbol, x.subject, x.issue_date, x.content FROM dispatches x';
    return rowsOf<DispatchHitRow>(sql, ids).map((d) => {
      // Only the type and the body's text are wanted: the stored content was validated when it was saved.
      const { body, documentType } = JSON.parse(d.content) as { body: { runs: { text: string }[] }[]; documentType?: string };
      const text = body.map((p) => p.runs.map((run) => run.text).join('')).join('\n');
      return {
        kind: 'dispatch' as const,
        id: d.id,
        documentId: null,
        title: documentType === 'bao_cao' ? `Báo cáo ${d.subject}` : `V/v ${d.subject}`,
        subtitle: `Văn bản đi ${d.number === null ? '…' : String(d.number).padStart(2, '0')}/${d.symbol}`,
        date: d.issue_date,
        snippet: snippet(`${d.subject}\n${text}`, q.terms),
      };
    });
  }

  function fileHits(q: FtsQuery, f: SearchFilters, limit: number): SearchHit[] {
    const tier = prepared<{ id: number }>('SELECT rowid AS id FROM file_search WHERE file_search MATCH @match ORDER BY rowid DESC LIMIT @limit');
    const ids = tier.all({ match: withTags(`{name} : (${q.match})`, incomingTags(f)), limit }).map((r) => r.id);
    const sql = `SELECT x.id, x.file_name, x.document_id, d.arrival_number, d.arrival_year, d.received_date, d.subject
      FROM incoming_files x JOIN incoming_documents d ON d.id = x.document_id`;
    return rowsOf<FileHitRow>(sql, ids).map((r) => ({
      kind: 'file' as const,
      id: r.id,
      documentId: r.document_id,
      title: r.file_name,
      subtitle: `Tệp của văn bản đến số ${r.arrival_number}/${r.arrival_year}${r.subject ? ` · ${r.subject}` : ''}`,
      date: r.received_date,
      snippet: snippet(r.file_name, q.terms),
    }));
  }

  function unitHits(query: string, limit: number): SearchHit[] {
    return units
      .list({ query: foldedTerms(query.replace(/"/g, ' ')).join(' '), includeInactive: true })
      .slice(0, limit)
      .map((u) => ({ kind: 'unit' as const, id: u.id, documentId: null, title: u.name, subtitle: u.groupName ?? 'Đơn vị nhận', date: null, snippet: null }));
  }

  return {
    search(query: string, options: SearchOptions = {}): SearchHit[] {
      const { limit = 50, ...filterInput } = options;
      const filters = SearchFilters.parse(filterInput);
      const q = ftsQuery(query);
      if (!q) return [];
      const byKind: Record<SearchKind, () => SearchHit[]> = {
        incoming: () => incomingHits(q, filters, limit),
        dispatch: () => dispatchHits(q, filters, limit),
        unit: () => unitHits(query, limit),
        file: () => fileHits(q, filters, limit),
      };
      return kindsFor(filters).flatMap((kind) => byKind[kind]());
    },
  };
}
export type SearchService = ReturnType<typeof createSearchService>;
