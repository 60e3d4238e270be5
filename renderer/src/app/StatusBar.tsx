import type { AppInfo } from '../../../shared/api';
import { FolderIcon } from '../components/icons';
import { useAppState } from './app-context';
import { OcrProgress } from './OcrProgress';
import { BackupStatusItem } from '../pages/backup/BackupStatusItem';

const SHELL_LABELS: Record<AppInfo['shell'], string> = {
  electron: 'Ứng dụng máy tính',
  browser: 'Chế độ trình duyệt',
  cli: 'Dòng lệnh',
};

export function StatusBar() {
  const { info } = useAppState();
  return (
    <footer className="status-bar">
      <span className="status-bar-item status-bar-path" title={info.dataDir}>
        <FolderIcon />
        <span>Thư mục dữ liệu: {info.dataDir}</span>
      </span>
      <OcrProgress />
      <BackupStatusItem />
      <span className="status-bar-item">{SHELL_LABELS[info.shell]}</span>
      <span className="status-bar-item">Phiên bản {info.version}</span>
    </footer>
  );
}
