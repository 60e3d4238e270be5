import type { ImportStatus } from '../../../../shared/domain/incoming';
import { routeHref } from '../../app/routes';
import { IMPORT_STATUS_LABELS } from '../incoming/incoming-text';
import type { ImportSummary } from './import-summary';

const STATUS_ORDER: readonly ImportStatus[] = ['registered', 'needs_review', 'duplicate', 'rejected'];

function headline(summary: ImportSummary, running: boolean, stopping: boolean): string {
  const { total, processed, working, stopped } = summary;
  if (working) return `${stopping ? 'Đang dừng sau tệp' : 'Đang nhập tệp'} ${processed + 1}/${total}: ${working.name}`;
  if (running) return `Đang nhập ${processed}/${total} tệp…`;
  if (stopped > 0) return `Đã dừng: đã nhập ${processed}/${total} tệp, còn ${stopped} tệp chưa nhập.`;
  return `Đã nhập xong ${total} tệp.`;
}

interface ImportProgressPanelProps {
  summary: ImportSummary;
  running: boolean;
  stopping: boolean;
}

/** The whole import at a glance: how far it is, and how many documents went where. */
export function ImportProgressPanel({ summary, running, stopping }: ImportProgressPanelProps) {
  const percent = summary.total === 0 ? 0 : Math.round((summary.processed / summary.total) * 100);
  return (
    <section className="panel import-progress" aria-label="Tiến độ nhập" data-testid="import-progress">
      <div className="import-progress-line">
        <span className="import-progress-text" aria-live="polite">
          {headline(summary, running, stopping)}
        </span>
        <span className="import-progress-percent">{percent}%</span>
      </div>
      <div className="progress-bar" role="progressbar" aria-label="Tiến độ chung" aria-valuemin={0} aria-valuemax={summary.total} aria-valuenow={summary.processed}>
        <span className="progress-bar-fill" style={{ width: `${percent}%` }} />
      </div>
      <ul className="import-counts-line">
        {STATUS_ORDER.map((status) => (
          <li key={status} className={`import-count-item import-count-${status}`}>
            <span className="import-count-value">{summary.byStatus[status]}</span> {IMPORT_STATUS_LABELS[status]}
          </li>
        ))}
        {summary.notImported > 0 && (
          <li className="import-count-item import-count-rejected">
            <span className="import-count-value">{summary.notImported}</span> Chưa nhập được
          </li>
        )}
        {summary.byStatus.needs_review > 0 && (
          <li className="import-count-action">
            <a className="button button-subtle" href={routeHref('review')}>
              Mở hàng chờ xác nhận
            </a>
          </li>
        )}
      </ul>
    </section>
  );
}
