import { useRef } from 'react';
import type { ApiOutput } from '../../../../shared/api';
import { rowKeyboardHandler } from '../../components/use-row-keyboard';

export type IncomingRegisterRow = ApiOutput<'register.incoming'>[number];

interface IncomingRegisterTableProps {
  rows: IncomingRegisterRow[];
  selectedId: number | null;
  onSelect(id: number): void;
  onOpen(row: IncomingRegisterRow): void;
}

/** The decree's ten columns of the incoming register (nd30 §5); "Ký nhận" stays blank for the signature on paper. */
const COLUMNS = [
  { label: 'Ngày đến', className: 'col-short' },
  { label: 'Số đến', className: 'col-arrival' },
  { label: 'Tác giả', className: 'col-author' },
  { label: 'Số, ký hiệu', className: 'col-short' },
  { label: 'Ngày tháng văn bản', className: 'col-short' },
  { label: 'Tên loại và trích yếu', className: 'col-subject' },
  { label: 'Đơn vị hoặc người nhận', className: 'col-keeper' },
  { label: 'Ngày chuyển', className: 'col-short' },
  { label: 'Ký nhận', className: 'col-signature' },
  { label: 'Ghi chú', className: 'col-notes' },
] as const;

export function IncomingRegisterTable({ rows, selectedId, onSelect, onOpen }: IncomingRegisterTableProps) {
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const selectedIndex = rows.findIndex((r) => r.documentId === selectedId);
  const focusableId = selectedIndex >= 0 ? selectedId : (rows[0]?.documentId ?? null);

  const moveTo = (index: number): void => {
    const row = rows[index];
    if (!row) return;
    onSelect(row.documentId);
    bodyRef.current?.querySelector<HTMLElement>(`[data-document-id="${row.documentId}"]`)?.focus();
  };
  const onKeyDown = rowKeyboardHandler(rows.length, selectedIndex, moveTo, () => {
    const row = rows[selectedIndex];
    if (row) onOpen(row);
  });

  return (
    <table className="data-table register-table incoming-register-table" role="grid" aria-readonly="true" aria-label="Sổ đăng ký văn bản đến" data-testid="incoming-register-table">
      <thead>
        <tr>
          {COLUMNS.map((c) => (
            <th key={c.label} scope="col" className={c.className}>
              {c.label}
            </th>
          ))}
        </tr>
        <tr className="register-column-numbers" aria-hidden="true">
          {COLUMNS.map((c, i) => (
            <th key={c.label}>({i + 1})</th>
          ))}
        </tr>
      </thead>
      <tbody ref={bodyRef} onKeyDown={onKeyDown}>
        {rows.map((row) => (
          <tr
            key={row.documentId}
            className="register-row"
            data-testid="incoming-register-row"
            data-document-id={row.documentId}
            tabIndex={row.documentId === focusableId ? 0 : -1}
            aria-selected={row.documentId === selectedId}
            title="Mở văn bản đến (Enter)"
            onFocus={() => onSelect(row.documentId)}
            onClick={() => onOpen(row)}
          >
            <td className="nowrap">{row.receivedDate}</td>
            <td className="numeric incoming-arrival">{row.arrivalNumber}</td>
            <td>{row.author}</td>
            <td className="nowrap">{row.numberAndSymbol}</td>
            <td className="nowrap">{row.date}</td>
            <td>{row.typeAndSubject}</td>
            <td>{row.forwardedTo}</td>
            <td className="nowrap">{row.forwardedDate}</td>
            <td />
            <td className="register-notes">{row.notes}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
