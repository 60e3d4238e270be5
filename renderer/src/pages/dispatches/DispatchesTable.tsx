import type { Dispatch } from '../../../../shared/domain/dispatch';
import { GapRow, LoadingRow, useVirtualTable } from '../../components/virtual-table';
import { formatDate } from '../../formatting/dates';
import { dispatchReference, formatLocalDate, recipientsSummary, subjectLine } from './dispatch-text';
import { DispatchStatusBadge } from './DispatchStatusBadge';
import { requirementSummary } from './requirement-text';

interface DispatchesTableProps {
  /** Every dispatch of the list, `undefined` where its page has not arrived yet. */
  dispatches: readonly (Dispatch | undefined)[];
  onRowsNeeded(start: number, end: number): void;
  selectedId: number | null;
  onSelect(id: number): void;
  onOpen(dispatch: Dispatch): void;
}

const COLUMNS = 6;

/** The outgoing dispatches, drafts first; ↑ ↓ move, Enter or a click opens one. Only the rows in view are drawn. */
export function DispatchesTable({ dispatches, onRowsNeeded, selectedId, onSelect, onOpen }: DispatchesTableProps) {
  const table = useVirtualTable({
    rows: dispatches,
    onRowsNeeded,
    estimate: 40,
    rowId: (d) => d.id,
    rowIdAttribute: 'data-dispatch-id',
    selectedId,
    onSelect,
    onOpen,
  });

  return (
    <table className="data-table dispatches-table" role="grid" aria-readonly="true" aria-label="Danh sách văn bản đi" aria-rowcount={dispatches.length + 1} data-testid="dispatches-table">
      <colgroup>
        <col className="col-reference" />
        <col className="col-date" />
        <col />
        <col className="col-recipients" />
        <col className="col-status" />
        <col className="col-requirement" />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">Số, ký hiệu</th>
          <th scope="col">Ngày</th>
          <th scope="col">Trích yếu</th>
          <th scope="col">Nơi nhận</th>
          <th scope="col">Trạng thái</th>
          <th scope="col">Yêu cầu báo cáo</th>
        </tr>
      </thead>
      <tbody ref={table.bodyRef} onKeyDown={table.onKeyDown}>
        <GapRow height={table.padTop} />
        {table.drawn.map(({ index, row: d }) =>
          d === undefined ? (
            <LoadingRow key={`loading-${index}`} index={index} columns={COLUMNS} />
          ) : (
            <DispatchRow key={d.id} index={index} dispatch={d} selected={d.id === selectedId} focusable={d.id === table.focusableId} onSelect={onSelect} onOpen={onOpen} />
          ),
        )}
        <GapRow height={table.padBottom} />
      </tbody>
    </table>
  );
}

interface DispatchRowProps {
  /** Its place in the whole list. */
  index: number;
  dispatch: Dispatch;
  selected: boolean;
  focusable: boolean;
  onSelect(id: number): void;
  onOpen(dispatch: Dispatch): void;
}

function DispatchRow({ index, dispatch: d, selected, focusable, onSelect, onOpen }: DispatchRowProps) {
  const recipients = recipientsSummary(d.recipients);
  return (
    <tr
      className={`dispatch-row dispatch-row-${d.status}`}
      data-testid="dispatch-row"
      data-index={index}
      data-dispatch-id={d.id}
      aria-rowindex={index + 2}
      tabIndex={focusable ? 0 : -1}
      aria-selected={selected}
      onFocus={() => onSelect(d.id)}
      onClick={() => onOpen(d)}
    >
      <td className="dispatch-reference">{dispatchReference(d)}</td>
      <td className="nowrap">
        {d.issueDate ? formatDate(d.issueDate) : <span className="muted" title="Ngày sửa gần nhất">Sửa {formatLocalDate(d.updatedAt)}</span>}
      </td>
      <td className="dispatch-subject">
        {d.subject ? subjectLine(d) : <span className="muted">(chưa có trích yếu)</span>}
      </td>
      <td className="dispatch-recipients" title={d.recipients.map((r) => r.label).join('\n')}>
        {recipients.text || <span className="muted">—</span>}
        {recipients.more > 0 && <span className="more-count">+{recipients.more}</span>}
      </td>
      <td>
        <DispatchStatusBadge status={d.status} />
      </td>
      <td className="dispatch-requirement">{d.requirement ? requirementSummary(d.requirement) : <span className="muted">—</span>}</td>
    </tr>
  );
}
