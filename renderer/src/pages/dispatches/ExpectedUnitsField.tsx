import { useId, useState } from 'react';
import type { Recipient } from '../../../../shared/domain/dispatch';
import type { Unit, UnitGroup } from '../../../../shared/domain/unit';
import { defaultExpectedUnitIds } from './expected-units';
import { UnitChecklistDialog } from './UnitChecklistDialog';

interface ExpectedUnitsFieldProps {
  recipients: Recipient[];
  expectedUnitIds: number[];
  onChange(ids: number[]): void;
  units: Unit[];
  groups: UnitGroup[];
  readOnly: boolean;
  /** Chosen after issue ("Sửa yêu cầu báo cáo…"): the recipients are counted now, not at issue. */
  afterIssue?: boolean;
}

function names(ids: readonly number[], units: readonly Unit[]): string {
  const byId = new Map(units.map((u) => [u.id, u.name]));
  return ids.map((id) => byId.get(id) ?? `đơn vị #${id}`).join('; ');
}

/**
 * "Đơn vị phải báo cáo": by default the recipients (a group counts as its active units when
 * the dispatch is issued); or units the clerk ticks one by one.
 */
export function ExpectedUnitsField({ recipients, expectedUnitIds, onChange, units, groups, readOnly, afterIssue = false }: ExpectedUnitsFieldProps) {
  const [explicit, setExplicit] = useState(expectedUnitIds.length > 0);
  const [choosing, setChoosing] = useState(false);
  const radioName = useId();
  const fromRecipients = defaultExpectedUnitIds(recipients, units);
  const freeLines = recipients.filter((r) => r.kind === 'text').length;

  if (readOnly) {
    return (
      <div className="expected-units">
        <p>
          <strong>{expectedUnitIds.length} đơn vị phải báo cáo</strong>
        </p>
        {expectedUnitIds.length > 0 && (
          <details className="expected-units-details">
            <summary>Xem danh sách</summary>
            <p>{names(expectedUnitIds, units)}.</p>
          </details>
        )}
      </div>
    );
  }

  return (
    <fieldset className="expected-units">
      <legend className="field-label">Đơn vị phải báo cáo</legend>
      <label className="checkbox">
        <input
          type="radio"
          name={radioName}
          checked={!explicit}
          onChange={() => {
            setExplicit(false);
            onChange([]);
          }}
        />
        <span>
          Các nơi nhận ở Kính gửi: <strong>{fromRecipients.length} đơn vị</strong>
          {freeLines > 0 && <span className="muted"> (không tính {freeLines} dòng ghi tự do)</span>}
        </span>
      </label>
      <p className="field-hint expected-units-hint">
        Nhóm được tính theo các đơn vị đang hoạt động {afterIssue ? 'vào lúc lưu' : 'vào ngày ban hành'}.
      </p>
      <label className="checkbox">
        <input
          type="radio"
          name={radioName}
          checked={explicit}
          onChange={() => {
            setExplicit(true);
            if (expectedUnitIds.length === 0) onChange(fromRecipients);
          }}
        />
        <span>Chọn từng đơn vị</span>
      </label>
      {explicit && (
        <div className="expected-units-chosen">
          <span>{expectedUnitIds.length === 0 ? `Chưa chọn đơn vị nào: khi ${afterIssue ? 'lưu' : 'ban hành'} sẽ tính theo Kính gửi.` : `Đã chọn ${expectedUnitIds.length} đơn vị.`}</span>
          <button type="button" className="button" onClick={() => setChoosing(true)}>
            Chọn đơn vị…
          </button>
        </div>
      )}
      {choosing && (
        <UnitChecklistDialog
          title="Đơn vị phải báo cáo"
          units={units}
          groups={groups}
          selected={expectedUnitIds}
          onClose={() => setChoosing(false)}
          onDone={(ids) => {
            setChoosing(false);
            onChange(ids);
          }}
        />
      )}
    </fieldset>
  );
}
