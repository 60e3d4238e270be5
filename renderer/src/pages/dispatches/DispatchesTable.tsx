import { useRef } from 'react';
import type { Dispatch } from '../../../../shared/domain/dispatch';
import { rowKeyboardHandler } from '../../components/use-row-keyboard';
import { formatDate } from '../../formatting/dates';
import { dispatchReference, formatLocalDate, recipientsSummary, subjectLine } from './dispatch-text';
import { DispatchStatusBadge } from './DispatchStatusBadge';
import { requirementSummary } from './requirement-text';

interface DispatchesTableProps {
  dispatches: Dispatch[];
  selectedId: number | null;
  onSelect(id: number): void;
  onOpen(dispatch: Dispatch): void;
}

/** The outgoing dispatches, drafts first; ↑ ↓ move, Enter or a click opens one. */
export function DispatchesTable({ dispatches, selectedId, onSelect, onOpen }: DispatchesTableProps) {
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const selectedIndex = dispatches.findIndex((d) => d.id === selectedId);
  const focusableId = selectedIndex >= 0 ? selectedId : (dispatches[0]?.id ?? null);

  const moveTo = (index: number): void => {
    const dispatch = dispatches[index];
    if (!dispatch) return;
    onSelect(dispatch.id);
    bodyRef.current?.querySelector<HTMLElement>(`[data-dispatch-id="${dispatch.id}"]`)?.focus();
  };
  const onKeyDown = rowKeyboardHandler(dispatches.length, selectedIndex, moveTo, () => {
    const dispatch = dispatches[selectedIndex];
    if (dispatch) onOpen(dispatch);
  });

  return (
    <table className="data-table dispatches-table" role="grid" aria-readonly="true" aria-label="Danh sách văn bản đi" data-testid="dispatches-table">
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
      <tbody ref={bodyRef} onKeyDown={onKeyDown}>
        {dispatches.map((d) => (
          <DispatchRow key={d.id} dispatch={d} selected={d.id === selectedId} focusable={d.id === focusableId} onSelect={onSelect} onOpen={onOpen} />
        ))}
      </tbody>
    </table>
  );
}

interface DispatchRowProps {
  dispatch: Dispatch;
  selected: boolean;
  focusable: boolean;
  onSelect(id: number): void;
  onOpen(dispatch: Dispatch): void;
}

function DispatchRow({ dispatch: d, selected, focusable, onSelect, onOpen }: DispatchRowProps) {
  const recipients = recipientsSummary(d.recipients);
  return (
    <tr
      className={`dispatch-row dispatch-row-${d.status}`}
      data-testid="dispatch-row"
      data-dispatch-id={d.id}
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
