import { useState } from 'react';
import { DOCUMENT_TYPES } from '../../../../shared/nd30/document-types';
import type { Dispatch } from '../../../../shared/domain/dispatch';
import type { IncomingDocument } from '../../../../shared/domain/incoming';
import { useApiValue } from '../../api/use-api-value';
import { CheckboxField, Field } from '../../components/Field';
import { DateInput } from '../../components/DateInput';
import { IntegerInput } from '../../components/IntegerInput';
import { dispatchReference } from '../dispatches/dispatch-text';
import { agencyIsNewName, type CorrectionErrors, type CorrectionValues } from './correction-values';
import { DispatchPicker } from './DispatchPicker';
import { periodLabel } from './incoming-text';
import { MatchReasons } from './MatchReasons';
import { PeriodInput } from './PeriodInput';
import type { ReferenceData } from './use-reference-data';
import { UnitSelect } from './UnitSelect';

interface ReviewFormProps {
  document: IncomingDocument;
  reference: ReferenceData;
  values: CorrectionValues;
  errors: CorrectionErrors;
  onChange(values: CorrectionValues): void;
}

/** Under a choice the core made: its reasons while the choice stands, a reminder of it once the clerk chose otherwise. */
function SuggestionHint({ chosen, suggested, suggestedName, confidence, reasons }: {
  chosen: string | number | null;
  suggested: string | number | null;
  suggestedName: string | null;
  confidence: number | null;
  reasons: readonly string[];
}) {
  const none = (value: string | number | null): boolean => value === null || value === '';
  if (chosen === suggested || (none(chosen) && none(suggested))) return <MatchReasons confidence={none(suggested) ? null : confidence} reasons={reasons} />;
  if (none(suggested)) return null;
  return <span className="match-reasons">VănThư đã gợi ý: {suggestedName ?? suggested}.</span>;
}

/** The recognised fields of a received document, each editable, with the reasons of every match. */
export function ReviewForm({ document, reference, values, errors, onChange }: ReviewFormProps) {
  const set = <K extends keyof CorrectionValues>(key: K, value: CorrectionValues[K]): void => onChange({ ...values, [key]: value });
  const unit = reference.units.find((u) => u.id === values.unitId) ?? null;
  // The form's dispatch is the one VănThư suggested (loaded here) until the clerk picks another (the picker hands it over).
  const suggestedDispatch = useApiValue('dispatches.get', document.dispatchId === null ? null : { id: document.dispatchId });
  const [picked, setPicked] = useState<Dispatch | null>(null);
  const dispatch = values.dispatchId === null ? null : ([picked, suggestedDispatch].find((d) => d?.id === values.dispatchId) ?? null);
  const offerAlias = agencyIsNewName(values.agency, unit);

  return (
    <div className="review-form" data-testid="review-form">
      <fieldset className="form-section">
        <legend className="form-section-title">Văn bản</legend>
        <div className="form-grid">
          <Field label="Tác giả (cơ quan ban hành)" wide error={errors.agency}>
            {(control) => <input {...control} className="input" maxLength={300} value={values.agency} onChange={(e) => set('agency', e.target.value)} />}
          </Field>
          <Field label="Số">
            {(control) => <IntegerInput control={control} className="input-number" value={values.number} min={1} max={1_000_000} allowEmpty onChange={(n) => set('number', n)} />}
          </Field>
          <Field label="Ký hiệu" error={errors.symbol} hint="Phần sau dấu “/”, ví dụ BC-UBND.">
            {(control) => <input {...control} className="input" maxLength={50} spellCheck={false} value={values.symbol} onChange={(e) => set('symbol', e.target.value)} />}
          </Field>
          <Field label="Ngày văn bản" error={errors.date}>
            {(control) => <DateInput control={control} value={values.dateText} onChange={(text) => set('dateText', text)} />}
          </Field>
          <Field label="Loại văn bản" error={errors.type}>
            {(control) => (
              <>
                <input {...control} className="input" list="review-document-types" maxLength={100} value={values.type} onChange={(e) => set('type', e.target.value)} />
                <datalist id="review-document-types">
                  {DOCUMENT_TYPES.map((t) => (
                    <option key={t.name} value={t.name} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
          <Field label="Trích yếu" wide error={errors.subject}>
            {(control) => <textarea {...control} className="input textarea" rows={3} maxLength={1000} value={values.subject} onChange={(e) => set('subject', e.target.value)} />}
          </Field>
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend className="form-section-title">Đơn vị gửi và công văn được trả lời</legend>
        <div className="form-grid">
          <Field
            label="Đơn vị gửi"
            wide
            hint={
              <SuggestionHint chosen={values.unitId} suggested={document.unitId} suggestedName={document.unitName} confidence={document.unitConfidence} reasons={document.unitReasons} />
            }
          >
            {(control) => <UnitSelect control={control} units={reference.units} value={values.unitId} onChange={(id) => set('unitId', id)} />}
          </Field>
          {offerAlias && unit && (
            <CheckboxField
              wide
              label={`Ghi nhớ “${values.agency.trim()}” là tên gọi khác của đơn vị này (${unit.name})`}
              checked={values.rememberAlias}
              onChange={(checked) => set('rememberAlias', checked)}
            />
          )}
          <Field
            label="Trả lời công văn"
            wide
            hint={
              <SuggestionHint
                chosen={values.dispatchId}
                suggested={document.dispatchId}
                suggestedName={suggestedDispatch ? dispatchReference(suggestedDispatch) : null}
                confidence={document.dispatchConfidence}
                reasons={document.dispatchReasons}
              />
            }
          >
            {(control) => (
              <DispatchPicker
                control={control}
                valueId={values.dispatchId}
                value={dispatch}
                onChange={(d) => {
                  setPicked(d);
                  set('dispatchId', d?.id ?? null);
                }}
              />
            )}
          </Field>
          <Field
            label="Kỳ báo cáo"
            error={errors.periodKey}
            hint={
              <SuggestionHint chosen={values.periodKey} suggested={document.periodKey} suggestedName={document.periodKey && periodLabel(document.periodKey)} confidence={document.periodConfidence} reasons={document.periodReasons} />
            }
          >
            {(control) => <PeriodInput control={control} dispatch={dispatch} value={values.periodKey} onChange={(key) => set('periodKey', key)} />}
          </Field>
        </div>
      </fieldset>
    </div>
  );
}
