import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Health } from '../../../shared/domain/backup';
import { api } from '../api/client';

/** How often the window asks whether backups still succeed and the database is still sound. */
const POLL_MS = 60_000;

interface HealthState {
  health: Health;
  /** Asks again now (after a backup, a change of folder). */
  refresh(): Promise<void>;
}

const HealthContext = createContext<HealthState | null>(null);

/**
 * The core's health for every screen: a failed automatic backup is shown until one succeeds, and a
 * database found damaged in the background reloads the window onto the "Cơ sở dữ liệu bị hỏng" screen.
 */
export function HealthProvider({ initial, children }: { initial: Health; children: ReactNode }) {
  const [health, setHealth] = useState(initial);

  const refresh = useCallback(async () => {
    try {
      const next = await api.call('app.health', {});
      if (next.database.state === 'damaged') window.location.reload();
      else setHealth(next);
    } catch {
      // The core is busy or restarting: the next poll asks again.
    }
  }, []);

  useEffect(() => {
    const timer = window.setInterval(() => void refresh(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [refresh]);

  const value = useMemo(() => ({ health, refresh }), [health, refresh]);
  return <HealthContext.Provider value={value}>{children}</HealthContext.Provider>;
}

export function useHealth(): HealthState {
  const state = useContext(HealthContext);
  if (!state) throw new Error('useHealth() dùng ngoài <HealthProvider>.');
  return state;
}
