import type { BodyParagraph, BodyTable, Dispatch, DispatchContentInput, TextRun } from '../../shared/domain/dispatch.js';
import type { ConsolidatedIndicator } from '../../shared/domain/form.js';
import type { OrganisationProfile } from '../../shared/domain/organisation.js';
import type { TrackingPeriod, TrackingRow } from '../../shared/domain/tracking.js';
import { formatShortDate } from '../../shared/nd30/date-line.js';
import { documentCitation } from '../../shared/documents/templates/official-document.js';
import { agencyNameInSentence } from '../../shared/vn/agency-name.js';
import type { ConsolidationResult } from './consolidate.js';

/**
 * The consolidated report (Báo cáo tổng hợp, Mẫu 1.4) to the superior body, drafted from
 * tracking, the returned forms and the units' own reports. A draft for the clerk: the opening
 * cites the dispatch and the plan it implements; I. who reported (straight from tracking);
 * II. the consolidated figures and each unit's key sentences; III. and IV. are headings
 * followed by an empty paragraph, the clerk's to write.
 *
 * The empty paragraph is how a section "still to write" is stored: the editor shows it as a
 * prompt, and the templates never print an empty paragraph (bodyBlocks skips it), so an
 * unwritten section prints as its bare heading, never as placeholder text.
 */

export interface ReportDraftInput {
  dispatch: Dispatch;
  /** Tracking of the period, computed for `today`. */
  tracking: TrackingPeriod;
  /** Null when the dispatch has no data form. */
  consolidation: ConsolidationResult | null;
  /**
   * The texts of each unit's written reports for the period, newest first: only its report files
   * (.docx, .pdf…), never a returned form, so a unit that sent only the form has none.
   */
  unitTexts: ReadonlyMap<number, readonly string[]>;
  profile: OrganisationProfile;
  today: string;
}

/** The superior body's names: in full for "Kính gửi", short for "Nơi nhận" and running text. */
export interface SuperiorBody {
  full: string;
  short: string;
}

const ADMIN_LEVELS = ['thành phố', 'thị xã', 'tỉnh', 'huyện', 'quận', 'phường', 'xã', 'thị trấn'];

function capitalise(word: string): string {
  return word.charAt(0).toLocaleUpperCase('vi') + word.slice(1);
}

/**
 * "UBND TỈNH KIÊN GIANG" → "Ủy ban nhân dân tỉnh Kiên Giang" / "UBND tỉnh": a local People's
 * Committee is the usual superior of a department. Any other parent is written as an agency
 * name in a sentence ("BỘ Y TẾ" → "Bộ Y tế"); without one, a text the clerk replaces.
 */
export function superiorBody(parentAgency: string): SuperiorBody {
  const lower = parentAgency.trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
  if (!lower) return { full: 'Cơ quan cấp trên', short: 'Cơ quan cấp trên' };
  const committee = /^(?:ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+(.+)$/u.exec(lower);
  if (committee) {
    const rest = committee[1]!;
    const level = ADMIN_LEVELS.find((l) => rest.startsWith(`${l} `));
    if (level) {
      // Place names capitalise every syllable ("Kiên Giang", "Hồ Chí Minh").
      const place = rest.slice(level.length + 1).split(' ').map(capitalise).join(' ');
      return { full: `Ủy ban nhân dân ${level} ${place}`, short: `UBND ${level}` };
    }
  }
  const name = agencyNameInSentence(parentAgency);
  return { full: name, short: name };
}

/** "năm 2021", "6 tháng đầu năm 2022", "quý III năm 2023", "tháng 7 năm 2023"; empty for a one-off report. */
export function periodPhrase(periodKey: string): string {
  const year = /^(\d{4})/.exec(periodKey)?.[1];
  if (!year) return '';
  const rest = periodKey.slice(4);
  if (rest === '') return `năm ${year}`;
  if (rest === '-H1') return `6 tháng đầu năm ${year}`;
  if (rest === '-H2') return `6 tháng cuối năm ${year}`;
  const quarter = /^-Q([1-4])$/.exec(rest)?.[1];
  if (quarter) return `quý ${['I', 'II', 'III', 'IV'][Number(quarter) - 1]} năm ${year}`;
  const month = /^-(\d{2})$/.exec(rest)?.[1];
  return month ? `tháng ${Number(month)} năm ${year}` : `năm ${year}`;
}

/** Words that urge rather than name the work: the report gives the result of the work itself. */
const URGING = ['đẩy mạnh', 'tăng cường', 'nâng cao hiệu quả', 'nâng cao chất lượng'];
const DOING = ['tổ chức triển khai thực hiện', 'triển khai thực hiện', 'tổ chức thực hiện', 'triển khai', 'thực hiện'];

/**
 * The report's subject from the dispatch's: "đẩy mạnh tuyên truyền về phòng, chống rác thải
 * nhựa giai đoạn 2021-2025 trên địa bàn tỉnh Kiên Giang" → "Kết quả tuyên truyền về phòng,
 * chống rác thải nhựa trên địa bàn tỉnh Kiên Giang năm 2021". The dispatch's own span of years
 * gives way to the period reported on.
 */
export function reportSubject(dispatchSubject: string, periodKey: string): string {
  let core = dispatchSubject
    .trim()
    .replace(/^(?:v\/v|về việc)\s+/iu, '')
    .replace(/^(?:đề nghị\s+)?báo cáo\s+(?:kết quả\s+)?/iu, '')
    .replace(/\s*(?:giai đoạn|thời kỳ|năm)\s+\d{4}(?:\s*[-–]\s*\d{4})?/giu, '')
    .replace(/\s+/g, ' ')
    .replace(/[\s.;,]+$/u, '');
  const lower = core.toLocaleLowerCase('vi');
  const urging = URGING.find((w) => lower.startsWith(`${w} `));
  const doing = DOING.find((w) => lower.startsWith(`${w} `));
  let head = 'Kết quả thực hiện';
  if (urging) {
    core = core.slice(urging.length + 1);
    head = 'Kết quả';
  } else if (doing) {
    core = core.slice(doing.length + 1);
  }
  const period = periodPhrase(periodKey);
  return [head, core, period].filter(Boolean).join(' ');
}

// ---- the units' key sentences ----

const MAX_SENTENCES = 3;
const MAX_CHARS = 450;

/** Sentences end at ".", "!", "?" or "…" before a space: "1.250 người" and "03/8/2021" stay whole. */
const sentencesOf = (text: string): string[] => text.split(/(?<=[.!?…])\s+/u).map((s) => s.trim()).filter(Boolean);
const isUpperLine = (line: string): boolean => line === line.toLocaleUpperCase('vi') && /\p{Lu}{3}/u.test(line);
const ROMAN_HEADING = /^[IVX]+\.\s/u;
/** "KẾT QUẢ THỰC HIỆN", "I. KẾT QUẢ ĐẠT ĐƯỢC", "II. Tình hình và kết quả triển khai". */
const RESULTS_HEADING = /^(?:[IVX]+\.\s*)?(?:tình hình(?: và|,)? )?kết quả/iu;
const STOP = /^(?:nơi nhận|trên đây là|kính đề nghị|tm\.|kt\.|tl\.)/iu;

/**
 * Where a results section may start, best first: after a results heading, after the opening
 * "… như sau:", after "Kính gửi". A text may hold several files (a report and its appendix; or,
 * for an entry registered before each file's share was recorded, the e-mail and the returned form
 * too), so there can be several; the first that yields a sentence wins.
 */
function candidateStarts(lines: string[]): number[] {
  const after = (test: (line: string) => boolean) => lines.flatMap((l, i) => (test(l) ? [i + 1] : []));
  return [
    ...after((l) => l.length < 120 && RESULTS_HEADING.test(l) && (isUpperLine(l) || ROMAN_HEADING.test(l))),
    ...after((l) => /(?:như sau|sau đây)\s*:\s*$/iu.test(l)),
    ...after((l) => /^kính gửi/iu.test(l)),
  ];
}

/** The sentence lines of the section starting at `start`, up to the next section or the end of its file. */
function sectionLines(lines: string[], start: number): string[] {
  const taken: string[] = [];
  for (const line of lines.slice(start)) {
    // An empty line after the first sentences ends the file's text (the next file follows it).
    if (!line) {
      if (taken.length) break;
      continue;
    }
    if (STOP.test(line) || ROMAN_HEADING.test(line)) break;
    // Table rows (cells joined by tabs), subheadings, notes in brackets carry no sentence of their own.
    if (line.includes('\t') || isUpperLine(line) || /^\(.*\)$/u.test(line) || (!/[.;:!?…]$/u.test(line) && line.length < 70)) continue;
    if (/^(?:thực hiện|căn cứ|theo)\s/iu.test(line) && /:\s*$/u.test(line)) continue;
    taken.push(line.replace(/^(?:[-–+•]|\d+(?:\.\d+)*\.|[a-zđ]\))\s+/u, '').replace(/[;:]$/u, '.'));
    if (sentencesOf(taken.join(' ')).length >= MAX_SENTENCES) break;
  }
  return taken;
}

/**
 * The first sentences of a unit's results section (at most three, about 450 characters), from
 * the document's stored text; null when the text has no such section (a form sent alone).
 */
export function keySentences(fullText: string): string | null {
  const lines = fullText.split('\n').map((l) => l.trim());
  for (const start of candidateStarts(lines)) {
    const taken = sectionLines(lines, start);
    if (taken.length === 0) continue;
    const text = sentencesOf(taken.join(' ')).slice(0, MAX_SENTENCES).join(' ');
    return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS).replace(/\s+\S*$/u, '')}…` : text;
  }
  return null;
}

// ---- building blocks of the body ----

const paragraph = (...runs: TextRun[]): BodyParagraph => ({ kind: 'paragraph', runs, list: null });
const bullet = (...runs: TextRun[]): BodyParagraph => ({ kind: 'paragraph', runs, list: 'bullet' });
const heading = (text: string): BodyParagraph => ({ kind: 'heading', runs: [{ text }], list: null });
/** A section the clerk writes: see the file comment. */
const toWrite = (): BodyParagraph => ({ kind: 'paragraph', runs: [], list: null });

const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** "12.345", "45,5"; count of yes as "12 đơn vị"; a list as how many answered (the answers follow the table). */
export function formatFigure(indicator: ConsolidatedIndicator): string {
  const { value } = indicator;
  if (value === null) return '-';
  if (indicator.aggregation === 'list') return `${indicator.contributors} ý kiến`;
  if (typeof value === 'string') return value;
  return indicator.aggregation === 'count_yes' ? `${numberFormat.format(value)} đơn vị` : numberFormat.format(value);
}

/** "I. Báo chí" → ["I", "Báo chí"]; "Số tin, bài" → [null, "Số tin, bài"]. */
function splitNumbering(label: string): [string | null, string] {
  const m = /^((?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ]))[.)]\s+(.+)$/u.exec(label.trim());
  return m ? [m[1]!, m[2]!] : [null, label.trim()];
}

function figuresTable(result: ConsolidationResult): BodyTable {
  const rows: BodyTable['rows'] = [
    [{ text: 'STT' }, { text: 'Chỉ tiêu' }, { text: 'ĐVT' }, { text: 'Tổng hợp' }, { text: 'Số đơn vị báo cáo' }],
  ];
  let n = 0;
  for (const row of result.consolidation.rows) {
    if (row.kind === 'group') {
      const [number, label] = splitNumbering(row.label);
      // Group rows are bold, as in the form the units filled in.
      rows.push([{ text: number ?? '', align: 'center', bold: true }, { text: label.toLocaleUpperCase('vi'), bold: true }, { text: '' }, { text: '' }, { text: '' }]);
      n = 0;
      continue;
    }
    const i = row.indicator;
    const [number, name] = splitNumbering(i.name);
    n += 1;
    rows.push([
      { text: number ?? String(n), align: 'center' },
      { text: name },
      { text: i.unit, align: 'center' },
      { text: formatFigure(i), align: 'right' },
      { text: String(i.contributors), align: 'center' },
    ]);
  }
  return { columnWeights: [9, 47, 15, 16, 15], headerRows: 1, rows };
}

/*
 * Limits that keep a report of a very large period (hundreds of units) within what a document
 * holds (DispatchContent: 2,000 blocks, 20,000 characters a run): long lists end with "và N …
 * khác", and the appendix has everything.
 */
const LIST_CHARS = 4000;
const QUOTED_UNITS = 100;
const LIST_ANSWERS = 200;
const ANSWERS_PER_INDICATOR = 50;

/** Items joined by "; " up to about `LIST_CHARS` characters, the rest counted: "…; và 12 đơn vị khác". */
function joinWithin(items: string[], rest: (n: number) => string): string {
  let length = 0;
  const shown = items.filter((item) => (length += item.length + 2) <= LIST_CHARS);
  return shown.length < items.length ? [...shown, `và ${rest(items.length - shown.length)}`].join('; ') : shown.join('; ');
}

const unitList = (rows: TrackingRow[], detail: (r: TrackingRow) => string = () => ''): string =>
  joinWithin(rows.map((r) => `${r.unit.name}${detail(r)}`), (n) => `${n} đơn vị khác (chi tiết tại Phụ lục)`);

function trackingSection(input: ReportDraftInput, agency: string): BodyParagraph[] {
  const { tracking, today } = input;
  const c = tracking.counts;
  const of = (status: TrackingRow['status']) => tracking.rows.filter((r) => r.status === status);
  const late = of('late');
  const missing = of('missing');
  const inReview = of('in_review');
  const notDue = of('not_due');
  const exempt = of('exempt');
  const lastDay = formatShortDate(tracking.period.dueDate);
  const blocks: BodyParagraph[] = [
    heading('I. TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ'),
    paragraph({
      text:
        `Theo yêu cầu, có ${c.expected} cơ quan, đơn vị phải báo cáo (hạn cuối ngày ${lastDay}). ` +
        `Đến ngày ${formatShortDate(today)}, ${agency} đã nhận được báo cáo của ${c.received} cơ quan, đơn vị` +
        (c.received > 0 ? `, trong đó ${c.onTime} đơn vị báo cáo đúng hạn, ${c.late} đơn vị báo cáo trễ hạn.` : '.'),
    }),
  ];
  if (late.length) blocks.push(bullet({ text: `Báo cáo trễ hạn (${late.length} đơn vị): ${unitList(late, (r) => ` (${r.daysLate} ngày)`)}.` }));
  if (missing.length) blocks.push(bullet({ text: `Chưa báo cáo (${missing.length} đơn vị): ${unitList(missing)}.` }));
  if (notDue.length) blocks.push(bullet({ text: `Chưa gửi báo cáo, chưa đến hạn (${notDue.length} đơn vị): ${unitList(notDue)}.` }));
  if (inReview.length) blocks.push(bullet({ text: `Đã gửi nhưng đang kiểm tra, chưa đưa vào tổng hợp (${inReview.length} đơn vị): ${unitList(inReview)}.` }));
  if (exempt.length) blocks.push(bullet({ text: `Được miễn báo cáo kỳ này (${exempt.length} đơn vị): ${unitList(exempt, (r) => (r.exemption ? ` (${r.exemption.reason})` : ''))}.` }));
  return blocks;
}

/** The answers to "list" indicators, a bullet each (at most 50 an indicator, 200 in all; the appendix has every one). */
function listAnswers(result: ConsolidationResult): BodyParagraph[] {
  let budget = LIST_ANSWERS;
  return result.consolidation.rows.flatMap((row) => {
    if (row.kind !== 'indicator' || row.indicator.aggregation !== 'list' || typeof row.indicator.value !== 'string') return [];
    const [, name] = splitNumbering(row.indicator.name);
    const answers = row.indicator.value.split('\n');
    const shown = answers.slice(0, Math.min(ANSWERS_PER_INDICATOR, budget));
    budget -= shown.length;
    const more = answers.length - shown.length;
    const lines = [...shown.map((a) => a.replace(/[\s.;]+$/u, '')), ...(more ? [`và ${more} ý kiến khác (chi tiết tại Phụ lục)`] : [])];
    return [
      paragraph({ text: `${name} (ý kiến của ${row.indicator.contributors} đơn vị):` }),
      ...lines.map((line, i) => bullet({ text: `${line}${i === lines.length - 1 ? '.' : ';'}` })),
    ];
  });
}

function figuresSection(input: ReportDraftInput): BodyParagraph[] {
  const result = input.consolidation;
  if (!result) {
    return [paragraph({ text: 'Yêu cầu báo cáo này không kèm biểu số liệu; kết quả dưới đây tóm tắt từ báo cáo của các cơ quan, đơn vị.' })];
  }
  const reporting = result.consolidation.units.length;
  if (reporting === 0) return [paragraph({ text: 'Chưa có cơ quan, đơn vị nào gửi biểu số liệu theo mẫu nên chưa có số liệu tổng hợp.' })];
  const blocks: BodyParagraph[] = [
    paragraph({ text: `Tổng hợp từ biểu số liệu của ${reporting} cơ quan, đơn vị (chi tiết số liệu của từng đơn vị tại Phụ lục kèm theo):` }),
    { kind: 'table', runs: [], list: null, table: figuresTable(result) },
  ];
  if (result.excluded.length) {
    const items = result.excluded.map((e) => `${e.unitName} - ${splitNumbering(e.indicatorName)[1]} (${e.reason.replace(/[\s.]+$/u, '')})`);
    const list = joinWithin(items, (n) => `${n} số liệu khác (xem màn hình kiểm tra biểu số liệu)`);
    blocks.push(paragraph({ text: `Các số liệu sau không hợp lệ nên chưa được tổng hợp: ${list}.`, italic: true }));
  }
  return [...blocks, ...listAnswers(result)];
}

/** Each reporting unit's key sentences (the first 100 units that have some; the rest are counted). */
function unitsSection(input: ReportDraftInput): BodyParagraph[] {
  const received = input.tracking.rows.filter((r) => r.status === 'on_time' || r.status === 'late');
  const quoted: BodyParagraph[] = [];
  let more = 0;
  for (const r of received) {
    const sentences = (input.unitTexts.get(r.unit.id) ?? []).map(keySentences).find((s) => s !== null);
    if (!sentences) continue;
    if (quoted.length < QUOTED_UNITS) quoted.push(bullet({ text: `${r.unit.name}: `, bold: true }, { text: sentences }));
    else more += 1;
  }
  if (more) quoted.push(paragraph({ text: `Kết quả của ${more} cơ quan, đơn vị khác: xem báo cáo của từng đơn vị.` }));
  return quoted;
}

/** The draft's content: documentType 'bao_cao', with its source (dispatch and period) recorded. */
export function reportDraftContent(input: ReportDraftInput): DispatchContentInput {
  const { dispatch, tracking, profile } = input;
  const agency = profile.agencyName ? agencyNameInSentence(profile.agencyName) : 'Cơ quan';
  const superior = superiorBody(profile.parentAgency);
  const period = periodPhrase(tracking.period.key);
  const citation = `${documentCitation(dispatch)}${dispatch.issueDate ? ` ngày ${formatShortDate(dispatch.issueDate)}` : ''}`;
  const plans = dispatch.references.map((r) => r.trim().replace(/[\s.;,]+$/u, '')).filter(Boolean);

  const opening =
    (plans.length ? `Thực hiện ${plans.join('; ')}, ` : '') +
    `${agency} đã ban hành ${citation} về việc ${dispatch.subject.trim()}, đề nghị các cơ quan, đơn vị báo cáo kết quả thực hiện. ` +
    `Trên cơ sở báo cáo của các cơ quan, đơn vị, ${agency} báo cáo kết quả thực hiện${period ? ` ${period}` : ''} như sau:`;

  const units = unitsSection(input);
  const results: BodyParagraph[] = input.consolidation
    ? [heading('1. Số liệu tổng hợp'), ...figuresSection(input), ...(units.length ? [heading('2. Kết quả thực hiện của các cơ quan, đơn vị'), ...units] : [])]
    : [...figuresSection(input), ...units];

  const body: BodyParagraph[] = [
    paragraph({ text: opening }),
    ...trackingSection(input, agency),
    heading('II. KẾT QUẢ THỰC HIỆN'),
    ...results,
    heading('III. ĐÁNH GIÁ CHUNG'),
    toWrite(),
    heading('IV. ĐỀ XUẤT, KIẾN NGHỊ'),
    toWrite(),
    paragraph({
      text: `Trên đây là báo cáo kết quả thực hiện${period ? ` ${period}` : ''} của ${agency}, kính báo cáo ${superior.full} xem xét, chỉ đạo.`,
    }),
  ];

  const distribution = [`${superior.short} (báo cáo)`];
  if (/^sở\s/iu.test(profile.agencyName.trim())) distribution.push('Ban Giám đốc Sở');

  return {
    documentType: 'bao_cao',
    reportSource: { dispatchId: dispatch.id, periodKey: tracking.period.key },
    subject: reportSubject(dispatch.subject, tracking.period.key),
    departmentCode: dispatch.departmentCode,
    recipients: [{ kind: 'text', label: superior.full }],
    references: [`${citation} của ${agency}`, ...plans],
    body,
    signer: dispatch.signer,
    distribution,
    requirement: null,
    expectedUnitIds: [],
  };
}
