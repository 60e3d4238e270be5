import { useId, useState } from 'react';
import type { AppInfo } from '../../../../shared/api';
import { api } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { AppLogo } from '../../components/AppLogo';
import { Notice } from '../../components/Notice';

interface FirstRunPageProps {
  info: AppInfo;
  /** Called once the choice is stored; `demo` says whether the sample data was chosen. */
  onChosen(demo: boolean): void;
}

/** The welcome screen: start from the Kiên Giang sample data or from an empty registry. */
export function FirstRunPage({ info, onChosen }: FirstRunPageProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const choose = async (demo: boolean): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await api.call('app.firstRunChoice', { demo });
      onChosen(demo);
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <div className="first-run">
      <main className="first-run-card">
        <AppLogo className="first-run-logo" size={48} />
        <h1 className="first-run-title">Chào mừng đến với VănThư</h1>
        <p className="first-run-lead">
          VănThư giúp văn thư quản lý đơn vị nhận, công văn đi, văn bản đến và theo dõi báo cáo. Hãy chọn cách bắt đầu:
        </p>
        {error && <Notice tone="error">{error}</Notice>}
        <div className="first-run-choices">
          <FirstRunChoice
            title="Dùng dữ liệu mẫu (Sở TT&TT Kiên Giang)"
            description="Có sẵn thông tin cơ quan, các nhóm và danh sách đơn vị nhận của Sở Thông tin và Truyền thông tỉnh Kiên Giang để dùng thử. Dữ liệu mẫu được đánh dấu riêng, có thể sửa hoặc xóa sau."
            disabled={busy}
            onChoose={() => void choose(true)}
          />
          <FirstRunChoice
            title="Bắt đầu với sổ trống"
            description="Danh sách trống. Bạn sẽ điền thông tin cơ quan, rồi thêm đơn vị nhận từng đơn vị hoặc nhập từ tệp Excel."
            disabled={busy}
            onChoose={() => void choose(false)}
          />
        </div>
        <p className="first-run-data-dir">
          Dữ liệu được lưu trong thư mục <span className="path">{info.dataDir}</span>
        </p>
      </main>
    </div>
  );
}

interface FirstRunChoiceProps {
  title: string;
  description: string;
  disabled: boolean;
  onChoose(): void;
}

function FirstRunChoice({ title, description, disabled, onChoose }: FirstRunChoiceProps) {
  const id = useId();
  return (
    <button
      type="button"
      className="first-run-choice"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-description`}
      disabled={disabled}
      onClick={onChoose}
    >
      <span id={`${id}-title`} className="first-run-choice-title">
        {title}
      </span>
      <span id={`${id}-description`} className="first-run-choice-description">
        {description}
      </span>
    </button>
  );
}
