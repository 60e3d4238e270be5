/**
 * The Vietnamese application menu, as a plain template (no `electron` import at run time) so a
 * test can check it. Only items that work: roles Electron implements, and "Giới thiệu".
 */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  /** Packaged builds for clerks have no developer tools. */
  isPackaged: boolean;
  onAbout: () => void;
}

export function applicationMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload', label: 'Tải lại' },
    { type: 'separator' },
    { role: 'zoomIn', label: 'Phóng to' },
    { role: 'zoomOut', label: 'Thu nhỏ' },
    { role: 'resetZoom', label: 'Kích thước thực' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: 'Toàn màn hình' },
  ];
  if (!options.isPackaged) {
    view.push({ type: 'separator' }, { role: 'toggleDevTools', label: 'Công cụ cho nhà phát triển' });
  }
  return [
    { label: 'Tệp', submenu: [{ role: 'quit', label: 'Thoát' }] },
    {
      label: 'Sửa',
      submenu: [
        { role: 'undo', label: 'Hoàn tác' },
        { role: 'redo', label: 'Làm lại' },
        { type: 'separator' },
        { role: 'cut', label: 'Cắt' },
        { role: 'copy', label: 'Sao chép' },
        { role: 'paste', label: 'Dán' },
        { role: 'selectAll', label: 'Chọn tất cả' },
      ],
    },
    { label: 'Xem', submenu: view },
    { label: 'Trợ giúp', submenu: [{ label: 'Giới thiệu VănThư', click: () => options.onAbout() }] },
  ];
}

/** The body of the "Giới thiệu VănThư" dialog. */
export function aboutDetail(info: { version: string; dataDir: string }): string {
  return [
    `Phiên bản: ${info.version}`,
    `Thư mục dữ liệu: ${info.dataDir}`,
    '',
    'Quản lý công văn đi, văn bản đến và theo dõi báo cáo cho văn thư cơ quan nhà nước.',
  ].join('\n');
}
