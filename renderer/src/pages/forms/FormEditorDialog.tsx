import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Aggregation, IndicatorKind, type DataForm, type FormRow, type IndicatorRow } from '../../../../shared/domain/form';
import { api } from '../../api/client';
import { UserFacingError } from '../../api/error-message';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { ArrowDownIcon, ArrowUpIcon, CloseIcon, PlusIcon } from '../../components/icons';
import { Notice } from '../../components/Notice';
import { AGGREGATION_LABELS, AGGREGATIONS_FOR, KIND_LABELS, kindHasUnit } from './form-text';
import {
  formProblems,
  hasProblems,
  insertAfter,
  moveItem,
  newGroup,
  newIndicator,
  withValueKind,
  type FormDraft,
  type RowField,
} from './form-rows';

interface FormEditorDialogProps {
  dispatchId: number;
  draft: FormDraft;
  onDraftChange(draft: FormDraft): void;
  /** The version saved so far; null before the first save. */
  savedVersion: number | null;
  /** The dispatch has gone out: the units may already hold this version. */
  issued: boolean;
  /** Saves the dispatch draft first (the core reads its requirement); false when that failed. */
  beforeSave(): Promise<boolean>;
  /** Fills an empty form with the sample of the demo dispatch. */
  onUseSample(): void;
  onSaved(form: DataForm): void;
  /** Closes without saving; the section keeps the draft for "Tiếp tục sửa". */
  onClose(): void;
}

const FIELD_NAMES: Readonly<Record<RowField, string>> = { code: 'Mã', name: 'Tên chỉ tiêu', unit: 'ĐVT', label: 'Tên nhóm' };
const KINDS = IndicatorKind.options;

/** Marks a field whose row has a problem, and points it at the message under the row. */
type InvalidProps = { 'aria-invalid'?: true; 'aria-describedby'?: string };

/**
 * "Biểu mẫu số liệu": the indicators units fill in, one row each, with grouping rows between
 * them. Rows are added under the one being edited and moved with the arrow buttons; every
 * problem shows beside its row, by the same rules the core saves the form by.
 */
export function FormEditorDialog({ dispatchId, draft, onDraftChange, savedVersion, issued, beforeSave, onUseSample, onSaved, onClose }: FormEditorDialogProps) {
  const [activeRow, setActiveRow] = useState<number | null>(null);
  // Problems show once the clerk has tried to save, then follow every change.
  const [checked, setChecked] = useState(false);
  const pendingFocus = useRef<{ row: number; selector: string } | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const problems = useMemo(() => formProblems(draft), [draft]);
  const shown = checked ? problems : null;

  // After a move, an insertion or a removal the focus follows the row it was on.
  useLayoutEffect(() => {
    const target = pendingFocus.current;
    if (!target) return;
    pendingFocus.current = null;
    const row = tableRef.current?.querySelector(`[data-row="${target.row}"]`);
    const field = row?.querySelector<HTMLElement>(`${target.selector}:not(:disabled)`) ?? row?.querySelector<HTMLElement>('input');
    field?.focus();
    // The row's problems are on the line under it: bring both into view.
    if (target.selector === '[aria-invalid="true"]') row?.nextElementSibling?.scrollIntoView({ block: 'nearest' });
  });

  const setRows = (rows: FormRow[], focus?: { row: number; selector: string }): void => {
    if (focus) pendingFocus.current = focus;
    onDraftChange({ ...draft, rows });
  };
  const updateRow = (index: number, row: FormRow): void => setRows(draft.rows.map((r, i) => (i === index ? row : r)));
  const add = (row: FormRow): void => {
    const at = activeRow === null ? draft.rows.length : activeRow + 1;
    setActiveRow(at);
    setRows(insertAfter(draft.rows, activeRow, row), { row: at, selector: row.kind === 'group' ? 'input' : '[data-field="name"]' });
  };
  const move = (index: number, offset: -1 | 1, button: string): void => {
    setActiveRow(index + offset);
    setRows(moveItem(draft.rows, index, offset), { row: index + offset, selector: `[data-action="${button}"]` });
  };
  const remove = (index: number): void => {
    const next = draft.rows.filter((_, i) => i !== index);
    const focusRow = Math.min(index, next.length - 1);
    setActiveRow(focusRow >= 0 ? focusRow : null);
    setRows(next, focusRow >= 0 ? { row: focusRow, selector: '[data-action="remove"]' } : undefined);
  };

  const submit = async (): Promise<void> => {
    setChecked(true);
    if (hasProblems(problems)) {
      const rowCount = problems.rows.size;
      const firstRow = Math.min(...problems.rows.keys());
      if (rowCount > 0) pendingFocus.current = { row: firstRow, selector: '[aria-invalid="true"]' };
      throw new UserFacingError(
        rowCount > 0
          ? `Biểu mẫu còn lỗi ở ${rowCount} dòng (đánh dấu đỏ trong bảng). Sửa rồi bấm “Lưu biểu mẫu”.`
          : 'Biểu mẫu chưa lưu được; xem lỗi ngay trên bảng.',
      );
    }
    if (!(await beforeSave())) throw new UserFacingError('Chưa lưu được công văn nên chưa lưu biểu mẫu. Hãy xem lý do ở đầu trang.');
    onSaved(await api.call('forms.save', { dispatchId, form: draft }));
  };

  const indicatorCount = draft.rows.filter((r) => r.kind === 'indicator').length;

  return (
    <FormDialog
      title="Biểu mẫu số liệu"
      size="wide"
      testId="form-editor"
      submitLabel="Lưu biểu mẫu"
      cancelLabel="Đóng"
      onClose={onClose}
      onSubmit={submit}
    >
      <p className="dialog-lead">
        Mỗi chỉ tiêu là một dòng đơn vị điền số liệu trong tệp Excel; VănThư đọc số liệu theo mã chỉ tiêu và tổng hợp theo cách đã chọn.
        {issued && savedVersion !== null && (
          <>
            {' '}
            <strong>Công văn đã ban hành:</strong> đổi chỉ tiêu sẽ nâng biểu mẫu lên phiên bản {savedVersion + 1}. Biểu mẫu đơn vị điền theo phiên bản cũ vẫn
            được đọc (theo tên chỉ tiêu) và đưa vào hàng chờ xác nhận.
          </>
        )}
      </p>
      {shown && shown.general.length > 0 && <Notice tone="error">{shown.general.join(' ')}</Notice>}
      <div className="form-stack">
        <Field label="Tên biểu mẫu" required error={shown?.title}>
          {(control) => (
            <input
              {...control}
              className="input"
              maxLength={300}
              placeholder="Biểu số liệu kết quả tuyên truyền …"
              value={draft.title}
              onChange={(e) => onDraftChange({ ...draft, title: e.target.value })}
            />
          )}
        </Field>

        <div className="form-rows-scroll">
          <table className="form-rows-table" ref={tableRef}>
            <caption className="visually-hidden">Các dòng của biểu mẫu</caption>
            <colgroup>
              <col className="form-col-number" />
              <col className="form-col-code" />
              <col />
              <col className="form-col-unit" />
              <col className="form-col-kind" />
              <col className="form-col-aggregation" />
              <col className="form-col-required" />
              <col className="form-col-actions" />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">Dòng</span>
                </th>
                <th scope="col">Mã</th>
                <th scope="col">Tên chỉ tiêu</th>
                <th scope="col" title="Đơn vị tính">
                  ĐVT
                </th>
                <th scope="col">Kiểu giá trị</th>
                <th scope="col">Cách tổng hợp</th>
                <th scope="col">Bắt buộc</th>
                <th scope="col">
                  <span className="visually-hidden">Thao tác</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {draft.rows.length === 0 && (
                <tr>
                  <td colSpan={8} className="form-rows-empty">
                    Biểu mẫu chưa có dòng nào.{' '}
                    <button type="button" className="button button-subtle" onClick={onUseSample}>
                      Dùng biểu mẫu mẫu
                    </button>
                    hoặc bấm “Thêm chỉ tiêu”.
                  </td>
                </tr>
              )}
              {draft.rows.map((row, index) => (
                <FormRowEditor
                  key={index}
                  row={row}
                  index={index}
                  last={index === draft.rows.length - 1}
                  active={index === activeRow}
                  problems={shown?.rows.get(index)}
                  onFocus={() => setActiveRow(index)}
                  onChange={(r) => updateRow(index, r)}
                  onMove={(offset, button) => move(index, offset, button)}
                  onRemove={() => remove(index)}
                />
              ))}
            </tbody>
          </table>
        </div>
        <div className="button-row form-rows-add">
          <button type="button" className="button" title="Thêm chỉ tiêu ngay dưới dòng đang sửa" onClick={() => add(newIndicator(draft.rows))}>
            <PlusIcon />
            Thêm chỉ tiêu
          </button>
          <button type="button" className="button" title="Dòng in đậm chia nhóm các chỉ tiêu, ví dụ “I. Báo chí, phát thanh, truyền hình”" onClick={() => add(newGroup())}>
            <PlusIcon />
            Thêm dòng nhóm
          </button>
          <span className="form-rows-count muted">{indicatorCount} chỉ tiêu</span>
        </div>
      </div>
    </FormDialog>
  );
}

interface FormRowEditorProps {
  row: FormRow;
  index: number;
  last: boolean;
  active: boolean;
  problems: Partial<Record<RowField, string>> | undefined;
  onFocus(): void;
  onChange(row: FormRow): void;
  onMove(offset: -1 | 1, button: 'up' | 'down'): void;
  onRemove(): void;
}

function FormRowEditor({ row, index, last, active, problems, onFocus, onChange, onMove, onRemove }: FormRowEditorProps) {
  const line = index + 1;
  const problemId = `form-row-${index}-problems`;
  const invalid = (field: RowField): InvalidProps => (problems?.[field] ? { 'aria-invalid': true as const, 'aria-describedby': problemId } : {});
  const messages = problems ? (Object.entries(problems) as [RowField, string][]) : [];

  const actions = (
    <td className="form-row-actions">
      <button type="button" className="icon-button icon-button-small" data-action="up" aria-label={`Chuyển dòng ${line} lên`} title="Chuyển lên" disabled={index === 0} onClick={() => onMove(-1, 'up')}>
        <ArrowUpIcon />
      </button>
      <button type="button" className="icon-button icon-button-small" data-action="down" aria-label={`Chuyển dòng ${line} xuống`} title="Chuyển xuống" disabled={last} onClick={() => onMove(1, 'down')}>
        <ArrowDownIcon />
      </button>
      <button type="button" className="icon-button icon-button-small form-row-remove" data-action="remove" aria-label={`Xóa dòng ${line}`} title="Xóa dòng" onClick={onRemove}>
        <CloseIcon />
      </button>
    </td>
  );

  return (
    <>
      <tr className={`form-row form-row-${row.kind}${active ? ' form-row-active' : ''}${problems ? ' form-row-invalid' : ''}`} data-row={index} onFocus={onFocus}>
        <td className="form-row-number">{line}</td>
        {row.kind === 'group' ? (
          <td colSpan={6}>
            <div className="form-group-cell">
              <span className="form-group-tag">Nhóm</span>
              <input
                className="input form-group-input"
                aria-label={`Tên nhóm (dòng ${line})`}
                maxLength={300}
                placeholder="I. Báo chí, phát thanh, truyền hình"
                value={row.label}
                onChange={(e) => onChange({ ...row, label: e.target.value })}
                {...invalid('label')}
              />
            </div>
          </td>
        ) : (
          <IndicatorCells row={row} line={line} invalid={invalid} onChange={onChange} />
        )}
        {actions}
      </tr>
      {messages.length > 0 && (
        <tr className="form-row-problems">
          <td />
          <td colSpan={7}>
            <p id={problemId} className="field-error">
              {messages.map(([field, message]) => `${FIELD_NAMES[field]}: ${message}`).join(' ')}
            </p>
          </td>
        </tr>
      )}
    </>
  );
}

interface IndicatorCellsProps {
  row: IndicatorRow;
  line: number;
  invalid(field: RowField): InvalidProps;
  onChange(row: IndicatorRow): void;
}

function IndicatorCells({ row, line, invalid, onChange }: IndicatorCellsProps) {
  const hasUnit = kindHasUnit(row.valueKind);
  return (
    <>
      <td>
        <input
          className="input form-code-input"
          data-field="code"
          aria-label={`Mã chỉ tiêu (dòng ${line})`}
          maxLength={20}
          spellCheck={false}
          value={row.code}
          onChange={(e) => onChange({ ...row, code: e.target.value.replace(/\s/g, '') })}
          {...invalid('code')}
        />
      </td>
      <td>
        <input
          className="input"
          data-field="name"
          aria-label={`Tên chỉ tiêu (dòng ${line})`}
          maxLength={300}
          placeholder="Số tin, bài tuyên truyền"
          value={row.name}
          onChange={(e) => onChange({ ...row, name: e.target.value })}
          {...invalid('name')}
        />
      </td>
      <td>
        <input
          className="input"
          aria-label={`Đơn vị tính (dòng ${line})`}
          maxLength={50}
          placeholder={hasUnit ? 'tin, bài' : ''}
          title={hasUnit ? undefined : 'Kiểu giá trị này không có đơn vị tính'}
          disabled={!hasUnit}
          value={row.unit}
          onChange={(e) => onChange({ ...row, unit: e.target.value })}
          {...invalid('unit')}
        />
      </td>
      <td>
        <select className="input" aria-label={`Kiểu giá trị (dòng ${line})`} value={row.valueKind} onChange={(e) => onChange(withValueKind(row, IndicatorKind.parse(e.target.value)))}>
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      </td>
      <td>
        <select
          className="input"
          aria-label={`Cách tổng hợp (dòng ${line})`}
          value={row.aggregation}
          onChange={(e) => onChange({ ...row, aggregation: Aggregation.parse(e.target.value) })}
        >
          {AGGREGATIONS_FOR[row.valueKind].map((aggregation) => (
            <option key={aggregation} value={aggregation}>
              {AGGREGATION_LABELS[aggregation]}
            </option>
          ))}
        </select>
      </td>
      <td className="form-row-required">
        <input type="checkbox" aria-label={`Bắt buộc (dòng ${line})`} checked={row.required} onChange={(e) => onChange({ ...row, required: e.target.checked })} />
      </td>
    </>
  );
}
