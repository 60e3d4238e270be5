import { useAppState } from './app-context';

export function TitleBar() {
  const { profile } = useAppState();
  return (
    <header className="title-bar">
      <span className="title-bar-brand">
        <img className="title-bar-logo" src="./app-icon.svg" alt="" width="20" height="20" />
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
