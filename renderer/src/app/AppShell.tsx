import { DashboardPage } from '../pages/dashboard/DashboardPage';
import { DispatchEditorPage } from '../pages/dispatches/DispatchEditorPage';
import { DispatchesPage } from '../pages/dispatches/DispatchesPage';
import { IncomingDocumentPage } from '../pages/incoming/IncomingDocumentPage';
import { IncomingRegisterPage } from '../pages/incoming/IncomingRegisterPage';
import { ReviewPage } from '../pages/incoming/ReviewPage';
import { ReviewQueuePage } from '../pages/incoming/ReviewQueuePage';
import { FileDropOverlay } from '../pages/intake/FileDropOverlay';
import { ImportSessionProvider } from '../pages/intake/ImportSessionProvider';
import { IntakePage } from '../pages/intake/IntakePage';
import { RegisterPage } from '../pages/register/RegisterPage';
import { SettingsPage } from '../pages/settings/SettingsPage';
import { BackupPage } from '../pages/backup/BackupPage';
import { AuditLogPage } from '../pages/audit/AuditLogPage';
import { TrackingPage } from '../pages/tracking/TrackingPage';
import { UnitsPage } from '../pages/units/UnitsPage';
import { MainNavigation } from './MainNavigation';
import { useLocation, type Location } from './routes';
import { StatusBar } from './StatusBar';
import { TitleBar } from './TitleBar';

function CurrentPage({ location }: { location: Location }) {
  switch (location.route) {
    case 'dashboard':
      return <DashboardPage />;
    case 'tracking':
      return <TrackingPage dispatchId={location.id} periodKey={location.params.get('ky')} />;
    case 'dispatches':
      return location.id === null ? <DispatchesPage /> : <DispatchEditorPage key={location.id} id={location.id} />;
    case 'register':
      return <RegisterPage />;
    case 'intake':
      return <IntakePage />;
    case 'review':
      return location.id === null ? <ReviewQueuePage /> : <ReviewPage key={location.id} id={location.id} />;
    case 'incoming':
      return location.id === null ? <IncomingRegisterPage /> : <IncomingDocumentPage key={location.id} id={location.id} />;
    case 'settings':
      return <SettingsPage />;
    case 'units':
      return <UnitsPage />;
    case 'backup':
      return <BackupPage />;
    case 'audit':
      return <AuditLogPage />;
  }
}

/** The main window: title bar, navigation on the left, the current screen, status bar. */
export function AppShell() {
  const location = useLocation();
  return (
    <ImportSessionProvider>
      <div className="app-shell">
        <TitleBar />
        <MainNavigation current={location.route} />
        <main className="app-content">
          <CurrentPage location={location} />
        </main>
        <StatusBar />
        <FileDropOverlay />
      </div>
    </ImportSessionProvider>
  );
}
