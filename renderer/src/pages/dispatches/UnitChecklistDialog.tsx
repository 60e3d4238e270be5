import { useState } from 'react';
import type { Unit, UnitGroup } from '../../../../shared/domain/unit';
import { fold, matchesFolded } from '../../../../shared/vn/fold';
import { Dialog } from '../../components/Dialog';
import { SearchIcon } from '../../components/icons';

interface UnitChecklistDialogProps {
  title: string;
  units: Unit[];
  groups: UnitGroup[];
  selected: number[];
  onDone(selected: number[]): void;
  onClose(): void;
}

interface Section {
  key: string;
  title: string;
  units: Unit[];
}

function sections(units: readonly Unit[], groups: readonly UnitGroup[]): Section[] {
  const result: Section[] = groups.map((g) => ({ key: `g${g.id}`, title: g.name, units: units.filter((u) => u.groupId === g.id) }));
  result.push({ key: 'none', title: 'Chưa xếp nhóm', units: units.filter((u) => u.groupId === null || !groups.some((g) => g.id === u.groupId)) });
  return result.filter((s) => s.units.length > 0);
}

/** Ticks units one by one or a whole group at once; the search narrows the list (without diacritics too). */
export function UnitChecklistDialog({ title, units, groups, selected, onDone, onClose }: UnitChecklistDialogProps) {
  const [chosen, setChosen] = useState(() => new Set(selected));
  const [query, setQuery] = useState('');
  const visible = units.filter((u) => !query.trim() || matchesFolded(fold(`${u.name} ${u.shortName ?? ''} ${u.aliases.join(' ')}`), query));

  const toggle = (ids: number[], on: boolean): void => {
    setChosen((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  };

  return (
    <Dialog
      title={title}
      size="large"
      onClose={onClose}
      onSubmit={() => onDone(units.filter((u) => chosen.has(u.id)).map((u) => u.id))}
      footerStart={<span className="muted">Đã chọn {chosen.size} đơn vị</span>}
      footer={
        <>
          <button type="submit" className="button button-primary">
            Xong
          </button>
          <button type="button" className="button" onClick={onClose}>
            Hủy
          </button>
        </>
      }
    >
      <div className="search-box unit-checklist-search">
        <SearchIcon />
        <input
          className="input search-input"
          type="search"
          aria-label="Tìm đơn vị"
          placeholder="Tìm đơn vị…"
          data-autofocus
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      <div className="unit-checklist">
        {sections(visible, groups).map((section) => {
          const ids = section.units.map((u) => u.id);
          const count = ids.filter((id) => chosen.has(id)).length;
          return (
            <fieldset key={section.key} className="unit-checklist-group">
              <legend>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={count === ids.length}
                    ref={(el) => {
                      if (el) el.indeterminate = count > 0 && count < ids.length;
                    }}
                    onChange={(e) => toggle(ids, e.target.checked)}
                  />
                  <span className="unit-checklist-group-title">{section.title}</span>
                  <span className="muted">
                    {count}/{ids.length}
                  </span>
                </label>
              </legend>
              {section.units.map((unit) => (
                <label key={unit.id} className="checkbox unit-checklist-item">
                  <input type="checkbox" checked={chosen.has(unit.id)} onChange={(e) => toggle([unit.id], e.target.checked)} />
                  <span>{unit.name}</span>
                </label>
              ))}
            </fieldset>
          );
        })}
        {visible.length === 0 && <p className="empty-state">Không có đơn vị nào khớp với “{query}”.</p>}
      </div>
    </Dialog>
  );
}
