import { createContext, useContext } from 'react';
import type { AppInfo } from '../../../shared/api';
import type { OrganisationProfile } from '../../../shared/domain/organisation';

/** What every screen may need to know about the running application. */
export interface AppState {
  info: AppInfo;
  /** Null while the clerk has not filled in the organisation profile yet. */
  profile: OrganisationProfile | null;
  setProfile(profile: OrganisationProfile): void;
}

export const AppContext = createContext<AppState | null>(null);

export function useAppState(): AppState {
  const state = useContext(AppContext);
  if (!state) throw new Error('useAppState() dùng ngoài <AppContext.Provider>.');
  return state;
}
