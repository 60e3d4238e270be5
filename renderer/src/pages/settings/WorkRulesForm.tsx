import { useEffect, useState, type FormEvent } from 'react';
import type { WorkRules } from '../../../../shared/api';
import { api } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { useToast } from '../../app/toasts';
import { CheckboxField, Field } from '../../components/Field';
import { Notice } from '../../components/Notice';

const NUMBERING_OPTIONS: { value: WorkRules['numbering']; label: string }[] = [
  { value: 'shared', label: 'Một dãy số chung cho mọi văn bản hành chính' },
  { value: 'per_type', label: 'Mỗi loại văn bản một dãy số' },
];

const DUPLICATE_OPTIONS: { value: WorkRules['duplicatePolicy']; label: string }[] = [
  { value: 'warn', label: 'Báo trùng, không vào sổ lần nữa (khuyên dùng)' },
  { value: 'reject', label: 'Từ chối' },
  { value: 'allow', label: 'Vẫn vào sổ' },
];

/** "Quy tắc làm việc": how outgoing documents are numbered, what happens to a file imported twice, the largest file accepted. */
export function WorkRulesForm() {
  const showToast = useToast();
  const [rules, setRules] = useState<WorkRules | null>(null);
  const [maxFileText, setMaxFileText] = useState('');
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let stale = false;
    api.call('settings.getWorkRules', {}).then(
      (loaded) => {
        if (stale) return;
        setRules(loaded);
        setMaxFileText(String(loaded.maxFileMb));
      },
      (e: unknown) => {
        if (!stale) setLoadError(errorMessage(e));
      },
    );
    return () => {
      stale = true;
    };
  }, []);

  if (!rules) {
    return (
      <section className="panel" aria-labelledby="work-rules-title">
        <h2 className="panel-title" id="work-rules-title">
          Quy tắc làm việc
        </h2>
        {loadError ? <Notice tone="error">{loadError}</Notice> : <p className="panel-description">Đang tải…</p>}
      </section>
    );
  }

  const maxFileError = /^\s*\d+\s*$/.test(maxFileText) ? null : 'Hãy nhập số MB (số nguyên dương).';

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (busy || maxFileError) return;
    setBusy(true);
    setSaveError(null);
    try {
      // The range is checked by the core; its sentence is shown as it is.
      const saved = await api.call('settings.saveWorkRules', { ...rules, maxFileMb: Number(maxFileText.trim()) });
      setRules(saved);
      setMaxFileText(String(saved.maxFileMb));
      showToast({ message: 'Đã lưu quy tắc làm việc.' });
    } catch (e) {
      setSaveError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const set = <K extends keyof WorkRules>(key: K, value: WorkRules[K]): void => setRules((current) => current && { ...current, [key]: value });

  return (
    <section className="panel" aria-labelledby="work-rules-title" data-testid="work-rules">
      <h2 className="panel-title" id="work-rules-title">
        Quy tắc làm việc
      </h2>
      <form className="form-stack" noValidate onSubmit={(e) => void save(e)}>
        {saveError && <Notice tone="error">{saveError}</Notice>}
        <fieldset className="radio-group">
          <legend className="field-label">Đánh số văn bản đi</legend>
          {NUMBERING_OPTIONS.map((option) => (
            <label key={option.value} className="checkbox">
              <input type="radio" name="numbering" checked={rules.numbering === option.value} onChange={() => set('numbering', option.value)} />
              <span>{option.label}</span>
            </label>
          ))}
          <p className="field-hint">Văn bản mật luôn có dãy số riêng (Nghị định 30/2020/NĐ-CP, Điều 15).</p>
        </fieldset>
        <fieldset className="radio-group">
          <legend className="field-label">Tệp trùng khi nhập</legend>
          {DUPLICATE_OPTIONS.map((option) => (
            <label key={option.value} className="checkbox">
              <input type="radio" name="duplicatePolicy" checked={rules.duplicatePolicy === option.value} onChange={() => set('duplicatePolicy', option.value)} />
              <span>{option.label}</span>
            </label>
          ))}
        </fieldset>
        <Field label="Giới hạn kích thước tệp (MB)" error={maxFileError} hint="Tệp lớn hơn không được nhập. Từ 1 đến 2000 MB.">
          {(control) => (
            <input {...control} className="input input-number" inputMode="numeric" autoComplete="off" value={maxFileText} onChange={(e) => setMaxFileText(e.target.value)} />
          )}
        </Field>
        <CheckboxField
          label="Đọc văn bản scan bằng OCR: trang đầu khi nhập, các trang sau chạy nền để tìm kiếm (vài giây mỗi trang)"
          checked={rules.ocr}
          onChange={(checked) => set('ocr', checked)}
        />
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
            Lưu quy tắc
          </button>
        </div>
      </form>
    </section>
  );
}
