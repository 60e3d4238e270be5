import type { ApiOutput } from '../../../../shared/api';
import { EditIcon } from '../../components/icons';
import { RegisterTable as RegisterBook, type RegisterColumn } from '../../components/RegisterTable';

export type RegisterRow = ApiOutput<'register.outgoing'>['items'][number];

interface RegisterTableProps {
  /** The year's rows, `undefined` where not loaded yet. */
  rows: readonly (RegisterRow | undefined)[];
  onRowsNeeded(start: number, end: number): void;
  drawAll: boolean;
  selectedId: number | null;
  onSelect(id: number): void;
  onOpen(row: RegisterRow): void;
  onEditFields(row: RegisterRow): void;
}

/** The decree's ten columns (nd30 §5); a voided dispatch stays in its place, struck through. */
const COLUMNS: readonly RegisterColumn<RegisterRow>[] = [
  { label: 'Số, ký hiệu', className: 'col-short', cellClassName: 'nowrap', struck: true, cell: (r) => r.numberAndSymbol },
  { label: 'Ngày tháng', className: 'col-short', cellClassName: 'nowrap', struck: true, cell: (r) => r.date },
  { label: 'Tên loại và trích yếu', className: 'col-subject', struck: true, cell: (r) => r.typeAndSubject },
  { label: 'Người ký', className: 'col-signer', struck: true, cell: (r) => r.signer },
  { label: 'Nơi nhận', className: 'col-recipients', struck: true, cell: (r) => r.recipients },
  { label: 'Đơn vị, người nhận bản lưu', className: 'col-keeper', cell: (r) => r.fileKeeper },
  { label: 'Số lượng bản', className: 'col-copies', cellClassName: 'numeric', cell: (r) => r.copies ?? '' },
  { label: 'Ngày chuyển', className: 'col-short', cellClassName: 'nowrap', cell: (r) => r.sentDate },
  { label: 'Ký nhận', className: 'col-signature', cell: () => null },
  { label: 'Ghi chú', className: 'col-notes', cellClassName: 'register-notes', cell: (r) => r.notes },
];

export function RegisterTable({ rows, onRowsNeeded, drawAll, selectedId, onSelect, onOpen, onEditFields }: RegisterTableProps) {
  return (
    <RegisterBook
      label="Sổ đăng ký văn bản đi"
      testId="register-table"
      rowTestId="register-row"
      columns={COLUMNS}
      rows={rows}
      onRowsNeeded={onRowsNeeded}
      drawAll={drawAll}
      rowId={(r) => r.dispatchId}
      rowIdAttribute="data-dispatch-id"
      rowTitle={(r) => (r.voided ? 'Văn bản đã hủy' : 'Mở văn bản (Enter)')}
      isStruck={(r) => r.voided}
      selectedId={selectedId}
      onSelect={onSelect}
      onOpen={onOpen}
      actions={(row) => (
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
      )}
    />
  );
}
