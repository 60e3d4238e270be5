import ExcelJS from 'exceljs';
import { z } from 'zod';
import type { DataForm, FormCellProblem, FormValue, IndicatorRow } from '../../shared/domain/form.js';
import { fold } from '../../shared/vn/fold.js';
import { periodMentions } from '../intake/recognize-period.js';
import { INDICATOR_HEADER, META_MARKER, META_SHEET, type FormMetadata } from './form-xlsx.js';

/**
 * Reads a returned data form (issue 6). A file made by VănThư names its form, unit and period
 * and where each indicator's row is in a `veryHidden` sheet: values are read by indicator code.
 * A retyped table, or a file of an older version of the form, is read by indicator name (folded,
 * numbering and punctuation ignored, small typing differences tolerated) and marked for review.
 * Every value the clerk should look at is a problem with its cell address ("D12").
 */

/** What was read from one workbook against one form. */
export interface FormReading {
  readBy: 'metadata' | 'names';
  /** The form version the hidden sheet names, null for a retyped table. */
  formVersion: number | null;
  meta: FormMetadata | null;
  values: Record<string, FormValue>;
  problems: FormCellProblem[];
  /** The unit's "Ghi chú" beside an indicator, by code (only those it wrote). */
  notes: Record<string, string>;
  /** How many of the form's indicators were found in the file. */
  found: number;
  /** The unit named in the file (the unit cell, or the label "Đơn vị báo cáo:"), if any. */
  unitName: string | null;
  /** The period the file is for: the hidden sheet's, else the one chosen in the drop-down, else one the table states ("Năm 2021"). */
  periodKey: string | null;
  periodFrom: 'metadata' | 'chosen' | 'table' | null;
  /** Why the file was read by names, in the clerk's words; null when read by code. */
  byNamesBecause: string | null;
}

/** Loads a workbook; null when it is not a readable .xlsx (the import has already said why). */
export async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook | null> {
  try {
    const wb = new ExcelJS.Workbook();
    // exceljs's typings want its own Buffer type; a Node Buffer is what it reads.
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    return wb;
  } catch {
    return null;
  }
}

const Metadata = z.object({
  formKey: z.string().min(1),
  formVersion: z.coerce.number().int().positive(),
  dispatchId: z.coerce.number().int().positive(),
  unitId: z.union([z.literal('').transform(() => null), z.coerce.number().int().positive()]),
  periodKey: z.string().transform((s) => s || null),
  dataSheet: z.string().min(1),
  unitCell: z.string().regex(/^[A-Z]+\d+$/),
  periodCell: z.string().regex(/^[A-Z]+\d+$/),
  valueColumn: z.string().regex(/^[A-Z]+$/),
  // Files written before the note column was recorded have it right of the values.
  noteColumn: z.string().regex(/^[A-Z]*$/).default('').transform((c) => c || null),
  indicators: z.array(z.object({ code: z.string(), row: z.coerce.number().int().positive(), name: z.string() })),
  periods: z.array(z.object({ key: z.string(), label: z.string() })),
});

const text = (v: ExcelJS.CellValue): string => (v === null || v === undefined ? '' : typeof v === 'object' && !(v instanceof Date) ? cellText(v) : String(v)).trim();

function cellText(v: Exclude<ExcelJS.CellValue, null | undefined | number | string | boolean | Date>): string {
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('text' in v) return String(v.text);
  if ('error' in v) return v.error;
  if ('result' in v) return v.result === undefined || v.result === null ? '' : text(v.result as ExcelJS.CellValue);
  return '';
}

/** The hidden sheet of a workbook made by VănThư, or null (none, or not ours, or damaged). */
export function formMetadata(wb: ExcelJS.Workbook): FormMetadata | null {
  const sheet = wb.getWorksheet(META_SHEET);
  if (!sheet || text(sheet.getCell('A1').value) !== META_MARKER) return null;
  const fields: Record<string, unknown> = { indicators: [], periods: [] };
  let section: 'fields' | 'indicators' | 'periods' = 'fields';
  for (let r = 2; r <= sheet.rowCount; r++) {
    const [a, b, c] = [1, 2, 3].map((col) => text(sheet.getCell(r, col).value));
    if (!a) continue;
    if (a === INDICATOR_HEADER[0] && b === INDICATOR_HEADER[1]) section = 'indicators';
    else if (a === 'periods' && !b) section = 'periods';
    else if (section === 'fields') fields[a] = b;
    else if (section === 'indicators') (fields.indicators as unknown[]).push({ code: a, row: b, name: c });
    else (fields.periods as unknown[]).push({ key: a, label: b });
  }
  const parsed = Metadata.safeParse(fields);
  return parsed.success ? parsed.data : null;
}

// ---------------------------------------------------------------------------------------------
// Names

/** Levenshtein distance, for "small edits" between a printed and a retyped indicator name; stops past `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, current[j]!);
    }
    if (best > limit) return best; // every later row is at least as far
    previous = current;
  }
  return previous[b.length]!;
}

/** "1. Số tin, bài (*)" → "so tin bai": folded, without numbering, marks of required, punctuation. */
export function comparableIndicatorName(name: string): string {
  let s = fold(name).replace(/\(\*\)/g, ' ').trim();
  // Leading numbering, possibly nested: "I.", "1.", "1.2.", "a)", "-", "+", "•".
  const numbering = /^(?:(?:[ivxlc]+|\d+(?:\.\d+)*|[a-zđ])\s*[.):/-]|[-+•*–—])\s*/;
  while (numbering.test(s)) s = s.replace(numbering, '');
  return s.replace(/[^\p{L}\p{N}%]+/gu, ' ').replace(/\s+/g, ' ').trim();
}

const NAME_THRESHOLD = 0.8;

/** Similarity of two names already made comparable; 0 without computing when they cannot reach the threshold. */
function similarity(x: string, y: string): number {
  if (!x || !y) return 0;
  if (x === y) return 1;
  const longest = Math.max(x.length, y.length);
  const limit = Math.floor((1 - NAME_THRESHOLD) * longest);
  // The edit distance is at least the difference in length; a few edits leave most words whole.
  if (Math.abs(x.length - y.length) > limit) return 0;
  const words = new Set(x.split(' '));
  const others = y.split(' ');
  if (others.filter((w) => words.has(w)).length * 2 < others.length) return 0;
  const distance = editDistance(x, y, limit);
  return distance > limit ? 0 : 1 - distance / longest;
}

/** 1 for the same name; above ~0.8 for a name with a few letters changed; lower otherwise. */
export function indicatorNameSimilarity(a: string, b: string): number {
  return similarity(comparableIndicatorName(a), comparableIndicatorName(b));
}

/** A form is a short table: a sheet is searched this far down for indicator names. */
const MAX_ROWS_SEARCHED = 1000;
/** A retyped table may start in any of the first columns. */
const MAX_COLUMNS_SEARCHED = 20;

// ---------------------------------------------------------------------------------------------
// Values

const yes = new Set(['co', 'x', 'yes', 'y', '1', 'da', 'dung', 'true', 'roi', 'da ban hanh', 'co ban hanh']);
const no = new Set(['khong', 'k', 'ko', 'no', 'n', '0', 'chua', 'false', 'sai', 'chua ban hanh', 'khong ban hanh']);

/** A read value and, when the clerk should look, why. */
export interface Read {
  value: FormValue;
  problem: string | null;
}

const shown = (s: string): string => `«${s.length > 40 ? `${s.slice(0, 40)}…` : s}»`;
const vnNumber = (n: number): string => String(n).replace('.', ',');

/**
 * A number typed as text, the Vietnamese way ("1.234" thousands, "12,5" decimal) or the English
 * way ("1,234.5"). A single separator followed by exactly three digits could be either: the
 * reading the indicator makes sensible is taken, and said to be a guess.
 */
export function parseTypedNumber(raw: string, kind: 'integer' | 'decimal' | 'percent'): { n: number; guess: string | null } | null {
  const s = raw.replace(/[\s\u00a0\u202f]/g, '').replace(/^\+/, '');
  const m = /^(-?)(\d[\d.,]*)$/.exec(s);
  if (!m) return null;
  const sign = m[1] ? -1 : 1;
  const body = m[2]!;
  const grouped = (digits: string, sep: string) => new RegExp(`^\\d{1,3}(\\${sep}\\d{3})+$`).test(digits);
  const dots = body.split('.').length - 1;
  const commas = body.split(',').length - 1;
  let n: number;
  let guess: string | null = null;
  if (dots === 0 && commas === 0) n = Number(body);
  else if (dots > 0 && commas > 0) {
    const decimal = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    const [whole, fraction] = [body.slice(0, body.lastIndexOf(decimal)), body.slice(body.lastIndexOf(decimal) + 1)];
    if (!grouped(whole, group) || fraction.includes(group)) return null;
    n = Number(`${whole.split(group).join('')}.${fraction}`);
  } else {
    const sep = dots > 0 ? '.' : ',';
    const parts = body.split(sep);
    if (parts.length > 2) {
      if (!grouped(body, sep)) return null;
      n = Number(parts.join(''));
    } else {
      const [whole, fraction] = parts as [string, string];
      if (!whole || !fraction) return null;
      const asGroups = Number(`${whole}${fraction}`);
      const asDecimal = Number(`${whole}.${fraction}`);
      if (fraction.length !== 3 || whole.length > 3 || whole.startsWith('0')) n = asDecimal;
      else {
        // Vietnamese writes thousands with a dot, decimals with a comma; an integer has no decimals.
        const vietnamese = sep === '.' ? asGroups : asDecimal;
        n = kind === 'integer' ? asGroups : kind === 'percent' && vietnamese > 100 ? asDecimal : vietnamese;
        const unambiguous = kind === 'integer' && sep === '.';
        if (!unambiguous) guess = `${shown(raw)} được hiểu là ${vnNumber(sign * n)} (${n === asGroups ? `dấu "${sep}" phân cách hàng nghìn` : `dấu "${sep}" là dấu thập phân`}) — hãy kiểm tra`;
      }
    }
  }
  return Number.isFinite(n) ? { n: sign * n, guess } : null;
}

/** Reads one value cell for one indicator. */
export function readValue(cell: ExcelJS.Cell, indicator: IndicatorRow): Read {
  return readCellValue(cell.value, cell.numFmt ?? '', indicator);
}

/** Reads a value typed by the clerk (a correction) exactly as the same text typed into the unit's cell. */
export function readTypedValue(typed: string, indicator: IndicatorRow): Read {
  return readCellValue(typed.trim(), '', indicator);
}

function readCellValue(value: ExcelJS.CellValue, numFmt: string, indicator: IndicatorRow): Read {
  let v = value;
  if (v && typeof v === 'object' && !(v instanceof Date) && 'formula' in v) v = (v.result ?? null) as ExcelJS.CellValue;
  if (v && typeof v === 'object' && !(v instanceof Date) && 'sharedFormula' in v) v = (v.result ?? null) as ExcelJS.CellValue;
  if (v && typeof v === 'object' && !(v instanceof Date) && 'error' in v) return { value: null, problem: `ô báo lỗi ${v.error}` };
  const raw = v instanceof Date ? '' : text(v);
  const empty = v === null || v === undefined || (typeof v !== 'number' && typeof v !== 'boolean' && !(v instanceof Date) && raw === '');
  if (empty) return { value: null, problem: indicator.required ? 'chưa nhập số liệu (chỉ tiêu bắt buộc)' : null };
  if (v instanceof Date) return { value: null, problem: 'ô chứa ngày tháng, không phải số liệu (Excel có thể đã tự đổi số thành ngày) — hãy xem lại' };

  switch (indicator.valueKind) {
    case 'text':
      return { value: typeof v === 'number' ? vnNumber(v) : raw, problem: null };
    case 'boolean': {
      if (typeof v === 'boolean') return { value: v, problem: null };
      const f = fold(raw).replace(/[^a-z0-9 ]+/g, ' ').replace(/\s+/g, ' ').trim();
      if (yes.has(f) || /^(co|da)\s/.test(f)) return { value: true, problem: null };
      if (no.has(f) || /^(khong|chua)\s/.test(f)) return { value: false, problem: null };
      return { value: null, problem: `${shown(raw)}: không rõ là Có hay Không` };
    }
    default:
      return readNumber(v, raw, numFmt, indicator, indicator.valueKind);
  }
}

function readNumber(v: ExcelJS.CellValue, raw: string, numFmt: string, indicator: IndicatorRow, kind: 'integer' | 'decimal' | 'percent'): Read {
  let n: number;
  let guess: string | null = null;
  if (typeof v === 'number') {
    // A cell formatted as a percentage shows 85% but holds 0.85.
    n = kind === 'percent' && numFmt.includes('%') ? Math.round(v * 100 * 1e9) / 1e9 : v;
  } else if (typeof v === 'boolean') {
    return { value: null, problem: `${shown(raw)} không phải là số` };
  } else {
    let typed = raw;
    if (kind === 'percent') typed = typed.replace(/\s*%$/, '');
    // "12 buổi": the number followed by the indicator's own unit of measure.
    const unit = fold(indicator.unit).trim();
    const withUnit = /^(.*?\d)\s*(\p{L}[\p{L}\s,.]*)$/u.exec(typed);
    if (withUnit && unit && unit.includes(fold(withUnit[2]!).replace(/[.,\s]+$/, '').trim())) typed = withUnit[1]!;
    const parsed = parseTypedNumber(typed, kind);
    if (!parsed) return { value: null, problem: `${shown(raw)} không phải là số` };
    ({ n, guess } = parsed);
  }
  if (n < 0) return { value: null, problem: `${vnNumber(n)} là số âm — số liệu không được âm` };
  if (kind === 'integer' && !Number.isInteger(n)) return { value: null, problem: `${vnNumber(n)} không phải là số nguyên` };
  if (kind === 'percent' && n > 100) return { value: null, problem: `tỷ lệ ${vnNumber(n)}% vượt quá 100%` };
  return { value: n, problem: guess };
}

// ---------------------------------------------------------------------------------------------
// Reading a workbook

const columnLetter = (col: number): string => {
  let s = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
};

const indicatorsOf = (form: DataForm): IndicatorRow[] => form.rows.filter((r): r is IndicatorRow => r.kind === 'indicator');

/** The cell to the right of a label such as "Đơn vị báo cáo:", in the first rows of a sheet. */
function labelledValue(sheet: ExcelJS.Worksheet, label: RegExp): string | null {
  for (let r = 1; r <= Math.min(sheet.rowCount, 15); r++) {
    const row = sheet.getRow(r);
    for (let c = 1; c <= Math.min(sheet.columnCount, 10); c++) {
      if (!label.test(fold(text(row.getCell(c).value)))) continue;
      const after = text(row.getCell(c).value).split(':').slice(1).join(':').trim();
      if (after) return after;
      for (let k = c + 1; k <= sheet.columnCount; k++) {
        const cell = row.getCell(k);
        if (cell.isMerged && cell.master.address === row.getCell(c).master.address) continue;
        const t = text(cell.value);
        if (t) return t;
      }
    }
  }
  return null;
}

interface Located {
  row: number;
  col: number;
  score: number;
}

/**
 * Finds each indicator's row by its name: the best-scoring cell for every indicator, each row
 * used once. `nameColumn` limits the search to one column (our own layout).
 */
function locateByNames(sheet: ExcelJS.Worksheet, indicators: IndicatorRow[], nameColumn: number | null): Map<string, Located> {
  const candidates: (Located & { code: string })[] = [];
  const targets = indicators.map((i) => ({ code: i.code, key: comparableIndicatorName(i.name) }));
  sheet.eachRow((row, r) => {
    if (r > MAX_ROWS_SEARCHED) return;
    const cols = nameColumn ? [nameColumn] : Array.from({ length: Math.min(row.cellCount, MAX_COLUMNS_SEARCHED) }, (_, i) => i + 1);
    for (const c of cols) {
      const t = text(row.getCell(c).value);
      if (t.length < 3 || t.length > 400 || !/\p{L}/u.test(t)) continue;
      const key = comparableIndicatorName(t);
      for (const target of targets) {
        const score = similarity(key, target.key);
        if (score >= NAME_THRESHOLD) candidates.push({ code: target.code, row: r, col: c, score });
      }
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.row - b.row);
  const found = new Map<string, Located>();
  const usedRows = new Set<number>();
  for (const c of candidates) {
    if (found.has(c.code) || usedRows.has(c.row)) continue;
    found.set(c.code, c);
    usedRows.add(c.row);
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// A table the unit retyped: its own columns, anywhere on the sheet

/** Header words (folded) of the column of indicator names: "Tên chỉ tiêu", "Nội dung", "Chỉ tiêu". */
const NAME_HEADER = /\b(chi tieu|noi dung|danh muc|tieu chi|hang muc|cong viec)\b/;
/** Header words of a column of values, strongest first: what was done beats a plain "Kết quả" beats a year. */
const VALUE_HEADERS: readonly (readonly [RegExp, number])[] = [
  [/\bthuc hien\b/, 3],
  [/\b(ket qua|so lieu|so luong|gia tri|tong so)\b/, 2],
  [/\b(19|20)\d{2}\b/, 1],
];
/** Header words of columns that hold no reported value: targets, comparisons, notes, units, numbering. */
const NOT_VALUE_HEADER = /\b(ke hoach|chi tieu giao|muc tieu|cung ky|so voi|so sanh|ghi chu|dvt|d v t|don vi tinh|stt|tt)\b|^don vi$/;
/** Header words of the column of the unit's remarks. */
const NOTE_HEADER = /\b(ghi chu|chu thich)\b/;
/** A header cell is short; a longer text above the table is a title or a note. */
const MAX_HEADER_CHARS = 60;
/** How far right of the names the values are looked for, and how far up the header. */
const VALUE_COLUMNS_SEARCHED = 8;
const HEADER_ROWS_SEARCHED = 6;
/** How far above a retyped table its title and period are looked for. */
const MAX_LINES_ABOVE = 15;

const isHeaderWord = (t: string): boolean => NAME_HEADER.test(t) || NOT_VALUE_HEADER.test(t) || VALUE_HEADERS.some(([re]) => re.test(t));
const numeric = (v: ExcelJS.CellValue): boolean => typeof v === 'number' || /^\s*-?\d[\d.,\s]*%?\s*$/.test(text(v));

/** The folded header cells of a row, by column, when at least two cells use header words ("TT", "Chỉ tiêu", "Kết quả"). */
function headerCells(row: ExcelJS.Row): Map<number, string> | null {
  const cells = new Map<number, string>();
  for (let c = 1; c <= Math.min(row.cellCount, MAX_COLUMNS_SEARCHED + VALUE_COLUMNS_SEARCHED); c++) {
    const t = text(row.getCell(c).value);
    if (t && t.length <= MAX_HEADER_CHARS) cells.set(c, comparableIndicatorName(t));
  }
  return [...cells.values()].filter(isHeaderWord).length >= 2 ? cells : null;
}

/**
 * The header above the table's first indicator row: the nearest header row (group rows such as
 * "II. Kết quả tuyên truyền" may come between) and the header rows right above it (a two-level
 * header, "Kết quả" over "Kế hoạch | Thực hiện"); each column's words joined, top first.
 */
function headerAbove(sheet: ExcelJS.Worksheet, firstRow: number): Map<number, string> {
  const rows: Map<number, string>[] = [];
  for (let r = firstRow - 1; r >= Math.max(1, firstRow - HEADER_ROWS_SEARCHED); r--) {
    const cells = headerCells(sheet.getRow(r));
    if (cells) rows.unshift(cells);
    else if (rows.length) break;
  }
  const columns = new Map<number, string>();
  for (const cells of rows) {
    for (const [c, t] of cells) {
      const above = columns.get(c);
      // A cell merged over two header rows reads the same in both.
      if (above !== t) columns.set(c, above ? `${above} ${t}` : t);
    }
  }
  return columns;
}

/** How strongly a column's header says it holds the reported values; 0 when it does not. */
function valueHeaderScore(header: string): number {
  if (NOT_VALUE_HEADER.test(header)) return 0;
  const score = Math.max(0, ...VALUE_HEADERS.filter(([re]) => re.test(header)).map(([, s]) => s));
  // Of "Năm 2020 | Năm 2021", the later year is the one reported on.
  const year = /\b(?:19|20)\d{2}\b/.exec(header)?.[0];
  return score && year ? score + Number(year) / 1e5 : score;
}

/** The most frequent of some numbers, the smallest on a tie. */
function mostFrequent(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
}

/** A retyped table: where the names and the values are, and whether its header said so. */
interface RetypedTable {
  sheet: ExcelJS.Worksheet;
  located: Map<string, Located>;
  valueColumn: number;
  /** The column the header calls "Ghi chú", if any. */
  noteColumn: number | null;
  /** True when the header names the column of indicators and the column of values. */
  headed: boolean;
}

/**
 * Reads the layout of a table a unit typed itself: the names column is where most indicator
 * names are (the header's "Chỉ tiêu"/"Nội dung" column when names are there too); the values
 * column is the one the header calls "Thực hiện", "Kết quả", "Số liệu", "Năm 2021"…, else the
 * column right of the names where most indicator rows hold a number. Columns of targets,
 * units, notes and numbering never hold the values.
 */
function retypedTable(sheet: ExcelJS.Worksheet, anywhere: Map<string, Located>, indicators: IndicatorRow[]): RetypedTable {
  const firstRow = Math.min(...[...anywhere.values()].map((l) => l.row));
  const header = headerAbove(sheet, firstRow);
  const columns = [...anywhere.values()].map((l) => l.col);
  const headedNames = [...header].find(([c, t]) => NAME_HEADER.test(t) && columns.includes(c))?.[0];
  const nameColumn = headedNames ?? mostFrequent(columns);
  // A name also found in another column (a note repeating it) is looked for again in the names column.
  const located = columns.every((c) => c === nameColumn) ? anywhere : locateByNames(sheet, indicators, nameColumn);

  const candidates = Array.from({ length: VALUE_COLUMNS_SEARCHED }, (_, i) => nameColumn + 1 + i).filter((c) => !NOT_VALUE_HEADER.test(header.get(c) ?? ''));
  const filled = (c: number, test: (v: ExcelJS.CellValue) => boolean) => [...located.values()].filter((l) => test(sheet.getCell(l.row, c).value)).length;
  const byHeader = candidates
    .map((c) => ({ c, score: valueHeaderScore(header.get(c) ?? ''), filled: filled(c, (v) => text(v) !== '' || typeof v === 'number') }))
    .filter((h) => h.score > 0)
    .sort((a, b) => Number(b.filled > 0) - Number(a.filled > 0) || b.score - a.score || a.c - b.c);
  const headed = headedNames !== undefined && byHeader.length > 0;
  const noteColumn = [...header].find(([c, t]) => c > nameColumn && NOTE_HEADER.test(t))?.[0] ?? null;
  if (byHeader[0]?.filled) return { sheet, located, valueColumn: byHeader[0].c, noteColumn, headed };
  const byContent = candidates.map((c) => ({ c, numbers: filled(c, numeric) })).sort((a, b) => b.numbers - a.numbers || a.c - b.c)[0];
  const valueColumn = byContent?.numbers ? byContent.c : (byHeader[0]?.c ?? candidates[0] ?? nameColumn + 1);
  return { sheet, located, valueColumn, noteColumn, headed };
}

/**
 * The period a table states, for a file that names none in a hidden sheet or drop-down: its
 * value column's header ("Năm 2021"), else a line above the table ("Kèm theo Công văn số
 * 864/STTTT-TTBCBC …; năm 2021"). Header rows are left out of the lines: their other columns
 * ("Năm 2020" beside "Năm 2021") are not what is reported on.
 */
function periodStated(table: RetypedTable): string | null {
  const firstRow = Math.min(...[...table.located.values()].map((l) => l.row));
  const valueHeader: string[] = [];
  const linesAbove: string[] = [];
  for (let r = firstRow - 1; r >= Math.max(1, firstRow - MAX_LINES_ABOVE); r--) {
    const row = table.sheet.getRow(r);
    if (r >= firstRow - HEADER_ROWS_SEARCHED) valueHeader.push(text(row.getCell(table.valueColumn).value));
    if (headerCells(row)) continue;
    const cells = Array.from({ length: Math.min(row.cellCount, MAX_COLUMNS_SEARCHED) }, (_, i) => text(row.getCell(i + 1).value));
    linesAbove.unshift(cells.filter(Boolean).join(' '));
  }
  for (const t of [...valueHeader, ...linesAbove]) {
    const said = periodMentions(t, null).find((p) => !p.forward && !p.inferredYear);
    if (said) return said.key;
  }
  return null;
}

/** The period of a file: the hidden sheet's, else the one chosen in its drop-down, else the one its table states. */
function periodOf(meta: FormMetadata | null, chosen: string | null, table: RetypedTable | null): Pick<FormReading, 'periodKey' | 'periodFrom'> {
  if (meta?.periodKey) return { periodKey: meta.periodKey, periodFrom: 'metadata' };
  const picked = chosen && meta?.periods.find((p) => fold(p.label).trim() === fold(chosen).trim() || p.key === chosen.trim())?.key;
  if (picked) return { periodKey: picked, periodFrom: 'chosen' };
  const stated = table && periodStated(table);
  return stated ? { periodKey: stated, periodFrom: 'table' } : { periodKey: null, periodFrom: null };
}

/** A note longer than this is cut: it is a remark beside a figure, not a report. */
const MAX_NOTE_CHARS = 1000;

/** Reads the values found at `cells` (indicator code → address), the notes beside them, and what is missing. */
function readCells(sheet: ExcelJS.Worksheet, indicators: IndicatorRow[], cells: Map<string, string>, noteColumn: number | null): Pick<FormReading, 'values' | 'problems' | 'notes' | 'found'> {
  const values: Record<string, FormValue> = {};
  const problems: FormCellProblem[] = [];
  const notes: Record<string, string> = {};
  for (const i of indicators) {
    const address = cells.get(i.code);
    if (!address) {
      values[i.code] = null;
      problems.push({ cell: null, indicatorCode: i.code, message: `không tìm thấy dòng chỉ tiêu "${i.name}" trong bảng` });
      continue;
    }
    const cell = sheet.getCell(address);
    const read = readValue(cell, i);
    values[i.code] = read.value;
    if (read.problem) problems.push({ cell: address, indicatorCode: i.code, message: read.problem });
    const note = noteColumn ? text(sheet.getCell(cell.row, noteColumn).value).replace(/\s+/g, ' ') : '';
    if (note) notes[i.code] = note.length > MAX_NOTE_CHARS ? `${note.slice(0, MAX_NOTE_CHARS)}…` : note;
  }
  return { values, problems, notes, found: cells.size };
}

/** The visible sheet where most indicator names are, read as a retyped table. */
function bestRetypedTable(wb: ExcelJS.Workbook, indicators: IndicatorRow[]): RetypedTable | null {
  let best: { sheet: ExcelJS.Worksheet; located: Map<string, Located> } | null = null;
  for (const sheet of wb.worksheets) {
    if (sheet.state !== 'visible') continue;
    const located = locateByNames(sheet, indicators, null);
    if (located.size > 0 && (!best || located.size > best.located.size)) best = { sheet, located };
  }
  return best && retypedTable(best.sheet, best.located, indicators);
}

/**
 * Reads a workbook against a form: by code when its hidden sheet names this form and version,
 * else by indicator names. Null when the workbook does not look like this form at all: fewer
 * than a third of its indicators found by name, unless the table's header names its column of
 * indicators and its column of values (a unit may retype only the rows it has figures for).
 */
export function readForm(wb: ExcelJS.Workbook, form: DataForm): FormReading | null {
  const indicators = indicatorsOf(form);
  const meta = formMetadata(wb);
  const ours = meta?.formKey === form.formKey ? meta : null;
  // A renamed sheet is still ours: the first visible one.
  const ourSheet = ours ? (wb.getWorksheet(ours.dataSheet) ?? wb.worksheets.find((w) => w.state === 'visible')) : undefined;
  const unitName = ours && ourSheet ? text(ourSheet.getCell(ours.unitCell).value) || null : null;
  const chosenPeriod = ours && ourSheet ? text(ourSheet.getCell(ours.periodCell).value) || null : null;

  // Our layout keeps the notes right of the values unless the hidden sheet says otherwise.
  const ourNotes = ours && ourSheet ? (ours.noteColumn ? ourSheet.getColumn(ours.noteColumn).number : ourSheet.getColumn(ours.valueColumn).number + 1) : null;
  if (ours && ourSheet && ours.formVersion === form.version) {
    const valueCol = ourSheet.getColumn(ours.valueColumn).number;
    const cells = new Map<string, string>();
    const unplaced: IndicatorRow[] = [];
    for (const i of indicators) {
      const row = ours.indicators.find((m) => m.code === i.code)?.row;
      // The row the file was written with, if it still holds this indicator (rows may have been inserted).
      if (row && indicatorNameSimilarity(text(ourSheet.getCell(row, 2).value), i.name) >= NAME_THRESHOLD) cells.set(i.code, `${ours.valueColumn}${row}`);
      else unplaced.push(i);
    }
    if (unplaced.length) {
      for (const [code, l] of locateByNames(ourSheet, unplaced, 2)) cells.set(code, `${columnLetter(valueCol)}${l.row}`);
    }
    return { readBy: 'metadata', formVersion: ours.formVersion, meta: ours, ...readCells(ourSheet, indicators, cells, ourNotes), unitName, ...periodOf(ours, chosenPeriod, null), byNamesBecause: null };
  }

  // An old version of our form keeps our layout: names in column B, values where the hidden sheet says.
  const byLayout = ours && ourSheet ? locateByNames(ourSheet, indicators, 2) : null;
  const table: RetypedTable | null =
    byLayout && byLayout.size > 0
      ? { sheet: ourSheet!, located: byLayout, valueColumn: ourSheet!.getColumn(ours!.valueColumn).number, noteColumn: ourNotes, headed: true }
      : bestRetypedTable(wb, indicators);
  // A few names in a table whose header reads "Chỉ tiêu … Kết quả" is a short form; a few names anywhere else are not a form.
  if (!table || table.located.size < (table.headed ? 1 : Math.ceil(indicators.length / 3))) return null;
  const cells = new Map([...table.located].map(([code, l]) => [code, `${columnLetter(table.valueColumn)}${l.row}`]));
  const because = ours
    ? `biểu số liệu theo mẫu cũ (phiên bản ${ours.formVersion}, nay là phiên bản ${form.version}) nên được đọc theo tên chỉ tiêu`
    : meta
      ? 'biểu số liệu không thuộc biểu mẫu hiện có (có thể biểu đã bị xóa và lập lại) nên được đọc theo tên chỉ tiêu'
      : 'bảng số liệu không do VănThư tạo (có thể đơn vị đã gõ lại bảng) nên được đọc theo tên chỉ tiêu';
  return {
    readBy: 'names',
    formVersion: ours?.formVersion ?? null,
    meta: ours,
    ...readCells(table.sheet, indicators, cells, table.noteColumn),
    unitName: unitName ?? labelledValue(table.sheet, /^\s*(ten\s+)?(co quan,?\s*)?don vi( bao cao)?\s*:/),
    ...periodOf(ours, chosenPeriod, table),
    byNamesBecause: because,
  };
}

/** The review reason for a reading ("biểu số liệu có 1 ô cần kiểm tra: D12 «mười» không phải là số"), or null. */
export function reviewReasonOf(reading: FormReading): string | null {
  const parts: string[] = [];
  if (reading.byNamesBecause) parts.push(`${reading.byNamesBecause} — cần đối chiếu số liệu`);
  const indicators = Object.keys(reading.values).length;
  if (reading.found < indicators) parts.push(`bảng chỉ có ${reading.found}/${indicators} chỉ tiêu của biểu`);
  const cells = cellProblemsReason(reading.problems);
  if (cells) parts.push(cells);
  return parts.length ? parts.join('; ') : null;
}

/** The part of a review reason about cells ("biểu số liệu có 1 ô cần kiểm tra: D12: «mười» không phải là số"), or null. */
export function cellProblemsReason(problems: readonly FormCellProblem[]): string | null {
  const cells = problems.filter((p) => p.cell !== null);
  if (!cells.length) return null;
  const listed = cells.slice(0, 3).map((p) => `${p.cell}: ${p.message}`);
  return `biểu số liệu có ${cells.length} ô cần kiểm tra: ${listed.join('; ')}${cells.length > 3 ? '; …' : ''}`;
}
