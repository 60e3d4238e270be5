import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { Dispatch, DispatchContent } from '../../../../shared/domain/dispatch';
import type { OrganisationProfile } from '../../../../shared/domain/organisation';
import type { Unit, UnitGroup } from '../../../../shared/domain/unit';
import { api } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { navigate, routeHref } from '../../app/routes';
import { useToast } from '../../app/toasts';
import { useKeyboardShortcut } from '../../app/use-keyboard-shortcut';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { downloadFile } from '../../components/download-file';
import { ArrowLeftIcon, DownloadIcon, SendIcon, TrackingIcon } from '../../components/icons';
import { Notice } from '../../components/Notice';
import { formatDate } from '../../formatting/dates';
import { RegisterFieldsDialog } from '../register/RegisterFieldsDialog';
import { DataFormSection } from '../forms/DataFormSection';
import { periodLabel } from '../incoming/incoming-text';
import { periodPhrase } from '../tracking/tracking-text';
import { DOCUMENT_TYPE_NAMES } from '../../../../shared/documents/templates/official-document';
import { documentNoun, dispatchReference, subjectLine } from './dispatch-text';
import { DispatchForm } from './DispatchForm';
import { DispatchStatusBadge } from './DispatchStatusBadge';
import { expectedUnitsOf } from './expected-units';
import { buildDocument, documentHtml, printPageCss } from './document-preview';
import { contentOf } from './draft-content';
import { ExportActions } from './ExportActions';
import { IssueDialog } from './IssueDialog';
import { PreviewPane } from './PreviewPane';
import { RegisterSummary } from './RegisterSummary';
import { RequirementDialog } from './RequirementDialog';
import { SaveStatus } from './SaveStatus';
import { SetNumberDialog } from './SetNumberDialog';
import { SignedOriginalPanel } from './SignedOriginalPanel';
import { useDraftAutosave } from './use-draft-autosave';
import { VoidDialog } from './VoidDialog';

type EditorDialog = 'issue' | 'set-number' | 'void' | 'delete' | 'register' | 'requirement';

interface DispatchEditorProps {
  initial: Dispatch;
  groups: UnitGroup[];
  units: Unit[];
  profile: OrganisationProfile;
  today: string;
}

/**
 * The công văn editor: the form on the left, the live A4 preview on the right. A draft saves
 * itself as the clerk types; an issued dispatch is read-only and keeps its number.
 */
export function DispatchEditor({ initial, groups, units, profile, today }: DispatchEditorProps) {
  const showToast = useToast();
  const [dispatch, setDispatch] = useState(initial);
  const [content, setContent] = useState<DispatchContent>(() => contentOf(initial));
  const [dialog, setDialog] = useState<EditorDialog | null>(null);
  const [deleting, setDeleting] = useState(false);
  // Remounts the (read-only) form after "Sửa yêu cầu báo cáo…": its date fields keep their own text.
  const [formVersion, setFormVersion] = useState(0);
  const draft = dispatch.status === 'draft';
  const noun = documentNoun(content.documentType);
  const formPaneRef = useRef<HTMLDivElement>(null);

  // Issued or voided: the notice saying so is at the top of the form; show it.
  useEffect(() => {
    formPaneRef.current?.scrollTo({ top: 0 });
  }, [dispatch.status]);

  const { state: saveState, flush } = useDraftAutosave(dispatch.id, content, draft, setDispatch);
  useKeyboardShortcut('s', () => void flush());

  const update = useCallback((f: (c: DispatchContent) => DispatchContent) => setContent(f), []);

  const previewContent = useDeferredValue(content);
  const preview = useMemo(() => {
    const doc = buildDocument(previewContent, dispatch, profile, today);
    return { html: documentHtml(doc), pageCss: printPageCss(doc) };
  }, [previewContent, dispatch, profile, today]);

  /** A dispatch changed by an action (issued, numbered, voided, register fields): show what the core now holds. */
  const replace = (next: Dispatch, message: string): void => {
    setDialog(null);
    setDispatch(next);
    setContent(contentOf(next));
    showToast({ message });
  };

  const deleteDraft = async (): Promise<void> => {
    setDeleting(true);
    try {
      await api.call('dispatches.deleteDraft', { id: dispatch.id });
      showToast({ message: 'Đã xóa dự thảo.' });
      navigate('dispatches');
    } catch (e) {
      setDeleting(false);
      setDialog(null);
      showToast({ tone: 'error', message: errorMessage(e) });
    }
  };

  const backToList = async (): Promise<void> => {
    await flush();
    navigate('dispatches');
  };

  const source = content.reportSource;
  const downloadAppendix = async (): Promise<void> => {
    if (!source) return;
    try {
      const file = await api.call('reports.appendixXlsx', { dispatchId: source.dispatchId, periodKey: source.periodKey });
      downloadFile(file);
      showToast({ message: `Đã tạo tệp ${file.fileName}.` });
    } catch (e) {
      showToast({ tone: 'error', message: errorMessage(e) });
    }
  };

  return (
    <div className="page page-fixed-header dispatch-editor">
      <header className="dispatch-editor-header">
        <a
          className="button button-subtle"
          href={routeHref('dispatches')}
          title="Về danh sách văn bản đi (dự thảo được lưu trước)"
          onClick={(e) => {
            e.preventDefault();
            void backToList();
          }}
        >
          <ArrowLeftIcon />
          Văn bản đi
        </a>
        <h1 className="page-title dispatch-editor-title">{draft ? `Dự thảo ${noun}` : `${DOCUMENT_TYPE_NAMES[content.documentType]} số ${dispatchReference(dispatch)}`}</h1>
        <DispatchStatusBadge status={dispatch.status} />
        {draft && <SaveStatus state={saveState} />}
        <div className="toolbar dispatch-editor-actions">
          {draft && (
            <button type="button" className="button button-primary" title="Cấp số và ngày, khóa nội dung" onClick={() => setDialog('issue')}>
              <SendIcon />
              Ban hành…
            </button>
          )}
          {dispatch.status === 'issued' && dispatch.number === null && (
            <button type="button" className="button button-primary" onClick={() => setDialog('set-number')}>
              Ghi số viết tay…
            </button>
          )}
          {dispatch.status === 'issued' && dispatch.requirement && (
            <a className="button" href={routeHref('tracking', dispatch.id)} title="Xem đơn vị nào đã báo cáo, đúng hạn hay trễ hạn">
              <TrackingIcon />
              Theo dõi báo cáo
            </a>
          )}
          <ExportActions dispatchId={dispatch.id} numbered={dispatch.number !== null} beforeExport={flush} />
          {source && (
            <button type="button" className="button" title="Bảng số liệu của từng đơn vị và tổng cộng, danh sách đơn vị đã báo cáo; tệp Excel in khổ A4 ngang" onClick={() => void downloadAppendix()}>
              <DownloadIcon />
              Tải phụ lục (.xlsx)
            </button>
          )}
          {draft && (
            <button type="button" className="button button-danger-subtle" onClick={() => setDialog('delete')}>
              Xóa dự thảo
            </button>
          )}
          {dispatch.status === 'issued' && (
            <button type="button" className="button button-danger-subtle" onClick={() => setDialog('void')}>
              Hủy văn bản…
            </button>
          )}
        </div>
      </header>

      <div className="dispatch-workspace">
        <div className="dispatch-form-pane" ref={formPaneRef}>
          {saveState.status === 'error' && (
            <Notice
              tone="error"
              action={
                <button type="button" className="button" onClick={() => void flush()}>
                  Lưu lại
                </button>
              }
            >
              <strong>Chưa lưu được dự thảo.</strong> {saveState.message}
            </Notice>
          )}
          {dispatch.status === 'issued' && (
            <Notice tone="info">
              Văn bản đã ban hành ngày {dispatch.issueDate ? formatDate(dispatch.issueDate) : '…'}
              {dispatch.number === null ? ', chưa ghi số' : ''}; nội dung không sửa được nữa. Nếu cần sửa, hãy hủy văn bản và soạn văn bản mới.
            </Notice>
          )}
          {dispatch.status === 'voided' && (
            <Notice tone="error">
              <strong>Văn bản đã bị hủy.</strong> Lý do: {dispatch.voidReason}
            </Notice>
          )}
          {source && draft && (
            <Notice
              tone="info"
              action={
                <a className="button" href={routeHref('tracking', source.dispatchId, { ky: source.periodKey })} title="Mở bảng theo dõi báo cáo của kỳ này">
                  <TrackingIcon />
                  Bảng theo dõi
                </a>
              }
            >
              Báo cáo tổng hợp {periodPhrase(periodLabel(source.periodKey))}: tình hình báo cáo và bảng số liệu được lập tự động từ bảng theo dõi và biểu mẫu các đơn vị
              gửi về. Hãy viết phần đánh giá chung, đề xuất, kiến nghị rồi ban hành.
            </Notice>
          )}
          {!draft && <RegisterSummary dispatch={dispatch} onEdit={() => setDialog('register')} />}
          {!draft && <SignedOriginalPanel dispatchId={dispatch.id} />}
          <DispatchForm
            key={formVersion}
            content={content}
            update={update}
            issuedSymbol={draft ? null : dispatch.symbol}
            profile={profile}
            groups={groups}
            units={units}
            today={today}
            readOnly={!draft}
            onEditRequirement={dispatch.status === 'issued' ? () => setDialog('requirement') : undefined}
          />
          {content.documentType === 'cong_van' && content.requirement && dispatch.status !== 'voided' && (
            <DataFormSection
              dispatchId={dispatch.id}
              issued={!draft}
              requirement={content.requirement}
              expectedUnits={expectedUnitsOf(content, units)}
              today={today}
              beforeSave={flush}
            />
          )}
        </div>
        <PreviewPane html={preview.html} pageCss={preview.pageCss} />
      </div>

      {dialog === 'issue' && (
        <IssueDialog
          dispatchId={dispatch.id}
          noun={noun}
          today={today}
          beforeIssue={flush}
          onClose={() => setDialog(null)}
          onIssued={(issued) =>
            replace(
              issued,
              issued.number === null
                ? `Đã ban hành ${noun}; số để trống để viết tay, ghi vào VănThư sau bằng “Ghi số viết tay…”.`
                : `Đã ban hành ${noun} số ${dispatchReference(issued)}.`,
            )
          }
        />
      )}
      {dialog === 'set-number' && (
        <SetNumberDialog dispatch={dispatch} onClose={() => setDialog(null)} onDone={(d) => replace(d, `Đã ghi số ${dispatchReference(d)}.`)} />
      )}
      {dialog === 'void' && <VoidDialog dispatch={dispatch} onClose={() => setDialog(null)} onDone={(d) => replace(d, `Đã hủy văn bản ${dispatchReference(d)}.`)} />}
      {dialog === 'register' && (
        <RegisterFieldsDialog dispatch={dispatch} onClose={() => setDialog(null)} onSaved={(d) => replace(d, 'Đã lưu thông tin sổ văn bản đi.')} />
      )}
      {dialog === 'requirement' && (
        <RequirementDialog
          dispatch={dispatch}
          units={units}
          groups={groups}
          today={today}
          onClose={() => setDialog(null)}
          onSaved={(d) => {
            setFormVersion((v) => v + 1);
            replace(d, d.requirement ? 'Đã lưu yêu cầu báo cáo; bảng theo dõi tính theo yêu cầu mới.' : 'Đã bỏ yêu cầu báo cáo; công văn không còn được theo dõi.');
          }}
        />
      )}
      {dialog === 'delete' && (
        <ConfirmDialog title="Xóa dự thảo" confirmLabel="Xóa dự thảo" danger busy={deleting} onConfirm={() => void deleteDraft()} onCancel={() => setDialog(null)}>
          <p>
            Xóa dự thảo {content.subject ? `“${subjectLine(content)}”` : 'này'}? Dự thảo chưa ban hành nên xóa hẳn, không vào sổ văn bản đi.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}

