import type { ReactNode } from 'react';
import type { Dispatch } from '../../../../shared/domain/dispatch';
import type { TrackingPeriod } from '../../../../shared/domain/tracking';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';

interface PeriodDraftDialogProps {
  title: string;
  size: 'medium' | 'large';
  testId: string;
  submitLabel: string;
  /** The periods offered; the choice shows only when there is more than one. */
  periods: TrackingPeriod[];
  chosen: TrackingPeriod | undefined;
  onChoose(periodKey: string): void;
  /** What follows the period's label in the list: "3 đơn vị chưa báo cáo", "hạn cuối 14/11/2021". */
  optionDetail(period: TrackingPeriod): string;
  /** Drafts the document for the chosen period (saved in the outgoing register). */
  createDraft(periodKey: string): Promise<Dispatch>;
  onDone(draft: Dispatch, period: TrackingPeriod): void;
  onClose(): void;
  /** What the draft will be, for the chosen period. */
  children: ReactNode;
}

/** A document drafted from tracking for one period (a reminder, the consolidated report): the period, what it will hold, and the button that drafts it. */
export function PeriodDraftDialog({ title, size, testId, submitLabel, periods, chosen, onChoose, optionDetail, createDraft, onDone, onClose, children }: PeriodDraftDialogProps) {
  const submit = async (): Promise<void> => {
    if (!chosen) return;
    onDone(await createDraft(chosen.period.key), chosen);
  };

  return (
    <FormDialog title={title} size={size} testId={testId} submitLabel={submitLabel} submitDisabled={!chosen} submitAutofocus onClose={onClose} onSubmit={submit}>
      <div className="form-stack">
        {periods.length > 1 && (
          <Field label="Kỳ báo cáo">
            {(control) => (
              <select {...control} className="input" value={chosen?.period.key ?? ''} onChange={(e) => onChoose(e.target.value)}>
                {periods.map((p) => (
                  <option key={p.period.key} value={p.period.key}>
                    {p.period.label} — {optionDetail(p)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {children}
      </div>
    </FormDialog>
  );
}
