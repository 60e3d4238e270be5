import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * What backups and checks remember between runs, in maintenance.json beside the database — not in
 * it: it must be readable when the database is damaged, and a restore (which brings back an older
 * database) must not bring back an older backup folder or forget that it happened.
 */

const Check = z.object({ at: z.string(), ok: z.boolean(), problems: z.array(z.string()) });
export type CheckRecord = z.infer<typeof Check>;

const MaintenanceState = z.object({
  /** Null: the default folder (see backup-service.ts). */
  backupFolder: z.string().nullable().catch(null),
  lastBackup: z.object({ at: z.string(), id: z.string() }).nullable().catch(null),
  /** The last automatic backup's failure, until one succeeds again; shown on every screen. */
  lastBackupError: z.object({ at: z.string(), message: z.string() }).nullable().catch(null),
  quickCheck: Check.nullable().catch(null),
  fullCheck: Check.nullable().catch(null),
  /** The restore that "Hoàn tác khôi phục" would undo. */
  lastRestore: z.object({ at: z.string(), from: z.string(), previousDataDir: z.string() }).nullable().catch(null),
});
export type MaintenanceState = z.infer<typeof MaintenanceState>;

const EMPTY: MaintenanceState = { backupFolder: null, lastBackup: null, lastBackupError: null, quickCheck: null, fullCheck: null, lastRestore: null };

export const MAINTENANCE_FILE = 'maintenance.json';

export function createMaintenanceState(dataDir: string) {
  const file = path.join(dataDir, MAINTENANCE_FILE);
  const read = (): MaintenanceState => {
    try {
      return { ...EMPTY, ...MaintenanceState.parse(JSON.parse(fs.readFileSync(file, 'utf8'))) };
    } catch {
      return EMPTY; // absent or unreadable: start over rather than stop
    }
  };
  return {
    file,
    read,
    update(patch: Partial<MaintenanceState>): MaintenanceState {
      const next = { ...read(), ...patch };
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify(next, null, 2));
      fs.renameSync(tmp, file); // whole or not at all
      return next;
    },
  };
}
export type MaintenanceStore = ReturnType<typeof createMaintenanceState>;
