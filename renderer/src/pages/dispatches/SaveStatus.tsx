import { formatTime } from './dispatch-text';
import type { SaveState } from './use-draft-autosave';

/** "Đã lưu lúc 13:05", "Đang lưu…", or why the draft could not be saved. */
export function SaveStatus({ state }: { state: SaveState }) {
  const text =
    state.status === 'saving' || state.status === 'pending'
      ? 'Đang lưu…'
      : state.status === 'error'
        ? 'Chưa lưu được'
        : state.at
          ? `Đã lưu lúc ${formatTime(state.at)}`
          : 'Đã lưu';
  return (
    <span className={`save-status save-status-${state.status}`} role="status" data-testid="save-status" title="Dự thảo được lưu tự động (Ctrl+S để lưu ngay)">
      {text}
    </span>
  );
}
