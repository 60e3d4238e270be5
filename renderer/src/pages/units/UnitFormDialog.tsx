import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ApiOutput } from '../../../../shared/api';
import type { Unit, UnitGroup } from '../../../../shared/domain/unit';
import { api } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DateInput } from '../../components/DateInput';
import { Dialog } from '../../components/Dialog';
import { CheckboxField, Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { EmailListInput } from './EmailListInput';
import {
  emptyUnitForm,
  formToUnitInput,
  unitToForm,
  validateUnitForm,
  type UnitFormValues,
} from './unit-form-values';

export type UnitRemoval = ApiOutput<'units.remove'>;

interface UnitFormDialogProps {
  /** The unit to edit; absent to add a new one. */
  unit?: Unit;
  groups: UnitGroup[];
  /** The group a new unit starts in (the group being looked at). */
  defaultGroupId: number | null;
  onClose(): void;
  onSaved(unit: Unit, created: boolean): void;
  onActiveChanged(unit: Unit): void;
  onRemoved(removal: UnitRemoval, name: string): void;
}

/** Adds or edits one unit; in edit mode it can also deactivate, reactivate and delete it. */
export function UnitFormDialog({ unit, groups, defaultGroupId, onClose, onSaved, onActiveChanged, onRemoved }: UnitFormDialogProps) {
  const [initial] = useState<UnitFormValues>(() => (unit ? unitToForm(unit) : emptyUnitForm(defaultGroupId)));
  const [values, setValues] = useState(initial);
  const [showErrors, setShowErrors] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmingRemoval, setConfirmingRemoval] = useState(false);
  const [otherUnits, setOtherUnits] = useState<Unit[]>([]);
  const errorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let cancelled = false;
    api.call('units.list', { query: '', groupId: null, includeInactive: true }).then(
      (units) => {
        if (!cancelled) setOtherUnits(units.filter((u) => u.id !== unit?.id));
      },
      (error: unknown) => {
        if (!cancelled) setServerError(errorMessage(error));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [unit?.id]);

  useEffect(() => {
    if (serverError) errorRef.current?.scrollIntoView({ block: 'nearest' });
  }, [serverError]);

  const liveErrors = validateUnitForm(values);
  const fieldErrors = showErrors ? liveErrors : { emails: liveErrors.emails };
  const dirty = JSON.stringify(values) !== JSON.stringify(initial);

  const set = <K extends keyof UnitFormValues>(key: K, value: UnitFormValues[K]): void => {
    setValues((current) => ({ ...current, [key]: value }));
  };

  /** Runs one call to the core with the form locked, showing its error at the top of the form. */
  const run = async (action: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setServerError(null);
    try {
      await action();
    } catch (error) {
      setServerError(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const checkedInput = () => {
    setShowErrors(true);
    return Object.keys(validateUnitForm(values)).length === 0 ? formToUnitInput(values) : null;
  };

  const save = (): void => {
    const input = checkedInput();
    if (!input || busy) return;
    void run(async () => {
      const saved = unit ? await api.call('units.update', { id: unit.id, unit: input }) : await api.call('units.create', input);
      onSaved(saved, !unit);
    });
  };

  const toggleActive = (): void => {
    if (!unit) return;
    const input = dirty ? checkedInput() : null;
    if (dirty && !input) return;
    void run(async () => {
      // Edits made before pressing the button are kept, not silently dropped.
      if (input) await api.call('units.update', { id: unit.id, unit: input });
      onActiveChanged(await api.call('units.setActive', { id: unit.id, active: !unit.active }));
    });
  };

  const remove = (): void => {
    if (!unit) return;
    setConfirmingRemoval(false);
    void run(async () => onRemoved(await api.call('units.remove', { id: unit.id }), unit.name));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      save();
    }
  };

  return (
    <Dialog
      title={unit ? 'Sửa đơn vị' : 'Thêm đơn vị'}
      size="large"
      onClose={onClose}
      onSubmit={save}
      onKeyDown={onKeyDown}
      footerStart={
        unit && (
          <>
            <button type="button" className="button" disabled={busy} onClick={toggleActive}>
              {unit.active ? 'Ngừng hoạt động' : 'Kích hoạt lại'}
            </button>
            <button type="button" className="button button-danger-subtle" disabled={busy} onClick={() => setConfirmingRemoval(true)}>
              Xóa
            </button>
          </>
        )
      }
      footer={
        <>
          <button type="submit" className="button button-primary" disabled={busy} title="Ctrl+S">
            Lưu
          </button>
          <button type="button" className="button" onClick={onClose} title="Esc">
            Hủy
          </button>
        </>
      }
    >
      {serverError && (
        <div ref={errorRef} className="form-error-anchor">
          <Notice tone="error">{serverError}</Notice>
        </div>
      )}

      <fieldset className="form-section">
        <legend className="form-section-title">Thông tin chung</legend>
        <div className="form-grid">
          <Field label="Tên đơn vị" required wide error={fieldErrors.name}>
            {(control) => <input {...control} data-autofocus className="input" value={values.name} onChange={(e) => set('name', e.target.value)} />}
          </Field>
          <Field label="Tên viết tắt">
            {(control) => <input {...control} className="input" value={values.shortName} onChange={(e) => set('shortName', e.target.value)} />}
          </Field>
          <Field label="Nhóm">
            {(control) => (
              <select {...control} className="input" value={values.groupId} onChange={(e) => set('groupId', e.target.value)}>
                <option value="">— Chưa phân nhóm —</option>
                {groups.map((group) => (
                  <option key={group.id} value={group.id}>
                    {group.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Mã định danh" hint="Mã định danh điện tử của cơ quan, ví dụ 000.00.31.H33">
            {(control) => <input {...control} className="input" value={values.code} onChange={(e) => set('code', e.target.value)} />}
          </Field>
          <Field label="Mã số thuế" error={fieldErrors.taxCode}>
            {(control) => <input {...control} className="input" inputMode="numeric" value={values.taxCode} onChange={(e) => set('taxCode', e.target.value)} />}
          </Field>
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend className="form-section-title">Liên hệ</legend>
        <div className="form-grid">
          <Field label="Email" wide error={fieldErrors.emails} hint="Mỗi dòng một địa chỉ. Địa chỉ đầu tiên là địa chỉ chính.">
            {(control) => <EmailListInput control={control} value={values.emails} onChange={(v) => set('emails', v)} />}
          </Field>
          <Field label="Điện thoại">
            {(control) => <input {...control} className="input" type="tel" value={values.phone} onChange={(e) => set('phone', e.target.value)} />}
          </Field>
          <Field label="Người liên hệ">
            {(control) => <input {...control} className="input" value={values.contactPerson} onChange={(e) => set('contactPerson', e.target.value)} />}
          </Field>
          <Field label="Địa chỉ" wide>
            {(control) => <input {...control} className="input" value={values.address} onChange={(e) => set('address', e.target.value)} />}
          </Field>
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend className="form-section-title">Nhận diện và hiệu lực</legend>
        <div className="form-grid">
          <Field label="Tên gọi khác" wide hint="Mỗi dòng một tên, ví dụ tên cũ hoặc cách viết trong văn bản: “UBND huyện Kiên Lương”.">
            {(control) => (
              <textarea {...control} className="input textarea" rows={3} value={values.aliases} onChange={(e) => set('aliases', e.target.value)} />
            )}
          </Field>
          <Field label="Hiệu lực từ" error={fieldErrors.validFrom}>
            {(control) => <DateInput control={control} value={values.validFrom} onChange={(v) => set('validFrom', v)} />}
          </Field>
          <Field label="Hiệu lực đến" error={fieldErrors.validUntil} hint="Ngày cuối cùng đơn vị còn hiệu lực.">
            {(control) => <DateInput control={control} value={values.validUntil} onChange={(v) => set('validUntil', v)} />}
          </Field>
          <Field label="Đơn vị kế thừa" hint="Đơn vị nhận thay sau khi đơn vị này hết hiệu lực (sáp nhập, giải thể).">
            {(control) => (
              <select {...control} className="input" value={values.successorId} onChange={(e) => set('successorId', e.target.value)}>
                <option value="">— Không có —</option>
                {otherUnits.map((other) => (
                  <option key={other.id} value={other.id}>
                    {other.active ? other.name : `${other.name} (ngừng hoạt động)`}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Thứ tự" hint="Số nhỏ đứng trước trong nhóm.">
            {(control) => (
              <input {...control} className="input input-number" type="number" min={0} step={1} value={values.sortOrder} onChange={(e) => set('sortOrder', e.target.value)} />
            )}
          </Field>
          <CheckboxField label="Đang hoạt động" checked={values.active} onChange={(checked) => set('active', checked)} />
        </div>
      </fieldset>

      {confirmingRemoval && unit && (
        <ConfirmDialog title="Xóa đơn vị" confirmLabel="Xóa" danger busy={busy} onConfirm={remove} onCancel={() => setConfirmingRemoval(false)}>
          <p>
            Xóa <strong>{unit.name}</strong> khỏi danh sách đơn vị nhận?
          </p>
          <p>
            Nếu đơn vị này đang được tham chiếu (trong văn bản, theo dõi báo cáo hoặc là đơn vị kế thừa của đơn vị khác), VănThư sẽ không
            xóa mà chuyển đơn vị sang “Ngừng hoạt động” để giữ nguyên lịch sử.
          </p>
        </ConfirmDialog>
      )}
    </Dialog>
  );
}
