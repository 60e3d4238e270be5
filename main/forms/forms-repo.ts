import type { Db } from '../db/connection.js';
import { FormCellProblem, FormRow, FormValue, type DataForm, type FormCorrection, type FormSubmission } from '../../shared/domain/form.js';
import { z } from 'zod';

/** The SQL for data forms and the figures read from returned forms; rules live in the service. */

interface FormTableRow {
  dispatch_id: number;
  form_key: string;
  version: number;
  title: string;
  rows_json: string;
  updated_at: string;
}

interface SubmissionTableRow {
  incoming_id: number;
  dispatch_id: number | null;
  unit_id: number | null;
  unit_name: string | null;
  period_key: string | null;
  received_date: string;
  read_by: 'metadata' | 'names';
  form_version: number | null;
  values_json: string;
  problems_json: string;
  notes_json: string;
  /** The corrections that count (made against the entry's current dispatch): a JSON array of { code, value (as JSON), by, on, at }. */
  corrections_json: string;
  /** 1 when a later submission of the same dispatch, unit and period exists. */
  superseded: number;
}

/** What the import stores for one returned form. */
export interface NewSubmission {
  incomingId: number;
  readBy: 'metadata' | 'names';
  formVersion: number | null;
  meta: { dispatchId: number | null; unitId: number | null; periodKey: string | null } | null;
  values: Record<string, FormValue>;
  problems: FormCellProblem[];
  /** The unit's notes beside the indicators, by code; none when left out. */
  notes?: Record<string, string>;
}

/** A clerk's correction of one value, as stored. */
export interface NewCorrection {
  incomingId: number;
  dispatchId: number;
  indicatorCode: string;
  value: FormValue;
  by: string;
  on: string;
  at: string;
}

const Rows = z.array(FormRow);
const Values = z.record(z.string(), FormValue);
const Problems = z.array(FormCellProblem);
const Notes = z.record(z.string(), z.string());
const Corrections = z.array(z.object({ code: z.string(), value: z.string(), by: z.string(), on: z.string(), at: z.string() }));

/**
 * The submission as it stands: each corrected value replaces the one read, and its cell's
 * problem moves into the correction beside the value the file gave.
 */
function withCorrections(values: Record<string, FormValue>, problems: FormCellProblem[], corrections: z.infer<typeof Corrections>) {
  const standing = { ...values };
  let remaining = problems;
  const made: FormCorrection[] = corrections.map((c) => {
    const problem = problems.find((p) => p.indicatorCode === c.code);
    const value = FormValue.parse(JSON.parse(c.value));
    const correction = { indicatorCode: c.code, cell: problem?.cell ?? null, readValue: values[c.code] ?? null, readProblem: problem?.message ?? null, value, by: c.by, on: c.on, at: c.at };
    standing[c.code] = value;
    remaining = remaining.filter((p) => p.indicatorCode !== c.code);
    return correction;
  });
  return { values: standing, problems: remaining, corrections: made };
}

function toForm(r: FormTableRow): DataForm {
  return { dispatchId: r.dispatch_id, formKey: r.form_key, version: r.version, title: r.title, rows: Rows.parse(JSON.parse(r.rows_json)), updatedAt: r.updated_at };
}

function toSubmission(r: SubmissionTableRow): FormSubmission {
  return {
    incomingId: r.incoming_id,
    dispatchId: r.dispatch_id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    periodKey: r.period_key,
    receivedDate: r.received_date,
    readBy: r.read_by,
    formVersion: r.form_version,
    ...withCorrections(Values.parse(JSON.parse(r.values_json)), Problems.parse(JSON.parse(r.problems_json)), Corrections.parse(JSON.parse(r.corrections_json))),
    notes: Notes.parse(JSON.parse(r.notes_json)),
    superseded: r.superseded === 1,
  };
}

// Unit, dispatch and period are the incoming document's (corrected in review), not the hidden sheet's.
// A submission is superseded by a later one (received date, then entry id) of the same dispatch, unit
// and period; the window runs over the rows the WHERE keeps, so it must keep whole partitions.
const submissionsWhere = (where: string): string => `
  SELECT * FROM (
    SELECT s.incoming_id, d.dispatch_id, d.unit_id, u.name AS unit_name, d.period_key, d.received_date,
           s.read_by, s.form_version, s.values_json, s.problems_json, s.notes_json,
           (SELECT json_group_array(json_object('code', c.indicator_code, 'value', c.value_json, 'by', c.corrected_by, 'on', c.corrected_on, 'at', c.corrected_at))
              FROM form_corrections c WHERE c.incoming_id = s.incoming_id AND c.dispatch_id = d.dispatch_id) AS corrections_json,
           d.unit_id IS NOT NULL AND d.dispatch_id IS NOT NULL
             AND row_number() OVER (PARTITION BY d.dispatch_id, d.unit_id, d.period_key ORDER BY d.received_date DESC, d.id DESC) > 1 AS superseded
      FROM form_submissions s
      JOIN incoming_documents d ON d.id = s.incoming_id
      LEFT JOIN units u ON u.id = d.unit_id
     WHERE ${where})`;

export function createFormsRepo(db: Db) {
  const byDispatch = db.prepare<[number], FormTableRow>('SELECT * FROM data_forms WHERE dispatch_id = ?');
  const byKey = db.prepare<[string], FormTableRow>('SELECT * FROM data_forms WHERE form_key = ?');
  const insert = db.prepare(`
    INSERT INTO data_forms (dispatch_id, form_key, version, title, rows_json, updated_at)
    VALUES (@dispatchId, @formKey, @version, @title, @rowsJson, @updatedAt)`);
  const update = db.prepare(`
    UPDATE data_forms SET version = @version, title = @title, rows_json = @rowsJson, updated_at = @updatedAt WHERE dispatch_id = @dispatchId`);
  const remove = db.prepare('DELETE FROM data_forms WHERE dispatch_id = ?');
  const submissionCount = db.prepare<[number, number], { n: number }>(`
    SELECT count(*) AS n FROM form_submissions s JOIN incoming_documents d ON d.id = s.incoming_id
     WHERE d.dispatch_id = ? OR s.meta_dispatch_id = ?`);
  const ofDispatch = db.prepare<{ dispatchId: number; periodKey: string | null }, SubmissionTableRow>(
    `${submissionsWhere('d.dispatch_id = @dispatchId AND (@periodKey IS NULL OR d.period_key = @periodKey)')} ORDER BY received_date, incoming_id`,
  );
  const ofIncoming = db.prepare<{ incomingId: number }, SubmissionTableRow>(
    `${submissionsWhere('d.dispatch_id IS (SELECT dispatch_id FROM incoming_documents WHERE id = @incomingId)')} WHERE incoming_id = @incomingId`,
  );
  // One reading per entry: reading it again (the clerk chose its dispatch in review) replaces that entry's row only.
  const saveSubmission = db.prepare(`
    INSERT INTO form_submissions (incoming_id, read_by, form_version, meta_dispatch_id, meta_unit_id, meta_period_key, values_json, problems_json, notes_json, created_at)
    VALUES (@incomingId, @readBy, @formVersion, @metaDispatchId, @metaUnitId, @metaPeriodKey, @valuesJson, @problemsJson, @notesJson, @createdAt)
    ON CONFLICT (incoming_id) DO UPDATE SET
      read_by = excluded.read_by, form_version = excluded.form_version, meta_dispatch_id = excluded.meta_dispatch_id,
      meta_unit_id = excluded.meta_unit_id, meta_period_key = excluded.meta_period_key, values_json = excluded.values_json,
      problems_json = excluded.problems_json, notes_json = excluded.notes_json, created_at = excluded.created_at`);
  const saveCorrection = db.prepare(`
    INSERT INTO form_corrections (incoming_id, dispatch_id, indicator_code, value_json, corrected_by, corrected_on, corrected_at)
    VALUES (@incomingId, @dispatchId, @indicatorCode, @valueJson, @by, @on, @at)
    ON CONFLICT (incoming_id, indicator_code) DO UPDATE SET
      dispatch_id = excluded.dispatch_id, value_json = excluded.value_json, corrected_by = excluded.corrected_by,
      corrected_on = excluded.corrected_on, corrected_at = excluded.corrected_at`);
  const removeCorrection = db.prepare('DELETE FROM form_corrections WHERE incoming_id = ? AND indicator_code = ?');
  const reviewReason = db.prepare<[number], { status: string; review_reason: string | null }>('SELECT status, review_reason FROM incoming_documents WHERE id = ?');
  const setReviewReason = db.prepare('UPDATE incoming_documents SET review_reason = ?, updated_at = ? WHERE id = ?');

  return {
    get: (dispatchId: number): DataForm | null => {
      const r = byDispatch.get(dispatchId);
      return r ? toForm(r) : null;
    },
    byKey: (formKey: string): DataForm | null => {
      const r = byKey.get(formKey);
      return r ? toForm(r) : null;
    },
    insert: (form: DataForm): void =>
      void insert.run({ dispatchId: form.dispatchId, formKey: form.formKey, version: form.version, title: form.title, rowsJson: JSON.stringify(form.rows), updatedAt: form.updatedAt }),
    update: (form: DataForm): void =>
      void update.run({ dispatchId: form.dispatchId, version: form.version, title: form.title, rowsJson: JSON.stringify(form.rows), updatedAt: form.updatedAt }),
    remove: (dispatchId: number): void => void remove.run(dispatchId),
    /** Returned forms linked to the dispatch, or naming it in their hidden sheet. */
    submissionCount: (dispatchId: number): number => submissionCount.get(dispatchId, dispatchId)!.n,
    submissions: (dispatchId: number, periodKey: string | null): FormSubmission[] => ofDispatch.all({ dispatchId, periodKey }).map(toSubmission),
    submissionOf: (incomingId: number): FormSubmission | null => {
      const r = ofIncoming.get({ incomingId });
      return r ? toSubmission(r) : null;
    },
    saveSubmission: (s: NewSubmission, createdAt: string): void =>
      void saveSubmission.run({
        incomingId: s.incomingId,
        readBy: s.readBy,
        formVersion: s.formVersion,
        metaDispatchId: s.meta?.dispatchId ?? null,
        metaUnitId: s.meta?.unitId ?? null,
        metaPeriodKey: s.meta?.periodKey ?? null,
        valuesJson: JSON.stringify(s.values),
        problemsJson: JSON.stringify(s.problems),
        notesJson: JSON.stringify(s.notes ?? {}),
        createdAt,
      }),
    /** Records a correction, replacing an earlier one of the same value. */
    saveCorrection: (c: NewCorrection): void =>
      void saveCorrection.run({ incomingId: c.incomingId, dispatchId: c.dispatchId, indicatorCode: c.indicatorCode, valueJson: JSON.stringify(c.value), by: c.by, on: c.on, at: c.at }),
    /** Withdraws a correction: the value read from the file stands again. */
    removeCorrection: (incomingId: number, indicatorCode: string): boolean => removeCorrection.run(incomingId, indicatorCode).changes > 0,
    /** The entry's review reason while it waits in review; undefined when it is registered. */
    reviewReason(incomingId: number): string | null | undefined {
      const r = reviewReason.get(incomingId);
      return r?.status === 'needs_review' ? r.review_reason : undefined;
    },
    setReviewReason: (incomingId: number, reason: string | null, at: string): void => void setReviewReason.run(reason, at, incomingId),
  };
}
export type FormsRepo = ReturnType<typeof createFormsRepo>;
