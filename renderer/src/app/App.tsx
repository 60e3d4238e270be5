import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AppInfo } from '../../../shared/api';
import type { Health } from '../../../shared/domain/backup';
import type { OrganisationProfile } from '../../../shared/domain/organisation';
import { api } from '../api/client';
import { errorMessage } from '../api/error-message';
import { Notice } from '../components/Notice';
import { FirstRunPage } from '../pages/first-run/FirstRunPage';
import { DamagedDatabaseScreen } from '../pages/backup/DamagedDatabaseScreen';
import { AppContext, type AppState } from './app-context';
import { AppShell } from './AppShell';
import { HealthProvider } from './health';
import { navigate } from './routes';
import { ToastProvider } from './toasts';

type Startup =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'damaged'; health: Health }
  | { state: 'ready'; info: AppInfo; health: Health; profile: OrganisationProfile | null };

/**
 * The organisation profile, or null when none has been saved yet. A profile that cannot be
 * read does not stop the application: the settings screen shows the reason and lets the clerk fix it.
 */
async function loadProfile(): Promise<OrganisationProfile | null> {
  try {
    const profile = await api.call('settings.getProfile', {});
    return profile.agencyName ? profile : null;
  } catch {
    return null;
  }
}

/** Loads what the application needs to start, then shows the first-run choice or the main window. */
export function App() {
  const [startup, setStartup] = useState<Startup>({ state: 'loading' });

  const load = useCallback(async () => {
    try {
      const [info, health] = await Promise.all([api.call('app.info', {}), api.call('app.health', {})]);
      if (health.database.state === 'damaged') {
        setStartup({ state: 'damaged', health });
        return;
      }
      const profile = info.firstRun ? null : await loadProfile();
      setStartup({ state: 'ready', info, health, profile });
    } catch (error) {
      setStartup({ state: 'failed', message: errorMessage(error) });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const setProfile = useCallback((profile: OrganisationProfile) => {
    setStartup((current) => (current.state === 'ready' ? { ...current, profile } : current));
  }, []);

  const appState = useMemo<AppState | null>(
    () => (startup.state === 'ready' ? { info: startup.info, profile: startup.profile, setProfile } : null),
    [startup, setProfile],
  );

  if (startup.state === 'loading') {
    return <div className="startup-screen">Đang mở VănThư…</div>;
  }
  if (startup.state === 'damaged') return <DamagedDatabaseScreen health={startup.health} />;
  if (startup.state !== 'ready' || !appState) {
    return (
      <div className="startup-screen">
        <Notice
          tone="error"
          action={
            <button type="button" className="button" onClick={() => void load()}>
              Thử lại
            </button>
          }
        >
          <strong>Không mở được VănThư.</strong> {startup.state === 'failed' ? startup.message : ''}
        </Notice>
      </div>
    );
  }
  if (appState.info.firstRun) {
    return (
      <FirstRunPage
        info={appState.info}
        onChosen={(demo) => {
          // With the sample data, the overview shows what VănThư does; starting empty, the units page
          // prompts for the organisation profile and the units first.
          navigate(demo ? 'dashboard' : 'units');
          void load();
        }}
      />
    );
  }
  return (
    <AppContext.Provider value={appState}>
      <HealthProvider initial={startup.health}>
        <ToastProvider>
          <AppShell />
        </ToastProvider>
      </HealthProvider>
    </AppContext.Provider>
  );
}
