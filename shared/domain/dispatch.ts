import { z } from 'zod';
import { Id, IsoDate, OptionalText } from './common.js';
import { Signer } from './organisation.js';
import { ReportSource } from './form.js';

/** A run of text with the emphasis the decree's templates use. */
export const TextRun = z.object({
  text: z.string().max(20_000),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
});
export type TextRun = z.infer<typeof TextRun>;

/** A ruled table in a body (a report's consolidated figures); cells are plain text. */
export const BodyTable = z.object({
  columnWeights: z.array(z.number().positive()).min(1).max(30),
  /** Leading header rows: bold, centred, repeated on every page. */
  headerRows: z.number().int().min(0).max(5),
  rows: z
    .array(z.array(z.object({ text: z.string().max(5_000), align: z.enum(['left', 'center', 'right']).optional(), bold: z.boolean().optional() })).max(30))
    .max(2_000),
});
export type BodyTable = z.infer<typeof BodyTable>;

/**
 * One block of a body: a paragraph (plain, or an item of a bulleted "- …" or numbered "1. …"
 * list), a report's section heading ("I. TÌNH HÌNH BÁO CÁO", runs hold its text), or a table.
 */
export const BodyParagraph = z.object({
  /** Absent means 'paragraph' (what every dispatch stored before reports existed). */
  kind: z.enum(['paragraph', 'heading', 'table']).optional(),
  runs: z.array(TextRun).max(200),
  list: z.enum(['bullet', 'number']).nullable().default(null),
  /** Only for kind 'table'. */
  table: BodyTable.optional(),
});
export type BodyParagraph = z.output<typeof BodyParagraph>;

/** A line of "Kính gửi": a whole group (printed as its Kính gửi label), one unit, or free text. */
export const Recipient = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('group'), groupId: Id, label: z.string().max(500) }),
  z.object({ kind: z.literal('unit'), unitId: Id, label: z.string().max(500) }),
  z.object({ kind: z.literal('text'), label: z.string().trim().min(1).max(500, 'Một dòng "Kính gửi" tối đa 500 ký tự.') }),
]);
export type Recipient = z.infer<typeof Recipient>;

export const Urgency = z.enum(['khan', 'thuong_khan', 'hoa_toc']);
export type Urgency = z.infer<typeof Urgency>;

/**
 * What the dispatch asks units to report, and by when. "trước ngày" reads as exclusive
 * (the last day is the day before), "chậm nhất ngày" as inclusive (DESIGN §4, issue 5).
 */
export const ReportingRequirement = z.discriminatedUnion('frequency', [
  z.object({ frequency: z.literal('once'), dueDate: IsoDate, deadline: z.enum(['before', 'by']) }),
  z.object({
    frequency: z.literal('yearly'),
    dueDay: z.number().int().min(1).max(31),
    dueMonth: z.number().int().min(1).max(12),
    fromYear: z.number().int().min(2000).max(2100),
    toYear: z.number().int().min(2000).max(2100),
    deadline: z.enum(['before', 'by']),
  }),
  z.object({
    frequency: z.enum(['quarterly', 'monthly']),
    /** Day of the month after the period ends (quarterly: after the quarter). */
    dueDay: z.number().int().min(1).max(31),
    from: z.string().regex(/^\d{4}-\d{2}$/),
    to: z.string().regex(/^\d{4}-\d{2}$/),
    deadline: z.enum(['before', 'by']),
  }),
]);
export type ReportingRequirement = z.infer<typeof ReportingRequirement>;

export const DispatchStatus = z.enum(['draft', 'issued', 'voided']);
export type DispatchStatus = z.infer<typeof DispatchStatus>;

/**
 * Everything needed to print a công văn: the template in shared/documents turns this and
 * the organisation profile into the document model. Stored fields only, no database ids needed.
 */
export const DispatchContent = z.object({
  /** Công văn (Mẫu 1.5) or Báo cáo (Mẫu 1.4: "BÁO CÁO" and its subject as a title, symbol "BC-…"). */
  documentType: z.enum(['cong_van', 'bao_cao']).default('cong_van'),
  /** A consolidated report: the dispatch and period it reports on (issue 6). */
  reportSource: ReportSource.nullable().default(null),
  subject: z.string().trim().max(1000).default(''),
  departmentCode: z.string().trim().max(20).default(''),
  recipients: z.array(Recipient).max(200).default([]),
  body: z.array(BodyParagraph).max(2000).default([]),
  /** Referenced documents ("Kế hoạch số 136/KH-UBND ngày 15/7/2021 của Ủy ban nhân dân tỉnh"). */
  references: z.array(z.string().trim().min(1).max(500)).max(50).default([]),
  signer: Signer.nullable().default(null),
  /** Extra lines of "Nơi nhận" between "- Như trên;" and "- Lưu: VT, …". Printed as "- X;". */
  distribution: z.array(z.string().trim().min(1).max(300)).max(50).default([]),
  urgency: Urgency.nullable().default(null),
  confidential: z.boolean().default(false),
  attachmentsNote: OptionalText,
  requirement: ReportingRequirement.nullable().default(null),
  expectedUnitIds: z.array(Id).max(2000).default([]),
  /** Outgoing register columns (nd30 §5). */
  copies: z.number().int().min(0).max(10000).nullable().default(null),
  fileKeeper: OptionalText,
  notes: OptionalText,
});
export type DispatchContent = z.output<typeof DispatchContent>;
export type DispatchContentInput = z.input<typeof DispatchContent>;

export const Dispatch = DispatchContent.extend({
  id: Id,
  status: DispatchStatus,
  /** null while a draft, or when issued with the number left blank to be written by hand. */
  number: z.number().int().positive().nullable(),
  /** The part after "/": "STTTT-TTBCBC". */
  symbol: z.string(),
  issueDate: IsoDate.nullable(),
  sentDate: IsoDate.nullable(),
  voidReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Dispatch = z.infer<typeof Dispatch>;
