import type { ReactNode } from 'react';
import { BuildingIcon, DocumentIcon, RegisterBookIcon, SettingsIcon } from '../components/icons';
import { routeHref, type Route } from './routes';

const ITEMS: { route: Route; label: string; icon: ReactNode }[] = [
  { route: 'dispatches', label: 'Văn bản đi', icon: <DocumentIcon /> },
  { route: 'register', label: 'Sổ văn bản đi', icon: <RegisterBookIcon /> },
  { route: 'units', label: 'Đơn vị nhận', icon: <BuildingIcon /> },
  { route: 'settings', label: 'Cài đặt', icon: <SettingsIcon /> },
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
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
