import { useRef } from 'react';
import type { ApiOutput } from '../../../../shared/api';
import { EditIcon } from '../../components/icons';
import { rowKeyboardHandler } from '../../components/use-row-keyboard';

export type RegisterRow = ApiOutput<'register.outgoing'>[number];

interface RegisterTableProps {
  rows: RegisterRow[];
  selectedId: number | null;
  onSelect(id: number): void;
  onOpen(row: RegisterRow): void;
  onEditFields(row: RegisterRow): void;
}

/** The decree's ten columns (nd30 §5); a voided dispatch stays in its place, struck through. */
const COLUMNS = [
  { label: 'Số, ký hiệu', className: 'col-short' },
  { label: 'Ngày tháng', className: 'col-short' },
  { label: 'Tên loại và trích yếu', className: 'col-subject' },
  { label: 'Người ký', className: 'col-signer' },
  { label: 'Nơi nhận', className: 'col-recipients' },
  { label: 'Đơn vị, người nhận bản lưu', className: 'col-keeper' },
  { label: 'Số lượng bản', className: 'col-copies' },
  { label: 'Ngày chuyển', className: 'col-short' },
  { label: 'Ký nhận', className: 'col-signature' },
  { label: 'Ghi chú', className: 'col-notes' },
] as const;

export function RegisterTable({ rows, selectedId, onSelect, onOpen, onEditFields }: RegisterTableProps) {
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const selectedIndex = rows.findIndex((r) => r.dispatchId === selectedId);
  const focusableId = selectedIndex >= 0 ? selectedId : (rows[0]?.dispatchId ?? null);

  const moveTo = (index: number): void => {
    const row = rows[index];
    if (!row) return;
    onSelect(row.dispatchId);
    bodyRef.current?.querySelector<HTMLElement>(`[data-dispatch-id="${row.dispatchId}"]`)?.focus();
  };
  const onKeyDown = rowKeyboardHandler(rows.length, selectedIndex, moveTo, () => {
    const row = rows[selectedIndex];
    if (row) onOpen(row);
  });

  return (
    <table className="data-table register-table" role="grid" aria-readonly="true" aria-label="Sổ đăng ký văn bản đi" data-testid="register-table">
      <thead>
        <tr>
          {COLUMNS.map((c) => (
            <th key={c.label} scope="col" className={c.className}>
              {c.label}
            </th>
          ))}
          <th scope="col" className="no-print">
            <span className="visually-hidden">Thao tác</span>
          </th>
        </tr>
        <tr className="register-column-numbers" aria-hidden="true">
          {COLUMNS.map((c, i) => (
            <th key={c.label}>({i + 1})</th>
          ))}
          <th className="no-print" />
        </tr>
      </thead>
      <tbody ref={bodyRef} onKeyDown={onKeyDown}>
        {rows.map((row) => (
          <tr
            key={row.dispatchId}
            className={`register-row${row.voided ? ' register-row-voided' : ''}`}
            data-testid="register-row"
            data-dispatch-id={row.dispatchId}
            tabIndex={row.dispatchId === focusableId ? 0 : -1}
            aria-selected={row.dispatchId === selectedId}
            title={row.voided ? 'Văn bản đã hủy' : 'Mở văn bản (Enter)'}
            onFocus={() => onSelect(row.dispatchId)}
            onClick={() => onOpen(row)}
          >
            <td className="register-struck nowrap">{row.numberAndSymbol}</td>
            <td className="register-struck nowrap">{row.date}</td>
            <td className="register-struck">{row.typeAndSubject}</td>
            <td className="register-struck">{row.signer}</td>
            <td className="register-struck">{row.recipients}</td>
            <td>{row.fileKeeper}</td>
            <td className="numeric">{row.copies ?? ''}</td>
            <td className="nowrap">{row.sentDate}</td>
            <td />
            <td className="register-notes">{row.notes}</td>
            <td className="actions no-print">
              <button
                type="button"
                className="icon-button icon-button-small"
                title="Ghi sổ: số lượng bản, bản lưu, ngày chuyển, ghi chú"
                aria-label={`Ghi sổ văn bản ${row.numberAndSymbol}`}
                onClick={(e) => {
                  e.stopPropagation();
                  onEditFields(row);
                }}
              >
                <EditIcon />
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
