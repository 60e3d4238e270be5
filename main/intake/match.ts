import type { Dispatch } from '../../shared/domain/dispatch.js';
import type { Unit } from '../../shared/domain/unit.js';
import { fold } from '../../shared/vn/fold.js';
import { reportingPeriods } from '../../shared/tracking/periods.js';
import type { Envelope, RecognisedHeader } from './types.js';
import type { SubjectCandidate } from '../dispatches/dispatches-repo.js';

/**
 * The match stage: which unit sent a document, which of our dispatches it answers, and for
 * which period. Every answer carries a confidence and its reasons in plain Vietnamese, so the
 * clerk can see why (DESIGN §2). Precision over recall: a wrong confident match is worse than
 * a question, so weak evidence stays below the registration threshold.
 */

export interface Match<T> {
  value: T | null;
  confidence: number;
  reasons: string[];
}

const none = <T>(reason?: string): Match<T> => ({ value: null, confidence: 0, reasons: reason ? [reason] : [] });

// Words that official names abbreviate: compared in their long form.
const ABBREVIATIONS: [RegExp, string][] = [
  [/\bubnd\b/g, 'uy ban nhan dan'],
  [/\bhdnd\b/g, 'hoi dong nhan dan'],
  [/\btp\.?\s/g, 'thanh pho '],
  [/\bstttt\b/g, 'so thong tin va truyen thong'],
  [/\bpt-th\b|\bptth\b/g, 'phat thanh va truyen hinh'],
  [/\bttdt\b/g, 'thong tin dien tu'],
  [/&/g, ' va '],
];

/** A name folded and spelled out, for comparing "UBND huyện Kiên Lương" with "ỦY BAN NHÂN DÂN HUYỆN KIÊN LƯƠNG". */
export function comparableName(name: string): string {
  let s = fold(name).replace(/[“”"'().,;:]/g, ' ');
  for (const [pattern, long] of ABBREVIATIONS) s = s.replace(pattern, long);
  return s.replace(/[-–—]/g, ' ').replace(/\s+/g, ' ').trim();
}

function words(s: string): Set<string> {
  return new Set(s.split(' ').filter((w) => w.length > 0));
}

/** Share of the words of the shorter name found in the longer one (0–1). */
export function nameSimilarity(a: string, b: string): number {
  const wa = words(comparableName(a));
  const wb = words(comparableName(b));
  if (wa.size === 0 || wb.size === 0) return 0;
  const [small, large] = wa.size <= wb.size ? [wa, wb] : [wb, wa];
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  // Penalise very different lengths: "Sở Y tế" is not "Sở Y tế tỉnh Kiên Giang và …" by inclusion alone.
  return (shared / small.size) * Math.min(1, (small.size + 1) / large.size);
}

/** The province or city a header names ("UBND TỈNH ĐẮK NÔNG" → "ĐẮK NÔNG"), if any. */
export function placeInAgency(text: string | null): string | null {
  const m = /(?:^|\s)(?:TỈNH|THÀNH PHỐ|TP\.?)\s+(.+)$/iu.exec(text?.trim() ?? '');
  return m ? m[1]!.trim() : null;
}

/**
 * @param homePlace the organisation's own province (profile.placeName): the registry's
 *   "Sở Tài chính" is that province's, not another province's Sở Tài chính.
 */
export function matchUnit(
  units: Unit[],
  envelope: Envelope | null,
  header: RecognisedHeader,
  homePlace: string,
  signatures: readonly { signer: string | null; organization: string | null; taxCode: string | null; digestValid: boolean | null }[] = [],
): Match<Unit> {
  const reasons: string[] = [];
  // A valid digital signature names the signing agency (and often its tax code): the strongest signal there is.
  for (const sig of signatures.filter((g) => g.digestValid !== false)) {
    const byTax = sig.taxCode ? units.find((u) => u.taxCode === sig.taxCode) : undefined;
    const byName = sig.signer ? units.find((u) => [u.name, ...u.aliases].some((n) => comparableName(n) === comparableName(sig.signer!))) : undefined;
    const unit = byTax ?? byName;
    if (unit) {
      return {
        value: unit,
        confidence: byTax ? 0.98 : 0.95,
        reasons: [byTax ? `văn bản ký số với mã số thuế ${sig.taxCode} của ${unit.name}` : `văn bản ký số bởi "${sig.signer}", tên của ${unit.name}`],
      };
    }
  }
  const place = placeInAgency(header.parentAgency.value) ?? placeInAgency(header.agency.value);
  const elsewhere = place !== null && homePlace.trim() !== '' && comparableName(place) !== comparableName(homePlace) ? place : null;
  const sender = envelope?.fromAddress?.toLowerCase() ?? null;
  const byEmail = sender ? units.find((u) => u.emails.includes(sender)) : undefined;

  const agencyTexts = [header.agency.value, [header.agency.value, header.parentAgency.value].filter(Boolean).join(' ')].filter(
    (t): t is string => Boolean(t),
  );
  let byName: { unit: Unit; score: number; as: string } | undefined;
  for (const unit of units) {
    for (const name of [unit.name, ...unit.aliases]) {
      for (const text of agencyTexts) {
        const exact = comparableName(name) === comparableName(text);
        // Only an exact match scores 1: "huyện Kiên Lương mới" contains every word of "huyện Kiên Lương" but is not it.
        const score = exact ? 1 : Math.min(0.95, nameSimilarity(name, text));
        if (!byName || score > byName.score) byName = { unit, score, as: name };
      }
    }
  }
  if (byName && byName.score < 0.75) byName = undefined;
  if (byName && elsewhere && !comparableName(byName.as).includes(comparableName(elsewhere))) {
    reasons.push(`văn bản của cơ quan thuộc ${elsewhere}, không phải ${homePlace}: tên "${header.agency.value}" trùng tên ${byName.unit.name} nhưng không phải đơn vị này`);
    byName = undefined;
  }

  if (byEmail) reasons.push(`địa chỉ gửi ${sender} trùng với email của ${byEmail.name}`);
  if (byName) {
    reasons.push(
      byName.score === 1
        ? `tên cơ quan ban hành "${header.agency.value}" trùng với ${byName.as === byName.unit.name ? 'tên' : 'tên gọi khác'} của ${byName.unit.name}`
        : `tên cơ quan ban hành "${header.agency.value}" gần giống tên ${byName.unit.name}`,
    );
  }
  if (byEmail && byName && byEmail.id !== byName.unit.id) {
    reasons.push(`nhưng địa chỉ gửi và tên cơ quan ban hành chỉ hai đơn vị khác nhau (${byEmail.name} / ${byName.unit.name})`);
    return { value: byName.score === 1 ? byName.unit : byEmail, confidence: 0.5, reasons };
  }
  if (byEmail && byName) return { value: byEmail, confidence: 0.99, reasons };
  if (byEmail) return { value: byEmail, confidence: 0.9, reasons };
  if (byName) {
    const agencyConfidence = Math.min(1, header.agency.confidence + 0.1);
    return { value: byName.unit, confidence: (byName.score === 1 ? 0.9 : 0.6) * agencyConfidence, reasons };
  }
  return { value: null, confidence: 0, reasons: [...reasons, 'không nhận ra đơn vị gửi: địa chỉ email và tên cơ quan ban hành không khớp đơn vị nào trong danh sách'] };
}

function normalSymbol(symbol: string): string {
  return symbol.toUpperCase().replace(/\s+/g, '').replace(/[–—]/g, '-');
}

/**
 * How the match stage finds our dispatches without reading them all (ten years: 2,000 of them):
 * the DispatchesService, through indexed queries.
 */
export interface DispatchLookup {
  /** Issued dispatches numbered `number` (of `year` when given), the newest first. */
  issuedNumbered(number: number, year: number | null): Dispatch[];
  /** Issued dispatches asking for reports whose subject holds some of `words` (folded), the likeliest first, at most `limit`. */
  issuedAskingReportsAbout(words: readonly string[], limit: number): SubjectCandidate[];
  get(id: number): Dispatch;
}

/** Subject similarity is computed exactly on this many of the likeliest dispatches the search index gives. */
const SUBJECT_CANDIDATES = 50;
/** A number and symbol in an e-mail's subject: "BC theo CV 864/STTTT-TTBCBC", "số 864 / STTTT – TTBCBC". */
const CITED_IN_SUBJECT = /(?<![\d/])0*(\d{1,6})\s*\/\s*(\p{L}[\p{L}\d]*(?:\s*[-–—]\s*[\p{L}\d]+)*)/gu;

/** "STTTT-TTBCBC-Báo" → itself, "STTTT-TTBCBC", "STTTT": a subject may run words on after the symbol. */
function symbolAndPrefixes(symbol: string): string[] {
  const parts = symbol.split(/\s*[-–—]\s*/);
  return parts.map((_, i) => parts.slice(0, parts.length - i).join('-'));
}

interface Cited {
  dispatch: Dispatch;
  /** Other issued dispatches with the same number and symbol (of other years): the citation alone does not tell them apart. */
  others: number;
}

/**
 * Our issued dispatch printed as `number/symbol`, and dated `date` when the citation gives one.
 * Numbers start again every year, so without a date several may share it: the latest issued by
 * `asOf` (the document's date) is meant, and `others` says how many it was chosen among.
 */
function citedDispatch(lookup: DispatchLookup, number: number, symbol: string, date: string | null, asOf: string): Cited | null {
  const same = lookup
    .issuedNumbered(number, date ? Number(date.slice(0, 4)) : null)
    .filter((d) => normalSymbol(d.symbol) === normalSymbol(symbol) && (!date || d.issueDate === date));
  const dispatch = same.find((d) => d.issueDate !== null && d.issueDate <= asOf) ?? same[0];
  return dispatch ? { dispatch, others: same.length - 1 } : null;
}

/** Below the registration threshold: the clerk chooses among dispatches that share a number. */
const SHARED_NUMBER_CONFIDENCE = 0.75;
const sharedNumberReason = (c: Cited): string[] =>
  c.others > 0 ? [`không ghi ngày, mà ${c.others} công văn khác của các năm trước cũng mang số, ký hiệu này: chọn công văn gần nhất trước ngày văn bản`] : [];

/**
 * The dispatch a document answers: one it cites by number and symbol, else one the e-mail's subject
 * names, else (never confidently) one whose subject is alike.
 * @param receivedDate when the document has no date of its own, the day it was received bounds the dispatches it can answer.
 */
export function matchDispatch(lookup: DispatchLookup, header: RecognisedHeader, envelope: Envelope | null, receivedDate: string): Match<Dispatch> {
  const asOf = header.date.value ?? receivedDate;
  for (const ref of header.references) {
    if (ref.number === null || !ref.symbol) continue;
    const cited = citedDispatch(lookup, ref.number, ref.symbol, ref.date, asOf);
    if (cited) {
      const hit = cited.dispatch;
      return {
        value: hit,
        confidence: ref.date ? 0.97 : cited.others > 0 ? SHARED_NUMBER_CONFIDENCE : 0.9,
        reasons: [`văn bản viện dẫn Công văn số ${hit.number}/${hit.symbol}${ref.date ? ` ngày ${ref.date.split('-').reverse().join('/')}` : ''}`, ...sharedNumberReason(cited)],
      };
    }
  }
  for (const m of (envelope?.subject ?? '').matchAll(CITED_IN_SUBJECT)) {
    const cited = symbolAndPrefixes(m[2]!)
      .map((symbol) => citedDispatch(lookup, Number(m[1]), symbol, null, asOf))
      .find((c) => c !== null);
    if (cited) {
      const d = cited.dispatch;
      return {
        value: d,
        confidence: cited.others > 0 ? SHARED_NUMBER_CONFIDENCE : 0.85,
        reasons: [`tiêu đề thư nhắc Công văn số ${d.number}/${d.symbol}`, ...sharedNumberReason(cited)],
      };
    }
  }
  // Subject similarity alone never registers: it only proposes a dispatch for review.
  const title = header.subject.value;
  if (title) {
    // The index holds the folded subject as written; the comparison spells abbreviations out: both sets of words are asked for.
    const words = `${fold(title)} ${comparableName(title)}`.split(/[^\p{L}\p{N}]+/u);
    let best: { d: SubjectCandidate; score: number } | undefined;
    for (const d of lookup.issuedAskingReportsAbout(words, SUBJECT_CANDIDATES)) {
      const score = nameSimilarity(d.subject, title);
      // Equally alike: the newest, as a report answers the latest request.
      if (!best || score > best.score || (score === best.score && (d.issueDate ?? '') > (best.d.issueDate ?? ''))) best = { d, score };
    }
    if (best && best.score >= 0.5) {
      return { value: lookup.get(best.d.id), confidence: 0.6, reasons: [`trích yếu gần giống Công văn số ${best.d.number}/${best.d.symbol}`] };
    }
  }
  return none();
}

/** The period a report covers: what it says (if the dispatch asks for that period), else the period due nearest its arrival. */
export function matchPeriod(dispatch: Dispatch | null, header: RecognisedHeader, receivedDate: string): Match<string> {
  if (!dispatch?.requirement) {
    return header.period.value ? { value: header.period.value, confidence: header.period.confidence * 0.8, reasons: [`văn bản ghi kỳ ${header.period.value}`] } : none();
  }
  const periods = reportingPeriods(dispatch.requirement);
  if (header.period.value) {
    const p = periods.find((x) => x.key === header.period.value);
    if (p) return { value: p.key, confidence: Math.max(0.8, header.period.confidence), reasons: [`văn bản ghi kỳ báo cáo ${p.label.toLocaleLowerCase('vi')}`] };
  }
  if (periods.length === 1) return { value: periods[0]!.key, confidence: 0.95, reasons: ['công văn chỉ yêu cầu báo cáo một kỳ'] };
  const day = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000;
  const nearest = [...periods].sort((a, b) => Math.abs(day(a.lastDay) - day(receivedDate)) - Math.abs(day(b.lastDay) - day(receivedDate)))[0]!;
  return {
    value: nearest.key,
    confidence: 0.7,
    reasons: [`văn bản không ghi rõ kỳ; nhận ngày ${receivedDate.split('-').reverse().join('/')}, gần hạn kỳ ${nearest.label.toLocaleLowerCase('vi')} nhất`],
  };
}
