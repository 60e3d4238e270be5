import type { TrackingPeriod } from '../../../../shared/domain/tracking';
import { Notice } from '../../components/Notice';
import { ConsolidationTable } from '../forms/ConsolidationTable';
import { usePeriodFigures } from '../forms/use-period-figures';

interface ConsolidationPanelProps {
  dispatchId: number;
  period: TrackingPeriod['period'];
  /** How many units are expected to report this period. */
  expected: number;
}

/**
 * Beside the matrix of one period: the figures of the forms received so far, added up, and how
 * many units each total rests on. Nothing shows when the dispatch has no data form.
 */
export function ConsolidationPanel({ dispatchId, period, expected }: ConsolidationPanelProps) {
  const figures = usePeriodFigures(dispatchId, period.key);
  if (figures.state === 'loading' || figures.state === 'no_form') return null;
  return (
    <aside className="tracking-panel consolidation-panel" aria-label={`Số liệu tổng hợp, ${period.label}`} data-testid="consolidation-panel">
      <header>
        <h2 className="tracking-panel-title">Số liệu tổng hợp</h2>
        {figures.state === 'ready' && (
          <p className="tracking-panel-group">
            {period.label} · từ biểu mẫu của {figures.consolidation.units.length}/{expected} đơn vị
          </p>
        )}
      </header>
      {figures.state === 'failed' ? (
        <Notice tone="error">{figures.message}</Notice>
      ) : figures.consolidation.units.length === 0 ? (
        <p className="muted">Chưa đơn vị nào gửi biểu mẫu số liệu cho kỳ này.</p>
      ) : (
        <ConsolidationTable consolidation={figures.consolidation} compact />
      )}
    </aside>
  );
}
