import {
  UnitGroupInput,
  UnitInput,
  UnitListQuery,
  type Unit,
  type UnitGroup,
  type UnitValues,
} from '../../shared/domain/unit.js';
import { fold, foldedTerms, nameKey } from '../../shared/vn/fold.js';
import { vnSortKey } from '../../shared/vn/collate.js';
import type { Db } from '../db/connection.js';
import type { AuditLog } from '../db/audit.js';
import { UserError, notFound } from '../api/errors.js';
import { createUnitsRepo, type StoredUnit } from './units-repo.js';

/** The field a UserError is about, so that spreadsheet imports can name the column. */
export interface FieldDetails {
  field: keyof UnitValues;
}

function fieldError(code: string, field: keyof UnitValues, message: string): UserError {
  return new UserError(code, message, { field } satisfies FieldDetails);
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export interface SaveOptions {
  /** Sample (demo) data: its e-mail addresses are marked as such on screen. */
  isSample?: boolean;
}

export function createUnitsService(db: Db, audit: AuditLog) {
  const repo = createUnitsRepo(db);
  const now = (): string => new Date().toISOString();

  function requireUnit(id: number): Unit {
    const unit = repo.getUnit(id);
    if (!unit) throw notFound(`đơn vị có mã ${id}`);
    return unit;
  }

  function requireGroup(id: number): UnitGroup {
    const group = repo.getGroup(id);
    if (!group) throw notFound(`nhóm đơn vị có mã ${id}`);
    return group;
  }

  /** Checks a unit against the others and computes its stored form. `selfId` is null for a new unit. */
  function prepare(values: UnitValues, selfId: number | null, isSample: boolean): StoredUnit {
    const key = nameKey(values.name);
    const sameName = repo.unitByNameKey(key) ?? repo.unitByAliasKey(key);
    if (sameName && sameName.id !== selfId) {
      throw fieldError(
        'duplicate_name',
        'name',
        `Đã có đơn vị "${sameName.name}" trùng tên (hoặc tên gọi khác) với "${values.name}". Hãy đặt tên khác hoặc sửa đơn vị đã có.`,
      );
    }
    if (values.code) {
      const sameCode = repo.unitByCode(values.code);
      if (sameCode && sameCode.id !== selfId) {
        throw fieldError('duplicate_code', 'code', `Mã định danh ${values.code} đã được dùng cho "${sameCode.name}".`);
      }
    }
    const emails = uniqueBy(values.emails, (e) => e);
    for (const email of emails) {
      const owner = repo.unitByEmail(email);
      if (owner && owner.id !== selfId) {
        throw fieldError('duplicate_email', 'emails', `Địa chỉ ${email} đã thuộc về "${owner.name}". Mỗi địa chỉ email chỉ thuộc một đơn vị.`);
      }
    }
    const aliases = uniqueBy(
      values.aliases.filter((a) => nameKey(a) !== key),
      nameKey,
    );
    for (const alias of aliases) {
      const aliasKey = nameKey(alias);
      const other = repo.unitByNameKey(aliasKey) ?? repo.unitByAliasKey(aliasKey);
      if (other && other.id !== selfId) {
        throw fieldError('duplicate_alias', 'aliases', `Tên gọi khác "${alias}" trùng với đơn vị "${other.name}".`);
      }
    }
    if (values.groupId !== null) requireGroup(values.groupId);
    if (values.successorId !== null) {
      if (values.successorId === selfId) {
        throw fieldError('invalid_successor', 'successorId', 'Một đơn vị không thể là đơn vị kế thừa của chính nó.');
      }
      if (!repo.getUnit(values.successorId)) {
        throw fieldError('invalid_successor', 'successorId', 'Không tìm thấy đơn vị kế thừa đã chọn.');
      }
    }
    const searchText = fold(
      [values.name, values.shortName, values.code, values.taxCode, values.contactPerson, ...aliases, ...emails]
        .filter(Boolean)
        .join(' \u0001 '),
    );
    return {
      ...values,
      emails,
      aliases,
      nameKey: key,
      sortKey: vnSortKey(values.name),
      searchText,
      aliasKeys: aliases.map(nameKey),
      isSample,
    };
  }

  function groupStored(input: UnitGroupInput) {
    const g = UnitGroupInput.parse(input);
    return {
      name: g.name,
      nameKey: nameKey(g.name),
      kinhGuiLabel: g.kinhGuiLabel ?? g.name,
      sortOrder: g.sortOrder,
      sortKey: vnSortKey(g.name),
    };
  }

  function duplicateGroup(name: string): UserError {
    return new UserError('duplicate_group', `Đã có nhóm "${name}". Hãy đặt tên khác.`);
  }

  const service = {
    listGroups: (): UnitGroup[] => repo.listGroups(),
    groupIdByName: (name: string): number | undefined => repo.groupIdByKey(nameKey(name)),

    createGroup(input: UnitGroupInput): UnitGroup {
      const stored = groupStored(input);
      return db.transaction(() => {
        if (repo.groupIdByKey(stored.nameKey) !== undefined) throw duplicateGroup(stored.name);
        const id = repo.insertGroup(stored);
        audit.record({ action: 'create', entity: 'unit_group', entityId: id, detail: { name: stored.name } });
        return requireGroup(id);
      })();
    },

    updateGroup(id: number, input: UnitGroupInput): UnitGroup {
      const stored = groupStored(input);
      return db.transaction(() => {
        requireGroup(id);
        const other = repo.groupIdByKey(stored.nameKey);
        if (other !== undefined && other !== id) throw duplicateGroup(stored.name);
        repo.updateGroup(id, stored);
        audit.record({ action: 'update', entity: 'unit_group', entityId: id, detail: { name: stored.name } });
        return requireGroup(id);
      })();
    },

    list(query: UnitListQuery = {}): Unit[] {
      const q = UnitListQuery.parse(query);
      return repo.listUnits({ groupId: q.groupId, includeInactive: q.includeInactive, terms: foldedTerms(q.query) });
    },

    get: requireUnit,

    create(input: UnitInput, options: SaveOptions = {}): Unit {
      const values = UnitInput.parse(input);
      return db.transaction(() => {
        const id = repo.insertUnit(prepare(values, null, options.isSample ?? false), now());
        audit.record({ action: 'create', entity: 'unit', entityId: id, detail: { name: values.name } });
        return requireUnit(id);
      })();
    },

    update(id: number, input: UnitInput): Unit {
      const values = UnitInput.parse(input);
      return db.transaction(() => {
        const before = requireUnit(id);
        // Addresses the clerk has changed are real ones: the sample mark goes with the sample addresses.
        const stillSample = before.isSample && before.emails.join('\n') === values.emails.join('\n');
        repo.updateUnit(id, prepare(values, id, stillSample), now());
        audit.record({ action: 'update', entity: 'unit', entityId: id, detail: { before: before.name, after: values.name } });
        return requireUnit(id);
      })();
    },

    setActive(id: number, active: boolean): Unit {
      return db.transaction(() => {
        requireUnit(id);
        repo.setActive(id, active, now());
        audit.record({ action: active ? 'activate' : 'deactivate', entity: 'unit', entityId: id });
        return requireUnit(id);
      })();
    },

    /** A unit that something refers to is kept (history) and deactivated; otherwise it is deleted. */
    remove(id: number): { outcome: 'deleted' | 'deactivated'; unit: Unit | null } {
      return db.transaction(() => {
        const unit = requireUnit(id);
        if (repo.referenceCount(id) > 0) {
          repo.setActive(id, false, now());
          audit.record({ action: 'deactivate', entity: 'unit', entityId: id, detail: { reason: 'referenced' } });
          return { outcome: 'deactivated' as const, unit: requireUnit(id) };
        }
        repo.deleteUnit(id);
        audit.record({ action: 'delete', entity: 'unit', entityId: id, detail: { name: unit.name } });
        return { outcome: 'deleted' as const, unit: null };
      })();
    },

    /** The e-mail addresses of these units, main address first, each once. */
    emailsOf(unitIds: number[]): string[] {
      return [...new Set(unitIds.flatMap((id) => repo.getUnit(id)?.emails ?? []))];
    },

    /** Finds a unit by its stored name or an alias (folded). */
    findByName(name: string): Unit | undefined {
      const key = nameKey(name);
      const hit = repo.unitByNameKey(key) ?? repo.unitByAliasKey(key);
      return hit && requireUnit(hit.id);
    },
  };
  return service;
}
export type UnitsService = ReturnType<typeof createUnitsService>;
