import type { ApiOutput } from '../../../../shared/api';
import { RegisterTable, type RegisterColumn } from '../../components/RegisterTable';

export type IncomingRegisterRow = ApiOutput<'register.incoming'>['items'][number];

interface IncomingRegisterTableProps {
  /** The year's rows, `undefined` where not loaded yet. */
  rows: readonly (IncomingRegisterRow | undefined)[];
  onRowsNeeded(start: number, end: number): void;
  drawAll: boolean;
  selectedId: number | null;
  onSelect(id: number): void;
  onOpen(row: IncomingRegisterRow): void;
}

/** The decree's ten columns of the incoming register (nd30 §5); "Ký nhận" stays blank for the signature on paper. */
const COLUMNS: readonly RegisterColumn<IncomingRegisterRow>[] = [
  { label: 'Ngày đến', className: 'col-short', cellClassName: 'nowrap', cell: (r) => r.receivedDate },
  { label: 'Số đến', className: 'col-arrival', cellClassName: 'numeric incoming-arrival', cell: (r) => r.arrivalNumber },
  { label: 'Tác giả', className: 'col-author', cell: (r) => r.author },
  { label: 'Số, ký hiệu', className: 'col-short', cellClassName: 'nowrap', cell: (r) => r.numberAndSymbol },
  { label: 'Ngày tháng văn bản', className: 'col-short', cellClassName: 'nowrap', cell: (r) => r.date },
  { label: 'Tên loại và trích yếu', className: 'col-subject', cell: (r) => r.typeAndSubject },
  { label: 'Đơn vị hoặc người nhận', className: 'col-keeper', cell: (r) => r.forwardedTo },
  { label: 'Ngày chuyển', className: 'col-short', cellClassName: 'nowrap', cell: (r) => r.forwardedDate },
  { label: 'Ký nhận', className: 'col-signature', cell: () => null },
  { label: 'Ghi chú', className: 'col-notes', cellClassName: 'register-notes', cell: (r) => r.notes },
];

export function IncomingRegisterTable({ rows, onRowsNeeded, drawAll, selectedId, onSelect, onOpen }: IncomingRegisterTableProps) {
  return (
    <RegisterTable
      label="Sổ đăng ký văn bản đến"
      className="incoming-register-table"
      testId="incoming-register-table"
      rowTestId="incoming-register-row"
      columns={COLUMNS}
      rows={rows}
      onRowsNeeded={onRowsNeeded}
      drawAll={drawAll}
      rowId={(r) => r.documentId}
      rowIdAttribute="data-document-id"
      rowTitle={() => 'Mở văn bản đến (Enter)'}
      selectedId={selectedId}
      onSelect={onSelect}
      onOpen={onOpen}
    />
  );
}
