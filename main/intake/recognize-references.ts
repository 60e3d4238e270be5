/**
 * Documents the text cites: "Thực hiện Công văn số 864/STTTT-TTBCBC ngày 03/8/2021 …",
 * "Kế hoạch số 136/KH-UBND ngày 15/7/2021", "Kế hoạch số 119-KH/TU". They let the matcher find
 * which dispatch a report answers (DESIGN §3, stage 5).
 */
import type { DocumentReference } from './types.js';
import { dateAfter } from './recognize-date-place.js';
import { NUMBER_SYMBOL, TYPE_WORD_F, collapse, numberSymbolOf, typeName, type PreparedText } from './recognize-patterns.js';

/** A type word, then "số" (a few words such as "của UBND tỉnh" may come between), or the number right away. */
const REFERENCE_HEAD_F = new RegExp(`(${TYPE_WORD_F})(?:(?:\\s+[^\\s.;,:()“”"]+){0,6}?\\s+so\\s*:?\\s*|\\s+(?=\\d))`, 'g');
const NUMBER_SYMBOL_AT = new RegExp(NUMBER_SYMBOL, 'uy');
const TYPE_WORD = new RegExp(TYPE_WORD_F, 'g');
/** Another number of the same type: "Công văn số 1017/BTNMT-TCMT, số 1016/BTNMT-TCMT". */
const ALSO_F = /(\s*(?:,|va)\s*)so\s*:?\s*/y;
const MAX_REFERENCES = 200;

export interface OwnNumber {
  number: number | null;
  symbol: string | null;
}

/** The document's own number, cited by a web page's title or a crawler ("Quyết định 435/QĐ-UBND năm 2020."). */
function isOwn(ref: { number: number | null; symbol: string }, own: OwnNumber): boolean {
  if (own.number === null || own.symbol === null || ref.number !== own.number) return false;
  const a = ref.symbol.toUpperCase().replace(/-/g, '');
  const b = own.symbol.toUpperCase().replace(/-/g, '');
  return a === b || a.endsWith(`/${b}`);
}

function numberAt(prep: PreparedText, index: number): { number: number | null; symbol: string; end: number } | null {
  NUMBER_SYMBOL_AT.lastIndex = index;
  const m = NUMBER_SYMBOL_AT.exec(prep.text);
  if (!m) return null;
  const ns = numberSymbolOf(m.groups ?? {});
  // A number is what makes it a citation: "Quyết định số …/QĐ-UBND" with a blank one is a form.
  if (ns.number === null && !/^\d/.test(m[0])) return null;
  return { ...ns, end: index + m[0].length };
}

/** Every document cited in the text, in order, each once, without the document's own number. */
export function recognizeReferences(prep: PreparedText, own: OwnNumber): DocumentReference[] {
  const refs: DocumentReference[] = [];
  const seen = new Map<string, DocumentReference>();
  const add = (ref: DocumentReference): void => {
    const key = `${ref.number ?? ''}/${(ref.symbol ?? '').toUpperCase()}`;
    const before = seen.get(key);
    if (before) {
      if (before.date === null && ref.date !== null) before.date = ref.date;
      return;
    }
    seen.set(key, ref);
    refs.push(ref);
  };
  for (const m of prep.folded.matchAll(REFERENCE_HEAD_F)) {
    if (refs.length >= MAX_REFERENCES) break;
    // The type nearest to "số": in "CHƯƠNG TRÌNH HÀNH ĐỘNG TRIỂN KHAI KẾ HOẠCH SỐ 119-KH/TU" it is the Kế hoạch.
    const words = [...m[0].matchAll(TYPE_WORD)];
    const nearest = words[words.length - 1];
    const type = typeName(nearest?.[0] ?? m[1] ?? '');
    let cited = numberAt(prep, m.index + m[0].length);
    let textStart = m.index + (nearest?.index ?? 0);
    while (cited) {
      const date = dateAfter(prep, cited.end);
      const end = date ? date.end : cited.end;
      if (!isOwn(cited, own)) {
        add({ type, number: cited.number, symbol: cited.symbol, date: date?.iso ?? null, text: collapse(prep.text.slice(textStart, end)) });
      }
      ALSO_F.lastIndex = end;
      const also = ALSO_F.exec(prep.folded);
      if (!also) break;
      textStart = end + (also[1]?.length ?? 0);
      cited = numberAt(prep, end + also[0].length);
    }
  }
  return refs;
}
