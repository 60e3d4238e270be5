import { useState } from 'react';
import type { IncomingDocument } from '../../../../shared/domain/incoming';
import { api } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { useToast } from '../../app/toasts';
import { ConfirmDialog } from '../../components/ConfirmDialog';

export interface UnlinkTarget {
  /** The incoming document's id. */
  id: number;
  /** "12/2021". */
  arrival: string;
  /** "864/STTTT-TTBCBC", when known. */
  dispatchReference: string | null;
  unitName: string | null;
  /** "năm 2021", when the document was counted for a period. */
  period: string | null;
}

interface UnlinkDispatchDialogProps {
  target: UnlinkTarget;
  onClose(): void;
  onDone(document: IncomingDocument): void;
}

/** "Bỏ liên kết với công văn": the document stays in the register; tracking no longer counts it as the unit's report. */
export function UnlinkDispatchDialog({ target, onClose, onDone }: UnlinkDispatchDialogProps) {
  const showToast = useToast();
  const [busy, setBusy] = useState(false);

  const unlink = async (): Promise<void> => {
    setBusy(true);
    try {
      const updated = await api.call('incoming.unlinkDispatch', { id: target.id });
      showToast({ message: `Đã bỏ liên kết văn bản đến số ${target.arrival} với công văn${target.dispatchReference ? ` ${target.dispatchReference}` : ''}.` });
      onDone(updated);
    } catch (e) {
      setBusy(false);
      showToast({ tone: 'error', message: errorMessage(e) });
      onClose();
    }
  };

  return (
    <ConfirmDialog title="Bỏ liên kết với công văn" confirmLabel="Bỏ liên kết" danger busy={busy} onConfirm={() => void unlink()} onCancel={onClose}>
      <p>
        Bỏ liên kết văn bản đến số {target.arrival} với công văn{target.dispatchReference ? ` ${target.dispatchReference}` : ''}? Văn bản vẫn nằm trong sổ văn bản
        đến; chỉ không còn được tính là báo cáo trả lời công văn này.
      </p>
      <p>
        {target.unitName ?? 'Đơn vị gửi'} sẽ được tính là chưa báo cáo{target.period ? ` ${target.period}` : ' kỳ này'}, trừ khi có báo cáo khác của đơn vị được
        gắn với công văn cho kỳ đó. Có thể gắn lại bằng “Sửa thông tin…” trên trang văn bản.
      </p>
    </ConfirmDialog>
  );
}
