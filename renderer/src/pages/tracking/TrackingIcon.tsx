/** "Theo dõi báo cáo" in the navigation: a table with a tick (16 px line icon, as components/icons). */
export function TrackingIcon() {
  return (
    <svg className="icon" width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M1.5 2.5h13v11h-13zM1.5 6h13M5.5 2.5v11M7.8 10l1.5 1.5 3-3.2" />
    </svg>
  );
}
