import { useState, type FormEvent } from 'react';
import type { UnitGroup } from '../../../../shared/domain/unit';
import { api } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';

interface GroupsDialogProps {
  groups: UnitGroup[];
  onChanged(): void;
  onClose(): void;
}

/** Which group the editor under the table is working on: a new one, or one of the list. */
type Editing = { kind: 'new' } | { kind: 'existing'; group: UnitGroup };

/** "Quản lý nhóm…": the groups with their "Kính gửi" wording and order; add or edit one at a time. */
export function GroupsDialog({ groups, onChanged, onClose }: GroupsDialogProps) {
  const [editing, setEditing] = useState<Editing>({ kind: 'new' });
  const [savedMessage, setSavedMessage] = useState<string | null>(null);

  return (
    <Dialog
      title="Quản lý nhóm đơn vị"
      size="large"
      onClose={onClose}
      footer={
        <button type="button" className="button" onClick={onClose}>
          Đóng
        </button>
      }
    >
      {savedMessage && <Notice tone="info">{savedMessage}</Notice>}
      <table className="data-table groups-table">
        <thead>
          <tr>
            <th scope="col">Tên nhóm</th>
            <th scope="col">Nhãn sau “Kính gửi”</th>
            <th scope="col" className="numeric">
              Thứ tự
            </th>
            <th scope="col" className="numeric">
              Số đơn vị
            </th>
            <th scope="col">
              <span className="visually-hidden">Thao tác</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {groups.length === 0 && (
            <tr>
              <td colSpan={5} className="table-empty">
                Chưa có nhóm nào. Điền tên nhóm bên dưới rồi bấm “Lưu nhóm”.
              </td>
            </tr>
          )}
          {groups.map((group) => (
            <tr key={group.id} className={editing.kind === 'existing' && editing.group.id === group.id ? 'row-editing' : undefined}>
              <td>{group.name}</td>
              <td>{group.kinhGuiLabel}</td>
              <td className="numeric">{group.sortOrder}</td>
              <td className="numeric">{group.unitCount}</td>
              <td className="actions">
                <button
                  type="button"
                  className="button button-subtle"
                  aria-label={`Sửa nhóm ${group.name}`}
                  onClick={() => {
                    setSavedMessage(null);
                    setEditing({ kind: 'existing', group });
                  }}
                >
                  Sửa
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <GroupEditor
        // A fresh editor, with the next free order, once a new group appears in the list.
        key={`${editing.kind === 'existing' ? editing.group.id : 'new'}-${groups.length}`}
        group={editing.kind === 'existing' ? editing.group : null}
        nextSortOrder={Math.max(0, ...groups.map((g) => g.sortOrder)) + 1}
        onSaved={(group, created) => {
          setSavedMessage(created ? `Đã thêm nhóm “${group.name}”.` : `Đã lưu nhóm “${group.name}”.`);
          setEditing({ kind: 'new' });
          onChanged();
        }}
        onCancel={() => setEditing({ kind: 'new' })}
      />
    </Dialog>
  );
}

interface GroupEditorProps {
  group: UnitGroup | null;
  nextSortOrder: number;
  onSaved(group: UnitGroup, created: boolean): void;
  onCancel(): void;
}

function GroupEditor({ group, nextSortOrder, onSaved, onCancel }: GroupEditorProps) {
  const [name, setName] = useState(group?.name ?? '');
  const [kinhGuiLabel, setKinhGuiLabel] = useState(group?.kinhGuiLabel ?? '');
  const [sortOrder, setSortOrder] = useState(String(group?.sortOrder ?? nextSortOrder));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!name.trim()) {
      setError('Hãy nhập tên nhóm.');
      return;
    }
    setBusy(true);
    setError(null);
    const input = { name, kinhGuiLabel, sortOrder: Number.parseInt(sortOrder, 10) || 0 };
    try {
      const saved = group ? await api.call('groups.update', { id: group.id, group: input }) : await api.call('groups.create', input);
      onSaved(saved, !group);
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <form className="group-editor" noValidate onSubmit={(e) => void submit(e)}>
      <h3 className="form-section-title">{group ? `Sửa nhóm “${group.name}”` : 'Thêm nhóm'}</h3>
      {error && <Notice tone="error">{error}</Notice>}
      <div className="form-grid group-editor-grid">
        <Field label="Tên nhóm" required>
          {(control) => <input {...control} className="input" value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label="Nhãn sau Kính gửi" hint="Để trống thì dùng tên nhóm.">
          {(control) => (
            <input
              {...control}
              className="input"
              placeholder="Ủy ban nhân dân các huyện, thành phố"
              value={kinhGuiLabel}
              onChange={(e) => setKinhGuiLabel(e.target.value)}
            />
          )}
        </Field>
        <Field label="Thứ tự">
          {(control) => (
            <input {...control} className="input input-number" type="number" min={0} step={1} value={sortOrder} onChange={(e) => setSortOrder(e.target.value)} />
          )}
        </Field>
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          Lưu nhóm
        </button>
        {group && (
          <button type="button" className="button" onClick={onCancel}>
            Thôi sửa
          </button>
        )}
      </div>
    </form>
  );
}
