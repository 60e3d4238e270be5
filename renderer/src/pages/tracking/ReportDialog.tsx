import { useState } from 'react';
import type { Dispatch } from '../../../../shared/domain/dispatch';
import type { TrackingPeriod } from '../../../../shared/domain/tracking';
import { api } from '../../api/client';
import { Notice } from '../../components/Notice';
import { routeHref } from '../../app/routes';
import { formatDate } from '../../formatting/dates';
import { ConsolidationTable } from '../forms/ConsolidationTable';
import { usePeriodFigures } from '../forms/use-period-figures';
import { PeriodDraftDialog } from './PeriodDraftDialog';
import { periodPhrase } from './tracking-text';

interface ReportDialogProps {
  dispatchId: number;
  /** Every period of the dispatch, in order. */
  periods: TrackingPeriod[];
  /** The period the clerk is looking at, offered first. */
  initialKey: string | null;
  today: string;
  onDone(draft: Dispatch, period: TrackingPeriod): void;
  onClose(): void;
}

/** The period to report on: the one in view, else the latest whose last day has passed, else the first. */
function defaultKey(periods: readonly TrackingPeriod[], initialKey: string | null, today: string): string {
  if (initialKey && periods.some((p) => p.period.key === initialKey)) return initialKey;
  const due = periods.filter((p) => p.period.dueDate < today);
  return (due[due.length - 1] ?? periods[0])?.period.key ?? '';
}

/**
 * "Lập báo cáo tổng hợp": the period, where it stands (who reported, on time or late, who is
 * missing) and the consolidated figures, before the Báo cáo to the superior body is drafted
 * and opened in the editor.
 */
export function ReportDialog({ dispatchId, periods, initialKey, today, onDone, onClose }: ReportDialogProps) {
  const [key, setKey] = useState(() => defaultKey(periods, initialKey, today));
  const chosen = periods.find((p) => p.period.key === key);
  const figures = usePeriodFigures(dispatchId, key);

  return (
    <PeriodDraftDialog
      title="Lập báo cáo tổng hợp"
      size="large"
      testId="report-dialog"
      submitLabel="Lập báo cáo"
      periods={periods}
      chosen={chosen}
      onChoose={setKey}
      optionDetail={(p) => `hạn cuối ${formatDate(p.period.dueDate)}`}
      createDraft={(periodKey) => api.call('reports.createDraft', { dispatchId, periodKey })}
      onDone={onDone}
      onClose={onClose}
    >
      {chosen && <PeriodStanding period={chosen} today={today} />}
      <section className="report-figures" aria-label="Số liệu tổng hợp">
        <h3 className="form-section-title">Số liệu tổng hợp</h3>
        {figures.state === 'loading' ? (
          <p className="muted">Đang tổng hợp số liệu…</p>
        ) : figures.state === 'failed' ? (
          <Notice tone="error">{figures.message}</Notice>
        ) : figures.state === 'no_form' ? (
          <p className="muted">Công văn không có biểu mẫu số liệu: phần kết quả của báo cáo gồm nội dung chính trong báo cáo của từng đơn vị.</p>
        ) : figures.consolidation.units.length === 0 ? (
          <p className="muted">Chưa đơn vị nào gửi biểu mẫu số liệu cho kỳ này; bảng số liệu trong báo cáo sẽ để trống.</p>
        ) : (
          <>
            <p className="report-figures-lead">Từ biểu mẫu của {figures.consolidation.units.length} đơn vị (lần gửi sau cùng của mỗi đơn vị):</p>
            <ConsolidationTable consolidation={figures.consolidation} />
          </>
        )}
      </section>
      <p className="muted">
        Dự thảo báo cáo được lưu vào Văn bản đi và mở ra để viết phần đánh giá chung, đề xuất, kiến nghị; tình hình báo cáo và bảng số liệu đã được điền sẵn.
      </p>
    </PeriodDraftDialog>
  );
}

/** "41 đơn vị phải báo cáo; đã nhận 20 (đúng hạn 15, trễ hạn 5); chưa báo cáo 21", and what would be left out. */
function PeriodStanding({ period, today }: { period: TrackingPeriod; today: string }) {
  const { counts } = period;
  const notYet = counts.missing + counts.notDue;
  return (
    <div className="report-standing" data-testid="report-standing">
      <p>
        <strong>{period.period.label}</strong> (hạn cuối {formatDate(period.period.dueDate)}): {counts.expected} đơn vị phải báo cáo; đã nhận{' '}
        <strong>{counts.received}</strong> (đúng hạn {counts.onTime}, trễ hạn {counts.late}); chưa báo cáo <strong>{notYet}</strong>
        {counts.exempt > 0 && <>; miễn {counts.exempt}</>}.
      </p>
      {counts.inReview > 0 && (
        <p className="review-reason">
          {counts.inReview} văn bản của kỳ này còn chờ xác nhận nên chưa được tính. Hãy <a href={routeHref('review')}>xác nhận</a> trước khi lập báo cáo.
        </p>
      )}
      {period.period.dueDate >= today && <p className="muted">Kỳ {periodPhrase(period.period.label)} chưa hết hạn: báo cáo chỉ gồm các đơn vị đã gửi đến hôm nay.</p>}
    </div>
  );
}
