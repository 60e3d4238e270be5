import type { Db } from '../db/connection.js';
import { FormCellProblem, FormRow, FormValue, type DataForm, type FormSubmission } from '../../shared/domain/form.js';
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
}

const Rows = z.array(FormRow);
const Values = z.record(z.string(), FormValue);
const Problems = z.array(FormCellProblem);

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
    values: Values.parse(JSON.parse(r.values_json)),
    problems: Problems.parse(JSON.parse(r.problems_json)),
    superseded: r.superseded === 1,
  };
}

// Unit, dispatch and period are the incoming document's (corrected in review), not the hidden sheet's.
// A submission is superseded by a later one (received date, then entry id) of the same dispatch, unit
// and period; the window runs over the rows the WHERE keeps, so it must keep whole partitions.
const submissionsWhere = (where: string): string => `
  SELECT * FROM (
    SELECT s.incoming_id, d.dispatch_id, d.unit_id, u.name AS unit_name, d.period_key, d.received_date,
           s.read_by, s.form_version, s.values_json, s.problems_json,
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
    INSERT INTO form_submissions (incoming_id, read_by, form_version, meta_dispatch_id, meta_unit_id, meta_period_key, values_json, problems_json, created_at)
    VALUES (@incomingId, @readBy, @formVersion, @metaDispatchId, @metaUnitId, @metaPeriodKey, @valuesJson, @problemsJson, @createdAt)
    ON CONFLICT (incoming_id) DO UPDATE SET
      read_by = excluded.read_by, form_version = excluded.form_version, meta_dispatch_id = excluded.meta_dispatch_id,
      meta_unit_id = excluded.meta_unit_id, meta_period_key = excluded.meta_period_key, values_json = excluded.values_json,
      problems_json = excluded.problems_json, created_at = excluded.created_at`);

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
        createdAt,
      }),
  };
}
export type FormsRepo = ReturnType<typeof createFormsRepo>;
