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
