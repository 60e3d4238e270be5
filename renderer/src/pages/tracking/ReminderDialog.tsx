import { useState } from 'react';
import type { Dispatch } from '../../../../shared/domain/dispatch';
import type { TrackingPeriod } from '../../../../shared/domain/tracking';
import { api } from '../../api/client';
import { formatDate } from '../../formatting/dates';
import { PeriodDraftDialog } from './PeriodDraftDialog';
import { periodPhrase } from './tracking-text';

interface ReminderDialogProps {
  dispatchId: number;
  /** The periods with units still missing after their last day; at least one. */
  periods: TrackingPeriod[];
  /** The period to offer first (the one the clerk is looking at), when it has units missing. */
  initialKey: string | null;
  onDone(draft: Dispatch, period: TrackingPeriod): void;
  onClose(): void;
}

/**
 * "Đôn đốc các đơn vị chưa báo cáo": names exactly the units the công văn đôn đốc will go to,
 * then saves it as a draft in the outgoing register for the clerk to check and issue.
 */
export function ReminderDialog({ dispatchId, periods, initialKey, onDone, onClose }: ReminderDialogProps) {
  const [key, setKey] = useState(() => (periods.some((p) => p.period.key === initialKey) ? initialKey : periods[0]?.period.key) ?? '');
  const chosen = periods.find((p) => p.period.key === key);
  const missing = chosen?.rows.filter((r) => r.status === 'missing') ?? [];

  return (
    <PeriodDraftDialog
      title="Đôn đốc các đơn vị chưa báo cáo"
      size="medium"
      testId="reminder-dialog"
      submitLabel="Soạn công văn đôn đốc"
      periods={periods}
      chosen={chosen}
      onChoose={setKey}
      optionDetail={(p) => `${p.counts.missing} đơn vị chưa báo cáo`}
      createDraft={(periodKey) => api.call('tracking.reminderDraft', { dispatchId, periodKey })}
      onDone={onDone}
      onClose={onClose}
    >
      {chosen && (
        <p>
          Công văn đôn đốc gửi <strong>{missing.length} đơn vị</strong> chưa báo cáo kỳ {periodPhrase(chosen.period.label)} (hạn cuối{' '}
          {formatDate(chosen.period.dueDate)}). Dự thảo được lưu vào Văn bản đi và mở ra để xem lại, ban hành, tải .docx hoặc tạo email.
        </p>
      )}
      <ul className="reminder-units" aria-label="Các đơn vị sẽ được đôn đốc">
        {missing.map((r) => (
          <li key={r.unit.id}>
            {r.unit.name}
            <span className="muted"> · quá hạn {r.daysLate ?? 0} ngày</span>
          </li>
        ))}
      </ul>
    </PeriodDraftDialog>
  );
}
