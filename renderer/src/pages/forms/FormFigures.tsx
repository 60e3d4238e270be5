import { useEffect, useState } from 'react';
import type { DataForm, FormCellProblem, FormRow, FormSubmission } from '../../../../shared/domain/form';
import { api } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { Notice } from '../../components/Notice';
import { formatDate } from '../../formatting/dates';
import { periodLabel } from '../incoming/incoming-text';
import { formatFormValue, indicatorsByCode } from './form-text';

interface Figures {
  submission: FormSubmission;
  /** The dispatch's form, for the indicators' names and order; null when it is gone. */
  form: DataForm | null;
}

type FiguresState = { state: 'loading' } | { state: 'none' } | { state: 'failed'; message: string } | ({ state: 'ready' } & Figures);

/** The figures read from a received document when it is a returned form; 'none' when it is not one. */
function useFormFigures(incomingId: number): FiguresState {
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
  return figures;
}

interface FormFiguresProps {
  incomingId: number;
  /** 'panel' on a document's page; 'section' inside the review form, like its other sections. */
  variant: 'panel' | 'section';
}

/**
 * "Số liệu theo biểu mẫu": what VănThư read from a unit's returned form, indicator by
 * indicator, with every cell to check marked and explained. Nothing shows for other documents.
 */
export function FormFigures({ incomingId, variant }: FormFiguresProps) {
  const figures = useFormFigures(incomingId);
  if (figures.state === 'loading' || figures.state === 'none') return null;
  const Title = variant === 'panel' ? 'h2' : 'h3';
  return (
    <section className={`form-figures ${variant === 'panel' ? 'panel' : 'form-section'}`} aria-label="Số liệu theo biểu mẫu" data-testid="form-figures">
      <Title className={variant === 'panel' ? 'panel-title' : 'form-section-title'}>Số liệu theo biểu mẫu</Title>
      {figures.state === 'failed' ? <Notice tone="error">Không đọc được số liệu biểu mẫu: {figures.message}</Notice> : <FiguresBody {...figures} />}
    </section>
  );
}

function FiguresBody({ submission, form }: Figures) {
  const { problems } = submission;
  const byCode = new Map<string, FormCellProblem[]>();
  for (const problem of problems) {
    const code = problem.indicatorCode?.toUpperCase();
    if (code) byCode.set(code, [...(byCode.get(code) ?? []), problem]);
  }
  const known = indicatorsByCode(form?.rows ?? []);
  const unplaced = problems.filter((p) => !p.indicatorCode || !known.has(p.indicatorCode.toUpperCase()));
  // Codes read from the file that the form (as it is now) does not have: shown after its rows.
  const extraCodes = Object.keys(submission.values).filter((code) => !known.has(code.toUpperCase()));
  const rows: FormRow[] = [
    ...(form?.rows ?? []),
    ...extraCodes.map((code): FormRow => ({ kind: 'indicator', code, name: code, unit: '', valueKind: 'text', aggregation: 'list', required: false })),
  ];

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
          <strong>{problems.length} ô cần kiểm tra</strong> (đánh dấu đỏ). Nếu số liệu sai, hãy đề nghị đơn vị gửi lại biểu mẫu: lần gửi sau sẽ thay lần này.
        </p>
      )}
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
            const cellProblems = byCode.get(row.code.toUpperCase()) ?? [];
            const value = formatFormValue(submission.values[row.code] ?? submission.values[row.code.toUpperCase()], row.valueKind);
            return (
              <tr key={index} className={cellProblems.length > 0 ? 'form-figures-problem' : undefined} data-code={row.code}>
                <th scope="row">
                  {row.name}
                  {cellProblems.map((p, i) => (
                    <span key={i} className="form-figures-message">
                      {problemText(p)}
                    </span>
                  ))}
                </th>
                <td className="form-figures-value">{value ?? (cellProblems.length > 0 ? '—' : <span className="muted">(trống)</span>)}</td>
                <td className="form-figures-unit">{row.unit}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

/** "Ô C12: «mười» không phải là số." — the cell first, so the clerk can find it in the file. */
function problemText(problem: FormCellProblem): string {
  return problem.cell && !problem.message.startsWith(problem.cell) ? `Ô ${problem.cell}: ${problem.message}` : problem.message;
}
