import { z } from 'zod';
import { Id } from './common.js';

/**
 * Data forms (biểu mẫu số liệu, issue 6): the indicators a reporting requirement asks each unit
 * to fill in, the figures read back out of the returned .xlsx, and their consolidation.
 */

/** What a value cell holds: whole number, decimal, percentage, yes/no, free text. */
export const IndicatorKind = z.enum(['integer', 'decimal', 'percent', 'boolean', 'text']);
export type IndicatorKind = z.infer<typeof IndicatorKind>;

/** How the units' values become one figure in the report. */
export const Aggregation = z.enum(['sum', 'average', 'min', 'max', 'count_yes', 'list']);
export type Aggregation = z.infer<typeof Aggregation>;

/** Indicator codes are what the returned .xlsx is read by: short, stable, no spaces ("TT01"). */
export const IndicatorCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{1,20}$/, 'Mã chỉ tiêu chỉ gồm chữ không dấu, số, dấu chấm, gạch; tối đa 20 ký tự.');

export const FormRow = z.discriminatedUnion('kind', [
  /** A grouping row printed bold across the table: "I. Báo chí, phát thanh, truyền hình". */
  z.object({ kind: z.literal('group'), label: z.string().trim().min(1, 'Dòng nhóm cần có tên.').max(300) }),
  z.object({
    kind: z.literal('indicator'),
    code: IndicatorCode,
    /** Printed in the table; "1. Số tin, bài tuyên truyền" keeps its own numbering text. */
    name: z.string().trim().min(1, 'Chỉ tiêu cần có tên.').max(300),
    /** Đơn vị tính: "tin, bài", "buổi", "người"; empty for yes/no and text. */
    unit: z.string().trim().max(50).default(''),
    valueKind: IndicatorKind,
    aggregation: Aggregation,
    required: z.boolean().default(false),
  }),
]);
export type FormRow = z.output<typeof FormRow>;
export type IndicatorRow = Extract<FormRow, { kind: 'indicator' }>;

export const DataFormInput = z
  .object({
    /** "Biểu số liệu kết quả tuyên truyền giảm thiểu chất thải nhựa". */
    title: z.string().trim().min(1, 'Hãy nhập tên biểu mẫu.').max(300),
    rows: z.array(FormRow).min(1, 'Biểu mẫu cần ít nhất một chỉ tiêu.').max(500),
  })
  .strict()
  .refine((f) => f.rows.some((r) => r.kind === 'indicator'), 'Biểu mẫu cần ít nhất một chỉ tiêu.')
  .refine((f) => {
    const codes = f.rows.flatMap((r) => (r.kind === 'indicator' ? [r.code.toUpperCase()] : []));
    return new Set(codes).size === codes.length;
  }, 'Hai chỉ tiêu trùng mã. Mỗi chỉ tiêu cần một mã riêng.');
export type DataFormInput = z.output<typeof DataFormInput>;

export const DataForm = z.object({
  dispatchId: Id,
  /** Random, stable for the dispatch: written into every .xlsx so a returned file is recognised. */
  formKey: z.string(),
  /** Goes up by one each time the rows change; old versions are read by indicator name. */
  version: z.number().int().positive(),
  title: z.string(),
  rows: z.array(FormRow),
  updatedAt: z.string(),
});
export type DataForm = z.infer<typeof DataForm>;

/** A value as read from a unit's cell; null when the cell is empty or unreadable. */
export const FormValue = z.union([z.number(), z.string(), z.boolean(), z.null()]);
export type FormValue = z.infer<typeof FormValue>;

/** One cell the clerk must look at: "C12: «mười» không phải là số." */
export const FormCellProblem = z.object({
  /** The cell's address in the unit's file ("C12"), or null when the indicator's row was not found. */
  cell: z.string().nullable(),
  indicatorCode: z.string().nullable(),
  message: z.string(),
});
export type FormCellProblem = z.infer<typeof FormCellProblem>;

/**
 * A value the clerk corrected after confirming it with the unit (a phone call): the value read
 * from the file and the reader's problem with it are kept beside the corrected one.
 */
export const FormCorrection = z.object({
  indicatorCode: z.string(),
  /** The cell the value was read from ("D12"), null when the indicator's row was not found. */
  cell: z.string().nullable(),
  /** What the file gave (null for an empty or unreadable cell) and why it was flagged, if it was. */
  readValue: FormValue,
  readProblem: z.string().nullable(),
  value: FormValue,
  /** Who corrected it ("user@machine"), the day (as the unit confirmed it), and the instant. */
  by: z.string(),
  on: z.string(),
  at: z.string(),
});
export type FormCorrection = z.infer<typeof FormCorrection>;

/** The figures read from one returned form (one incoming document). */
export const FormSubmission = z.object({
  incomingId: Id,
  dispatchId: Id.nullable(),
  unitId: Id.nullable(),
  unitName: z.string().nullable(),
  periodKey: z.string().nullable(),
  receivedDate: z.string(),
  /** 'metadata': by indicator code from the hidden sheet; 'names': a retyped table or an old version. */
  readBy: z.enum(['metadata', 'names']),
  formVersion: z.number().int().nullable(),
  /** The values that stand: as read from the file, or as the clerk corrected them (see `corrections`). */
  values: z.record(z.string(), FormValue),
  /** The cells still to check; a corrected cell's problem is in its correction. */
  problems: z.array(FormCellProblem),
  /** The unit's "Ghi chú" beside each indicator that has one, by indicator code. */
  notes: z.record(z.string(), z.string()).default({}),
  corrections: z.array(FormCorrection).default([]),
  /** A later submission of the same unit and period replaces this one in the report (both are kept). */
  superseded: z.boolean(),
});
export type FormSubmission = z.infer<typeof FormSubmission>;

/** One indicator's consolidated figure over the units that reported it. */
export const ConsolidatedIndicator = z.object({
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  aggregation: Aggregation,
  /** Number (sum, average, min, max, count of yes), or the units' texts joined ("list"); null when nobody reported. */
  value: z.union([z.number(), z.string(), z.null()]),
  /** How many units gave a usable value. */
  contributors: z.number().int(),
});
export type ConsolidatedIndicator = z.infer<typeof ConsolidatedIndicator>;

export const Consolidation = z.object({
  dispatchId: Id,
  periodKey: z.string(),
  form: DataForm,
  /** In the form's order: group rows as labels, indicator rows with their figure. */
  rows: z.array(
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('group'), label: z.string() }),
      z.object({ kind: z.literal('indicator'), indicator: ConsolidatedIndicator }),
    ]),
  ),
  /** The current (not superseded) submission of each unit, in the units' order. */
  units: z.array(
    z.object({ unitId: Id, unitName: z.string(), receivedDate: z.string(), incomingId: Id, values: z.record(z.string(), FormValue) }),
  ),
});
export type Consolidation = z.infer<typeof Consolidation>;

/** Where a report (Báo cáo tổng hợp) drafted from tracking came from. */
export const ReportSource = z.object({ dispatchId: Id, periodKey: z.string().max(20) });
export type ReportSource = z.infer<typeof ReportSource>;
