import { DispatchEditorPage } from '../pages/dispatches/DispatchEditorPage';
import { DispatchesPage } from '../pages/dispatches/DispatchesPage';
import { RegisterPage } from '../pages/register/RegisterPage';
import { SettingsPage } from '../pages/settings/SettingsPage';
import { UnitsPage } from '../pages/units/UnitsPage';
import { MainNavigation } from './MainNavigation';
import { useLocation, type Location } from './routes';
import { StatusBar } from './StatusBar';
import { TitleBar } from './TitleBar';

function CurrentPage({ location }: { location: Location }) {
  switch (location.route) {
    case 'dispatches':
      return location.id === null ? <DispatchesPage /> : <DispatchEditorPage key={location.id} id={location.id} />;
    case 'register':
      return <RegisterPage />;
    case 'settings':
      return <SettingsPage />;
    case 'units':
      return <UnitsPage />;
  }
}

/** The main window: title bar, navigation on the left, the current screen, status bar. */
export function AppShell() {
  const location = useLocation();
  return (
    <div className="app-shell">
      <TitleBar />
      <MainNavigation current={location.route} />
      <main className="app-content">
        <CurrentPage location={location} />
      </main>
      <StatusBar />
    </div>
  );
}
