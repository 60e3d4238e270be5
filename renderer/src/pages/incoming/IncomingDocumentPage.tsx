import { useEffect, useState, type ReactNode } from 'react';
import type { Dispatch } from '../../../../shared/domain/dispatch';
import type { IncomingDocument } from '../../../../shared/domain/incoming';
import { api } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { navigate, routeHref } from '../../app/routes';
import { useToast } from '../../app/toasts';
import { downloadFile } from '../../components/download-file';
import { ArrowLeftIcon, DownloadIcon, EditIcon, SendIcon } from '../../components/icons';
import { Notice } from '../../components/Notice';
import { formatDate } from '../../formatting/dates';
import { FormFigures } from '../forms/FormFigures';
import { dispatchReference } from '../dispatches/dispatch-text';
import { periodPhrase } from '../tracking/tracking-text';
import { ForwardDialog } from './ForwardDialog';
import { ImportStatusBadge } from './ImportStatusBadge';
import { arrivalLabel, displayDate, fileRoleLabel, mainFile, numberAndSymbol, periodLabel } from './incoming-text';
import { MatchReasons } from './MatchReasons';
import { SignatureList } from './SignatureList';
import { UnlinkDispatchDialog } from './UnlinkDispatchDialog';
import { useIncomingDocument } from './use-incoming-document';

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children || <span className="muted">—</span>}</dd>
    </>
  );
}

function OriginalFiles({ document }: { document: IncomingDocument }) {
  const showToast = useToast();
  const [busyId, setBusyId] = useState<number | null>(null);
  const download = async (fileId: number): Promise<void> => {
    setBusyId(fileId);
    try {
      downloadFile(await api.call('incoming.fileBytes', { id: document.id, fileId }));
    } catch (e) {
      showToast({ tone: 'error', message: errorMessage(e) });
    } finally {
      setBusyId(null);
    }
  };
  if (document.files.length === 0) return <p className="muted">Văn bản nhận bản giấy: không có tệp.</p>;
  return (
    <ul className="original-files" data-testid="original-files">
      {document.files.map((file) => (
        <li key={file.id} className="original-file">
          <div className="original-file-text">
            <span className="original-file-name">{file.fileName}</span>
            <span className="original-file-detail">
              {fileRoleLabel(file.role)}
              {file.displayPath !== file.fileName && <> · {file.displayPath}</>}
            </span>
            {file.readNote && <span className="original-file-note">{file.readNote}</span>}
            {file.role !== 'main' && <SignatureList signatures={file.signatures} />}
          </div>
          <button
            type="button"
            className="button"
            title={`Lưu “${file.fileName}” về máy, đúng như đã nhận`}
            disabled={busyId !== null}
            aria-busy={busyId === file.id}
            onClick={() => void download(file.id)}
          >
            <DownloadIcon />
            Tải về
          </button>
        </li>
      ))}
    </ul>
  );
}

function Recognition({ document, dispatch, onUnlink }: { document: IncomingDocument; dispatch: Dispatch | null; onUnlink(): void }) {
  return (
    <dl className="detail-list recognition-list">
      <Detail label="Đơn vị gửi">
        {document.unitName && (
          <>
            {document.unitName}
            <MatchReasons confidence={document.unitConfidence} reasons={document.unitReasons} />
          </>
        )}
      </Detail>
      <Detail label="Trả lời công văn">
        {document.dispatchId !== null && (
          <>
            <a href={routeHref('dispatches', document.dispatchId)}>
              {dispatch ? `Công văn số ${dispatchReference(dispatch)}${dispatch.issueDate ? ` ngày ${formatDate(dispatch.issueDate)}` : ''}` : 'Mở công văn'}
            </a>
            {dispatch?.subject && <span className="detail-secondary">V/v {dispatch.subject}</span>}
            <MatchReasons confidence={document.dispatchConfidence} reasons={document.dispatchReasons} />
            <button
              type="button"
              className="button button-danger-subtle recognition-unlink"
              title="Văn bản vẫn ở trong sổ; không còn được tính là báo cáo trả lời công văn này"
              onClick={onUnlink}
            >
              Bỏ liên kết với công văn
            </button>
          </>
        )}
      </Detail>
      <Detail label="Kỳ báo cáo">
        {document.periodKey && (
          <>
            {periodLabel(document.periodKey)}
            <MatchReasons confidence={document.periodConfidence} reasons={document.periodReasons} />
          </>
        )}
      </Detail>
    </dl>
  );
}

function DocumentDetails({ document, onChanged }: { document: IncomingDocument; onChanged(document: IncomingDocument): void }) {
  const showToast = useToast();
  const [forwarding, setForwarding] = useState(false);
  const [unlinking, setUnlinking] = useState(false);
  const [dispatch, setDispatch] = useState<Dispatch | null>(null);
  const arrival = arrivalLabel(document.arrivalNumber, document.arrivalYear);
  const signatures = mainFile(document)?.signatures ?? [];

  useEffect(() => {
    if (document.dispatchId === null) return;
    let stale = false;
    api.call('dispatches.get', { id: document.dispatchId }).then(
      (d) => {
        if (!stale) setDispatch(d);
      },
      () => undefined, // the link still opens the dispatch; its number is a convenience
    );
    return () => {
      stale = true;
    };
  }, [document.dispatchId]);

  return (
    <>
      <header className="page-header">
        <div className="review-heading">
          <a className="button button-subtle review-back" href={routeHref('incoming')} title="Về sổ văn bản đến">
            <ArrowLeftIcon />
            Sổ văn bản đến
          </a>
          <h1 className="page-title">Văn bản đến số {arrival}</h1>
          <ImportStatusBadge status={document.status} />
        </div>
        <div className="toolbar">
          <button type="button" className="button" title="Sửa các trường VănThư đã đọc hoặc đã nhận biết" onClick={() => navigate('review', document.id)}>
            <EditIcon />
            Sửa thông tin…
          </button>
          <button type="button" className="button button-primary" onClick={() => setForwarding(true)}>
            <SendIcon />
            Chuyển cho…
          </button>
        </div>
      </header>

      {document.status === 'needs_review' && (
        <Notice
          tone="info"
          action={
            <a className="button button-primary" href={routeHref('review', document.id)}>
              Xác nhận…
            </a>
          }
        >
          <strong>Văn bản đang chờ xác nhận.</strong> {document.reviewReason}
        </Notice>
      )}

      <div className="page-scroll-body">
        <div className="incoming-detail">
          <div className="incoming-detail-column">
            <section className="panel">
              <h2 className="panel-title">Thông tin văn bản</h2>
              <dl className="detail-list">
                <Detail label="Ngày đến">{formatDate(document.receivedDate)}</Detail>
                <Detail label="Số đến">{arrival}</Detail>
                <Detail label="Tác giả">
                  {document.agency}
                  {document.parentAgency && <span className="detail-secondary">{document.parentAgency}</span>}
                </Detail>
                <Detail label="Số, ký hiệu">{numberAndSymbol(document.number, document.symbol)}</Detail>
                <Detail label="Ngày tháng văn bản">
                  {[document.place, displayDate(document.date)].filter(Boolean).join(', ')}
                </Detail>
                <Detail label="Tên loại và trích yếu">{[document.type, document.subject].filter(Boolean).join(': ')}</Detail>
                <Detail label="Người ký">{document.signer}</Detail>
                {signatures.length > 0 && (
                  <Detail label="Chữ ký số">
                    <SignatureList signatures={signatures} />
                  </Detail>
                )}
                <Detail label="Nguồn">{document.source === 'paper' ? 'Bản giấy, văn thư nhập tay' : 'Nhập từ tệp'}</Detail>
                {document.notes && <Detail label="Ghi chú">{document.notes}</Detail>}
              </dl>
            </section>

            <section className="panel">
              <h2 className="panel-title">VănThư nhận biết</h2>
              <Recognition document={document} dispatch={dispatch} onUnlink={() => setUnlinking(true)} />
            </section>
          </div>
          <div className="incoming-detail-column">
            <section className="panel">
              <h2 className="panel-title">Chuyển giao</h2>
              <dl className="detail-list">
                <Detail label="Đơn vị hoặc người nhận">{document.forwardedTo}</Detail>
                <Detail label="Ngày chuyển">{document.forwardedDate && formatDate(document.forwardedDate)}</Detail>
              </dl>
            </section>

            <section className="panel">
              <h2 className="panel-title">Tệp gốc</h2>
              <p className="panel-description">Lưu nguyên vẹn như khi nhận; tải về để mở bằng chương trình khác.</p>
              <OriginalFiles document={document} />
            </section>

            <FormFigures
              incomingId={document.id}
              variant="panel"
              // A corrected value may shorten the review reason in the banner; if reading it again fails, the old one shows until the next visit.
              onCorrected={() => void api.call('incoming.get', { id: document.id }).then(onChanged, () => undefined)}
            />
          </div>
        </div>
      </div>

      {forwarding && (
        <ForwardDialog
          document={document}
          onClose={() => setForwarding(false)}
          onForwarded={(updated) => {
            setForwarding(false);
            onChanged(updated);
            showToast({ message: `Đã ghi chuyển văn bản đến số ${arrival} cho ${updated.forwardedTo ?? ''}.` });
          }}
        />
      )}
      {unlinking && (
        <UnlinkDispatchDialog
          target={{
            id: document.id,
            arrival,
            dispatchReference: dispatch && dispatch.id === document.dispatchId ? dispatchReference(dispatch) : null,
            unitName: document.unitName,
            period: document.periodKey ? periodPhrase(periodLabel(document.periodKey)) : null,
          }}
          onClose={() => setUnlinking(false)}
          onDone={(updated) => {
            setUnlinking(false);
            onChanged(updated);
          }}
        />
      )}
    </>
  );
}

/** A received document: what it says, what VănThư recognised and why, its original files, and to whom it was forwarded. */
export function IncomingDocumentPage({ id }: { id: number }) {
  const { document, error, setDocument } = useIncomingDocument(id);
  return (
    <div className="page page-fixed-header incoming-document-page">
      {document ? (
        <DocumentDetails document={document} onChanged={setDocument} />
      ) : (
        <>
          <header className="page-header">
            <h1 className="page-title">Văn bản đến</h1>
          </header>
          {error ? <Notice tone="error">{error}</Notice> : <p className="empty-state">Đang mở văn bản…</p>}
        </>
      )}
    </div>
  );
}
