import { useState, type ReactNode } from 'react';
import type { IncomingDocument, ReviewNeighbours } from '../../../../shared/domain/incoming';
import { api } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { navigate, routeHref } from '../../app/routes';
import { useToast } from '../../app/toasts';
import { useKeyboardShortcut } from '../../app/use-keyboard-shortcut';
import { ArrowLeftIcon } from '../../components/icons';
import { Notice } from '../../components/Notice';
import { formatDate } from '../../formatting/dates';
import { FormFigures } from '../forms/FormFigures';
import { useReviewCount } from '../intake/ImportSessionProvider';
import { correctionValues, toCorrection, type CorrectionErrors, type CorrectionValues } from './correction-values';
import { arrivalLabel, mainFile } from './incoming-text';
import { OriginalFileViewer } from './OriginalFileViewer';
import { ReviewForm } from './ReviewForm';
import { SignatureList } from './SignatureList';
import { useReferenceData, type ReferenceData } from './use-reference-data';
import { useIncomingDocument } from './use-incoming-document';
import { useReviewNeighbours } from './use-review-neighbours';

/**
 * One received document beside what VănThư recognised in it: the original on the left, the
 * fields on the right. "Xác nhận" (Ctrl+Enter) saves the corrections and opens the next one
 * waiting; for a document already registered the same screen corrects it.
 */
export function ReviewPage({ id }: { id: number }) {
  const { document, error: loadError, setDocument } = useIncomingDocument(id);
  const { data: reference, error: referenceError } = useReferenceData();
  const neighbours = useReviewNeighbours(id);

  const error = loadError ?? referenceError;
  return (
    <div className="page page-fixed-header review-page">
      {error ? (
        <>
          <ReviewHeader title="Xác nhận văn bản đến" />
          <Notice tone="error">{error}</Notice>
        </>
      ) : !document || !reference ? (
        <>
          <ReviewHeader title="Xác nhận văn bản đến" />
          <p className="empty-state">Đang mở văn bản…</p>
        </>
      ) : (
        <ReviewWorkspace
          document={document}
          reference={reference}
          neighbours={neighbours}
          // A corrected value may leave the review reason shorter; if reading it again fails, the old one shows until the next visit.
          onFiguresCorrected={() => void api.call('incoming.get', { id }).then(setDocument, () => undefined)}
        />
      )}
    </div>
  );
}

interface ReviewHeaderProps {
  title: string;
  /** Where "back" goes: the queue, or for a document already registered its own page. */
  backTo?: { href: string; label: string };
  children?: ReactNode;
}

const BACK_TO_QUEUE = { href: routeHref('review'), label: 'Chờ xác nhận' };

function ReviewHeader({ title, backTo = BACK_TO_QUEUE, children }: ReviewHeaderProps) {
  return (
    <header className="page-header review-header">
      <div className="review-heading">
        <a className="button button-subtle review-back" href={backTo.href}>
          <ArrowLeftIcon />
          {backTo.label}
        </a>
        <h1 className="page-title">{title}</h1>
      </div>
      {children && <div className="toolbar">{children}</div>}
    </header>
  );
}

interface ReviewWorkspaceProps {
  document: IncomingDocument;
  reference: ReferenceData;
  /** Its place in the review queue; null until known. */
  neighbours: ReviewNeighbours | null;
  /** After a value of its returned form was corrected. */
  onFiguresCorrected: () => void;
}

function ReviewWorkspace({ document, reference, neighbours, onFiguresCorrected }: ReviewWorkspaceProps) {
  const showToast = useToast();
  const { refresh: refreshReviewCount } = useReviewCount();
  const [values, setValues] = useState<CorrectionValues>(() => correctionValues(document));
  const [errors, setErrors] = useState<CorrectionErrors>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inReview = document.status === 'needs_review';
  const arrival = arrivalLabel(document.arrivalNumber, document.arrivalYear);
  const nextId = neighbours?.nextId ?? null;

  const openNext = (id: number | null): void => {
    if (id !== null) navigate('review', id);
    else navigate('review');
  };

  const save = async (): Promise<void> => {
    if (busy) return;
    const unit = reference.units.find((u) => u.id === values.unitId) ?? null;
    const checked = toCorrection(values, unit);
    if ('errors' in checked) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setSaveError(null);
    setBusy(true);
    try {
      await api.call('incoming.confirm', { id: document.id, correction: checked.correction });
      refreshReviewCount();
      if (inReview) {
        // Asked again now that this one has left the queue: another window may have confirmed the next one meanwhile.
        const after = await api.call('incoming.reviewNeighbours', { id: document.id }).then((n) => n.nextId, () => nextId);
        showToast({ message: after !== null ? `Đã xác nhận văn bản đến số ${arrival}. Mở văn bản kế tiếp.` : `Đã xác nhận văn bản đến số ${arrival}. Hàng chờ đã hết.` });
        openNext(after);
      } else {
        showToast({ message: `Đã lưu văn bản đến số ${arrival}.` });
        navigate('incoming', document.id);
      }
    } catch (e) {
      setSaveError(errorMessage(e));
      setBusy(false);
    }
  };
  useKeyboardShortcut('enter', () => void save());

  return (
    <>
      <ReviewHeader
        title={inReview ? `Xác nhận văn bản đến số ${arrival}` : `Sửa văn bản đến số ${arrival}`}
        backTo={inReview ? BACK_TO_QUEUE : { href: routeHref('incoming', document.id), label: 'Văn bản đến' }}
      >
        {inReview && neighbours?.position != null && (
          <span className="review-position" aria-live="polite" data-testid="review-position">
            {neighbours.position}/{neighbours.total} trong hàng chờ
          </span>
        )}
        {inReview && nextId !== null && (
          <button type="button" className="button" title="Để văn bản này lại, mở văn bản kế tiếp trong hàng chờ" onClick={() => openNext(nextId)}>
            Bỏ qua
          </button>
        )}
        <button type="button" className="button button-primary button-wide" title={`${inReview ? 'Xác nhận' : 'Lưu'} (Ctrl+Enter)`} disabled={busy} aria-busy={busy} onClick={() => void save()}>
          {inReview ? 'Xác nhận' : 'Lưu'}
        </button>
      </ReviewHeader>

      <div className="review-workspace">
        <OriginalFileViewer document={document} />
        <section className="review-fields" aria-label="Thông tin nhận biết">
          {saveError && <Notice tone="error">{saveError}</Notice>}
          {inReview && document.reviewReason && (
            <div className="review-reason" data-testid="review-reason">
              <strong>Cần xác nhận vì:</strong> {document.reviewReason}
            </div>
          )}
          {!inReview && (
            <Notice tone="info">
              Văn bản này đã vào sổ. Sửa các trường rồi bấm “Lưu”; <a href={routeHref('incoming', document.id)}>xem chi tiết văn bản</a>.
            </Notice>
          )}
          <p className="review-meta">
            Nhận ngày {formatDate(document.receivedDate)} · Số đến {arrival}
            {document.signer && <> · Người ký: {document.signer}</>}
          </p>
          <SignatureList signatures={mainFile(document)?.signatures ?? []} />
          <FormFigures incomingId={document.id} variant="section" onCorrected={onFiguresCorrected} />
          <ReviewForm document={document} reference={reference} values={values} errors={errors} onChange={setValues} />
        </section>
      </div>
    </>
  );
}
