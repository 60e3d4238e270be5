import { z } from 'zod';
import { Id, IsoDate, OptionalText } from './common.js';

/** A group of recipient units, with the wording it takes after "Kính gửi:". */
export const UnitGroup = z.object({
  id: Id,
  name: z.string(),
  kinhGuiLabel: z.string(),
  sortOrder: z.number().int(),
  unitCount: z.number().int(),
});
export type UnitGroup = z.infer<typeof UnitGroup>;

export const UnitGroupInput = z.object({
  name: z.string().trim().min(1, 'Hãy nhập tên nhóm.').max(200, 'Tên nhóm quá dài (tối đa 200 ký tự).'),
  kinhGuiLabel: OptionalText,
  sortOrder: z.number().int().min(0).max(100000).default(0),
});
export type UnitGroupInput = z.input<typeof UnitGroupInput>;

// A pragmatic check: one @, no spaces, a dot in the domain. Stricter rules reject real addresses.
const EMAIL_RE = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]{2,}$/;

export function isEmail(s: string): boolean {
  return EMAIL_RE.test(s);
}

export const Email = z
  .string()
  .trim()
  .max(254, 'Địa chỉ email quá dài (tối đa 254 ký tự).')
  .toLowerCase()
  .refine(isEmail, { error: (issue) => `Địa chỉ email "${String(issue.input)}" không hợp lệ.` });

/** A recipient unit (đơn vị nhận) as stored and shown. */
export const Unit = z.object({
  id: Id,
  name: z.string(),
  shortName: z.string().nullable(),
  groupId: Id.nullable(),
  groupName: z.string().nullable(),
  code: z.string().nullable(),
  taxCode: z.string().nullable(),
  emails: z.array(z.string()),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  contactPerson: z.string().nullable(),
  aliases: z.array(z.string()),
  validFrom: IsoDate.nullable(),
  validUntil: IsoDate.nullable(),
  successorId: Id.nullable(),
  successorName: z.string().nullable(),
  active: z.boolean(),
  sortOrder: z.number().int(),
  isSample: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Unit = z.infer<typeof Unit>;

/** What a clerk enters to add or edit a unit. */
export const UnitInput = z
  .object({
    name: z.string().trim().min(1, 'Hãy nhập tên đơn vị.').max(300, 'Tên đơn vị quá dài (tối đa 300 ký tự).'),
    shortName: OptionalText,
    groupId: Id.nullable().default(null),
    code: OptionalText,
    taxCode: z
      .string()
      .trim()
      .max(20, 'Mã số thuế phải gồm 10 chữ số (có thể thêm -XXX cho chi nhánh).')
      .nullish()
      .transform((s) => (s ? s : null))
      .refine((s) => s === null || /^\d{10}(-\d{3})?$/.test(s), 'Mã số thuế phải gồm 10 chữ số (có thể thêm -XXX cho chi nhánh).'),
    emails: z.array(Email).max(20, 'Tối đa 20 địa chỉ email cho một đơn vị.').default([]),
    phone: OptionalText,
    address: OptionalText,
    contactPerson: OptionalText,
    aliases: z.array(z.string().trim().min(1).max(300)).max(50, 'Tối đa 50 tên gọi khác.').default([]),
    validFrom: IsoDate.nullable().default(null),
    validUntil: IsoDate.nullable().default(null),
    successorId: Id.nullable().default(null),
    active: z.boolean().default(true),
    sortOrder: z.number().int().min(0).max(100000).default(0),
  })
  .refine((u) => !u.validFrom || !u.validUntil || u.validFrom <= u.validUntil, {
    message: 'Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.',
    path: ['validUntil'],
  });
export type UnitInput = z.input<typeof UnitInput>;
export type UnitValues = z.output<typeof UnitInput>;

export const UnitListQuery = z.object({
  query: z.string().max(200).default(''),
  groupId: Id.nullable().default(null),
  includeInactive: z.boolean().default(false),
});
export type UnitListQuery = z.input<typeof UnitListQuery>;

/** One problem found in an imported spreadsheet, located for the clerk. */
export const ImportRowError = z.object({
  row: z.number().int(),
  column: z.string(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof ImportRowError>;

export const UnitImportResult = z.object({
  imported: z.boolean(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  groupsCreated: z.number().int(),
  errors: z.array(ImportRowError),
});
export type UnitImportResult = z.infer<typeof UnitImportResult>;
