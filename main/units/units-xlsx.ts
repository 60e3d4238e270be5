import ExcelJS from 'exceljs';
import type { ImportRowError, Unit, UnitGroup, UnitImportResult, UnitInput, UnitValues } from '../../shared/domain/unit.js';
import { isRealDate } from '../../shared/domain/common.js';
import { nameKey } from '../../shared/vn/fold.js';
import { ZodError } from 'zod';
import type { Db } from '../db/connection.js';
import type { AuditLog } from '../db/audit.js';
import { UserError, describeZodError } from '../api/errors.js';
import type { FieldDetails, UnitsService } from './units-service.js';

/**
 * The units spreadsheet: one sheet of units with Vietnamese headers, one sheet of groups.
 * Import accepts the same layout (columns found by header, in any order), validates
 * every row with the same rules as the form, and imports all rows or none.
 */

const UNITS_SHEET = 'Đơn vị nhận';
const GROUPS_SHEET = 'Nhóm đơn vị';
const LIST_SEPARATOR = '; ';

type Column =
  | 'stt' | 'id' | 'name' | 'shortName' | 'group' | 'code' | 'taxCode' | 'emails' | 'phone' | 'address'
  | 'contactPerson' | 'aliases' | 'validFrom' | 'validUntil' | 'successor' | 'status' | 'sortOrder';

const COLUMNS: { key: Column; header: string; width: number }[] = [
  { key: 'stt', header: 'STT', width: 6 },
  { key: 'id', header: 'Mã trong VănThư', width: 10 },
  { key: 'name', header: 'Tên đơn vị', width: 44 },
  { key: 'shortName', header: 'Tên viết tắt', width: 16 },
  { key: 'group', header: 'Nhóm', width: 30 },
  { key: 'code', header: 'Mã định danh', width: 18 },
  { key: 'taxCode', header: 'Mã số thuế', width: 14 },
  { key: 'emails', header: 'Email', width: 34 },
  { key: 'phone', header: 'Điện thoại', width: 16 },
  { key: 'address', header: 'Địa chỉ', width: 40 },
  { key: 'contactPerson', header: 'Người liên hệ', width: 22 },
  { key: 'aliases', header: 'Tên gọi khác', width: 34 },
  { key: 'validFrom', header: 'Hiệu lực từ ngày', width: 14 },
  { key: 'validUntil', header: 'Hiệu lực đến ngày', width: 14 },
  { key: 'successor', header: 'Đơn vị kế thừa', width: 30 },
  { key: 'status', header: 'Trạng thái', width: 16 },
  { key: 'sortOrder', header: 'Thứ tự', width: 8 },
];

const HEADER_OF = new Map(COLUMNS.map((c) => [c.key, c.header]));
const COLUMN_BY_HEADER = new Map(COLUMNS.map((c) => [nameKey(c.header), c.key]));

const ACTIVE = 'Đang hoạt động';
const INACTIVE = 'Ngừng hoạt động';

/** Which spreadsheet column a form field lives in, for error messages. */
const FIELD_COLUMN: Partial<Record<keyof UnitValues, Column>> = {
  name: 'name', shortName: 'shortName', groupId: 'group', code: 'code', taxCode: 'taxCode', emails: 'emails',
  phone: 'phone', address: 'address', contactPerson: 'contactPerson', aliases: 'aliases', validFrom: 'validFrom',
  validUntil: 'validUntil', successorId: 'successor', active: 'status', sortOrder: 'sortOrder',
};

export function isoToVn(iso: string | null): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { name: 'Times New Roman', bold: true, size: 12 };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.height = 32;
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
    cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  });
}

export async function writeUnitsWorkbook(units: Unit[], groups: UnitGroup[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'VănThư';
  wb.created = new Date();

  const sheet = wb.addWorksheet(UNITS_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 3 }] });
  sheet.columns = COLUMNS.map((c) => ({ key: c.key, header: c.header, width: c.width }));
  styleHeader(sheet.getRow(1));
  units.forEach((u, i) => {
    const row = sheet.addRow({
      stt: i + 1,
      id: u.id,
      name: u.name,
      shortName: u.shortName ?? '',
      group: u.groupName ?? '',
      code: u.code ?? '',
      taxCode: u.taxCode ?? '',
      emails: u.emails.join(LIST_SEPARATOR),
      phone: u.phone ?? '',
      address: u.address ?? '',
      contactPerson: u.contactPerson ?? '',
      aliases: u.aliases.join(LIST_SEPARATOR),
      validFrom: isoToVn(u.validFrom),
      validUntil: isoToVn(u.validUntil),
      successor: u.successorName ?? '',
      status: u.active ? ACTIVE : INACTIVE,
      sortOrder: u.sortOrder,
    });
    row.font = { name: 'Times New Roman', size: 12 };
    row.alignment = { vertical: 'top', wrapText: true };
    // Text cells stay text: phone numbers and codes keep their leading zeros.
    for (const key of ['code', 'taxCode', 'phone', 'validFrom', 'validUntil'] as const) {
      row.getCell(key).numFmt = '@';
    }
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };

  const groupSheet = wb.addWorksheet(GROUPS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  groupSheet.columns = [
    { key: 'name', header: 'Tên nhóm', width: 40 },
    { key: 'label', header: 'Nhãn sau "Kính gửi"', width: 50 },
    { key: 'order', header: 'Thứ tự', width: 8 },
  ];
  styleHeader(groupSheet.getRow(1));
  for (const g of groups) {
    groupSheet.addRow({ name: g.name, label: g.kinhGuiLabel, order: g.sortOrder }).font = { name: 'Times New Roman', size: 12 };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A cell's value as trimmed text, whatever Excel stored (rich text, numbers, formulas, hyperlinks). */
function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('').trim();
    if ('text' in v && typeof v.text === 'string') return v.text.trim(); // hyperlink cells (mailto:)
    if ('result' in v) return String(v.result ?? '').trim();
    return '';
  }
  return String(v).trim();
}

/** Accepts dd/mm/yyyy (as clerks type it), yyyy-mm-dd, or an Excel date cell. */
function parseDate(text: string): string | null | 'invalid' {
  if (!text) return null;
  let iso: string | null = null;
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (vn) iso = `${vn[3]}-${vn[2]!.padStart(2, '0')}-${vn[1]!.padStart(2, '0')}`;
  else if (/^\d{4}-\d{2}-\d{2}$/.test(text)) iso = text;
  return iso && isRealDate(iso) ? iso : 'invalid';
}

function splitList(text: string): string[] {
  return text
    .split(/[;\n,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

interface ParsedRow {
  row: number;
  id: number | null;
  groupName: string;
  successorName: string;
  input: Omit<UnitInput, 'groupId' | 'successorId'>;
}

interface ParsedBook {
  rows: ParsedRow[];
  groups: Map<string, { name: string; label: string; order: number }>;
  errors: ImportRowError[];
}

async function readWorkbook(bytes: Buffer): Promise<ParsedBook> {
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs's typings predate Node's generic Buffer; the bytes are what it expects.
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new UserError('invalid_xlsx', 'Tệp không phải là bảng tính Excel (.xlsx) hợp lệ. Hãy mở bằng Excel và lưu lại dưới dạng .xlsx rồi thử lại.');
  }
  const sheet = wb.getWorksheet(UNITS_SHEET) ?? wb.worksheets[0];
  if (!sheet) throw new UserError('invalid_xlsx', 'Bảng tính không có trang nào.');

  // The header row is the first of the top five rows that has "Tên đơn vị".
  let headerRow = 0;
  const columnAt = new Map<Column, number>();
  for (let r = 1; r <= Math.min(5, sheet.rowCount) && headerRow === 0; r++) {
    sheet.getRow(r).eachCell((cell, col) => {
      const key = COLUMN_BY_HEADER.get(nameKey(cellText(cell)));
      if (key) columnAt.set(key, col);
    });
    if (columnAt.has('name')) headerRow = r;
    else columnAt.clear();
  }
  if (!headerRow) {
    throw new UserError(
      'invalid_layout',
      'Không tìm thấy dòng tiêu đề có cột "Tên đơn vị" trong 5 dòng đầu. Hãy dùng tệp được xuất từ VănThư làm mẫu.',
    );
  }

  const errors: ImportRowError[] = [];
  const rows: ParsedRow[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const get = (key: Column): string => {
      const col = columnAt.get(key);
      return col ? cellText(row.getCell(col)) : '';
    };
    const name = get('name');
    const anyValue = COLUMNS.some((c) => c.key !== 'stt' && get(c.key) !== '');
    if (!anyValue) continue; // blank lines are skipped, not errors
    const fail = (key: Column, message: string) => errors.push({ row: r, column: HEADER_OF.get(key) ?? key, message });
    if (!name) fail('name', 'Thiếu tên đơn vị.');

    const dates: Record<'validFrom' | 'validUntil', string | null> = { validFrom: null, validUntil: null };
    for (const key of ['validFrom', 'validUntil'] as const) {
      const parsed = parseDate(get(key));
      if (parsed === 'invalid') fail(key, `Ngày "${get(key)}" không hợp lệ; hãy ghi dạng dd/mm/yyyy.`);
      else dates[key] = parsed;
    }
    const status = nameKey(get('status'));
    let active = true;
    if (status === nameKey(INACTIVE) || status === 'khong') active = false;
    else if (status && status !== nameKey(ACTIVE) && status !== 'co') {
      fail('status', `Trạng thái phải là "${ACTIVE}" hoặc "${INACTIVE}".`);
    }
    const orderText = get('sortOrder');
    const sortOrder = orderText ? Number(orderText) : 0;
    if (!Number.isInteger(sortOrder) || sortOrder < 0) fail('sortOrder', 'Thứ tự phải là số nguyên không âm.');
    const idText = get('id');
    const id = /^\d+$/.test(idText) ? Number(idText) : null;

    rows.push({
      row: r,
      id,
      groupName: get('group'),
      successorName: get('successor'),
      input: {
        name,
        shortName: get('shortName'),
        code: get('code'),
        taxCode: get('taxCode'),
        emails: splitList(get('emails')),
        phone: get('phone'),
        address: get('address'),
        contactPerson: get('contactPerson'),
        aliases: get('aliases') ? get('aliases').split(/[;\n]+/).map((s) => s.trim()).filter(Boolean) : [],
        validFrom: dates.validFrom,
        validUntil: dates.validUntil,
        active,
        sortOrder: Number.isInteger(sortOrder) && sortOrder >= 0 ? sortOrder : 0,
      },
    });
  }

  const groups = new Map<string, { name: string; label: string; order: number }>();
  const groupSheet = wb.getWorksheet(GROUPS_SHEET);
  groupSheet?.eachRow((row, r) => {
    if (r === 1) return;
    const name = cellText(row.getCell(1));
    if (name) {
      const order = Number(cellText(row.getCell(3)));
      groups.set(nameKey(name), { name, label: cellText(row.getCell(2)) || name, order: Number.isInteger(order) ? order : 0 });
    }
  });
  return { rows, groups, errors };
}

function sameUnit(a: Unit, b: Unit): boolean {
  const strip = ({ createdAt: _c, updatedAt: _u, isSample: _s, ...rest }: Unit) => rest;
  return JSON.stringify(strip(a)) === JSON.stringify(strip(b));
}

/** Thrown inside the import transaction to roll it back when any row is wrong. */
class ImportAborted extends Error {}

export function createUnitsSpreadsheet(db: Db, units: UnitsService, audit: AuditLog) {
  return {
    async exportXlsx(): Promise<Buffer> {
      return writeUnitsWorkbook(units.list({ includeInactive: true }), units.listGroups());
    },

    async importXlsx(bytes: Buffer): Promise<UnitImportResult> {
      const book = await readWorkbook(bytes);
      const result: UnitImportResult = { imported: false, created: 0, updated: 0, unchanged: 0, groupsCreated: 0, errors: [...book.errors] };
      const seenNames = new Map<string, number>();
      for (const r of book.rows) {
        const key = nameKey(String(r.input.name));
        const first = seenNames.get(key);
        if (key && first !== undefined) {
          result.errors.push({ row: r.row, column: HEADER_OF.get('name')!, message: `Trùng tên với dòng ${first} trong cùng tệp.` });
        } else seenNames.set(key, r.row);
      }
      // Every row is tried even when some are already known to be wrong, so that the clerk
      // sees all the problems at once; the transaction is then rolled back.

      try {
        db.transaction(() => {
          const groupIds = new Map<string, number>();
          const groupIdFor = (name: string): number | null => {
            if (!name) return null;
            const key = nameKey(name);
            const known = groupIds.get(key) ?? units.groupIdByName(name);
            if (known !== undefined) return known;
            const spec = book.groups.get(key);
            const created = units.createGroup({ name, kinhGuiLabel: spec?.label ?? name, sortOrder: spec?.order ?? 0 });
            result.groupsCreated++;
            groupIds.set(key, created.id);
            return created.id;
          };

          // Pass 1: units themselves; pass 2: successors, which may name units created in pass 1.
          const saved: { row: ParsedRow; id: number; before: Unit | null }[] = [];
          for (const r of book.rows) {
            if (!r.input.name) continue; // already reported as "Thiếu tên đơn vị."
            try {
              const existing =
                (r.id !== null ? safeGet(units, r.id) : undefined) ?? units.findByName(String(r.input.name));
              const input: UnitInput = { ...r.input, groupId: groupIdFor(r.groupName), successorId: existing?.successorId ?? null };
              const unit = existing ? units.update(existing.id, input) : units.create(input);
              saved.push({ row: r, id: unit.id, before: existing ?? null });
            } catch (error) {
              result.errors.push(rowError(r.row, error));
            }
          }
          for (const s of saved) {
            let successorId: number | null = null;
            if (s.row.successorName) {
              const successor = units.findByName(s.row.successorName);
              if (!successor) {
                result.errors.push({ row: s.row.row, column: HEADER_OF.get('successor')!, message: `Không có đơn vị "${s.row.successorName}".` });
                continue;
              }
              successorId = successor.id;
            }
            const current = units.get(s.id);
            if (current.successorId !== successorId) {
              try {
                units.update(s.id, { ...current, successorId });
              } catch (error) {
                result.errors.push(rowError(s.row.row, error));
                continue;
              }
            }
            const after = units.get(s.id);
            if (!s.before) result.created++;
            else if (sameUnit(s.before, after)) result.unchanged++;
            else result.updated++;
          }
          if (result.errors.length) throw new ImportAborted();
          audit.record({ action: 'import', entity: 'unit', detail: { created: result.created, updated: result.updated, unchanged: result.unchanged } });
        })();
        result.imported = true;
      } catch (error) {
        if (!(error instanceof ImportAborted)) throw error;
        result.created = result.updated = result.unchanged = result.groupsCreated = 0;
        result.errors.sort((a, b) => a.row - b.row);
      }
      return result;
    },
  };
}

function safeGet(units: UnitsService, id: number): Unit | undefined {
  try {
    return units.get(id);
  } catch {
    return undefined; // an id from another database: fall back to the name
  }
}

function rowError(row: number, error: unknown): ImportRowError {
  if (error instanceof UserError) {
    const field = (error.details as FieldDetails | undefined)?.field;
    const column = (field && FIELD_COLUMN[field]) ?? 'name';
    return { row, column: HEADER_OF.get(column) ?? column, message: error.message };
  }
  if (error instanceof ZodError) {
    const field = error.issues[0]?.path[0] as keyof UnitValues | undefined;
    const column = (field && FIELD_COLUMN[field]) ?? 'name';
    return { row, column: HEADER_OF.get(column) ?? column, message: describeZodError(error).replace(/^Dữ liệu không hợp lệ: /, '').replace(/ \([\w.]+\)/g, '') };
  }
  throw error;
}
