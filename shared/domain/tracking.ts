import { z } from 'zod';
import { Id, IsoDate } from './common.js';

/** DESIGN §4's tracking statuses. */
export const ObligationStatus = z.enum(['not_due', 'on_time', 'late', 'missing', 'in_review', 'exempt']);
export type ObligationStatus = z.infer<typeof ObligationStatus>;

export const OBLIGATION_LABELS: Record<ObligationStatus, string> = {
  not_due: 'Chưa đến hạn',
  on_time: 'Đúng hạn',
  late: 'Trễ hạn',
  missing: 'Chưa báo cáo',
  in_review: 'Đang xem xét',
  exempt: 'Miễn',
};

export const TrackingRow = z.object({
  unit: z.object({ id: Id, name: z.string(), groupId: Id.nullable(), groupName: z.string().nullable() }),
  status: ObligationStatus,
  receivedDate: IsoDate.nullable(),
  /** Days after the last day: for a late report, how late it came; for a missing one, how overdue it is. */
  daysLate: z.number().int().nullable(),
  exemption: z.object({ reason: z.string(), decidedBy: z.string(), decidedAt: z.string() }).nullable(),
  documents: z.array(z.object({ entryId: Id, arrivalNumber: z.number().int(), arrivalYear: z.number().int(), status: z.string(), receivedDate: IsoDate })),
});
export type TrackingRow = z.infer<typeof TrackingRow>;

export const TrackingCounts = z.object({
  expected: z.number().int(),
  received: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  missing: z.number().int(),
  inReview: z.number().int(),
  exempt: z.number().int(),
  notDue: z.number().int(),
});
export type TrackingCounts = z.infer<typeof TrackingCounts>;

export const TrackingPeriod = z.object({
  dispatch: z.object({ id: Id, number: z.number().int().nullable(), symbol: z.string(), issueDate: IsoDate.nullable(), subject: z.string() }),
  period: z.object({ key: z.string(), label: z.string(), dueDate: IsoDate, namedDate: IsoDate }),
  counts: TrackingCounts,
  rows: z.array(TrackingRow),
});
export type TrackingPeriod = z.infer<typeof TrackingPeriod>;

export const Dashboard = z.object({
  today: IsoDate,
  upcoming: z.array(z.object({ tracking: TrackingPeriod, daysLeft: z.number().int() })),
  overdue: z.array(z.object({ tracking: TrackingPeriod, daysOverdue: z.number().int() })),
  awaitingReview: z.number().int(),
  latestImports: z.array(
    z.object({ id: Id, arrivalNumber: z.number().int(), arrivalYear: z.number().int(), receivedDate: IsoDate, status: z.string(), subject: z.string().nullable(), unitName: z.string().nullable() }),
  ),
});
export type Dashboard = z.infer<typeof Dashboard>;
