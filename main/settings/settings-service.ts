import { OrganisationProfile, type OrganisationProfileInput } from '../../shared/domain/organisation.js';
import type { Db } from '../db/connection.js';
import type { AuditLog } from '../db/audit.js';

const PROFILE_KEY = 'organisation_profile';
const FIRST_RUN_KEY = 'first_run_done';
const NUMBERING_KEY = 'numbering_sequence';

/**
 * How outgoing administrative documents are numbered (nd30 §5: the head of the agency decides):
 * one sequence for all of them, or one per document type. Secret documents always have their own.
 */
export type NumberingMode = 'shared' | 'per_type';

const INTAKE_KEY = 'intake';

/** How imports treat duplicates and large files (issue 4: both are settings). */
export interface IntakeSettings {
  /** 'warn': not registered twice, the clerk is told which entry it repeats; 'reject': refused; 'allow': registered again. */
  duplicatePolicy: 'reject' | 'warn' | 'allow';
  /** Files larger than this are refused (kept out of the register, with a reason). */
  maxFileMb: number;
  /** Read page 1 of scans with OCR at import (it takes a few seconds a page). */
  ocr: boolean;
}

export const DEFAULT_INTAKE_SETTINGS: IntakeSettings = { duplicatePolicy: 'warn', maxFileMb: 100, ocr: true };

/** Before the clerk fills it in, the profile is empty but valid enough to show a form. */
const EMPTY_PROFILE: OrganisationProfile = {
  parentAgency: '',
  agencyName: '',
  symbol: '',
  placeName: '',
  address: null,
  phone: null,
  email: null,
  website: null,
  departments: [],
  signers: [],
};

export function createSettingsService(db: Db, audit: AuditLog) {
  const read = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const write = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );

  return {
    getProfile(): OrganisationProfile {
      const row = read.get(PROFILE_KEY);
      if (!row) return EMPTY_PROFILE;
      const parsed = OrganisationProfile.safeParse(JSON.parse(row.value));
      return parsed.success ? parsed.data : EMPTY_PROFILE;
    },
    saveProfile(input: OrganisationProfileInput): OrganisationProfile {
      const profile = OrganisationProfile.parse(input);
      db.transaction(() => {
        write.run(PROFILE_KEY, JSON.stringify(profile));
        audit.record({ action: 'update', entity: 'settings', detail: { key: PROFILE_KEY } });
      })();
      return profile;
    },
    getNumberingMode(): NumberingMode {
      const row = read.get(NUMBERING_KEY);
      return row && JSON.parse(row.value) === 'per_type' ? 'per_type' : 'shared';
    },
    saveNumberingMode(mode: NumberingMode): void {
      db.transaction(() => {
        write.run(NUMBERING_KEY, JSON.stringify(mode));
        audit.record({ action: 'update', entity: 'settings', detail: { key: NUMBERING_KEY, mode } });
      })();
    },
    getIntake(): IntakeSettings {
      const row = read.get(INTAKE_KEY);
      return row ? { ...DEFAULT_INTAKE_SETTINGS, ...(JSON.parse(row.value) as Partial<IntakeSettings>) } : DEFAULT_INTAKE_SETTINGS;
    },
    saveIntake(settings: IntakeSettings): void {
      db.transaction(() => {
        write.run(INTAKE_KEY, JSON.stringify(settings));
        audit.record({ action: 'update', entity: 'settings', detail: { key: INTAKE_KEY, settings } });
      })();
    },
    isFirstRun(): boolean {
      return !read.get(FIRST_RUN_KEY);
    },
    markFirstRunDone(): void {
      write.run(FIRST_RUN_KEY, JSON.stringify(new Date().toISOString()));
    },
  };
}
export type SettingsService = ReturnType<typeof createSettingsService>;
