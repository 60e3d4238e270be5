import { useId, useState, type FormEvent } from 'react';
import type { FormSubmission, IndicatorKind, IndicatorRow } from '../../../../shared/domain/form';
import { api } from '../../api/client';
import { errorMessage } from '../../api/error-message';

/** What to type, shown in the empty box. */
const PLACEHOLDER: Readonly<Record<IndicatorKind, string>> = {
  integer: 'Số nguyên, ví dụ 15',
  decimal: 'Số, ví dụ 12,5',
  percent: 'Tỷ lệ 0–100, ví dụ 85,5',
  boolean: 'Có hoặc Không',
  text: 'Nội dung',
};

interface CorrectionEditorProps {
  incomingId: number;
  indicator: IndicatorRow;
  /** The corrected value being changed, or "" for a cell not corrected yet. */
  initial: string;
  onSaved: (submission: FormSubmission) => void;
  onCancel: () => void;
}

/**
 * "Sửa" on a value of a returned form: the figure the unit confirmed (by phone), read by the core
 * with the same rules as the form's cell; what it cannot read is said under the box. The value in
 * the unit's file is kept beside the correction.
 */
export function CorrectionEditor({ incomingId, indicator, initial, onSaved, onCancel }: CorrectionEditorProps) {
  const id = useId();
  const [typed, setTyped] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      onSaved(await api.call('forms.correctValue', { incomingId, indicatorCode: indicator.code, value: typed }));
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <form
      className="correction-editor"
      onSubmit={(e) => void save(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <label className="field-label" htmlFor={id}>
        Số liệu đơn vị xác nhận{indicator.unit && ` (${indicator.unit})`}
      </label>
      <div className="correction-editor-controls">
        <input
          id={id}
          className="input"
          value={typed}
          placeholder={PLACEHOLDER[indicator.valueKind]}
          maxLength={2000}
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : `${id}-hint`}
          onChange={(e) => setTyped(e.target.value)}
        />
        <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
          Lưu
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Hủy
        </button>
      </div>
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : (
        <p id={`${id}-hint`} className="correction-editor-hint">
          Số liệu trong tệp của đơn vị vẫn được giữ; báo cáo tổng hợp dùng số liệu đã sửa và ghi chú ngày sửa.
        </p>
      )}
    </form>
  );
}
