import { SettingsPage } from '../pages/settings/SettingsPage';
import { UnitsPage } from '../pages/units/UnitsPage';
import { MainNavigation } from './MainNavigation';
import { useRoute } from './routes';
import { StatusBar } from './StatusBar';
import { TitleBar } from './TitleBar';

/** The main window: title bar, navigation on the left, the current screen, status bar. */
export function AppShell() {
  const route = useRoute();
  return (
    <div className="app-shell">
      <TitleBar />
      <MainNavigation current={route} />
      <main className="app-content">{route === 'settings' ? <SettingsPage /> : <UnitsPage />}</main>
      <StatusBar />
    </div>
  );
}
