import type { TrackingPeriod } from '../../../../shared/domain/tracking';
import { routeHref } from '../../app/routes';
import { dispatchReference } from '../dispatches/dispatch-text';
import { lastDayLabel, percent } from '../tracking/tracking-text';

export interface Deadline {
  tracking: TrackingPeriod;
  /** "Quá hạn 6 ngày", "Còn 12 ngày", "Hôm nay là hạn cuối". */
  standing: string;
}

interface DeadlineListProps {
  deadlines: Deadline[];
  tone: 'overdue' | 'upcoming';
  testId: string;
}

/** Periods of dispatches with their last day, how many units are still missing; each opens the tracking matrix there. */
export function DeadlineList({ deadlines, tone, testId }: DeadlineListProps) {
  return (
    <ul className="deadline-list">
      {deadlines.map(({ tracking: t, standing }) => {
        const notYet = t.counts.missing + t.counts.notDue;
        const { received, expected, inReview } = t.counts;
        return (
          <li key={`${t.dispatch.id}-${t.period.key}`}>
            <a className={`deadline-item deadline-${tone}`} href={routeHref('tracking', t.dispatch.id, { ky: t.period.key })} data-testid={testId}>
              <span className="deadline-standing">{standing}</span>
              <span className="deadline-main">
                <span className="deadline-title">
                  Công văn {dispatchReference(t.dispatch)} · {t.period.label}
                </span>
                <span className="deadline-subject">V/v {t.dispatch.subject}</span>
                <span className="deadline-due">{lastDayLabel(t.period)}</span>
              </span>
              <span className="deadline-figures">
                <span className="deadline-missing">
                  <strong>{notYet}</strong>/{expected} đơn vị chưa báo cáo
                </span>
                <span className="deadline-progress" aria-hidden="true">
                  <span style={{ width: `${expected ? Math.round((received / expected) * 100) : 0}%` }} />
                </span>
                <span className="deadline-received">
                  Đã nhận {received} ({percent(received, expected)}){inReview > 0 && `, ${inReview} đang xem xét`}
                </span>
              </span>
            </a>
          </li>
        );
      })}
    </ul>
  );
}
