import { isEmail, type Unit, type UnitInput } from '../../../../shared/domain/unit';
import { formatDate, parseDate } from '../../formatting/dates';

/** The unit form as typed: every field a string (dates as dd/mm/yyyy) or the one checkbox, until it is saved. */
export interface UnitFormValues {
  name: string;
  shortName: string;
  groupId: string;
  code: string;
  taxCode: string;
  emails: string;
  phone: string;
  address: string;
  contactPerson: string;
  aliases: string;
  validFrom: string;
  validUntil: string;
  successorId: string;
  sortOrder: string;
  active: boolean;
}

type UnitFormErrors = Partial<Record<keyof UnitFormValues, string>>;

export function emptyUnitForm(groupId: number | null): UnitFormValues {
  return {
    name: '',
    shortName: '',
    groupId: groupId === null ? '' : String(groupId),
    code: '',
    taxCode: '',
    emails: '',
    phone: '',
    address: '',
    contactPerson: '',
    aliases: '',
    validFrom: '',
    validUntil: '',
    successorId: '',
    sortOrder: '0',
    active: true,
  };
}

export function unitToForm(unit: Unit): UnitFormValues {
  return {
    name: unit.name,
    shortName: unit.shortName ?? '',
    groupId: unit.groupId === null ? '' : String(unit.groupId),
    code: unit.code ?? '',
    taxCode: unit.taxCode ?? '',
    emails: unit.emails.join('\n'),
    phone: unit.phone ?? '',
    address: unit.address ?? '',
    contactPerson: unit.contactPerson ?? '',
    aliases: unit.aliases.join('\n'),
    validFrom: unit.validFrom ? formatDate(unit.validFrom) : '',
    validUntil: unit.validUntil ? formatDate(unit.validUntil) : '',
    successorId: unit.successorId === null ? '' : String(unit.successorId),
    sortOrder: String(unit.sortOrder),
    active: unit.active,
  };
}

/** E-mail addresses as typed: one per line, commas and semicolons accepted too. */
export function emailList(text: string): string[] {
  return text
    .split(/[\n,;]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function idOrNull(value: string): number | null {
  return value === '' ? null : Number(value);
}

export function formToUnitInput(values: UnitFormValues): UnitInput {
  return {
    name: values.name,
    shortName: values.shortName,
    groupId: idOrNull(values.groupId),
    code: values.code,
    taxCode: values.taxCode,
    emails: emailList(values.emails),
    phone: values.phone,
    address: values.address,
    contactPerson: values.contactPerson,
    aliases: lines(values.aliases),
    validFrom: parseDate(values.validFrom) ?? null,
    validUntil: parseDate(values.validUntil) ?? null,
    successorId: idOrNull(values.successorId),
    active: values.active,
    sortOrder: Number.parseInt(values.sortOrder, 10) || 0,
  };
}

const INVALID_DATE = 'Ngày không hợp lệ: hãy ghi dạng dd/mm/yyyy, ví dụ 01/07/2025.';

/** The mistakes that can be pointed at a field before asking the core; the core checks the rest. */
export function validateUnitForm(values: UnitFormValues): UnitFormErrors {
  const errors: UnitFormErrors = {};
  if (!values.name.trim()) errors.name = 'Hãy nhập tên đơn vị.';
  const invalid = emailList(values.emails).filter((email) => !isEmail(email));
  if (invalid.length === 1) errors.emails = `Địa chỉ email “${invalid[0]}” không hợp lệ.`;
  if (invalid.length > 1) errors.emails = `Các địa chỉ email không hợp lệ: ${invalid.join(', ')}.`;
  const validFrom = parseDate(values.validFrom);
  const validUntil = parseDate(values.validUntil);
  if (validFrom === undefined) errors.validFrom = INVALID_DATE;
  if (validUntil === undefined) errors.validUntil = INVALID_DATE;
  if (validFrom && validUntil && validFrom > validUntil) {
    errors.validUntil = 'Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.';
  }
  return errors;
}
