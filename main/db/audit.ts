import os from 'node:os';
import type { Db } from './connection.js';

/** "Who" in the audit log: the app has no accounts, so the Windows user and machine (DESIGN §4). */
export function currentActor(): string {
  let user = 'không rõ';
  try {
    user = os.userInfo().username;
  } catch {
    // userInfo throws when the account has no home entry; the machine name still identifies the PC.
  }
  return `${user}@${os.hostname()}`;
}

export interface AuditEntry {
  action: 'create' | 'update' | 'delete' | 'deactivate' | 'activate' | 'import' | 'init';
  entity: string;
  entityId?: number | null;
  detail?: unknown;
}

export function createAuditLog(db: Db, actor: string = currentActor()) {
  const insert = db.prepare(
    'INSERT INTO audit_log (at, actor, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)',
  );
  return {
    record(entry: AuditEntry): void {
      insert.run(
        new Date().toISOString(),
        actor,
        entry.action,
        entry.entity,
        entry.entityId ?? null,
        entry.detail === undefined ? null : JSON.stringify(entry.detail),
      );
    },
  };
}
export type AuditLog = ReturnType<typeof createAuditLog>;
