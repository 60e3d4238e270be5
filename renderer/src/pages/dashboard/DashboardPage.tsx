import type { ReactNode } from 'react';
import type { Dashboard } from '../../../../shared/domain/tracking';
import { useAppState } from '../../app/app-context';
import { routeHref } from '../../app/routes';
import { Notice } from '../../components/Notice';
import { BackupHealthNotice } from '../backup/BackupHealthNotice';
import { formatDate } from '../../formatting/dates';
import { deadlineStanding } from '../tracking/tracking-text';
import { DeadlineList } from './DeadlineList';
import { LatestImports } from './LatestImports';
import { useDashboard } from './use-dashboard';

/** "Tổng quan", the first screen: what is overdue, what falls due soon, what waits for the clerk, what came in last. */
export function DashboardPage() {
  const data = useDashboard();
  const { info } = useAppState();
  const today = data.state === 'ready' ? data.dashboard.today : info.today;
  const weekday = new Date(`${today}T00:00:00`).toLocaleDateString('vi-VN', { weekday: 'long' });

  return (
    <div className="page dashboard-page">
      <header className="page-header">
        <h1 className="page-title">Tổng quan</h1>
        <p className="dashboard-today">
          Hôm nay: {weekday}, {formatDate(today)}
        </p>
      </header>
      <BackupHealthNotice linkToBackup />
      {data.state === 'failed' ? (
        <Notice tone="error">{data.message}</Notice>
      ) : data.state === 'loading' ? (
        <p className="empty-state">Đang tổng hợp…</p>
      ) : (
        <DashboardPanels dashboard={data.dashboard} trackable={data.trackable} />
      )}
    </div>
  );
}

function DashboardPanels({ dashboard: d, trackable }: { dashboard: Dashboard; trackable: number }) {
  const overdue = d.overdue.map((o) => ({ tracking: o.tracking, standing: `Quá hạn ${o.daysOverdue} ngày` }));
  const upcoming = d.upcoming.map((u) => ({ tracking: u.tracking, standing: deadlineStanding(u.tracking.period.dueDate, d.today).text }));
  return (
    <div className="dashboard-grid">
      <div className="dashboard-column">
        <DashboardPanel title="Quá hạn, còn đơn vị chưa báo cáo" count={overdue.length} tone={overdue.length ? 'overdue' : 'calm'} link={trackable > 0 ? <TrackingLink /> : null}>
          {trackable === 0 ? (
            <NothingTracked />
          ) : overdue.length === 0 ? (
            <p className="dashboard-empty">Không có kỳ báo cáo nào đã quá hạn mà còn đơn vị chưa báo cáo.</p>
          ) : (
            <DeadlineList deadlines={overdue} tone="overdue" testId="overdue-item" />
          )}
        </DashboardPanel>
        <DashboardPanel title="Hạn báo cáo trong 30 ngày tới" count={upcoming.length} tone={upcoming.length ? 'upcoming' : 'calm'}>
          {upcoming.length === 0 ? (
            <p className="dashboard-empty">
              {trackable === 0 ? 'Chưa có hạn báo cáo nào để theo dõi.' : 'Không có hạn báo cáo nào trong 30 ngày tới.'}
            </p>
          ) : (
            <DeadlineList deadlines={upcoming} tone="upcoming" testId="upcoming-item" />
          )}
        </DashboardPanel>
      </div>
      <div className="dashboard-column">
        <DashboardPanel title="Văn bản đến chờ xác nhận" count={d.awaitingReview} tone={d.awaitingReview > 0 ? 'attention' : 'calm'}>
          {d.awaitingReview === 0 ? (
            <p className="dashboard-empty">Không có văn bản nào chờ xác nhận.</p>
          ) : (
            <div className="dashboard-review" data-testid="awaiting-review">
              <p>
                <strong>{d.awaitingReview} văn bản</strong> đã vào sổ nhưng VănThư chưa chắc đơn vị gửi, công văn được trả lời hoặc kỳ báo cáo. Xác nhận xong mới
                được tính vào bảng theo dõi.
              </p>
              <a className="button button-primary" href={routeHref('review')}>
                Mở hàng chờ xác nhận
              </a>
            </div>
          )}
        </DashboardPanel>
        <DashboardPanel
          title="Văn bản đến mới nhập"
          tone="calm"
          link={
            d.latestImports.length > 0 ? (
              <a className="dashboard-panel-link" href={routeHref('incoming')} title="Mở sổ đăng ký văn bản đến">
                Xem tất cả
              </a>
            ) : null
          }
        >
          {d.latestImports.length === 0 ? (
            <p className="dashboard-empty">
              Chưa có văn bản đến nào. Kéo thả thư điện tử (.eml, .msg) hoặc tệp văn bản (.pdf, .docx, .doc, .xlsx) vào cửa sổ này, hoặc chọn tệp ở mục “Nhập
              văn bản đến” bên trái.
            </p>
          ) : (
            <LatestImports imports={d.latestImports} />
          )}
        </DashboardPanel>
      </div>
    </div>
  );
}

interface DashboardPanelProps {
  title: string;
  count?: number;
  tone: 'overdue' | 'upcoming' | 'attention' | 'calm';
  link?: ReactNode;
  children: ReactNode;
}

function DashboardPanel({ title, count, tone, link, children }: DashboardPanelProps) {
  return (
    <section className={`panel dashboard-panel dashboard-panel-${tone}`} aria-label={title}>
      <header className="dashboard-panel-header">
        <h2 className="panel-title">
          {title}
          {count !== undefined && count > 0 && <span className="dashboard-panel-count">{count}</span>}
        </h2>
        {link}
      </header>
      {children}
    </section>
  );
}

function TrackingLink() {
  return (
    <a className="dashboard-panel-link" href={routeHref('tracking')}>
      Mở bảng theo dõi
    </a>
  );
}

function NothingTracked() {
  return (
    <div className="dashboard-empty">
      <p>
        Chưa có công văn nào đã ban hành mà có yêu cầu báo cáo. Khi soạn công văn, điền mục “Yêu cầu báo cáo” (hạn báo cáo, các đơn vị phải báo cáo) rồi ban hành:
        hạn báo cáo và các đơn vị chưa báo cáo sẽ hiện ở đây.
      </p>
      <a className="button" href={routeHref('dispatches')}>
        Mở danh sách công văn đi
      </a>
    </div>
  );
}
