import { AppLogo } from '../components/AppLogo';
import { useAppState } from './app-context';

export function TitleBar() {
  const { profile } = useAppState();
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
    </header>
  );
}
