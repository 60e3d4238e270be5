import { z } from 'zod';
import { Id, IsoDate } from './common.js';

/** What the audit log screen filters by: the acts a head of office asks about, then the rest by area. */
export const AuditKind = z.enum(['issue', 'void', 'renumber', 'dispatch', 'import', 'incoming', 'exemption', 'unit', 'settings', 'backup', 'other']);
export type AuditKind = z.infer<typeof AuditKind>;

export const AuditQuery = z
  .object({
    kind: AuditKind.nullable().default(null),
    /** Calendar days in Vietnam, both included. */
    from: IsoDate.nullable().default(null),
    to: IsoDate.nullable().default(null),
    page: z.number().int().min(1).max(1_000_000).default(1),
    pageSize: z.number().int().min(10).max(200).default(50),
  })
  .strict();
export type AuditQuery = z.input<typeof AuditQuery>;

export const AuditEntryView = z.object({
  id: Id,
  /** ISO instant (UTC). */
  at: z.string(),
  /** The Windows (OS) account and the machine it was done on: VănThư has no accounts of its own. */
  user: z.string(),
  machine: z.string(),
  kind: AuditKind,
  /** What it was done to, as the clerk names it ("864/STTTT-TTBCBC", "Sở Y tế", "Số đến 15/2021"); null when gone or none. */
  target: z.string().nullable(),
  /** One Vietnamese sentence: "Ban hành, cấp số 864 ngày 03/08/2021". */
  summary: z.string(),
});
export type AuditEntryView = z.infer<typeof AuditEntryView>;

export const AuditPage = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  entries: z.array(AuditEntryView),
});
export type AuditPage = z.infer<typeof AuditPage>;
