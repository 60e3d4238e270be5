import { Fragment, useEffect, useState } from 'react';
import type { DataForm, FormCellProblem, FormCorrection, FormRow, FormSubmission } from '../../../../shared/domain/form';
import { api } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { Notice } from '../../components/Notice';
import { formatDate } from '../../formatting/dates';
import { periodLabel } from '../incoming/incoming-text';
import { CorrectionEditor } from './CorrectionEditor';
import { formatFormValue, indicatorsByCode } from './form-text';

interface Figures {
  submission: FormSubmission;
  /** The dispatch's form, for the indicators' names and order; null when it is gone. */
  form: DataForm | null;
}

type FiguresState = { state: 'loading' } | { state: 'none' } | { state: 'failed'; message: string } | ({ state: 'ready' } & Figures);

/** The figures read from a received document when it is a returned form; 'none' when it is not one. */
function useFormFigures(incomingId: number) {
  const [figures, setFigures] = useState<FiguresState>({ state: 'loading' });
  useEffect(() => {
    let stale = false;
    (async () => {
      const submission = await api.call('forms.submissionOf', { incomingId });
      if (!submission) return { state: 'none' } as const;
      const form = submission.dispatchId === null ? null : await api.call('forms.get', { dispatchId: submission.dispatchId });
      return { state: 'ready', submission, form } as const;
    })().then(
      (result) => {
        if (!stale) setFigures(result);
      },
      (e: unknown) => {
        if (!stale) setFigures({ state: 'failed', message: errorMessage(e) });
      },
    );
    return () => {
      stale = true;
    };
  }, [incomingId]);
  /** Shows the submission as a correction left it. */
  const replace = (submission: FormSubmission): void => setFigures((f) => (f.state === 'ready' ? { ...f, submission } : f));
  return { figures, replace };
}

interface FormFiguresProps {
  incomingId: number;
  /** 'panel' on a document's page; 'section' inside the review form, like its other sections. */
  variant: 'panel' | 'section';
  /** After a value was corrected or a correction withdrawn (the review reason may have changed). */
  onCorrected?: () => void;
}

/**
 * "Số liệu theo biểu mẫu": what VănThư read from a unit's returned form, indicator by
 * indicator, with every cell to check marked and explained. Nothing shows for other documents.
 */
export function FormFigures({ incomingId, variant, onCorrected }: FormFiguresProps) {
  const { figures, replace } = useFormFigures(incomingId);
  if (figures.state === 'loading' || figures.state === 'none') return null;
  const Title = variant === 'panel' ? 'h2' : 'h3';
  return (
    <section className={`form-figures ${variant === 'panel' ? 'panel' : 'form-section'}`} aria-label="Số liệu theo biểu mẫu" data-testid="form-figures">
      <Title className={variant === 'panel' ? 'panel-title' : 'form-section-title'}>Số liệu theo biểu mẫu</Title>
      {figures.state === 'failed' ? (
        <Notice tone="error">Không đọc được số liệu biểu mẫu: {figures.message}</Notice>
      ) : (
        <FiguresBody
          {...figures}
          onCorrected={(submission) => {
            replace(submission);
            onCorrected?.();
          }}
        />
      )}
    </section>
  );
}

function FiguresBody({ submission, form, onCorrected }: Figures & { onCorrected: (submission: FormSubmission) => void }) {
  const { problems } = submission;
  const [editing, setEditing] = useState<string | null>(null);
  const [withdrawError, setWithdrawError] = useState<string | null>(null);
  const byCode = new Map<string, FormCellProblem[]>();
  for (const problem of problems) {
    const code = problem.indicatorCode?.toUpperCase();
    if (code) byCode.set(code, [...(byCode.get(code) ?? []), problem]);
  }
  const corrections = new Map(submission.corrections.map((c) => [c.indicatorCode.toUpperCase(), c]));
  const notes = new Map(Object.entries(submission.notes).map(([code, note]) => [code.toUpperCase(), note]));
  const known = indicatorsByCode(form?.rows ?? []);
  const unplaced = problems.filter((p) => !p.indicatorCode || !known.has(p.indicatorCode.toUpperCase()));
  // Codes read from the file that the form (as it is now) does not have: shown after its rows.
  const extraCodes = Object.keys(submission.values).filter((code) => !known.has(code.toUpperCase()));
  const rows: FormRow[] = [
    ...(form?.rows ?? []),
    ...extraCodes.map((code): FormRow => ({ kind: 'indicator', code, name: code, unit: '', valueKind: 'text', aggregation: 'list', required: false })),
  ];
  // A value can be corrected against the dispatch's form only.
  const correctable = (code: string): boolean => form !== null && known.has(code.toUpperCase());

  const withdraw = async (code: string): Promise<void> => {
    setWithdrawError(null);
    try {
      onCorrected(await api.call('forms.correctValue', { incomingId: submission.incomingId, indicatorCode: code, value: null }));
    } catch (e) {
      setWithdrawError(errorMessage(e));
    }
  };

  return (
    <>
      <p className="form-figures-meta">
        {[
          submission.unitName,
          submission.periodKey && periodLabel(submission.periodKey),
          `nhận ${formatDate(submission.receivedDate)}`,
          submission.formVersion !== null && `biểu mẫu phiên bản ${submission.formVersion}`,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {submission.superseded && (
        <Notice tone="info">
          <strong>Đã được thay bằng lần gửi sau.</strong> Đơn vị đã gửi lại biểu mẫu cho kỳ này; báo cáo tổng hợp dùng số liệu của lần gửi sau, lần này vẫn được lưu.
        </Notice>
      )}
      {submission.readBy === 'names' && (
        <p className="review-reason" data-testid="read-by-names">
          <strong>Đọc theo tên chỉ tiêu.</strong> Tệp không mang thông tin của biểu mẫu (đơn vị đã gõ lại bảng hoặc dùng biểu mẫu cũ), nên VănThư ghép số liệu theo tên
          chỉ tiêu. Hãy đối chiếu với tệp gốc.
        </p>
      )}
      {problems.length > 0 && (
        <p className="review-reason">
          <strong>{problems.length} ô cần kiểm tra</strong> (đánh dấu đỏ), chưa được tổng hợp. Nếu đơn vị xác nhận số liệu đúng (qua điện thoại), bấm “Sửa” để nhập; hoặc đề
          nghị đơn vị gửi lại biểu mẫu: lần gửi sau sẽ thay lần này.
        </p>
      )}
      {withdrawError && <Notice tone="error">{withdrawError}</Notice>}
      {unplaced.length > 0 && (
        <ul className="form-figures-unplaced">
          {unplaced.map((p, i) => (
            <li key={i}>{problemText(p)}</li>
          ))}
        </ul>
      )}
      <table className="form-figures-table">
        <caption className="visually-hidden">Số liệu đơn vị đã điền</caption>
        <thead>
          <tr>
            <th scope="col">Chỉ tiêu</th>
            <th scope="col" className="form-figures-value">
              Số liệu
            </th>
            <th scope="col" className="form-figures-unit" title="Đơn vị tính">
              ĐVT
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            if (row.kind === 'group') {
              return (
                <tr key={index} className="form-figures-group">
                  <td colSpan={3}>{row.label}</td>
                </tr>
              );
            }
            const key = row.code.toUpperCase();
            const cellProblems = byCode.get(key) ?? [];
            const correction = corrections.get(key);
            const note = notes.get(key);
            const value = formatFormValue(submission.values[row.code] ?? submission.values[key], row.valueKind);
            const canCorrect = (cellProblems.length > 0 || correction !== undefined) && correctable(row.code);
            const rowClass = cellProblems.length > 0 ? 'form-figures-problem' : correction ? 'form-figures-corrected' : undefined;
            return (
              <Fragment key={index}>
                <tr className={rowClass} data-code={row.code}>
                  <th scope="row">
                    {row.name}
                    {cellProblems.map((p, i) => (
                      <span key={i} className="form-figures-message">
                        {problemText(p)}
                      </span>
                    ))}
                    {correction && <span className="form-figures-correction">{correctionText(correction)}</span>}
                    {note && (
                      <span className="form-figures-note">
                        <span className="form-figures-note-label">Ghi chú của đơn vị:</span> {note}
                      </span>
                    )}
                    {canCorrect && editing !== row.code && (
                      <span className="form-figures-actions">
                        <button type="button" className="button button-small" aria-label={`Sửa số liệu “${row.name}”`} onClick={() => setEditing(row.code)}>
                          Sửa
                        </button>
                        {correction && (
                          <button type="button" className="button button-small button-danger-subtle" aria-label={`Bỏ sửa số liệu “${row.name}”`} onClick={() => void withdraw(row.code)}>
                            Bỏ sửa
                          </button>
                        )}
                      </span>
                    )}
                  </th>
                  <td className="form-figures-value">
                    {value ?? (cellProblems.length > 0 ? '—' : <span className="muted">(trống)</span>)}
                    {correction && <span className="form-figures-corrected-mark">đã sửa</span>}
                  </td>
                  <td className="form-figures-unit">{row.unit}</td>
                </tr>
                {editing === row.code && (
                  <tr className="form-figures-editor">
                    <td colSpan={3}>
                      <CorrectionEditor
                        incomingId={submission.incomingId}
                        indicator={row}
                        initial={correction ? (value ?? '') : ''}
                        onSaved={(updated) => {
                          setEditing(null);
                          onCorrected(updated);
                        }}
                        onCancel={() => setEditing(null)}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

/** "Đã sửa theo xác nhận của đơn vị ngày 20/11/2021 — trong tệp (ô D12): «mười lăm» không phải là số." */
function correctionText(c: FormCorrection): string {
  const readValue = formatFormValue(c.readValue, null);
  const read = c.readProblem ?? (readValue === null ? 'ô trống' : `«${readValue}»`);
  return `Đã sửa theo xác nhận của đơn vị ngày ${formatDate(c.on)} — trong tệp${c.cell ? ` (ô ${c.cell})` : ''}: ${read}.`;
}

/** "Ô C12: «mười» không phải là số." — the cell first, so the clerk can find it in the file. */
function problemText(problem: FormCellProblem): string {
  return problem.cell && !problem.message.startsWith(problem.cell) ? `Ô ${problem.cell}: ${problem.message}` : problem.message;
}
