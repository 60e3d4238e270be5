import type { ReactNode } from 'react';

/** Small line icons (16 px, currentColor) that sit beside button and navigation text. */
function Icon({ children }: { children: ReactNode }) {
  return (
    <svg className="icon" width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

export function BuildingIcon() {
  return (
    <Icon>
      <path d="M2.5 14.5v-11l6-2v13M8.5 5.5h5v9M1 14.5h14M4.5 5.5h2M4.5 8h2M4.5 10.5h2M10.5 8h1M10.5 10.5h1" />
    </Icon>
  );
}

export function SettingsIcon() {
  return (
    <Icon>
      <circle cx="8" cy="8" r="2.2" />
      <path d="M8 1.5v1.8M8 12.7v1.8M1.5 8h1.8M12.7 8h1.8M3.4 3.4l1.3 1.3M11.3 11.3l1.3 1.3M3.4 12.6l1.3-1.3M11.3 4.7l1.3-1.3" />
    </Icon>
  );
}

export function PlusIcon() {
  return (
    <Icon>
      <path d="M8 3v10M3 8h10" />
    </Icon>
  );
}

export function ImportIcon() {
  return (
    <Icon>
      <path d="M8 2v8M5 7l3 3 3-3M2.5 11v2.5h11V11" />
    </Icon>
  );
}

export function ExportIcon() {
  return (
    <Icon>
      <path d="M8 10V2M5 5l3-3 3 3M2.5 11v2.5h11V11" />
    </Icon>
  );
}

export function SearchIcon() {
  return (
    <Icon>
      <circle cx="7" cy="7" r="4.5" />
      <path d="M10.3 10.3L14 14" />
    </Icon>
  );
}

export function FolderIcon() {
  return (
    <Icon>
      <path d="M1.5 4v8.5h13V5.5H7.5L6 4z" />
    </Icon>
  );
}

export function DocumentIcon() {
  return (
    <Icon>
      <path d="M3.5 1.5h6l3 3v10h-9zM9.5 1.5v3h3M5.5 8h5M5.5 10.5h5M5.5 5.5h2" />
    </Icon>
  );
}

export function RegisterBookIcon() {
  return (
    <Icon>
      <path d="M3 2.5h9.5v12H3zM3 2.5v12M5.5 5.5h4.5M5.5 8h4.5M1.8 5h2.4M1.8 8h2.4M1.8 11h2.4" />
    </Icon>
  );
}

export function PrintIcon() {
  return (
    <Icon>
      <path d="M4.5 6V1.5h7V6M4.5 11.5h-3V6h13v5.5h-3M4.5 9.5h7v5h-7z" />
    </Icon>
  );
}

export function DownloadIcon() {
  return (
    <Icon>
      <path d="M8 2v8.5M4.5 7L8 10.5 11.5 7M2.5 13.5h11" />
    </Icon>
  );
}

export function ChevronDownIcon() {
  return (
    <Icon>
      <path d="M4 6l4 4 4-4" />
    </Icon>
  );
}

export function ArrowLeftIcon() {
  return (
    <Icon>
      <path d="M13 8H3M7 4L3 8l4 4" />
    </Icon>
  );
}

export function ArrowUpIcon() {
  return (
    <Icon>
      <path d="M8 13V3M4 7l4-4 4 4" />
    </Icon>
  );
}

export function ArrowDownIcon() {
  return (
    <Icon>
      <path d="M8 3v10M4 9l4 4 4-4" />
    </Icon>
  );
}

export function CloseIcon() {
  return (
    <Icon>
      <path d="M4 4l8 8M12 4l-8 8" />
    </Icon>
  );
}

export function SendIcon() {
  return (
    <Icon>
      <path d="M14.5 1.5L7 9M14.5 1.5l-4.5 13-3-5.5-5.5-3z" />
    </Icon>
  );
}

export function EditIcon() {
  return (
    <Icon>
      <path d="M10.5 2.5l3 3-8 8H2.5v-3zM9 4l3 3" />
    </Icon>
  );
}

export function ReviewIcon() {
  return (
    <Icon>
      <path d="M5.5 2.5h-2v12h9v-12h-2M5.5 1.5h5v2h-5zM5.5 9l2 2 3.5-4" />
    </Icon>
  );
}

/** "Tổng quan" in the navigation: four tiles. */
export function DashboardIcon() {
  return (
    <Icon>
      <path d="M2 2h5v6H2zM9 2h5v3H9zM9 7h5v7H9zM2 10h5v4H2z" />
    </Icon>
  );
}

/** "Theo dõi báo cáo" in the navigation: a table with a tick. */
export function TrackingIcon() {
  return (
    <Icon>
      <path d="M1.5 2.5h13v11h-13zM1.5 6h13M5.5 2.5v11M7.8 10l1.5 1.5 3-3.2" />
    </Icon>
  );
}

/** A drive with an arrow going in: backups. */
export function BackupIcon() {
  return (
    <Icon>
      <path d="M2 10.5h12v3H2zM4 12h.5M8 1.5v6M5.5 5l2.5 2.5L10.5 5" />
    </Icon>
  );
}

/** A clock with a list: the audit log (who did what when). */
export function HistoryIcon() {
  return (
    <Icon>
      <circle cx="6" cy="6" r="4.5" />
      <path d="M6 3.5V6l1.6 1M9.5 11.5h5M9.5 14h5M12 9h2.5" />
    </Icon>
  );
}
