import type { Db } from '../db/connection.js';
import { fold, foldedTerms } from '../../shared/vn/fold.js';
import { snippet, type Snippet } from '../../shared/vn/highlight.js';
import type { UnitsService } from '../units/units-service.js';
import type { DispatchesService } from '../dispatches/dispatches-service.js';

/**
 * One search over received documents (their full text, through FTS5 on a folded copy),
 * outgoing dispatches and units. Quoted words are a phrase; other words must all occur,
 * as prefixes. Results carry a snippet with highlights computed against the original text.
 */

export interface SearchHit {
  kind: 'incoming' | 'dispatch' | 'unit';
  id: number;
  title: string;
  subtitle: string;
  date: string | null;
  snippet: Snippet | null;
}

/** "tuyen truyen "rac thai"" → FTS5 `tuyen* truyen* "rac thai"`; everything else is quoted away. */
export function ftsQuery(query: string): { match: string; terms: string[] } | null {
  const phrases = [...query.matchAll(/"([^"]+)"/g)].map((m) => fold(m[1]!).replace(/[^\p{L}\p{N}\s]/gu, ' ').trim()).filter(Boolean);
  const words = foldedTerms(query.replace(/"[^"]*"/g, ' '))
    .map((w) => w.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter(Boolean);
  if (phrases.length === 0 && words.length === 0) return null;
  const match = [...phrases.map((p) => `"${p}"`), ...words.map((w) => `"${w}"*`)].join(' AND ');
  return { match, terms: [...phrases, ...words] };
}

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

export function createSearchService(db: Db, units: UnitsService, dispatches: DispatchesService) {
  const incoming = db.prepare<[string, number], IncomingHitRow>(`
    SELECT d.id, d.arrival_number, d.arrival_year, d.received_date, d.subject, d.agency, d.number, d.symbol, d.full_text
      FROM incoming_search s JOIN incoming_documents d ON d.id = s.rowid
     WHERE incoming_search MATCH ?
     ORDER BY bm25(incoming_search) LIMIT ?`);

  return {
    search(query: string, limit = 50): SearchHit[] {
      const q = ftsQuery(query);
      if (!q) return [];
      const hits: SearchHit[] = [];
      for (const r of incoming.all(q.match, limit)) {
        const reference = r.number !== null ? `${r.number}${r.symbol ? `/${r.symbol}` : ''}` : 'không số';
        hits.push({
          kind: 'incoming',
          id: r.id,
          title: r.subject ?? '(chưa rõ trích yếu)',
          subtitle: `Văn bản đến số ${r.arrival_number}/${r.arrival_year} · ${reference}${r.agency ? ` · ${r.agency}` : ''}`,
          date: r.received_date,
          snippet: snippet([r.subject, r.full_text].filter(Boolean).join('\n'), q.terms),
        });
      }
      for (const d of dispatches.list({ query: q.terms.join(' ') }).slice(0, limit)) {
        const body = d.body.map((p) => p.runs.map((run) => run.text).join('')).join('\n');
        hits.push({
          kind: 'dispatch',
          id: d.id,
          title: `V/v ${d.subject}`,
          subtitle: `Văn bản đi ${d.number === null ? '…' : String(d.number).padStart(2, '0')}/${d.symbol}`,
          date: d.issueDate,
          snippet: snippet(`${d.subject}\n${body}`, q.terms),
        });
      }
      for (const u of units.list({ query: q.terms.join(' '), includeInactive: true }).slice(0, limit)) {
        hits.push({ kind: 'unit', id: u.id, title: u.name, subtitle: u.groupName ?? 'Đơn vị nhận', date: null, snippet: null });
      }
      return hits;
    },
  };
}
export type SearchService = ReturnType<typeof createSearchService>;
