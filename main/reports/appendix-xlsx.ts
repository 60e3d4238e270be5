import ExcelJS from 'exceljs';
import type { Aggregation, FormCorrection, FormValue, IndicatorRow } from '../../shared/domain/form.js';
import { OBLIGATION_LABELS, type TrackingPeriod } from '../../shared/domain/tracking.js';
import { STATUS_FILL } from '../tracking/tracking-xlsx.js';
import { landscapeSheet } from '../render/register-xlsx.js';
import { formatShortDate } from '../../shared/nd30/date-line.js';
import type { ConsolidationResult } from './consolidate.js';

/**
 * The report's appendix (phụ lục) as .xlsx: "Tổng hợp", units × indicators with the totals as
 * formulas (so that the superior body can check them); "Ghi chú", what is to be said about
 * some of those values (the unit's own note, a value corrected as the unit confirmed it, a value
 * left out), listed so that it prints (cell notes do not), and also as cell notes on the values;
 * and "Tình hình báo cáo", who reported when. Times New Roman, A4 landscape, fit to the page
 * width, header rows repeated on every page. Each formula carries its result, so viewers that
 * do not calculate still show the figures.
 */

export interface AppendixInput {
  /** Null when the dispatch has no data form: only the reporting sheet is written. */
  consolidation: ConsolidationResult | null;
  tracking: TrackingPeriod;
  agencyName: string;
  /** "Công văn số 864/STTTT-TTBCBC ngày 03/8/2021". */
  dispatchCitation: string;
}

const FONT = { name: 'Times New Roman', size: 12 } as const;
const BORDER = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } } as const;
const YES = 'Có';
const NO = 'Không';
const WHOLE = '#,##0';
const DECIMAL = '#,##0.00';
const vnDate = (iso: string | null): string => (iso ? iso.split('-').reverse().join('/') : '');

/** Agency on row 1, the title on row 2, a line of detail on row 3, across `columns` columns. */
function titleRows(sheet: ExcelJS.Worksheet, columns: number, agency: string, title: string, detail: string): void {
  const lines: [string, Partial<ExcelJS.Font>][] = [
    [agency.toLocaleUpperCase('vi') || 'CƠ QUAN', { ...FONT, bold: true }],
    [title, { ...FONT, size: 14, bold: true }],
    [detail, { ...FONT, italic: true }],
  ];
  lines.forEach(([text, font], i) => {
    sheet.mergeCells(i + 1, 1, i + 1, Math.max(columns, 2));
    const cell = sheet.getCell(i + 1, 1);
    cell.value = text;
    cell.font = font;
    cell.alignment = { horizontal: i === 0 ? 'left' : 'center', vertical: 'middle', wrapText: true };
  });
  sheet.getRow(3).height = 32;
}

function frame(sheet: ExcelJS.Worksheet, fromRow: number, toRow: number, columns: number): void {
  for (let r = fromRow; r <= toRow; r++) for (let c = 1; c <= columns; c++) sheet.getCell(r, c).border = BORDER;
}

function cellValue(value: FormValue | undefined): ExcelJS.CellValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? YES : NO;
  return value;
}

/** A value as the file gave it, in a sentence: «mười lăm», 12,5, Có, an empty cell. */
function shownValue(value: FormValue): string {
  if (value === null || value === '') return 'ô trống';
  if (typeof value === 'boolean') return value ? YES : NO;
  return typeof value === 'number' ? String(value).replace('.', ',') : `«${value}»`;
}

/** "Đã sửa theo xác nhận của đơn vị ngày 20/11/2021 (trong tệp, ô D12: «mười lăm» không phải là số)". */
function correctionNote(c: FormCorrection): string {
  return `Đã sửa theo xác nhận của đơn vị ngày ${formatShortDate(c.on)} (trong tệp${c.cell ? `, ô ${c.cell}` : ''}: ${c.readProblem ?? shownValue(c.readValue)})`;
}

const noteKey = (unitId: number, code: string): string => `${unitId}\u0000${code}`;

/** What is said about each unit's value that needs a word, by unit and indicator code, in the order said. */
function valueNotes(result: ConsolidationResult): Map<string, string[]> {
  const notes = new Map<string, string[]>();
  const add = (unitId: number, code: string, text: string) => {
    const key = noteKey(unitId, code);
    notes.set(key, [...(notes.get(key) ?? []), text]);
  };
  for (const r of result.remarks) {
    if (r.correction) add(r.unitId, r.indicatorCode, correctionNote(r.correction));
    if (r.note) add(r.unitId, r.indicatorCode, `Ghi chú của đơn vị: ${r.note}`);
  }
  for (const e of result.excluded) add(e.unitId, e.indicatorCode, `Số liệu không hợp lệ, chưa tổng hợp: ${e.reason}`);
  return notes;
}

/** The total's formula over `range` and the one counting the units that gave a value there. */
function totalFormula(aggregation: Aggregation, range: string): string {
  const ifAny = (f: string) => `IF(COUNT(${range})=0,"",${f}(${range}))`;
  switch (aggregation) {
    case 'sum':
      return `SUM(${range})`;
    case 'average':
      return ifAny('AVERAGE');
    case 'min':
      return ifAny('MIN');
    case 'max':
      return ifAny('MAX');
    case 'count_yes':
      return `COUNTIF(${range},"${YES}")`;
    case 'list':
      return `COUNTA(${range})`;
  }
}

const numeric = (row: IndicatorRow): boolean => row.valueKind === 'integer' || row.valueKind === 'decimal' || row.valueKind === 'percent';

function figuresSheet(wb: ExcelJS.Workbook, input: AppendixInput, result: ConsolidationResult, notes: Map<string, string[]>): void {
  const { consolidation } = result;
  const indicators = consolidation.form.rows.filter((r): r is IndicatorRow => r.kind === 'indicator');
  const groups = consolidation.form.rows.some((r) => r.kind === 'group');
  const columns = 2 + indicators.length;
  const firstHeader = 5;
  const lastHeader = groups ? firstHeader + 1 : firstHeader;
  const sheet = landscapeSheet(wb, 'Tổng hợp', `${firstHeader}:${lastHeader}`);
  sheet.columns = [{ width: 6 }, { width: 34 }, ...indicators.map((r) => ({ width: r.valueKind === 'text' ? 30 : 14 }))];
  titleRows(
    sheet,
    columns,
    input.agencyName,
    `PHỤ LỤC: ${consolidation.form.title.toLocaleUpperCase('vi')}`,
    `${input.tracking.period.label}; tổng hợp theo ${input.dispatchCitation} (số liệu của ${consolidation.units.length} cơ quan, đơn vị)`,
  );

  // Header: the groups over their indicators (when the form has groups), then each indicator with its ĐVT.
  const header = sheet.getRow(lastHeader);
  sheet.getCell(firstHeader, 1).value = 'STT';
  sheet.getCell(firstHeader, 2).value = 'Cơ quan, đơn vị';
  indicators.forEach((r, i) => (header.getCell(3 + i).value = r.unit ? `${r.name} (${r.unit})` : r.name));
  if (groups) {
    sheet.mergeCells(firstHeader, 1, lastHeader, 1);
    sheet.mergeCells(firstHeader, 2, lastHeader, 2);
    let column = 3;
    let group: { label: string; from: number } | null = null;
    const closeGroup = () => {
      if (group && column > group.from) {
        sheet.mergeCells(firstHeader, group.from, firstHeader, column - 1);
        sheet.getCell(firstHeader, group.from).value = group.label;
      }
    };
    for (const row of consolidation.form.rows) {
      if (row.kind === 'group') {
        closeGroup();
        group = { label: row.label, from: column };
      } else column += 1;
    }
    closeGroup();
  }
  for (let r = firstHeader; r <= lastHeader; r++) {
    const row = sheet.getRow(r);
    row.font = { ...FONT, bold: true };
    row.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  }
  header.height = 75;

  const firstData = lastHeader + 1;
  consolidation.units.forEach((unit, index) => {
    const row = sheet.addRow([index + 1, unit.unitName, ...indicators.map((r) => cellValue(unit.values[r.code]))]);
    row.font = FONT;
    row.alignment = { vertical: 'top', wrapText: true };
    if (notes.size === 0) return;
    indicators.forEach((r, i) => {
      const said = notes.get(noteKey(unit.unitId, r.code));
      if (said) row.getCell(3 + i).note = said.join('\n');
    });
  });
  const lastData = firstData + consolidation.units.length - 1;

  if (consolidation.units.length === 0) {
    sheet.mergeCells(firstData, 1, firstData, columns);
    sheet.getCell(firstData, 1).value = 'Chưa có cơ quan, đơn vị nào gửi biểu số liệu.';
    sheet.getCell(firstData, 1).font = { ...FONT, italic: true };
    frame(sheet, firstHeader, firstData, columns);
    return;
  }

  const figures = new Map(consolidation.rows.flatMap((r) => (r.kind === 'indicator' ? [[r.indicator.code, r.indicator] as const] : [])));
  const total = sheet.addRow(['', 'Tổng hợp']);
  const counted = sheet.addRow(['', 'Số đơn vị báo cáo']);
  indicators.forEach((r, i) => {
    const letter = sheet.getColumn(3 + i).letter;
    const range = `${letter}${firstData}:${letter}${lastData}`;
    const figure = figures.get(r.code);
    const value = figure?.value ?? null;
    total.getCell(3 + i).value = {
      formula: totalFormula(r.aggregation, range),
      result: r.aggregation === 'list' ? (figure?.contributors ?? 0) : typeof value === 'number' ? value : '',
    };
    counted.getCell(3 + i).value = {
      formula: numeric(r) ? `COUNT(${range})` : `COUNTA(${range})`,
      result: figure?.contributors ?? 0,
    };
    if (numeric(r)) {
      const whole = r.valueKind === 'integer';
      for (let row = firstData; row <= lastData; row++) sheet.getCell(row, 3 + i).numFmt = whole ? WHOLE : DECIMAL;
      total.getCell(3 + i).numFmt = whole && r.aggregation !== 'average' ? WHOLE : DECIMAL;
    }
  });
  for (const row of [total, counted]) {
    row.font = { ...FONT, bold: true };
    row.alignment = { vertical: 'top' };
  }
  frame(sheet, firstHeader, counted.number, columns);
  if (notes.size > 0) {
    const pointer = sheet.addRow(['', `Một số số liệu có ghi chú (của đơn vị, đã sửa hoặc chưa tổng hợp): xem trang “${NOTES_SHEET}”.`]);
    pointer.font = { ...FONT, italic: true };
  }
  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: lastHeader }];
}

const NOTES_SHEET = 'Ghi chú';

/** "Ghi chú": one row per unit's value that needs a word, in the units' order and the form's. */
function notesSheet(wb: ExcelJS.Workbook, input: AppendixInput, result: ConsolidationResult, notes: Map<string, string[]>): void {
  const { consolidation } = result;
  const indicators = consolidation.form.rows.filter((r): r is IndicatorRow => r.kind === 'indicator');
  const headers = ['STT', 'Cơ quan, đơn vị', 'Chỉ tiêu', 'Số liệu tổng hợp', 'Ghi chú'];
  const sheet = landscapeSheet(wb, NOTES_SHEET, '5:5');
  sheet.columns = [{ width: 6 }, { width: 30 }, { width: 40 }, { width: 14 }, { width: 60 }];
  titleRows(sheet, headers.length, input.agencyName, 'GHI CHÚ VỀ SỐ LIỆU CỦA CÁC CƠ QUAN, ĐƠN VỊ', `${input.tracking.period.label}; kèm theo trang “Tổng hợp”`);
  const header = sheet.getRow(5);
  header.values = headers;
  header.font = { ...FONT, bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  let n = 0;
  for (const unit of consolidation.units) {
    for (const r of indicators) {
      const said = notes.get(noteKey(unit.unitId, r.code));
      if (!said) continue;
      const row = sheet.addRow([++n, unit.unitName, r.unit ? `${r.name} (${r.unit})` : r.name, cellValue(unit.values[r.code]), said.join('\n')]);
      row.font = FONT;
      row.alignment = { vertical: 'top', wrapText: true };
      if (typeof unit.values[r.code] === 'number') row.getCell(4).numFmt = r.valueKind === 'integer' ? WHOLE : DECIMAL;
    }
  }
  frame(sheet, 5, sheet.rowCount, headers.length);
  sheet.views = [{ state: 'frozen', ySplit: 5 }];
}

function reportingSheet(wb: ExcelJS.Workbook, input: AppendixInput): void {
  const t = input.tracking;
  const sheet = landscapeSheet(wb, 'Tình hình báo cáo', '5:5');
  const headers = ['STT', 'Cơ quan, đơn vị', 'Tình trạng', 'Ngày nhận', 'Số đến', 'Số ngày trễ'];
  sheet.columns = [{ width: 6 }, { width: 44 }, { width: 16 }, { width: 13 }, { width: 14 }, { width: 12 }];
  titleRows(
    sheet,
    headers.length,
    input.agencyName,
    'TÌNH HÌNH BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ',
    `${t.period.label}, hạn cuối ngày ${vnDate(t.period.dueDate)}; theo ${input.dispatchCitation}`,
  );
  const header = sheet.getRow(5);
  header.values = headers;
  header.font = { ...FONT, bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  t.rows.forEach((r, i) => {
    // Days late only for a report that came late: for a missing one the number means days overdue, said by the status.
    const daysLate = r.status === 'late' ? r.daysLate : null;
    const registered = r.documents.filter((d) => d.status === 'registered');
    const row = sheet.addRow([
      i + 1,
      r.unit.name,
      OBLIGATION_LABELS[r.status],
      vnDate(r.receivedDate) || null,
      registered.map((d) => `${d.arrivalNumber}/${d.arrivalYear}`).join(', ') || null,
      daysLate,
    ]);
    row.font = FONT;
    row.alignment = { vertical: 'top', wrapText: true };
    row.getCell(3).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: STATUS_FILL[r.status] } };
  });
  frame(sheet, 5, sheet.rowCount, headers.length);
  const c = t.counts;
  const summary = sheet.addRow(['', `Phải báo cáo ${c.expected}; đã nhận ${c.received} (đúng hạn ${c.onTime}, trễ hạn ${c.late}); chưa báo cáo ${c.missing}; đang xem xét ${c.inReview}; miễn ${c.exempt}.`]);
  sheet.mergeCells(summary.number, 2, summary.number, headers.length);
  summary.font = { ...FONT, italic: true };
  sheet.views = [{ state: 'frozen', ySplit: 5 }];
}

export async function writeAppendixXlsx(input: AppendixInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'VănThư';
  if (input.consolidation) {
    const notes = valueNotes(input.consolidation);
    figuresSheet(wb, input, input.consolidation, notes);
    if (notes.size > 0) notesSheet(wb, input, input.consolidation, notes);
  }
  reportingSheet(wb, input);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
