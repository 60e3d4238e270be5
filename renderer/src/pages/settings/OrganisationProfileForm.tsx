import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ApiCallError } from '../../../../shared/api';
import { api } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { useAppState } from '../../app/app-context';
import { useToast } from '../../app/toasts';
import { useKeyboardShortcut } from '../../app/use-keyboard-shortcut';
import { EditableRows, type EditableColumn } from '../../components/EditableRows';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { LetterheadPreview } from './LetterheadPreview';
import { formToProfile, profileToForm, type DepartmentRow, type ProfileFormValues, type SignerRow } from './profile-form-values';

const upperCase = (value: string): string => value.toLocaleUpperCase('vi');

const DEPARTMENT_COLUMNS: EditableColumn<DepartmentRow>[] = [
  { key: 'code', label: 'Ký hiệu phòng', placeholder: 'TTBCBC', width: '9rem', normalise: upperCase },
  { key: 'name', label: 'Tên phòng', placeholder: 'Phòng Thông tin - Báo chí - Xuất bản' },
];

const SIGNER_COLUMNS: EditableColumn<SignerRow>[] = [
  { key: 'authority', label: 'Thẩm quyền ký', placeholder: 'KT. GIÁM ĐỐC', width: '10rem' },
  { key: 'title', label: 'Chức vụ', placeholder: 'PHÓ GIÁM ĐỐC' },
  { key: 'name', label: 'Họ và tên', placeholder: 'Nguyễn Văn A' },
];

export const PROFILE_FORM_ID = 'organisation-profile-form';

type TextKey = Exclude<keyof ProfileFormValues, 'departments' | 'signers'>;

interface TextFieldOptions {
  required?: boolean;
  wide?: boolean;
  hint?: string;
  placeholder?: string;
  type?: 'text' | 'tel' | 'email';
  normalise?(value: string): string;
}

/**
 * "Thông tin cơ quan": what the header of every outgoing document says, with a live preview beside it;
 * `after` goes under the form (other settings with their own form), `aside` under the preview.
 */
export function OrganisationProfileForm({ aside, after }: { aside: ReactNode; after?: ReactNode }) {
  const { info, setProfile } = useAppState();
  const showToast = useToast();
  const [values, setValues] = useState<ProfileFormValues | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useKeyboardShortcut('s', () => formRef.current?.requestSubmit());

  useEffect(() => {
    let stale = false;
    api.call('settings.getProfile', {}).then(
      (profile) => {
        if (!stale) setValues(profileToForm(profile));
      },
      (e: unknown) => {
        if (stale) return;
        setValues(profileToForm(null));
        if (!(e instanceof ApiCallError && e.code === 'not_found')) setError(errorMessage(e));
      },
    );
    return () => {
      stale = true;
    };
  }, []);

  useEffect(() => {
    if (error) errorRef.current?.scrollIntoView({ block: 'nearest' });
  }, [error]);

  if (!values) return <p className="empty-state">Đang tải thông tin cơ quan…</p>;

  const set = <K extends keyof ProfileFormValues>(key: K, value: ProfileFormValues[K]): void => {
    setValues((current) => current && { ...current, [key]: value });
  };

  const save = async (): Promise<void> => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await api.call('settings.saveProfile', formToProfile(values));
      setValues(profileToForm(saved));
      setProfile(saved);
      showToast({ message: 'Đã lưu thông tin cơ quan.' });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    void save();
  };

  const textField = (key: TextKey, label: string, options: TextFieldOptions = {}) => (
    <Field label={label} required={options.required} wide={options.wide} hint={options.hint}>
      {(control) => (
        <input
          {...control}
          className="input"
          type={options.type ?? 'text'}
          placeholder={options.placeholder}
          value={values[key]}
          onChange={(e) => set(key, options.normalise ? options.normalise(e.target.value) : e.target.value)}
        />
      )}
    </Field>
  );

  return (
    <div className="settings-layout">
      <div className="settings-main">
        <form ref={formRef} id={PROFILE_FORM_ID} className="settings-form" noValidate onSubmit={onSubmit}>
          {error && (
            <div ref={errorRef} className="form-error-anchor">
              <Notice tone="error">{error}</Notice>
            </div>
          )}
          <section className="panel">
            <h2 className="panel-title">Thông tin cơ quan</h2>
            <div className="form-grid">
              {textField('parentAgency', 'Cơ quan chủ quản', { wide: true, placeholder: 'Ủy ban nhân dân tỉnh Kiên Giang' })}
              {textField('agencyName', 'Tên cơ quan', { required: true, wide: true, placeholder: 'Sở Thông tin và Truyền thông' })}
              {textField('symbol', 'Ký hiệu cơ quan', { required: true, placeholder: 'STTTT', normalise: upperCase, hint: 'Viết tắt in hoa dùng trong số, ký hiệu văn bản.' })}
              {textField('placeName', 'Địa danh', { required: true, placeholder: 'Kiên Giang', hint: 'Dùng ở dòng “…, ngày … tháng … năm …”.' })}
              {textField('address', 'Địa chỉ', { wide: true })}
              {textField('phone', 'Điện thoại', { type: 'tel' })}
              {textField('email', 'Email', { type: 'email' })}
              {textField('website', 'Website', { wide: true, placeholder: 'https://' })}
            </div>
          </section>

          <section className="panel">
            <h2 className="panel-title">Phòng ban</h2>
            <p className="panel-description">Ký hiệu phòng đứng sau ký hiệu cơ quan trong số văn bản, ví dụ /STTTT-TTBCBC.</p>
            <EditableRows
              caption="Phòng ban"
              columns={DEPARTMENT_COLUMNS}
              rows={values.departments}
              onChange={(rows) => set('departments', rows)}
              newRow={() => ({ code: '', name: '' })}
              addLabel="Thêm phòng ban"
              emptyText="Chưa có phòng ban nào."
            />
          </section>

          <section className="panel">
            <h2 className="panel-title">Người ký</h2>
            <p className="panel-description">Thẩm quyền ký để trống khi người đứng đầu ký trực tiếp; ghi “KT. GIÁM ĐỐC”, “TL. GIÁM ĐỐC”… khi ký thay.</p>
            <EditableRows
              caption="Người ký"
              columns={SIGNER_COLUMNS}
              rows={values.signers}
              onChange={(rows) => set('signers', rows)}
              newRow={() => ({ authority: '', title: '', name: '' })}
              addLabel="Thêm người ký"
              emptyText="Chưa có người ký nào."
            />
          </section>
        </form>
        {after}
      </div>

      <aside className="settings-aside">
        <section className="panel">
          <h2 className="panel-title">Xem trước phần đầu văn bản</h2>
          <LetterheadPreview values={values} today={info.today} />
          <p className="panel-description">Bản xem gần đúng; văn bản in theo đúng thể thức Nghị định 30/2020/NĐ-CP.</p>
        </section>
        {aside}
      </aside>
    </div>
  );
}
