import type ExcelJS from 'exceljs';
import type { Dispatch } from '../../shared/domain/dispatch.js';
import type { DataForm, FormSubmission } from '../../shared/domain/form.js';
import { reportingPeriods } from '../../shared/tracking/periods.js';
import type { UnitsService } from '../units/units-service.js';
import type { DispatchesService } from '../dispatches/dispatches-service.js';
import { comparableName, type Match } from '../intake/match.js';
import type { FormsService } from './forms-service.js';
import type { NewSubmission } from './forms-repo.js';
import { formMetadata, loadWorkbook, readForm, reviewReasonOf, type FormReading } from './read-form-xlsx.js';

/**
 * Returned data forms in the import (issue 6). A spreadsheet made by VănThư says which form,
 * unit and period it is for: strong evidence where the document itself has none better. The
 * form of the dispatch the entry answers is then read from the entry's spreadsheets, and its
 * figures stored with the entry in the same registration transaction.
 */

type UnitRef = { id: number; name: string };

export interface EntryMatches {
  unit: Match<UnitRef>;
  dispatch: Match<Dispatch>;
  period: Match<string>;
}

export interface ReturnedForm extends EntryMatches {
  /** The figures to store once the entry has its id; null when no spreadsheet was the form. */
  submission: Omit<NewSubmission, 'incomingId'> | null;
  /** Why the entry needs review because of its form, or null. */
  review: string | null;
}

/** Evidence from the form itself, with its reason in the clerk's words. */
interface Signal<T> {
  value: T;
  confidence: number;
  reason: string;
}

/** Signals at or above this are as strong as the import's own confident matches. */
const STRONG = 0.85;
/**
 * A period the table states ("năm 2021") is better than the import's guess from the day received
 * (0.7) and weaker than a period the document itself names (0.8).
 */
const CONFIDENCE = { formKey: 0.95, unitId: 0.9, chosenUnit: 0.85, periodKey: 0.9, chosenPeriod: 0.85, statedPeriod: 0.75 } as const;

/**
 * Puts a signal from the form together with what the document said: agreeing raises the
 * confidence; disagreeing, when both are strong, leaves the document's answer for a person to
 * check; otherwise the stronger one wins.
 */
export function combine<T>(found: Match<T>, signal: Signal<T> | null, same: (a: T, b: T) => boolean, label: (v: T) => string): Match<T> {
  if (!signal) return found;
  if (found.value === null) return { value: signal.value, confidence: signal.confidence, reasons: [signal.reason] };
  if (same(found.value, signal.value)) return { value: found.value, confidence: Math.max(found.confidence, signal.confidence), reasons: [...found.reasons, signal.reason] };
  const disagreement = `nhưng ${signal.reason}, không phải ${label(found.value)}`;
  if (found.confidence >= STRONG && signal.confidence >= STRONG) return { value: found.value, confidence: 0.5, reasons: [...found.reasons, disagreement] };
  if (found.confidence >= signal.confidence) return { value: found.value, confidence: found.confidence, reasons: [...found.reasons, disagreement] };
  return { value: signal.value, confidence: signal.confidence, reasons: [signal.reason, `(văn bản gợi ý ${label(found.value)} nhưng chưa chắc)`] };
}

function submissionOf(reading: FormReading): Omit<NewSubmission, 'incomingId'> {
  const meta = reading.meta && { dispatchId: reading.meta.dispatchId, unitId: reading.meta.unitId, periodKey: reading.meta.periodKey };
  return { readBy: reading.readBy, formVersion: reading.formVersion, meta, values: reading.values, problems: reading.problems, notes: reading.notes };
}

const describeDispatch = (d: Dispatch): string => `Công văn số ${d.number === null ? '…' : String(d.number).padStart(2, '0')}/${d.symbol}`;

export function createFormIntake(forms: FormsService, dispatches: DispatchesService, units: UnitsService) {
  function dispatchSignal(workbooks: ExcelJS.Workbook[]): Signal<Dispatch> | null {
    for (const wb of workbooks) {
      const meta = formMetadata(wb);
      const form = meta && forms.byKey(meta.formKey);
      if (!form) continue;
      const d = dispatches.get(form.dispatchId);
      return { value: d, confidence: CONFIDENCE.formKey, reason: `tệp Excel là biểu số liệu của ${describeDispatch(d)} (nhận ra từ thông tin ẩn trong tệp)` };
    }
    return null;
  }

  function unitSignal(reading: FormReading): Signal<UnitRef> | null {
    const all = units.list({ includeInactive: true });
    const byId = reading.meta?.unitId ? all.find((u) => u.id === reading.meta!.unitId) : undefined;
    if (byId) return { value: byId, confidence: CONFIDENCE.unitId, reason: `biểu số liệu được lập cho ${byId.name}` };
    if (!reading.unitName) return null;
    const named = all.find((u) => [u.name, ...u.aliases].some((n) => comparableName(n) === comparableName(reading.unitName!)));
    return named ? { value: named, confidence: CONFIDENCE.chosenUnit, reason: `biểu số liệu ghi đơn vị báo cáo "${reading.unitName}"` } : null;
  }

  function periodSignal(reading: FormReading, d: Dispatch | null): Signal<string> | null {
    if (!reading.periodKey || !reading.periodFrom || !d?.requirement) return null;
    const period = reportingPeriods(d.requirement).find((p) => p.key === reading.periodKey);
    if (!period) return null;
    const label = period.label.toLocaleLowerCase('vi');
    switch (reading.periodFrom) {
      case 'metadata':
        return { value: period.key, confidence: CONFIDENCE.periodKey, reason: `biểu số liệu ghi kỳ báo cáo ${label}` };
      case 'chosen':
        return { value: period.key, confidence: CONFIDENCE.chosenPeriod, reason: `biểu số liệu ghi kỳ báo cáo ${label}` };
      case 'table':
        return { value: period.key, confidence: CONFIDENCE.statedPeriod, reason: `bảng số liệu ghi ${label}` };
    }
  }

  /** The entry's spreadsheet that is the form: ours first, else the one where most indicators are found by name. */
  function bestReading(workbooks: ExcelJS.Workbook[], form: DataForm): FormReading | null {
    let best: FormReading | null = null;
    for (const wb of workbooks) {
      const reading = readForm(wb, form);
      if (reading?.readBy === 'metadata') return reading;
      if (reading && (!best || reading.found > best.found)) best = reading;
    }
    return best;
  }

  return {
    /** Loads an .xlsx of an entry before matching (null when unreadable). */
    load: (bytes: Buffer): Promise<ExcelJS.Workbook | null> => loadWorkbook(bytes),

    /**
     * What the entry's spreadsheets add to the matches, and the figures of its form.
     * @param periodFor the import's period match for a dispatch, used again when the form names another dispatch.
     */
    read(workbooks: ExcelJS.Workbook[], found: EntryMatches, periodFor: (d: Dispatch) => Match<string>): ReturnedForm {
      if (workbooks.length === 0) return { ...found, submission: null, review: null };
      const dispatch = combine(found.dispatch, dispatchSignal(workbooks), (a, b) => a.id === b.id, describeDispatch);
      let period = dispatch.value && dispatch.value.id !== found.dispatch.value?.id ? periodFor(dispatch.value) : found.period;
      const form = dispatch.value ? forms.get(dispatch.value.id) : null;
      const reading = form && bestReading(workbooks, form);
      if (!reading) return { ...found, dispatch, period, submission: null, review: null };
      const unit = combine(found.unit, unitSignal(reading), (a, b) => a.id === b.id, (u) => u.name);
      period = combine(period, periodSignal(reading, dispatch.value), (a, b) => a === b, (p) => `kỳ ${p}`);
      return { unit, dispatch, period, submission: submissionOf(reading), review: reviewReasonOf(reading) };
    },

    /** Stores the figures; called inside the registration transaction. */
    record: (incomingId: number, submission: Omit<NewSubmission, 'incomingId'>): void => forms.recordSubmission({ ...submission, incomingId }),

    /** Whether the dispatch has a form, so that an entry confirmed for it has spreadsheets worth loading. */
    hasForm: (dispatchId: number): boolean => forms.get(dispatchId) !== null,
    /** The figures stored for an entry, if any. */
    readingOf: (incomingId: number): FormSubmission | null => forms.submissionOf(incomingId),

    /**
     * Reads an entry's spreadsheets again against the form of the dispatch the clerk confirmed
     * in review, and replaces that entry's figures; called inside the confirmation transaction.
     * When no spreadsheet is that form, the earlier figures stay. Returns the earlier reading
     * (for the audit log) and the new one, or null when nothing was read.
     */
    reread(incomingId: number, workbooks: ExcelJS.Workbook[], dispatchId: number): { earlier: FormSubmission | null; now: Omit<NewSubmission, 'incomingId'> } | null {
      const form = forms.get(dispatchId);
      const reading = form && bestReading(workbooks, form);
      if (!reading) return null;
      const earlier = forms.submissionOf(incomingId);
      const now = submissionOf(reading);
      forms.recordSubmission({ ...now, incomingId });
      return { earlier, now };
    },
  };
}
export type FormIntake = ReturnType<typeof createFormIntake>;
