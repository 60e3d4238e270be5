import type { ReactNode } from 'react';
import { BackupIcon, BuildingIcon, DashboardIcon, DocumentIcon, HistoryIcon, ImportIcon, RegisterBookIcon, ReviewIcon, SettingsIcon, TrackingIcon } from '../components/icons';
import { ReviewCountBadge } from '../pages/intake/ReviewCountBadge';
import { routeHref, type Route } from './routes';

const ITEMS: { route: Route; label: string; icon: ReactNode }[] = [
  { route: 'dashboard', label: 'Tổng quan', icon: <DashboardIcon /> },
  { route: 'dispatches', label: 'Văn bản đi', icon: <DocumentIcon /> },
  { route: 'register', label: 'Sổ văn bản đi', icon: <RegisterBookIcon /> },
  { route: 'intake', label: 'Nhập văn bản đến', icon: <ImportIcon /> },
  { route: 'review', label: 'Chờ xác nhận', icon: <ReviewIcon /> },
  { route: 'incoming', label: 'Sổ văn bản đến', icon: <RegisterBookIcon /> },
  { route: 'tracking', label: 'Theo dõi báo cáo', icon: <TrackingIcon /> },
  { route: 'units', label: 'Đơn vị nhận', icon: <BuildingIcon /> },
  { route: 'settings', label: 'Cài đặt', icon: <SettingsIcon /> },
  { route: 'backup', label: 'Sao lưu', icon: <BackupIcon /> },
  { route: 'audit', label: 'Nhật ký thao tác', icon: <HistoryIcon /> },
];

export function MainNavigation({ current }: { current: Route }) {
  return (
    <nav className="main-navigation" aria-label="Điều hướng chính">
      <ul>
        {ITEMS.map((item) => (
          <li key={item.route}>
            <a href={routeHref(item.route)} className="main-navigation-item" aria-current={item.route === current ? 'page' : undefined}>
              {item.icon}
              <span>{item.label}</span>
              {item.route === 'review' && <ReviewCountBadge />}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
