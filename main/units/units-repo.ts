import type { Db } from '../db/connection.js';
import type { Unit, UnitGroup, UnitValues } from '../../shared/domain/unit.js';

/** The SQL for unit groups and units; no rules here, only storage. */

interface GroupRow {
  id: number;
  name: string;
  kinh_gui_label: string;
  sort_order: number;
  unit_count: number;
}

interface UnitRow {
  id: number;
  name: string;
  short_name: string | null;
  group_id: number | null;
  group_name: string | null;
  code: string | null;
  tax_code: string | null;
  emails_json: string;
  phone: string | null;
  address: string | null;
  contact_person: string | null;
  aliases_json: string;
  valid_from: string | null;
  valid_until: string | null;
  successor_id: number | null;
  successor_name: string | null;
  active: number;
  sort_order: number;
  is_sample: number;
  created_at: string;
  updated_at: string;
}

const UNIT_SELECT = `
  SELECT u.id, u.name, u.short_name, u.group_id, g.name AS group_name, u.code, u.tax_code,
         (SELECT json_group_array(email) FROM (SELECT email FROM unit_emails e WHERE e.unit_id = u.id ORDER BY position)) AS emails_json,
         u.phone, u.address, u.contact_person,
         (SELECT json_group_array(alias) FROM (SELECT alias FROM unit_aliases a WHERE a.unit_id = u.id ORDER BY position)) AS aliases_json,
         u.valid_from, u.valid_until, u.successor_id, s.name AS successor_name,
         u.active, u.sort_order, u.is_sample, u.created_at, u.updated_at
    FROM units u
    LEFT JOIN unit_groups g ON g.id = u.group_id
    LEFT JOIN units s ON s.id = u.successor_id`;

// Units without a group come last; then the group's order, then the unit's order, then Vietnamese collation.
const UNIT_ORDER = 'ORDER BY u.group_id IS NULL, g.sort_order, g.sort_key, u.sort_order, u.sort_key';

function toUnit(r: UnitRow): Unit {
  return {
    id: r.id,
    name: r.name,
    shortName: r.short_name,
    groupId: r.group_id,
    groupName: r.group_name,
    code: r.code,
    taxCode: r.tax_code,
    emails: JSON.parse(r.emails_json) as string[],
    phone: r.phone,
    address: r.address,
    contactPerson: r.contact_person,
    aliases: JSON.parse(r.aliases_json) as string[],
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    successorId: r.successor_id,
    successorName: r.successor_name,
    active: r.active === 1,
    sortOrder: r.sort_order,
    isSample: r.is_sample === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toGroup(r: GroupRow): UnitGroup {
  return { id: r.id, name: r.name, kinhGuiLabel: r.kinh_gui_label, sortOrder: r.sort_order, unitCount: r.unit_count };
}

export interface StoredGroup {
  name: string;
  nameKey: string;
  kinhGuiLabel: string;
  sortOrder: number;
  sortKey: string;
}

/** A unit's values as stored, with the derived columns computed by the service. */
export interface StoredUnit extends UnitValues {
  nameKey: string;
  sortKey: string;
  searchText: string;
  aliasKeys: string[];
  isSample: boolean;
}

export function createUnitsRepo(db: Db) {
  const groupList = db.prepare<[], GroupRow>(`
    SELECT g.id, g.name, g.kinh_gui_label, g.sort_order,
           (SELECT count(*) FROM units u WHERE u.group_id = g.id AND u.active = 1) AS unit_count
      FROM unit_groups g ORDER BY g.sort_order, g.sort_key`);
  const groupById = db.prepare<[number], GroupRow>(`
    SELECT g.id, g.name, g.kinh_gui_label, g.sort_order,
           (SELECT count(*) FROM units u WHERE u.group_id = g.id AND u.active = 1) AS unit_count
      FROM unit_groups g WHERE g.id = ?`);
  const groupIdByKey = db.prepare<[string], { id: number }>('SELECT id FROM unit_groups WHERE name_key = ?');
  const groupInsert = db.prepare(
    'INSERT INTO unit_groups (name, name_key, kinh_gui_label, sort_order, sort_key) VALUES (@name, @nameKey, @kinhGuiLabel, @sortOrder, @sortKey)',
  );
  const groupUpdate = db.prepare(
    'UPDATE unit_groups SET name = @name, name_key = @nameKey, kinh_gui_label = @kinhGuiLabel, sort_order = @sortOrder, sort_key = @sortKey WHERE id = @id',
  );

  const unitById = db.prepare<[number], UnitRow>(`${UNIT_SELECT} WHERE u.id = ?`);
  const unitIdByNameKey = db.prepare<[string], { id: number; name: string }>('SELECT id, name FROM units WHERE name_key = ?');
  const unitIdByCode = db.prepare<[string], { id: number; name: string }>('SELECT id, name FROM units WHERE code = ?');
  const unitByEmail = db.prepare<[string], { id: number; name: string }>(
    'SELECT u.id, u.name FROM unit_emails e JOIN units u ON u.id = e.unit_id WHERE e.email = ?',
  );
  const unitByAliasKey = db.prepare<[string], { id: number; name: string }>(
    'SELECT u.id, u.name FROM unit_aliases a JOIN units u ON u.id = a.unit_id WHERE a.alias_key = ?',
  );
  const unitInsert = db.prepare(`
    INSERT INTO units (name, name_key, short_name, group_id, code, tax_code, phone, address, contact_person,
                       valid_from, valid_until, successor_id, active, sort_order, sort_key, search_text, is_sample,
                       created_at, updated_at)
    VALUES (@name, @nameKey, @shortName, @groupId, @code, @taxCode, @phone, @address, @contactPerson,
            @validFrom, @validUntil, @successorId, @active, @sortOrder, @sortKey, @searchText, @isSample, @now, @now)`);
  const unitUpdate = db.prepare(`
    UPDATE units SET name = @name, name_key = @nameKey, short_name = @shortName, group_id = @groupId, code = @code,
           tax_code = @taxCode, phone = @phone, address = @address, contact_person = @contactPerson,
           valid_from = @validFrom, valid_until = @validUntil, successor_id = @successorId, active = @active,
           sort_order = @sortOrder, sort_key = @sortKey, search_text = @searchText, is_sample = @isSample,
           updated_at = @now
     WHERE id = @id`);
  const emailsDelete = db.prepare('DELETE FROM unit_emails WHERE unit_id = ?');
  const emailInsert = db.prepare('INSERT INTO unit_emails (unit_id, position, email) VALUES (?, ?, ?)');
  const aliasesDelete = db.prepare('DELETE FROM unit_aliases WHERE unit_id = ?');
  const aliasInsert = db.prepare('INSERT INTO unit_aliases (unit_id, position, alias, alias_key) VALUES (?, ?, ?, ?)');
  const setActiveStmt = db.prepare('UPDATE units SET active = ?, updated_at = ? WHERE id = ?');
  const deleteStmt = db.prepare('DELETE FROM units WHERE id = ?');
  const references = db.prepare<[number, number, number], { n: number }>(`
    SELECT (SELECT count(*) FROM units WHERE successor_id = ?)
         + (SELECT count(*) FROM dispatch_units WHERE unit_id = ?)
         + (SELECT count(*) FROM incoming_documents WHERE unit_id = ?) AS n`);

  function unitParams(u: StoredUnit, now: string) {
    return {
      name: u.name,
      nameKey: u.nameKey,
      shortName: u.shortName,
      groupId: u.groupId,
      code: u.code,
      taxCode: u.taxCode,
      phone: u.phone,
      address: u.address,
      contactPerson: u.contactPerson,
      validFrom: u.validFrom,
      validUntil: u.validUntil,
      successorId: u.successorId,
      active: u.active ? 1 : 0,
      sortOrder: u.sortOrder,
      sortKey: u.sortKey,
      searchText: u.searchText,
      isSample: u.isSample ? 1 : 0,
      now,
    };
  }

  function writeLists(id: number, u: StoredUnit): void {
    emailsDelete.run(id);
    u.emails.forEach((email, i) => emailInsert.run(id, i, email));
    aliasesDelete.run(id);
    u.aliases.forEach((alias, i) => aliasInsert.run(id, i, alias, u.aliasKeys[i]));
  }

  return {
    listGroups: (): UnitGroup[] => groupList.all().map(toGroup),
    getGroup: (id: number): UnitGroup | undefined => {
      const r = groupById.get(id);
      return r && toGroup(r);
    },
    groupIdByKey: (key: string): number | undefined => groupIdByKey.get(key)?.id,
    insertGroup: (g: StoredGroup): number => Number(groupInsert.run(g).lastInsertRowid),
    updateGroup: (id: number, g: StoredGroup): void => void groupUpdate.run({ ...g, id }),

    /** Lists units; `terms` are folded words that must all occur in the unit's search text. */
    listUnits(filter: { groupId: number | null; includeInactive: boolean; terms: string[] }): Unit[] {
      const where: string[] = [];
      const params: (string | number)[] = [];
      if (filter.groupId !== null) {
        where.push('u.group_id = ?');
        params.push(filter.groupId);
      }
      if (!filter.includeInactive) where.push('u.active = 1');
      for (const term of filter.terms) {
        where.push("u.search_text LIKE ? ESCAPE '\\'");
        params.push(`%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      }
      const sql = `${UNIT_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ${UNIT_ORDER}`;
      return db.prepare<(string | number)[], UnitRow>(sql).all(...params).map(toUnit);
    },
    getUnit: (id: number): Unit | undefined => {
      const r = unitById.get(id);
      return r && toUnit(r);
    },
    unitByNameKey: (key: string) => unitIdByNameKey.get(key),
    unitByCode: (code: string) => unitIdByCode.get(code),
    unitByEmail: (email: string) => unitByEmail.get(email),
    unitByAliasKey: (key: string) => unitByAliasKey.get(key),

    insertUnit(u: StoredUnit, now: string): number {
      const id = Number(unitInsert.run(unitParams(u, now)).lastInsertRowid);
      writeLists(id, u);
      return id;
    },
    updateUnit(id: number, u: StoredUnit, now: string): void {
      unitUpdate.run({ ...unitParams(u, now), id });
      writeLists(id, u);
    },
    setActive: (id: number, active: boolean, now: string): void => void setActiveStmt.run(active ? 1 : 0, now, id),
    deleteUnit: (id: number): void => void deleteStmt.run(id),
    /** How many records point at this unit: successors, dispatches and received documents. */
    referenceCount: (id: number): number => references.get(id, id, id)?.n ?? 0,
  };
}
export type UnitsRepo = ReturnType<typeof createUnitsRepo>;
