import { useEffect, useState } from 'react';
import type { ReportingRequirement } from '../../../../shared/domain/dispatch';
import type { DataForm } from '../../../../shared/domain/form';
import type { Unit } from '../../../../shared/domain/unit';
import { api } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { useToast } from '../../app/toasts';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { downloadFile } from '../../components/download-file';
import { DownloadIcon, EditIcon } from '../../components/icons';
import { Notice } from '../../components/Notice';
import { formatLocalDate, formatTime } from '../dispatches/dispatch-text';
import { FormEditorDialog } from './FormEditorDialog';
import { FormForUnitDialog } from './FormForUnitDialog';
import { sameDraft, type FormDraft } from './form-rows';
import { FormRowsSummary } from './FormRowsSummary';

interface DataFormSectionProps {
  dispatchId: number;
  issued: boolean;
  requirement: ReportingRequirement;
  /** The units expected to report (offered for "Tải cho một đơn vị…"). */
  expectedUnits: Unit[];
  today: string;
  /** Saves the dispatch draft first; false when that failed. */
  beforeSave(): Promise<boolean>;
}

type SectionDialog = 'edit' | 'unit' | 'remove';

const EMPTY_DRAFT: FormDraft = { title: '', rows: [] };

function draftOf(form: DataForm | null): FormDraft {
  return form ? { title: form.title, rows: form.rows } : EMPTY_DRAFT;
}

/**
 * "Biểu mẫu số liệu" on the dispatch screen: the indicators the units fill in, their version,
 * and the .xlsx files (a blank with a unit drop-down, or one unit's). Editing happens in a wide
 * dialog; what was typed there survives closing it until it is saved or discarded.
 */
export function DataFormSection({ dispatchId, issued, requirement, expectedUnits, today, beforeSave }: DataFormSectionProps) {
  const showToast = useToast();
  const [form, setForm] = useState<DataForm | null | undefined>(undefined);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [draft, setDraft] = useState<FormDraft | null>(null);
  const [dialog, setDialog] = useState<SectionDialog | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let stale = false;
    api.call('forms.get', { dispatchId }).then(
      (result) => {
        if (!stale) setForm(result);
      },
      (e: unknown) => {
        if (!stale) setLoadError(errorMessage(e));
      },
    );
    return () => {
      stale = true;
    };
  }, [dispatchId]);

  const unsaved = draft !== null && form !== undefined && !sameDraft(draft, draftOf(form));

  const edit = (start: FormDraft | null = null): void => {
    setDraft((current) => start ?? current ?? draftOf(form ?? null));
    setDialog('edit');
  };

  const loadSample = async (): Promise<void> => {
    setBusy(true);
    try {
      const sample = await api.call('forms.sample', {});
      edit({ title: sample.title, rows: sample.rows });
    } catch (e) {
      showToast({ tone: 'error', message: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const downloadBlank = async (): Promise<void> => {
    setBusy(true);
    try {
      const file = await api.call('forms.renderXlsx', { dispatchId });
      downloadFile(file);
      showToast({ message: `Đã tạo tệp ${file.fileName}.` });
    } catch (e) {
      showToast({ tone: 'error', message: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const remove = async (): Promise<void> => {
    setBusy(true);
    try {
      await api.call('forms.remove', { dispatchId });
      setForm(null);
      setDraft(null);
      showToast({ message: 'Đã xóa biểu mẫu số liệu.' });
    } catch (e) {
      showToast({ tone: 'error', message: errorMessage(e) });
    } finally {
      setBusy(false);
      setDialog(null);
    }
  };

  const saved = (next: DataForm): void => {
    const versionUp = form && next.version > form.version;
    setForm(next);
    setDraft(null);
    setDialog(null);
    showToast({ message: versionUp ? `Đã lưu biểu mẫu, phiên bản ${next.version}.` : 'Đã lưu biểu mẫu số liệu.' });
  };

  const downloadHint = unsaved ? 'Lưu biểu mẫu trước khi tải' : undefined;

  return (
    <section className="panel dispatch-section data-form-section" data-testid="data-form-section" aria-label="Biểu mẫu số liệu">
      <div className="dispatch-section-head">
        <h2 className="panel-title">Biểu mẫu số liệu</h2>
        {form && (
          <span className="badge badge-neutral" data-testid="form-version" title={`Lưu lúc ${formatTime(new Date(form.updatedAt))} ngày ${formatLocalDate(form.updatedAt)}`}>
            Phiên bản {form.version}
          </span>
        )}
      </div>

      {loadError && <Notice tone="error">{loadError}</Notice>}
      {form === undefined ? (
        !loadError && <p className="muted">Đang tải biểu mẫu…</p>
      ) : form === null && !unsaved ? (
        <>
          <p className="panel-description">
            Tệp Excel gửi kèm công văn để các đơn vị điền số liệu. VănThư đọc số liệu từ các tệp gửi về và tổng hợp vào báo cáo.
          </p>
          <div className="button-row">
            <button type="button" className="button" disabled={busy} aria-busy={busy} title="Biểu mẫu số liệu tuyên truyền giảm thiểu chất thải nhựa; sửa lại cho phù hợp rồi lưu" onClick={() => void loadSample()}>
              Dùng biểu mẫu mẫu
            </button>
            <button type="button" className="button" onClick={() => edit()}>
              <EditIcon />
              Soạn biểu mẫu…
            </button>
          </div>
        </>
      ) : (
        <>
          {unsaved && (
            <Notice
              tone="info"
              action={
                <div className="button-row">
                  <button type="button" className="button button-primary" onClick={() => edit()}>
                    Tiếp tục sửa…
                  </button>
                  <button type="button" className="button" onClick={() => setDraft(null)}>
                    Bỏ thay đổi
                  </button>
                </div>
              }
            >
              <strong>Biểu mẫu có thay đổi chưa lưu.</strong>
            </Notice>
          )}
          {form && (
            <>
              <p className="data-form-title">{form.title}</p>
              <FormRowsSummary rows={form.rows} />
              <p className="field-hint data-form-hint">
                {issued
                  ? 'Sửa được cả khi công văn đã ban hành: khi chỉ tiêu thay đổi, phiên bản tăng lên; tệp của phiên bản cũ vẫn đọc được theo tên chỉ tiêu.'
                  : 'Biểu mẫu trống được đính kèm thư điện tử (.eml) gửi các đơn vị.'}
              </p>
              <div className="button-row">
                <button type="button" className="button" onClick={() => edit()}>
                  <EditIcon />
                  Sửa biểu mẫu…
                </button>
                <button type="button" className="button" disabled={busy || unsaved} aria-busy={busy} title={downloadHint ?? 'Một tệp cho mọi đơn vị: đơn vị chọn tên mình trong danh sách'} onClick={() => void downloadBlank()}>
                  <DownloadIcon />
                  Tải biểu mẫu trống (.xlsx)
                </button>
                <button type="button" className="button" disabled={busy || unsaved} title={downloadHint ?? 'Tệp điền sẵn tên một đơn vị và kỳ báo cáo'} onClick={() => setDialog('unit')}>
                  <DownloadIcon />
                  Tải cho một đơn vị…
                </button>
                <button type="button" className="button button-danger-subtle" disabled={busy} onClick={() => setDialog('remove')}>
                  Xóa biểu mẫu
                </button>
              </div>
            </>
          )}
        </>
      )}

      {dialog === 'edit' && draft && (
        <FormEditorDialog
          dispatchId={dispatchId}
          draft={draft}
          onDraftChange={setDraft}
          savedVersion={form?.version ?? null}
          issued={issued}
          beforeSave={beforeSave}
          onUseSample={() => void loadSample()}
          onSaved={saved}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'unit' && <FormForUnitDialog dispatchId={dispatchId} requirement={requirement} units={expectedUnits} today={today} onClose={() => setDialog(null)} />}
      {dialog === 'remove' && (
        <ConfirmDialog title="Xóa biểu mẫu số liệu" confirmLabel="Xóa biểu mẫu" danger busy={busy} onConfirm={() => void remove()} onCancel={() => setDialog(null)}>
          <p>Xóa biểu mẫu số liệu của công văn này? Khi đã có đơn vị gửi biểu mẫu về, biểu mẫu được giữ lại và không xóa được.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
