import { ReviewCorrection, type IncomingDocument } from '../../../../shared/domain/incoming';
import type { Unit } from '../../../../shared/domain/unit';
import { nameKey } from '../../../../shared/vn/fold';
import { parseDate } from '../../formatting/dates';
import { displayDate } from './incoming-text';

/** The review form as typed: text fields as text, dates as dd/mm/yyyy. */
export interface CorrectionValues {
  agency: string;
  number: number | null;
  symbol: string;
  dateText: string;
  type: string;
  subject: string;
  unitId: number | null;
  dispatchId: number | null;
  periodKey: string;
  rememberAlias: boolean;
}

export type CorrectionErrors = Partial<Record<'agency' | 'symbol' | 'date' | 'type' | 'subject' | 'periodKey', string>>;

export function correctionValues(document: IncomingDocument): CorrectionValues {
  return {
    agency: document.agency ?? '',
    number: document.number,
    symbol: document.symbol ?? '',
    dateText: displayDate(document.date),
    type: document.type ?? '',
    subject: document.subject ?? '',
    unitId: document.unitId,
    dispatchId: document.dispatchId,
    periodKey: document.periodKey ?? '',
    rememberAlias: false,
  };
}

/** True when the agency text is not already a name the unit is known by: remembering it would teach the matcher. */
export function agencyIsNewName(agency: string, unit: Unit | null): boolean {
  if (!unit || !agency.trim()) return false;
  const key = nameKey(agency);
  return ![unit.name, unit.shortName ?? '', ...unit.aliases].some((name) => name && nameKey(name) === key);
}

const blankToNull = (text: string): string | null => text.trim() || null;

/** The correction to send, or the errors to show beside the fields (checked with the same schema the core uses). */
export function toCorrection(values: CorrectionValues, unit: Unit | null): { correction: ReviewCorrection } | { errors: CorrectionErrors } {
  const date = parseDate(values.dateText);
  const errors: CorrectionErrors = {};
  if (date === undefined) errors.date = 'Hãy nhập ngày dạng dd/mm/yyyy, hoặc để trống.';
  const correction: ReviewCorrection = {
    agency: blankToNull(values.agency),
    number: values.number,
    symbol: blankToNull(values.symbol),
    date: date ?? null,
    type: blankToNull(values.type),
    subject: blankToNull(values.subject),
    unitId: values.unitId,
    dispatchId: values.dispatchId,
    periodKey: blankToNull(values.periodKey),
    rememberAlias: values.rememberAlias && agencyIsNewName(values.agency, unit),
  };
  const checked = ReviewCorrection.safeParse(correction);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const field = issue.path[0];
      if (field === 'agency' || field === 'symbol' || field === 'type' || field === 'subject' || field === 'periodKey') errors[field] ??= issue.message;
    }
  }
  return Object.keys(errors).length > 0 ? { errors } : { correction };
}
