import { randomUUID } from 'node:crypto';
import sample864 from '../../resources/demo/form-864.json' with { type: 'json' };
import { DataFormInput, type DataForm, type FormSubmission, type FormValue, type IndicatorKind, type IndicatorRow } from '../../shared/domain/form.js';
import type { Dispatch } from '../../shared/domain/dispatch.js';
import { reportingPeriods } from '../../shared/tracking/periods.js';
import { formatShortDate } from '../../shared/nd30/date-line.js';
import { agencyNameInSentence } from '../../shared/vn/agency-name.js';
import type { Db } from '../db/connection.js';
import type { AuditLog } from '../db/audit.js';
import { UserError } from '../api/errors.js';
import type { UnitsService } from '../units/units-service.js';
import type { DispatchesService } from '../dispatches/dispatches-service.js';
import type { SettingsService } from '../settings/settings-service.js';
import { createFormsRepo, type NewSubmission } from './forms-repo.js';
import { formFileName, writeFormXlsx } from './form-xlsx.js';
import { cellProblemsReason, readTypedValue } from './read-form-xlsx.js';

/**
 * Data forms (biểu mẫu số liệu, issue 6): the indicators a dispatch's reporting requirement asks
 * for, the .xlsx each unit fills in, and the figures read back from the returned files.
 */

/** "Kèm theo Công văn số 864/STTTT-TTBCBC ngày 03/8/2021 của Sở Thông tin và Truyền thông". */
export function dispatchReference(d: Dispatch, agencyName: string): string {
  const number = d.number === null ? '…' : String(d.number).padStart(2, '0');
  const date = d.issueDate ? ` ngày ${formatShortDate(d.issueDate)}` : '';
  const agency = agencyName.trim() ? ` của ${agencyNameInSentence(agencyName)}` : '';
  return `Kèm theo Công văn số ${number}/${d.symbol}${date}${agency}`;
}

/** What to type for a value of each kind, after a correction that is not one. */
const TYPE_HINT: Record<IndicatorKind, string> = {
  integer: 'Hãy nhập số nguyên từ 0 trở lên, ví dụ 15.',
  decimal: 'Hãy nhập số từ 0 trở lên, ví dụ 12,5.',
  percent: 'Hãy nhập tỷ lệ từ 0 đến 100, ví dụ 85,5.',
  boolean: 'Hãy nhập Có hoặc Không.',
  text: 'Hãy nhập nội dung.',
};

const capitalised = (s: string): string => s.replace(/^./, (c) => c.toLocaleUpperCase('vi'));

/**
 * A review reason with one of its parts replaced (`after`), removed (`after` null) or added at
 * the end (`before` null). The import joins parts with "; ", capitalises the first letter and ends
 * with a full stop; a reason without `before` in it is left as it is.
 */
export function replaceReasonPart(reason: string | null, before: string | null, after: string | null): string | null {
  if (before === after) return reason;
  const body = (reason ?? '').replace(/\.$/, '');
  const parts = body.replace(/^./, (c) => c.toLocaleLowerCase('vi'));
  let next: string;
  if (before === null) next = parts ? `${parts}; ${after}` : (after ?? '');
  else if (!parts.includes(before)) return reason;
  else if (after !== null) next = parts.replace(before, after);
  else next = parts.replace([`; ${before}`, `${before}; `].find((separated) => parts.includes(separated)) ?? before, '');
  next = next.trim();
  return next ? `${capitalised(next)}.` : null;
}

export function createFormsService(db: Db, audit: AuditLog, dispatches: DispatchesService, units: UnitsService, settings: SettingsService) {
  const repo = createFormsRepo(db);
  const now = (): string => new Date().toISOString();

  function requireForm(dispatchId: number): DataForm {
    const form = repo.get(dispatchId);
    if (!form) {
      throw new UserError('no_form', `Công văn ${dispatches.describe(dispatches.get(dispatchId))} chưa có biểu số liệu. Hãy lập biểu số liệu trước.`);
    }
    return form;
  }

  return {
    get: (dispatchId: number): DataForm | null => repo.get(dispatchId),

    /** Saves the form; the version goes up only when the rows change (a new title keeps the version). */
    save(dispatchId: number, input: DataFormInput): DataForm {
      const d = dispatches.get(dispatchId);
      if (d.status === 'voided') throw new UserError('voided', `Công văn ${dispatches.describe(d)} đã bị hủy nên không lập biểu số liệu được.`);
      if (!d.requirement) {
        throw new UserError('no_requirement', `Công văn ${dispatches.describe(d)} không yêu cầu báo cáo. Hãy khai báo yêu cầu báo cáo trước khi lập biểu số liệu.`);
      }
      const parsed = DataFormInput.parse(input);
      return db.transaction(() => {
        const old = repo.get(dispatchId);
        const rowsChanged = !old || JSON.stringify(old.rows) !== JSON.stringify(parsed.rows);
        const form: DataForm = {
          dispatchId,
          formKey: old?.formKey ?? randomUUID(),
          version: old ? old.version + (rowsChanged ? 1 : 0) : 1,
          title: parsed.title,
          rows: parsed.rows,
          updatedAt: now(),
        };
        if (old) repo.update(form);
        else repo.insert(form);
        audit.record({ action: old ? 'update' : 'create', entity: 'data_form', entityId: dispatchId, detail: { version: form.version, indicators: form.rows.filter((r) => r.kind === 'indicator').length } });
        return form;
      })();
    },

    /** Removes a form no unit has returned; a returned one is kept so that its figures still mean something. */
    remove(dispatchId: number): void {
      const form = requireForm(dispatchId);
      db.transaction(() => {
        const returned = repo.submissionCount(dispatchId);
        if (returned > 0) {
          throw new UserError(
            'form_in_use',
            `Đã có ${returned} biểu số liệu do đơn vị gửi về theo biểu này nên không xóa được. Nếu cần đổi chỉ tiêu, hãy sửa biểu (phiên bản mới); biểu cũ vẫn được đọc theo tên chỉ tiêu.`,
          );
        }
        repo.remove(dispatchId);
        audit.record({ action: 'delete', entity: 'data_form', entityId: dispatchId, detail: { version: form.version } });
      })();
    },

    /** The sample form of dispatch 864 (plastic-waste propaganda figures). */
    sample: (): DataFormInput => DataFormInput.parse(sample864),

    /**
     * The .xlsx a unit fills in: for one unit (its name printed, its id in the hidden sheet) or a
     * blank with a drop-down of the expected units; for one period or with a drop-down of periods.
     */
    async renderXlsx(dispatchId: number, unitId: number | null, periodKey: string | null): Promise<{ fileName: string; bytes: Buffer }> {
      const form = requireForm(dispatchId);
      const d = dispatches.get(dispatchId);
      const periods = d.requirement ? reportingPeriods(d.requirement).map((p) => ({ key: p.key, label: p.label })) : [];
      const period = periodKey === null ? null : periods.find((p) => p.key === periodKey);
      if (period === undefined) {
        throw new UserError('unknown_period', `Công văn ${dispatches.describe(d)} không có kỳ báo cáo "${periodKey}". Các kỳ: ${periods.map((p) => p.key).join(', ')}.`);
      }
      const unit = unitId === null ? null : units.get(unitId);
      const expected = d.expectedUnitIds.flatMap((id) => {
        try {
          return [units.get(id).name];
        } catch {
          return []; // a unit removed since the dispatch was issued is simply not offered
        }
      });
      const bytes = await writeFormXlsx(form, {
        reference: dispatchReference(d, settings.getProfile().agencyName),
        unit: unit && { id: unit.id, name: unit.name },
        unitChoices: expected,
        period,
        periodChoices: periods,
      });
      return { fileName: formFileName(d, unit?.name ?? null, periodKey), bytes };
    },

    /** Every returned form of the dispatch (of one period when given), oldest first, superseded ones flagged. */
    submissions: (dispatchId: number, periodKey: string | null): FormSubmission[] => repo.submissions(dispatchId, periodKey),
    submissionOf: (incomingId: number): FormSubmission | null => repo.submissionOf(incomingId),

    /**
     * The clerk's correction of one value of a returned form, after the unit confirmed it (a phone
     * call): read from what was typed by the reader's own rules for the indicator's kind, stored
     * beside the value the file gave, audited. The cell no longer needs checking (its part of the
     * review reason goes) and the corrected value counts in the report. `typed` null withdraws the
     * correction: the value read from the file stands again. Returns the submission as it stands.
     */
    correctValue(incomingId: number, indicatorCode: string, typed: string | null, today: string): FormSubmission {
      return db.transaction(() => {
        const before = repo.submissionOf(incomingId);
        if (!before) throw new UserError('not_a_form', 'Văn bản đến này không có biểu số liệu nên không có số liệu để sửa.');
        if (before.dispatchId === null) {
          throw new UserError('no_dispatch', 'Văn bản đến này chưa gắn với công văn yêu cầu báo cáo nên chưa biết biểu số liệu để đối chiếu. Hãy chọn công văn và xác nhận trước.');
        }
        const indicator = requireForm(before.dispatchId).rows.find((r): r is IndicatorRow => r.kind === 'indicator' && r.code.toUpperCase() === indicatorCode.trim().toUpperCase());
        if (!indicator) throw new UserError('unknown_indicator', `Biểu số liệu không có chỉ tiêu mã "${indicatorCode.trim()}". Hãy tải lại trang rồi thử lại.`);
        const earlier = before.corrections.find((c) => c.indicatorCode === indicator.code) ?? null;
        let value: FormValue = null;
        if (typed === null) {
          if (!earlier) return before;
          repo.removeCorrection(incomingId, indicator.code);
        } else {
          if (!typed.trim()) throw new UserError('value_required', `Hãy nhập số liệu đơn vị đã xác nhận cho "${indicator.name}". Để dùng lại số liệu trong tệp, bấm "Bỏ sửa".`);
          const read = readTypedValue(typed, indicator);
          if (read.value === null) throw new UserError('invalid_value', `${capitalised(read.problem ?? 'giá trị không hợp lệ')}. ${TYPE_HINT[indicator.valueKind]}`);
          value = read.value;
          repo.saveCorrection({ incomingId, dispatchId: before.dispatchId, indicatorCode: indicator.code, value, by: audit.actor, on: today, at: now() });
        }
        const after = repo.submissionOf(incomingId)!;
        const reason = repo.reviewReason(incomingId);
        if (reason !== undefined) {
          const next = replaceReasonPart(reason, cellProblemsReason(before.problems), cellProblemsReason(after.problems));
          if (next !== reason) repo.setReviewReason(incomingId, next, now());
        }
        const { cell, readValue, readProblem } = after.corrections.find((c) => c.indicatorCode === indicator.code) ?? earlier ?? { cell: null, readValue: null, readProblem: null };
        audit.record({
          action: 'update',
          entity: 'incoming_document',
          entityId: incomingId,
          detail: { formCorrection: { indicatorCode: indicator.code, cell, readValue, readProblem, before: earlier?.value ?? null, value } },
        });
        return after;
      })();
    },

    /** The form a returned file names in its hidden sheet (null when no form has that key). */
    byKey: (formKey: string): DataForm | null => repo.byKey(formKey),
    /**
     * Stores the figures of a returned form, replacing an earlier reading of the same entry; called
     * inside the import's registration transaction, or the review's confirmation.
     */
    recordSubmission: (submission: NewSubmission): void => repo.saveSubmission(submission, now()),
  };
}
export type FormsService = ReturnType<typeof createFormsService>;
