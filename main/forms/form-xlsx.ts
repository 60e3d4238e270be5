import ExcelJS from 'exceljs';
import type { DataForm, IndicatorKind, IndicatorRow } from '../../shared/domain/form.js';
import type { Dispatch } from '../../shared/domain/dispatch.js';

/**
 * The .xlsx a unit fills in (issue 6): title, the dispatch it belongs to, the unit and period,
 * and the table STT | Chỉ tiêu | ĐVT | Số liệu | Ghi chú. Only the value and note cells (and the
 * unit and period when left to choose) are unlocked; the sheet is protected WITHOUT a password:
 * the protection prevents slips (typing over a name, deleting a row), not a determined unit, and
 * the reader tolerates edited tables anyway. What identifies a returned file is in a `veryHidden`
 * sheet (exceljs cannot write custom document properties): form key and version, dispatch, unit,
 * period, and where each indicator's row is.
 */

export const DATA_SHEET = 'Biểu số liệu';
export const META_SHEET = 'vanthu';
/** The first cell of the hidden sheet: a returned workbook is ours when it says this. */
export const META_MARKER = 'vanthu-bieu-so-lieu';

/** Where the form puts things; the reader takes them from the hidden sheet, so changing these keeps old files readable. */
const LAYOUT = { unitCell: 'C4', periodCell: 'C5', headerRow: 7, firstRow: 8, valueColumn: 'D', noteColumn: 'E' } as const;
/** Columns of the hidden sheet that hold the drop-down lists. */
const UNIT_LIST_COLUMN = 'H';
const PERIOD_LIST_COLUMN = 'I';

/** The key/value rows of the hidden sheet, in order, then one row per indicator under INDICATOR_HEADER. */
export interface FormMetadata {
  formKey: string;
  formVersion: number;
  dispatchId: number;
  unitId: number | null;
  periodKey: string | null;
  dataSheet: string;
  unitCell: string;
  periodCell: string;
  valueColumn: string;
  /** Where the unit's "Ghi chú" is; null in files written before it was recorded (right of the values). */
  noteColumn: string | null;
  /** Each indicator's code, the row it was written on, and its name then. */
  indicators: { code: string; row: number; name: string }[];
  /** The period labels offered in the drop-down, with their keys (a blank form's chosen period is read back by label). */
  periods: { key: string; label: string }[];
}
export const INDICATOR_HEADER = ['code', 'row', 'name'] as const;

export interface FormXlsxContext {
  /** "Kèm theo Công văn số 864/STTTT-TTBCBC ngày 03/8/2021 của Sở Thông tin và Truyền thông". */
  reference: string;
  /** The unit the file is for (its name printed and locked), or null for a blank with a drop-down. */
  unit: { id: number; name: string } | null;
  /** The expected units' names, offered in a blank form's drop-down. */
  unitChoices: string[];
  period: { key: string; label: string } | null;
  periodChoices: { key: string; label: string }[];
}

const FONT = { name: 'Times New Roman', size: 12 } as const;
const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, bottom: THIN, left: THIN, right: THIN } as const;
/** A pale yellow for the cells to type into, so they stand out from the protected ones. */
const INPUT_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF8DC' } } as const;
const GROUP_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } } as const;

/** The rule on a value cell, with the message Excel shows when it is broken. */
function validationFor(kind: IndicatorKind): ExcelJS.DataValidation | null {
  const common = { allowBlank: true, showErrorMessage: true, showInputMessage: true, errorStyle: 'stop', errorTitle: 'Giá trị không hợp lệ' } as const;
  switch (kind) {
    case 'integer':
      return { ...common, type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], promptTitle: 'Số liệu', prompt: 'Nhập số nguyên, không âm.', error: 'Hãy nhập số nguyên từ 0 trở lên.' };
    case 'decimal':
      return { ...common, type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0], promptTitle: 'Số liệu', prompt: 'Nhập số, không âm (dùng dấu phẩy thập phân theo cài đặt của máy).', error: 'Hãy nhập số từ 0 trở lên.' };
    case 'percent':
      return { ...common, type: 'decimal', operator: 'between', formulae: [0, 100], promptTitle: 'Tỷ lệ (%)', prompt: 'Nhập tỷ lệ phần trăm từ 0 đến 100 (không gõ dấu %).', error: 'Hãy nhập tỷ lệ từ 0 đến 100.' };
    case 'boolean':
      return { ...common, type: 'list', formulae: ['"Có,Không"'], promptTitle: 'Có/Không', prompt: 'Chọn Có hoặc Không.', error: 'Hãy chọn Có hoặc Không trong danh sách.' };
    case 'text':
      return null;
  }
}

// Decimals and percentages stay General: a fixed format would print "5." or hide digits the unit typed.
const NUMBER_FORMAT: Record<IndicatorKind, string | undefined> = { integer: '#,##0', decimal: undefined, percent: undefined, boolean: undefined, text: '@' };

function defineList(wb: ExcelJS.Workbook, meta: ExcelJS.Worksheet, column: string, name: string, values: string[]): string | null {
  if (values.length === 0) return null;
  values.forEach((v, i) => (meta.getCell(`${column}${i + 1}`).value = v));
  wb.definedNames.add(`'${META_SHEET}'!$${column}$1:$${column}$${values.length}`, name);
  return name;
}

/** A cell the unit fills: unlocked, highlighted, bordered; with a drop-down when a list is given. */
function inputCell(cell: ExcelJS.Cell, list: string | null, prompt: string): void {
  cell.protection = { locked: false };
  cell.fill = INPUT_FILL;
  if (list) {
    cell.dataValidation = { type: 'list', allowBlank: true, formulae: [list], showErrorMessage: true, showInputMessage: true, promptTitle: 'Chọn trong danh sách', prompt, errorStyle: 'warning', errorTitle: 'Không có trong danh sách', error: 'Giá trị này không có trong danh sách. Hãy chọn trong danh sách nếu được.' };
  }
}

function writeMetadata(meta: ExcelJS.Worksheet, m: FormMetadata): void {
  const pairs: [keyof FormMetadata, string | number][] = [
    ['formKey', m.formKey],
    ['formVersion', m.formVersion],
    ['dispatchId', m.dispatchId],
    ['unitId', m.unitId ?? ''],
    ['periodKey', m.periodKey ?? ''],
    ['dataSheet', m.dataSheet],
    ['unitCell', m.unitCell],
    ['periodCell', m.periodCell],
    ['valueColumn', m.valueColumn],
    ['noteColumn', m.noteColumn ?? ''],
  ];
  // Rows by number, not addRow: the drop-down lists in columns H and I already use the first rows.
  const lines: (string | number)[][] = [
    [META_MARKER, 1],
    ...pairs,
    [...INDICATOR_HEADER],
    ...m.indicators.map((i) => [i.code, i.row, i.name]),
    ['periods'],
    ...m.periods.map((p) => [p.key, p.label]),
  ];
  lines.forEach((values, i) => values.forEach((v, c) => (meta.getCell(i + 1, c + 1).value = v)));
}

export async function writeFormXlsx(form: DataForm, context: FormXlsxContext): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'VănThư';
  wb.title = form.title;
  const sheet = wb.addWorksheet(DATA_SHEET, {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true, margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 }, printTitlesRow: `${LAYOUT.headerRow}:${LAYOUT.headerRow}` },
    views: [{ state: 'frozen', ySplit: LAYOUT.headerRow }],
  });
  const meta = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  sheet.columns = [{ width: 6 }, { width: 58 }, { width: 14 }, { width: 14 }, { width: 28 }];

  const line = (row: number, text: string, font: Partial<ExcelJS.Font>, height?: number): void => {
    sheet.mergeCells(`A${row}:E${row}`);
    const cell = sheet.getCell(`A${row}`);
    cell.value = text;
    cell.font = { ...FONT, ...font };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    if (height) sheet.getRow(row).height = height;
  };
  line(1, form.title.toLocaleUpperCase('vi'), { size: 14, bold: true }, 38);
  line(2, `(${context.reference})`, { italic: true }, 32);

  const units = defineList(wb, meta, UNIT_LIST_COLUMN, 'DS_DonVi', context.unitChoices);
  const periods = defineList(wb, meta, PERIOD_LIST_COLUMN, 'DS_KyBaoCao', context.periodChoices.map((p) => p.label));
  const labelled = (row: number, label: string, value: string, choose: string | null, prompt: string): void => {
    sheet.mergeCells(`A${row}:B${row}`);
    sheet.mergeCells(`C${row}:E${row}`);
    const l = sheet.getCell(`A${row}`);
    l.value = label;
    l.font = { ...FONT, bold: true };
    l.alignment = { horizontal: 'right' };
    const v = sheet.getCell(`C${row}`);
    v.value = value;
    v.font = { ...FONT, bold: true };
    if (!value) inputCell(v, choose, prompt);
  };
  labelled(4, 'Đơn vị báo cáo:', context.unit?.name ?? '', units, 'Chọn tên cơ quan, đơn vị của mình.');
  labelled(5, 'Kỳ báo cáo:', context.period?.label ?? '', periods, 'Chọn kỳ báo cáo.');

  const header = sheet.getRow(LAYOUT.headerRow);
  header.values = ['STT', 'Chỉ tiêu', 'ĐVT', 'Số liệu', 'Ghi chú'];
  header.font = { ...FONT, bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.height = 22;

  const indicators: FormMetadata['indicators'] = [];
  let rowNumber = LAYOUT.firstRow;
  let n = 0;
  for (const r of form.rows) {
    const row = sheet.getRow(rowNumber);
    row.font = FONT;
    if (r.kind === 'group') {
      sheet.mergeCells(`A${rowNumber}:E${rowNumber}`);
      row.getCell(1).value = r.label;
      row.font = { ...FONT, bold: true };
      row.getCell(1).fill = GROUP_FILL;
    } else {
      writeIndicator(row, r, ++n);
      indicators.push({ code: r.code, row: rowNumber, name: r.name });
    }
    for (let c = 1; c <= 5; c++) row.getCell(c).border = BORDER;
    rowNumber++;
  }
  for (let c = 1; c <= 5; c++) header.getCell(c).border = BORDER;

  const notes = [
    'Hướng dẫn: chỉ nhập vào các ô màu vàng (cột Số liệu và Ghi chú); không thêm, xóa hay đổi thứ tự các dòng.',
    'Chỉ tiêu có dấu (*) bắt buộc nhập; nếu không có số liệu, ghi 0. Gửi lại chính tệp này cùng văn bản báo cáo.',
  ];
  for (const [i, text] of notes.entries()) {
    const r = rowNumber + 1 + i;
    sheet.mergeCells(`A${r}:E${r}`);
    const cell = sheet.getCell(`A${r}`);
    cell.value = text;
    cell.font = { ...FONT, italic: true, size: 11 };
    cell.alignment = { wrapText: true };
    sheet.getRow(r).height = 30;
  }

  writeMetadata(meta, {
    formKey: form.formKey,
    formVersion: form.version,
    dispatchId: form.dispatchId,
    unitId: context.unit?.id ?? null,
    periodKey: context.period?.key ?? null,
    dataSheet: DATA_SHEET,
    unitCell: LAYOUT.unitCell,
    periodCell: LAYOUT.periodCell,
    valueColumn: LAYOUT.valueColumn,
    noteColumn: LAYOUT.noteColumn,
    indicators,
    periods: context.periodChoices,
  });
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function writeIndicator(row: ExcelJS.Row, r: IndicatorRow, n: number): void {
  row.getCell(1).value = n;
  row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  row.getCell(2).value = r.required ? `${r.name} (*)` : r.name;
  row.getCell(2).alignment = { wrapText: true, vertical: 'middle' };
  row.getCell(3).value = r.unit;
  row.getCell(3).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  const value = row.getCell(4);
  value.protection = { locked: false };
  value.fill = INPUT_FILL;
  value.alignment = { horizontal: r.valueKind === 'text' ? 'left' : 'right', vertical: 'middle', wrapText: r.valueKind === 'text' };
  const format = NUMBER_FORMAT[r.valueKind];
  if (format) value.numFmt = format;
  const validation = validationFor(r.valueKind);
  if (validation) value.dataValidation = validation;
  const note = row.getCell(5);
  note.protection = { locked: false };
  note.fill = INPUT_FILL;
  note.alignment = { wrapText: true, vertical: 'middle' };
}

/** Letters without marks, keeping case: "Kiên Lương" → "Kien Luong" (đ → d). */
function plainLetters(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** "Bieu-so-lieu_864-STTTT-TTBCBC_2021_UBND-huyen-Kien-Luong.xlsx": safe on any disk and in any mail program. */
export function formFileName(d: Dispatch, unitName: string | null, periodKey: string | null): string {
  const slug = (text: string, max: number) =>
    plainLetters(text)
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, max)
      .replace(/-$/, '');
  const parts = ['Bieu-so-lieu', d.number === null ? `Du-thao-${slug(d.symbol, 20)}` : `${d.number}-${slug(d.symbol, 20)}`];
  if (periodKey) parts.push(slug(periodKey, 10));
  parts.push(unitName ? slug(unitName, 40) : 'Mau-trong');
  return `${parts.join('_')}.xlsx`;
}
