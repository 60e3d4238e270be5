/**
 * The reporting period a document is about, as a DESIGN §4 key: "năm 2021" → "2021",
 * "6 tháng đầu năm 2022" → "2022-H1", "quý III/2023" → "2023-Q3", "tháng 7/2023" → "2023-07".
 * The subject (title or V/v) says it best; dates in the body say when, not for what.
 */
import type { Recognised } from './types.js';
import { foldSameLength } from './recognize-patterns.js';

const YEAR = String.raw`(?:19|20)\d{2}`;
const PERIOD_F = new RegExp(
  [
    String.raw`(?<half>(?:6|sau)\s*thang\s*(?<side>dau|cuoi)\s*nam(?:\s*(?<hyear>${YEAR})(?!\d))?)`,
    String.raw`(?<quarter>quy\s*(?<q>iv|i{1,3}|[1-4])(?![a-z0-9])(?:\s*(?:\/|-|nam)\s*(?<qyear>${YEAR})(?!\d))?)`,
    String.raw`(?<month>thang\s*(?<m>\d{1,2})\s*(?:\/|-|nam)\s*(?<myear>${YEAR})(?!\d))`,
    // "năm 2021", not "năm 2021-2025" (a range) nor "năm 20211".
    String.raw`(?<year>nam\s*(?<y>${YEAR})(?!\d)(?!\s*[-–]\s*\d))`,
  ].join('|'),
  'g',
);
/** "ngày 15 tháng 7 năm 2021", "thứ hai, 26 tháng 11 năm 2018" are dates: their "tháng 7 năm 2021"
 *  and "năm 2021" are not periods. */
const DATE_BEFORE_F = /(?:(?<!\d)\d{1,2}\s*|thang\s*\d{1,2}\s*)$/;
/** Words that look ahead ("phương hướng nhiệm vụ 6 tháng cuối năm", "triển khai … năm 2012", "đến năm 2030"). */
const FORWARD_F = /(?:phuong\s*huong|du\s*kien|trien\s*khai|(?:^|\s)(?:den|toi)\s*$)/;
/** A year printed later in the same text ("6 tháng đầu năm; … 6 tháng cuối năm 2017"). */
const LATER_YEAR = new RegExp(`(?<!\\d)(${YEAR})(?!\\d)`);
const QUARTERS: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

export interface PeriodMention {
  key: string;
  /** Said as a plan or a horizon rather than what is reported on. */
  forward: boolean;
  /** The year was not printed with it (taken from later in the text or from the document's date). */
  inferredYear: boolean;
}

/** The words of the same clause just before `index` (at most five). */
function clauseBefore(folded: string, index: number): string {
  const before = folded.slice(Math.max(0, index - 80), index);
  const clause = before.split(/[;.,:]|\sva\s/).pop() ?? '';
  return clause.trim().split(/\s+/).slice(-5).join(' ');
}

/** Every period mentioned in `text`, in order. `fallbackYear` completes "6 tháng đầu năm" with no year after it. */
export function periodMentions(text: string, fallbackYear: number | null): PeriodMention[] {
  const folded = foldSameLength(text);
  const out: PeriodMention[] = [];
  for (const m of folded.matchAll(PERIOD_F)) {
    const g = m.groups ?? {};
    if (DATE_BEFORE_F.test(folded.slice(Math.max(0, m.index - 20), m.index))) continue;
    const later = LATER_YEAR.exec(folded.slice(m.index + m[0].length));
    const laterYear = later?.[1] ? Number(later[1]) : fallbackYear;
    const clause = clauseBefore(folded, m.index);
    const forward = FORWARD_F.test(clause);
    let key: string | null = null;
    let inferredYear = false;
    if (g.half) {
      const year = g.hyear ? Number(g.hyear) : laterYear;
      inferredYear = !g.hyear;
      if (year) key = `${year}-${g.side === 'dau' ? 'H1' : 'H2'}`;
    } else if (g.quarter) {
      // "quy" folds "quý" and "quy" (as in "quy định"): only "quý" is a quarter.
      if (text.slice(m.index, m.index + 3).toLowerCase() !== 'quý') continue;
      const year = g.qyear ? Number(g.qyear) : laterYear;
      inferredYear = !g.qyear;
      const q = QUARTERS[g.q ?? ''];
      if (year && q) key = `${year}-Q${q}`;
    } else if (g.month) {
      const month = Number(g.m);
      if (month >= 1 && month <= 12) key = `${g.myear}-${String(month).padStart(2, '0')}`;
    } else if (g.year) {
      key = g.y ?? null;
    }
    if (key) out.push({ key, forward, inferredYear });
  }
  return out;
}

/**
 * The period: from the subject first (what is reported on, not a plan ahead) and no surer than
 * the subject itself, else — much less surely — from the first lines of the body.
 */
export function recognizePeriod(subject: Recognised<string>, bodyStart: string, documentYear: number | null): Recognised<string> {
  if (subject.value) {
    const mentions = periodMentions(subject.value, documentYear);
    const reported = mentions.find((p) => !p.forward);
    const cap = subject.confidence + 0.1;
    if (reported) return { value: reported.key, confidence: Math.min(cap, reported.inferredYear ? 0.65 : 0.85) };
    const first = mentions[0];
    if (first) return { value: first.key, confidence: Math.min(cap, 0.4) };
  }
  const body = periodMentions(bodyStart, documentYear).find((p) => !p.forward && !p.inferredYear);
  return body ? { value: body.key, confidence: 0.35 } : { value: null, confidence: 0 };
}
