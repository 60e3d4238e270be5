import { useState } from 'react';
import type { ReportingRequirement } from '../../../../shared/domain/dispatch';
import { DateInput } from '../../components/DateInput';
import { Field } from '../../components/Field';
import { IntegerInput } from '../../components/IntegerInput';
import { formatDate, parseDate } from '../../formatting/dates';
import { lastDayText, yearlyDateProblem } from './requirement-text';

type Frequency = ReportingRequirement['frequency'] | 'none';
type Deadline = ReportingRequirement['deadline'];

const FREQUENCIES: { value: Frequency; label: string }[] = [
  { value: 'none', label: 'Không yêu cầu báo cáo' },
  { value: 'once', label: 'Một lần' },
  { value: 'yearly', label: 'Hằng năm' },
  { value: 'quarterly', label: 'Hằng quý' },
  { value: 'monthly', label: 'Hằng tháng' },
];

const pad = (n: number): string => String(n).padStart(2, '0');

/** A sensible requirement of the chosen frequency, starting this year. */
function defaultRequirement(frequency: Exclude<Frequency, 'none'>, deadline: Deadline, today: string): ReportingRequirement {
  const year = Number(today.slice(0, 4));
  switch (frequency) {
    case 'once':
      return { frequency, dueDate: today, deadline };
    case 'yearly':
      return { frequency, dueDay: 15, dueMonth: 12, fromYear: year, toYear: year + 4, deadline };
    case 'quarterly':
    case 'monthly':
      return { frequency, dueDay: 5, from: `${year}-01`, to: `${year}-12`, deadline };
  }
}

interface RequirementEditorProps {
  requirement: ReportingRequirement | null;
  onChange(requirement: ReportingRequirement | null): void;
  today: string;
}

/** "Yêu cầu báo cáo": how often units report and by when, with the last on-time day said in words. */
export function RequirementEditor({ requirement, onChange, today }: RequirementEditorProps) {
  const frequency: Frequency = requirement?.frequency ?? 'none';
  return (
    <div className="requirement-editor">
      <div className="form-grid">
        <Field label="Tần suất báo cáo">
          {(control) => (
            <select
              {...control}
              className="input"
              value={frequency}
              onChange={(e) => {
                const next = e.target.value as Frequency;
                onChange(next === 'none' ? null : defaultRequirement(next, requirement?.deadline ?? 'before', today));
              }}
            >
              {FREQUENCIES.map((f) => (
                <option key={f.value} value={f.value}>
                  {f.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {requirement && (
          <Field label="Cách tính hạn" hint={requirement.deadline === 'before' ? 'Không tính ngày ghi trong văn bản.' : 'Tính cả ngày ghi trong văn bản.'}>
            {(control) => (
              <select {...control} className="input" value={requirement.deadline} onChange={(e) => onChange({ ...requirement, deadline: e.target.value as Deadline })}>
                <option value="before">trước ngày …</option>
                <option value="by">chậm nhất ngày …</option>
              </select>
            )}
          </Field>
        )}
        {requirement?.frequency === 'once' && <OnceFields requirement={requirement} onChange={onChange} />}
        {requirement?.frequency === 'yearly' && <YearlyFields requirement={requirement} onChange={onChange} />}
        {(requirement?.frequency === 'quarterly' || requirement?.frequency === 'monthly') && <PeriodicFields requirement={requirement} onChange={onChange} />}
      </div>
      {requirement && (
        <p className="requirement-last-day" data-testid="requirement-last-day">
          {lastDayText(requirement)}
        </p>
      )}
    </div>
  );
}

type Once = Extract<ReportingRequirement, { frequency: 'once' }>;
type Yearly = Extract<ReportingRequirement, { frequency: 'yearly' }>;
type Periodic = Extract<ReportingRequirement, { frequency: 'quarterly' | 'monthly' }>;

function OnceFields({ requirement, onChange }: { requirement: Once; onChange(r: ReportingRequirement): void }) {
  const [text, setText] = useState(formatDate(requirement.dueDate));
  const parsed = parseDate(text);
  return (
    <Field label="Hạn báo cáo" error={parsed === undefined || parsed === null ? 'Hãy nhập ngày dạng dd/mm/yyyy.' : null}>
      {(control) => (
        <DateInput
          control={control}
          value={text}
          onChange={(next) => {
            setText(next);
            const iso = parseDate(next);
            if (iso) onChange({ ...requirement, dueDate: iso });
          }}
        />
      )}
    </Field>
  );
}

function YearlyFields({ requirement, onChange }: { requirement: Yearly; onChange(r: ReportingRequirement): void }) {
  const dateProblem = yearlyDateProblem(requirement.dueDay, requirement.dueMonth);
  const rangeProblem = requirement.toYear < requirement.fromYear ? 'Năm kết thúc phải từ năm bắt đầu trở đi.' : null;
  return (
    <>
      <Field label="Ngày, tháng hằng năm" error={dateProblem}>
        {(control) => (
          <span className="inline-inputs">
            <IntegerInput control={control} aria-label="Ngày" className="input-day" value={requirement.dueDay} min={1} max={31} onChange={(v) => v !== null && onChange({ ...requirement, dueDay: v })} />
            <span aria-hidden="true">/</span>
            <IntegerInput aria-label="Tháng" className="input-day" value={requirement.dueMonth} min={1} max={12} onChange={(v) => v !== null && onChange({ ...requirement, dueMonth: v })} />
          </span>
        )}
      </Field>
      <Field label="Các năm phải báo cáo" error={rangeProblem}>
        {(control) => (
          <span className="inline-inputs">
            <span>từ</span>
            <IntegerInput control={control} aria-label="Từ năm" className="input-year" value={requirement.fromYear} min={2000} max={2100} onChange={(v) => v !== null && onChange({ ...requirement, fromYear: v })} />
            <span>đến</span>
            <IntegerInput aria-label="Đến năm" className="input-year" value={requirement.toYear} min={2000} max={2100} onChange={(v) => v !== null && onChange({ ...requirement, toYear: v })} />
          </span>
        )}
      </Field>
    </>
  );
}

function PeriodicFields({ requirement, onChange }: { requirement: Periodic; onChange(r: ReportingRequirement): void }) {
  const quarterly = requirement.frequency === 'quarterly';
  const rangeProblem = requirement.to < requirement.from ? 'Kỳ cuối phải từ kỳ đầu trở đi.' : null;
  return (
    <>
      <Field label={quarterly ? 'Ngày của tháng đầu quý sau' : 'Ngày của tháng sau'} hint={quarterly ? 'Ví dụ 05: báo cáo quý I nộp trước ngày 05/4.' : 'Ví dụ 05: báo cáo tháng 1 nộp trước ngày 05/2.'}>
        {(control) => <IntegerInput control={control} className="input-day" value={requirement.dueDay} min={1} max={28} onChange={(v) => v !== null && onChange({ ...requirement, dueDay: v })} />}
      </Field>
      <Field label={quarterly ? 'Các quý phải báo cáo' : 'Các tháng phải báo cáo'} error={rangeProblem} wide>
        {(control) => (
          <span className="inline-inputs">
            <span>từ</span>
            <PeriodInput id={control.id} quarterly={quarterly} edge="start" value={requirement.from} onChange={(from) => onChange({ ...requirement, from })} />
            <span>đến</span>
            <PeriodInput quarterly={quarterly} edge="end" value={requirement.to} onChange={(to) => onChange({ ...requirement, to })} />
          </span>
        )}
      </Field>
    </>
  );
}

const ROMAN = ['I', 'II', 'III', 'IV'];

interface PeriodInputProps {
  /** For the field's label. */
  id?: string;
  quarterly: boolean;
  /** A quarter is stored as its first month when it starts the range and its last month when it ends it. */
  edge: 'start' | 'end';
  value: string;
  onChange(value: string): void;
}

/** A month ("tháng 01 / 2026") or a quarter ("quý I / 2026") as `YYYY-MM`. */
function PeriodInput({ id, quarterly, edge, value, onChange }: PeriodInputProps) {
  const [year, month] = value.split('-').map(Number) as [number, number];
  const quarter = Math.ceil(month / 3);
  const label = edge === 'start' ? 'đầu' : 'cuối';
  const monthOfQuarter = (q: number): number => (edge === 'start' ? (q - 1) * 3 + 1 : q * 3);
  return (
    <>
      {quarterly ? (
        <select id={id} className="input input-period" aria-label={`Quý ${label}`} value={quarter} onChange={(e) => onChange(`${year}-${pad(monthOfQuarter(Number(e.target.value)))}`)}>
          {ROMAN.map((roman, i) => (
            <option key={roman} value={i + 1}>
              Quý {roman}
            </option>
          ))}
        </select>
      ) : (
        <select id={id} className="input input-period" aria-label={`Tháng ${label}`} value={month} onChange={(e) => onChange(`${year}-${pad(Number(e.target.value))}`)}>
          {Array.from({ length: 12 }, (_, i) => (
            <option key={i} value={i + 1}>
              Tháng {pad(i + 1)}
            </option>
          ))}
        </select>
      )}
      <IntegerInput aria-label={`Năm của kỳ ${label}`} className="input-year" value={year} min={2000} max={2100} onChange={(y) => y !== null && onChange(`${y}-${pad(month)}`)} />
    </>
  );
}
