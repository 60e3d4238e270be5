import type { TrackingPeriod, TrackingRow } from '../../../../shared/domain/tracking';
import { routeHref } from '../../app/routes';
import { CloseIcon } from '../../components/icons';
import { formatDate } from '../../formatting/dates';
import { formatLocalDate } from '../dispatches/dispatch-text';
import { arrivalLabel } from '../incoming/incoming-text';
import { ObligationBadge } from './ObligationBadge';
import { ReceivedStatusBadge } from './ReceivedStatusBadge';
import { statusExplanation } from './tracking-text';

interface ObligationPanelProps {
  period: TrackingPeriod['period'];
  row: TrackingRow;
  onClose(): void;
  onExempt(): void;
  onWithdrawExemption(): void;
  /** "Bỏ liên kết với công văn" on one of the documents. */
  onUnlink(document: TrackingRow['documents'][number]): void;
}

/** Beside the matrix: one unit's obligation for one period, the documents behind it, and its exemption. */
export function ObligationPanel({ period, row, onClose, onExempt, onWithdrawExemption, onUnlink }: ObligationPanelProps) {
  const canExempt = row.exemption === null && (row.status === 'missing' || row.status === 'not_due');
  return (
    <aside className="tracking-panel" aria-label={`Báo cáo của ${row.unit.name}, ${period.label}`} data-testid="tracking-panel">
      <header className="tracking-panel-header">
        <div>
          <h2 className="tracking-panel-title">{row.unit.name}</h2>
          {row.unit.groupName && <p className="tracking-panel-group">{row.unit.groupName}</p>}
        </div>
        <button type="button" className="icon-button" aria-label="Đóng" title="Đóng (Esc)" onClick={onClose}>
          <CloseIcon />
        </button>
      </header>

      <dl className="tracking-panel-facts">
        <dt>Kỳ báo cáo</dt>
        <dd>
          {period.label} · hạn cuối {formatDate(period.dueDate)}
        </dd>
        <dt>Tình trạng</dt>
        <dd>
          <ObligationBadge status={row.status} />
        </dd>
      </dl>
      <p className="tracking-panel-explanation">{statusExplanation(row, period)}</p>

      <section className="tracking-panel-section">
        <h3 className="tracking-panel-heading">Văn bản đã nhận</h3>
        {row.documents.length === 0 ? (
          <p className="muted">Chưa có văn bản nào của đơn vị cho kỳ này.</p>
        ) : (
          <ul className="tracking-documents">
            {row.documents.map((doc) => (
              <li key={doc.entryId} className="tracking-document">
                <a href={routeHref(doc.status === 'needs_review' ? 'review' : 'incoming', doc.entryId)} title="Mở văn bản đến">
                  Số đến {arrivalLabel(doc.arrivalNumber, doc.arrivalYear)}
                </a>
                <span className="tracking-document-date">nhận {formatDate(doc.receivedDate)}</span>
                <ReceivedStatusBadge status={doc.status} />
                <button
                  type="button"
                  className="button button-danger-subtle tracking-document-unlink"
                  title="Văn bản vẫn ở trong sổ văn bản đến; không còn được tính là báo cáo của đơn vị cho kỳ này"
                  onClick={() => onUnlink(doc)}
                >
                  Bỏ liên kết với công văn
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      {row.exemption && (
        <section className="tracking-panel-section">
          <h3 className="tracking-panel-heading">Miễn báo cáo</h3>
          <p>Lý do: {row.exemption.reason}</p>
          <p className="muted">
            {row.exemption.decidedBy} · {formatLocalDate(row.exemption.decidedAt)}
          </p>
          <button type="button" className="button tracking-panel-action" onClick={onWithdrawExemption}>
            Bỏ miễn
          </button>
        </section>
      )}
      {canExempt && (
        <button type="button" className="button tracking-panel-action" title="Đơn vị không phải báo cáo kỳ này; cần ghi lý do" onClick={onExempt}>
          Miễn báo cáo…
        </button>
      )}
    </aside>
  );
}
