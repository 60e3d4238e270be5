import type { Dispatch } from '../../../../shared/domain/dispatch';
import { formatDate } from '../../formatting/dates';

/** The outgoing-register columns of an issued dispatch, with "Sửa…" for the ones filled in after issue. */
export function RegisterSummary({ dispatch, onEdit }: { dispatch: Dispatch; onEdit(): void }) {
  const keeper = dispatch.fileKeeper ?? (dispatch.departmentCode ? `VT, ${dispatch.departmentCode}` : 'VT');
  return (
    <section className="panel register-summary" aria-label="Sổ văn bản đi">
      <div className="register-summary-head">
        <h2 className="panel-title">Sổ văn bản đi</h2>
        <button type="button" className="button" onClick={onEdit}>
          Sửa…
        </button>
      </div>
      <dl className="register-summary-list">
        <div>
          <dt>Số lượng bản</dt>
          <dd>{dispatch.copies ?? '—'}</dd>
        </div>
        <div>
          <dt>Ngày chuyển</dt>
          <dd>{dispatch.sentDate ? formatDate(dispatch.sentDate) : '—'}</dd>
        </div>
        <div>
          <dt>Bản lưu</dt>
          <dd>{keeper}</dd>
        </div>
        <div>
          <dt>Ghi chú</dt>
          <dd>{dispatch.notes ?? '—'}</dd>
        </div>
      </dl>
    </section>
  );
}
