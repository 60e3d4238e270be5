import { useState } from 'react';
import { AppLogo } from '../components/AppLogo';
import { useAppState } from './app-context';
import { GlobalSearchDialog } from './GlobalSearchDialog';
import { useKeyboardShortcut } from './use-keyboard-shortcut';

export function TitleBar() {
  const { profile } = useAppState();
  const [searching, setSearching] = useState(false);
  useKeyboardShortcut('k', () => setSearching(true));
  return (
    <header className="title-bar">
      <span className="title-bar-brand">
        <AppLogo className="title-bar-logo" size={20} />
        VănThư
      </span>
      <span className="title-bar-separator" aria-hidden="true" />
      {profile ? (
        <span className="title-bar-organisation">
          {profile.parentAgency && <span className="title-bar-parent">{profile.parentAgency}</span>}
          <span className="title-bar-agency">{profile.agencyName}</span>
        </span>
      ) : (
        <span className="title-bar-organisation title-bar-missing">Chưa có thông tin cơ quan</span>
      )}
      <button type="button" className="title-bar-search" title="Tìm kiếm (Ctrl+K)" onClick={() => setSearching(true)}>
        Tìm kiếm <kbd aria-hidden="true">Ctrl+K</kbd>
      </button>
      {searching && <GlobalSearchDialog onClose={() => setSearching(false)} />}
    </header>
  );
}
