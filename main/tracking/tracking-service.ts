import type { Db } from '../db/connection.js';
import type { AuditLog } from '../db/audit.js';
import { currentActor } from '../db/audit.js';
import type { UnitsService } from '../units/units-service.js';
import type { DispatchesService } from '../dispatches/dispatches-service.js';
import type { Dispatch } from '../../shared/domain/dispatch.js';
import type { Unit } from '../../shared/domain/unit.js';
import type { ObligationStatus, TrackingCounts, TrackingPeriod, TrackingRow } from '../../shared/domain/tracking.js';
import { reportingPeriods, type ReportingPeriod } from '../../shared/tracking/periods.js';
import { compareVietnamese } from '../../shared/vn/collate.js';
import { UserError } from '../api/errors.js';
import { createTrackingRepo, type ExemptionRow, type MatchedDocument } from './tracking-repo.js';

/**
 * Who has reported: for a dispatch with a requirement, one obligation per expected unit and
 * period, its status derived from the documents matched to it (DESIGN §4). Nothing is
 * stored but exemptions: statuses change the moment a document is registered, confirmed,
 * unlinked or deleted, because they are computed from those documents.
 */

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/**
 * The units expected for one period: the dispatch's expected units that are valid on the day
 * named in it; a unit that ceased before then is replaced by its successor (the clerk named it);
 * and any unit that did report stays visible even if it was later taken off the list.
 */
export function expectedUnits(d: Dispatch, period: ReportingPeriod, unitsById: Map<number, Unit>, reported: Set<number>): Unit[] {
  const expected = new Map<number, Unit>();
  const validOn = (u: Unit, day: string) => (!u.validFrom || u.validFrom <= day) && (!u.validUntil || u.validUntil >= day);
  for (const id of d.expectedUnitIds) {
    let unit = unitsById.get(id);
    const seen = new Set<number>();
    // Follow successors until a unit valid on the due date (guarding against a loop of successors).
    while (unit && !validOn(unit, period.namedDate) && unit.successorId !== null && !seen.has(unit.id)) {
      seen.add(unit.id);
      unit = unitsById.get(unit.successorId);
    }
    if (unit && validOn(unit, period.namedDate)) expected.set(unit.id, unit);
  }
  for (const id of reported) {
    const unit = unitsById.get(id);
    if (unit) expected.set(id, unit);
  }
  return [...expected.values()];
}

export function obligationStatus(
  period: ReportingPeriod,
  documents: MatchedDocument[],
  exemption: ExemptionRow | undefined,
  today: string,
): Pick<TrackingRow, 'status' | 'receivedDate' | 'daysLate'> {
  const registered = documents.filter((doc) => doc.status === 'registered');
  if (registered.length) {
    // The first matched submission decides on time or late.
    const first = registered[0]!.received_date;
    const late = daysBetween(period.lastDay, first);
    return { status: late > 0 ? 'late' : 'on_time', receivedDate: first, daysLate: late > 0 ? late : null };
  }
  if (exemption) return { status: 'exempt', receivedDate: null, daysLate: null };
  if (documents.length) return { status: 'in_review', receivedDate: documents[0]!.received_date, daysLate: null };
  const overdue = daysBetween(period.lastDay, today);
  return overdue > 0 ? { status: 'missing', receivedDate: null, daysLate: overdue } : { status: 'not_due', receivedDate: null, daysLate: null };
}

export function countRows(rows: { status: ObligationStatus }[]): TrackingCounts {
  const n = (s: ObligationStatus) => rows.filter((r) => r.status === s).length;
  return {
    expected: rows.length - n('exempt'),
    received: n('on_time') + n('late'),
    onTime: n('on_time'),
    late: n('late'),
    missing: n('missing'),
    inReview: n('in_review'),
    exempt: n('exempt'),
    notDue: n('not_due'),
  };
}

export function createTrackingService(db: Db, audit: AuditLog, units: UnitsService, dispatches: DispatchesService) {
  const repo = createTrackingRepo(db);

  function periodsOf(d: Dispatch): ReportingPeriod[] {
    if (!d.requirement) throw new UserError('no_requirement', `Công văn ${dispatches.describe(d)} không có yêu cầu báo cáo nên không có gì để theo dõi.`);
    return reportingPeriods(d.requirement);
  }

  /** The registry's units, read once per request: by id, and their place in the list (group, then order). */
  interface Registry {
    unitsById: Map<number, Unit>;
    order: Map<number, number>;
  }
  function registry(): Registry {
    const listed = units.list({ includeInactive: true });
    return { unitsById: new Map(listed.map((u) => [u.id, u])), order: new Map(listed.map((u, i) => [u.id, i])) };
  }

  function periodTracking(d: Dispatch, period: ReportingPeriod, today: string, { unitsById, order }: Registry, docs: MatchedDocument[], exemptions: ExemptionRow[]): TrackingPeriod {
    const ofPeriod = docs.filter((doc) => doc.period_key === period.key);
    const reported = new Set(ofPeriod.map((doc) => doc.unit_id));
    const rows: TrackingRow[] = expectedUnits(d, period, unitsById, reported).map((unit) => {
      const mine = ofPeriod.filter((doc) => doc.unit_id === unit.id);
      const exemption = exemptions.find((e) => e.unit_id === unit.id && e.period_key === period.key);
      return {
        unit: { id: unit.id, name: unit.name, groupId: unit.groupId, groupName: unit.groupName },
        ...obligationStatus(period, mine, exemption, today),
        exemption: exemption ? { reason: exemption.reason, decidedBy: exemption.decided_by, decidedAt: exemption.decided_at } : null,
        documents: mine.map((doc) => ({ entryId: doc.id, arrivalNumber: doc.arrival_number, arrivalYear: doc.arrival_year, status: doc.status, receivedDate: doc.received_date })),
      };
    });
    // Grouped as in the registry, then by the unit's place in its group.
    rows.sort((a, b) => (order.get(a.unit.id) ?? 0) - (order.get(b.unit.id) ?? 0) || compareVietnamese(a.unit.name, b.unit.name));
    return {
      dispatch: { id: d.id, number: d.number, symbol: d.symbol, issueDate: d.issueDate, subject: d.subject },
      period: { key: period.key, label: period.label, dueDate: period.lastDay, namedDate: period.namedDate },
      counts: countRows(rows),
      rows,
    };
  }

  function trackDispatch(d: Dispatch, today: string, periodKey: string | null, known: Registry): TrackingPeriod[] {
    const periods = periodsOf(d).filter((p) => periodKey === null || p.key === periodKey);
    if (periodKey !== null && periods.length === 0) {
      const keys = periodsOf(d).map((p) => p.key).join(', ');
      throw new UserError('unknown_period', `Công văn ${dispatches.describe(d)} không có kỳ "${periodKey}". Các kỳ: ${keys}.`);
    }
    const docs = repo.documents(d.id);
    const exemptions = repo.exemptions(d.id);
    return periods.map((p) => periodTracking(d, p, today, known, docs, exemptions));
  }

  return {
    periods: (dispatchId: number): ReportingPeriod[] => periodsOf(dispatches.get(dispatchId)),

    /** Every period, or one; "today" decides what is overdue. */
    track(dispatchId: number, today: string, periodKey: string | null = null): TrackingPeriod[] {
      return trackDispatch(dispatches.get(dispatchId), today, periodKey, registry());
    },

    /**
     * The first screen: periods due in the next 30 days with how many are still missing, and
     * periods already past their last day with units still missing.
     */
    dashboard(today: string) {
      const upcoming: { tracking: TrackingPeriod; daysLeft: number }[] = [];
      const overdue: { tracking: TrackingPeriod; daysOverdue: number }[] = [];
      // One read of the registry for all the dispatches: with hundreds of them, reading it for each took seconds.
      const known = registry();
      for (const d of dispatches.list({ status: 'issued', asksReports: true })) {
        for (const t of trackDispatch(d, today, null, known)) {
          const days = daysBetween(today, t.period.dueDate);
          if (days >= 0 && days <= 30) upcoming.push({ tracking: t, daysLeft: days });
          else if (days < 0 && t.counts.missing > 0) overdue.push({ tracking: t, daysOverdue: -days });
        }
      }
      upcoming.sort((a, b) => a.daysLeft - b.daysLeft);
      overdue.sort((a, b) => a.daysOverdue - b.daysOverdue);
      return { upcoming, overdue };
    },

    exempt(dispatchId: number, unitId: number, periodKey: string, reason: string): void {
      const why = reason.trim();
      if (!why) throw new UserError('reason_required', 'Hãy ghi lý do miễn báo cáo.');
      db.transaction(() => {
        const d = dispatches.get(dispatchId);
        units.get(unitId);
        if (!periodsOf(d).some((p) => p.key === periodKey)) throw new UserError('unknown_period', `Không có kỳ "${periodKey}".`);
        repo.withdrawExemption(dispatchId, unitId, periodKey, new Date().toISOString());
        repo.addExemption(dispatchId, unitId, periodKey, why, currentActor(), new Date().toISOString());
        audit.record({ action: 'create', entity: 'obligation_exemption', entityId: dispatchId, detail: { unitId, periodKey, reason: why } });
      })();
    },

    withdrawExemption(dispatchId: number, unitId: number, periodKey: string): void {
      db.transaction(() => {
        if (repo.withdrawExemption(dispatchId, unitId, periodKey, new Date().toISOString()) === 0) {
          throw new UserError('not_exempt', 'Đơn vị này không được miễn báo cáo kỳ này.');
        }
        audit.record({ action: 'delete', entity: 'obligation_exemption', entityId: dispatchId, detail: { unitId, periodKey } });
      })();
    },
  };
}
export type TrackingService = ReturnType<typeof createTrackingService>;
