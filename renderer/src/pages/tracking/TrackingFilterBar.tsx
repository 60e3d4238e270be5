import type { Dispatch } from '../../../../shared/domain/dispatch';
import type { TrackingPeriod } from '../../../../shared/domain/tracking';
import { dispatchReference } from '../dispatches/dispatch-text';
import { ALL_GROUPS, type GroupFilter } from './tracking-matrix';

interface TrackingFilterBarProps {
  dispatches: Pick<Dispatch, 'id' | 'number' | 'symbol' | 'subject'>[];
  dispatchId: number;
  onDispatchChange(id: number): void;
  periods: TrackingPeriod[];
  /** Null for every period. */
  periodKey: string | null;
  onPeriodChange(key: string | null): void;
  groups: { key: GroupFilter; title: string; count: number }[];
  group: GroupFilter;
  onGroupChange(group: GroupFilter): void;
}

/** Which dispatch, which period (or all), which group of units. */
export function TrackingFilterBar(props: TrackingFilterBarProps) {
  const { dispatches, dispatchId, onDispatchChange, periods, periodKey, onPeriodChange, groups, group, onGroupChange } = props;
  const current = dispatches.find((d) => d.id === dispatchId);
  return (
    <div className="list-filter-bar tracking-filter-bar">
      <label className="inline-label" htmlFor="tracking-dispatch">
        Công văn
      </label>
      <select
        id="tracking-dispatch"
        className="input tracking-dispatch-select"
        value={dispatchId}
        title={current ? `${dispatchReference(current)} — V/v ${current.subject}` : undefined}
        onChange={(e) => onDispatchChange(Number(e.target.value))}
      >
        {dispatches.map((d) => (
          <option key={d.id} value={d.id}>
            {dispatchReference(d)} — V/v {d.subject}
          </option>
        ))}
      </select>
      <label className="inline-label" htmlFor="tracking-period">
        Kỳ
      </label>
      <select id="tracking-period" className="input tracking-narrow-select" value={periodKey ?? ''} onChange={(e) => onPeriodChange(e.target.value || null)}>
        <option value="">Tất cả các kỳ</option>
        {periods.map((p) => (
          <option key={p.period.key} value={p.period.key}>
            {p.period.label}
          </option>
        ))}
      </select>
      <label className="inline-label" htmlFor="tracking-group">
        Nhóm
      </label>
      <select id="tracking-group" className="input tracking-group-select" value={group} onChange={(e) => onGroupChange(e.target.value)}>
        <option value={ALL_GROUPS}>Tất cả các nhóm</option>
        {groups.map((g) => (
          <option key={g.key} value={g.key}>
            {g.title} ({g.count})
          </option>
        ))}
      </select>
    </div>
  );
}
