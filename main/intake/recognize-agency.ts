/**
 * Issuing agency and parent agency (nd30 §2 ô 2): the upper-case lines at the top left, parent
 * above issuer ("UBND TỈNH KIÊN GIANG" / "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"). Flattened two-column
 * headers interleave them with the national title and the motto, which segmentsOf() cuts out.
 */
import type { Recognised } from './types.js';
import { URGENCY_STAMP, collapse, segmentsOf, type PreparedText } from './recognize-patterns.js';

export interface AgencyResult {
  agency: Recognised<string>;
  parentAgency: Recognised<string>;
}

/**
 * The words an agency's name starts with. Compared with the upper-case text as printed (after
 * normaliseAgency), not folded: folding would make "SỐ" a "SỞ" and "BÁN" a "BAN".
 */
const HEADS = [
  'ỦY BAN', 'UBND', 'HĐND', 'HỘI ĐỒNG', 'SỞ', 'BỘ', 'BAN', 'TỔNG CỤC', 'CỤC', 'CHI CỤC', 'VỤ', 'VIỆN', 'HỌC VIỆN',
  'VĂN PHÒNG', 'PHÒNG', 'BẢO HIỂM', 'BHXH', 'ĐÀI', 'BÁO', 'TRUNG TÂM', 'THANH TRA', 'KHO BẠC', 'CÔNG AN', 'BỘ CHỈ HUY',
  'NGÂN HÀNG', 'TRƯỜNG', 'ĐẠI HỌC', 'BỆNH VIỆN', 'TÒA ÁN', 'VIỆN KIỂM SÁT', 'TỈNH ỦY', 'HUYỆN ỦY', 'THÀNH ỦY', 'ĐẢNG ỦY',
  'ĐẢNG BỘ', 'ĐOÀN', 'LIÊN ĐOÀN', 'HỘI', 'MẶT TRẬN', 'CHÍNH PHỦ', 'QUỐC HỘI', 'CÔNG TY', 'TỔNG CÔNG TY', 'KIỂM TOÁN',
  'THÔNG TẤN XÃ', 'CỔNG THÔNG TIN', 'CHI NHÁNH', 'BQL',
];
/** Names that do not say which one ("ỦY BAN NHÂN DÂN" whose province line was lost). */
const BARE_NAMES = new Set(['ỦY BAN NHÂN DÂN', 'UBND', 'HỘI ĐỒNG NHÂN DÂN', 'HĐND']);

/** The decree's spelling of tone marks at a word's end: "UỶ BAN" → "ỦY BAN", "TOÀ ÁN" → "TÒA ÁN"
 *  ("AN TOÀN" is left alone: the mark moves only in "-uy", "-oa" endings). */
export function normaliseAgency(name: string): string {
  return collapse(name)
    .replace(/UỶ(?!\p{L})/gu, 'ỦY')
    .replace(/uỷ(?!\p{L})/gu, 'ủy')
    .replace(/OÀ(?!\p{L})/gu, 'ÒA')
    .replace(/OẢ(?!\p{L})/gu, 'ỎA')
    .replace(/[.,;:]+$/, '');
}

function startsWithWord(text: string, words: readonly string[]): boolean {
  return words.some((w) => text === w || text.startsWith(`${w} `));
}

type TokenKind = 'upper' | 'neutral' | 'other';

/** Numbers and slashes are not in a name: "4144 /GDĐT – VP" after it is a number run onto its
 *  line. A list marker ("1.") a web page put in front of the header is neither. */
function tokenKind(token: string): TokenKind {
  if (/^\d{1,2}[.)]$/.test(token)) return 'neutral';
  if (/[\d/]/.test(token)) return 'other';
  if (!/\p{L}/u.test(token)) return 'neutral';
  return /\p{Ll}/u.test(token) ? 'other' : 'upper';
}

/** Runs of upper-case words in a cell (neutral tokens such as "-" or "1." inside them are kept, at the ends dropped). */
function upperRuns(text: string): { run: string; whole: boolean }[] {
  const tokens = text.split(' ').filter((t) => t.length > 0);
  const kinds = tokens.map(tokenKind);
  const whole = !kinds.includes('other');
  const runs: { run: string; whole: boolean }[] = [];
  let current: string[] = [];
  const flush = (): void => {
    while (current.length > 0 && tokenKind(current[current.length - 1] ?? '') === 'neutral') current.pop();
    while (current.length > 0 && tokenKind(current[0] ?? '') === 'neutral') current.shift();
    if (current.length > 0) runs.push({ run: current.join(' '), whole });
    current = [];
  };
  tokens.forEach((token, i) => {
    if (kinds[i] === 'other') flush();
    else current.push(token);
  });
  flush();
  return runs;
}

interface Unit {
  name: string;
  /** Read from a cell that also holds other words (a web page's title line). */
  partial: boolean;
}

/**
 * Agency and parent printed in [0, regionEnd) — the part of the header above the number.
 * Units are chained while nothing else is printed between them; the last chain is the
 * header's: its last unit is the issuer, the one above it the parent. `anchored` says the
 * header's structure was seen (national title, number), which makes the reading surer.
 */
export function recognizeAgency(prep: PreparedText, regionEnd: number, anchored: { quocHieu: boolean; number: boolean }): AgencyResult {
  const chains: Unit[][] = [];
  let chain: Unit[] = [];
  let lastUnit: Unit | null = null;
  const breakChain = (): void => {
    if (chain.length > 0) chains.push(chain);
    chain = [];
    lastUnit = null;
  };
  for (const seg of segmentsOf(prep, 0, regionEnd)) {
    const runs = upperRuns(seg.text);
    if (runs.length === 0) {
      breakChain();
      continue;
    }
    for (const { run, whole } of runs) {
      const name = normaliseAgency(run);
      // An urgency stamp printed among the agency lines is neither part of a name nor a break.
      if (URGENCY_STAMP.test(run)) continue;
      if (startsWithWord(name, HEADS) && (whole || name.includes(' '))) {
        if (!whole) breakChain();
        lastUnit = { name, partial: !whole };
        chain.push(lastUnit);
      } else if (whole && lastUnit !== null) {
        // A locality line, or the rest of a name broken over two lines.
        lastUnit.name = `${lastUnit.name} ${name}`;
      } else {
        breakChain();
      }
    }
  }
  breakChain();
  const last = chains[chains.length - 1];
  const agency = last?.[last.length - 1];
  if (!last || !agency) return { agency: { value: null, confidence: 0 }, parentAgency: { value: null, confidence: 0 } };
  const parent = last.length > 1 ? last[last.length - 2] : undefined;
  let confidence = anchored.quocHieu && anchored.number ? 0.9 : anchored.quocHieu || anchored.number ? 0.75 : 0.5;
  if (agency.partial) confidence -= 0.1;
  const agencyConfidence = BARE_NAMES.has(agency.name) ? Math.min(confidence, 0.6) : confidence;
  return {
    agency: { value: agency.name, confidence: agencyConfidence },
    parentAgency: parent ? { value: parent.name, confidence: confidence - 0.05 } : { value: null, confidence: 0 },
  };
}

