import { useState } from 'react';
import type { Dispatch } from '../../../../shared/domain/dispatch';
import { PaperDocument, ReviewCorrection, type IncomingDocument } from '../../../../shared/domain/incoming';
import { DOCUMENT_TYPES } from '../../../../shared/nd30/document-types';
import { api } from '../../api/client';
import { useAppState } from '../../app/app-context';
import { DateInput } from '../../components/DateInput';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { IntegerInput } from '../../components/IntegerInput';
import { Notice } from '../../components/Notice';
import { formatDate, parseDate } from '../../formatting/dates';
import { DispatchPicker } from './DispatchPicker';
import { PeriodInput } from './PeriodInput';
import { UnitSelect } from './UnitSelect';
import { useReferenceData } from './use-reference-data';

interface PaperDocumentDialogProps {
  onClose(): void;
  onRegistered(document: IncomingDocument): void;
}

type PaperField = 'receivedDate' | 'agency' | 'date' | 'subject' | 'periodKey';

/** "Nhập văn bản giấy…": a document received on paper, entered by hand; it takes the next số đến of its year. */
export function PaperDocumentDialog({ onClose, onRegistered }: PaperDocumentDialogProps) {
  const { info } = useAppState();
  const { data: reference, error: referenceError } = useReferenceData();
  const [receivedText, setReceivedText] = useState(formatDate(info.today));
  const [agency, setAgency] = useState('');
  const [number, setNumber] = useState<number | null>(null);
  const [symbol, setSymbol] = useState('');
  const [dateText, setDateText] = useState('');
  const [type, setType] = useState('');
  const [subject, setSubject] = useState('');
  const [unitId, setUnitId] = useState<number | null>(null);
  const [dispatch, setDispatch] = useState<Dispatch | null>(null);
  const [periodKey, setPeriodKey] = useState('');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<Partial<Record<PaperField, string>>>({});

  const chooseUnit = (id: number | null): void => {
    setUnitId(id);
    const unit = reference?.units.find((u) => u.id === id);
    if (unit && !agency.trim()) setAgency(unit.name);
  };

  const submit = async (): Promise<void> => {
    const receivedDate = parseDate(receivedText);
    const date = parseDate(dateText);
    const found: Partial<Record<PaperField, string>> = {};
    if (!receivedDate) found.receivedDate = 'Hãy nhập ngày đến dạng dd/mm/yyyy.';
    if (date === undefined) found.date = 'Hãy nhập ngày dạng dd/mm/yyyy, hoặc để trống.';
    // The same period keys as everywhere else (DESIGN §4), though the paper form's schema takes any text.
    const period = ReviewCorrection.shape.periodKey.safeParse(periodKey.trim() || null);
    if (!period.success) found.periodKey = period.error.issues[0]?.message;
    const input = {
      receivedDate: receivedDate ?? info.today,
      agency,
      number,
      symbol: symbol.trim() || null,
      date: date ?? null,
      type: type.trim() || null,
      subject,
      unitId,
      dispatchId: dispatch?.id ?? null,
      periodKey: periodKey.trim() || null,
      notes: notes.trim() || null,
    };
    const checked = PaperDocument.safeParse(input);
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const field = issue.path[0];
        if (field === 'agency' || field === 'subject' || field === 'periodKey') found[field] ??= issue.message;
      }
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    onRegistered(await api.call('incoming.registerPaper', input));
  };

  return (
    <FormDialog
      title="Nhập văn bản giấy"
      size="large"
      testId="paper-document-dialog"
      submitLabel="Vào sổ"
      submitDisabled={!reference}
      onClose={onClose}
      onSubmit={submit}
    >
      {referenceError && <Notice tone="error">{referenceError}</Notice>}
      <p className="dialog-lead">Văn bản nhận bản giấy được cấp số đến tiếp theo của năm nhận, chung dãy số với văn bản điện tử.</p>
      <div className="form-grid">
        <Field label="Ngày đến" required error={errors.receivedDate}>
          {(control) => <DateInput control={control} value={receivedText} onChange={setReceivedText} />}
        </Field>
        <Field label="Đơn vị gửi" hint="Chọn nếu là đơn vị trong danh sách, để theo dõi báo cáo.">
          {(control) => <UnitSelect control={control} units={reference?.units ?? []} value={unitId} onChange={chooseUnit} />}
        </Field>
        <Field label="Tác giả (cơ quan ban hành)" required wide error={errors.agency}>
          {(control) => <input {...control} className="input" data-autofocus maxLength={300} value={agency} onChange={(e) => setAgency(e.target.value)} />}
        </Field>
        <Field label="Số">
          {(control) => <IntegerInput control={control} className="input-number" value={number} min={1} max={1_000_000} allowEmpty onChange={setNumber} />}
        </Field>
        <Field label="Ký hiệu" hint="Phần sau dấu “/”, ví dụ BC-UBND.">
          {(control) => <input {...control} className="input" maxLength={50} spellCheck={false} value={symbol} onChange={(e) => setSymbol(e.target.value)} />}
        </Field>
        <Field label="Ngày văn bản" error={errors.date}>
          {(control) => <DateInput control={control} value={dateText} onChange={setDateText} />}
        </Field>
        <Field label="Loại văn bản">
          {(control) => (
            <>
              <input {...control} className="input" list="paper-document-types" maxLength={100} value={type} onChange={(e) => setType(e.target.value)} />
              <datalist id="paper-document-types">
                {DOCUMENT_TYPES.map((t) => (
                  <option key={t.name} value={t.name} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field label="Trích yếu" required wide error={errors.subject}>
          {(control) => <textarea {...control} className="input textarea" rows={2} maxLength={1000} value={subject} onChange={(e) => setSubject(e.target.value)} />}
        </Field>
        <Field label="Trả lời công văn" wide>
          {(control) => <DispatchPicker control={control} valueId={dispatch?.id ?? null} value={dispatch} onChange={setDispatch} />}
        </Field>
        <Field label="Kỳ báo cáo" error={errors.periodKey}>
          {(control) => <PeriodInput control={control} dispatch={dispatch} value={periodKey} onChange={setPeriodKey} />}
        </Field>
        <Field label="Ghi chú" wide>
          {(control) => <input {...control} className="input" maxLength={1000} value={notes} onChange={(e) => setNotes(e.target.value)} />}
        </Field>
      </div>
    </FormDialog>
  );
}
